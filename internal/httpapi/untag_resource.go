package httpapi

import "context"

// untagResource serves UntagResource
// (DELETE /tags/{resourceArn}?tagKeys=k1&tagKeys=k2); it answers {}.
func (s *Server) untagResource(ctx context.Context, c *call) (any, error) {
	keys, _ := c.in["tagKeys"].([]string)
	return nil, s.Service.UntagResource(ctx, c.region, c.path("resourceArn"), keys)
}
