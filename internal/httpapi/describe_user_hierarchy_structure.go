package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireHierarchyLevel is a HierarchyLevel. Its ARN ends in the level's
// number, as AWS's do.
type wireHierarchyLevel struct {
	ID                 string       `json:"Id"`
	Arn                string       `json:"Arn"`
	Name               string       `json:"Name"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

// wireHierarchyStructure is a HierarchyStructure: only the levels the
// instance has. It is sent as {} when there are none, never left out,
// which Terraform's provider would read as an empty result.
type wireHierarchyStructure struct {
	LevelOne   *wireHierarchyLevel `json:"LevelOne,omitempty"`
	LevelTwo   *wireHierarchyLevel `json:"LevelTwo,omitempty"`
	LevelThree *wireHierarchyLevel `json:"LevelThree,omitempty"`
	LevelFour  *wireHierarchyLevel `json:"LevelFour,omitempty"`
	LevelFive  *wireHierarchyLevel `json:"LevelFive,omitempty"`
}

type describeUserHierarchyStructureOutput struct {
	HierarchyStructure wireHierarchyStructure `json:"HierarchyStructure"`
}

// levelSlots returns pointers to the five level members of w, level one
// first.
func (w *wireHierarchyStructure) levelSlots() [connectlite.MaxHierarchyLevels]**wireHierarchyLevel {
	return [...]**wireHierarchyLevel{&w.LevelOne, &w.LevelTwo, &w.LevelThree, &w.LevelFour, &w.LevelFive}
}

// describeUserHierarchyStructure serves DescribeUserHierarchyStructure
// (GET /user-hierarchy-structure/{InstanceId}).
func (s *Server) describeUserHierarchyStructure(ctx context.Context, c *call) (any, error) {
	inst, levels, err := s.Service.DescribeUserHierarchyStructure(ctx, c.region, c.path("InstanceId"))
	if err != nil {
		return nil, err
	}
	var out describeUserHierarchyStructureOutput
	slots := out.HierarchyStructure.levelSlots()
	for _, l := range levels {
		*slots[l.Level-1] = &wireHierarchyLevel{
			ID:                 l.ID,
			Arn:                inst.ResourceARN(connectlite.ARNHierarchyLevel, connectlite.LevelID(l.Level)),
			Name:               l.Name,
			LastModifiedTime:   epochSeconds(l.LastModifiedTime),
			LastModifiedRegion: l.LastModifiedRegion,
		}
	}
	return out, nil
}
