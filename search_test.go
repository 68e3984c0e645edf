package connectlite

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func strCond(field, op, value string) UserSearchCriteria {
	return UserSearchCriteria{StringCondition: &StringCondition{FieldName: field, Value: value, ComparisonType: op}}
}

func TestCompileUserSearchRejects(t *testing.T) {
	deep := strCond("Username", "EXACT", "a")
	for range MaxSearchDepth + 1 {
		deep = UserSearchCriteria{AndConditions: []UserSearchCriteria{deep}}
	}
	var many []UserSearchCriteria
	for range MaxSearchConditions + 1 {
		many = append(many, strCond("Username", "EXACT", "a"))
	}
	var tags []TagCondition
	for range MaxAttributeTagConditions + 1 {
		tags = append(tags, TagCondition{TagKey: "k"})
	}
	var groups []AttributeAndCondition
	for range MaxAttributeHierarchyConditions + 1 {
		groups = append(groups, AttributeAndCondition{HierarchyGroupCondition: &HierarchyGroupCondition{Value: "g"}})
	}
	tag := &TagCondition{TagKey: "k"}
	tests := []struct {
		name     string
		criteria *UserSearchCriteria
		filter   *UserSearchFilter
		want     Kind
		inMsg    string
	}{
		{"UnknownField", &UserSearchCriteria{StringCondition: &StringCondition{FieldName: "Email", Value: "a", ComparisonType: "EXACT"}}, nil, KindInvalidParameter, `got "Email"`},
		{"NoField", &UserSearchCriteria{StringCondition: &StringCondition{Value: "a", ComparisonType: "EXACT"}}, nil, KindInvalidParameter, "FieldName is required"},
		{"NoComparison", &UserSearchCriteria{StringCondition: &StringCondition{FieldName: "Username", Value: "a"}}, nil, KindInvalidParameter, "ComparisonType is required"},
		{"BadComparison", ptrTo(strCond("Username", "ENDS_WITH", "a")), nil, KindInvalidParameter, "ENDS_WITH"},
		{"EmptyValue", ptrTo(strCond("Username", "STARTS_WITH", "")), nil, KindInvalidParameter, "Value is required"},
		{"ContainsOneRune", ptrTo(strCond("FirstName", "CONTAINS", "é")), nil, KindInvalidParameter, "got 1"},
		{"ContainsTooLong", ptrTo(strCond("LastName", "CONTAINS", strings.Repeat("é", 26))), nil, KindInvalidParameter, "got 26"},
		{"TwoMembers", &UserSearchCriteria{StringCondition: &StringCondition{FieldName: "Username", Value: "a", ComparisonType: "EXACT"},
			HierarchyGroupCondition: &HierarchyGroupCondition{Value: "g"}}, nil, KindInvalidParameter, "StringCondition and HierarchyGroupCondition"},
		{"EmptyAnd", &UserSearchCriteria{AndConditions: []UserSearchCriteria{}}, nil, KindInvalidParameter, "SearchCriteria.AndConditions must hold"},
		{"EmptyNestedNode", &UserSearchCriteria{OrConditions: []UserSearchCriteria{strCond("Username", "EXACT", "a"), {}}}, nil, KindInvalidParameter, "SearchCriteria.OrConditions[1] must set one of"},
		{"ErrorPathNamesTheNode", &UserSearchCriteria{OrConditions: []UserSearchCriteria{{AndConditions: []UserSearchCriteria{strCond("Username", "EXACT", "a"), strCond("Nick", "EXACT", "a")}}}},
			nil, KindInvalidParameter, "SearchCriteria.OrConditions[0].AndConditions[1].StringCondition.FieldName"},
		{"TooDeep", &deep, nil, KindInvalidParameter, "nest at most"},
		{"TooManyConditions", &UserSearchCriteria{OrConditions: many}, nil, KindInvalidParameter, "at most 100 conditions"},
		{"Proficiencies", &UserSearchCriteria{ListCondition: &ListCondition{TargetListType: "PROFICIENCIES"}}, nil, KindInvalidParameter, "PROFICIENCIES is not supported"},
		{"HierarchyWithoutValue", &UserSearchCriteria{HierarchyGroupCondition: &HierarchyGroupCondition{HierarchyGroupMatchType: "EXACT"}}, nil, KindInvalidParameter, "Value is required"},
		{"HierarchyBadMatch", &UserSearchCriteria{HierarchyGroupCondition: &HierarchyGroupCondition{Value: "g", HierarchyGroupMatchType: "DESCENDANTS"}}, nil, KindInvalidParameter, "DESCENDANTS"},
		{"BothFilters", nil, &UserSearchFilter{TagFilter: &TagFilter{TagCondition: tag}, UserAttributeFilter: &UserAttributeFilter{TagCondition: tag}}, KindAccessDenied, "cannot be combined"},
		{"BothFiltersBeatsBadCriteria", ptrTo(strCond("Username", "EXACT", "a")), &UserSearchFilter{TagFilter: &TagFilter{}, UserAttributeFilter: &UserAttributeFilter{}}, KindAccessDenied, "cannot be combined"},
		{"TagFilterTwoMembers", nil, &UserSearchFilter{TagFilter: &TagFilter{TagCondition: tag, AndConditions: []TagCondition{*tag}}}, KindInvalidParameter, "AndConditions and TagCondition"},
		{"TagFilterEmptyOr", nil, &UserSearchFilter{TagFilter: &TagFilter{OrConditions: [][]TagCondition{}}}, KindInvalidParameter, "OrConditions must hold"},
		{"TagFilterEmptyInnerAnd", nil, &UserSearchFilter{TagFilter: &TagFilter{OrConditions: [][]TagCondition{{*tag}, {}}}}, KindInvalidParameter, "OrConditions[1] must hold"},
		{"TagFilterEmptyAnd", nil, &UserSearchFilter{TagFilter: &TagFilter{AndConditions: []TagCondition{}}}, KindInvalidParameter, "AndConditions must hold"},
		{"TagWithoutKey", nil, &UserSearchFilter{TagFilter: &TagFilter{TagCondition: &TagCondition{TagValue: ptrTo("v")}}}, KindInvalidParameter, "TagKey is required"},
		{"AttributeTwoMembers", nil, &UserSearchFilter{UserAttributeFilter: &UserAttributeFilter{TagCondition: tag, HierarchyGroupCondition: &HierarchyGroupCondition{Value: "g"}}}, KindInvalidParameter, "only one of"},
		{"AttributeEmptyAnd", nil, &UserSearchFilter{UserAttributeFilter: &UserAttributeFilter{AndCondition: &AttributeAndCondition{}}}, KindInvalidParameter, "must set TagConditions or HierarchyGroupCondition"},
		{"AttributeEmptyOr", nil, &UserSearchFilter{UserAttributeFilter: &UserAttributeFilter{OrConditions: []AttributeAndCondition{}}}, KindInvalidParameter, "OrConditions must hold"},
		{"AttributeTooManyTags", nil, &UserSearchFilter{UserAttributeFilter: &UserAttributeFilter{AndCondition: &AttributeAndCondition{TagConditions: tags}}}, KindInvalidParameter, "the maximum is 25"},
		{"AttributeTooManyGroups", nil, &UserSearchFilter{UserAttributeFilter: &UserAttributeFilter{OrConditions: groups}}, KindInvalidParameter, "the maximum is 20"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := CompileUserSearch(tc.criteria, tc.filter)
			if got := KindOf(err); err == nil || got != tc.want {
				t.Fatalf("CompileUserSearch = %+v, %v; want kind %v", q, err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.inMsg) {
				t.Errorf("message %q does not contain %q", err, tc.inMsg)
			}
		})
	}
}

func ptrTo[T any](v T) *T { return &v }

func TestCompileUserSearchBuildsTheTree(t *testing.T) {
	blue := "blue"
	tests := []struct {
		name     string
		criteria *UserSearchCriteria
		filter   *UserSearchFilter
		want     *UserQuery
	}{
		{"Nothing", nil, nil, nil},
		{"EmptyCriteriaAndFilters", &UserSearchCriteria{}, &UserSearchFilter{TagFilter: &TagFilter{}}, nil},
		{"NamesAreFoldedFieldNamesAnyCase", ptrTo(strCond("FIRSTNAME", "STARTS_WITH", "ÁNA")), nil,
			&UserQuery{Op: QueryString, Field: FieldFirstName, Match: MatchStartsWith, Value: "ána"}},
		{"IdentifiersAreNotFolded", ptrTo(strCond("ResourceId", "EXACT", "ABC")), nil,
			&UserQuery{Op: QueryString, Field: FieldResourceID, Match: MatchExact, Value: "ABC"}},
		{"ContainsOnIDsTakesOneCharacter", ptrTo(strCond("SecurityProfileId", "CONTAINS", "a")), nil,
			&UserQuery{Op: QueryString, Field: FieldSecurityProfileID, Match: MatchContains, Value: "a"}},
		{"SingleOperandListsCollapseAndSameOpsFlatten", &UserSearchCriteria{AndConditions: []UserSearchCriteria{
			{OrConditions: []UserSearchCriteria{strCond("Username", "EXACT", "a")}},
			{AndConditions: []UserSearchCriteria{strCond("LastName", "EXACT", "B"), strCond("RoutingProfileId", "EXACT", "r")}},
		}}, nil, &UserQuery{Op: QueryAnd, Conditions: []UserQuery{
			{Op: QueryString, Field: FieldUsername, Match: MatchExact, Value: "a"},
			{Op: QueryString, Field: FieldLastName, Match: MatchExact, Value: "b"},
			{Op: QueryString, Field: FieldRoutingProfileID, Match: MatchExact, Value: "r"},
		}}},
		{"HierarchyDefaultsToExact", &UserSearchCriteria{HierarchyGroupCondition: &HierarchyGroupCondition{Value: "g"}}, nil,
			&UserQuery{Op: QueryHierarchyGroup, GroupID: "g"}},
		{"CriteriaAndTagFilterAreAnded", ptrTo(strCond("Username", "STARTS_WITH", "a")),
			&UserSearchFilter{TagFilter: &TagFilter{OrConditions: [][]TagCondition{{{TagKey: "team", TagValue: &blue}}, {{TagKey: "x"}, {TagKey: "y"}}}}},
			&UserQuery{Op: QueryAnd, Conditions: []UserQuery{
				{Op: QueryString, Field: FieldUsername, Match: MatchStartsWith, Value: "a"},
				{Op: QueryOr, Conditions: []UserQuery{
					{Op: QueryTag, TagKey: "team", TagValue: &blue},
					{Op: QueryAnd, Conditions: []UserQuery{{Op: QueryTag, TagKey: "x"}, {Op: QueryTag, TagKey: "y"}}},
				}},
			}}},
		{"AttributeAndOfTagsAndGroup", nil, &UserSearchFilter{UserAttributeFilter: &UserAttributeFilter{AndCondition: &AttributeAndCondition{
			TagConditions: []TagCondition{{TagKey: "team", TagValue: &blue}}, HierarchyGroupCondition: &HierarchyGroupCondition{Value: "g", HierarchyGroupMatchType: "WITH_CHILD_GROUPS"}}}},
			&UserQuery{Op: QueryAnd, Conditions: []UserQuery{{Op: QueryTag, TagKey: "team", TagValue: &blue}, {Op: QueryHierarchyGroup, GroupID: "g", WithChildGroups: true}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := CompileUserSearch(tc.criteria, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(q, tc.want) {
				t.Fatalf("got\n%+v\nwant\n%+v", q, tc.want)
			}
		})
	}
}

func TestFingerprintTellsQueriesApart(t *testing.T) {
	v := func(s string) *string { return &s }
	queries := []*UserQuery{
		nil,
		{Op: QueryString, Field: FieldUsername, Match: MatchStartsWith, Value: "a"},
		{Op: QueryString, Field: FieldUsername, Match: MatchExact, Value: "a"},
		{Op: QueryString, Field: FieldFirstName, Match: MatchStartsWith, Value: "a"},
		{Op: QueryString, Field: FieldUsername, Match: MatchStartsWith, Value: "a,"},
		{Op: QueryTag, TagKey: "k"},
		{Op: QueryTag, TagKey: "k", TagValue: v("")},
		{Op: QueryHierarchyGroup, GroupID: "g"},
		{Op: QueryHierarchyGroup, GroupID: "g", WithChildGroups: true},
		{Op: QueryAnd, Conditions: []UserQuery{{Op: QueryTag, TagKey: "a"}, {Op: QueryTag, TagKey: "b"}}},
		{Op: QueryOr, Conditions: []UserQuery{{Op: QueryTag, TagKey: "a"}, {Op: QueryTag, TagKey: "b"}}},
		{Op: QueryAnd, Conditions: []UserQuery{{Op: QueryTag, TagKey: "b"}, {Op: QueryTag, TagKey: "a"}}},
	}
	seen := map[string]int{}
	for i, q := range queries {
		fp := q.Fingerprint()
		if j, ok := seen[fp]; ok {
			t.Errorf("queries %d and %d share fingerprint %s", j, i, fp)
		}
		seen[fp] = i
		if again := q.Fingerprint(); again != fp {
			t.Errorf("query %d: fingerprint %s then %s", i, fp, again)
		}
	}
}

// searchStore is a Store that answers only SearchUsers, for the Service
// tests: it records the query and page and returns one user with a cursor.
type searchStore struct {
	Store
	inst *Instance
	gotQ *UserQuery
	gotP PageRequest
}

func (s *searchStore) Instance(_ context.Context, id string) (*Instance, error) {
	if id != s.inst.ID {
		return nil, Errorf(KindNotFound, "no instance %s", id)
	}
	return s.inst, nil
}

func (s *searchStore) SearchUsers(_ context.Context, _ string, q *UserQuery, p PageRequest) ([]User, string, int64, error) {
	s.gotQ, s.gotP = q, p
	return []User{{ID: "u1", Username: "ana"}}, "cursor-" + p.After, 7, nil
}

func TestServiceSearchUsersTokens(t *testing.T) {
	ctx := context.Background()
	newService := func(inst *Instance) (*Service, *searchStore) {
		st := &searchStore{inst: inst}
		return &Service{Store: st, Tokens: &TokenCodec{Key: []byte("0123456789abcdef0123456789abcdef")}, AccountID: "123456789012"}, st
	}
	inst := &Instance{ID: "i1", AccountID: "123456789012", Region: "us-west-2"}
	svc, st := newService(inst)
	byName := ptrTo(strCond("Username", "STARTS_WITH", "A"))
	out, err := svc.SearchUsers(ctx, "us-west-2", &SearchUsersInput{InstanceID: inst.ID, SearchCriteria: byName})
	if err != nil {
		t.Fatal(err)
	}
	if st.gotP.Limit != DefaultSearchResults || st.gotP.After != "" || st.gotQ == nil || st.gotQ.Value != "a" {
		t.Fatalf("store got %+v, %+v; want the default limit, no cursor and the folded query", st.gotP, st.gotQ)
	}
	if out.ApproximateTotalCount != 7 || out.NextToken == "" || out.Users[0].ARN != inst.ResourceARN(ARNAgent, "u1") {
		t.Fatalf("output = %+v", out)
	}

	t.Run("SameQueryContinues", func(t *testing.T) {
		_, err := svc.SearchUsers(ctx, "us-west-2", &SearchUsersInput{InstanceID: inst.ID, SearchCriteria: ptrTo(strCond("username", "STARTS_WITH", "a")), NextToken: out.NextToken, MaxResults: 3})
		if err != nil || st.gotP.After != "cursor-" || st.gotP.Limit != 3 {
			t.Fatalf("err %v, store page %+v; want the cursor and limit 3", err, st.gotP)
		}
	})
	for _, tc := range []struct {
		name string
		in   SearchUsersInput
	}{
		{"OtherValue", SearchUsersInput{InstanceID: inst.ID, SearchCriteria: ptrTo(strCond("Username", "STARTS_WITH", "b"))}},
		{"OtherOperator", SearchUsersInput{InstanceID: inst.ID, SearchCriteria: ptrTo(strCond("Username", "EXACT", "a"))}},
		{"NoCriteria", SearchUsersInput{InstanceID: inst.ID}},
		{"AddedFilter", SearchUsersInput{InstanceID: inst.ID, SearchCriteria: byName, SearchFilter: &UserSearchFilter{TagFilter: &TagFilter{TagCondition: &TagCondition{TagKey: "k"}}}}},
		{"Tampered", SearchUsersInput{InstanceID: inst.ID, SearchCriteria: byName, NextToken: "x" + out.NextToken}},
	} {
		t.Run("Rejects"+tc.name, func(t *testing.T) {
			in := tc.in
			if in.NextToken == "" {
				in.NextToken = out.NextToken
			}
			_, err := svc.SearchUsers(ctx, "us-west-2", &in)
			if KindOf(err) != KindInvalidParameter || !strings.Contains(err.Error(), "NextToken") {
				t.Fatalf("err = %v, want InvalidParameter about NextToken", err)
			}
		})
	}
	t.Run("RejectsOtherInstance", func(t *testing.T) {
		other := &Instance{ID: "i2", AccountID: "123456789012", Region: "us-west-2"}
		svc2, _ := newService(other)
		svc2.Tokens = svc.Tokens
		_, err := svc2.SearchUsers(ctx, "us-west-2", &SearchUsersInput{InstanceID: other.ID, SearchCriteria: byName, NextToken: out.NextToken})
		if KindOf(err) != KindInvalidParameter {
			t.Fatalf("err = %v, want InvalidParameter", err)
		}
	})
	for _, limit := range []int{-1, MaxSearchResults + 1} {
		t.Run(fmt.Sprintf("RejectsMaxResults%d", limit), func(t *testing.T) {
			_, err := svc.SearchUsers(ctx, "us-west-2", &SearchUsersInput{InstanceID: inst.ID, MaxResults: limit})
			if KindOf(err) != KindInvalidParameter {
				t.Fatalf("err = %v, want InvalidParameter", err)
			}
		})
	}
	t.Run("UnknownInstanceIsNotFound", func(t *testing.T) {
		_, err := svc.SearchUsers(ctx, "us-west-2", &SearchUsersInput{InstanceID: "nope"})
		if KindOf(err) != KindNotFound {
			t.Fatalf("err = %v, want NotFound", err)
		}
	})
}
