package storecodec

import (
	"fmt"

	"github.com/connectlite/connectlite"
)

// CheckLevels reports a result of UpdateHierarchyStructure's mutate that is
// not a hierarchy structure: levels numbered 1 to len(levels) in order,
// with ids, at most connectlite.MaxHierarchyLevels of them.
func CheckLevels(instanceID string, levels []connectlite.HierarchyLevel) error {
	if len(levels) > connectlite.MaxHierarchyLevels {
		return fmt.Errorf("hierarchy structure of %s: %d levels, at most %d", instanceID, len(levels), connectlite.MaxHierarchyLevels)
	}
	for i, l := range levels {
		if l.Level != i+1 || l.ID == "" {
			return fmt.Errorf("hierarchy structure of %s: level %d at index %d with id %q", instanceID, l.Level, i, l.ID)
		}
	}
	return nil
}
