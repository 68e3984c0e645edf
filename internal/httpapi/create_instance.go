package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type createInstanceInput struct {
	ClientToken            string            `json:"ClientToken"`
	IdentityManagementType string            `json:"IdentityManagementType"`
	InstanceAlias          string            `json:"InstanceAlias"`
	DirectoryID            string            `json:"DirectoryId"`
	InboundCallsEnabled    bool              `json:"InboundCallsEnabled"`
	OutboundCallsEnabled   bool              `json:"OutboundCallsEnabled"`
	Tags                   map[string]string `json:"Tags"`
}

type createInstanceOutput struct {
	ID  string `json:"Id"`
	Arn string `json:"Arn"`
}

// createInstance serves CreateInstance (PUT /instance).
func (s *Server) createInstance(ctx context.Context, c *call) (any, error) {
	var in createInstanceInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	inst, err := s.Service.CreateInstance(ctx, c.region, &connectlite.CreateInstanceInput{
		ClientToken:            in.ClientToken,
		IdentityManagementType: connectlite.IdentityManagementType(in.IdentityManagementType),
		InstanceAlias:          in.InstanceAlias,
		DirectoryID:            in.DirectoryID,
		InboundCallsEnabled:    in.InboundCallsEnabled,
		OutboundCallsEnabled:   in.OutboundCallsEnabled,
		Tags:                   in.Tags,
	})
	if err != nil {
		return nil, err
	}
	return createInstanceOutput{ID: inst.ID, Arn: inst.ARN()}, nil
}
