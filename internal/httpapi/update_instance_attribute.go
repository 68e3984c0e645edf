package httpapi

import "context"

type updateInstanceAttributeInput struct {
	Value       string `json:"Value"`
	ClientToken string `json:"ClientToken"`
}

// updateInstanceAttribute serves UpdateInstanceAttribute
// (POST /instance/{InstanceId}/attribute/{AttributeType}); it answers {}.
// Setting an attribute to the value it has is a no-op, so the ClientToken
// needs no bookkeeping.
func (s *Server) updateInstanceAttribute(ctx context.Context, c *call) (any, error) {
	var in updateInstanceAttributeInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateInstanceAttribute(ctx, c.region, c.path("InstanceId"), c.path("AttributeType"), in.Value)
}
