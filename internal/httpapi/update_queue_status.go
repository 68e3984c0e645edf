package httpapi

import "context"

type updateQueueStatusInput struct {
	Status string `json:"Status"`
}

// updateQueueStatus serves UpdateQueueStatus
// (POST /queues/{InstanceId}/{QueueId}/status).
func (s *Server) updateQueueStatus(ctx context.Context, c *call) (any, error) {
	var in updateQueueStatusInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateQueueStatus(ctx, c.region, c.path("InstanceId"), c.path("QueueId"), in.Status)
}
