package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type wireRoutingProfileQueueConfigSummary struct {
	QueueID   string `json:"QueueId"`
	QueueArn  string `json:"QueueArn"`
	QueueName string `json:"QueueName"`
	Priority  int32  `json:"Priority"`
	Delay     int32  `json:"Delay"`
	Channel   string `json:"Channel"`
}

type listRoutingProfileQueuesOutput struct {
	NextToken                            string                                 `json:"NextToken,omitempty"`
	RoutingProfileQueueConfigSummaryList []wireRoutingProfileQueueConfigSummary `json:"RoutingProfileQueueConfigSummaryList"`
	LastModifiedTime                     epochSeconds                           `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion                   string                                 `json:"LastModifiedRegion,omitempty"`
}

// listRoutingProfileQueues serves ListRoutingProfileQueues
// (GET /routing-profiles/{InstanceId}/{RoutingProfileId}/queues).
func (s *Server) listRoutingProfileQueues(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	inst, p, items, next, err := s.Service.ListRoutingProfileQueues(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listRoutingProfileQueuesOutput{
		NextToken:                            next,
		RoutingProfileQueueConfigSummaryList: make([]wireRoutingProfileQueueConfigSummary, len(items)),
		LastModifiedTime:                     epochSeconds(p.LastModifiedTime),
		LastModifiedRegion:                   p.LastModifiedRegion,
	}
	for i, q := range items {
		out.RoutingProfileQueueConfigSummaryList[i] = wireRoutingProfileQueueConfigSummary{
			QueueID: q.QueueID, QueueArn: inst.ResourceARN(connectlite.ARNQueue, q.QueueID), QueueName: q.QueueName,
			Priority: q.Priority, Delay: q.Delay, Channel: q.Channel,
		}
	}
	return out, nil
}
