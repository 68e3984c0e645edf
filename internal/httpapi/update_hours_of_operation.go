package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type updateHoursOfOperationInput struct {
	Name        *string                      `json:"Name"`
	Description *string                      `json:"Description"`
	TimeZone    *string                      `json:"TimeZone"`
	Config      []wireHoursOfOperationConfig `json:"Config"`
}

// updateHoursOfOperation serves UpdateHoursOfOperation
// (POST /hours-of-operations/{InstanceId}/{HoursOfOperationId}). Members
// left out stay as they are.
func (s *Server) updateHoursOfOperation(ctx context.Context, c *call) (any, error) {
	var in updateHoursOfOperationInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateHoursOfOperation(ctx, c.region, &connectlite.UpdateHoursOfOperationInput{
		InstanceID:         c.path("InstanceId"),
		HoursOfOperationID: c.path("HoursOfOperationId"),
		Name:               in.Name,
		Description:        in.Description,
		TimeZone:           in.TimeZone,
		Config:             domainHoursConfig(in.Config),
	})
}
