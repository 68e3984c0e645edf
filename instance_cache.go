package connectlite

import (
	"context"
	"maps"
	"sync"
	"time"
)

// Bounds of the Service's instance cache.
const (
	// instanceCacheTTL is how long a cached instance is trusted. Another
	// replica on the same database may delete or change the instance
	// meanwhile: this replica then sees the change within the TTL. Until
	// then nothing can write into a deleted instance, because the stores
	// check the instance inside each write's transaction (foreign keys);
	// only reads of the instance itself may be that stale.
	instanceCacheTTL = 2 * time.Second
	// instanceCacheSize bounds the entries; a full cache drops the expired
	// ones, then arbitrary ones.
	instanceCacheSize = 1024
)

// instanceCache keeps recently read instances, since every request of an
// instance's resources first reads the instance. The zero value is ready;
// it is safe for concurrent use.
type instanceCache struct {
	now func() time.Time // nil means time.Now; tests inject a clock

	mu      sync.Mutex
	entries map[string]instanceCacheEntry
	// gen counts invalidations, so that a read of the store that an
	// invalidation overtook does not put its stale result back.
	gen uint64
}

type instanceCacheEntry struct {
	inst    Instance
	expires time.Time
}

func (c *instanceCache) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}

// get returns a copy of the cached instance, or ok false and the
// generation to pass to put.
func (c *instanceCache) get(id string) (inst *Instance, gen uint64, ok bool) {
	now := c.clock()
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.entries[id]
	if !found || !now.Before(e.expires) {
		return nil, c.gen, false
	}
	return cloneInstance(&e.inst), c.gen, true
}

// put caches a copy of inst, read from the store at generation gen, unless
// an invalidation happened since.
func (c *instanceCache) put(inst *Instance, gen uint64) {
	now := c.clock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil {
		c.entries = make(map[string]instanceCacheEntry)
	}
	if _, found := c.entries[inst.ID]; !found && len(c.entries) >= instanceCacheSize {
		for id, e := range c.entries {
			if !now.Before(e.expires) {
				delete(c.entries, id)
			}
		}
		for id := range c.entries {
			if len(c.entries) < instanceCacheSize {
				break
			}
			delete(c.entries, id)
		}
	}
	c.entries[inst.ID] = instanceCacheEntry{inst: *cloneInstance(inst), expires: now.Add(instanceCacheTTL)}
}

// invalidate forgets the instance; the caller has just changed or deleted
// it in the store.
func (c *instanceCache) invalidate(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	delete(c.entries, id)
}

// cloneInstance copies inst, so that callers never share the cache's map.
func cloneInstance(inst *Instance) *Instance {
	c := *inst
	c.Tags = maps.Clone(inst.Tags)
	return &c
}

// loadInstance returns the instance with that id from the cache or the
// store.
func (s *Service) loadInstance(ctx context.Context, id string) (*Instance, error) {
	inst, gen, ok := s.instances.get(id)
	if ok {
		return inst, nil
	}
	inst, err := s.Store.Instance(ctx, id)
	if err != nil {
		return nil, err
	}
	s.instances.put(inst, gen)
	return inst, nil
}
