package storecodec

import (
	"encoding/json"
	"fmt"
	"sync"
)

// The kinds of per-channel config list a ListCache holds, one map each.
const (
	listAutoAccept = iota
	listACW
	listPhoneNumber
	listPersistentConnection
	listVoiceEnhancement
	listStrings
	listKinds
)

// maxCachedLists bounds each kind's map of a ListCache. Past it, values are
// decoded without being remembered.
const maxCachedLists = 1024

// ListCache remembers the decoded form of users' per-channel config lists,
// keyed by their JSON. Most users share a handful of distinct values (those
// a PhoneConfig implies), and decoding five small JSON arrays with
// encoding/json was a tenth of DescribeUser's CPU (issue 6). A hit still
// builds fresh domain values, pointers included, so callers may change what
// they get. The zero value is ready; it is safe for concurrent use.
type ListCache struct {
	mu    sync.RWMutex
	lists [listKinds]map[string]any // JSON -> []J, never changed once stored
}

// DecodeStringsCached is DecodeStrings through c (nil: no cache): the
// security profile ids of users repeat as much as their config lists.
func DecodeStringsCached[S Text](c *ListCache, s S) ([]string, error) {
	return decodeListCached(c, listStrings, s, same[string])
}

// decodeListCached is decodeList through c (nil: no cache).
func decodeListCached[S Text, T, J any](c *ListCache, kind int, s S, f func(J) T) ([]T, error) {
	if c == nil || string(s) == "[]" {
		return decodeList(s, f)
	}
	c.mu.RLock()
	v, ok := c.lists[kind][string(s)]
	full := len(c.lists[kind]) >= maxCachedLists
	c.mu.RUnlock()
	in, _ := v.([]J)
	if !ok {
		if err := json.Unmarshal([]byte(s), &in); err != nil {
			return nil, fmt.Errorf("decode list: %w", err)
		}
		if full {
			// Values unique to a user (a desk phone's number) can fill
			// the map; then a miss takes no exclusive lock.
			return fromList(in, f), nil
		}
		c.mu.Lock()
		if c.lists[kind] == nil {
			c.lists[kind] = make(map[string]any)
		}
		if len(c.lists[kind]) < maxCachedLists {
			c.lists[kind][string(s)] = in
		}
		c.mu.Unlock()
	}
	return fromList(in, f), nil
}
