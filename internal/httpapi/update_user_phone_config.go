package httpapi

import "context"

type updateUserPhoneConfigInput struct {
	PhoneConfig *wirePhoneConfigIn `json:"PhoneConfig"`
}

// updateUserPhoneConfig serves UpdateUserPhoneConfig
// (POST /users/{InstanceId}/{UserId}/phone-config); it answers {}.
func (s *Server) updateUserPhoneConfig(ctx context.Context, c *call) (any, error) {
	var in updateUserPhoneConfigInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateUserPhoneConfig(ctx, c.region, c.path("InstanceId"), c.path("UserId"), in.PhoneConfig.domain())
}
