package e2e

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// searchUser is a user of the SearchUsers tests.
type searchUser struct {
	username, first, last string
	admin                 bool // security profile Admin besides Agent
	tags                  map[string]string
}

var searchUsers = []searchUser{
	{"ana.lima", "Ana", "Lima", false, map[string]string{"team": "blue"}},
	{"Ana.Maria", "ANA", "María", true, map[string]string{"team": "red", "site": "lis"}},
	{"anabel", "Anabel", "Souza", false, map[string]string{"team": "blue", "site": "opo"}},
	{"bob", "Bob", "Stone", true, nil},
	{"BOBBY", "Bobby", "stone", false, map[string]string{"team": "Blue"}},
	{"emile", "Émile", "Zola", false, map[string]string{"team": "blue"}},
	{"dan01", "Dan", "Ng", false, map[string]string{"team": "green"}},
	{"dan02", "Dan", "Ng", true, map[string]string{"team": "green"}},
	{"dan03", "dan", "Nguyen", false, nil},
	{"dan04", "Dana", "Ng", false, map[string]string{"team": "green", "site": "lis"}},
}

// searchEnv is an instance holding searchUsers.
type searchEnv struct {
	c          *connect.Client
	inst       string
	ids        map[string]string // username -> id
	sec        map[string]string
	routing    string
	otherInst  string
	otherNames map[string]bool
}

func newSearchEnv(ctx context.Context, t *testing.T, s *server, region string) *searchEnv {
	t.Helper()
	c := newClient(s, region)
	e := &searchEnv{c: c, inst: createInstance(ctx, t, c, types.DirectoryTypeConnectManaged), ids: map[string]string{}}
	e.sec, e.routing = instanceProfiles(ctx, t, c, e.inst)
	for _, u := range searchUsers {
		in := basicUser(e.inst, u.username, e.sec["Agent"], e.routing)
		in.IdentityInfo = &types.UserIdentityInfo{FirstName: aws.String(u.first), LastName: aws.String(u.last), Email: aws.String(strings.ToLower(u.username) + "@example.com")}
		if u.admin {
			in.SecurityProfileIds = append(in.SecurityProfileIds, e.sec["Admin"])
		}
		if len(u.tags) > 0 {
			in.Tags = u.tags
		}
		out, err := c.CreateUser(ctx, in)
		if err != nil {
			t.Fatalf("CreateUser %s: %v", u.username, err)
		}
		e.ids[u.username] = aws.ToString(out.UserId)
	}
	// The same users in another instance must never show up.
	e.otherInst = createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	osec, orouting := instanceProfiles(ctx, t, c, e.otherInst)
	for _, u := range searchUsers[:3] {
		if _, err := c.CreateUser(ctx, basicUser(e.otherInst, u.username, osec["Agent"], orouting)); err != nil {
			t.Fatalf("CreateUser %s (other instance): %v", u.username, err)
		}
	}
	return e
}

// search runs one SearchUsers page through the SDK paginator with page
// size limit and returns the usernames found, checking that every page
// reports the same ApproximateTotalCount and that no user comes twice.
func (e *searchEnv) search(ctx context.Context, t *testing.T, in *connect.SearchUsersInput, limit int32) []string {
	t.Helper()
	in.InstanceId = aws.String(e.inst)
	in.MaxResults = aws.Int32(limit)
	p := connect.NewSearchUsersPaginator(e.c, in)
	var names []string
	seen := map[string]bool{}
	var total int64 = -1
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("SearchUsers: %v", err)
		}
		if len(page.Users) > int(limit) {
			t.Fatalf("SearchUsers: page of %d users, want at most %d", len(page.Users), limit)
		}
		if total >= 0 && aws.ToInt64(page.ApproximateTotalCount) != total {
			t.Fatalf("ApproximateTotalCount changed between pages: %d then %d", total, aws.ToInt64(page.ApproximateTotalCount))
		}
		total = aws.ToInt64(page.ApproximateTotalCount)
		for _, u := range page.Users {
			id := aws.ToString(u.Id)
			if seen[id] {
				t.Fatalf("SearchUsers: user %s (%s) twice", id, aws.ToString(u.Username))
			}
			seen[id] = true
			if e.ids[aws.ToString(u.Username)] != id {
				t.Fatalf("SearchUsers: user %s (%s) is not one of this instance's", id, aws.ToString(u.Username))
			}
			names = append(names, aws.ToString(u.Username))
		}
	}
	if total != int64(len(names)) {
		t.Fatalf("ApproximateTotalCount = %d, but %d users came", total, len(names))
	}
	slices.Sort(names)
	return names
}

func searchCond(field string, op types.StringComparisonType, value string) types.UserSearchCriteria {
	return types.UserSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String(field), Value: aws.String(value), ComparisonType: op}}
}

func searchTag(k, v string) types.TagCondition {
	return types.TagCondition{TagKey: aws.String(k), TagValue: aws.String(v)}
}

// TestSDKSearchUsers covers every operator on every field, nesting, the
// filters and pagination, through aws-sdk-go-v2's paginator.
func TestSDKSearchUsers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	e := newSearchEnv(ctx, t, s, "eu-west-3")
	sw, ex, co := types.StringComparisonTypeStartsWith, types.StringComparisonTypeExact, types.StringComparisonTypeContains
	crit := func(c types.UserSearchCriteria) *connect.SearchUsersInput {
		return &connect.SearchUsersInput{SearchCriteria: &c}
	}
	filter := func(f types.UserSearchFilter) *connect.SearchUsersInput {
		return &connect.SearchUsersInput{SearchFilter: &f}
	}
	tests := []struct {
		name string
		in   *connect.SearchUsersInput
		want string
	}{
		{"All", &connect.SearchUsersInput{}, "[Ana.Maria BOBBY ana.lima anabel bob dan01 dan02 dan03 dan04 emile]"},
		{"UsernameStartsWith", crit(searchCond("Username", sw, "ANA")), "[Ana.Maria ana.lima anabel]"},
		{"UsernameExact", crit(searchCond("Username", ex, "Bob")), "[bob]"},
		{"UsernameContains", crit(searchCond("Username", co, "bb")), "[BOBBY]"},
		{"FirstNameStartsWith", crit(searchCond("FirstName", sw, "dan")), "[dan01 dan02 dan03 dan04]"},
		{"FirstNameExact", crit(searchCond("FirstName", ex, "DAN")), "[dan01 dan02 dan03]"},
		{"FirstNameContainsNonASCII", crit(searchCond("FirstName", co, "ÉM")), "[emile]"},
		{"LastNameStartsWith", crit(searchCond("LastName", sw, "st")), "[BOBBY bob]"},
		{"LastNameExact", crit(searchCond("LastName", ex, "ng")), "[dan01 dan02 dan04]"},
		{"LastNameContains", crit(searchCond("LastName", co, "ou")), "[anabel]"},
		{"SecurityProfileExact", crit(searchCond("SecurityProfileId", ex, e.sec["Admin"])), "[Ana.Maria bob dan02]"},
		{"SecurityProfileStartsWith", crit(searchCond("SecurityProfileId", sw, e.sec["Admin"][:24])), "[Ana.Maria bob dan02]"},
		{"SecurityProfileContains", crit(searchCond("SecurityProfileId", co, e.sec["Admin"][9:23])), "[Ana.Maria bob dan02]"},
		{"RoutingProfileExact", crit(searchCond("RoutingProfileId", ex, e.routing)), "[Ana.Maria BOBBY ana.lima anabel bob dan01 dan02 dan03 dan04 emile]"},
		{"RoutingProfileStartsWith", crit(searchCond("RoutingProfileId", sw, e.routing[:8])), "[Ana.Maria BOBBY ana.lima anabel bob dan01 dan02 dan03 dan04 emile]"},
		{"RoutingProfileContains", crit(searchCond("RoutingProfileId", co, e.routing[10:20]+"x")), "[]"},
		{"ResourceIDExact", crit(searchCond("resourceId", ex, e.ids["emile"])), "[emile]"},
		{"ResourceIDStartsWith", crit(searchCond("ResourceId", sw, e.ids["bob"])), "[bob]"},
		{"ResourceIDContains", crit(searchCond("resourceId", co, e.ids["anabel"][4:30])), "[anabel]"},
		{"UnknownHierarchyGroup", crit(types.UserSearchCriteria{HierarchyGroupCondition: &types.HierarchyGroupCondition{
			Value: aws.String("00000000-0000-4000-8000-000000000000"), HierarchyGroupMatchType: types.HierarchyGroupMatchTypeWithChildGroups}}), "[]"},
		{"Or", crit(types.UserSearchCriteria{OrConditions: []types.UserSearchCriteria{searchCond("Username", sw, "bob"), searchCond("LastName", ex, "lima")}}),
			"[BOBBY ana.lima bob]"},
		{"AndOfOrs", crit(types.UserSearchCriteria{AndConditions: []types.UserSearchCriteria{
			{OrConditions: []types.UserSearchCriteria{searchCond("FirstName", sw, "dan"), searchCond("LastName", sw, "st")}},
			{OrConditions: []types.UserSearchCriteria{searchCond("SecurityProfileId", ex, e.sec["Admin"]), searchCond("LastName", ex, "nguyen")}},
		}}), "[bob dan02 dan03]"},
		{"DeepNesting", crit(types.UserSearchCriteria{OrConditions: []types.UserSearchCriteria{
			{AndConditions: []types.UserSearchCriteria{
				{OrConditions: []types.UserSearchCriteria{searchCond("Username", ex, "dan01"), searchCond("Username", ex, "emile")}},
				searchCond("LastName", sw, "n"),
			}},
			searchCond("Username", co, "na.m"),
		}}), "[Ana.Maria dan01]"},
		{"TagFilterCondition", filter(types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{TagCondition: searchTagPtr(searchTag("team", "blue"))}}),
			"[ana.lima anabel emile]"},
		{"TagFilterOrOfAnds", filter(types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{OrConditions: [][]types.TagCondition{
			{searchTag("team", "red")}, {searchTag("team", "green"), searchTag("site", "lis")}}}}), "[Ana.Maria dan04]"},
		{"TagFilterAnd", filter(types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{AndConditions: []types.TagCondition{
			searchTag("team", "blue"), searchTag("site", "opo")}}}), "[anabel]"},
		{"AttributeFilterTag", filter(types.UserSearchFilter{UserAttributeFilter: &types.ControlPlaneUserAttributeFilter{TagCondition: searchTagPtr(searchTag("team", "Blue"))}}),
			"[BOBBY]"},
		{"AttributeFilterOr", filter(types.UserSearchFilter{UserAttributeFilter: &types.ControlPlaneUserAttributeFilter{OrConditions: []types.AttributeAndCondition{
			{TagConditions: []types.TagCondition{searchTag("site", "lis")}}, {TagConditions: []types.TagCondition{searchTag("team", "red")}}}}}),
			"[Ana.Maria dan04]"},
		{"CriteriaAndFilter", &connect.SearchUsersInput{
			SearchCriteria: &types.UserSearchCriteria{StringCondition: searchCond("FirstName", sw, "a").StringCondition},
			SearchFilter:   &types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{TagCondition: searchTagPtr(searchTag("team", "blue"))}},
		}, "[ana.lima anabel]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, limit := range []int32{1, 3, 500} {
				in := *tc.in
				if got := e.search(ctx, t, &in, limit); fmt.Sprint(got) != tc.want {
					t.Fatalf("MaxResults %d: found %v, want %s", limit, got, tc.want)
				}
			}
		})
	}

	t.Run("SummaryCarriesTheUser", func(t *testing.T) {
		out, err := e.c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: aws.String(e.inst),
			SearchCriteria: &types.UserSearchCriteria{StringCondition: searchCond("Username", ex, "Ana.Maria").StringCondition}})
		if err != nil || len(out.Users) != 1 {
			t.Fatalf("SearchUsers = %+v, %v", out, err)
		}
		u := out.Users[0]
		d, err := e.c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(e.inst), UserId: u.Id})
		if err != nil {
			t.Fatal(err)
		}
		du := d.User
		slices.Sort(u.SecurityProfileIds)
		slices.Sort(du.SecurityProfileIds)
		if aws.ToString(u.Arn) != aws.ToString(du.Arn) || aws.ToString(u.IdentityInfo.FirstName) != "ANA" ||
			aws.ToString(u.IdentityInfo.LastName) != "María" || fmt.Sprint(u.SecurityProfileIds) != fmt.Sprint(du.SecurityProfileIds) ||
			aws.ToString(u.RoutingProfileId) != e.routing || fmt.Sprint(u.Tags) != fmt.Sprint(du.Tags) ||
			u.PhoneConfig == nil || u.PhoneConfig.PhoneType != du.PhoneConfig.PhoneType ||
			u.PhoneConfig.AfterContactWorkTimeLimit != du.PhoneConfig.AfterContactWorkTimeLimit*1000 {
			t.Fatalf("summary %+v does not match DescribeUser %+v", u, du)
		}
	})

	t.Run("UpdatesAreVisible", func(t *testing.T) {
		id := e.ids["dan03"]
		_, err := e.c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{InstanceId: aws.String(e.inst), UserId: aws.String(id),
			IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Zacarias"), LastName: aws.String("Nguyen"), Email: aws.String("dan03@example.com")}})
		if err != nil {
			t.Fatal(err)
		}
		if got := e.search(ctx, t, crit(searchCond("FirstName", sw, "zaca")), 10); fmt.Sprint(got) != "[dan03]" {
			t.Fatalf("after UpdateUserIdentityInfo: found %v, want [dan03]", got)
		}
		arn := fmt.Sprintf("arn:aws:connect:eu-west-3:%s:instance/%s/agent/%s", defaultAccount, e.inst, id)
		if _, err := e.c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(arn), Tags: map[string]string{"team": "purple"}}); err != nil {
			t.Fatalf("TagResource: %v", err)
		}
		got := e.search(ctx, t, filter(types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{TagCondition: searchTagPtr(searchTag("team", "purple"))}}), 10)
		if fmt.Sprint(got) != "[dan03]" {
			t.Fatalf("after TagResource: found %v, want [dan03]", got)
		}
	})
}

func searchTagPtr(c types.TagCondition) *types.TagCondition { return &c }

// TestSDKSearchUsersErrors checks each error SearchUsers answers, as the
// SDK surfaces it.
func TestSDKSearchUsersErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	c := newClient(s, "eu-west-3")
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	for i := range 3 {
		if _, err := c.CreateUser(ctx, basicUser(inst, fmt.Sprintf("err%d", i), sec["Agent"], routing)); err != nil {
			t.Fatal(err)
		}
	}
	byName := &types.UserSearchCriteria{StringCondition: searchCond("Username", types.StringComparisonTypeStartsWith, "err").StringCondition}
	first, err := c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(1), SearchCriteria: byName})
	if err != nil || first.NextToken == nil {
		t.Fatalf("SearchUsers: %v (token %v)", err, first.NextToken)
	}
	other := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	tag := &types.TagCondition{TagKey: aws.String("team")}

	var (
		ipe *types.InvalidParameterException
		rnf *types.ResourceNotFoundException
	)
	tests := []struct {
		name   string
		in     *connect.SearchUsersInput
		target any // *types.X the error must be, or nil to check code
		code   string
		status int
	}{
		{"UnknownField", &connect.SearchUsersInput{InstanceId: aws.String(inst), SearchCriteria: &types.UserSearchCriteria{
			StringCondition: searchCond("Email", types.StringComparisonTypeExact, "x").StringCondition}}, &ipe, "InvalidParameterException", 400},
		{"ContainsOneCharacter", &connect.SearchUsersInput{InstanceId: aws.String(inst), SearchCriteria: &types.UserSearchCriteria{
			StringCondition: searchCond("FirstName", types.StringComparisonTypeContains, "x").StringCondition}}, &ipe, "InvalidParameterException", 400},
		{"TwoMembersInOneNode", &connect.SearchUsersInput{InstanceId: aws.String(inst), SearchCriteria: &types.UserSearchCriteria{
			StringCondition: byName.StringCondition, OrConditions: []types.UserSearchCriteria{*byName}}}, &ipe, "InvalidParameterException", 400},
		{"Proficiencies", &connect.SearchUsersInput{InstanceId: aws.String(inst), SearchCriteria: &types.UserSearchCriteria{
			ListCondition: &types.ListCondition{TargetListType: types.TargetListTypeProficiencies, Conditions: []types.Condition{
				{StringCondition: &types.StringCondition{FieldName: aws.String("name"), Value: aws.String("English"), ComparisonType: types.StringComparisonTypeExact}}}}}},
			&ipe, "InvalidParameterException", 400},
		{"MaxResultsTooLarge", &connect.SearchUsersInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(501)}, &ipe, "InvalidParameterException", 400},
		{"TokenOfAnotherQuery", &connect.SearchUsersInput{InstanceId: aws.String(inst), NextToken: first.NextToken}, &ipe, "InvalidParameterException", 400},
		{"TokenOfAnotherInstance", &connect.SearchUsersInput{InstanceId: aws.String(other), NextToken: first.NextToken, SearchCriteria: byName}, &ipe, "InvalidParameterException", 400},
		{"UnknownInstance", &connect.SearchUsersInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000")}, &rnf, "ResourceNotFoundException", 404},
		// AccessDeniedException is not in SearchUsers' model: the SDK sees a
		// generic API error with that code.
		{"BothFilters", &connect.SearchUsersInput{InstanceId: aws.String(inst), SearchFilter: &types.UserSearchFilter{
			TagFilter: &types.ControlPlaneTagFilter{TagCondition: tag}, UserAttributeFilter: &types.ControlPlaneUserAttributeFilter{TagCondition: tag}}},
			nil, "AccessDeniedException", 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.SearchUsers(ctx, tc.in)
			if err == nil {
				t.Fatal("SearchUsers succeeded, want an error")
			}
			if tc.target != nil && !errors.As(err, tc.target) {
				t.Errorf("err = %v, want %T", err, tc.target)
			}
			if got := errorCode(err); got != tc.code {
				t.Errorf("code = %q, want %q", got, tc.code)
			}
			if got := httpStatus(err); got != tc.status {
				t.Errorf("status = %d, want %d", got, tc.status)
			}
		})
	}
}

// TestBoto3SearchUsers runs testdata/test_boto3_search_users.py against the
// shared server.
func TestBoto3SearchUsers(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	py := requirePythonModule(t, "boto3")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, py, filepath.Join("testdata", "test_boto3_search_users.py"), "-v")
	cmd.Env = append(clientEnv(t, s.URL), "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1")
	out, err := cmd.CombinedOutput()
	t.Logf("python3 test_boto3_search_users.py -v:\n%s", out)
	if err != nil {
		t.Fatalf("python3 test_boto3_search_users.py: %v", err)
	}
}

// TestSDKSearchUsersHierarchy covers HierarchyGroupCondition, EXACT and
// WITH_CHILD_GROUPS, on groups made with CreateUserHierarchyGroup and
// users placed with CreateUser and UpdateUserHierarchy.
func TestSDKSearchUsersHierarchy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	c := newClient(s, "eu-west-3")
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	_, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{
		InstanceId: aws.String(inst),
		HierarchyStructure: &types.HierarchyStructureUpdate{
			LevelOne: &types.HierarchyLevelUpdate{Name: aws.String("Region")},
			LevelTwo: &types.HierarchyLevelUpdate{Name: aws.String("Site")},
		},
	})
	if err != nil {
		t.Fatalf("UpdateUserHierarchyStructure: %v", err)
	}
	group := func(name, parent string) string {
		in := &connect.CreateUserHierarchyGroupInput{InstanceId: aws.String(inst), Name: aws.String(name)}
		if parent != "" {
			in.ParentGroupId = aws.String(parent)
		}
		out, err := c.CreateUserHierarchyGroup(ctx, in)
		if err != nil {
			t.Fatalf("CreateUserHierarchyGroup %s: %v", name, err)
		}
		return aws.ToString(out.HierarchyGroupId)
	}
	emea := group("EMEA", "")
	lisbon := group("Lisbon", emea)
	paris := group("Paris", emea)
	amer := group("AMER", "")
	ids := map[string]string{}
	for name, g := range map[string]string{"hq": emea, "lis1": lisbon, "lis2": lisbon, "par1": paris, "nyc1": amer, "none": ""} {
		in := basicUser(inst, name, sec["Agent"], routing)
		if g != "" {
			in.HierarchyGroupId = aws.String(g)
		}
		out, err := c.CreateUser(ctx, in)
		if err != nil {
			t.Fatalf("CreateUser %s: %v", name, err)
		}
		ids[name] = aws.ToString(out.UserId)
	}
	e := &searchEnv{c: c, inst: inst, ids: ids}
	inGroup := func(id string, m types.HierarchyGroupMatchType) *connect.SearchUsersInput {
		return &connect.SearchUsersInput{SearchCriteria: &types.UserSearchCriteria{
			HierarchyGroupCondition: &types.HierarchyGroupCondition{Value: aws.String(id), HierarchyGroupMatchType: m}}}
	}
	exact, children := types.HierarchyGroupMatchTypeExact, types.HierarchyGroupMatchTypeWithChildGroups
	for _, tc := range []struct {
		name string
		in   *connect.SearchUsersInput
		want string
	}{
		{"ExactRoot", inGroup(emea, exact), "[hq]"},
		{"ExactLeaf", inGroup(lisbon, exact), "[lis1 lis2]"},
		{"WithChildGroups", inGroup(emea, children), "[hq lis1 lis2 par1]"},
		{"WithChildGroupsOfLeaf", inGroup(paris, children), "[par1]"},
		{"AttributeFilter", &connect.SearchUsersInput{SearchFilter: &types.UserSearchFilter{UserAttributeFilter: &types.ControlPlaneUserAttributeFilter{
			HierarchyGroupCondition: &types.HierarchyGroupCondition{Value: aws.String(amer), HierarchyGroupMatchType: children}}}}, "[nyc1]"},
		{"GroupAndName", &connect.SearchUsersInput{SearchCriteria: &types.UserSearchCriteria{AndConditions: []types.UserSearchCriteria{
			*inGroup(emea, children).SearchCriteria, searchCond("Username", types.StringComparisonTypeStartsWith, "lis")}}}, "[lis1 lis2]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := e.search(ctx, t, tc.in, 1); fmt.Sprint(got) != tc.want {
				t.Fatalf("found %v, want %s", got, tc.want)
			}
		})
	}
	t.Run("UpdateUserHierarchyIsVisible", func(t *testing.T) {
		if _, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: aws.String(inst), UserId: aws.String(ids["none"]),
			HierarchyGroupId: aws.String(paris)}); err != nil {
			t.Fatalf("UpdateUserHierarchy: %v", err)
		}
		if got := e.search(ctx, t, inGroup(emea, children), 2); fmt.Sprint(got) != "[hq lis1 lis2 none par1]" {
			t.Fatalf("found %v, want [hq lis1 lis2 none par1]", got)
		}
	})
}
