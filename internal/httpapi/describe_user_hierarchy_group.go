package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireHierarchyGroupSummary is a HierarchyGroupSummary: a group of a
// HierarchyPath or of ListUserHierarchyGroups.
type wireHierarchyGroupSummary struct {
	ID                 string       `json:"Id"`
	Arn                string       `json:"Arn"`
	Name               string       `json:"Name"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

func toWireHierarchyGroupSummary(inst *connectlite.Instance, g *connectlite.HierarchyGroup) wireHierarchyGroupSummary {
	return wireHierarchyGroupSummary{
		ID:                 g.ID,
		Arn:                inst.ResourceARN(connectlite.ARNHierarchyGroup, g.ID),
		Name:               g.Name,
		LastModifiedTime:   epochSeconds(g.LastModifiedTime),
		LastModifiedRegion: g.LastModifiedRegion,
	}
}

// wireHierarchyPath is a HierarchyPath: the group's ancestors and the
// group itself, each at its level's member.
type wireHierarchyPath struct {
	LevelOne   *wireHierarchyGroupSummary `json:"LevelOne,omitempty"`
	LevelTwo   *wireHierarchyGroupSummary `json:"LevelTwo,omitempty"`
	LevelThree *wireHierarchyGroupSummary `json:"LevelThree,omitempty"`
	LevelFour  *wireHierarchyGroupSummary `json:"LevelFour,omitempty"`
	LevelFive  *wireHierarchyGroupSummary `json:"LevelFive,omitempty"`
}

// wireHierarchyGroup is the HierarchyGroup of DescribeUserHierarchyGroup.
// LevelId is the level's number ("1" for a group at level one), as AWS
// reports it.
type wireHierarchyGroup struct {
	ID                 string            `json:"Id"`
	Arn                string            `json:"Arn"`
	Name               string            `json:"Name"`
	LevelID            string            `json:"LevelId"`
	HierarchyPath      wireHierarchyPath `json:"HierarchyPath"`
	Tags               map[string]string `json:"Tags,omitempty"`
	LastModifiedTime   epochSeconds      `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string            `json:"LastModifiedRegion,omitempty"`
}

type describeUserHierarchyGroupOutput struct {
	HierarchyGroup wireHierarchyGroup `json:"HierarchyGroup"`
}

// describeUserHierarchyGroup serves DescribeUserHierarchyGroup
// (GET /user-hierarchy-groups/{InstanceId}/{HierarchyGroupId}).
func (s *Server) describeUserHierarchyGroup(ctx context.Context, c *call) (any, error) {
	inst, g, path, err := s.Service.DescribeUserHierarchyGroup(ctx, c.region, c.path("InstanceId"), c.path("HierarchyGroupId"))
	if err != nil {
		return nil, err
	}
	w := wireHierarchyGroup{
		ID:                 g.ID,
		Arn:                inst.ResourceARN(connectlite.ARNHierarchyGroup, g.ID),
		Name:               g.Name,
		LevelID:            g.LevelID,
		Tags:               emptyToNil(g.Tags),
		LastModifiedTime:   epochSeconds(g.LastModifiedTime),
		LastModifiedRegion: g.LastModifiedRegion,
	}
	slots := [...]**wireHierarchyGroupSummary{
		&w.HierarchyPath.LevelOne, &w.HierarchyPath.LevelTwo, &w.HierarchyPath.LevelThree,
		&w.HierarchyPath.LevelFour, &w.HierarchyPath.LevelFive,
	}
	for i := range path {
		if level := path[i].GroupLevel(); level > 0 {
			summary := toWireHierarchyGroupSummary(inst, &path[i])
			*slots[level-1] = &summary
		}
	}
	return describeUserHierarchyGroupOutput{HierarchyGroup: w}, nil
}
