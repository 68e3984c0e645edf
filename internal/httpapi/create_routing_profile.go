package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type createRoutingProfileInput struct {
	Name                         string                  `json:"Name"`
	Description                  string                  `json:"Description"`
	DefaultOutboundQueueID       string                  `json:"DefaultOutboundQueueId"`
	QueueConfigs                 []wireQueueConfig       `json:"QueueConfigs"`
	ManualAssignmentQueueConfigs []wireManualQueueConfig `json:"ManualAssignmentQueueConfigs"`
	MediaConcurrencies           []wireMediaConcurrency  `json:"MediaConcurrencies"`
	Tags                         map[string]string       `json:"Tags"`
	AgentAvailabilityTimer       string                  `json:"AgentAvailabilityTimer"`
}

type createRoutingProfileOutput struct {
	RoutingProfileArn string `json:"RoutingProfileArn"`
	RoutingProfileID  string `json:"RoutingProfileId"`
}

// createRoutingProfile serves CreateRoutingProfile
// (PUT /routing-profiles/{InstanceId}).
func (s *Server) createRoutingProfile(ctx context.Context, c *call) (any, error) {
	var in createRoutingProfileInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	inst, p, err := s.Service.CreateRoutingProfile(ctx, c.region, &connectlite.CreateRoutingProfileInput{
		InstanceID:                   c.path("InstanceId"),
		Name:                         in.Name,
		Description:                  in.Description,
		DefaultOutboundQueueID:       in.DefaultOutboundQueueID,
		QueueConfigs:                 queueConfigsDomain(in.QueueConfigs),
		ManualAssignmentQueueConfigs: manualQueueConfigsDomain(in.ManualAssignmentQueueConfigs),
		MediaConcurrencies:           mediaDomain(in.MediaConcurrencies),
		Tags:                         in.Tags,
		AgentAvailabilityTimer:       in.AgentAvailabilityTimer,
	})
	if err != nil {
		return nil, err
	}
	return createRoutingProfileOutput{
		RoutingProfileArn: inst.ResourceARN(connectlite.ARNRoutingProfile, p.ID),
		RoutingProfileID:  p.ID,
	}, nil
}
