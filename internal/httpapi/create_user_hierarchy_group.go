package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type createUserHierarchyGroupInput struct {
	Name          string            `json:"Name"`
	ParentGroupID *string           `json:"ParentGroupId"`
	Tags          map[string]string `json:"Tags"`
}

type createUserHierarchyGroupOutput struct {
	HierarchyGroupID  string `json:"HierarchyGroupId"`
	HierarchyGroupArn string `json:"HierarchyGroupArn"`
}

// createUserHierarchyGroup serves CreateUserHierarchyGroup
// (PUT /user-hierarchy-groups/{InstanceId}).
func (s *Server) createUserHierarchyGroup(ctx context.Context, c *call) (any, error) {
	var in createUserHierarchyGroupInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	inst, g, err := s.Service.CreateUserHierarchyGroup(ctx, c.region, &connectlite.CreateUserHierarchyGroupInput{
		InstanceID:    c.path("InstanceId"),
		Name:          in.Name,
		ParentGroupID: in.ParentGroupID,
		Tags:          in.Tags,
	})
	if err != nil {
		return nil, err
	}
	return createUserHierarchyGroupOutput{
		HierarchyGroupID:  g.ID,
		HierarchyGroupArn: inst.ResourceARN(connectlite.ARNHierarchyGroup, g.ID),
	}, nil
}
