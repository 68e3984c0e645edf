package connectlite

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// This file holds the SearchUsers request as a client sends it and the rules
// that turn it into a UserQuery. The model validator (internal/awsmodel)
// has already checked the enums and types of a request that came over
// HTTP; the checks here that repeat it protect other callers.
//
// Decisions where AWS documents nothing (inferred):
//   - Each criteria node and each filter must set exactly one member; an
//     empty top-level SearchCriteria, TagFilter or UserAttributeFilter is
//     the same as none (every user matches). An empty node inside a list
//     or an empty list is an error.
//   - Username, FirstName and LastName compare ignoring letter case
//     (FoldCase); identifiers compare exactly. CONTAINS on a name field
//     takes 2 to 25 characters, as the model's documentation says.
//   - A HierarchyGroupCondition without HierarchyGroupMatchType is EXACT;
//     an unknown group matches no user (it is a filter, not a reference).
//   - A TagCondition without TagValue matches any value of the key.
//   - ListCondition (PROFICIENCIES) is rejected: connectlite users have no
//     proficiencies, so no answer would be right.

// UserSearchCriteria is a node of SearchUsers' SearchCriteria: exactly one
// member is set.
type UserSearchCriteria struct {
	OrConditions            []UserSearchCriteria
	AndConditions           []UserSearchCriteria
	StringCondition         *StringCondition
	HierarchyGroupCondition *HierarchyGroupCondition
	ListCondition           *ListCondition
}

// StringCondition compares a field of the user with Value.
type StringCondition struct {
	FieldName      string
	Value          string
	ComparisonType string
}

// HierarchyGroupCondition matches the users of a hierarchy group (Value) or,
// WITH_CHILD_GROUPS, of the group and every group below it.
type HierarchyGroupCondition struct {
	Value                   string
	HierarchyGroupMatchType string
}

// ListCondition is a condition on a user's proficiencies, which connectlite
// does not keep; only its list type is read.
type ListCondition struct {
	TargetListType string
}

// UserSearchFilter is SearchUsers' SearchFilter: at most one of its members
// may be set.
type UserSearchFilter struct {
	TagFilter           *TagFilter
	UserAttributeFilter *UserAttributeFilter
}

// TagFilter is a ControlPlaneTagFilter: an OR of ANDs of tag conditions, an
// AND of tag conditions or one tag condition.
type TagFilter struct {
	OrConditions  [][]TagCondition
	AndConditions []TagCondition
	TagCondition  *TagCondition
}

// TagCondition matches users that have the tag TagKey, with the value
// TagValue if it is not nil.
type TagCondition struct {
	TagKey   string
	TagValue *string
}

// UserAttributeFilter is a ControlPlaneUserAttributeFilter: exactly one
// member is set.
type UserAttributeFilter struct {
	OrConditions            []AttributeAndCondition
	AndCondition            *AttributeAndCondition
	TagCondition            *TagCondition
	HierarchyGroupCondition *HierarchyGroupCondition
}

// AttributeAndCondition holds when every tag condition and the hierarchy
// group condition hold.
type AttributeAndCondition struct {
	TagConditions           []TagCondition
	HierarchyGroupCondition *HierarchyGroupCondition
}

// The values of the model's enums that SearchUsers reads.
const (
	ComparisonStartsWith   = "STARTS_WITH"
	ComparisonContains     = "CONTAINS"
	ComparisonExact        = "EXACT"
	HierarchyMatchExact    = "EXACT"
	HierarchyMatchChildren = "WITH_CHILD_GROUPS"
	TargetListProficiency  = "PROFICIENCIES"
)

// Documented bounds of a CONTAINS value on a name field.
const (
	MinContainsLength = 2
	MaxContainsLength = 25
)

// searchFields are the FieldName values of a StringCondition, in the
// spelling of the model's documentation; they compare case-insensitively.
var searchFields = []struct {
	name  string
	field UserField
}{
	{"Username", FieldUsername},
	{"FirstName", FieldFirstName},
	{"LastName", FieldLastName},
	{"RoutingProfileId", FieldRoutingProfileID},
	{"SecurityProfileId", FieldSecurityProfileID},
	{"resourceId", FieldResourceID},
}

// searchFieldNames lists the accepted FieldName values for messages.
func searchFieldNames() string {
	names := make([]string, len(searchFields))
	for i, f := range searchFields {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// CompileUserSearch validates the SearchCriteria and SearchFilter of a
// SearchUsers request and returns the query they express together (an AND
// of both), or nil when neither restricts the users. It returns
// KindAccessDenied when the filter sets both TagFilter and
// UserAttributeFilter, as the API documentation says, and
// KindInvalidParameter naming the member for any other violation.
func CompileUserSearch(criteria *UserSearchCriteria, filter *UserSearchFilter) (*UserQuery, error) {
	c := &compiler{budget: MaxSearchConditions}
	var parts []UserQuery
	if criteria != nil {
		q, err := c.criteria("SearchCriteria", criteria, 0)
		if err != nil {
			return nil, err
		}
		if q != nil {
			parts = append(parts, *q)
		}
	}
	if filter != nil {
		q, err := c.filter(filter)
		if err != nil {
			return nil, err
		}
		if q != nil {
			parts = append(parts, *q)
		}
	}
	switch len(parts) {
	case 0:
		return nil, nil
	case 1:
		return &parts[0], nil
	}
	q := combine(QueryAnd, parts)
	return &q, nil
}

// compiler carries what the whole request shares: the leaf budget.
type compiler struct {
	budget int
}

// leaf spends one condition of the request's budget.
func (c *compiler) leaf(path string) error {
	c.budget--
	if c.budget < 0 {
		return Errorf(KindInvalidParameter, "%s: a search may hold at most %d conditions", path, MaxSearchConditions)
	}
	return nil
}

// criteria compiles one node; a nil result (only at depth 0) matches all.
func (c *compiler) criteria(path string, n *UserSearchCriteria, depth int) (*UserQuery, error) {
	var set []string
	if n.OrConditions != nil {
		set = append(set, "OrConditions")
	}
	if n.AndConditions != nil {
		set = append(set, "AndConditions")
	}
	if n.StringCondition != nil {
		set = append(set, "StringCondition")
	}
	if n.HierarchyGroupCondition != nil {
		set = append(set, "HierarchyGroupCondition")
	}
	if n.ListCondition != nil {
		set = append(set, "ListCondition")
	}
	switch {
	case len(set) == 0 && depth == 0:
		return nil, nil
	case len(set) == 0:
		return nil, Errorf(KindInvalidParameter, "%s must set one of OrConditions, AndConditions, StringCondition, HierarchyGroupCondition, ListCondition", path)
	case len(set) > 1:
		return nil, Errorf(KindInvalidParameter, "%s must set exactly one of OrConditions, AndConditions, StringCondition, HierarchyGroupCondition, ListCondition, got %s", path, strings.Join(set, " and "))
	}
	switch {
	case n.OrConditions != nil:
		return c.list(path+".OrConditions", QueryOr, n.OrConditions, depth)
	case n.AndConditions != nil:
		return c.list(path+".AndConditions", QueryAnd, n.AndConditions, depth)
	case n.StringCondition != nil:
		if err := c.leaf(path); err != nil {
			return nil, err
		}
		return compileString(path+".StringCondition", n.StringCondition)
	case n.HierarchyGroupCondition != nil:
		if err := c.leaf(path); err != nil {
			return nil, err
		}
		return compileHierarchy(path+".HierarchyGroupCondition", n.HierarchyGroupCondition)
	default:
		t := n.ListCondition.TargetListType
		if t == "" {
			t = TargetListProficiency
		}
		return nil, Errorf(KindInvalidParameter, "%s.ListCondition: searching by %s is not supported: connectlite users have no proficiencies", path, clip(t))
	}
}

// list compiles OrConditions or AndConditions.
func (c *compiler) list(path string, op UserQueryOp, items []UserSearchCriteria, depth int) (*UserQuery, error) {
	if len(items) == 0 {
		return nil, Errorf(KindInvalidParameter, "%s must hold at least one condition", path)
	}
	if depth+1 > MaxSearchDepth {
		return nil, Errorf(KindInvalidParameter, "%s: OrConditions and AndConditions may nest at most %d deep", path, MaxSearchDepth)
	}
	parts := make([]UserQuery, 0, len(items))
	for i := range items {
		q, err := c.criteria(fmt.Sprintf("%s[%d]", path, i), &items[i], depth+1)
		if err != nil {
			return nil, err
		}
		parts = append(parts, *q)
	}
	q := combine(op, parts)
	return &q, nil
}

// compileString validates a StringCondition.
func compileString(path string, s *StringCondition) (*UserQuery, error) {
	var field UserField
	for _, f := range searchFields {
		if strings.EqualFold(s.FieldName, f.name) {
			field = f.field
			break
		}
	}
	switch {
	case s.FieldName == "":
		return nil, Errorf(KindInvalidParameter, "%s.FieldName is required; use one of %s", path, searchFieldNames())
	case field == 0:
		return nil, Errorf(KindInvalidParameter, "%s.FieldName must be one of %s, got %q", path, searchFieldNames(), clip(s.FieldName))
	}
	var match StringMatch
	switch s.ComparisonType {
	case ComparisonExact:
		match = MatchExact
	case ComparisonStartsWith:
		match = MatchStartsWith
	case ComparisonContains:
		match = MatchContains
	case "":
		return nil, Errorf(KindInvalidParameter, "%s.ComparisonType is required; use one of STARTS_WITH, CONTAINS, EXACT", path)
	default:
		return nil, Errorf(KindInvalidParameter, "%s.ComparisonType must be one of STARTS_WITH, CONTAINS, EXACT, got %q", path, clip(s.ComparisonType))
	}
	if s.Value == "" {
		return nil, Errorf(KindInvalidParameter, "%s.Value is required", path)
	}
	value := s.Value
	if field.CaseInsensitive() {
		if n := utf8.RuneCountInString(value); match == MatchContains && (n < MinContainsLength || n > MaxContainsLength) {
			return nil, Errorf(KindInvalidParameter, "%s.Value of a CONTAINS condition on %s must be %d to %d characters long, got %d",
				path, s.FieldName, MinContainsLength, MaxContainsLength, n)
		}
		value = FoldCase(value)
	}
	return &UserQuery{Op: QueryString, Field: field, Match: match, Value: value}, nil
}

// compileHierarchy validates a HierarchyGroupCondition.
func compileHierarchy(path string, h *HierarchyGroupCondition) (*UserQuery, error) {
	if h.Value == "" {
		return nil, Errorf(KindInvalidParameter, "%s.Value is required: the id of a hierarchy group", path)
	}
	q := &UserQuery{Op: QueryHierarchyGroup, GroupID: h.Value}
	switch h.HierarchyGroupMatchType {
	case HierarchyMatchExact, "":
	case HierarchyMatchChildren:
		q.WithChildGroups = true
	default:
		return nil, Errorf(KindInvalidParameter, "%s.HierarchyGroupMatchType must be one of EXACT, WITH_CHILD_GROUPS, got %q", path, clip(h.HierarchyGroupMatchType))
	}
	return q, nil
}

// compileTag validates a TagCondition.
func compileTag(path string, t *TagCondition) (*UserQuery, error) {
	if t.TagKey == "" {
		return nil, Errorf(KindInvalidParameter, "%s.TagKey is required", path)
	}
	return &UserQuery{Op: QueryTag, TagKey: t.TagKey, TagValue: clonePtr(t.TagValue)}, nil
}

// filter compiles the SearchFilter.
func (c *compiler) filter(f *UserSearchFilter) (*UserQuery, error) {
	switch {
	case f.TagFilter != nil && f.UserAttributeFilter != nil:
		return nil, Errorf(KindAccessDenied, "SearchFilter: TagFilter and UserAttributeFilter cannot be combined; send one of them")
	case f.TagFilter != nil:
		return c.tagFilter("SearchFilter.TagFilter", f.TagFilter)
	case f.UserAttributeFilter != nil:
		return c.attributeFilter("SearchFilter.UserAttributeFilter", f.UserAttributeFilter)
	}
	return nil, nil
}

// tags compiles a list of tag conditions that must all hold.
func (c *compiler) tags(path string, list []TagCondition) ([]UserQuery, error) {
	out := make([]UserQuery, 0, len(list))
	for i := range list {
		p := fmt.Sprintf("%s[%d]", path, i)
		if err := c.leaf(p); err != nil {
			return nil, err
		}
		q, err := compileTag(p, &list[i])
		if err != nil {
			return nil, err
		}
		out = append(out, *q)
	}
	return out, nil
}

func (c *compiler) tagFilter(path string, f *TagFilter) (*UserQuery, error) {
	var set []string
	if f.OrConditions != nil {
		set = append(set, "OrConditions")
	}
	if f.AndConditions != nil {
		set = append(set, "AndConditions")
	}
	if f.TagCondition != nil {
		set = append(set, "TagCondition")
	}
	switch {
	case len(set) == 0:
		return nil, nil
	case len(set) > 1:
		return nil, Errorf(KindInvalidParameter, "%s must set exactly one of OrConditions, AndConditions, TagCondition, got %s", path, strings.Join(set, " and "))
	}
	switch {
	case f.OrConditions != nil:
		if len(f.OrConditions) == 0 {
			return nil, Errorf(KindInvalidParameter, "%s.OrConditions must hold at least one list of conditions", path)
		}
		var ors []UserQuery
		for i, and := range f.OrConditions {
			p := fmt.Sprintf("%s.OrConditions[%d]", path, i)
			if len(and) == 0 {
				return nil, Errorf(KindInvalidParameter, "%s must hold at least one condition", p)
			}
			parts, err := c.tags(p, and)
			if err != nil {
				return nil, err
			}
			ors = append(ors, combine(QueryAnd, parts))
		}
		q := combine(QueryOr, ors)
		return &q, nil
	case f.AndConditions != nil:
		if len(f.AndConditions) == 0 {
			return nil, Errorf(KindInvalidParameter, "%s.AndConditions must hold at least one condition", path)
		}
		parts, err := c.tags(path+".AndConditions", f.AndConditions)
		if err != nil {
			return nil, err
		}
		q := combine(QueryAnd, parts)
		return &q, nil
	default:
		if err := c.leaf(path + ".TagCondition"); err != nil {
			return nil, err
		}
		return compileTag(path+".TagCondition", f.TagCondition)
	}
}

func (c *compiler) attributeFilter(path string, f *UserAttributeFilter) (*UserQuery, error) {
	var set []string
	if f.OrConditions != nil {
		set = append(set, "OrConditions")
	}
	if f.AndCondition != nil {
		set = append(set, "AndCondition")
	}
	if f.TagCondition != nil {
		set = append(set, "TagCondition")
	}
	if f.HierarchyGroupCondition != nil {
		set = append(set, "HierarchyGroupCondition")
	}
	switch {
	case len(set) == 0:
		return nil, nil
	case len(set) > 1:
		return nil, Errorf(KindInvalidParameter, "%s: only one of OrConditions, AndCondition, TagCondition, HierarchyGroupCondition can be populated, got %s", path, strings.Join(set, " and "))
	}
	var tagCount, groupCount int
	and := func(p string, a *AttributeAndCondition) (UserQuery, error) {
		if len(a.TagConditions) == 0 && a.HierarchyGroupCondition == nil {
			return UserQuery{}, Errorf(KindInvalidParameter, "%s must set TagConditions or HierarchyGroupCondition", p)
		}
		parts, err := c.tags(p+".TagConditions", a.TagConditions)
		if err != nil {
			return UserQuery{}, err
		}
		tagCount += len(a.TagConditions)
		if h := a.HierarchyGroupCondition; h != nil {
			groupCount++
			if err := c.leaf(p); err != nil {
				return UserQuery{}, err
			}
			q, err := compileHierarchy(p+".HierarchyGroupCondition", h)
			if err != nil {
				return UserQuery{}, err
			}
			parts = append(parts, *q)
		}
		return combine(QueryAnd, parts), nil
	}
	var q UserQuery
	switch {
	case f.OrConditions != nil:
		if len(f.OrConditions) == 0 {
			return nil, Errorf(KindInvalidParameter, "%s.OrConditions must hold at least one condition", path)
		}
		ors := make([]UserQuery, 0, len(f.OrConditions))
		for i := range f.OrConditions {
			a, err := and(fmt.Sprintf("%s.OrConditions[%d]", path, i), &f.OrConditions[i])
			if err != nil {
				return nil, err
			}
			ors = append(ors, a)
		}
		q = combine(QueryOr, ors)
	case f.AndCondition != nil:
		a, err := and(path+".AndCondition", f.AndCondition)
		if err != nil {
			return nil, err
		}
		q = a
	case f.TagCondition != nil:
		if err := c.leaf(path + ".TagCondition"); err != nil {
			return nil, err
		}
		t, err := compileTag(path+".TagCondition", f.TagCondition)
		if err != nil {
			return nil, err
		}
		q = *t
	default:
		if err := c.leaf(path + ".HierarchyGroupCondition"); err != nil {
			return nil, err
		}
		h, err := compileHierarchy(path+".HierarchyGroupCondition", f.HierarchyGroupCondition)
		if err != nil {
			return nil, err
		}
		q = *h
	}
	if tagCount > MaxAttributeTagConditions {
		return nil, Errorf(KindInvalidParameter, "%s holds %d tag conditions; the maximum is %d", path, tagCount, MaxAttributeTagConditions)
	}
	if groupCount > MaxAttributeHierarchyConditions {
		return nil, Errorf(KindInvalidParameter, "%s holds %d hierarchy group conditions; the maximum is %d", path, groupCount, MaxAttributeHierarchyConditions)
	}
	return &q, nil
}

// combine joins parts with op, flattening operands of the same op and
// returning a single part as it is.
func combine(op UserQueryOp, parts []UserQuery) UserQuery {
	if len(parts) == 1 {
		return parts[0]
	}
	flat := make([]UserQuery, 0, len(parts))
	for _, p := range parts {
		if p.Op == op {
			flat = append(flat, p.Conditions...)
			continue
		}
		flat = append(flat, p)
	}
	return UserQuery{Op: op, Conditions: flat}
}
