package httpapi

import "context"

// deleteRoutingProfile serves DeleteRoutingProfile
// (DELETE /routing-profiles/{InstanceId}/{RoutingProfileId}). A profile a
// user has answers ResourceInUseException.
func (s *Server) deleteRoutingProfile(ctx context.Context, c *call) (any, error) {
	return nil, s.Service.DeleteRoutingProfile(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"))
}
