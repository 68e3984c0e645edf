package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type wireRoutingProfileSummary struct {
	ID                 string       `json:"Id"`
	Arn                string       `json:"Arn"`
	Name               string       `json:"Name"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

type listRoutingProfilesOutput struct {
	RoutingProfileSummaryList []wireRoutingProfileSummary `json:"RoutingProfileSummaryList"`
	NextToken                 string                      `json:"NextToken,omitempty"`
}

// listRoutingProfiles serves ListRoutingProfiles
// (GET /routing-profiles-summary/{InstanceId}).
func (s *Server) listRoutingProfiles(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	inst, items, next, err := s.Service.ListRoutingProfiles(ctx, c.region, c.path("InstanceId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listRoutingProfilesOutput{RoutingProfileSummaryList: make([]wireRoutingProfileSummary, len(items)), NextToken: next}
	for i, p := range items {
		out.RoutingProfileSummaryList[i] = wireRoutingProfileSummary{
			ID: p.ID, Arn: inst.ResourceARN(connectlite.ARNRoutingProfile, p.ID), Name: p.Name,
			LastModifiedTime: epochSeconds(p.LastModifiedTime), LastModifiedRegion: p.LastModifiedRegion,
		}
	}
	return out, nil
}
