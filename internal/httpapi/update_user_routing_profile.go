package httpapi

import "context"

type updateUserRoutingProfileInput struct {
	RoutingProfileID string `json:"RoutingProfileId"`
}

// updateUserRoutingProfile serves UpdateUserRoutingProfile
// (POST /users/{InstanceId}/{UserId}/routing-profile); it answers {}.
func (s *Server) updateUserRoutingProfile(ctx context.Context, c *call) (any, error) {
	var in updateUserRoutingProfileInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateUserRoutingProfile(ctx, c.region, c.path("InstanceId"), c.path("UserId"), in.RoutingProfileID)
}
