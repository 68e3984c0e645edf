package httpapi

import "context"

type listSecurityProfileApplicationsOutput struct {
	Applications       []wireApplication `json:"Applications"`
	NextToken          string            `json:"NextToken,omitempty"`
	LastModifiedTime   epochSeconds      `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string            `json:"LastModifiedRegion,omitempty"`
}

// listSecurityProfileApplications serves ListSecurityProfileApplications
// (GET /security-profiles-applications/{InstanceId}/{SecurityProfileId}).
func (s *Server) listSecurityProfileApplications(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	apps, p, next, err := s.Service.ListSecurityProfileApplications(ctx, c.region, c.path("InstanceId"), c.path("SecurityProfileId"), token, limit)
	if err != nil {
		return nil, err
	}
	return listSecurityProfileApplicationsOutput{Applications: toWireApplications(apps), NextToken: next,
		LastModifiedTime: epochSeconds(p.LastModifiedTime), LastModifiedRegion: p.LastModifiedRegion}, nil
}
