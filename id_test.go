package connectlite

import (
	"regexp"
	"testing"
)

func TestNewIDIsTimeOrderedUUID(t *testing.T) {
	format := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	prev := NewID()
	for range 10000 {
		id := NewID()
		if !format.MatchString(id) {
			t.Fatalf("NewID() = %q, want a lowercase version-7 UUID", id)
		}
		if id <= prev {
			t.Fatalf("NewID() = %q after %q: ids must increase so that inserts append to the indexes", id, prev)
		}
		prev = id
	}
}
