package httpapi

import "context"

type wireQuickConnectSummary struct {
	ID               string `json:"Id"`
	Arn              string `json:"Arn"`
	Name             string `json:"Name"`
	QuickConnectType string `json:"QuickConnectType"`
}

type listQueueQuickConnectsOutput struct {
	QuickConnectSummaryList []wireQuickConnectSummary `json:"QuickConnectSummaryList"`
}

// listQueueQuickConnects serves ListQueueQuickConnects
// (GET /queues/{InstanceId}/{QueueId}/quick-connects). connectlite has no
// quick connects, so the list of an existing queue is empty; Terraform's
// aws_connect_queue reads it after every create and update.
func (s *Server) listQueueQuickConnects(ctx context.Context, c *call) (any, error) {
	token, _, err := c.page()
	if err != nil {
		return nil, err
	}
	if err := s.Service.ListQueueQuickConnects(ctx, c.region, c.path("InstanceId"), c.path("QueueId"), token); err != nil {
		return nil, err
	}
	return listQueueQuickConnectsOutput{QuickConnectSummaryList: []wireQuickConnectSummary{}}, nil
}
