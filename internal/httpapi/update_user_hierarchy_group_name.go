package httpapi

import "context"

type updateUserHierarchyGroupNameInput struct {
	Name string `json:"Name"`
}

// updateUserHierarchyGroupName serves UpdateUserHierarchyGroupName
// (POST /user-hierarchy-groups/{InstanceId}/{HierarchyGroupId}/name); it
// answers {}.
func (s *Server) updateUserHierarchyGroupName(ctx context.Context, c *call) (any, error) {
	var in updateUserHierarchyGroupNameInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateUserHierarchyGroupName(ctx, c.region, c.path("InstanceId"), c.path("HierarchyGroupId"), in.Name)
}
