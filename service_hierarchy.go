package connectlite

import (
	"context"
	"errors"
	"maps"
)

// HierarchyStructureInput is the HierarchyStructure of an
// UpdateUserHierarchyStructure request: the name of each level, level one
// first; nil is a level the client did not send.
type HierarchyStructureInput [MaxHierarchyLevels]*string

// CreateUserHierarchyGroupInput is the request of CreateUserHierarchyGroup.
// A nil ParentGroupID was not sent.
type CreateUserHierarchyGroupInput struct {
	InstanceID    string
	Name          string
	ParentGroupID *string
	Tags          map[string]string
}

// UpdateUserHierarchyStructure makes the instance's hierarchy the levels
// of in. The levels sent must be contiguous from LevelOne; an empty
// structure removes every level. A level that stays keeps its id (and its
// LastModifiedTime unless its name changes); a new one gets a fresh id; a
// level left out is removed, which fails with KindResourceInUse while a
// group is at it.
func (s *Service) UpdateUserHierarchyStructure(ctx context.Context, region, instanceID string, in HierarchyStructureInput) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	var names []string
	for i, name := range in {
		if name == nil {
			continue
		}
		if len(names) != i {
			// Inferred: AWS documents no rule, but a group's level is its
			// depth, so a level cannot exist without the ones above it.
			return Errorf(KindInvalidRequest, "HierarchyStructure: %s is set but %s is not; levels must be contiguous from LevelOne",
				HierarchyLevelMembers[i], HierarchyLevelMembers[len(names)])
		}
		if err := ValidateHierarchyLevelName("HierarchyStructure."+HierarchyLevelMembers[i], *name); err != nil {
			return err
		}
		names = append(names, *name)
	}
	now := s.Now()
	_, err = s.Store.UpdateHierarchyStructure(ctx, inst.ID, func(cur []HierarchyLevel) ([]HierarchyLevel, error) {
		next := make([]HierarchyLevel, len(names))
		for i, name := range names {
			if i < len(cur) {
				next[i] = cur[i]
				if cur[i].Name == name {
					continue
				}
			} else {
				next[i] = HierarchyLevel{InstanceID: inst.ID, Level: i + 1, ID: s.NewID()}
			}
			next[i].Name, next[i].LastModifiedTime, next[i].LastModifiedRegion = name, now, region
		}
		return next, nil
	})
	return hierarchyInUseARN(inst, err)
}

// DescribeUserHierarchyStructure returns the instance and its levels in
// level order.
func (s *Service) DescribeUserHierarchyStructure(ctx context.Context, region, instanceID string) (*Instance, []HierarchyLevel, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, err
	}
	levels, err := s.Store.HierarchyStructure(ctx, inst.ID)
	if err != nil {
		return nil, nil, err
	}
	return inst, levels, nil
}

// CreateUserHierarchyGroup creates a group below ParentGroupID, or at level
// one without one.
func (s *Service) CreateUserHierarchyGroup(ctx context.Context, region string, in *CreateUserHierarchyGroupInput) (*Instance, *HierarchyGroup, error) {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return nil, nil, err
	}
	if err := ValidateHierarchyGroupName(in.Name); err != nil {
		return nil, nil, err
	}
	if in.ParentGroupID != nil && *in.ParentGroupID == "" {
		return nil, nil, Errorf(KindInvalidParameter, "ParentGroupId must not be empty; leave it out to create a group at level one")
	}
	if err := validateResourceTags(in.Tags); err != nil {
		return nil, nil, err
	}
	g := &HierarchyGroup{
		InstanceID:         inst.ID,
		ID:                 s.NewID(),
		Name:               in.Name,
		Tags:               maps.Clone(in.Tags),
		LastModifiedTime:   s.Now(),
		LastModifiedRegion: region,
	}
	if in.ParentGroupID != nil {
		g.ParentGroupID = *in.ParentGroupID
	}
	if err := s.Store.CreateHierarchyGroup(ctx, g); err != nil {
		return nil, nil, err
	}
	return inst, g, nil
}

// DescribeUserHierarchyGroup returns the instance, the group and its path
// from level one down to it.
func (s *Service) DescribeUserHierarchyGroup(ctx context.Context, region, instanceID, id string) (*Instance, *HierarchyGroup, []HierarchyGroup, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, nil, err
	}
	g, path, err := s.Store.HierarchyGroup(ctx, inst.ID, id)
	if err != nil {
		return nil, nil, nil, err
	}
	return inst, g, path, nil
}

// ListUserHierarchyGroups returns a page of the instance's groups.
func (s *Service) ListUserHierarchyGroups(ctx context.Context, region, instanceID, token string, limit int) (*Instance, []HierarchyGroup, string, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, "", err
	}
	scope := "ListUserHierarchyGroups/" + inst.ID
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, "", err
	}
	items, next, err := s.Store.ListHierarchyGroups(ctx, inst.ID, p)
	if err != nil {
		return nil, nil, "", err
	}
	return inst, items, s.Tokens.Encode(scope, next), nil
}

// UpdateUserHierarchyGroupName renames the group; the new name must be
// free at the group's level.
func (s *Service) UpdateUserHierarchyGroupName(ctx context.Context, region, instanceID, id, name string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	if err := ValidateHierarchyGroupName(name); err != nil {
		return err
	}
	now := s.Now()
	_, err = s.Store.UpdateHierarchyGroup(ctx, inst.ID, id, func(g *HierarchyGroup) error {
		g.Name, g.LastModifiedTime, g.LastModifiedRegion = name, now, region
		return nil
	})
	return err
}

// DeleteUserHierarchyGroup deletes a group that has no child groups and no
// users.
func (s *Service) DeleteUserHierarchyGroup(ctx context.Context, region, instanceID, id string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	return hierarchyInUseARN(inst, s.Store.DeleteHierarchyGroup(ctx, inst.ID, id))
}

// hierarchyInUseARN turns the ResourceID of a store's KindResourceInUse
// error into the ARN of the blocking group or user, as the
// ResourceInUseException's ResourceId member (an ARN) carries it.
func hierarchyInUseARN(inst *Instance, err error) error {
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindResourceInUse || e.ResourceID == "" {
		return err
	}
	kind := ""
	switch e.ResourceType {
	case InUseByHierarchyGroup:
		kind = ARNHierarchyGroup
	case InUseByUser:
		kind = ARNAgent
	default:
		return err
	}
	c := *e
	c.ResourceID = inst.ResourceARN(kind, e.ResourceID)
	return &c
}

// validateResourceTags applies the tag rules the model validator cannot
// (it checks lengths and the key pattern): at most MaxTagsPerResource tags
// and no reserved "aws:" prefix. A nil map is fine.
func validateResourceTags(tags map[string]string) error {
	if len(tags) > MaxTagsPerResource {
		return Errorf(KindInvalidParameter, "Tags: a resource can have at most %d tags, got %d", MaxTagsPerResource, len(tags))
	}
	for k := range tags {
		if err := ValidateTagKeys("Tags", []string{k}); err != nil {
			return err
		}
	}
	return nil
}
