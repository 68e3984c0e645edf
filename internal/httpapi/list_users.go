package httpapi

import "context"

type wireUserSummary struct {
	ID                 string       `json:"Id"`
	Arn                string       `json:"Arn"`
	Username           string       `json:"Username"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

type listUsersOutput struct {
	UserSummaryList []wireUserSummary `json:"UserSummaryList"`
	NextToken       string            `json:"NextToken,omitempty"`
}

// listUsers serves ListUsers (GET /users-summary/{InstanceId}).
func (s *Server) listUsers(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	items, next, err := s.Service.ListUsers(ctx, c.region, c.path("InstanceId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listUsersOutput{UserSummaryList: make([]wireUserSummary, len(items)), NextToken: next}
	for i, u := range items {
		out.UserSummaryList[i] = wireUserSummary{
			ID: u.ID, Arn: u.ARN, Username: u.Username,
			LastModifiedTime: epochSeconds(u.LastModifiedTime), LastModifiedRegion: u.LastModifiedRegion,
		}
	}
	return out, nil
}
