package httpapi

import "context"

// tagResourceInput is the body of TagResource; the tag operations spell
// their members in lower camel case.
type tagResourceInput struct {
	Tags map[string]string `json:"tags"`
}

// tagResource serves TagResource (POST /tags/{resourceArn}). The ARN
// arrives percent-encoded (SDKs escape ':' and '/'); the path wildcard
// holds it decoded. It answers {}.
func (s *Server) tagResource(ctx context.Context, c *call) (any, error) {
	var in tagResourceInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, s.Service.TagResource(ctx, c.region, c.path("resourceArn"), in.Tags)
}
