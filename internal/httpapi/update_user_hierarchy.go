package httpapi

import "context"

type updateUserHierarchyInput struct {
	// HierarchyGroupID absent or null removes the user from its group.
	HierarchyGroupID *string `json:"HierarchyGroupId"`
}

// updateUserHierarchy serves UpdateUserHierarchy
// (POST /users/{InstanceId}/{UserId}/hierarchy); it answers {}.
func (s *Server) updateUserHierarchy(ctx context.Context, c *call) (any, error) {
	var in updateUserHierarchyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateUserHierarchy(ctx, c.region, c.path("InstanceId"), c.path("UserId"), in.HierarchyGroupID)
}
