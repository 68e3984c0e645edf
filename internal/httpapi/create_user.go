package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type createUserInput struct {
	Username           string             `json:"Username"`
	Password           *string            `json:"Password"`
	IdentityInfo       *wireIdentityInfo  `json:"IdentityInfo"`
	PhoneConfig        *wirePhoneConfigIn `json:"PhoneConfig"`
	DirectoryUserID    *string            `json:"DirectoryUserId"`
	SecurityProfileIDs []string           `json:"SecurityProfileIds"`
	RoutingProfileID   string             `json:"RoutingProfileId"`
	HierarchyGroupID   *string            `json:"HierarchyGroupId"`
	Tags               map[string]string  `json:"Tags"`
	channelConfigs
}

type createUserOutput struct {
	UserID  string `json:"UserId"`
	UserArn string `json:"UserArn"`
}

// createUser serves CreateUser (PUT /users/{InstanceId}).
func (s *Server) createUser(ctx context.Context, c *call) (any, error) {
	var in createUserInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	aa, acw, pn, pc, ve := in.channelConfigs.domain()
	u, err := s.Service.CreateUser(ctx, c.region, &connectlite.CreateUserInput{
		InstanceID:                  c.path("InstanceId"),
		Username:                    in.Username,
		Password:                    in.Password,
		IdentityInfo:                in.IdentityInfo.domain(),
		PhoneConfig:                 in.PhoneConfig.domain(),
		DirectoryUserID:             in.DirectoryUserID,
		SecurityProfileIDs:          in.SecurityProfileIDs,
		RoutingProfileID:            in.RoutingProfileID,
		HierarchyGroupID:            in.HierarchyGroupID,
		AutoAcceptConfigs:           aa,
		AfterContactWorkConfigs:     acw,
		PhoneNumberConfigs:          pn,
		PersistentConnectionConfigs: pc,
		VoiceEnhancementConfigs:     ve,
		Tags:                        in.Tags,
	})
	if err != nil {
		return nil, err
	}
	return createUserOutput{UserID: u.ID, UserArn: u.ARN}, nil
}
