package connectlite

import "context"

// SearchUsersInput is the request of SearchUsers. MaxResults 0 means the
// default page size.
type SearchUsersInput struct {
	InstanceID     string
	NextToken      string
	MaxResults     int
	SearchCriteria *UserSearchCriteria
	SearchFilter   *UserSearchFilter
}

// SearchUsersOutput is a page of SearchUsers: the users with their ARNs,
// the token of the next page ("" after the last) and the number of users
// that match, up to MaxSearchTotalCount.
type SearchUsersOutput struct {
	Users                 []User
	NextToken             string
	ApproximateTotalCount int64
}

// SearchUsers returns a page of the instance's users that match the
// request's criteria and filter. Its NextToken is bound to the instance and
// to the query: it continues only the same search.
func (s *Service) SearchUsers(ctx context.Context, region string, in *SearchUsersInput) (*SearchUsersOutput, error) {
	limit := in.MaxResults
	switch {
	case limit == 0:
		limit = DefaultSearchResults
	case limit < 1 || limit > MaxSearchResults:
		return nil, Errorf(KindInvalidParameter, "MaxResults must be between 1 and %d, got %d", MaxSearchResults, limit)
	}
	q, err := CompileUserSearch(in.SearchCriteria, in.SearchFilter)
	if err != nil {
		return nil, err
	}
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return nil, err
	}
	scope := "SearchUsers/" + inst.ID + "/" + q.Fingerprint()
	p, err := s.page(ctx, scope, in.NextToken, limit)
	if err != nil {
		return nil, err
	}
	users, next, total, err := s.Store.SearchUsers(ctx, inst.ID, q, p)
	if err != nil {
		return nil, err
	}
	for i := range users {
		users[i].ARN = inst.ResourceARN(ARNAgent, users[i].ID)
	}
	return &SearchUsersOutput{Users: users, NextToken: s.Tokens.Encode(scope, next), ApproximateTotalCount: total}, nil
}
