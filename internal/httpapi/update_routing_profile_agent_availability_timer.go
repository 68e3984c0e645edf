package httpapi

import "context"

type updateRoutingProfileAgentAvailabilityTimerInput struct {
	AgentAvailabilityTimer string `json:"AgentAvailabilityTimer"`
}

// updateRoutingProfileAgentAvailabilityTimer serves
// UpdateRoutingProfileAgentAvailabilityTimer
// (POST /routing-profiles/{InstanceId}/{RoutingProfileId}/agent-availability-timer).
// It answers {}.
func (s *Server) updateRoutingProfileAgentAvailabilityTimer(ctx context.Context, c *call) (any, error) {
	var in updateRoutingProfileAgentAvailabilityTimerInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateRoutingProfileAgentAvailabilityTimer(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"),
		in.AgentAvailabilityTimer)
}
