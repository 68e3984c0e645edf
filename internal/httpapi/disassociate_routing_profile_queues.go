package httpapi

import "context"

type disassociateRoutingProfileQueuesInput struct {
	QueueReferences                 []wireQueueReference `json:"QueueReferences"`
	ManualAssignmentQueueReferences []wireQueueReference `json:"ManualAssignmentQueueReferences"`
}

// disassociateRoutingProfileQueues serves DisassociateRoutingProfileQueues
// (POST /routing-profiles/{InstanceId}/{RoutingProfileId}/disassociate-queues).
// It answers {}.
func (s *Server) disassociateRoutingProfileQueues(ctx context.Context, c *call) (any, error) {
	var in disassociateRoutingProfileQueuesInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.DisassociateRoutingProfileQueues(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"),
		queueReferencesDomain(in.QueueReferences), queueReferencesDomain(in.ManualAssignmentQueueReferences))
}
