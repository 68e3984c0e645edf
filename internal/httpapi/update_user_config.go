package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type updateUserConfigInput struct {
	channelConfigs
}

// updateUserConfig serves UpdateUserConfig
// (POST /users/{InstanceId}/{UserId}/config); it answers {}.
func (s *Server) updateUserConfig(ctx context.Context, c *call) (any, error) {
	var in updateUserConfigInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	aa, acw, pn, pc, ve := in.channelConfigs.domain()
	return nil, s.Service.UpdateUserConfig(ctx, c.region, c.path("InstanceId"), c.path("UserId"), &connectlite.UserConfigInput{
		AutoAcceptConfigs:           aa,
		AfterContactWorkConfigs:     acw,
		PhoneNumberConfigs:          pn,
		PersistentConnectionConfigs: pc,
		VoiceEnhancementConfigs:     ve,
	})
}
