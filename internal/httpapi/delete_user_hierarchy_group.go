package httpapi

import "context"

// deleteUserHierarchyGroup serves DeleteUserHierarchyGroup
// (DELETE /user-hierarchy-groups/{InstanceId}/{HierarchyGroupId}); it
// answers {}. A group with child groups or users answers
// ResourceInUseException naming one of them.
func (s *Server) deleteUserHierarchyGroup(ctx context.Context, c *call) (any, error) {
	return nil, s.Service.DeleteUserHierarchyGroup(ctx, c.region, c.path("InstanceId"), c.path("HierarchyGroupId"))
}
