package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireHierarchyLevelUpdate is a HierarchyLevelUpdate; the model requires
// its Name.
type wireHierarchyLevelUpdate struct {
	Name string `json:"Name"`
}

// wireHierarchyStructureUpdate is a HierarchyStructureUpdate: a level left
// out is removed.
type wireHierarchyStructureUpdate struct {
	LevelOne   *wireHierarchyLevelUpdate `json:"LevelOne"`
	LevelTwo   *wireHierarchyLevelUpdate `json:"LevelTwo"`
	LevelThree *wireHierarchyLevelUpdate `json:"LevelThree"`
	LevelFour  *wireHierarchyLevelUpdate `json:"LevelFour"`
	LevelFive  *wireHierarchyLevelUpdate `json:"LevelFive"`
}

type updateUserHierarchyStructureInput struct {
	HierarchyStructure wireHierarchyStructureUpdate `json:"HierarchyStructure"`
}

// updateUserHierarchyStructure serves UpdateUserHierarchyStructure
// (POST /user-hierarchy-structure/{InstanceId}); it answers {}. The
// structure sent replaces the instance's: Terraform deletes a structure by
// sending an empty one.
func (s *Server) updateUserHierarchyStructure(ctx context.Context, c *call) (any, error) {
	var in updateUserHierarchyStructureInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	var levels connectlite.HierarchyStructureInput
	hs := in.HierarchyStructure
	for i, l := range []*wireHierarchyLevelUpdate{hs.LevelOne, hs.LevelTwo, hs.LevelThree, hs.LevelFour, hs.LevelFive} {
		if l != nil {
			levels[i] = &l.Name
		}
	}
	return nil, s.Service.UpdateUserHierarchyStructure(ctx, c.region, c.path("InstanceId"), levels)
}
