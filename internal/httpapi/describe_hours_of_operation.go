package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireHoursOfOperation is the HoursOfOperation shape of
// DescribeHoursOfOperation. Config is always present ([] for none), with
// both times of every day: the default "Basic Hours" reads 00:00 to 00:00,
// open all day, on each of the seven days.
type wireHoursOfOperation struct {
	HoursOfOperationID  string                       `json:"HoursOfOperationId"`
	HoursOfOperationArn string                       `json:"HoursOfOperationArn"`
	Name                string                       `json:"Name"`
	Description         string                       `json:"Description,omitempty"`
	TimeZone            string                       `json:"TimeZone"`
	Config              []wireHoursOfOperationConfig `json:"Config"`
	Tags                map[string]string            `json:"Tags,omitempty"`
	LastModifiedTime    epochSeconds                 `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion  string                       `json:"LastModifiedRegion,omitempty"`
}

type describeHoursOfOperationOutput struct {
	HoursOfOperation wireHoursOfOperation `json:"HoursOfOperation"`
}

// describeHoursOfOperation serves DescribeHoursOfOperation
// (GET /hours-of-operations/{InstanceId}/{HoursOfOperationId}).
func (s *Server) describeHoursOfOperation(ctx context.Context, c *call) (any, error) {
	inst, h, err := s.Service.DescribeHoursOfOperation(ctx, c.region, c.path("InstanceId"), c.path("HoursOfOperationId"))
	if err != nil {
		return nil, err
	}
	return describeHoursOfOperationOutput{HoursOfOperation: wireHoursOfOperation{
		HoursOfOperationID:  h.ID,
		HoursOfOperationArn: inst.ResourceARN(connectlite.ARNHoursOfOperation, h.ID),
		Name:                h.Name,
		Description:         h.Description,
		TimeZone:            h.TimeZone,
		Config:              toWireHoursConfig(h.Config),
		Tags:                emptyToNil(h.Tags),
		LastModifiedTime:    epochSeconds(h.LastModifiedTime),
		LastModifiedRegion:  h.LastModifiedRegion,
	}}, nil
}
