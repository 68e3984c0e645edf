package httpapi

import "context"

type associateRoutingProfileQueuesInput struct {
	QueueConfigs                 []wireQueueConfig       `json:"QueueConfigs"`
	ManualAssignmentQueueConfigs []wireManualQueueConfig `json:"ManualAssignmentQueueConfigs"`
}

// associateRoutingProfileQueues serves AssociateRoutingProfileQueues
// (POST /routing-profiles/{InstanceId}/{RoutingProfileId}/associate-queues).
// It answers {}.
func (s *Server) associateRoutingProfileQueues(ctx context.Context, c *call) (any, error) {
	var in associateRoutingProfileQueuesInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.AssociateRoutingProfileQueues(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"),
		queueConfigsDomain(in.QueueConfigs), manualQueueConfigsDomain(in.ManualAssignmentQueueConfigs))
}
