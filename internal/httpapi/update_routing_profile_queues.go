package httpapi

import "context"

type updateRoutingProfileQueuesInput struct {
	QueueConfigs []wireQueueConfig `json:"QueueConfigs"`
}

// updateRoutingProfileQueues serves UpdateRoutingProfileQueues
// (POST /routing-profiles/{InstanceId}/{RoutingProfileId}/queues): new
// priorities and delays for queues already associated. It answers {}.
func (s *Server) updateRoutingProfileQueues(ctx context.Context, c *call) (any, error) {
	var in updateRoutingProfileQueuesInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateRoutingProfileQueues(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"),
		queueConfigsDomain(in.QueueConfigs))
}
