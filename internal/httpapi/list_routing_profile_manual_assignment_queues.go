package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type wireRoutingProfileManualQueueSummary struct {
	QueueID   string `json:"QueueId"`
	QueueArn  string `json:"QueueArn"`
	QueueName string `json:"QueueName"`
	Channel   string `json:"Channel"`
}

type listRoutingProfileManualAssignmentQueuesOutput struct {
	NextToken                                            string                                 `json:"NextToken,omitempty"`
	RoutingProfileManualAssignmentQueueConfigSummaryList []wireRoutingProfileManualQueueSummary `json:"RoutingProfileManualAssignmentQueueConfigSummaryList"`
	LastModifiedTime                                     epochSeconds                           `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion                                   string                                 `json:"LastModifiedRegion,omitempty"`
}

// listRoutingProfileManualAssignmentQueues serves
// ListRoutingProfileManualAssignmentQueues
// (GET /routing-profiles/{InstanceId}/{RoutingProfileId}/manual-assignment-queues).
func (s *Server) listRoutingProfileManualAssignmentQueues(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	inst, p, items, next, err := s.Service.ListRoutingProfileManualAssignmentQueues(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listRoutingProfileManualAssignmentQueuesOutput{
		NextToken: next,
		RoutingProfileManualAssignmentQueueConfigSummaryList: make([]wireRoutingProfileManualQueueSummary, len(items)),
		LastModifiedTime:   epochSeconds(p.LastModifiedTime),
		LastModifiedRegion: p.LastModifiedRegion,
	}
	for i, q := range items {
		out.RoutingProfileManualAssignmentQueueConfigSummaryList[i] = wireRoutingProfileManualQueueSummary{
			QueueID: q.QueueID, QueueArn: inst.ResourceARN(connectlite.ARNQueue, q.QueueID), QueueName: q.QueueName, Channel: q.Channel,
		}
	}
	return out, nil
}
