package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type wireQueueSummary struct {
	ID                 string       `json:"Id"`
	Arn                string       `json:"Arn"`
	Name               string       `json:"Name"`
	QueueType          string       `json:"QueueType"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

type listQueuesOutput struct {
	QueueSummaryList []wireQueueSummary `json:"QueueSummaryList"`
	NextToken        string             `json:"NextToken,omitempty"`
}

// listQueues serves ListQueues (GET /queues-summary/{InstanceId}), with the
// repeated queueTypes query parameter as a filter.
func (s *Server) listQueues(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	types, _ := c.in["QueueTypes"].([]string)
	inst, items, next, err := s.Service.ListQueues(ctx, c.region, c.path("InstanceId"), types, token, limit)
	if err != nil {
		return nil, err
	}
	out := listQueuesOutput{QueueSummaryList: make([]wireQueueSummary, len(items)), NextToken: next}
	for i, q := range items {
		out.QueueSummaryList[i] = wireQueueSummary{
			ID: q.ID, Arn: inst.ResourceARN(connectlite.ARNQueue, q.ID), Name: q.Name, QueueType: q.QueueType,
			LastModifiedTime: epochSeconds(q.LastModifiedTime), LastModifiedRegion: q.LastModifiedRegion,
		}
	}
	return out, nil
}
