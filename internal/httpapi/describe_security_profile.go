package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireSecurityProfile is the SecurityProfile shape of
// DescribeSecurityProfile. Permissions, applications and flow modules have
// list operations of their own and are not part of it.
type wireSecurityProfile struct {
	ID                                   string                     `json:"Id"`
	OrganizationResourceID               string                     `json:"OrganizationResourceId"`
	Arn                                  string                     `json:"Arn"`
	SecurityProfileName                  string                     `json:"SecurityProfileName"`
	Description                          string                     `json:"Description,omitempty"`
	Tags                                 map[string]string          `json:"Tags,omitempty"`
	AllowedAccessControlTags             map[string]string          `json:"AllowedAccessControlTags,omitempty"`
	TagRestrictedResources               []string                   `json:"TagRestrictedResources,omitempty"`
	LastModifiedTime                     epochSeconds               `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion                   string                     `json:"LastModifiedRegion,omitempty"`
	HierarchyRestrictedResources         []string                   `json:"HierarchyRestrictedResources,omitempty"`
	AllowedAccessControlHierarchyGroupID string                     `json:"AllowedAccessControlHierarchyGroupId,omitempty"`
	GranularAccessControlConfiguration   *wireGranularAccessControl `json:"GranularAccessControlConfiguration,omitempty"`
}

type describeSecurityProfileOutput struct {
	SecurityProfile wireSecurityProfile `json:"SecurityProfile"`
}

// describeSecurityProfile serves DescribeSecurityProfile
// (GET /security-profiles/{InstanceId}/{SecurityProfileId}). The
// organization resource is the instance.
func (s *Server) describeSecurityProfile(ctx context.Context, c *call) (any, error) {
	inst, p, err := s.Service.DescribeSecurityProfile(ctx, c.region, c.path("InstanceId"), c.path("SecurityProfileId"))
	if err != nil {
		return nil, err
	}
	return describeSecurityProfileOutput{SecurityProfile: wireSecurityProfile{
		ID:                                   p.ID,
		OrganizationResourceID:               inst.ID,
		Arn:                                  inst.ResourceARN(connectlite.ARNSecurityProfile, p.ID),
		SecurityProfileName:                  p.Name,
		Description:                          p.Description,
		Tags:                                 emptyToNil(p.Tags),
		AllowedAccessControlTags:             emptyToNil(p.AllowedAccessControlTags),
		TagRestrictedResources:               p.TagRestrictedResources,
		LastModifiedTime:                     epochSeconds(p.LastModifiedTime),
		LastModifiedRegion:                   p.LastModifiedRegion,
		HierarchyRestrictedResources:         p.HierarchyRestrictedResources,
		AllowedAccessControlHierarchyGroupID: p.AllowedAccessControlHierarchyGroupID,
		GranularAccessControlConfiguration:   toWireGranularAccessControl(p.DataTablePrimaryAttributeValues),
	}}, nil
}
