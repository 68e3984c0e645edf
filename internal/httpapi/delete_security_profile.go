package httpapi

import "context"

// deleteSecurityProfile serves DeleteSecurityProfile
// (DELETE /security-profiles/{InstanceId}/{SecurityProfileId}). A profile a
// user has answers ResourceInUseException.
func (s *Server) deleteSecurityProfile(ctx context.Context, c *call) (any, error) {
	return nil, s.Service.DeleteSecurityProfile(ctx, c.region, c.path("InstanceId"), c.path("SecurityProfileId"))
}
