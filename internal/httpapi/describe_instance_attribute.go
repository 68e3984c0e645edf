package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireAttribute is an Attribute: a feature toggle of an instance.
type wireAttribute struct {
	AttributeType string `json:"AttributeType"`
	Value         string `json:"Value"`
}

func toWireAttribute(a connectlite.InstanceAttribute) wireAttribute {
	return wireAttribute{AttributeType: a.AttributeType, Value: a.Value}
}

type describeInstanceAttributeOutput struct {
	Attribute wireAttribute `json:"Attribute"`
}

// describeInstanceAttribute serves DescribeInstanceAttribute
// (GET /instance/{InstanceId}/attribute/{AttributeType}).
func (s *Server) describeInstanceAttribute(ctx context.Context, c *call) (any, error) {
	a, err := s.Service.DescribeInstanceAttribute(ctx, c.region, c.path("InstanceId"), c.path("AttributeType"))
	if err != nil {
		return nil, err
	}
	return describeInstanceAttributeOutput{Attribute: toWireAttribute(*a)}, nil
}
