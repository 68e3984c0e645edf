package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type updateQueueOutboundEmailConfigInput struct {
	OutboundEmailConfig *wireOutboundEmailConfig `json:"OutboundEmailConfig"`
}

// updateQueueOutboundEmailConfig serves UpdateQueueOutboundEmailConfig
// (POST /queues/{InstanceId}/{QueueId}/outbound-email-config): the config
// sent replaces the queue's.
func (s *Server) updateQueueOutboundEmailConfig(ctx context.Context, c *call) (any, error) {
	var in updateQueueOutboundEmailConfigInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	var cfg connectlite.OutboundEmailConfig
	if d := in.OutboundEmailConfig.domain(); d != nil {
		cfg = *d
	}
	return nil, s.Service.UpdateQueueOutboundEmailConfig(ctx, c.region, c.path("InstanceId"), c.path("QueueId"), cfg)
}
