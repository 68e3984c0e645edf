package httpapi

import "context"

type listUserHierarchyGroupsOutput struct {
	UserHierarchyGroupSummaryList []wireHierarchyGroupSummary `json:"UserHierarchyGroupSummaryList"`
	NextToken                     string                      `json:"NextToken,omitempty"`
}

// listUserHierarchyGroups serves ListUserHierarchyGroups
// (GET /user-hierarchy-groups-summary/{InstanceId}).
func (s *Server) listUserHierarchyGroups(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	inst, items, next, err := s.Service.ListUserHierarchyGroups(ctx, c.region, c.path("InstanceId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listUserHierarchyGroupsOutput{
		UserHierarchyGroupSummaryList: make([]wireHierarchyGroupSummary, len(items)),
		NextToken:                     next,
	}
	for i := range items {
		out.UserHierarchyGroupSummaryList[i] = toWireHierarchyGroupSummary(inst, &items[i])
	}
	return out, nil
}
