package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// updateSecurityProfileInput is the body of UpdateSecurityProfile; a member
// left out keeps its value.
type updateSecurityProfileInput struct {
	Description                          *string                    `json:"Description"`
	Permissions                          []string                   `json:"Permissions"`
	AllowedAccessControlTags             map[string]string          `json:"AllowedAccessControlTags"`
	TagRestrictedResources               []string                   `json:"TagRestrictedResources"`
	Applications                         []wireApplication          `json:"Applications"`
	HierarchyRestrictedResources         []string                   `json:"HierarchyRestrictedResources"`
	AllowedAccessControlHierarchyGroupID *string                    `json:"AllowedAccessControlHierarchyGroupId"`
	AllowedFlowModules                   []wireFlowModule           `json:"AllowedFlowModules"`
	GranularAccessControlConfiguration   *wireGranularAccessControl `json:"GranularAccessControlConfiguration"`
}

// updateSecurityProfile serves UpdateSecurityProfile
// (POST /security-profiles/{InstanceId}/{SecurityProfileId}); it answers {}.
func (s *Server) updateSecurityProfile(ctx context.Context, c *call) (any, error) {
	var in updateSecurityProfileInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateSecurityProfile(ctx, c.region, &connectlite.UpdateSecurityProfileInput{
		InstanceID:                           c.path("InstanceId"),
		SecurityProfileID:                    c.path("SecurityProfileId"),
		Description:                          in.Description,
		Permissions:                          in.Permissions,
		AllowedAccessControlTags:             in.AllowedAccessControlTags,
		TagRestrictedResources:               in.TagRestrictedResources,
		HierarchyRestrictedResources:         in.HierarchyRestrictedResources,
		AllowedAccessControlHierarchyGroupID: in.AllowedAccessControlHierarchyGroupID,
		Applications:                         applicationsDomain(in.Applications),
		AllowedFlowModules:                   flowModulesDomain(in.AllowedFlowModules),
		DataTablePrimaryAttributeValues:      in.GranularAccessControlConfiguration.domain(),
	})
}
