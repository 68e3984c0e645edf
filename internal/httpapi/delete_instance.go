package httpapi

import "context"

// deleteInstance serves DeleteInstance (DELETE /instance/{InstanceId}); it
// answers {}.
func (s *Server) deleteInstance(ctx context.Context, c *call) (any, error) {
	return nil, s.Service.DeleteInstance(ctx, c.region, c.path("InstanceId"))
}
