package httpapi

import "context"

type updateRoutingProfileConcurrencyInput struct {
	MediaConcurrencies []wireMediaConcurrency `json:"MediaConcurrencies"`
}

// updateRoutingProfileConcurrency serves UpdateRoutingProfileConcurrency
// (POST /routing-profiles/{InstanceId}/{RoutingProfileId}/concurrency): the
// channels given replace the profile's. It answers {}.
func (s *Server) updateRoutingProfileConcurrency(ctx context.Context, c *call) (any, error) {
	var in updateRoutingProfileConcurrencyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateRoutingProfileConcurrency(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"),
		mediaDomain(in.MediaConcurrencies))
}
