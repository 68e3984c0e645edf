package httpapi

import "context"

type listTagsForResourceOutput struct {
	Tags map[string]string `json:"tags"`
}

// listTagsForResource serves ListTagsForResource (GET /tags/{resourceArn});
// a resource without tags answers {"tags":{}}.
func (s *Server) listTagsForResource(ctx context.Context, c *call) (any, error) {
	tags, err := s.Service.ListTagsForResource(ctx, c.region, c.path("resourceArn"))
	if err != nil {
		return nil, err
	}
	if tags == nil {
		tags = map[string]string{}
	}
	return listTagsForResourceOutput{Tags: tags}, nil
}
