package e2e

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// profileErr fails unless err is the typed SDK error T (for example
// *types.ResourceNotFoundException) and returns it.
func profileErr[T error](t *testing.T, op string, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("%s: err = %v (%T), want %T", op, err, err, target)
	}
	return target
}

// allPermissions pages through ListSecurityProfilePermissions with the SDK's
// paginator and fails on a repeated permission.
func allPermissions(ctx context.Context, t *testing.T, c *connect.Client, inst, id string, pageSize int32) ([]string, int) {
	t.Helper()
	var all []string
	pages := 0
	p := connect.NewListSecurityProfilePermissionsPaginator(c, &connect.ListSecurityProfilePermissionsInput{
		InstanceId: aws.String(inst), SecurityProfileId: aws.String(id), MaxResults: aws.Int32(pageSize)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListSecurityProfilePermissions: %v", err)
		}
		if len(page.Permissions) > int(pageSize) {
			t.Fatalf("ListSecurityProfilePermissions: page of %d, want at most %d", len(page.Permissions), pageSize)
		}
		all = append(all, page.Permissions...)
		pages++
	}
	seen := map[string]bool{}
	for _, perm := range all {
		if seen[perm] {
			t.Fatalf("ListSecurityProfilePermissions: %s listed twice in %v", perm, all)
		}
		seen[perm] = true
	}
	return all, pages
}

// aboutNow fails unless tm is within a few minutes of the test's clock.
func aboutNow(t *testing.T, what string, tm *time.Time) {
	t.Helper()
	if tm == nil || time.Since(*tm).Abs() > 5*time.Minute {
		t.Errorf("%s = %v, want about now", what, tm)
	}
}

// TestSDKSecurityProfiles covers CreateSecurityProfile,
// DescribeSecurityProfile, ListSecurityProfiles, UpdateSecurityProfile,
// DeleteSecurityProfile (in use and not), ListSecurityProfilePermissions,
// ListSecurityProfileApplications and ListSecurityProfileFlowModules across
// pages, and their reference errors.
func TestSDKSecurityProfiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "ap-northeast-1"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	instARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, inst)
	sec, routing := instanceProfiles(ctx, t, c, inst)

	t.Run("DefaultProfilesHaveTheirPermissions", func(t *testing.T) {
		agent, _ := allPermissions(ctx, t, c, inst, sec["Agent"], 100)
		for _, want := range []string{"BasicAgentAccess", "OutboundCallAccess"} {
			if !slices.Contains(agent, want) {
				t.Errorf("Agent permissions %v lack %s", agent, want)
			}
		}
		admin, pages := allPermissions(ctx, t, c, inst, sec["Admin"], 7)
		if len(admin) < 50 || pages != (len(admin)+6)/7 || !slices.IsSorted(admin) {
			t.Errorf("Admin: %d permissions in %d pages of 7 (sorted %v), want a broad list, each once", len(admin), pages, slices.IsSorted(admin))
		}
		for _, name := range []string{"CallCenterManager", "QualityAnalyst"} {
			if perms, _ := allPermissions(ctx, t, c, inst, sec[name], 1000); len(perms) == 0 || len(perms) >= len(admin) {
				t.Errorf("%s has %d permissions, want some, fewer than Admin's %d", name, len(perms), len(admin))
			}
		}
	})

	perms := []string{"Users.View", "BasicAgentAccess", "RoutingPolicies.View", "Queues.View", "AccessMetrics"}
	in := &connect.CreateSecurityProfileInput{
		InstanceId:                   aws.String(inst),
		SecurityProfileName:          aws.String("Night Supervisor"),
		Description:                  aws.String("Supervises the night shift"),
		Permissions:                  perms,
		Tags:                         map[string]string{"team": "night", "cost-center": "42"},
		AllowedAccessControlTags:     map[string]string{"Department": "Support"},
		TagRestrictedResources:       []string{"User", "SecurityProfile"},
		HierarchyRestrictedResources: []string{"User"},
		Applications: []types.Application{
			{Namespace: aws.String("zeta.example.com"), ApplicationPermissions: []string{"ACCESS"}, Type: types.ApplicationTypeThirdPartyApplication},
			{Namespace: aws.String("alpha.example.com"), ApplicationPermissions: []string{"ACCESS"}},
			{Namespace: aws.String("mcp-tools"), ApplicationPermissions: []string{"search", "lookup"}, Type: types.ApplicationTypeMcp},
		},
		AllowedFlowModules: []types.FlowModule{{Type: types.FlowModuleTypeMcp, FlowModuleId: aws.String("mod-b")}, {FlowModuleId: aws.String("mod-a")}},
		GranularAccessControlConfiguration: &types.GranularAccessControlConfiguration{
			DataTableAccessControlConfiguration: &types.DataTableAccessControlConfiguration{
				PrimaryAttributeAccessControlConfiguration: &types.PrimaryAttributeAccessControlConfigurationItem{
					PrimaryAttributeValues: []types.PrimaryAttributeValue{{AccessType: types.AccessTypeAllow, AttributeName: aws.String("Region"), Values: []string{"EU"}}},
				},
			},
		},
	}
	out, err := c.CreateSecurityProfile(ctx, in)
	if err != nil {
		t.Fatalf("CreateSecurityProfile: %v", err)
	}
	id := aws.ToString(out.SecurityProfileId)
	if !uuidRE.MatchString(id) || aws.ToString(out.SecurityProfileArn) != instARN+"/security-profile/"+id {
		t.Fatalf("CreateSecurityProfile = %q %q", id, aws.ToString(out.SecurityProfileArn))
	}
	describeSP := func(t *testing.T) types.SecurityProfile {
		t.Helper()
		d, err := c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeSecurityProfile: %v", err)
		}
		return *d.SecurityProfile
	}

	t.Run("DescribeReturnsEveryMember", func(t *testing.T) {
		sp := describeSP(t)
		if aws.ToString(sp.Id) != id || aws.ToString(sp.Arn) != instARN+"/security-profile/"+id ||
			aws.ToString(sp.OrganizationResourceId) != inst || aws.ToString(sp.SecurityProfileName) != "Night Supervisor" ||
			aws.ToString(sp.Description) != "Supervises the night shift" || aws.ToString(sp.LastModifiedRegion) != region {
			t.Errorf("DescribeSecurityProfile = %+v", sp)
		}
		aboutNow(t, "LastModifiedTime", sp.LastModifiedTime)
		if fmt.Sprint(sp.Tags) != fmt.Sprint(in.Tags) || fmt.Sprint(sp.AllowedAccessControlTags) != fmt.Sprint(in.AllowedAccessControlTags) ||
			!slices.Equal(sp.TagRestrictedResources, in.TagRestrictedResources) ||
			!slices.Equal(sp.HierarchyRestrictedResources, in.HierarchyRestrictedResources) {
			t.Errorf("DescribeSecurityProfile restrictions = %v %v %v %v", sp.Tags, sp.AllowedAccessControlTags, sp.TagRestrictedResources, sp.HierarchyRestrictedResources)
		}
		g := sp.GranularAccessControlConfiguration
		if g == nil || len(g.DataTableAccessControlConfiguration.PrimaryAttributeAccessControlConfiguration.PrimaryAttributeValues) != 1 {
			t.Errorf("GranularAccessControlConfiguration = %+v", g)
		}
		listed, _ := instanceProfiles(ctx, t, c, inst)
		if listed["Night Supervisor"] != id || len(listed) != 5 {
			t.Errorf("ListSecurityProfiles = %v, want the 4 defaults and %s", listed, id)
		}
	})

	t.Run("PermissionsPageEachOnce", func(t *testing.T) {
		got, pages := allPermissions(ctx, t, c, inst, id, 2)
		want := slices.Sorted(slices.Values(perms))
		if !slices.Equal(got, want) || pages != 3 {
			t.Errorf("ListSecurityProfilePermissions = %v in %d pages, want %v in 3", got, pages, want)
		}
	})

	t.Run("ApplicationsAndFlowModulesPage", func(t *testing.T) {
		var namespaces []string
		ap := connect.NewListSecurityProfileApplicationsPaginator(c, &connect.ListSecurityProfileApplicationsInput{
			InstanceId: aws.String(inst), SecurityProfileId: aws.String(id), MaxResults: aws.Int32(2)})
		for ap.HasMorePages() {
			page, err := ap.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListSecurityProfileApplications: %v", err)
			}
			for _, a := range page.Applications {
				namespaces = append(namespaces, aws.ToString(a.Namespace))
			}
		}
		if want := []string{"alpha.example.com", "mcp-tools", "zeta.example.com"}; !slices.Equal(namespaces, want) {
			t.Errorf("ListSecurityProfileApplications = %v, want %v", namespaces, want)
		}
		mods, err := c.ListSecurityProfileFlowModules(ctx, &connect.ListSecurityProfileFlowModulesInput{InstanceId: aws.String(inst), SecurityProfileId: aws.String(id)})
		if err != nil || len(mods.AllowedFlowModules) != 2 || aws.ToString(mods.AllowedFlowModules[0].FlowModuleId) != "mod-a" ||
			mods.AllowedFlowModules[1].Type != types.FlowModuleTypeMcp {
			t.Errorf("ListSecurityProfileFlowModules = %+v, %v", mods, err)
		}
	})

	t.Run("UpdateReplacesSentMembersOnly", func(t *testing.T) {
		before := describeSP(t)
		if _, err := c.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{
			InstanceId: aws.String(inst), SecurityProfileId: aws.String(id),
			Description: aws.String("Supervises both shifts"), Permissions: []string{"Users.View", "Users.Edit"},
			TagRestrictedResources: []string{},
		}); err != nil {
			t.Fatalf("UpdateSecurityProfile: %v", err)
		}
		sp := describeSP(t)
		if aws.ToString(sp.Description) != "Supervises both shifts" || len(sp.TagRestrictedResources) != 0 ||
			!slices.Equal(sp.HierarchyRestrictedResources, []string{"User"}) || sp.AllowedAccessControlTags["Department"] != "Support" ||
			aws.ToString(sp.SecurityProfileName) != "Night Supervisor" {
			t.Errorf("DescribeSecurityProfile after update = %+v", sp)
		}
		if sp.LastModifiedTime.Before(*before.LastModifiedTime) {
			t.Errorf("LastModifiedTime went back: %v then %v", before.LastModifiedTime, sp.LastModifiedTime)
		}
		if got, _ := allPermissions(ctx, t, c, inst, id, 100); !slices.Equal(got, []string{"Users.Edit", "Users.View"}) {
			t.Errorf("permissions after update = %v", got)
		}
	})

	t.Run("ReferenceErrors", func(t *testing.T) {
		dup := *in
		_, err := c.CreateSecurityProfile(ctx, &dup)
		profileErr[*types.DuplicateResourceException](t, "CreateSecurityProfile(taken name)", err)
		bad := &connect.CreateSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileName: aws.String("Grouped"),
			AllowedAccessControlHierarchyGroupId: aws.String("00000000-0000-4000-8000-000000000000")}
		_, err = c.CreateSecurityProfile(ctx, bad)
		profileErr[*types.InvalidParameterException](t, "CreateSecurityProfile(unknown hierarchy group)", err)
		_, err = c.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000"),
			SecurityProfileName: aws.String("x")})
		profileErr[*types.ResourceNotFoundException](t, "CreateSecurityProfile(unknown instance)", err)
		_, err = c.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: aws.String(id),
			AllowedAccessControlHierarchyGroupId: aws.String("00000000-0000-4000-8000-000000000000")})
		profileErr[*types.InvalidParameterException](t, "UpdateSecurityProfile(unknown hierarchy group)", err)
		unknown := aws.String("00000000-0000-4000-8000-000000000001")
		_, err = c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: unknown})
		profileErr[*types.ResourceNotFoundException](t, "DescribeSecurityProfile(unknown)", err)
		_, err = c.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: unknown})
		profileErr[*types.ResourceNotFoundException](t, "UpdateSecurityProfile(unknown)", err)
		_, err = c.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: unknown})
		profileErr[*types.ResourceNotFoundException](t, "DeleteSecurityProfile(unknown)", err)
		_, err = c.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: aws.String(inst), SecurityProfileId: unknown})
		profileErr[*types.ResourceNotFoundException](t, "ListSecurityProfilePermissions(unknown)", err)
		_, err = c.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: aws.String(inst),
			SecurityProfileId: aws.String(id), NextToken: aws.String("forged")})
		profileErr[*types.InvalidParameterException](t, "ListSecurityProfilePermissions(forged token)", err)
	})

	t.Run("InUseDeleteThenDelete", func(t *testing.T) {
		u, err := c.CreateUser(ctx, basicUser(inst, unique("sp"), id, routing))
		if err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		_, err = c.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: aws.String(id)})
		inUse := profileErr[*types.ResourceInUseException](t, "DeleteSecurityProfile(in use)", err)
		if inUse.ResourceType != types.ResourceTypeUser || aws.ToString(inUse.ResourceId) != aws.ToString(u.UserId) || httpStatus(err) != 409 {
			t.Errorf("ResourceInUseException = %s %q (status %d), want USER %s 409", inUse.ResourceType, aws.ToString(inUse.ResourceId), httpStatus(err), aws.ToString(u.UserId))
		}
		describeSP(t) // still there
		if _, err := c.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: aws.String(inst), UserId: u.UserId,
			SecurityProfileIds: []string{sec["Agent"]}}); err != nil {
			t.Fatalf("UpdateUserSecurityProfiles: %v", err)
		}
		if _, err := c.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteSecurityProfile(unused): %v", err)
		}
		_, err = c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: aws.String(id)})
		profileErr[*types.ResourceNotFoundException](t, "DescribeSecurityProfile(deleted)", err)
		_, err = c.CreateUser(ctx, basicUser(inst, unique("sp"), id, routing))
		profileErr[*types.InvalidParameterException](t, "CreateUser(deleted security profile)", err)
	})
}

// rpQueueConfig is a queue config for the SDK.
func rpQueueConfig(queue string, ch types.Channel, priority, delay int32) types.RoutingProfileQueueConfig {
	return types.RoutingProfileQueueConfig{
		QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(queue), Channel: ch},
		Priority:       aws.Int32(priority), Delay: aws.Int32(delay),
	}
}

// allRoutingProfileQueues pages through ListRoutingProfileQueues and returns
// "queue name/channel/priority/delay" per config, failing on a repeated
// queue and channel or a wrong ARN.
func allRoutingProfileQueues(ctx context.Context, t *testing.T, c *connect.Client, instARN, inst, id string, pageSize int32) []string {
	t.Helper()
	var got []string
	seen := map[string]bool{}
	p := connect.NewListRoutingProfileQueuesPaginator(c, &connect.ListRoutingProfileQueuesInput{
		InstanceId: aws.String(inst), RoutingProfileId: aws.String(id), MaxResults: aws.Int32(pageSize)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListRoutingProfileQueues: %v", err)
		}
		if len(page.RoutingProfileQueueConfigSummaryList) > int(pageSize) {
			t.Fatalf("ListRoutingProfileQueues: page of %d, want at most %d", len(page.RoutingProfileQueueConfigSummaryList), pageSize)
		}
		for _, q := range page.RoutingProfileQueueConfigSummaryList {
			key := aws.ToString(q.QueueId) + "/" + string(q.Channel)
			if seen[key] {
				t.Fatalf("ListRoutingProfileQueues: %s listed twice", key)
			}
			seen[key] = true
			if aws.ToString(q.QueueArn) != instARN+"/queue/"+aws.ToString(q.QueueId) {
				t.Errorf("QueueArn = %q", aws.ToString(q.QueueArn))
			}
			got = append(got, fmt.Sprintf("%s/%s/%d/%d", aws.ToString(q.QueueName), q.Channel, aws.ToInt32(q.Priority), q.Delay))
		}
	}
	sort.Strings(got)
	return got
}

// TestSDKRoutingProfiles covers CreateRoutingProfile, DescribeRoutingProfile,
// ListRoutingProfiles, every UpdateRoutingProfile* operation,
// Associate/DisassociateRoutingProfileQueues, ListRoutingProfileQueues and
// ListRoutingProfileManualAssignmentQueues across pages, and
// DeleteRoutingProfile (in use and not), with their reference errors.
func TestSDKRoutingProfiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "ap-northeast-2"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	instARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, inst)
	sec, basicRP := instanceProfiles(ctx, t, c, inst)
	hours, basicQueue := queueDefaults(ctx, t, c, inst)
	names := map[string]string{basicQueue: "BasicQueue"}
	var queues []string
	for i := range 12 {
		name := fmt.Sprintf("Queue %02d", i)
		q, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String(inst), Name: aws.String(name), HoursOfOperationId: aws.String(hours)})
		if err != nil {
			t.Fatalf("CreateQueue: %v", err)
		}
		queues = append(queues, aws.ToString(q.QueueId))
		names[aws.ToString(q.QueueId)] = name
	}

	t.Run("BasicRoutingProfileIsTheDefault", func(t *testing.T) {
		d, err := c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(basicRP)})
		if err != nil {
			t.Fatalf("DescribeRoutingProfile: %v", err)
		}
		p := d.RoutingProfile
		if !p.IsDefault || aws.ToString(p.DefaultOutboundQueueId) != basicQueue || aws.ToInt64(p.NumberOfAssociatedQueues) != 1 ||
			!slices.Equal(p.AssociatedQueueIds, []string{basicQueue}) || p.AgentAvailabilityTimer != types.AgentAvailabilityTimerTimeSinceLastActivity ||
			aws.ToString(p.RoutingProfileArn) != instARN+"/routing-profile/"+basicRP || aws.ToString(p.InstanceId) != inst {
			t.Errorf("Basic Routing Profile = %+v", p)
		}
		for _, m := range p.MediaConcurrencies {
			if m.CrossChannelBehavior == nil || m.CrossChannelBehavior.BehaviorType != types.BehaviorTypeRouteCurrentChannelOnly {
				t.Errorf("%s CrossChannelBehavior = %+v, want the default", m.Channel, m.CrossChannelBehavior)
			}
		}
	})

	in := &connect.CreateRoutingProfileInput{
		InstanceId: aws.String(inst), Name: aws.String("Sales"), Description: aws.String("Sales agents"),
		DefaultOutboundQueueId: aws.String(queues[0]),
		MediaConcurrencies: []types.MediaConcurrency{
			{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)},
			{Channel: types.ChannelChat, Concurrency: aws.Int32(5), CrossChannelBehavior: &types.CrossChannelBehavior{BehaviorType: types.BehaviorTypeRouteAnyChannel}},
			{Channel: types.ChannelEmail, Concurrency: aws.Int32(10)},
		},
		QueueConfigs: []types.RoutingProfileQueueConfig{
			rpQueueConfig(queues[0], types.ChannelVoice, 1, 0), rpQueueConfig(queues[0], types.ChannelChat, 2, 10),
			rpQueueConfig(queues[1], types.ChannelVoice, 3, 20), rpQueueConfig(basicQueue, types.ChannelEmail, 99, 9999),
		},
		ManualAssignmentQueueConfigs: []types.RoutingProfileManualAssignmentQueueConfig{
			{QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(queues[2]), Channel: types.ChannelChat}},
			{QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(queues[2]), Channel: types.ChannelTask}},
			{QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(queues[3]), Channel: types.ChannelEmail}},
		},
		Tags:                   map[string]string{"dept": "sales"},
		AgentAvailabilityTimer: types.AgentAvailabilityTimerTimeSinceLastInbound,
	}
	out, err := c.CreateRoutingProfile(ctx, in)
	if err != nil {
		t.Fatalf("CreateRoutingProfile: %v", err)
	}
	id := aws.ToString(out.RoutingProfileId)
	if !uuidRE.MatchString(id) || aws.ToString(out.RoutingProfileArn) != instARN+"/routing-profile/"+id {
		t.Fatalf("CreateRoutingProfile = %q %q", id, aws.ToString(out.RoutingProfileArn))
	}
	describeRP := func(t *testing.T) types.RoutingProfile {
		t.Helper()
		d, err := c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeRoutingProfile: %v", err)
		}
		return *d.RoutingProfile
	}

	t.Run("DescribeReturnsEveryMember", func(t *testing.T) {
		p := describeRP(t)
		assoc := slices.Sorted(slices.Values(p.AssociatedQueueIds))
		if aws.ToString(p.Name) != "Sales" || aws.ToString(p.Description) != "Sales agents" || aws.ToString(p.DefaultOutboundQueueId) != queues[0] ||
			p.IsDefault || p.AgentAvailabilityTimer != types.AgentAvailabilityTimerTimeSinceLastInbound || p.Tags["dept"] != "sales" ||
			aws.ToInt64(p.NumberOfAssociatedQueues) != 3 || !slices.Equal(assoc, slices.Sorted(slices.Values([]string{queues[0], queues[1], basicQueue}))) ||
			aws.ToInt64(p.NumberOfAssociatedManualAssignmentQueues) != 2 || aws.ToInt64(p.NumberOfAssociatedUsers) != 0 ||
			aws.ToString(p.LastModifiedRegion) != region {
			t.Errorf("DescribeRoutingProfile = %+v", p)
		}
		aboutNow(t, "LastModifiedTime", p.LastModifiedTime)
		if len(p.MediaConcurrencies) != 3 || p.MediaConcurrencies[1].CrossChannelBehavior.BehaviorType != types.BehaviorTypeRouteAnyChannel ||
			p.MediaConcurrencies[2].CrossChannelBehavior.BehaviorType != types.BehaviorTypeRouteCurrentChannelOnly {
			t.Errorf("MediaConcurrencies = %+v", p.MediaConcurrencies)
		}
		rps, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: aws.String(inst)})
		if err != nil || len(rps.RoutingProfileSummaryList) != 2 {
			t.Errorf("ListRoutingProfiles = %+v, %v; want Basic and Sales", rps, err)
		}
	})

	t.Run("QueuesPageEachOnce", func(t *testing.T) {
		got := allRoutingProfileQueues(ctx, t, c, instARN, inst, id, 3)
		want := []string{"BasicQueue/EMAIL/99/9999", "Queue 00/CHAT/2/10", "Queue 00/VOICE/1/0", "Queue 01/VOICE/3/20"}
		if !slices.Equal(got, want) {
			t.Errorf("ListRoutingProfileQueues = %v, want %v", got, want)
		}
		var manual []string
		p := connect.NewListRoutingProfileManualAssignmentQueuesPaginator(c, &connect.ListRoutingProfileManualAssignmentQueuesInput{
			InstanceId: aws.String(inst), RoutingProfileId: aws.String(id), MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListRoutingProfileManualAssignmentQueues: %v", err)
			}
			for _, q := range page.RoutingProfileManualAssignmentQueueConfigSummaryList {
				manual = append(manual, aws.ToString(q.QueueName)+"/"+string(q.Channel))
			}
		}
		sort.Strings(manual)
		if want := []string{"Queue 02/CHAT", "Queue 02/TASK", "Queue 03/EMAIL"}; !slices.Equal(manual, want) {
			t.Errorf("ListRoutingProfileManualAssignmentQueues = %v, want %v", manual, want)
		}
	})

	t.Run("UpdatesAreVisible", func(t *testing.T) {
		if _, err := c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			Name: aws.String("Sales EMEA"), Description: aws.String("EMEA sales")}); err != nil {
			t.Fatalf("UpdateRoutingProfileName: %v", err)
		}
		if _, err := c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			Description: aws.String("EMEA sales team")}); err != nil {
			t.Fatalf("UpdateRoutingProfileName(description only): %v", err)
		}
		if _, err := c.UpdateRoutingProfileConcurrency(ctx, &connect.UpdateRoutingProfileConcurrencyInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			MediaConcurrencies: []types.MediaConcurrency{{Channel: types.ChannelTask, Concurrency: aws.Int32(4)}, {Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}}}); err != nil {
			t.Fatalf("UpdateRoutingProfileConcurrency: %v", err)
		}
		if _, err := c.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: aws.String(inst),
			RoutingProfileId: aws.String(id), DefaultOutboundQueueId: aws.String(queues[5])}); err != nil {
			t.Fatalf("UpdateRoutingProfileDefaultOutboundQueue: %v", err)
		}
		if _, err := c.UpdateRoutingProfileAgentAvailabilityTimer(ctx, &connect.UpdateRoutingProfileAgentAvailabilityTimerInput{InstanceId: aws.String(inst),
			RoutingProfileId: aws.String(id), AgentAvailabilityTimer: types.AgentAvailabilityTimerTimeSinceLastActivity}); err != nil {
			t.Fatalf("UpdateRoutingProfileAgentAvailabilityTimer: %v", err)
		}
		if _, err := c.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			QueueConfigs: []types.RoutingProfileQueueConfig{rpQueueConfig(queues[1], types.ChannelVoice, 50, 60)}}); err != nil {
			t.Fatalf("UpdateRoutingProfileQueues: %v", err)
		}
		p := describeRP(t)
		if aws.ToString(p.Name) != "Sales EMEA" || aws.ToString(p.Description) != "EMEA sales team" || aws.ToString(p.DefaultOutboundQueueId) != queues[5] ||
			p.AgentAvailabilityTimer != types.AgentAvailabilityTimerTimeSinceLastActivity || len(p.MediaConcurrencies) != 2 ||
			p.MediaConcurrencies[0].Channel != types.ChannelTask || aws.ToInt32(p.MediaConcurrencies[0].Concurrency) != 4 {
			t.Errorf("DescribeRoutingProfile after updates = %+v", p)
		}
		if got := allRoutingProfileQueues(ctx, t, c, instARN, inst, id, 100); !slices.Contains(got, "Queue 01/VOICE/50/60") {
			t.Errorf("ListRoutingProfileQueues after UpdateRoutingProfileQueues = %v", got)
		}
	})

	t.Run("TerraformStyleReassociationOfTwelveQueues", func(t *testing.T) {
		// Disassociate what is there, then associate twelve configs in
		// chunks of ten, as the Terraform provider does.
		var refs []types.RoutingProfileQueueReference
		for _, q := range []struct {
			id string
			ch types.Channel
		}{{queues[0], types.ChannelVoice}, {queues[0], types.ChannelChat}, {queues[1], types.ChannelVoice}, {basicQueue, types.ChannelEmail}} {
			refs = append(refs, types.RoutingProfileQueueReference{QueueId: aws.String(q.id), Channel: q.ch})
		}
		if _, err := c.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: aws.String(inst),
			RoutingProfileId: aws.String(id), QueueReferences: refs}); err != nil {
			t.Fatalf("DisassociateRoutingProfileQueues: %v", err)
		}
		if got := allRoutingProfileQueues(ctx, t, c, instARN, inst, id, 10); len(got) != 0 {
			t.Fatalf("ListRoutingProfileQueues after disassociating all = %v", got)
		}
		var cfgs []types.RoutingProfileQueueConfig
		var want []string
		for i, q := range queues {
			cfgs = append(cfgs, rpQueueConfig(q, types.ChannelTask, int32(i+1), int32(i)))
			want = append(want, fmt.Sprintf("%s/TASK/%d/%d", names[q], i+1, i))
		}
		for chunk := range slices.Chunk(cfgs, 10) {
			if _, err := c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: aws.String(inst),
				RoutingProfileId: aws.String(id), QueueConfigs: chunk}); err != nil {
				t.Fatalf("AssociateRoutingProfileQueues(%d): %v", len(chunk), err)
			}
		}
		if got := allRoutingProfileQueues(ctx, t, c, instARN, inst, id, 5); !slices.Equal(got, want) {
			t.Errorf("ListRoutingProfileQueues (pages of 5) = %v, want %v", got, want)
		}
		if p := describeRP(t); aws.ToInt64(p.NumberOfAssociatedQueues) != 12 {
			t.Errorf("NumberOfAssociatedQueues = %d, want 12", aws.ToInt64(p.NumberOfAssociatedQueues))
		}
		// A queue in the profile cannot be deleted until it leaves it.
		_, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(queues[11])})
		profileErr[*types.ResourceInUseException](t, "DeleteQueue(in a routing profile)", err)
		if _, err := c.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: aws.String(inst),
			RoutingProfileId: aws.String(id), QueueReferences: []types.RoutingProfileQueueReference{{QueueId: aws.String(queues[11]), Channel: types.ChannelTask}}}); err != nil {
			t.Fatalf("DisassociateRoutingProfileQueues: %v", err)
		}
		if _, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(queues[11])}); err != nil {
			t.Fatalf("DeleteQueue(after disassociation): %v", err)
		}
	})

	t.Run("ReferenceErrors", func(t *testing.T) {
		bad := func(mod func(in *connect.CreateRoutingProfileInput)) error {
			in := &connect.CreateRoutingProfileInput{InstanceId: aws.String(inst), Name: aws.String(unique("rp")), Description: aws.String("d"),
				DefaultOutboundQueueId: aws.String(basicQueue), MediaConcurrencies: []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}}}
			mod(in)
			_, err := c.CreateRoutingProfile(ctx, in)
			return err
		}
		unknown := "00000000-0000-4000-8000-000000000000"
		profileErr[*types.DuplicateResourceException](t, "CreateRoutingProfile(taken name)",
			bad(func(in *connect.CreateRoutingProfileInput) { in.Name = aws.String("Basic Routing Profile") }))
		profileErr[*types.InvalidParameterException](t, "CreateRoutingProfile(unknown default queue)",
			bad(func(in *connect.CreateRoutingProfileInput) { in.DefaultOutboundQueueId = aws.String(unknown) }))
		profileErr[*types.InvalidParameterException](t, "CreateRoutingProfile(unknown queue)",
			bad(func(in *connect.CreateRoutingProfileInput) {
				in.QueueConfigs = []types.RoutingProfileQueueConfig{rpQueueConfig(unknown, types.ChannelVoice, 1, 0)}
			}))
		profileErr[*types.InvalidParameterException](t, "CreateRoutingProfile(VOICE concurrency 2)",
			bad(func(in *connect.CreateRoutingProfileInput) { in.MediaConcurrencies[0].Concurrency = aws.Int32(2) }))
		profileErr[*types.InvalidParameterException](t, "CreateRoutingProfile(11 queue configs)",
			bad(func(in *connect.CreateRoutingProfileInput) {
				for i := range 11 {
					in.QueueConfigs = append(in.QueueConfigs, rpQueueConfig(queues[i], types.ChannelVoice, 1, 0))
				}
			}))
		_, err := c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: aws.String(unknown), Name: aws.String("x"), Description: aws.String("d"),
			DefaultOutboundQueueId: aws.String(basicQueue), MediaConcurrencies: in.MediaConcurrencies})
		profileErr[*types.ResourceNotFoundException](t, "CreateRoutingProfile(unknown instance)", err)

		_, err = c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			QueueConfigs: []types.RoutingProfileQueueConfig{rpQueueConfig(unknown, types.ChannelVoice, 1, 0)}})
		profileErr[*types.InvalidParameterException](t, "AssociateRoutingProfileQueues(unknown queue)", err)
		_, err = c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			QueueConfigs: []types.RoutingProfileQueueConfig{rpQueueConfig(queues[0], types.ChannelTask, 1, 0)}})
		profileErr[*types.InvalidParameterException](t, "AssociateRoutingProfileQueues(already associated)", err)
		_, err = c.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			QueueReferences: []types.RoutingProfileQueueReference{{QueueId: aws.String(queues[0]), Channel: types.ChannelVoice}}})
		profileErr[*types.InvalidParameterException](t, "DisassociateRoutingProfileQueues(not associated)", err)
		_, err = c.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			QueueConfigs: []types.RoutingProfileQueueConfig{rpQueueConfig(queues[0], types.ChannelVoice, 1, 0)}})
		profileErr[*types.InvalidParameterException](t, "UpdateRoutingProfileQueues(not associated)", err)
		_, err = c.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: aws.String(inst),
			RoutingProfileId: aws.String(id), DefaultOutboundQueueId: aws.String(unknown)})
		profileErr[*types.InvalidParameterException](t, "UpdateRoutingProfileDefaultOutboundQueue(unknown queue)", err)
		_, err = c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id),
			Name: aws.String("Basic Routing Profile")})
		profileErr[*types.DuplicateResourceException](t, "UpdateRoutingProfileName(taken)", err)
		for what, call := range map[string]func() error{
			"DescribeRoutingProfile": func() error {
				_, err := c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(unknown)})
				return err
			},
			"UpdateRoutingProfileConcurrency": func() error {
				_, err := c.UpdateRoutingProfileConcurrency(ctx, &connect.UpdateRoutingProfileConcurrencyInput{InstanceId: aws.String(inst),
					RoutingProfileId: aws.String(unknown), MediaConcurrencies: in.MediaConcurrencies})
				return err
			},
			"ListRoutingProfileQueues": func() error {
				_, err := c.ListRoutingProfileQueues(ctx, &connect.ListRoutingProfileQueuesInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(unknown)})
				return err
			},
			"DeleteRoutingProfile": func() error {
				_, err := c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(unknown)})
				return err
			},
		} {
			profileErr[*types.ResourceNotFoundException](t, what+"(unknown)", call())
		}
	})

	t.Run("InUseDeleteThenDelete", func(t *testing.T) {
		var users []string
		for range 2 {
			u, err := c.CreateUser(ctx, basicUser(inst, unique("rp"), sec["Agent"], id))
			if err != nil {
				t.Fatalf("CreateUser: %v", err)
			}
			users = append(users, aws.ToString(u.UserId))
		}
		if n := aws.ToInt64(describeRP(t).NumberOfAssociatedUsers); n != 2 {
			t.Errorf("NumberOfAssociatedUsers = %d, want 2", n)
		}
		_, err := c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id)})
		inUse := profileErr[*types.ResourceInUseException](t, "DeleteRoutingProfile(in use)", err)
		if inUse.ResourceType != types.ResourceTypeUser || aws.ToString(inUse.ResourceId) != slices.Min(users) {
			t.Errorf("ResourceInUseException = %s %q, want USER %s", inUse.ResourceType, aws.ToString(inUse.ResourceId), slices.Min(users))
		}
		for _, u := range users {
			if _, err := c.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: aws.String(inst), UserId: aws.String(u),
				RoutingProfileId: aws.String(basicRP)}); err != nil {
				t.Fatalf("UpdateUserRoutingProfile: %v", err)
			}
		}
		if _, err := c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteRoutingProfile(unused): %v", err)
		}
		_, err = c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id)})
		profileErr[*types.ResourceNotFoundException](t, "DescribeRoutingProfile(deleted)", err)
		_, err = c.CreateUser(ctx, basicUser(inst, unique("rp"), sec["Agent"], id))
		profileErr[*types.InvalidParameterException](t, "CreateUser(deleted routing profile)", err)
		// Its queues are free now.
		if _, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(queues[10])}); err != nil {
			t.Errorf("DeleteQueue(queue of the deleted profile): %v", err)
		}
	})
}
