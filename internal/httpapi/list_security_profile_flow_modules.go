package httpapi

import "context"

type listSecurityProfileFlowModulesOutput struct {
	AllowedFlowModules []wireFlowModule `json:"AllowedFlowModules"`
	NextToken          string           `json:"NextToken,omitempty"`
	LastModifiedTime   epochSeconds     `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string           `json:"LastModifiedRegion,omitempty"`
}

// listSecurityProfileFlowModules serves ListSecurityProfileFlowModules
// (GET /security-profiles-flow-modules/{InstanceId}/{SecurityProfileId}).
func (s *Server) listSecurityProfileFlowModules(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	mods, p, next, err := s.Service.ListSecurityProfileFlowModules(ctx, c.region, c.path("InstanceId"), c.path("SecurityProfileId"), token, limit)
	if err != nil {
		return nil, err
	}
	return listSecurityProfileFlowModulesOutput{AllowedFlowModules: toWireFlowModules(mods), NextToken: next,
		LastModifiedTime: epochSeconds(p.LastModifiedTime), LastModifiedRegion: p.LastModifiedRegion}, nil
}
