package httpapi

import "context"

type updateQueueNameInput struct {
	Name        *string `json:"Name"`
	Description *string `json:"Description"`
}

// updateQueueName serves UpdateQueueName
// (POST /queues/{InstanceId}/{QueueId}/name): a member left out stays as it
// is.
func (s *Server) updateQueueName(ctx context.Context, c *call) (any, error) {
	var in updateQueueNameInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateQueueName(ctx, c.region, c.path("InstanceId"), c.path("QueueId"), in.Name, in.Description)
}
