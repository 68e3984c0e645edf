package e2e

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// The agent hierarchy (structure and groups), the instance attributes and
// CreateInstance's ClientToken idempotency, through aws-sdk-go-v2 against
// the real binary.

// hierWant fails unless err is the SDK's typed error T (which the SDK
// returns only when the operation's model lists the exception).
func hierWant[T error](t *testing.T, what string, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("%s: err = %v, want %T", what, err, target)
	}
	return target
}

// hierStructure returns the instance's hierarchy structure.
func hierStructure(ctx context.Context, t *testing.T, c *connect.Client, inst string) *types.HierarchyStructure {
	t.Helper()
	out, err := c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("DescribeUserHierarchyStructure: %v", err)
	}
	if out.HierarchyStructure == nil {
		t.Fatal("DescribeUserHierarchyStructure: no HierarchyStructure member")
	}
	return out.HierarchyStructure
}

// hierLevels lists the levels of a structure, level one first, stopping at
// the first absent one.
func hierLevels(hs *types.HierarchyStructure) []types.HierarchyLevel {
	var out []types.HierarchyLevel
	for _, l := range []*types.HierarchyLevel{hs.LevelOne, hs.LevelTwo, hs.LevelThree, hs.LevelFour, hs.LevelFive} {
		if l == nil {
			break
		}
		out = append(out, *l)
	}
	return out
}

// hierUpdate is a HierarchyStructureUpdate with the given level names.
func hierUpdate(names ...string) *types.HierarchyStructureUpdate {
	u := &types.HierarchyStructureUpdate{}
	slots := []**types.HierarchyLevelUpdate{&u.LevelOne, &u.LevelTwo, &u.LevelThree, &u.LevelFour, &u.LevelFive}
	for i, n := range names {
		if n != "" {
			*slots[i] = &types.HierarchyLevelUpdate{Name: aws.String(n)}
		}
	}
	return u
}

// hierGroup describes a hierarchy group.
func hierGroup(ctx context.Context, t *testing.T, c *connect.Client, inst, id string) *types.HierarchyGroup {
	t.Helper()
	out, err := c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: aws.String(inst), HierarchyGroupId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeUserHierarchyGroup(%s): %v", id, err)
	}
	return out.HierarchyGroup
}

// TestSDKHierarchyStructure covers UpdateUserHierarchyStructure and
// DescribeUserHierarchyStructure: adding, renaming (ids kept) and removing
// levels, the level ARNs, and the errors.
func TestSDKHierarchyStructure(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "eu-central-1"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	instARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, inst)

	if got := hierLevels(hierStructure(ctx, t, c, inst)); len(got) != 0 {
		t.Fatalf("structure of a new instance = %+v, want none", got)
	}
	update := func(names ...string) error {
		_, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{
			InstanceId: aws.String(inst), HierarchyStructure: hierUpdate(names...),
		})
		return err
	}
	if err := update("Company", "Division", "Team"); err != nil {
		t.Fatalf("UpdateUserHierarchyStructure: %v", err)
	}
	levels := hierLevels(hierStructure(ctx, t, c, inst))
	if len(levels) != 3 {
		t.Fatalf("levels = %+v, want 3", levels)
	}
	for i, l := range levels {
		want := []string{"Company", "Division", "Team"}[i]
		if !uuidRE.MatchString(aws.ToString(l.Id)) || aws.ToString(l.Name) != want ||
			aws.ToString(l.Arn) != instARN+"/agent-group-level/"+strconv.Itoa(i+1) ||
			l.LastModifiedTime == nil || aws.ToString(l.LastModifiedRegion) != region {
			t.Errorf("level %d = %+v", i+1, l)
		}
	}

	t.Run("RenameKeepsIDs", func(t *testing.T) {
		if err := update("Company", "Region", "Team"); err != nil {
			t.Fatalf("UpdateUserHierarchyStructure: %v", err)
		}
		got := hierLevels(hierStructure(ctx, t, c, inst))
		for i := range levels {
			if aws.ToString(got[i].Id) != aws.ToString(levels[i].Id) {
				t.Errorf("level %d id %s, was %s", i+1, aws.ToString(got[i].Id), aws.ToString(levels[i].Id))
			}
		}
		if aws.ToString(got[1].Name) != "Region" {
			t.Errorf("level two name %q, want Region", aws.ToString(got[1].Name))
		}
	})

	t.Run("Errors", func(t *testing.T) {
		tests := []struct {
			name  string
			inst  string
			names []string
			check func(*testing.T, error)
		}{
			{"Gap", inst, []string{"A", "", "C"}, func(t *testing.T, err error) { hierWant[*types.InvalidRequestException](t, "gap", err) }},
			{"NoLevelOne", inst, []string{"", "B"}, func(t *testing.T, err error) { hierWant[*types.InvalidRequestException](t, "no level one", err) }},
			{"LongName", inst, []string{strings.Repeat("n", 51)}, func(t *testing.T, err error) {
				hierWant[*types.InvalidParameterException](t, "51 characters", err)
			}},
			{"UnknownInstance", "00000000-0000-4000-8000-000000000000", []string{"A"}, func(t *testing.T, err error) {
				hierWant[*types.ResourceNotFoundException](t, "unknown instance", err)
			}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{
					InstanceId: aws.String(tc.inst), HierarchyStructure: hierUpdate(tc.names...),
				})
				tc.check(t, err)
			})
		}
		if got := hierLevels(hierStructure(ctx, t, c, inst)); len(got) != 3 || aws.ToString(got[1].Name) != "Region" {
			t.Fatalf("structure after failed updates = %+v", got)
		}
		_, err := c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000")})
		hierWant[*types.ResourceNotFoundException](t, "DescribeUserHierarchyStructure(unknown instance)", err)
	})

	t.Run("RemoveLevels", func(t *testing.T) {
		if err := update("Company"); err != nil {
			t.Fatalf("UpdateUserHierarchyStructure(one level): %v", err)
		}
		if got := hierLevels(hierStructure(ctx, t, c, inst)); len(got) != 1 || aws.ToString(got[0].Id) != aws.ToString(levels[0].Id) {
			t.Fatalf("structure = %+v", got)
		}
		// What Terraform sends to delete a structure: an empty one.
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{
			InstanceId: aws.String(inst), HierarchyStructure: &types.HierarchyStructureUpdate{},
		}); err != nil {
			t.Fatalf("UpdateUserHierarchyStructure(empty): %v", err)
		}
		if got := hierLevels(hierStructure(ctx, t, c, inst)); len(got) != 0 {
			t.Fatalf("structure after removing all = %+v", got)
		}
	})
}

// TestSDKHierarchyGroups covers CreateUserHierarchyGroup,
// DescribeUserHierarchyGroup (HierarchyPath, LevelId, Tags),
// ListUserHierarchyGroups across pages, UpdateUserHierarchyGroupName and
// DeleteUserHierarchyGroup, the reference and in-use errors, and the
// groups as users and SearchUsers see them.
func TestSDKHierarchyGroups(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "ap-northeast-3"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	instARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, inst)
	create := func(name, parent string, tags map[string]string) (*connect.CreateUserHierarchyGroupOutput, error) {
		in := &connect.CreateUserHierarchyGroupInput{InstanceId: aws.String(inst), Name: aws.String(name), Tags: tags}
		if parent != "" {
			in.ParentGroupId = aws.String(parent)
		}
		return c.CreateUserHierarchyGroup(ctx, in)
	}
	mustCreate := func(t *testing.T, name, parent string, tags map[string]string) string {
		t.Helper()
		out, err := create(name, parent, tags)
		if err != nil {
			t.Fatalf("CreateUserHierarchyGroup(%s): %v", name, err)
		}
		id := aws.ToString(out.HierarchyGroupId)
		if !uuidRE.MatchString(id) || aws.ToString(out.HierarchyGroupArn) != instARN+"/agent-group/"+id {
			t.Fatalf("CreateUserHierarchyGroup(%s) = %q, %q", name, id, aws.ToString(out.HierarchyGroupArn))
		}
		return id
	}

	_, err := create("Early", "", nil)
	hierWant[*types.InvalidRequestException](t, "CreateUserHierarchyGroup(no structure)", err)
	if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{
		InstanceId: aws.String(inst), HierarchyStructure: hierUpdate("Region", "Country", "City"),
	}); err != nil {
		t.Fatalf("UpdateUserHierarchyStructure: %v", err)
	}

	americas := mustCreate(t, "Americas", "", map[string]string{"team": "amer"})
	brazil := mustCreate(t, "Brazil", americas, nil)
	saoPaulo := mustCreate(t, "Sao Paulo", brazil, map[string]string{"site": "gru", "floor": "3"})
	emea := mustCreate(t, "EMEA", "", nil)
	germany := mustCreate(t, "Germany", emea, nil)

	t.Run("DescribeShowsPathLevelAndTags", func(t *testing.T) {
		g := hierGroup(ctx, t, c, inst, saoPaulo)
		if aws.ToString(g.Id) != saoPaulo || aws.ToString(g.Arn) != instARN+"/agent-group/"+saoPaulo ||
			aws.ToString(g.Name) != "Sao Paulo" || aws.ToString(g.LevelId) != "3" ||
			!reflect.DeepEqual(g.Tags, map[string]string{"site": "gru", "floor": "3"}) ||
			g.LastModifiedTime == nil || aws.ToString(g.LastModifiedRegion) != region {
			t.Fatalf("DescribeUserHierarchyGroup = %+v", g)
		}
		p := g.HierarchyPath
		for i, want := range []struct{ id, name string }{{americas, "Americas"}, {brazil, "Brazil"}, {saoPaulo, "Sao Paulo"}} {
			got := []*types.HierarchyGroupSummary{p.LevelOne, p.LevelTwo, p.LevelThree}[i]
			if got == nil || aws.ToString(got.Id) != want.id || aws.ToString(got.Name) != want.name ||
				aws.ToString(got.Arn) != instARN+"/agent-group/"+want.id {
				t.Errorf("HierarchyPath level %d = %+v, want %s", i+1, got, want.name)
			}
		}
		if p.LevelFour != nil || p.LevelFive != nil {
			t.Errorf("HierarchyPath has levels below three: %+v", p)
		}
		top := hierGroup(ctx, t, c, inst, americas)
		if aws.ToString(top.LevelId) != "1" || top.HierarchyPath.LevelOne == nil || aws.ToString(top.HierarchyPath.LevelOne.Id) != americas ||
			top.HierarchyPath.LevelTwo != nil {
			t.Errorf("level-one group = %+v", top)
		}
	})

	t.Run("CreateErrors", func(t *testing.T) {
		_, err := create("Too deep", saoPaulo, nil)
		hierWant[*types.InvalidRequestException](t, "below the last level", err)
		_, err = create("americas", "", nil)
		hierWant[*types.DuplicateResourceException](t, "duplicate name at level one", err)
		_, err = create("Orphan", "00000000-0000-4000-8000-000000000000", nil)
		hierWant[*types.InvalidParameterException](t, "unknown parent", err)
		_, err = create(strings.Repeat("g", 101), "", nil)
		hierWant[*types.InvalidParameterException](t, "name of 101 characters", err)
		_, err = create("Tagged", "", map[string]string{"aws:reserved": "x"})
		hierWant[*types.InvalidParameterException](t, "aws: tag key", err)
		_, err = c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{
			InstanceId: aws.String("00000000-0000-4000-8000-000000000000"), Name: aws.String("x"),
		})
		hierWant[*types.ResourceNotFoundException](t, "unknown instance", err)
		// The same name at another level is fine.
		mustCreate(t, "Americas", emea, nil)
	})

	t.Run("DescribeUnknownIsNotFound", func(t *testing.T) {
		_, err := c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{
			InstanceId: aws.String(inst), HierarchyGroupId: aws.String("00000000-0000-4000-8000-000000000000"),
		})
		hierWant[*types.ResourceNotFoundException](t, "DescribeUserHierarchyGroup(unknown)", err)
	})

	t.Run("ListPagesEveryIDOnce", func(t *testing.T) {
		seen := map[string]string{}
		pages := 0
		p := connect.NewListUserHierarchyGroupsPaginator(c, &connect.ListUserHierarchyGroupsInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListUserHierarchyGroups: %v", err)
			}
			pages++
			if len(page.UserHierarchyGroupSummaryList) > 2 {
				t.Fatalf("page of %d groups", len(page.UserHierarchyGroupSummaryList))
			}
			for _, g := range page.UserHierarchyGroupSummaryList {
				id := aws.ToString(g.Id)
				if _, dup := seen[id]; dup {
					t.Fatalf("group %s listed twice", id)
				}
				if aws.ToString(g.Arn) != instARN+"/agent-group/"+id || g.LastModifiedTime == nil || aws.ToString(g.LastModifiedRegion) != region {
					t.Errorf("summary %+v", g)
				}
				seen[id] = aws.ToString(g.Name)
			}
		}
		for _, id := range []string{americas, brazil, saoPaulo, emea, germany} {
			if _, ok := seen[id]; !ok {
				t.Errorf("group %s not listed", id)
			}
		}
		if len(seen) != 6 || pages != 3 {
			t.Fatalf("%d groups in %d pages, want 6 in 3", len(seen), pages)
		}
	})

	t.Run("Rename", func(t *testing.T) {
		if _, err := c.UpdateUserHierarchyGroupName(ctx, &connect.UpdateUserHierarchyGroupNameInput{
			InstanceId: aws.String(inst), HierarchyGroupId: aws.String(brazil), Name: aws.String("Brasil"),
		}); err != nil {
			t.Fatalf("UpdateUserHierarchyGroupName: %v", err)
		}
		if g := hierGroup(ctx, t, c, inst, saoPaulo); aws.ToString(g.HierarchyPath.LevelTwo.Name) != "Brasil" {
			t.Fatalf("path after rename = %+v", g.HierarchyPath.LevelTwo)
		}
		_, err := c.UpdateUserHierarchyGroupName(ctx, &connect.UpdateUserHierarchyGroupNameInput{
			InstanceId: aws.String(inst), HierarchyGroupId: aws.String(germany), Name: aws.String("BRASIL"),
		})
		hierWant[*types.DuplicateResourceException](t, "rename to a taken name", err)
		_, err = c.UpdateUserHierarchyGroupName(ctx, &connect.UpdateUserHierarchyGroupNameInput{
			InstanceId: aws.String(inst), HierarchyGroupId: aws.String("00000000-0000-4000-8000-000000000000"), Name: aws.String("x"),
		})
		hierWant[*types.ResourceNotFoundException](t, "rename unknown", err)
	})

	// A user in the deepest group.
	sec, routing := instanceProfiles(ctx, t, c, inst)
	in := basicUser(inst, unique("hier"), sec["Agent"], routing)
	in.HierarchyGroupId = aws.String(saoPaulo)
	u, err := c.CreateUser(ctx, in)
	if err != nil {
		t.Fatalf("CreateUser(in a group): %v", err)
	}
	userID := aws.ToString(u.UserId)

	t.Run("UsersAndSearch", func(t *testing.T) {
		d, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String(userID)})
		if err != nil || aws.ToString(d.User.HierarchyGroupId) != saoPaulo {
			t.Fatalf("DescribeUser = %+v, %v; want group %s", d, err, saoPaulo)
		}
		for _, tc := range []struct {
			group, match string
			found        bool
		}{
			{americas, "WITH_CHILD_GROUPS", true},
			{americas, "EXACT", false},
			{saoPaulo, "EXACT", true},
			{emea, "WITH_CHILD_GROUPS", false},
		} {
			got := searchIDs(ctx, t, c, inst, &types.UserSearchCriteria{HierarchyGroupCondition: &types.HierarchyGroupCondition{
				Value: aws.String(tc.group), HierarchyGroupMatchType: types.HierarchyGroupMatchType(tc.match),
			}}, nil)
			if _, ok := got[userID]; ok != tc.found {
				t.Errorf("SearchUsers(group %s, %s) finds the user: %v, want %v", tc.group, tc.match, ok, tc.found)
			}
		}
	})

	t.Run("InUse", func(t *testing.T) {
		del := func(id string) error {
			_, err := c.DeleteUserHierarchyGroup(ctx, &connect.DeleteUserHierarchyGroupInput{InstanceId: aws.String(inst), HierarchyGroupId: aws.String(id)})
			return err
		}
		e := hierWant[*types.ResourceInUseException](t, "delete a group with a child", del(americas))
		if e.ResourceType != types.ResourceTypeHierarchyGroup || aws.ToString(e.ResourceId) != instARN+"/agent-group/"+brazil {
			t.Errorf("ResourceInUseException = %s %q, want HIERARCHY_GROUP of Brazil", e.ResourceType, aws.ToString(e.ResourceId))
		}
		e = hierWant[*types.ResourceInUseException](t, "delete a group with a user", del(saoPaulo))
		if e.ResourceType != types.ResourceTypeUser || aws.ToString(e.ResourceId) != instARN+"/agent/"+userID {
			t.Errorf("ResourceInUseException = %s %q, want USER %s", e.ResourceType, aws.ToString(e.ResourceId), userID)
		}
		_, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{
			InstanceId: aws.String(inst), HierarchyStructure: hierUpdate("Region", "Country"),
		})
		e = hierWant[*types.ResourceInUseException](t, "remove a level with groups", err)
		if aws.ToString(e.ResourceId) != instARN+"/agent-group/"+saoPaulo {
			t.Errorf("ResourceInUseException names %q, want Sao Paulo", aws.ToString(e.ResourceId))
		}
		hierWant[*types.ResourceNotFoundException](t, "delete unknown", del("00000000-0000-4000-8000-000000000000"))

		// Emptied bottom-up, every group goes.
		if _, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: aws.String(inst), UserId: aws.String(userID)}); err != nil {
			t.Fatalf("UpdateUserHierarchy(no group): %v", err)
		}
		groups := map[string]bool{}
		p := connect.NewListUserHierarchyGroupsPaginator(c, &connect.ListUserHierarchyGroupsInput{InstanceId: aws.String(inst)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListUserHierarchyGroups: %v", err)
			}
			for _, g := range page.UserHierarchyGroupSummaryList {
				groups[aws.ToString(g.Id)] = true
			}
		}
		for len(groups) > 0 {
			progress := false
			for id := range groups {
				if err := del(id); err == nil {
					delete(groups, id)
					progress = true
					_, err := c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: aws.String(inst), HierarchyGroupId: aws.String(id)})
					hierWant[*types.ResourceNotFoundException](t, "DescribeUserHierarchyGroup(deleted)", err)
				} else {
					hierWant[*types.ResourceInUseException](t, "delete a parent before its children", err)
				}
			}
			if !progress {
				t.Fatalf("no group of %v can be deleted", groups)
			}
		}
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{
			InstanceId: aws.String(inst), HierarchyStructure: &types.HierarchyStructureUpdate{},
		}); err != nil {
			t.Fatalf("UpdateUserHierarchyStructure(empty, no groups left): %v", err)
		}
	})
}

// TestSDKInstanceAttributes covers ListInstanceAttributes (every type,
// pages of at most seven, AWS's defaults), DescribeInstanceAttribute and
// UpdateInstanceAttribute, with INBOUND_CALLS and OUTBOUND_CALLS mirroring
// DescribeInstance.
func TestSDKInstanceAttributes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	c := newClient(s, "us-east-2")
	out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String(unique("attrs")),
		InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(false),
	})
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	inst := aws.ToString(out.Id)
	list := func(t *testing.T) map[types.InstanceAttributeType]string {
		t.Helper()
		got := map[types.InstanceAttributeType]string{}
		p := connect.NewListInstanceAttributesPaginator(c, &connect.ListInstanceAttributesInput{InstanceId: aws.String(inst)})
		pages := 0
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListInstanceAttributes: %v", err)
			}
			pages++
			if len(page.Attributes) > 7 {
				t.Fatalf("page of %d attributes, MaxResult7", len(page.Attributes))
			}
			for _, a := range page.Attributes {
				if _, dup := got[a.AttributeType]; dup {
					t.Fatalf("attribute %s listed twice", a.AttributeType)
				}
				got[a.AttributeType] = aws.ToString(a.Value)
			}
		}
		if pages != 2 {
			t.Errorf("%d pages, want 2", pages)
		}
		return got
	}
	describe := func(t *testing.T, typ types.InstanceAttributeType) string {
		t.Helper()
		d, err := c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: aws.String(inst), AttributeType: typ})
		if err != nil {
			t.Fatalf("DescribeInstanceAttribute(%s): %v", typ, err)
		}
		if d.Attribute.AttributeType != typ {
			t.Fatalf("DescribeInstanceAttribute(%s) returned %s", typ, d.Attribute.AttributeType)
		}
		return aws.ToString(d.Attribute.Value)
	}
	update := func(typ types.InstanceAttributeType, value string) error {
		_, err := c.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: aws.String(inst), AttributeType: typ, Value: aws.String(value)})
		return err
	}

	// The defaults Terraform's aws_connect_instance records, and the calls.
	want := map[types.InstanceAttributeType]string{}
	for _, typ := range types.InstanceAttributeType("").Values() {
		want[typ] = "false"
	}
	want[types.InstanceAttributeTypeInboundCalls] = "true"
	want[types.InstanceAttributeTypeAutoResolveBestVoices] = "true"
	want[types.InstanceAttributeTypeContactLens] = "true"
	want[types.InstanceAttributeTypeEarlyMedia] = "true"
	if got := list(t); !reflect.DeepEqual(got, want) {
		t.Fatalf("ListInstanceAttributes = %v, want %v", got, want)
	}
	for typ, v := range want {
		if got := describe(t, typ); got != v {
			t.Errorf("DescribeInstanceAttribute(%s) = %s, want %s", typ, got, v)
		}
	}

	for _, step := range []struct {
		typ   types.InstanceAttributeType
		value string
	}{
		{types.InstanceAttributeTypeContactLens, "false"},
		{types.InstanceAttributeTypeContactflowLogs, "TRUE"},
		{types.InstanceAttributeTypeInboundCalls, "false"},
		{types.InstanceAttributeTypeOutboundCalls, "true"},
		{types.InstanceAttributeTypeMultiPartyConference, "true"},
	} {
		if err := update(step.typ, step.value); err != nil {
			t.Fatalf("UpdateInstanceAttribute(%s, %s): %v", step.typ, step.value, err)
		}
		want[step.typ] = strings.ToLower(step.value)
		if got := describe(t, step.typ); got != want[step.typ] {
			t.Errorf("DescribeInstanceAttribute(%s) after update = %s, want %s", step.typ, got, want[step.typ])
		}
	}
	if got := list(t); !reflect.DeepEqual(got, want) {
		t.Fatalf("ListInstanceAttributes after updates = %v, want %v", got, want)
	}
	d, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(inst)})
	if err != nil || aws.ToBool(d.Instance.InboundCallsEnabled) || !aws.ToBool(d.Instance.OutboundCallsEnabled) {
		t.Fatalf("DescribeInstance after INBOUND_CALLS=false, OUTBOUND_CALLS=true = %+v, %v", d, err)
	}

	t.Run("Errors", func(t *testing.T) {
		hierWant[*types.InvalidParameterException](t, "value yes", update(types.InstanceAttributeTypeEarlyMedia, "yes"))
		hierWant[*types.InvalidParameterException](t, "unknown type", update("NOT_AN_ATTRIBUTE", "true"))
		_, err := c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: aws.String(inst), AttributeType: "NOT_AN_ATTRIBUTE"})
		hierWant[*types.InvalidParameterException](t, "describe unknown type", err)
		unknown := aws.String("00000000-0000-4000-8000-000000000000")
		_, err = c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: unknown, AttributeType: types.InstanceAttributeTypeContactLens})
		hierWant[*types.ResourceNotFoundException](t, "describe, unknown instance", err)
		_, err = c.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: unknown, AttributeType: types.InstanceAttributeTypeContactLens, Value: aws.String("true")})
		hierWant[*types.ResourceNotFoundException](t, "update, unknown instance", err)
		_, err = c.ListInstanceAttributes(ctx, &connect.ListInstanceAttributesInput{InstanceId: unknown})
		hierWant[*types.ResourceNotFoundException](t, "list, unknown instance", err)
		if got := describe(t, types.InstanceAttributeTypeEarlyMedia); got != "true" {
			t.Errorf("EARLY_MEDIA after a refused update = %s", got)
		}
	})
}

// TestSDKCreateInstanceClientToken checks that CreateInstance is
// idempotent by ClientToken, and that DeleteInstance leaves
// DescribeInstance answering ResourceNotFoundException, as Terraform's
// waiters expect.
func TestSDKCreateInstanceClientToken(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	c := newClient(s, "sa-east-1")
	token := unique("token-")
	alias := unique("idem")
	in := func(alias string) *connect.CreateInstanceInput {
		return &connect.CreateInstanceInput{
			ClientToken: aws.String(token), IdentityManagementType: types.DirectoryTypeConnectManaged,
			InstanceAlias: aws.String(alias), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
			Tags: map[string]string{"env": "test"},
		}
	}
	first, err := c.CreateInstance(ctx, in(alias))
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	again, err := c.CreateInstance(ctx, in(alias))
	if err != nil || aws.ToString(again.Id) != aws.ToString(first.Id) || aws.ToString(again.Arn) != aws.ToString(first.Arn) {
		t.Fatalf("CreateInstance(same token, same request) = %+v, %v; want instance %s", again, err, aws.ToString(first.Id))
	}
	count := func() int {
		n := 0
		p := connect.NewListInstancesPaginator(c, &connect.ListInstancesInput{})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListInstances: %v", err)
			}
			for _, i := range page.InstanceSummaryList {
				if aws.ToString(i.InstanceAlias) == alias {
					n++
				}
			}
		}
		return n
	}
	if n := count(); n != 1 {
		t.Fatalf("%d instances aliased %s, want 1", n, alias)
	}
	_, err = c.CreateInstance(ctx, in(unique("other")))
	hierWant[*types.InvalidRequestException](t, "same token, another alias", err)

	// A token is the client's: another region has its own.
	other, err := newClient(s, "ca-central-1").CreateInstance(ctx, in(unique("west")))
	if err != nil || aws.ToString(other.Id) == aws.ToString(first.Id) {
		t.Fatalf("CreateInstance(same token, other region) = %+v, %v; want a new instance", other, err)
	}

	if _, err := c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: first.Id}); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, err = c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: first.Id})
	hierWant[*types.ResourceNotFoundException](t, "DescribeInstance(deleted)", err)
	_, err = c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: first.Id})
	hierWant[*types.ResourceNotFoundException](t, "DeleteInstance(again)", err)
	_, err = c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: first.Id})
	hierWant[*types.ResourceNotFoundException](t, "DescribeUserHierarchyStructure(deleted instance)", err)
	if n := count(); n != 0 {
		t.Fatalf("%d instances aliased %s after delete, want 0", n, alias)
	}
	// The instance is gone: its token creates a new one.
	third, err := c.CreateInstance(ctx, in(alias))
	if err != nil || aws.ToString(third.Id) == aws.ToString(first.Id) {
		t.Fatalf("CreateInstance(token of a deleted instance) = %+v, %v; want a new instance", third, err)
	}
}
