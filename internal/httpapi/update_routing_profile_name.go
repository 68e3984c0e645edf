package httpapi

import "context"

type updateRoutingProfileNameInput struct {
	Name        *string `json:"Name"`
	Description *string `json:"Description"`
}

// updateRoutingProfileName serves UpdateRoutingProfileName
// (POST /routing-profiles/{InstanceId}/{RoutingProfileId}/name); at least
// one of Name and Description must be given. It answers {}.
func (s *Server) updateRoutingProfileName(ctx context.Context, c *call) (any, error) {
	var in updateRoutingProfileNameInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateRoutingProfileName(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"), in.Name, in.Description)
}
