package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type wireStringCondition struct {
	FieldName      string `json:"FieldName"`
	Value          string `json:"Value"`
	ComparisonType string `json:"ComparisonType"`
}

type wireHierarchyGroupCondition struct {
	Value                   string `json:"Value"`
	HierarchyGroupMatchType string `json:"HierarchyGroupMatchType"`
}

func (w *wireHierarchyGroupCondition) domain() *connectlite.HierarchyGroupCondition {
	if w == nil {
		return nil
	}
	return &connectlite.HierarchyGroupCondition{Value: w.Value, HierarchyGroupMatchType: w.HierarchyGroupMatchType}
}

// wireListCondition is read only for its list type: connectlite rejects
// proficiency searches.
type wireListCondition struct {
	TargetListType string `json:"TargetListType"`
}

type wireUserSearchCriteria struct {
	OrConditions            []wireUserSearchCriteria     `json:"OrConditions"`
	AndConditions           []wireUserSearchCriteria     `json:"AndConditions"`
	StringCondition         *wireStringCondition         `json:"StringCondition"`
	ListCondition           *wireListCondition           `json:"ListCondition"`
	HierarchyGroupCondition *wireHierarchyGroupCondition `json:"HierarchyGroupCondition"`
}

// domain converts the criteria tree; a list the client did not send stays
// nil and a sent empty list stays empty, which the domain tells apart.
func (w *wireUserSearchCriteria) domain() *connectlite.UserSearchCriteria {
	if w == nil {
		return nil
	}
	list := func(in []wireUserSearchCriteria) []connectlite.UserSearchCriteria {
		if in == nil {
			return nil
		}
		out := make([]connectlite.UserSearchCriteria, len(in))
		for i := range in {
			out[i] = *in[i].domain()
		}
		return out
	}
	c := &connectlite.UserSearchCriteria{
		OrConditions:            list(w.OrConditions),
		AndConditions:           list(w.AndConditions),
		HierarchyGroupCondition: w.HierarchyGroupCondition.domain(),
	}
	if s := w.StringCondition; s != nil {
		c.StringCondition = &connectlite.StringCondition{FieldName: s.FieldName, Value: s.Value, ComparisonType: s.ComparisonType}
	}
	if l := w.ListCondition; l != nil {
		c.ListCondition = &connectlite.ListCondition{TargetListType: l.TargetListType}
	}
	return c
}

type wireTagCondition struct {
	TagKey   string  `json:"TagKey"`
	TagValue *string `json:"TagValue"`
}

func (w *wireTagCondition) domain() *connectlite.TagCondition {
	if w == nil {
		return nil
	}
	return &connectlite.TagCondition{TagKey: w.TagKey, TagValue: w.TagValue}
}

func tagConditions(in []wireTagCondition) []connectlite.TagCondition {
	if in == nil {
		return nil
	}
	out := make([]connectlite.TagCondition, len(in))
	for i := range in {
		out[i] = *in[i].domain()
	}
	return out
}

type wireTagFilter struct {
	OrConditions  [][]wireTagCondition `json:"OrConditions"`
	AndConditions []wireTagCondition   `json:"AndConditions"`
	TagCondition  *wireTagCondition    `json:"TagCondition"`
}

type wireAttributeAndCondition struct {
	TagConditions           []wireTagCondition           `json:"TagConditions"`
	HierarchyGroupCondition *wireHierarchyGroupCondition `json:"HierarchyGroupCondition"`
}

func (w *wireAttributeAndCondition) domain() *connectlite.AttributeAndCondition {
	if w == nil {
		return nil
	}
	return &connectlite.AttributeAndCondition{
		TagConditions:           tagConditions(w.TagConditions),
		HierarchyGroupCondition: w.HierarchyGroupCondition.domain(),
	}
}

type wireUserAttributeFilter struct {
	OrConditions            []wireAttributeAndCondition  `json:"OrConditions"`
	AndCondition            *wireAttributeAndCondition   `json:"AndCondition"`
	TagCondition            *wireTagCondition            `json:"TagCondition"`
	HierarchyGroupCondition *wireHierarchyGroupCondition `json:"HierarchyGroupCondition"`
}

type wireUserSearchFilter struct {
	TagFilter           *wireTagFilter           `json:"TagFilter"`
	UserAttributeFilter *wireUserAttributeFilter `json:"UserAttributeFilter"`
}

func (w *wireUserSearchFilter) domain() *connectlite.UserSearchFilter {
	if w == nil {
		return nil
	}
	f := &connectlite.UserSearchFilter{}
	if t := w.TagFilter; t != nil {
		f.TagFilter = &connectlite.TagFilter{AndConditions: tagConditions(t.AndConditions), TagCondition: t.TagCondition.domain()}
		if t.OrConditions != nil {
			f.TagFilter.OrConditions = make([][]connectlite.TagCondition, len(t.OrConditions))
			for i, and := range t.OrConditions {
				f.TagFilter.OrConditions[i] = tagConditions(and)
			}
		}
	}
	if a := w.UserAttributeFilter; a != nil {
		f.UserAttributeFilter = &connectlite.UserAttributeFilter{
			AndCondition:            a.AndCondition.domain(),
			TagCondition:            a.TagCondition.domain(),
			HierarchyGroupCondition: a.HierarchyGroupCondition.domain(),
		}
		if a.OrConditions != nil {
			f.UserAttributeFilter.OrConditions = make([]connectlite.AttributeAndCondition, len(a.OrConditions))
			for i := range a.OrConditions {
				f.UserAttributeFilter.OrConditions[i] = *a.OrConditions[i].domain()
			}
		}
	}
	return f
}

type searchUsersInput struct {
	InstanceID     string                  `json:"InstanceId"`
	NextToken      string                  `json:"NextToken"`
	MaxResults     *int                    `json:"MaxResults"`
	SearchFilter   *wireUserSearchFilter   `json:"SearchFilter"`
	SearchCriteria *wireUserSearchCriteria `json:"SearchCriteria"`
}

// wireIdentityInfoLite is UserIdentityInfoLite: names only, never email.
type wireIdentityInfoLite struct {
	FirstName string `json:"FirstName,omitempty"`
	LastName  string `json:"LastName,omitempty"`
}

// wireSearchPhoneConfig is a UserPhoneConfig as SearchUsers returns it: the
// after-contact-work limit in milliseconds (the model's documentation of
// SearchUsers and UserPhoneConfig), AutoAccept and the limit always present.
type wireSearchPhoneConfig struct {
	PhoneType                 string `json:"PhoneType,omitempty"`
	AutoAccept                bool   `json:"AutoAccept"`
	AfterContactWorkTimeLimit int64  `json:"AfterContactWorkTimeLimit"`
	DeskPhoneNumber           string `json:"DeskPhoneNumber,omitempty"`
	PersistentConnection      *bool  `json:"PersistentConnection,omitempty"`
}

type wireUserSearchSummary struct {
	Arn                string                `json:"Arn"`
	DirectoryUserID    string                `json:"DirectoryUserId,omitempty"`
	HierarchyGroupID   string                `json:"HierarchyGroupId,omitempty"`
	ID                 string                `json:"Id"`
	IdentityInfo       *wireIdentityInfoLite `json:"IdentityInfo"`
	PhoneConfig        wireSearchPhoneConfig `json:"PhoneConfig"`
	RoutingProfileID   string                `json:"RoutingProfileId"`
	SecurityProfileIDs []string              `json:"SecurityProfileIds"`
	Tags               map[string]string     `json:"Tags,omitempty"`
	Username           string                `json:"Username"`
	channelConfigs
}

type searchUsersOutput struct {
	Users                 []wireUserSearchSummary `json:"Users"`
	NextToken             string                  `json:"NextToken,omitempty"`
	ApproximateTotalCount int64                   `json:"ApproximateTotalCount"`
}

// msPerSecond converts the after-contact-work limits SearchUsers returns.
const msPerSecond = 1000

// toWireUserSearchSummary is the UserSearchSummary of u. Every
// AfterContactWorkTimeLimit is in milliseconds, PhoneConfig's and the
// per-channel ones alike, as the operation's documentation says for the
// member of that name ("AfterContactWorkTimeLimit is returned in
// milliseconds"), so that PhoneConfig and the VOICE entry stay equal.
func toWireUserSearchSummary(u *connectlite.User) wireUserSearchSummary {
	ids := u.SecurityProfileIDs
	if ids == nil {
		ids = []string{}
	}
	p := u.PhoneConfig
	w := wireUserSearchSummary{
		Arn:              u.ARN,
		DirectoryUserID:  u.DirectoryUserID,
		HierarchyGroupID: u.HierarchyGroupID,
		ID:               u.ID,
		IdentityInfo:     &wireIdentityInfoLite{FirstName: u.IdentityInfo.FirstName, LastName: u.IdentityInfo.LastName},
		PhoneConfig: wireSearchPhoneConfig{
			PhoneType: p.PhoneType, AutoAccept: p.AutoAccept,
			AfterContactWorkTimeLimit: int64(p.AfterContactWorkTimeLimit) * msPerSecond,
			DeskPhoneNumber:           p.DeskPhoneNumber, PersistentConnection: p.PersistentConnection,
		},
		RoutingProfileID:   u.RoutingProfileID,
		SecurityProfileIDs: ids,
		Tags:               emptyToNil(u.Tags),
		Username:           u.Username,
		channelConfigs:     toWireChannelConfigs(u),
	}
	ms := func(c *wireAfterContactWorkConfig) {
		if c != nil && c.AfterContactWorkTimeLimit != nil {
			v := *c.AfterContactWorkTimeLimit * msPerSecond
			c.AfterContactWorkTimeLimit = &v
		}
	}
	for i := range w.AfterContactWorkConfigs {
		ms(&w.AfterContactWorkConfigs[i].AfterContactWorkConfig)
		ms(w.AfterContactWorkConfigs[i].AgentFirstCallbackAfterContactWorkConfig)
	}
	return w
}

// searchUsers serves SearchUsers (POST /search-users); the instance is a
// member of the body.
func (s *Server) searchUsers(ctx context.Context, c *call) (any, error) {
	var in searchUsersInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	limit := 0
	if in.MaxResults != nil {
		limit = *in.MaxResults
		if limit == 0 { // the model's minimum is 1; 0 is not "absent"
			limit = -1
		}
	}
	out, err := s.Service.SearchUsers(ctx, c.region, &connectlite.SearchUsersInput{
		InstanceID:     in.InstanceID,
		NextToken:      in.NextToken,
		MaxResults:     limit,
		SearchCriteria: in.SearchCriteria.domain(),
		SearchFilter:   in.SearchFilter.domain(),
	})
	if err != nil {
		return nil, err
	}
	res := searchUsersOutput{
		Users:                 make([]wireUserSearchSummary, len(out.Users)),
		NextToken:             out.NextToken,
		ApproximateTotalCount: out.ApproximateTotalCount,
	}
	for i := range out.Users {
		res.Users[i] = toWireUserSearchSummary(&out.Users[i])
	}
	return res, nil
}
