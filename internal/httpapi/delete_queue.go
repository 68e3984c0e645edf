package httpapi

import "context"

// deleteQueue serves DeleteQueue (DELETE /queues/{InstanceId}/{QueueId}).
// A queue a routing profile uses answers ResourceInUseException; the
// default BasicQueue always is, by the default routing profile.
func (s *Server) deleteQueue(ctx context.Context, c *call) (any, error) {
	return nil, s.Service.DeleteQueue(ctx, c.region, c.path("InstanceId"), c.path("QueueId"))
}
