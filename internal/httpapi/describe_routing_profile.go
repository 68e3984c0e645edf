package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireRoutingProfile is the RoutingProfile shape of DescribeRoutingProfile.
// Its queue configs have a list operation of their own
// (ListRoutingProfileQueues); it carries their queues' ids and counts.
type wireRoutingProfile struct {
	InstanceID                               string                 `json:"InstanceId"`
	Name                                     string                 `json:"Name"`
	RoutingProfileArn                        string                 `json:"RoutingProfileArn"`
	RoutingProfileID                         string                 `json:"RoutingProfileId"`
	Description                              string                 `json:"Description"`
	MediaConcurrencies                       []wireMediaConcurrency `json:"MediaConcurrencies"`
	DefaultOutboundQueueID                   string                 `json:"DefaultOutboundQueueId"`
	Tags                                     map[string]string      `json:"Tags,omitempty"`
	NumberOfAssociatedQueues                 int64                  `json:"NumberOfAssociatedQueues"`
	NumberOfAssociatedManualAssignmentQueues int64                  `json:"NumberOfAssociatedManualAssignmentQueues"`
	NumberOfAssociatedUsers                  int64                  `json:"NumberOfAssociatedUsers"`
	AgentAvailabilityTimer                   string                 `json:"AgentAvailabilityTimer"`
	LastModifiedTime                         epochSeconds           `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion                       string                 `json:"LastModifiedRegion,omitempty"`
	IsDefault                                bool                   `json:"IsDefault"`
	AssociatedQueueIDs                       []string               `json:"AssociatedQueueIds"`
	AssociatedManualAssignmentQueueIDs       []string               `json:"AssociatedManualAssignmentQueueIds"`
}

type describeRoutingProfileOutput struct {
	RoutingProfile wireRoutingProfile `json:"RoutingProfile"`
}

func toWireRoutingProfile(inst *connectlite.Instance, p *connectlite.RoutingProfile) wireRoutingProfile {
	queues, manual := p.AssociatedQueueIDs(), p.AssociatedManualAssignmentQueueIDs()
	return wireRoutingProfile{
		InstanceID:                               inst.ID,
		Name:                                     p.Name,
		RoutingProfileArn:                        inst.ResourceARN(connectlite.ARNRoutingProfile, p.ID),
		RoutingProfileID:                         p.ID,
		Description:                              p.Description,
		MediaConcurrencies:                       toWireMedia(p.MediaConcurrencies),
		DefaultOutboundQueueID:                   p.DefaultOutboundQueueID,
		Tags:                                     emptyToNil(p.Tags),
		NumberOfAssociatedQueues:                 int64(len(queues)),
		NumberOfAssociatedManualAssignmentQueues: int64(len(manual)),
		NumberOfAssociatedUsers:                  p.AssociatedUsers,
		AgentAvailabilityTimer:                   p.EffectiveAgentAvailabilityTimer(),
		LastModifiedTime:                         epochSeconds(p.LastModifiedTime),
		LastModifiedRegion:                       p.LastModifiedRegion,
		IsDefault:                                p.IsDefault,
		AssociatedQueueIDs:                       queues,
		AssociatedManualAssignmentQueueIDs:       manual,
	}
}

// describeRoutingProfile serves DescribeRoutingProfile
// (GET /routing-profiles/{InstanceId}/{RoutingProfileId}).
func (s *Server) describeRoutingProfile(ctx context.Context, c *call) (any, error) {
	inst, p, err := s.Service.DescribeRoutingProfile(ctx, c.region, c.path("InstanceId"), c.path("RoutingProfileId"))
	if err != nil {
		return nil, err
	}
	return describeRoutingProfileOutput{RoutingProfile: toWireRoutingProfile(inst, p)}, nil
}
