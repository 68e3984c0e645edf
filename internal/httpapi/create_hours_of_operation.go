package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireHoursOfOperationTimeSlice is a HoursOfOperationTimeSlice; both
// members are required, so both are always written.
type wireHoursOfOperationTimeSlice struct {
	Hours   int32 `json:"Hours"`
	Minutes int32 `json:"Minutes"`
}

// wireHoursOfOperationConfig is one day of an hours of operation.
type wireHoursOfOperationConfig struct {
	Day       string                        `json:"Day"`
	StartTime wireHoursOfOperationTimeSlice `json:"StartTime"`
	EndTime   wireHoursOfOperationTimeSlice `json:"EndTime"`
}

// domainHoursConfig converts a Config the client sent; nil stays nil (not
// sent) and an empty list stays empty.
func domainHoursConfig(in []wireHoursOfOperationConfig) []connectlite.HoursOfOperationConfig {
	if in == nil {
		return nil
	}
	out := make([]connectlite.HoursOfOperationConfig, len(in))
	for i, c := range in {
		out[i] = connectlite.HoursOfOperationConfig{
			Day:        c.Day,
			StartHours: c.StartTime.Hours, StartMinutes: c.StartTime.Minutes,
			EndHours: c.EndTime.Hours, EndMinutes: c.EndTime.Minutes,
		}
	}
	return out
}

// toWireHoursConfig converts a stored Config; none is [].
func toWireHoursConfig(in []connectlite.HoursOfOperationConfig) []wireHoursOfOperationConfig {
	out := make([]wireHoursOfOperationConfig, len(in))
	for i, c := range in {
		out[i] = wireHoursOfOperationConfig{
			Day:       c.Day,
			StartTime: wireHoursOfOperationTimeSlice{Hours: c.StartHours, Minutes: c.StartMinutes},
			EndTime:   wireHoursOfOperationTimeSlice{Hours: c.EndHours, Minutes: c.EndMinutes},
		}
	}
	return out
}

type wireParentHoursOfOperationConfig struct {
	HoursOfOperationID string `json:"HoursOfOperationId"`
}

type createHoursOfOperationInput struct {
	Name                          string                             `json:"Name"`
	Description                   *string                            `json:"Description"`
	TimeZone                      string                             `json:"TimeZone"`
	Config                        []wireHoursOfOperationConfig       `json:"Config"`
	ParentHoursOfOperationConfigs []wireParentHoursOfOperationConfig `json:"ParentHoursOfOperationConfigs"`
	Tags                          map[string]string                  `json:"Tags"`
}

type createHoursOfOperationOutput struct {
	HoursOfOperationID  string `json:"HoursOfOperationId"`
	HoursOfOperationArn string `json:"HoursOfOperationArn"`
}

// createHoursOfOperation serves CreateHoursOfOperation
// (PUT /hours-of-operations/{InstanceId}).
func (s *Server) createHoursOfOperation(ctx context.Context, c *call) (any, error) {
	var in createHoursOfOperationInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	var parents []string
	for _, p := range in.ParentHoursOfOperationConfigs {
		parents = append(parents, p.HoursOfOperationID)
	}
	config := domainHoursConfig(in.Config)
	if config == nil {
		config = []connectlite.HoursOfOperationConfig{}
	}
	inst, h, err := s.Service.CreateHoursOfOperation(ctx, c.region, &connectlite.CreateHoursOfOperationInput{
		InstanceID:                c.path("InstanceId"),
		Name:                      in.Name,
		Description:               in.Description,
		TimeZone:                  in.TimeZone,
		Config:                    config,
		ParentHoursOfOperationIDs: parents,
		Tags:                      in.Tags,
	})
	if err != nil {
		return nil, err
	}
	return createHoursOfOperationOutput{
		HoursOfOperationID:  h.ID,
		HoursOfOperationArn: inst.ResourceARN(connectlite.ARNHoursOfOperation, h.ID),
	}, nil
}
