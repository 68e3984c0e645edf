package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireUser is the User shape of DescribeUser. It has no password member.
type wireUser struct {
	ID                 string             `json:"Id"`
	Arn                string             `json:"Arn"`
	Username           string             `json:"Username"`
	IdentityInfo       *wireIdentityInfo  `json:"IdentityInfo"`
	PhoneConfig        wirePhoneConfigOut `json:"PhoneConfig"`
	DirectoryUserID    string             `json:"DirectoryUserId,omitempty"`
	SecurityProfileIDs []string           `json:"SecurityProfileIds"`
	RoutingProfileID   string             `json:"RoutingProfileId"`
	HierarchyGroupID   string             `json:"HierarchyGroupId,omitempty"`
	Tags               map[string]string  `json:"Tags,omitempty"`
	channelConfigs
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

type describeUserOutput struct {
	User wireUser `json:"User"`
}

func toWireUser(u *connectlite.User) wireUser {
	ids := u.SecurityProfileIDs
	if ids == nil {
		ids = []string{}
	}
	return wireUser{
		ID:                 u.ID,
		Arn:                u.ARN,
		Username:           u.Username,
		IdentityInfo:       toWireIdentityInfo(u.IdentityInfo),
		PhoneConfig:        toWirePhoneConfig(u.PhoneConfig),
		DirectoryUserID:    u.DirectoryUserID,
		SecurityProfileIDs: ids,
		RoutingProfileID:   u.RoutingProfileID,
		HierarchyGroupID:   u.HierarchyGroupID,
		Tags:               emptyToNil(u.Tags),
		channelConfigs:     toWireChannelConfigs(u),
		LastModifiedTime:   epochSeconds(u.LastModifiedTime),
		LastModifiedRegion: u.LastModifiedRegion,
	}
}

// describeUser serves DescribeUser (GET /users/{InstanceId}/{UserId}).
func (s *Server) describeUser(ctx context.Context, c *call) (any, error) {
	u, err := s.Service.DescribeUser(ctx, c.region, c.path("InstanceId"), c.path("UserId"))
	if err != nil {
		return nil, err
	}
	return describeUserOutput{User: toWireUser(u)}, nil
}
