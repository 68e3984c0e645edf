package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type updateQueueOutboundCallerConfigInput struct {
	OutboundCallerConfig *wireOutboundCallerConfigIn `json:"OutboundCallerConfig"`
}

// updateQueueOutboundCallerConfig serves UpdateQueueOutboundCallerConfig
// (POST /queues/{InstanceId}/{QueueId}/outbound-caller-config): the config
// sent replaces the queue's.
func (s *Server) updateQueueOutboundCallerConfig(ctx context.Context, c *call) (any, error) {
	var in updateQueueOutboundCallerConfigInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	cfg := in.OutboundCallerConfig.domain()
	if cfg == nil { // required: the model validator has seen to it; null gets here
		cfg = &connectlite.OutboundCallerConfigInput{}
	}
	return nil, s.Service.UpdateQueueOutboundCallerConfig(ctx, c.region, c.path("InstanceId"), c.path("QueueId"), cfg)
}
