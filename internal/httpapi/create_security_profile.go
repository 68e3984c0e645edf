package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type createSecurityProfileInput struct {
	SecurityProfileName                  string                     `json:"SecurityProfileName"`
	Description                          string                     `json:"Description"`
	Permissions                          []string                   `json:"Permissions"`
	Tags                                 map[string]string          `json:"Tags"`
	AllowedAccessControlTags             map[string]string          `json:"AllowedAccessControlTags"`
	TagRestrictedResources               []string                   `json:"TagRestrictedResources"`
	Applications                         []wireApplication          `json:"Applications"`
	HierarchyRestrictedResources         []string                   `json:"HierarchyRestrictedResources"`
	AllowedAccessControlHierarchyGroupID string                     `json:"AllowedAccessControlHierarchyGroupId"`
	AllowedFlowModules                   []wireFlowModule           `json:"AllowedFlowModules"`
	GranularAccessControlConfiguration   *wireGranularAccessControl `json:"GranularAccessControlConfiguration"`
}

type createSecurityProfileOutput struct {
	SecurityProfileID  string `json:"SecurityProfileId"`
	SecurityProfileArn string `json:"SecurityProfileArn"`
}

// createSecurityProfile serves CreateSecurityProfile
// (PUT /security-profiles/{InstanceId}).
func (s *Server) createSecurityProfile(ctx context.Context, c *call) (any, error) {
	var in createSecurityProfileInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	inst, p, err := s.Service.CreateSecurityProfile(ctx, c.region, &connectlite.CreateSecurityProfileInput{
		InstanceID:                           c.path("InstanceId"),
		SecurityProfileName:                  in.SecurityProfileName,
		Description:                          in.Description,
		Permissions:                          in.Permissions,
		Tags:                                 in.Tags,
		AllowedAccessControlTags:             in.AllowedAccessControlTags,
		TagRestrictedResources:               in.TagRestrictedResources,
		HierarchyRestrictedResources:         in.HierarchyRestrictedResources,
		AllowedAccessControlHierarchyGroupID: in.AllowedAccessControlHierarchyGroupID,
		Applications:                         applicationsDomain(in.Applications),
		AllowedFlowModules:                   flowModulesDomain(in.AllowedFlowModules),
		DataTablePrimaryAttributeValues:      in.GranularAccessControlConfiguration.domain(),
	})
	if err != nil {
		return nil, err
	}
	return createSecurityProfileOutput{
		SecurityProfileID:  p.ID,
		SecurityProfileArn: inst.ResourceARN(connectlite.ARNSecurityProfile, p.ID),
	}, nil
}
