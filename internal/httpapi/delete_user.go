package httpapi

import "context"

// deleteUser serves DeleteUser (DELETE /users/{InstanceId}/{UserId}); it
// answers {}.
func (s *Server) deleteUser(ctx context.Context, c *call) (any, error) {
	return nil, s.Service.DeleteUser(ctx, c.region, c.path("InstanceId"), c.path("UserId"))
}
