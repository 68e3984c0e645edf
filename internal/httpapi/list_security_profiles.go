package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type wireSecurityProfileSummary struct {
	ID                 string       `json:"Id"`
	Arn                string       `json:"Arn"`
	Name               string       `json:"Name"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

type listSecurityProfilesOutput struct {
	SecurityProfileSummaryList []wireSecurityProfileSummary `json:"SecurityProfileSummaryList"`
	NextToken                  string                       `json:"NextToken,omitempty"`
}

// listSecurityProfiles serves ListSecurityProfiles
// (GET /security-profiles-summary/{InstanceId}).
func (s *Server) listSecurityProfiles(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	inst, items, next, err := s.Service.ListSecurityProfiles(ctx, c.region, c.path("InstanceId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listSecurityProfilesOutput{SecurityProfileSummaryList: make([]wireSecurityProfileSummary, len(items)), NextToken: next}
	for i, p := range items {
		out.SecurityProfileSummaryList[i] = wireSecurityProfileSummary{
			ID: p.ID, Arn: inst.ResourceARN(connectlite.ARNSecurityProfile, p.ID), Name: p.Name,
			LastModifiedTime: epochSeconds(p.LastModifiedTime), LastModifiedRegion: p.LastModifiedRegion,
		}
	}
	return out, nil
}
