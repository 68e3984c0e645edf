package httpapi

import "context"

type updateUserSecurityProfilesInput struct {
	SecurityProfileIDs []string `json:"SecurityProfileIds"`
}

// updateUserSecurityProfiles serves UpdateUserSecurityProfiles
// (POST /users/{InstanceId}/{UserId}/security-profiles); it answers {}.
func (s *Server) updateUserSecurityProfiles(ctx context.Context, c *call) (any, error) {
	var in updateUserSecurityProfilesInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.UpdateUserSecurityProfiles(ctx, c.region, c.path("InstanceId"), c.path("UserId"), in.SecurityProfileIDs)
}
