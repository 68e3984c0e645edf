package httpapi

import "context"

type listInstanceAttributesOutput struct {
	Attributes []wireAttribute `json:"Attributes"`
	NextToken  string          `json:"NextToken,omitempty"`
}

// listInstanceAttributes serves ListInstanceAttributes
// (GET /instance/{InstanceId}/attributes): every attribute type of the
// model, at most seven (MaxResult7) a page.
func (s *Server) listInstanceAttributes(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	items, next, err := s.Service.ListInstanceAttributes(ctx, c.region, c.path("InstanceId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listInstanceAttributesOutput{Attributes: make([]wireAttribute, len(items)), NextToken: next}
	for i, a := range items {
		out.Attributes[i] = toWireAttribute(a)
	}
	return out, nil
}
