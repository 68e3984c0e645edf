package httpapi

import "context"

// wireInstanceSummary is the InstanceSummary shape of ListInstances.
type wireInstanceSummary struct {
	ID                     string       `json:"Id"`
	Arn                    string       `json:"Arn"`
	IdentityManagementType string       `json:"IdentityManagementType"`
	InstanceAlias          string       `json:"InstanceAlias,omitempty"`
	CreatedTime            epochSeconds `json:"CreatedTime,omitzero"`
	ServiceRole            string       `json:"ServiceRole"`
	InstanceStatus         string       `json:"InstanceStatus"`
	InboundCallsEnabled    bool         `json:"InboundCallsEnabled"`
	OutboundCallsEnabled   bool         `json:"OutboundCallsEnabled"`
	InstanceAccessURL      string       `json:"InstanceAccessUrl,omitempty"`
}

type listInstancesOutput struct {
	InstanceSummaryList []wireInstanceSummary `json:"InstanceSummaryList"`
	NextToken           string                `json:"NextToken,omitempty"`
}

// listInstances serves ListInstances (GET /instance).
func (s *Server) listInstances(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	items, next, err := s.Service.ListInstances(ctx, c.region, token, limit)
	if err != nil {
		return nil, err
	}
	out := listInstancesOutput{InstanceSummaryList: make([]wireInstanceSummary, len(items)), NextToken: next}
	for i := range items {
		w := toWireInstance(&items[i])
		out.InstanceSummaryList[i] = wireInstanceSummary{
			ID: w.ID, Arn: w.Arn, IdentityManagementType: w.IdentityManagementType,
			InstanceAlias: w.InstanceAlias, CreatedTime: w.CreatedTime, ServiceRole: w.ServiceRole,
			InstanceStatus: w.InstanceStatus, InboundCallsEnabled: w.InboundCallsEnabled,
			OutboundCallsEnabled: w.OutboundCallsEnabled, InstanceAccessURL: w.InstanceAccessURL,
		}
	}
	return out, nil
}
