package connectlite

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingInstanceStore serves instances from a map and counts the reads;
// the Store methods the tests do not call panic through the nil interface.
type countingInstanceStore struct {
	Store
	mu        sync.Mutex
	instances map[string]Instance
	reads     atomic.Int64
	// beforeReturn, if set, runs between reading and returning an
	// instance: a test uses it to invalidate during a load.
	beforeReturn func()
}

func (s *countingInstanceStore) Instance(_ context.Context, id string) (*Instance, error) {
	s.reads.Add(1)
	s.mu.Lock()
	inst, ok := s.instances[id]
	s.mu.Unlock()
	if !ok {
		return nil, Errorf(KindNotFound, "no instance %s", id)
	}
	if s.beforeReturn != nil {
		s.beforeReturn()
	}
	inst.Tags = cloneInstance(&inst).Tags
	return &inst, nil
}

func (s *countingInstanceStore) set(inst Instance) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.instances[inst.ID] = inst
}

func (s *countingInstanceStore) DeleteInstance(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.instances[id]; !ok {
		return Errorf(KindNotFound, "no instance %s", id)
	}
	delete(s.instances, id)
	return nil
}

func (s *countingInstanceStore) UpdateInstanceAttribute(_ context.Context, id, typ, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	inst := s.instances[id]
	switch typ {
	case "INBOUND_CALLS":
		inst.InboundCallsEnabled = value == "true"
	case "OUTBOUND_CALLS":
		inst.OutboundCallsEnabled = value == "true"
	}
	s.instances[id] = inst
	return nil
}

func (s *countingInstanceStore) UpdateTags(_ context.Context, ref ResourceRef, _ time.Time, _ string, mutate func(map[string]string) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	inst := s.instances[ref.InstanceID]
	tags := cloneInstance(&inst).Tags
	if tags == nil {
		tags = map[string]string{}
	}
	if err := mutate(tags); err != nil {
		return err
	}
	inst.Tags = tags
	s.instances[ref.InstanceID] = inst
	return nil
}

const cacheTestInstance = "11111111-2222-4333-8444-555555555555"

// newCacheService returns a service over a counting store holding one
// instance, and the clock its cache reads.
func newCacheService(t *testing.T) (*Service, *countingInstanceStore, *atomic.Int64) {
	t.Helper()
	st := &countingInstanceStore{instances: map[string]Instance{cacheTestInstance: {
		ID: cacheTestInstance, AccountID: "123456789012", Region: "us-west-2", Tags: map[string]string{"a": "1"},
	}}}
	var nanos atomic.Int64
	s := &Service{Store: st, Now: time.Now, AccountID: "123456789012"}
	s.instances.now = func() time.Time { return time.Unix(0, nanos.Load()) }
	return s, st, &nanos
}

func TestInstanceCacheServesRepeatsUntilTTL(t *testing.T) {
	s, st, clock := newCacheService(t)
	ctx := t.Context()
	for i := range 3 {
		if _, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance); err != nil {
			t.Fatalf("DescribeInstance #%d: %v", i, err)
		}
	}
	if got, want := st.reads.Load(), int64(1); got != want {
		t.Fatalf("store reads after 3 DescribeInstance = %d, want %d", got, want)
	}
	// Another replica changes the instance: seen once the entry expires.
	changed := st.instances[cacheTestInstance]
	changed.InboundCallsEnabled = true
	st.set(changed)
	clock.Add(int64(instanceCacheTTL - time.Nanosecond))
	if inst, _ := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance); inst.InboundCallsEnabled {
		t.Fatalf("DescribeInstance before the TTL: change visible; want the cached instance (reads %d)", st.reads.Load())
	}
	clock.Add(int64(time.Nanosecond))
	inst, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance)
	if err != nil || !inst.InboundCallsEnabled {
		t.Fatalf("DescribeInstance after the TTL = %+v, %v; want InboundCallsEnabled", inst, err)
	}
	if got, want := st.reads.Load(), int64(2); got != want {
		t.Fatalf("store reads = %d, want %d", got, want)
	}
	// The region check applies to cached instances too.
	_, err = s.DescribeInstance(ctx, "eu-west-1", cacheTestInstance)
	if got, want := KindOf(err), KindNotFound; got != want {
		t.Fatalf("DescribeInstance(other region): kind = %v, want %v (err: %v)", got, want, err)
	}
}

func TestInstanceCacheIsInvalidatedByLocalChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(ctx context.Context, s *Service) error
		check  func(inst *Instance, err error) bool
	}{
		{"DeleteInstance", func(ctx context.Context, s *Service) error {
			return s.DeleteInstance(ctx, "us-west-2", cacheTestInstance)
		}, func(_ *Instance, err error) bool { return KindOf(err) == KindNotFound }},
		{"UpdateInstanceAttribute", func(ctx context.Context, s *Service) error {
			return s.UpdateInstanceAttribute(ctx, "us-west-2", cacheTestInstance, "OUTBOUND_CALLS", "true")
		}, func(inst *Instance, err error) bool { return err == nil && inst.OutboundCallsEnabled }},
		{"TagResource", func(ctx context.Context, s *Service) error {
			return s.TagResource(ctx, "us-west-2", "arn:aws:connect:us-west-2:123456789012:instance/"+cacheTestInstance,
				map[string]string{"b": "2"})
		}, func(inst *Instance, err error) bool { return err == nil && inst.Tags["b"] == "2" }},
		{"UntagResource", func(ctx context.Context, s *Service) error {
			return s.UntagResource(ctx, "us-west-2", "arn:aws:connect:us-west-2:123456789012:instance/"+cacheTestInstance,
				[]string{"a"})
		}, func(inst *Instance, err error) bool { _, ok := inst.Tags["a"]; return err == nil && !ok }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := newCacheService(t)
			ctx := t.Context()
			if _, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance); err != nil {
				t.Fatal(err)
			}
			if err := tc.change(ctx, s); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			// The clock has not moved: only the invalidation can explain
			// seeing the change.
			inst, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance)
			if !tc.check(inst, err) {
				t.Fatalf("DescribeInstance after %s = %+v, %v; the cache kept the old instance", tc.name, inst, err)
			}
		})
	}
}

func TestInstanceCacheDropsALoadThatAnInvalidationOvertook(t *testing.T) {
	s, st, _ := newCacheService(t)
	ctx := t.Context()
	// The load reads the old instance, then a local change invalidates
	// before the load puts it in the cache.
	st.beforeReturn = func() {
		st.beforeReturn = nil
		if err := s.UpdateInstanceAttribute(ctx, "us-west-2", cacheTestInstance, "INBOUND_CALLS", "true"); err != nil {
			t.Error(err)
		}
	}
	if inst, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance); err != nil || inst.InboundCallsEnabled {
		t.Fatalf("first DescribeInstance = %+v, %v; want the instance as read before the change", inst, err)
	}
	inst, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance)
	if err != nil || !inst.InboundCallsEnabled {
		t.Fatalf("second DescribeInstance = %+v, %v; the overtaken load was cached", inst, err)
	}
}

func TestInstanceCacheReturnsCopies(t *testing.T) {
	s, _, _ := newCacheService(t)
	ctx := t.Context()
	inst, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance)
	if err != nil {
		t.Fatal(err)
	}
	inst.Tags["a"] = "changed by the caller"
	inst.Alias = "changed"
	again, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance)
	if err != nil || again.Tags["a"] != "1" || again.Alias != "" {
		t.Fatalf("DescribeInstance after a caller changed its copy = %+v, %v; want the stored instance", again, err)
	}
}

func TestInstanceCacheIsBounded(t *testing.T) {
	var c instanceCache
	var nanos int64
	c.now = func() time.Time { return time.Unix(0, nanos) }
	for i := range 3 * instanceCacheSize {
		c.put(&Instance{ID: fmt.Sprint(i)}, 0)
		if i == instanceCacheSize {
			nanos += int64(instanceCacheTTL) // the first ones expire
		}
	}
	if got := len(c.entries); got > instanceCacheSize {
		t.Fatalf("entries = %d, want at most %d", got, instanceCacheSize)
	}
	last := fmt.Sprint(3*instanceCacheSize - 1)
	if _, _, ok := c.get(last); !ok {
		t.Fatalf("the newest entry %s was dropped", last)
	}
}

func TestInstanceCacheConcurrentUse(t *testing.T) {
	s, _, _ := newCacheService(t)
	ctx := t.Context()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 200 {
				if w == 0 && i%10 == 0 {
					if err := s.UpdateInstanceAttribute(ctx, "us-west-2", cacheTestInstance, "INBOUND_CALLS", fmt.Sprint(i%20 == 0)); err != nil {
						t.Error(err)
					}
					continue
				}
				inst, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance)
				if err != nil {
					t.Error(err)
					return
				}
				inst.Tags["w"] = "mine" // each caller owns its copy
			}
		})
	}
	wg.Wait()
	// The last change is visible: no load from before it stayed cached.
	if err := s.UpdateInstanceAttribute(ctx, "us-west-2", cacheTestInstance, "INBOUND_CALLS", "true"); err != nil {
		t.Fatal(err)
	}
	if inst, err := s.DescribeInstance(ctx, "us-west-2", cacheTestInstance); err != nil || !inst.InboundCallsEnabled || inst.Tags["w"] != "" {
		t.Fatalf("DescribeInstance after concurrent use = %+v, %v", inst, err)
	}
}
