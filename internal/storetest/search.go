package storetest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// runSearch runs the SearchUsers part of the suite.
func runSearch(t *testing.T, open func(t *testing.T) connectlite.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, f *fixture)
	}{
		{"SearchUsersMatchesEveryOperatorFieldAndNesting", testSearchOperators},
		{"SearchUsersOfEmptyAndUnknownInstance", testSearchEmptyAndUnknown},
		{"SearchUsersRejectsForeignCursor", testSearchForeignCursor},
		{"SearchUsersDefaultLimitIs100", testSearchDefaultLimit},
		{"SearchUsersByHierarchyGroup", testSearchHierarchy},
		{"SearchUsersFollowsUpdatedProfilesAndTags", testSearchAfterUpdates},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newFixture(t, open))
		})
	}
}

// searchPerson is a user of the search fixture; profiles and routing
// index the instance's security and routing profiles.
type searchPerson struct {
	username, first, last string
	profiles              []int
	routing               int
	tags                  map[string]string
}

// searchPeople have names that share prefixes in different letter cases,
// repeat (so pages end inside runs of equal keys), leave the ASCII range
// and hold LIKE's wildcards.
var searchPeople = []searchPerson{
	{"ana.lima", "Ana", "Lima", []int{1}, 0, map[string]string{"team": "blue"}},
	{"Ana.Maria", "ANA", "María", []int{1, 0}, 0, map[string]string{"team": "red", "cost": "42"}},
	{"anabel", "Anabel", "Souza", []int{2}, 1, map[string]string{"team": "blue", "cost": "7"}},
	{"bob", "Bob", "Stone", []int{1}, 0, nil},
	{"BOBBY", "Bobby", "stone", []int{3, 1}, 1, map[string]string{"team": "Blue"}},
	{"emile", "Émile", "Zola", []int{1}, 0, map[string]string{"team": "blue", "lang": "fr"}},
	{"p%_q", "100%", "a_b", []int{0}, 1, map[string]string{"cost": ""}},
	{"noname", "", "", []int{1}, 0, nil},
	{"dan-01", "Dan", "Ng", []int{1}, 0, map[string]string{"team": "green"}},
	{"dan-02", "Dan", "Ng", []int{2}, 1, map[string]string{"team": "green"}},
	{"dan-03", "dan", "Ng", []int{1, 2}, 0, nil},
	{"dan-04", "Dan", "Nguyen", []int{1}, 1, map[string]string{"team": "blue"}},
	{"dan-05", "DAN", "Ng", []int{3}, 0, map[string]string{"team": "green", "cost": "7"}},
	{"dan-06", "Dan", "Ng", []int{1}, 0, nil},
	{"dan-07", "Dana", "Ng", []int{1}, 1, nil},
	{"dan-08", "Dan", "ng", []int{0, 1, 2, 3}, 0, map[string]string{"team": "green"}},
	{"dan-09", "Dan", "Ng", []int{1}, 0, nil},
}

// searchFixture is an instance with searchPeople (and a second routing
// profile), and another instance whose same-named users must never show.
type searchFixture struct {
	n        *connectlite.NewInstance
	users    []*connectlite.User
	groupsOf map[string]string // group id -> path, for hierarchy conditions
}

func (f *fixture) searchFixture(t *testing.T) *searchFixture {
	t.Helper()
	build := func() *connectlite.NewInstance {
		n := f.build(instanceOpts{alias: "search" + strings.ReplaceAll(f.newID()[:8], "-", "")})
		rp := n.RoutingProfiles[0]
		rp.ID, rp.Name = f.newID(), "Second Routing Profile"
		n.RoutingProfiles = append(n.RoutingProfiles, rp)
		if err := f.s.CreateInstance(f.ctx, n); err != nil {
			t.Fatalf("CreateInstance: %v", err)
		}
		return n
	}
	sf := &searchFixture{n: build()}
	other := build()
	for _, p := range searchPeople {
		sf.users = append(sf.users, f.mustPerson(t, sf.n, p))
		f.mustPerson(t, other, p)
	}
	return sf
}

// mustPerson stores p as a user of n.
func (f *fixture) mustPerson(t *testing.T, n *connectlite.NewInstance, p searchPerson) *connectlite.User {
	t.Helper()
	u := f.minimalUser(n, p.username)
	u.IdentityInfo.FirstName, u.IdentityInfo.LastName = p.first, p.last
	u.SecurityProfileIDs = nil
	for _, i := range p.profiles {
		u.SecurityProfileIDs = append(u.SecurityProfileIDs, n.SecurityProfiles[i].ID)
	}
	u.RoutingProfileID = n.RoutingProfiles[p.routing].ID
	u.Tags = maps.Clone(p.tags)
	f.mustUser(t, u, "")
	return u
}

// matches is the reference semantics of a UserQuery, which the stores'
// SQL must reproduce.
func (sf *searchFixture) matches(u *connectlite.User, q *connectlite.UserQuery) bool {
	if q == nil {
		return true
	}
	switch q.Op {
	case connectlite.QueryAnd:
		for i := range q.Conditions {
			if !sf.matches(u, &q.Conditions[i]) {
				return false
			}
		}
		return true
	case connectlite.QueryOr:
		for i := range q.Conditions {
			if sf.matches(u, &q.Conditions[i]) {
				return true
			}
		}
		return false
	case connectlite.QueryString:
		var values []string
		switch q.Field {
		case connectlite.FieldUsername:
			values = []string{u.Username}
		case connectlite.FieldFirstName:
			values = []string{u.IdentityInfo.FirstName}
		case connectlite.FieldLastName:
			values = []string{u.IdentityInfo.LastName}
		case connectlite.FieldRoutingProfileID:
			values = []string{u.RoutingProfileID}
		case connectlite.FieldSecurityProfileID:
			values = u.SecurityProfileIDs
		case connectlite.FieldResourceID:
			values = []string{u.ID}
		}
		for _, v := range values {
			if q.Field.CaseInsensitive() {
				v = connectlite.FoldCase(v)
			}
			switch {
			case q.Match == connectlite.MatchExact && v == q.Value,
				q.Match == connectlite.MatchStartsWith && strings.HasPrefix(v, q.Value),
				q.Match == connectlite.MatchContains && strings.Contains(v, q.Value):
				return true
			}
		}
		return false
	case connectlite.QueryHierarchyGroup:
		if u.HierarchyGroupID == "" {
			return false
		}
		if !q.WithChildGroups {
			return u.HierarchyGroupID == q.GroupID
		}
		root, ok := sf.groupsOf[q.GroupID]
		path := sf.groupsOf[u.HierarchyGroupID]
		return ok && (path == root || strings.HasPrefix(path, root+"/"))
	case connectlite.QueryTag:
		v, ok := u.Tags[q.TagKey]
		return ok && (q.TagValue == nil || v == *q.TagValue)
	}
	panic(fmt.Sprintf("matches: op %d", q.Op))
}

// searchCase is a request and the users it must find.
type searchCase struct {
	name     string
	criteria *connectlite.UserSearchCriteria
	filter   *connectlite.UserSearchFilter
	// want names the expected users by username; nil means "ask matches".
	want []string
}

func condStr(field, op, value string) connectlite.UserSearchCriteria {
	return connectlite.UserSearchCriteria{StringCondition: &connectlite.StringCondition{FieldName: field, Value: value, ComparisonType: op}}
}

func condOr(cs ...connectlite.UserSearchCriteria) connectlite.UserSearchCriteria {
	return connectlite.UserSearchCriteria{OrConditions: cs}
}

func condAnd(cs ...connectlite.UserSearchCriteria) connectlite.UserSearchCriteria {
	return connectlite.UserSearchCriteria{AndConditions: cs}
}

func tagCond(k string, v ...string) connectlite.TagCondition {
	c := connectlite.TagCondition{TagKey: k}
	if len(v) > 0 {
		c.TagValue = &v[0]
	}
	return c
}

func critOf(c connectlite.UserSearchCriteria) *connectlite.UserSearchCriteria { return &c }

func testSearchOperators(t *testing.T, f *fixture) {
	sf := f.searchFixture(t)
	n := sf.n
	sp := func(i int) string { return n.SecurityProfiles[i].ID }
	rp := func(i int) string { return n.RoutingProfiles[i].ID }
	byName := map[string]*connectlite.User{}
	for _, u := range sf.users {
		byName[u.Username] = u
	}
	// Ids share "-0000-4000-8000-"; the first 8 characters tell them apart.
	if rp(0)[:8] == rp(1)[:8] {
		t.Fatalf("routing profile ids %s and %s share a prefix; the fixture needs distinct ones", rp(0), rp(1))
	}
	dans := []string{"dan-01", "dan-02", "dan-03", "dan-04", "dan-05", "dan-06", "dan-07", "dan-08", "dan-09"}
	cases := []searchCase{
		{name: "NoCriteria", want: usernames(sf.users)},
		{name: "EmptyCriteria", criteria: &connectlite.UserSearchCriteria{}, want: usernames(sf.users)},
		{name: "UsernameStartsWithAnyCase", criteria: critOf(condStr("Username", "STARTS_WITH", "ANA")), want: []string{"ana.lima", "Ana.Maria", "anabel"}},
		{name: "UsernameStartsWithDot", criteria: critOf(condStr("username", "STARTS_WITH", "ana.")), want: []string{"ana.lima", "Ana.Maria"}},
		{name: "UsernameExactIgnoresCase", criteria: critOf(condStr("Username", "EXACT", "BOB")), want: []string{"bob"}},
		{name: "UsernameContains", criteria: critOf(condStr("Username", "CONTAINS", "bb")), want: []string{"BOBBY"}},
		{name: "UsernameContainsWildcardsLiterally", criteria: critOf(condStr("Username", "CONTAINS", "%_")), want: []string{"p%_q"}},
		{name: "UsernameStartsWithWildcard", criteria: critOf(condStr("Username", "STARTS_WITH", "p%")), want: []string{"p%_q"}},
		{name: "FirstNameStartsWithRunOfTies", criteria: critOf(condStr("FirstName", "STARTS_WITH", "dan")), want: dans},
		{name: "FirstNameExact", criteria: critOf(condStr("FirstName", "EXACT", "dan")), want: []string{"dan-01", "dan-02", "dan-03", "dan-04", "dan-05", "dan-06", "dan-08", "dan-09"}},
		{name: "FirstNameExactAna", criteria: critOf(condStr("FIRSTNAME", "EXACT", "ana")), want: []string{"ana.lima", "Ana.Maria"}},
		{name: "FirstNameStartsWithNonASCII", criteria: critOf(condStr("FirstName", "STARTS_WITH", "ÉM")), want: []string{"emile"}},
		{name: "FirstNameContainsPercent", criteria: critOf(condStr("FirstName", "CONTAINS", "0%")), want: []string{"p%_q"}},
		{name: "LastNameStartsWith", criteria: critOf(condStr("LastName", "STARTS_WITH", "St")), want: []string{"bob", "BOBBY"}},
		{name: "LastNameContains", criteria: critOf(condStr("LastName", "CONTAINS", "OU")), want: []string{"anabel"}},
		{name: "LastNameContainsNonASCII", criteria: critOf(condStr("LastName", "CONTAINS", "RÍ")), want: []string{"Ana.Maria"}},
		{name: "LastNameExact", criteria: critOf(condStr("LastName", "EXACT", "NG")), want: []string{"dan-01", "dan-02", "dan-03", "dan-05", "dan-06", "dan-07", "dan-08", "dan-09"}},
		{name: "LastNameStartsWithUnderscoreIsLiteral", criteria: critOf(condStr("LastName", "STARTS_WITH", "a_")), want: []string{"p%_q"}},
		{name: "RoutingProfileExact", criteria: critOf(condStr("RoutingProfileId", "EXACT", rp(1)))},
		{name: "RoutingProfileStartsWith", criteria: critOf(condStr("RoutingProfileId", "STARTS_WITH", rp(0)[:8]))},
		{name: "RoutingProfileContainsCommonPart", criteria: critOf(condStr("RoutingProfileId", "CONTAINS", "-4000-8000-")), want: usernames(sf.users)},
		{name: "RoutingProfileIsCaseSensitive", criteria: critOf(condStr("RoutingProfileId", "EXACT", strings.ToUpper(rp(0)))), want: []string{}},
		{name: "SecurityProfileExactAmongSeveral", criteria: critOf(condStr("SecurityProfileId", "EXACT", sp(3))), want: []string{"BOBBY", "dan-05", "dan-08"}},
		{name: "SecurityProfileStartsWith", criteria: critOf(condStr("SecurityProfileId", "STARTS_WITH", sp(2)[:10]))},
		{name: "SecurityProfileContains", criteria: critOf(condStr("SecurityProfileId", "CONTAINS", sp(0)[2:12]))},
		{name: "ResourceIDExact", criteria: critOf(condStr("resourceId", "EXACT", byName["anabel"].ID)), want: []string{"anabel"}},
		{name: "ResourceIDStartsWith", criteria: critOf(condStr("ResourceId", "STARTS_WITH", byName["bob"].ID[:9]))},
		{name: "UnknownHierarchyGroup", criteria: &connectlite.UserSearchCriteria{HierarchyGroupCondition: &connectlite.HierarchyGroupCondition{Value: f.newID(), HierarchyGroupMatchType: "WITH_CHILD_GROUPS"}}, want: []string{}},
		{name: "NoMatch", criteria: critOf(condStr("Username", "STARTS_WITH", "zz")), want: []string{}},
		{name: "Or", criteria: critOf(condOr(condStr("Username", "STARTS_WITH", "bob"), condStr("LastName", "EXACT", "lima"))), want: []string{"ana.lima", "bob", "BOBBY"}},
		{name: "AndWithDriverNotFirst", criteria: critOf(condAnd(condStr("SecurityProfileId", "EXACT", sp(2)), condStr("FirstName", "STARTS_WITH", "da"))), want: []string{"dan-02", "dan-03", "dan-08"}},
		{name: "AndOfTwoPrefixes", criteria: critOf(condAnd(condStr("FirstName", "STARTS_WITH", "dan"), condStr("LastName", "STARTS_WITH", "ngu"))), want: []string{"dan-04"}},
		{name: "AndOfOrs", criteria: critOf(condAnd(
			condOr(condStr("FirstName", "STARTS_WITH", "dan"), condStr("LastName", "STARTS_WITH", "st")),
			condOr(condStr("SecurityProfileId", "EXACT", sp(3)), condStr("RoutingProfileId", "EXACT", rp(1))),
		)), want: []string{"BOBBY", "dan-02", "dan-04", "dan-05", "dan-07", "dan-08"}},
		{name: "DeepNesting", criteria: critOf(condOr(condAnd(condOr(condAnd(condStr("Username", "STARTS_WITH", "dan-0"), condStr("LastName", "EXACT", "ng")),
			condStr("Username", "EXACT", "emile")), condStr("RoutingProfileId", "EXACT", rp(0))), condStr("Username", "CONTAINS", "%_")))},
		{name: "OrOfOne", criteria: critOf(condOr(condStr("LastName", "STARTS_WITH", "z"))), want: []string{"emile"}},
		{name: "TagFilterCondition", filter: &connectlite.UserSearchFilter{TagFilter: &connectlite.TagFilter{TagCondition: ptr(tagCond("team", "blue"))}},
			want: []string{"ana.lima", "anabel", "emile", "dan-04"}},
		{name: "TagFilterKeyOnly", filter: &connectlite.UserSearchFilter{TagFilter: &connectlite.TagFilter{TagCondition: ptr(tagCond("cost"))}},
			want: []string{"Ana.Maria", "anabel", "p%_q", "dan-05"}},
		{name: "TagFilterEmptyValue", filter: &connectlite.UserSearchFilter{TagFilter: &connectlite.TagFilter{TagCondition: ptr(tagCond("cost", ""))}},
			want: []string{"p%_q"}},
		{name: "TagFilterOrOfAnds", filter: &connectlite.UserSearchFilter{TagFilter: &connectlite.TagFilter{
			OrConditions: [][]connectlite.TagCondition{{tagCond("team", "red")}, {tagCond("team", "blue"), tagCond("cost", "7")}}}},
			want: []string{"Ana.Maria", "anabel"}},
		{name: "TagFilterAnd", filter: &connectlite.UserSearchFilter{TagFilter: &connectlite.TagFilter{
			AndConditions: []connectlite.TagCondition{tagCond("team", "green"), tagCond("cost", "7")}}}, want: []string{"dan-05"}},
		{name: "AttributeFilterTag", filter: &connectlite.UserSearchFilter{UserAttributeFilter: &connectlite.UserAttributeFilter{
			TagCondition: ptr(tagCond("lang", "fr"))}}, want: []string{"emile"}},
		{name: "AttributeFilterAnd", filter: &connectlite.UserSearchFilter{UserAttributeFilter: &connectlite.UserAttributeFilter{
			AndCondition: &connectlite.AttributeAndCondition{TagConditions: []connectlite.TagCondition{tagCond("team", "blue"), tagCond("cost")}}}},
			want: []string{"anabel"}},
		{name: "AttributeFilterOr", filter: &connectlite.UserSearchFilter{UserAttributeFilter: &connectlite.UserAttributeFilter{
			OrConditions: []connectlite.AttributeAndCondition{
				{TagConditions: []connectlite.TagCondition{tagCond("team", "red")}},
				{TagConditions: []connectlite.TagCondition{tagCond("team", "Blue")}},
			}}}, want: []string{"Ana.Maria", "BOBBY"}},
		{name: "CriteriaAndFilter", criteria: critOf(condStr("Username", "STARTS_WITH", "ana")),
			filter: &connectlite.UserSearchFilter{TagFilter: &connectlite.TagFilter{TagCondition: ptr(tagCond("team", "blue"))}},
			want:   []string{"ana.lima", "anabel"}},
		{name: "PrefixCriteriaAndTagFilterOverTies", criteria: critOf(condStr("FirstName", "STARTS_WITH", "da")),
			filter: &connectlite.UserSearchFilter{TagFilter: &connectlite.TagFilter{TagCondition: ptr(tagCond("team", "green"))}},
			want:   []string{"dan-01", "dan-02", "dan-05", "dan-08"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sf.check(t, f, tc)
		})
	}
}

func usernames(us []*connectlite.User) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Username
	}
	return out
}

// check runs tc with several page sizes. Every run must return each
// expected user exactly once, as stored, in the same order, with
// ApproximateTotalCount on every page.
func (sf *searchFixture) check(t *testing.T, f *fixture, tc searchCase) {
	t.Helper()
	q, err := connectlite.CompileUserSearch(tc.criteria, tc.filter)
	if err != nil {
		t.Fatalf("CompileUserSearch: %v", err)
	}
	byID := map[string]*connectlite.User{}
	var want []string
	for _, u := range sf.users {
		byID[u.ID] = u
		if sf.matches(u, q) {
			want = append(want, u.Username)
		}
	}
	if tc.want != nil {
		slices.Sort(want)
		w := slices.Sorted(slices.Values(tc.want))
		if !slices.Equal(want, w) {
			t.Fatalf("the reference semantics find %v, the case says %v", want, w)
		}
	}
	var first []string
	for _, limit := range []int{1, 2, 3, 500} {
		got := f.searchAll(t, sf.n.Instance.ID, q, limit, len(want))
		names := make([]string, len(got))
		for i, u := range got {
			names[i] = u.Username
			stored := byID[u.ID]
			if stored == nil {
				t.Fatalf("SearchUsers(limit %d): user %s (%s) is not in the instance", limit, u.ID, u.Username)
			}
			checkEqual(t, "found user "+u.Username, u, *stored, normUser)
		}
		if first == nil {
			first = names
			sorted := slices.Sorted(slices.Values(names))
			if !slices.Equal(sorted, slices.Sorted(slices.Values(want))) {
				t.Fatalf("SearchUsers(limit %d) found %v, want %v", limit, sorted, slices.Sorted(slices.Values(want)))
			}
			if len(slices.Compact(slices.Clone(sorted))) != len(sorted) {
				t.Fatalf("SearchUsers(limit %d) returned a user twice: %v", limit, names)
			}
			continue
		}
		if !slices.Equal(names, first) {
			t.Fatalf("SearchUsers(limit %d) order %v differs from %v: the order must be stable", limit, names, first)
		}
	}
}

// searchAll pages through SearchUsers and checks each page's size and
// total.
func (f *fixture) searchAll(t *testing.T, instanceID string, q *connectlite.UserQuery, limit, wantTotal int) []connectlite.User {
	t.Helper()
	var (
		all   []connectlite.User
		after string
	)
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatalf("SearchUsers: more than 1000 pages; the cursor does not advance")
		}
		users, next, total, err := f.s.SearchUsers(f.ctx, instanceID, q, connectlite.PageRequest{Limit: limit, After: after})
		if err != nil {
			t.Fatalf("SearchUsers(limit %d, after %q): %v", limit, after, err)
		}
		if len(users) > limit {
			t.Fatalf("SearchUsers: page has %d users, want at most %d", len(users), limit)
		}
		if total != int64(wantTotal) {
			t.Fatalf("SearchUsers(limit %d, page %d): total = %d, want %d", limit, pages, total, wantTotal)
		}
		all = append(all, users...)
		if next == "" {
			return all
		}
		if len(users) == 0 {
			t.Fatalf("SearchUsers: empty page with next %q", next)
		}
		after = next
	}
}

func testSearchEmptyAndUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	users, next, total, err := f.s.SearchUsers(f.ctx, n.Instance.ID, nil, connectlite.PageRequest{})
	if err != nil || len(users) != 0 || next != "" || total != 0 {
		t.Fatalf("SearchUsers(empty instance) = %d users, next %q, total %d, err %v; want 0, \"\", 0, nil", len(users), next, total, err)
	}
	q := &connectlite.UserQuery{Op: connectlite.QueryString, Field: connectlite.FieldUsername, Match: connectlite.MatchStartsWith, Value: "a"}
	_, _, _, err = f.s.SearchUsers(f.ctx, f.newID(), q, connectlite.PageRequest{})
	wantKind(t, "SearchUsers(unknown instance)", err, connectlite.KindNotFound)
}

func testSearchForeignCursor(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	for i := range 3 {
		f.mustUser(t, f.minimalUser(n, fmt.Sprintf("user%d", i)), "")
	}
	byName := &connectlite.UserQuery{Op: connectlite.QueryString, Field: connectlite.FieldUsername, Match: connectlite.MatchStartsWith, Value: "user"}
	_, next, _, err := f.s.SearchUsers(f.ctx, n.Instance.ID, byName, connectlite.PageRequest{Limit: 1})
	if err != nil || next == "" {
		t.Fatalf("SearchUsers = next %q, err %v; want a cursor", next, err)
	}
	_, idNext, _, err := f.s.SearchUsers(f.ctx, n.Instance.ID, nil, connectlite.PageRequest{Limit: 1})
	if err != nil || idNext == "" {
		t.Fatalf("SearchUsers(nil) = next %q, err %v; want a cursor", idNext, err)
	}
	other := &connectlite.UserQuery{Op: connectlite.QueryString, Field: connectlite.FieldUsername, Match: connectlite.MatchStartsWith, Value: "x"}
	for _, tc := range []struct {
		name  string
		q     *connectlite.UserQuery
		after string
	}{
		{"Garbage", byName, "not a cursor"},
		{"CursorOfIDOrderForNameOrder", byName, idNext},
		{"CursorOfNameOrderForIDOrder", nil, next},
		{"CursorOutsideThePrefix", other, next},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := f.s.SearchUsers(f.ctx, n.Instance.ID, tc.q, connectlite.PageRequest{Limit: 1, After: tc.after})
			wantKind(t, "SearchUsers(foreign cursor)", err, connectlite.KindInvalidParameter)
		})
	}
}

func testSearchDefaultLimit(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	for i := range 101 {
		f.mustUser(t, f.minimalUser(n, fmt.Sprintf("u%03d", i)), "")
	}
	q := &connectlite.UserQuery{Op: connectlite.QueryString, Field: connectlite.FieldUsername, Match: connectlite.MatchStartsWith, Value: "u"}
	page, next, total, err := f.s.SearchUsers(f.ctx, n.Instance.ID, q, connectlite.PageRequest{})
	if err != nil || len(page) != 100 || next == "" || total != 101 {
		t.Fatalf("SearchUsers(no limit) = %d users, next %q, total %d, err %v; want 100, a cursor, 101", len(page), next, total, err)
	}
	rest, next, total, err := f.s.SearchUsers(f.ctx, n.Instance.ID, q, connectlite.PageRequest{After: next})
	if err != nil || len(rest) != 1 || next != "" || total != 101 {
		t.Fatalf("SearchUsers(second page) = %d users, next %q, total %d, err %v; want 1, \"\", 101", len(rest), next, total, err)
	}
}

// testSearchHierarchy checks HierarchyGroupCondition, EXACT and
// WITH_CHILD_GROUPS, in SearchCriteria and in UserAttributeFilter, on a
// tree of groups three levels deep.
func testSearchHierarchy(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	f.mustStructure(t, n.Instance.ID, "Region", "Site", "Team")
	sf := &searchFixture{n: n, groupsOf: map[string]string{}}
	group := func(name string, parent *connectlite.HierarchyGroup) *connectlite.HierarchyGroup {
		parentID := ""
		if parent != nil {
			parentID = parent.ID
		}
		g := f.mustGroup(t, n.Instance.ID, name, parentID)
		_, path := f.mustGetGroup(t, n.Instance.ID, g.ID)
		sf.groupsOf[g.ID] = strings.Join(ids(path, func(g connectlite.HierarchyGroup) string { return g.ID }), "/")
		return g
	}
	a := group("A", nil)
	a1 := group("A1", a)
	a1x := group("A1x", a1)
	a2 := group("A2", a)
	b := group("B", nil)
	b1 := group("B1", b)
	for i, g := range []*connectlite.HierarchyGroup{a, a1, a1x, a2, b, b1, nil, a1, a1x} {
		u := f.minimalUser(n, fmt.Sprintf("user%d", i))
		if g != nil {
			u.HierarchyGroupID = g.ID
		}
		if i%2 == 0 {
			u.Tags = map[string]string{"team": "blue"}
		}
		f.mustUser(t, u, "")
		sf.users = append(sf.users, u)
	}
	hier := func(id, match string) *connectlite.HierarchyGroupCondition {
		return &connectlite.HierarchyGroupCondition{Value: id, HierarchyGroupMatchType: match}
	}
	inGroup := func(id, match string) *connectlite.UserSearchCriteria {
		return &connectlite.UserSearchCriteria{HierarchyGroupCondition: hier(id, match)}
	}
	cases := []searchCase{
		{name: "Exact", criteria: inGroup(a1.ID, "EXACT"), want: []string{"user1", "user7"}},
		{name: "ExactIsTheDefault", criteria: inGroup(a.ID, ""), want: []string{"user0"}},
		{name: "WithChildGroupsOfRoot", criteria: inGroup(a.ID, "WITH_CHILD_GROUPS"), want: []string{"user0", "user1", "user2", "user3", "user7", "user8"}},
		{name: "WithChildGroupsOfMiddle", criteria: inGroup(a1.ID, "WITH_CHILD_GROUPS"), want: []string{"user1", "user2", "user7", "user8"}},
		{name: "WithChildGroupsOfLeaf", criteria: inGroup(b1.ID, "WITH_CHILD_GROUPS"), want: []string{"user5"}},
		{name: "WithChildGroupsOfUnknown", criteria: inGroup(f.newID(), "WITH_CHILD_GROUPS"), want: []string{}},
		{name: "OrOfGroups", criteria: critOf(condOr(*inGroup(a2.ID, "EXACT"), *inGroup(b.ID, "WITH_CHILD_GROUPS"))), want: []string{"user3", "user4", "user5"}},
		{name: "GroupAndName", criteria: critOf(condAnd(*inGroup(a.ID, "WITH_CHILD_GROUPS"), condStr("Username", "STARTS_WITH", "user"))),
			want: []string{"user0", "user1", "user2", "user3", "user7", "user8"}},
		{name: "AttributeFilterGroup", filter: &connectlite.UserSearchFilter{UserAttributeFilter: &connectlite.UserAttributeFilter{
			HierarchyGroupCondition: hier(a1.ID, "WITH_CHILD_GROUPS")}}, want: []string{"user1", "user2", "user7", "user8"}},
		{name: "AttributeFilterGroupAndTag", filter: &connectlite.UserSearchFilter{UserAttributeFilter: &connectlite.UserAttributeFilter{
			AndCondition: &connectlite.AttributeAndCondition{TagConditions: []connectlite.TagCondition{tagCond("team", "blue")}, HierarchyGroupCondition: hier(a.ID, "WITH_CHILD_GROUPS")}}},
			want: []string{"user0", "user2", "user8"}},
		{name: "AttributeFilterOr", filter: &connectlite.UserSearchFilter{UserAttributeFilter: &connectlite.UserAttributeFilter{
			OrConditions: []connectlite.AttributeAndCondition{
				{HierarchyGroupCondition: hier(b.ID, "EXACT")},
				{TagConditions: []connectlite.TagCondition{tagCond("team", "blue")}, HierarchyGroupCondition: hier(a1x.ID, "EXACT")},
			}}}, want: []string{"user4", "user2", "user8"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sf.check(t, f, tc)
		})
	}
}

// testSearchAfterUpdates checks that the SecurityProfileId and tag
// conditions follow UpdateTags and UpdateUser, and that the users found
// carry their current security profiles (in their order) and tags, as User
// returns them.
func testSearchAfterUpdates(t *testing.T, f *fixture) {
	n := f.withSalesProfile(t)
	u := f.fullUser(n, "ana")
	f.mustUser(t, u, "")
	f.mustUser(t, f.minimalUser(n, "bob"), "")
	inst := n.Instance.ID
	byTag := func(k, v string) *connectlite.UserQuery {
		return &connectlite.UserQuery{Op: connectlite.QueryTag, TagKey: k, TagValue: ptr(v)}
	}
	byProfile := func(i int) *connectlite.UserQuery {
		return &connectlite.UserQuery{Op: connectlite.QueryString, Field: connectlite.FieldSecurityProfileID,
			Match: connectlite.MatchExact, Value: n.SecurityProfiles[i].ID}
	}
	// find checks that q matches ana alone, as User returns her, or no one.
	find := func(what string, q *connectlite.UserQuery, wantAna bool) {
		t.Helper()
		want := 0
		if wantAna {
			want = 1
		}
		found := f.searchAll(t, inst, q, 10, want)
		if len(found) != want {
			t.Fatalf("SearchUsers(%s) found %d users, want %d", what, len(found), want)
		}
		if wantAna {
			checkEqual(t, "SearchUsers("+what+")", found[0], *f.mustGetUser(t, inst, u.ID), normUser)
		}
	}

	find("team=blue, as created", byTag("team", "blue"), true)
	f.mustSetTags(t, connectlite.ResourceRef{InstanceID: inst, Type: connectlite.ARNAgent, ID: u.ID},
		t0().Add(time.Hour), map[string]string{"team": "green"})
	find("team=green, after UpdateTags", byTag("team", "green"), true)
	find("team=blue, after UpdateTags", byTag("team", "blue"), false)
	find("cost-center=42, after UpdateTags", byTag("cost-center", "42"), false)

	find("profile 2, as created", byProfile(2), true)
	updated, err := f.s.UpdateUser(f.ctx, inst, u.ID, func(cur *connectlite.User) error {
		cur.SecurityProfileIDs = []string{n.SecurityProfiles[3].ID, n.SecurityProfiles[0].ID}
		cur.Tags = map[string]string{"team": "red"}
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateUser: %v", err)
	}
	if got, want := updated.SecurityProfileIDs, []string{n.SecurityProfiles[3].ID, n.SecurityProfiles[0].ID}; !slices.Equal(got, want) {
		t.Fatalf("UpdateUser: SecurityProfileIDs = %v, want %v in that order", got, want)
	}
	find("profile 3, after UpdateUser", byProfile(3), true)
	find("profile 2, after UpdateUser", byProfile(2), false)
	find("team=red, after UpdateUser", byTag("team", "red"), true)
	find("team=green, after UpdateUser", byTag("team", "green"), false)
}
