package httpapi

import "context"

type updateRoutingProfileDefaultOutboundQueueInput struct {
	DefaultOutboundQueueID string `json:"DefaultOutboundQueueId"`
}

// updateRoutingProfileDefaultOutboundQueue serves
// UpdateRoutingProfileDefaultOutboundQueue
// (POST /routing-profiles/{InstanceId}/{RoutingProfileId}/default-outbound-queue).
// It answers {}.
func (s *Server) updateRoutingProfileDefaultOutboundQueue(ctx context.Context, c *call) (any, error) {
	var in updateRoutingProfileDefaultOutboundQueueInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateRoutingProfileDefaultOutboundQueue(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"),
		in.DefaultOutboundQueueID)
}
