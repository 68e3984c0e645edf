package httpapi

import "context"

type updateQueueHoursOfOperationInput struct {
	HoursOfOperationID string `json:"HoursOfOperationId"`
}

// updateQueueHoursOfOperation serves UpdateQueueHoursOfOperation
// (POST /queues/{InstanceId}/{QueueId}/hours-of-operation).
func (s *Server) updateQueueHoursOfOperation(ctx context.Context, c *call) (any, error) {
	var in updateQueueHoursOfOperationInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateQueueHoursOfOperation(ctx, c.region, c.path("InstanceId"), c.path("QueueId"), in.HoursOfOperationID)
}
