package httpapi

import "context"

type listSecurityProfilePermissionsOutput struct {
	Permissions        []string     `json:"Permissions"`
	NextToken          string       `json:"NextToken,omitempty"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

// listSecurityProfilePermissions serves ListSecurityProfilePermissions
// (GET /security-profiles-permissions/{InstanceId}/{SecurityProfileId}).
func (s *Server) listSecurityProfilePermissions(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	perms, p, next, err := s.Service.ListSecurityProfilePermissions(ctx, c.region, c.path("InstanceId"), c.path("SecurityProfileId"), token, limit)
	if err != nil {
		return nil, err
	}
	if perms == nil {
		perms = []string{}
	}
	return listSecurityProfilePermissionsOutput{Permissions: perms, NextToken: next,
		LastModifiedTime: epochSeconds(p.LastModifiedTime), LastModifiedRegion: p.LastModifiedRegion}, nil
}
