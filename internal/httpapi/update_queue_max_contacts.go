package httpapi

import "context"

type updateQueueMaxContactsInput struct {
	MaxContacts *int32 `json:"MaxContacts"`
}

// updateQueueMaxContacts serves UpdateQueueMaxContacts
// (POST /queues/{InstanceId}/{QueueId}/max-contacts); leaving MaxContacts
// out removes the limit.
func (s *Server) updateQueueMaxContacts(ctx context.Context, c *call) (any, error) {
	var in updateQueueMaxContactsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateQueueMaxContacts(ctx, c.region, c.path("InstanceId"), c.path("QueueId"), in.MaxContacts)
}
