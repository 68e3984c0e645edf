package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireInstance is the Instance shape of DescribeInstance.
type wireInstance struct {
	ID                     string            `json:"Id"`
	Arn                    string            `json:"Arn"`
	IdentityManagementType string            `json:"IdentityManagementType"`
	InstanceAlias          string            `json:"InstanceAlias,omitempty"`
	CreatedTime            epochSeconds      `json:"CreatedTime,omitzero"`
	ServiceRole            string            `json:"ServiceRole"`
	InstanceStatus         string            `json:"InstanceStatus"`
	InboundCallsEnabled    bool              `json:"InboundCallsEnabled"`
	OutboundCallsEnabled   bool              `json:"OutboundCallsEnabled"`
	InstanceAccessURL      string            `json:"InstanceAccessUrl,omitempty"`
	Tags                   map[string]string `json:"Tags,omitempty"`
}

type describeInstanceOutput struct {
	Instance wireInstance `json:"Instance"`
}

// serviceRole is the ARN of the service-linked role AWS creates for an
// instance's account.
func serviceRole(inst *connectlite.Instance) string {
	return "arn:aws:iam::" + inst.AccountID + ":role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect"
}

func toWireInstance(inst *connectlite.Instance) wireInstance {
	return wireInstance{
		ID:                     inst.ID,
		Arn:                    inst.ARN(),
		IdentityManagementType: string(inst.IdentityManagementType),
		InstanceAlias:          inst.Alias,
		CreatedTime:            epochSeconds(inst.CreatedTime),
		ServiceRole:            serviceRole(inst),
		InstanceStatus:         inst.Status,
		InboundCallsEnabled:    inst.InboundCallsEnabled,
		OutboundCallsEnabled:   inst.OutboundCallsEnabled,
		InstanceAccessURL:      inst.AccessURL(),
		Tags:                   emptyToNil(inst.Tags),
	}
}

// describeInstance serves DescribeInstance (GET /instance/{InstanceId}).
func (s *Server) describeInstance(ctx context.Context, c *call) (any, error) {
	inst, err := s.Service.DescribeInstance(ctx, c.region, c.path("InstanceId"))
	if err != nil {
		return nil, err
	}
	return describeInstanceOutput{Instance: toWireInstance(inst)}, nil
}
