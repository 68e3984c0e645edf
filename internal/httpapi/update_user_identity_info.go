package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type updateUserIdentityInfoInput struct {
	IdentityInfo *wireIdentityInfo `json:"IdentityInfo"`
}

// updateUserIdentityInfo serves UpdateUserIdentityInfo
// (POST /users/{InstanceId}/{UserId}/identity-info); it answers {}.
func (s *Server) updateUserIdentityInfo(ctx context.Context, c *call) (any, error) {
	var in updateUserIdentityInfoInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	info := in.IdentityInfo.domain()
	if info == nil { // the validator requires it; keep the service safe anyway
		info = &connectlite.IdentityInfo{}
	}
	return nil, s.Service.UpdateUserIdentityInfo(ctx, c.region, c.path("InstanceId"), c.path("UserId"), info)
}
