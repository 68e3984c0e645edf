package httpapi

import "context"

// deleteHoursOfOperation serves DeleteHoursOfOperation
// (DELETE /hours-of-operations/{InstanceId}/{HoursOfOperationId}). Hours a
// queue uses answer ResourceInUseException, as the exception's
// documentation describes for this operation.
func (s *Server) deleteHoursOfOperation(ctx context.Context, c *call) (any, error) {
	return nil, s.Service.DeleteHoursOfOperation(ctx, c.region, c.path("InstanceId"), c.path("HoursOfOperationId"))
}
