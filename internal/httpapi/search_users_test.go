package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func startsWith(field, value string) *types.UserSearchCriteria {
	return &types.UserSearchCriteria{StringCondition: &types.StringCondition{
		FieldName: aws.String(field), Value: aws.String(value), ComparisonType: types.StringComparisonTypeStartsWith}}
}

func TestSearchUsers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "search-users", types.DirectoryTypeConnectManaged)
	other := e.newInstance(t, "search-other", types.DirectoryTypeConnectManaged)

	want := map[string]string{}
	for i := range 5 {
		in := basicUser(f, fmt.Sprintf("agent%d", i))
		in.IdentityInfo.FirstName = aws.String(fmt.Sprintf("Ágata%d", i))
		in.PhoneConfig.AfterContactWorkTimeLimit = int32(30 + i)
		in.Tags = map[string]string{"team": []string{"red", "blue"}[i%2]}
		out, err := e.client.CreateUser(ctx, in)
		if err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		want[aws.ToString(out.UserId)] = aws.ToString(in.Username)
	}
	// Per-channel after-contact work instead of PhoneConfig's.
	in := basicUser(f, "channels")
	in.PhoneConfig = nil
	in.AfterContactWorkConfigs = []types.AfterContactWorkConfigPerChannel{{
		Channel:                types.ChannelChat,
		AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 120},
	}}
	channels, err := e.client.CreateUser(ctx, in)
	if err != nil {
		t.Fatalf("CreateUser(channels): %v", err)
	}
	e.createUser(t, other, "agent0") // never found in f

	t.Run("PaginatorVisitsEveryUserOnce", func(t *testing.T) {
		got := map[string]string{}
		pages := 0
		p := connect.NewSearchUsersPaginator(e.client, &connect.SearchUsersInput{
			InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(2),
			SearchCriteria: startsWith("Username", "AGENT"),
		})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if aws.ToInt64(out.ApproximateTotalCount) != 5 {
				t.Errorf("page %d: ApproximateTotalCount = %d, want 5", pages, aws.ToInt64(out.ApproximateTotalCount))
			}
			for _, u := range out.Users {
				if _, dup := got[aws.ToString(u.Id)]; dup {
					t.Fatalf("user %s twice", aws.ToString(u.Username))
				}
				got[aws.ToString(u.Id)] = aws.ToString(u.Username)
			}
		}
		if pages != 3 || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%d pages with %v, want 3 pages with %v", pages, got, want)
		}
	})

	t.Run("SummaryMembers", func(t *testing.T) {
		out, err := e.client.SearchUsers(ctx, &connect.SearchUsersInput{
			InstanceId:     aws.String(f.instanceID),
			SearchCriteria: &types.UserSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("FirstName"), Value: aws.String("ágata3"), ComparisonType: types.StringComparisonTypeExact}},
		})
		if err != nil || len(out.Users) != 1 {
			t.Fatalf("SearchUsers = %+v, %v; want one user", out, err)
		}
		u := out.Users[0]
		d, err := e.client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: u.Id})
		if err != nil {
			t.Fatal(err)
		}
		du := d.User
		checks := []struct {
			name      string
			got, want any
		}{
			{"Arn", aws.ToString(u.Arn), aws.ToString(du.Arn)},
			{"Id", aws.ToString(u.Id), aws.ToString(du.Id)},
			{"Username", aws.ToString(u.Username), "agent3"},
			{"FirstName", aws.ToString(u.IdentityInfo.FirstName), "Ágata3"},
			{"LastName", aws.ToString(u.IdentityInfo.LastName), aws.ToString(du.IdentityInfo.LastName)},
			{"PhoneType", u.PhoneConfig.PhoneType, du.PhoneConfig.PhoneType},
			// Milliseconds in SearchUsers, seconds in DescribeUser.
			{"AfterContactWorkTimeLimit", u.PhoneConfig.AfterContactWorkTimeLimit, du.PhoneConfig.AfterContactWorkTimeLimit * 1000},
			{"AfterContactWorkTimeLimitSeconds", du.PhoneConfig.AfterContactWorkTimeLimit, int32(33)},
			{"RoutingProfileId", aws.ToString(u.RoutingProfileId), f.routingProfileID},
			{"SecurityProfileIds", fmt.Sprint(u.SecurityProfileIds), fmt.Sprint([]string{f.agentProfileID})},
			{"Tags", fmt.Sprint(u.Tags), fmt.Sprint(map[string]string{"team": "blue"})},
			{"DirectoryUserId", aws.ToString(u.DirectoryUserId), aws.ToString(du.DirectoryUserId)},
		}
		for _, c := range checks {
			if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
				t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
			}
		}
	})

	t.Run("PerChannelAfterContactWorkInMilliseconds", func(t *testing.T) {
		out, err := e.client.SearchUsers(ctx, &connect.SearchUsersInput{
			InstanceId: aws.String(f.instanceID),
			SearchCriteria: &types.UserSearchCriteria{StringCondition: &types.StringCondition{
				FieldName: aws.String("resourceId"), Value: channels.UserId, ComparisonType: types.StringComparisonTypeExact}},
		})
		if err != nil || len(out.Users) != 1 {
			t.Fatalf("SearchUsers = %+v, %v; want one user", out, err)
		}
		var chat *types.AfterContactWorkConfigPerChannel
		for i, c := range out.Users[0].AfterContactWorkConfigs {
			if c.Channel == types.ChannelChat {
				chat = &out.Users[0].AfterContactWorkConfigs[i]
			}
		}
		if chat == nil || chat.AfterContactWorkConfig == nil || chat.AfterContactWorkConfig.AfterContactWorkTimeLimit != 120_000 {
			t.Fatalf("AfterContactWorkConfigs = %+v, want CHAT with 120000 ms", out.Users[0].AfterContactWorkConfigs)
		}
	})

	t.Run("WireHasNoEmailAndNoLastModified", func(t *testing.T) {
		resp, body := e.do(t, http.MethodPost, "/search-users", []byte(`{"InstanceId":"`+f.instanceID+`","SearchCriteria":{"StringCondition":{"FieldName":"Username","Value":"agent1","ComparisonType":"EXACT"}}}`))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		var out struct {
			Users                 []map[string]json.RawMessage
			ApproximateTotalCount *int64
		}
		if err := json.Unmarshal(body, &out); err != nil || len(out.Users) != 1 || out.ApproximateTotalCount == nil || *out.ApproximateTotalCount != 1 {
			t.Fatalf("body %s: %v", body, err)
		}
		for _, m := range []string{"LastModifiedTime", "LastModifiedRegion"} {
			if _, ok := out.Users[0][m]; ok {
				t.Errorf("UserSearchSummary has %s: %s", m, body)
			}
		}
		if strings.Contains(string(out.Users[0]["IdentityInfo"]), "Email") {
			t.Errorf("IdentityInfo = %s, want only FirstName and LastName", out.Users[0]["IdentityInfo"])
		}
	})

	t.Run("FiltersAndNesting", func(t *testing.T) {
		out, err := e.client.SearchUsers(ctx, &connect.SearchUsersInput{
			InstanceId: aws.String(f.instanceID),
			SearchCriteria: &types.UserSearchCriteria{OrConditions: []types.UserSearchCriteria{
				*startsWith("Username", "agent1"),
				{AndConditions: []types.UserSearchCriteria{*startsWith("FirstName", "ágata"), *startsWith("Username", "agent4")}},
				*startsWith("Username", "agent3"),
			}},
			SearchFilter: &types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{
				OrConditions: [][]types.TagCondition{{{TagKey: aws.String("team"), TagValue: aws.String("blue")}}},
			}},
		})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range out.Users {
			names = append(names, aws.ToString(u.Username))
		}
		slices.Sort(names)
		if fmt.Sprint(names) != "[agent1 agent3]" || aws.ToInt64(out.ApproximateTotalCount) != 2 {
			t.Fatalf("found %v (total %d), want [agent1 agent3] (2)", names, aws.ToInt64(out.ApproximateTotalCount))
		}
	})

	t.Run("TokenOfAnotherQuery", func(t *testing.T) {
		first, err := e.client.SearchUsers(ctx, &connect.SearchUsersInput{
			InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(1), SearchCriteria: startsWith("Username", "agent"),
		})
		if err != nil || first.NextToken == nil {
			t.Fatalf("SearchUsers: %v, token %v", err, first.NextToken)
		}
		for name, in := range map[string]*connect.SearchUsersInput{
			"OtherCriteria": {InstanceId: aws.String(f.instanceID), NextToken: first.NextToken, SearchCriteria: startsWith("Username", "agent1")},
			"NoCriteria":    {InstanceId: aws.String(f.instanceID), NextToken: first.NextToken},
			"OtherInstance": {InstanceId: aws.String(other.instanceID), NextToken: first.NextToken, SearchCriteria: startsWith("Username", "agent")},
		} {
			_, err := e.client.SearchUsers(ctx, in)
			var ipe *types.InvalidParameterException
			if !errors.As(err, &ipe) {
				t.Errorf("%s: err = %v, want InvalidParameterException", name, err)
			}
		}
		_, err = e.client.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(f.instanceID), NextToken: first.NextToken})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Errorf("ListUsers with a SearchUsers token: err = %v, want InvalidParameterException", err)
		}
	})

	t.Run("BothFiltersIsAccessDenied", func(t *testing.T) {
		_, err := e.client.SearchUsers(ctx, &connect.SearchUsersInput{
			InstanceId: aws.String(f.instanceID),
			SearchFilter: &types.UserSearchFilter{
				TagFilter:           &types.ControlPlaneTagFilter{TagCondition: &types.TagCondition{TagKey: aws.String("team")}},
				UserAttributeFilter: &types.ControlPlaneUserAttributeFilter{TagCondition: &types.TagCondition{TagKey: aws.String("team")}},
			},
		})
		if got := apiErrorCode(err); got != "AccessDeniedException" {
			t.Fatalf("err = %v (code %q), want AccessDeniedException", err, got)
		}
	})
}

// TestSearchUsersValidation sends raw bodies: what the model rejects and
// what the domain rejects, each with its exception.
func TestSearchUsersValidation(t *testing.T) {
	e := newEnv(t)
	f := e.newInstance(t, "search-validation", types.DirectoryTypeConnectManaged)
	inst := `"InstanceId":"` + f.instanceID + `"`
	str := func(field, op, value string) string {
		return fmt.Sprintf(`{"StringCondition":{"FieldName":%q,"Value":%q,"ComparisonType":%q}}`, field, value, op)
	}
	tests := []struct {
		name   string
		body   string
		status int
		ex     string
		inMsg  string // a part of the message
	}{
		{"NoInstance", `{}`, 400, "InvalidParameterException", "InstanceId"},
		{"UnknownInstance", `{"InstanceId":"00000000-0000-4000-8000-000000000000"}`, 404, "ResourceNotFoundException", "not found"},
		{"MaxResultsTooLarge", `{` + inst + `,"MaxResults":501}`, 400, "InvalidParameterException", "MaxResults"},
		{"MaxResultsZero", `{` + inst + `,"MaxResults":0}`, 400, "InvalidParameterException", "MaxResults"},
		{"BadComparisonType", `{` + inst + `,"SearchCriteria":` + str("Username", "LIKE", "a") + `}`, 400, "InvalidParameterException", "ComparisonType"},
		{"UnknownField", `{` + inst + `,"SearchCriteria":` + str("Email", "EXACT", "a") + `}`, 400, "InvalidParameterException", "FieldName must be one of"},
		{"NoValue", `{` + inst + `,"SearchCriteria":` + str("Username", "EXACT", "") + `}`, 400, "InvalidParameterException", "Value is required"},
		{"ContainsTooShort", `{` + inst + `,"SearchCriteria":` + str("LastName", "CONTAINS", "a") + `}`, 400, "InvalidParameterException", "2 to 25"},
		{"ContainsTooLong", `{` + inst + `,"SearchCriteria":` + str("LastName", "CONTAINS", strings.Repeat("a", 26)) + `}`, 400, "InvalidParameterException", "2 to 25"},
		{"TwoMembersInANode", `{` + inst + `,"SearchCriteria":{"StringCondition":{"FieldName":"Username","Value":"a","ComparisonType":"EXACT"},"OrConditions":[` + str("Username", "EXACT", "b") + `]}}`,
			400, "InvalidParameterException", "exactly one of"},
		{"EmptyOrConditions", `{` + inst + `,"SearchCriteria":{"OrConditions":[]}}`, 400, "InvalidParameterException", "at least one"},
		{"EmptyNestedNode", `{` + inst + `,"SearchCriteria":{"AndConditions":[{}]}}`, 400, "InvalidParameterException", "AndConditions[0]"},
		{"Proficiencies", `{` + inst + `,"SearchCriteria":{"ListCondition":{"TargetListType":"PROFICIENCIES","Conditions":[{"StringCondition":{"FieldName":"name","Value":"English","ComparisonType":"EXACT"}}]}}}`,
			400, "InvalidParameterException", "proficiencies"},
		{"BadHierarchyMatch", `{` + inst + `,"SearchCriteria":{"HierarchyGroupCondition":{"Value":"g","HierarchyGroupMatchType":"BELOW"}}}`, 400, "InvalidParameterException", "HierarchyGroupMatchType"},
		{"HierarchyWithoutGroup", `{` + inst + `,"SearchCriteria":{"HierarchyGroupCondition":{"HierarchyGroupMatchType":"EXACT"}}}`, 400, "InvalidParameterException", "Value is required"},
		{"BothFilters", `{` + inst + `,"SearchFilter":{"TagFilter":{"TagCondition":{"TagKey":"a"}},"UserAttributeFilter":{"TagCondition":{"TagKey":"a"}}}}`, 403, "AccessDeniedException", "cannot be combined"},
		{"TwoTagFilterMembers", `{` + inst + `,"SearchFilter":{"TagFilter":{"TagCondition":{"TagKey":"a"},"AndConditions":[{"TagKey":"b"}]}}}`, 400, "InvalidParameterException", "exactly one of"},
		{"EmptyInnerTagList", `{` + inst + `,"SearchFilter":{"TagFilter":{"OrConditions":[[]]}}}`, 400, "InvalidParameterException", "OrConditions[0]"},
		{"TagWithoutKey", `{` + inst + `,"SearchFilter":{"TagFilter":{"TagCondition":{"TagValue":"x"}}}}`, 400, "InvalidParameterException", "TagKey is required"},
		{"TwoAttributeMembers", `{` + inst + `,"SearchFilter":{"UserAttributeFilter":{"TagCondition":{"TagKey":"a"},"HierarchyGroupCondition":{"Value":"g"}}}}`, 400, "InvalidParameterException", "only one of"},
		{"EmptyAttributeAnd", `{` + inst + `,"SearchFilter":{"UserAttributeFilter":{"AndCondition":{}}}}`, 400, "InvalidParameterException", "TagConditions or HierarchyGroupCondition"},
		{"TooManyAttributeTags", `{` + inst + `,"SearchFilter":{"UserAttributeFilter":{"AndCondition":{"TagConditions":[` +
			strings.TrimSuffix(strings.Repeat(`{"TagKey":"k"},`, 26), ",") + `]}}}}`, 400, "InvalidParameterException", "the maximum is 25"},
		{"GarbageToken", `{` + inst + `,"NextToken":"abc.def"}`, 400, "InvalidParameterException", "NextToken"},
		{"NotJSON", `{` + inst + `,"SearchCriteria":[]}`, 400, "SerializationException", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.do(t, http.MethodPost, "/search-users", []byte(tc.body))
			eb := wantAWSError(t, resp, body, tc.status, tc.ex)
			if !strings.Contains(eb.Message, tc.inMsg) {
				t.Errorf("message %q does not mention %q", eb.Message, tc.inMsg)
			}
		})
	}
}
