package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// runProfiles is the part of the suite that covers connectlite.ProfileStore:
// security profiles and routing profiles, their names, references, queue
// lists and in-use rules.
func runProfiles(t *testing.T, open func(t *testing.T) connectlite.Store) {
	runTests(t, open, []suiteTest{
		{"DefaultSecurityProfilesHaveTheirPermissions", testDefaultSecurityProfiles},
		{"CreateSecurityProfileRoundTripsEveryField", testSecurityProfileRoundTrip},
		{"CreateSecurityProfileErrorsWriteNothing", testSecurityProfileCreateErrors},
		{"UnknownSecurityProfileIsNotFound", testSecurityProfileUnknown},
		{"UpdateSecurityProfileAppliesMutation", testSecurityProfileUpdate},
		{"UpdateSecurityProfileErrorsChangeNothing", testSecurityProfileUpdateErrors},
		{"DeleteSecurityProfileInUseIsResourceInUse", testSecurityProfileDelete},
		{"DefaultRoutingProfileIsDefault", testDefaultRoutingProfile},
		{"CreateRoutingProfileRoundTripsEveryField", testRoutingProfileRoundTrip},
		{"CreateRoutingProfileErrorsWriteNothing", testRoutingProfileCreateErrors},
		{"UnknownRoutingProfileIsNotFound", testRoutingProfileUnknown},
		{"UpdateRoutingProfileAppliesMutation", testRoutingProfileUpdate},
		{"UpdateRoutingProfileErrorsChangeNothing", testRoutingProfileUpdateErrors},
		{"RoutingProfileCountsItsUsers", testRoutingProfileUsers},
		{"DeleteRoutingProfileInUseIsResourceInUse", testRoutingProfileDelete},
		{"ListRoutingProfileQueuesPagesEveryPairOnce", testRoutingProfileQueuePages},
		{"DeleteInstanceRemovesItsProfiles", testProfilesDeleteInstance},
		{"ConcurrentCreateProfilesSameNameExactlyOneSucceeds", testProfilesConcurrentSameName},
		{"ConcurrentUpdateRoutingProfileLosesNoUpdate", testRoutingProfileConcurrentUpdate},
		{"ConcurrentDeleteAndUseOfAProfileNeverOrphansAUser", testProfilesConcurrentDeleteAndUse},
	})
}

func normFullSecurityProfile(p connectlite.SecurityProfile) connectlite.SecurityProfile {
	p = normSecurityProfile(p)
	p.AllowedAccessControlTags = nilIfEmptyMap(p.AllowedAccessControlTags)
	p.TagRestrictedResources = nilIfEmpty(p.TagRestrictedResources)
	p.HierarchyRestrictedResources = nilIfEmpty(p.HierarchyRestrictedResources)
	p.Applications = nilIfEmpty(p.Applications)
	p.AllowedFlowModules = nilIfEmpty(p.AllowedFlowModules)
	p.DataTablePrimaryAttributeValues = nilIfEmpty(p.DataTablePrimaryAttributeValues)
	return p
}

func normFullRoutingProfile(p connectlite.RoutingProfile) connectlite.RoutingProfile {
	p = normRoutingProfile(p)
	p.ManualAssignmentQueues = nilIfEmpty(p.ManualAssignmentQueues)
	return p
}

// fullSecurityProfile is a security profile of n (not yet stored) with
// every member set, lists deliberately out of order.
func (f *fixture) fullSecurityProfile(n *connectlite.NewInstance, name string) *connectlite.SecurityProfile {
	return &connectlite.SecurityProfile{
		InstanceID:                   n.Instance.ID,
		ID:                           f.newID(),
		Name:                         name,
		Description:                  "Supervisors of the night shift",
		Permissions:                  []string{"Users.View", "BasicAgentAccess", "RoutingPolicies.Edit"},
		Tags:                         map[string]string{"team": "night", "empty": ""},
		AllowedAccessControlTags:     map[string]string{"Department": "Sales"},
		TagRestrictedResources:       []string{"User", "SecurityProfile"},
		HierarchyRestrictedResources: []string{"User"},
		Applications: []connectlite.Application{
			{Namespace: "example.com/crm", ApplicationPermissions: []string{"ACCESS"}, Type: "THIRD_PARTY_APPLICATION"},
			{Namespace: "mcp/tools", ApplicationPermissions: []string{"lookup", "create"}},
		},
		AllowedFlowModules: []connectlite.FlowModule{{Type: "MCP", FlowModuleID: "module-2"}, {FlowModuleID: "module-1"}},
		DataTablePrimaryAttributeValues: []connectlite.PrimaryAttributeValue{
			{AccessType: "ALLOW", AttributeName: "Region", Values: []string{"EU", "US"}},
			{AttributeName: "Tier"},
		},
		LastModifiedTime:   time.Date(2024, 3, 5, 9, 9, 11, 456_000_000, time.FixedZone("CET", 3600)),
		LastModifiedRegion: n.Instance.Region,
	}
}

func (f *fixture) mustSecurityProfile(t *testing.T, p *connectlite.SecurityProfile) {
	t.Helper()
	if err := f.s.CreateSecurityProfile(f.ctx, p); err != nil {
		t.Fatalf("CreateSecurityProfile(%s): %v", p.Name, err)
	}
}

func (f *fixture) mustGetSecurityProfile(t *testing.T, instanceID, id string) *connectlite.SecurityProfile {
	t.Helper()
	p, err := f.s.SecurityProfile(f.ctx, instanceID, id)
	if err != nil {
		t.Fatalf("SecurityProfile(%s): %v", id, err)
	}
	return p
}

// allSecurityProfiles lists every security profile of the instance.
func (f *fixture) allSecurityProfiles(t *testing.T, instanceID string) []connectlite.SecurityProfile {
	t.Helper()
	var all []connectlite.SecurityProfile
	after := ""
	for range 1000 {
		page, next, err := f.s.ListSecurityProfiles(f.ctx, instanceID, connectlite.PageRequest{Limit: 3, After: after})
		if err != nil {
			t.Fatalf("ListSecurityProfiles: %v", err)
		}
		all = append(all, page...)
		if next == "" {
			return all
		}
		after = next
	}
	t.Fatalf("ListSecurityProfiles: the cursor does not advance")
	return nil
}

// profileQueue stores a queue of n named name and returns it.
func (f *fixture) profileQueue(t *testing.T, n *connectlite.NewInstance, name string) connectlite.Queue {
	t.Helper()
	q := connectlite.Queue{
		InstanceID: n.Instance.ID, ID: f.newID(), Name: name, Description: "queue " + name,
		HoursOfOperationID: n.HoursOfOperations[0].ID, Status: connectlite.QueueStatusEnabled,
		QueueType: connectlite.QueueTypeStandard, LastModifiedTime: t0(), LastModifiedRegion: n.Instance.Region,
	}
	if err := f.s.CreateQueue(f.ctx, &q); err != nil {
		t.Fatalf("CreateQueue(%s): %v", name, err)
	}
	return q
}

// fullRoutingProfile is a routing profile of n (not yet stored) with every
// member set, using the given queues besides BasicQueue. The queues may be
// the same, or BasicQueue: no queue and channel repeats even then.
func (f *fixture) fullRoutingProfile(n *connectlite.NewInstance, name string, q1, q2 string) *connectlite.RoutingProfile {
	basic := n.Queues[0].ID
	return &connectlite.RoutingProfile{
		InstanceID:             n.Instance.ID,
		ID:                     f.newID(),
		Name:                   name,
		Description:            "Sales agents, chat first",
		DefaultOutboundQueueID: q1,
		MediaConcurrencies: []connectlite.MediaConcurrency{
			{Channel: "CHAT", Concurrency: 3, CrossChannelBehavior: connectlite.BehaviorRouteAnyChannel},
			{Channel: "VOICE", Concurrency: 1, CrossChannelBehavior: connectlite.BehaviorRouteCurrentChannelOnly},
			{Channel: "EMAIL", Concurrency: 10},
		},
		QueueConfigs: []connectlite.RoutingProfileQueueConfig{
			{QueueID: q2, Channel: "TASK", Priority: 2, Delay: 30},
			{QueueID: q1, Channel: "CHAT", Priority: 1, Delay: 0},
			{QueueID: basic, Channel: "EMAIL", Priority: 99, Delay: 9999},
			{QueueID: q1, Channel: "VOICE", Priority: 5, Delay: 15},
		},
		ManualAssignmentQueues: []connectlite.RoutingProfileQueueReference{
			{QueueID: q2, Channel: "TASK"}, {QueueID: basic, Channel: "CHAT"},
		},
		Tags:                   map[string]string{"dept": "sales", "empty": ""},
		AgentAvailabilityTimer: connectlite.AgentAvailabilityTimeSinceLastInbound,
		LastModifiedTime:       time.Date(2024, 3, 5, 9, 9, 11, 456_000_000, time.FixedZone("CET", 3600)),
		LastModifiedRegion:     n.Instance.Region,
	}
}

func (f *fixture) mustRoutingProfile(t *testing.T, p *connectlite.RoutingProfile) {
	t.Helper()
	if err := f.s.CreateRoutingProfile(f.ctx, p); err != nil {
		t.Fatalf("CreateRoutingProfile(%s): %v", p.Name, err)
	}
}

func (f *fixture) mustGetRoutingProfile(t *testing.T, instanceID, id string) *connectlite.RoutingProfile {
	t.Helper()
	p, err := f.s.RoutingProfile(f.ctx, instanceID, id)
	if err != nil {
		t.Fatalf("RoutingProfile(%s): %v", id, err)
	}
	return p
}

// wantProfileInUse fails unless err is KindResourceInUse naming the user.
func wantProfileInUse(t *testing.T, op string, err error, userID string) {
	t.Helper()
	wantKind(t, op, err, connectlite.KindResourceInUse)
	var e *connectlite.Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: err %T is not a *connectlite.Error", op, err)
	}
	if e.ResourceType != connectlite.InUseByUser || e.ResourceID != userID {
		t.Fatalf("%s: blocking resource = %s %q, want %s %q", op, e.ResourceType, e.ResourceID, connectlite.InUseByUser, userID)
	}
}

func testDefaultSecurityProfiles(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	for _, want := range n.SecurityProfiles {
		if len(want.Permissions) == 0 {
			t.Fatalf("default security profile %s has no permissions", want.Name)
		}
		got := f.mustGetSecurityProfile(t, n.Instance.ID, want.ID)
		checkEqual(t, "SecurityProfile("+want.Name+")", *got, want, normFullSecurityProfile)
		checkUTC(t, "SecurityProfile", got)
	}
	agent := n.SecurityProfiles[slices.IndexFunc(n.SecurityProfiles, func(p connectlite.SecurityProfile) bool { return p.Name == "Agent" })]
	for _, perm := range []string{"BasicAgentAccess", "OutboundCallAccess"} {
		if !slices.Contains(agent.Permissions, perm) {
			t.Errorf("Agent permissions %v lack %s", agent.Permissions, perm)
		}
	}
}

func testSecurityProfileRoundTrip(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	p := f.fullSecurityProfile(n, "Night Supervisors")
	f.mustSecurityProfile(t, p)
	got := f.mustGetSecurityProfile(t, n.Instance.ID, p.ID)
	checkEqual(t, "SecurityProfile", *got, *p, normFullSecurityProfile)
	checkUTC(t, "SecurityProfile", got)

	// The listing carries every member too.
	listed := f.allSecurityProfiles(t, n.Instance.ID)
	i := slices.IndexFunc(listed, func(l connectlite.SecurityProfile) bool { return l.ID == p.ID })
	if i < 0 || len(listed) != len(n.SecurityProfiles)+1 {
		t.Fatalf("ListSecurityProfiles: %d profiles, new one at %d; want %d with it", len(listed), i, len(n.SecurityProfiles)+1)
	}
	checkEqual(t, "ListSecurityProfiles item", listed[i], *p, normFullSecurityProfile)

	// A minimal profile: a name only.
	minimal := &connectlite.SecurityProfile{InstanceID: n.Instance.ID, ID: f.newID(), Name: "Bare",
		LastModifiedTime: t0(), LastModifiedRegion: region}
	f.mustSecurityProfile(t, minimal)
	checkEqual(t, "SecurityProfile(minimal)", *f.mustGetSecurityProfile(t, n.Instance.ID, minimal.ID), *minimal, normFullSecurityProfile)
}

func testSecurityProfileCreateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})

	p := f.fullSecurityProfile(n, "x")
	p.InstanceID = f.newID()
	wantKind(t, "CreateSecurityProfile(unknown instance)", f.s.CreateSecurityProfile(f.ctx, p), connectlite.KindNotFound)

	err := f.s.CreateSecurityProfile(f.ctx, f.fullSecurityProfile(n, "Agent"))
	wantKind(t, "CreateSecurityProfile(name of a default profile)", err, connectlite.KindDuplicate)
	if !strings.Contains(err.Error(), "Agent") {
		t.Errorf("CreateSecurityProfile(duplicate): message %q does not name the profile", err)
	}

	missing := f.newID()
	p = f.fullSecurityProfile(n, "Grouped")
	p.AllowedAccessControlHierarchyGroupID = missing
	err = f.s.CreateSecurityProfile(f.ctx, p)
	wantKind(t, "CreateSecurityProfile(unknown hierarchy group)", err, connectlite.KindInvalidParameter)
	if !strings.Contains(err.Error(), missing) {
		t.Errorf("CreateSecurityProfile(unknown group): message %q does not name %s", err, missing)
	}

	if got := len(f.allSecurityProfiles(t, n.Instance.ID)); got != len(n.SecurityProfiles) {
		t.Fatalf("ListSecurityProfiles after rejected creates: %d profiles, want %d", got, len(n.SecurityProfiles))
	}
	// Names compare exactly and per instance.
	f.mustSecurityProfile(t, f.fullSecurityProfile(n, "agent"))
	f.mustSecurityProfile(t, f.fullSecurityProfile(other, "Grouped"))
	f.mustSecurityProfile(t, f.fullSecurityProfile(n, "Grouped"))
}

func testSecurityProfileUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	_, err := f.s.SecurityProfile(f.ctx, n.Instance.ID, f.newID())
	wantKind(t, "SecurityProfile(unknown id)", err, connectlite.KindNotFound)
	_, err = f.s.SecurityProfile(f.ctx, n.Instance.ID, other.SecurityProfiles[0].ID)
	wantKind(t, "SecurityProfile(id of another instance)", err, connectlite.KindNotFound)
	_, err = f.s.SecurityProfile(f.ctx, f.newID(), n.SecurityProfiles[0].ID)
	wantKind(t, "SecurityProfile(unknown instance)", err, connectlite.KindNotFound)
}

func testSecurityProfileUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	p := f.fullSecurityProfile(n, "Night Supervisors")
	f.mustSecurityProfile(t, p)
	change := func(cur *connectlite.SecurityProfile) {
		cur.Name = "Day Supervisors"
		cur.Description = ""
		cur.Permissions = []string{"Queues.View"}
		cur.Tags = map[string]string{"team": "day"}
		cur.AllowedAccessControlTags = nil
		cur.TagRestrictedResources = []string{"Queue"}
		cur.HierarchyRestrictedResources = nil
		cur.Applications = []connectlite.Application{{Namespace: "other", ApplicationPermissions: []string{"ACCESS"}}}
		cur.AllowedFlowModules = nil
		cur.DataTablePrimaryAttributeValues = []connectlite.PrimaryAttributeValue{{AttributeName: "Tier", Values: []string{"gold"}}}
		cur.LastModifiedTime = t0().Add(time.Hour + 7*time.Millisecond)
		cur.LastModifiedRegion = "eu-west-2"
	}
	want := *p
	change(&want)
	calls := 0
	got, err := f.s.UpdateSecurityProfile(f.ctx, n.Instance.ID, p.ID, func(cur *connectlite.SecurityProfile) error {
		calls++
		checkEqual(t, "profile given to mutate", *cur, *p, normFullSecurityProfile)
		change(cur)
		cur.ID, cur.InstanceID = "ignored", "ignored"
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateSecurityProfile: %v", err)
	}
	if calls != 1 {
		t.Errorf("mutate called %d times, want 1", calls)
	}
	checkEqual(t, "UpdateSecurityProfile result", *got, want, normFullSecurityProfile)
	checkUTC(t, "UpdateSecurityProfile result", got)
	checkEqual(t, "SecurityProfile after update", *f.mustGetSecurityProfile(t, n.Instance.ID, p.ID), want, normFullSecurityProfile)
	// The old name is free again.
	f.mustSecurityProfile(t, f.fullSecurityProfile(n, "Night Supervisors"))
}

func testSecurityProfileUpdateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	p := f.fullSecurityProfile(n, "Night Supervisors")
	f.mustSecurityProfile(t, p)

	_, err := f.s.UpdateSecurityProfile(f.ctx, n.Instance.ID, f.newID(), func(*connectlite.SecurityProfile) error { return nil })
	wantKind(t, "UpdateSecurityProfile(unknown)", err, connectlite.KindNotFound)

	sentinel := connectlite.Errorf(connectlite.KindInvalidParameter, "sentinel")
	cases := []struct {
		name   string
		mutate func(*connectlite.SecurityProfile) error
		want   connectlite.Kind
	}{
		{"MutateError", func(cur *connectlite.SecurityProfile) error { cur.Description = "changed"; return sentinel }, connectlite.KindInvalidParameter},
		{"TakenName", func(cur *connectlite.SecurityProfile) error {
			cur.Name = "Admin"
			cur.Description = "changed"
			return nil
		}, connectlite.KindDuplicate},
		{"UnknownHierarchyGroup", func(cur *connectlite.SecurityProfile) error {
			cur.AllowedAccessControlHierarchyGroupID = f.newID()
			cur.Description = "changed"
			return nil
		}, connectlite.KindInvalidParameter},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.UpdateSecurityProfile(f.ctx, n.Instance.ID, p.ID, tc.mutate)
			wantKind(t, "UpdateSecurityProfile", err, tc.want)
			if tc.name == "MutateError" && !errors.Is(err, sentinel) {
				t.Errorf("UpdateSecurityProfile: err = %v, want mutate's error unchanged", err)
			}
			checkEqual(t, "SecurityProfile after failed update", *f.mustGetSecurityProfile(t, n.Instance.ID, p.ID), *p, normFullSecurityProfile)
		})
	}
}

func testSecurityProfileDelete(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	p := f.fullSecurityProfile(n, "Temporary")
	f.mustSecurityProfile(t, p)
	u1, u2 := f.minimalUser(n, "ana"), f.minimalUser(n, "bea")
	u1.SecurityProfileIDs = []string{n.SecurityProfiles[0].ID, p.ID}
	u2.SecurityProfileIDs = []string{p.ID}
	f.mustUser(t, u1, "")
	f.mustUser(t, u2, "")

	err := f.s.DeleteSecurityProfile(f.ctx, n.Instance.ID, p.ID)
	wantProfileInUse(t, "DeleteSecurityProfile(in use)", err, min(u1.ID, u2.ID))
	checkEqual(t, "SecurityProfile after refused delete", *f.mustGetSecurityProfile(t, n.Instance.ID, p.ID), *p, normFullSecurityProfile)

	for _, u := range []*connectlite.User{u1, u2} {
		if _, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
			cur.SecurityProfileIDs = []string{n.SecurityProfiles[1].ID}
			return nil
		}); err != nil {
			t.Fatalf("UpdateUser(%s): %v", u.Username, err)
		}
	}
	if err := f.s.DeleteSecurityProfile(f.ctx, n.Instance.ID, p.ID); err != nil {
		t.Fatalf("DeleteSecurityProfile(unused): %v", err)
	}
	_, err = f.s.SecurityProfile(f.ctx, n.Instance.ID, p.ID)
	wantKind(t, "SecurityProfile(deleted)", err, connectlite.KindNotFound)
	wantKind(t, "DeleteSecurityProfile(again)", f.s.DeleteSecurityProfile(f.ctx, n.Instance.ID, p.ID), connectlite.KindNotFound)
	wantKind(t, "DeleteSecurityProfile(unknown instance)", f.s.DeleteSecurityProfile(f.ctx, f.newID(), n.SecurityProfiles[2].ID), connectlite.KindNotFound)
	// A user can no longer be given the deleted profile, and its name is free.
	u3 := f.minimalUser(n, "cid")
	u3.SecurityProfileIDs = []string{p.ID}
	wantKind(t, "CreateUser(deleted profile)", f.s.CreateUser(f.ctx, u3, ""), connectlite.KindInvalidParameter)
	f.mustSecurityProfile(t, f.fullSecurityProfile(n, "Temporary"))
}

func testDefaultRoutingProfile(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	want := n.RoutingProfiles[0]
	if !want.IsDefault {
		t.Fatalf("BuildNewInstance: %s is not marked default", want.Name)
	}
	got := f.mustGetRoutingProfile(t, n.Instance.ID, want.ID)
	checkEqual(t, "RoutingProfile(Basic Routing Profile)", *got, want, normFullRoutingProfile)
	checkUTC(t, "RoutingProfile", got)
}

func testRoutingProfileRoundTrip(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q1, q2 := f.profileQueue(t, n, "Sales"), f.profileQueue(t, n, "Support")
	p := f.fullRoutingProfile(n, "Sales Routing", q1.ID, q2.ID)
	f.mustRoutingProfile(t, p)
	got := f.mustGetRoutingProfile(t, n.Instance.ID, p.ID)
	checkEqual(t, "RoutingProfile", *got, *p, normFullRoutingProfile)
	checkUTC(t, "RoutingProfile", got)

	rps, _, err := f.s.ListRoutingProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	if err != nil {
		t.Fatalf("ListRoutingProfiles: %v", err)
	}
	i := slices.IndexFunc(rps, func(r connectlite.RoutingProfile) bool { return r.ID == p.ID })
	if i < 0 {
		t.Fatalf("ListRoutingProfiles: %s missing", p.ID)
	}
	// The listing carries everything but the manual assignment queues.
	listed := *p
	listed.ManualAssignmentQueues = nil
	checkEqual(t, "ListRoutingProfiles item", rps[i], listed, normFullRoutingProfile)

	// Without queue lists.
	bare := &connectlite.RoutingProfile{InstanceID: n.Instance.ID, ID: f.newID(), Name: "Bare", Description: "d",
		DefaultOutboundQueueID: n.Queues[0].ID, MediaConcurrencies: []connectlite.MediaConcurrency{{Channel: "VOICE", Concurrency: 1}},
		LastModifiedTime: t0(), LastModifiedRegion: region}
	f.mustRoutingProfile(t, bare)
	checkEqual(t, "RoutingProfile(bare)", *f.mustGetRoutingProfile(t, n.Instance.ID, bare.ID), *bare, normFullRoutingProfile)
}

func testRoutingProfileCreateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	q1, q2 := f.profileQueue(t, n, "Sales"), f.profileQueue(t, n, "Support")
	foreign := other.Queues[0].ID
	missing := f.newID()

	p := f.fullRoutingProfile(n, "x", q1.ID, q2.ID)
	p.InstanceID = f.newID()
	wantKind(t, "CreateRoutingProfile(unknown instance)", f.s.CreateRoutingProfile(f.ctx, p), connectlite.KindNotFound)

	err := f.s.CreateRoutingProfile(f.ctx, f.fullRoutingProfile(n, connectlite.DefaultRoutingProfileName, q1.ID, q2.ID))
	wantKind(t, "CreateRoutingProfile(name of the default profile)", err, connectlite.KindDuplicate)

	cases := []struct {
		name    string
		mod     func(p *connectlite.RoutingProfile)
		missing string
		field   string
	}{
		{"UnknownDefaultQueue", func(p *connectlite.RoutingProfile) { p.DefaultOutboundQueueID = missing }, missing, "DefaultOutboundQueueId"},
		{"DefaultQueueOfAnotherInstance", func(p *connectlite.RoutingProfile) { p.DefaultOutboundQueueID = foreign }, foreign, "DefaultOutboundQueueId"},
		{"UnknownConfigQueue", func(p *connectlite.RoutingProfile) { p.QueueConfigs[3].QueueID = missing }, missing, "QueueConfigs"},
		{"ConfigQueueOfAnotherInstance", func(p *connectlite.RoutingProfile) { p.QueueConfigs[0].QueueID = foreign }, foreign, "QueueConfigs"},
		{"UnknownManualQueue", func(p *connectlite.RoutingProfile) { p.ManualAssignmentQueues[1].QueueID = missing }, missing, "ManualAssignmentQueueConfigs"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := f.fullRoutingProfile(n, "Rejected "+tc.name, q1.ID, q2.ID)
			tc.mod(p)
			err := f.s.CreateRoutingProfile(f.ctx, p)
			wantKind(t, "CreateRoutingProfile", err, connectlite.KindInvalidParameter)
			if !strings.Contains(err.Error(), tc.missing) || !strings.Contains(err.Error(), tc.field) {
				t.Errorf("CreateRoutingProfile: message %q does not name %s %s", err, tc.field, tc.missing)
			}
			_, err = f.s.RoutingProfile(f.ctx, n.Instance.ID, p.ID)
			wantKind(t, "RoutingProfile(rejected)", err, connectlite.KindNotFound)
		})
	}
	rps, _, err := f.s.ListRoutingProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	if err != nil || len(rps) != 1 {
		t.Fatalf("ListRoutingProfiles after rejected creates: %d profiles (err %v), want 1", len(rps), err)
	}
	// Queues are free to delete: no stray queue config was written.
	if err := f.s.DeleteQueue(f.ctx, n.Instance.ID, q2.ID); err != nil {
		t.Fatalf("DeleteQueue(queue of rejected profiles): %v", err)
	}
	// Names compare exactly and per instance.
	f.mustRoutingProfile(t, f.fullRoutingProfile(n, strings.ToLower(connectlite.DefaultRoutingProfileName), q1.ID, q1.ID))
	f.mustRoutingProfile(t, f.fullRoutingProfile(other, "Rejected UnknownDefaultQueue", foreign, foreign))
}

func testRoutingProfileUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	for _, c := range []struct{ what, inst, id string }{
		{"unknown id", n.Instance.ID, f.newID()},
		{"id of another instance", n.Instance.ID, other.RoutingProfiles[0].ID},
		{"unknown instance", f.newID(), n.RoutingProfiles[0].ID},
	} {
		_, err := f.s.RoutingProfile(f.ctx, c.inst, c.id)
		wantKind(t, "RoutingProfile("+c.what+")", err, connectlite.KindNotFound)
		_, _, err = f.s.ListRoutingProfileQueues(f.ctx, c.inst, c.id, connectlite.PageRequest{})
		wantKind(t, "ListRoutingProfileQueues("+c.what+")", err, connectlite.KindNotFound)
		_, _, err = f.s.ListRoutingProfileManualAssignmentQueues(f.ctx, c.inst, c.id, connectlite.PageRequest{})
		wantKind(t, "ListRoutingProfileManualAssignmentQueues("+c.what+")", err, connectlite.KindNotFound)
		_, err = f.s.UpdateRoutingProfile(f.ctx, c.inst, c.id, func(*connectlite.RoutingProfile) error { return nil })
		wantKind(t, "UpdateRoutingProfile("+c.what+")", err, connectlite.KindNotFound)
		wantKind(t, "DeleteRoutingProfile("+c.what+")", f.s.DeleteRoutingProfile(f.ctx, c.inst, c.id), connectlite.KindNotFound)
	}
}

func testRoutingProfileUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q1, q2 := f.profileQueue(t, n, "Sales"), f.profileQueue(t, n, "Support")
	q3 := f.profileQueue(t, n, "Billing")
	p := f.fullRoutingProfile(n, "Sales Routing", q1.ID, q2.ID)
	f.mustRoutingProfile(t, p)
	change := func(cur *connectlite.RoutingProfile) {
		cur.Name = "Billing Routing"
		cur.Description = "billing"
		cur.DefaultOutboundQueueID = q3.ID
		cur.MediaConcurrencies = []connectlite.MediaConcurrency{{Channel: "TASK", Concurrency: 7, CrossChannelBehavior: connectlite.BehaviorRouteAnyChannel}}
		cur.QueueConfigs = []connectlite.RoutingProfileQueueConfig{
			{QueueID: q3.ID, Channel: "TASK", Priority: 3, Delay: 1},
			cur.QueueConfigs[1],
		}
		cur.ManualAssignmentQueues = []connectlite.RoutingProfileQueueReference{
			cur.ManualAssignmentQueues[1], {QueueID: q3.ID, Channel: "EMAIL"},
		}
		cur.Tags = nil
		cur.AgentAvailabilityTimer = connectlite.AgentAvailabilityTimeSinceLastActivity
		cur.LastModifiedTime = t0().Add(time.Hour + 7*time.Millisecond)
		cur.LastModifiedRegion = "eu-west-2"
	}
	want := *p
	want.QueueConfigs = slices.Clone(p.QueueConfigs)
	want.ManualAssignmentQueues = slices.Clone(p.ManualAssignmentQueues)
	change(&want)
	calls := 0
	got, err := f.s.UpdateRoutingProfile(f.ctx, n.Instance.ID, p.ID, func(cur *connectlite.RoutingProfile) error {
		calls++
		checkEqual(t, "profile given to mutate", *cur, *p, normFullRoutingProfile)
		change(cur)
		cur.IsDefault = true // not the mutation's to change
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateRoutingProfile: %v", err)
	}
	if calls != 1 {
		t.Errorf("mutate called %d times, want 1", calls)
	}
	checkEqual(t, "UpdateRoutingProfile result", *got, want, normFullRoutingProfile)
	checkEqual(t, "RoutingProfile after update", *f.mustGetRoutingProfile(t, n.Instance.ID, p.ID), want, normFullRoutingProfile)

	// q2 left every list of the profile: it can be deleted now.
	if err := f.s.DeleteQueue(f.ctx, n.Instance.ID, q2.ID); err != nil {
		t.Fatalf("DeleteQueue(no longer used): %v", err)
	}
	// The old name is free.
	f.mustRoutingProfile(t, f.fullRoutingProfile(n, "Sales Routing", q1.ID, q1.ID))
}

func testRoutingProfileUpdateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q1, q2 := f.profileQueue(t, n, "Sales"), f.profileQueue(t, n, "Support")
	p := f.fullRoutingProfile(n, "Sales Routing", q1.ID, q2.ID)
	f.mustRoutingProfile(t, p)
	missing := f.newID()
	sentinel := connectlite.Errorf(connectlite.KindInvalidParameter, "sentinel")
	cases := []struct {
		name   string
		mutate func(*connectlite.RoutingProfile) error
		want   connectlite.Kind
	}{
		{"MutateError", func(cur *connectlite.RoutingProfile) error {
			cur.QueueConfigs = nil
			return sentinel
		}, connectlite.KindInvalidParameter},
		{"TakenName", func(cur *connectlite.RoutingProfile) error {
			cur.Name = connectlite.DefaultRoutingProfileName
			cur.QueueConfigs = cur.QueueConfigs[:1]
			return nil
		}, connectlite.KindDuplicate},
		{"UnknownDefaultQueue", func(cur *connectlite.RoutingProfile) error {
			cur.DefaultOutboundQueueID = missing
			return nil
		}, connectlite.KindInvalidParameter},
		{"UnknownAssociatedQueue", func(cur *connectlite.RoutingProfile) error {
			cur.QueueConfigs = append(cur.QueueConfigs, connectlite.RoutingProfileQueueConfig{QueueID: missing, Channel: "TASK", Priority: 1})
			return nil
		}, connectlite.KindInvalidParameter},
		{"UnknownManualQueue", func(cur *connectlite.RoutingProfile) error {
			cur.ManualAssignmentQueues = []connectlite.RoutingProfileQueueReference{{QueueID: missing, Channel: "TASK"}}
			return nil
		}, connectlite.KindInvalidParameter},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.UpdateRoutingProfile(f.ctx, n.Instance.ID, p.ID, tc.mutate)
			wantKind(t, "UpdateRoutingProfile", err, tc.want)
			if tc.name == "MutateError" && !errors.Is(err, sentinel) {
				t.Errorf("UpdateRoutingProfile: err = %v, want mutate's error unchanged", err)
			}
			checkEqual(t, "RoutingProfile after failed update", *f.mustGetRoutingProfile(t, n.Instance.ID, p.ID), *p, normFullRoutingProfile)
		})
	}
}

func testRoutingProfileUsers(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q := f.profileQueue(t, n, "Sales")
	p := f.fullRoutingProfile(n, "Sales Routing", q.ID, q.ID)
	f.mustRoutingProfile(t, p)
	for i := range 3 {
		u := f.minimalUser(n, fmt.Sprintf("user%d", i))
		u.RoutingProfileID = p.ID
		f.mustUser(t, u, "")
	}
	f.mustUser(t, f.minimalUser(n, "basic"), "")
	if got := f.mustGetRoutingProfile(t, n.Instance.ID, p.ID).AssociatedUsers; got != 3 {
		t.Errorf("RoutingProfile(Sales).AssociatedUsers = %d, want 3", got)
	}
	if got := f.mustGetRoutingProfile(t, n.Instance.ID, n.RoutingProfiles[0].ID).AssociatedUsers; got != 1 {
		t.Errorf("RoutingProfile(Basic).AssociatedUsers = %d, want 1", got)
	}
	got, err := f.s.UpdateRoutingProfile(f.ctx, n.Instance.ID, p.ID, func(cur *connectlite.RoutingProfile) error {
		cur.Description = "changed"
		return nil
	})
	if err != nil || got.AssociatedUsers != 3 {
		t.Fatalf("UpdateRoutingProfile: AssociatedUsers = %v (err %v), want 3", got, err)
	}
}

func testRoutingProfileDelete(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q1, q2 := f.profileQueue(t, n, "Sales"), f.profileQueue(t, n, "Support")
	p := f.fullRoutingProfile(n, "Sales Routing", q1.ID, q2.ID)
	f.mustRoutingProfile(t, p)
	u1, u2 := f.minimalUser(n, "ana"), f.minimalUser(n, "bea")
	u1.RoutingProfileID, u2.RoutingProfileID = p.ID, p.ID
	f.mustUser(t, u1, "")
	f.mustUser(t, u2, "")

	err := f.s.DeleteRoutingProfile(f.ctx, n.Instance.ID, p.ID)
	wantProfileInUse(t, "DeleteRoutingProfile(in use)", err, min(u1.ID, u2.ID))
	checkEqual(t, "RoutingProfile after refused delete", *f.mustGetRoutingProfile(t, n.Instance.ID, p.ID),
		func() connectlite.RoutingProfile { w := *p; w.AssociatedUsers = 2; return w }(), normFullRoutingProfile)

	for _, u := range []*connectlite.User{u1, u2} {
		if _, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
			cur.RoutingProfileID = n.RoutingProfiles[0].ID
			return nil
		}); err != nil {
			t.Fatalf("UpdateUser(%s): %v", u.Username, err)
		}
	}
	if err := f.s.DeleteRoutingProfile(f.ctx, n.Instance.ID, p.ID); err != nil {
		t.Fatalf("DeleteRoutingProfile(unused): %v", err)
	}
	_, err = f.s.RoutingProfile(f.ctx, n.Instance.ID, p.ID)
	wantKind(t, "RoutingProfile(deleted)", err, connectlite.KindNotFound)
	wantKind(t, "DeleteRoutingProfile(again)", f.s.DeleteRoutingProfile(f.ctx, n.Instance.ID, p.ID), connectlite.KindNotFound)
	// Its queue lists went with it: its queues can be deleted.
	for _, q := range []connectlite.Queue{q1, q2} {
		if err := f.s.DeleteQueue(f.ctx, n.Instance.ID, q.ID); err != nil {
			t.Fatalf("DeleteQueue(%s) after its profile: %v", q.Name, err)
		}
	}
	u3 := f.minimalUser(n, "cid")
	u3.RoutingProfileID = p.ID
	wantKind(t, "CreateUser(deleted routing profile)", f.s.CreateUser(f.ctx, u3, ""), connectlite.KindInvalidParameter)
}

func testRoutingProfileQueuePages(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	queues := []connectlite.Queue{f.profileQueue(t, n, "Sales"), f.profileQueue(t, n, "Support"), n.Queues[0]}
	p := &connectlite.RoutingProfile{InstanceID: n.Instance.ID, ID: f.newID(), Name: "Paged", Description: "d",
		DefaultOutboundQueueID: queues[0].ID, MediaConcurrencies: []connectlite.MediaConcurrency{{Channel: "VOICE", Concurrency: 1}},
		LastModifiedTime: t0(), LastModifiedRegion: region}
	type key struct{ queue, channel string }
	var wantKeys []key
	names := map[string]string{}
	for i, q := range queues {
		names[q.ID] = q.Name
		for j, ch := range []string{"VOICE", "TASK", "CHAT"} {
			if i == 2 && j == 2 {
				continue // 8 configs: pages of 3, 3, 2
			}
			p.QueueConfigs = append(p.QueueConfigs, connectlite.RoutingProfileQueueConfig{QueueID: q.ID, Channel: ch, Priority: int32(i + 1), Delay: int32(j)})
			wantKeys = append(wantKeys, key{q.ID, ch})
		}
		p.ManualAssignmentQueues = append(p.ManualAssignmentQueues, connectlite.RoutingProfileQueueReference{QueueID: q.ID, Channel: "EMAIL"},
			connectlite.RoutingProfileQueueReference{QueueID: q.ID, Channel: "CHAT"})
	}
	f.mustRoutingProfile(t, p)
	slices.SortFunc(wantKeys, func(a, b key) int {
		return strings.Compare(a.queue+" "+a.channel, b.queue+" "+b.channel)
	})

	var (
		got   []connectlite.RoutingProfileQueueSummary
		sizes []int
		after string
	)
	for range 100 {
		page, next, err := f.s.ListRoutingProfileQueues(f.ctx, n.Instance.ID, p.ID, connectlite.PageRequest{Limit: 3, After: after})
		if err != nil {
			t.Fatalf("ListRoutingProfileQueues(after %q): %v", after, err)
		}
		got, sizes = append(got, page...), append(sizes, len(page))
		if next == "" {
			break
		}
		after = next
	}
	if want := []int{3, 3, 2}; !slices.Equal(sizes, want) {
		t.Errorf("ListRoutingProfileQueues page sizes = %v, want %v", sizes, want)
	}
	if len(got) != len(wantKeys) {
		t.Fatalf("ListRoutingProfileQueues: %d items, want %d", len(got), len(wantKeys))
	}
	for i, it := range got {
		if (key{it.QueueID, it.Channel}) != wantKeys[i] {
			t.Fatalf("ListRoutingProfileQueues item %d = %s/%s, want %v (ordered by queue id, channel, each once)", i, it.QueueID, it.Channel, wantKeys[i])
		}
		cfg := p.QueueConfigs[slices.IndexFunc(p.QueueConfigs, func(c connectlite.RoutingProfileQueueConfig) bool {
			return c.QueueID == it.QueueID && c.Channel == it.Channel
		})]
		if it.RoutingProfileQueueConfig != cfg || it.QueueName != names[it.QueueID] {
			t.Errorf("ListRoutingProfileQueues item %d = %+v, want %+v with name %q", i, it, cfg, names[it.QueueID])
		}
	}

	var manual []connectlite.RoutingProfileManualQueueSummary
	after = ""
	for range 100 {
		page, next, err := f.s.ListRoutingProfileManualAssignmentQueues(f.ctx, n.Instance.ID, p.ID, connectlite.PageRequest{Limit: 4, After: after})
		if err != nil {
			t.Fatalf("ListRoutingProfileManualAssignmentQueues: %v", err)
		}
		manual = append(manual, page...)
		if next == "" {
			break
		}
		after = next
	}
	if len(manual) != len(p.ManualAssignmentQueues) {
		t.Fatalf("ListRoutingProfileManualAssignmentQueues: %d items, want %d", len(manual), len(p.ManualAssignmentQueues))
	}
	for i, it := range manual {
		if i > 0 && it.QueueID+" "+it.Channel <= manual[i-1].QueueID+" "+manual[i-1].Channel {
			t.Fatalf("ListRoutingProfileManualAssignmentQueues: item %d %v follows %v", i, it, manual[i-1])
		}
		if !slices.Contains(p.ManualAssignmentQueues, it.RoutingProfileQueueReference) || it.QueueName != names[it.QueueID] {
			t.Errorf("ListRoutingProfileManualAssignmentQueues item %+v not in the profile", it)
		}
	}

	// A profile without queues lists nothing.
	bare := *p
	bare.ID, bare.Name, bare.QueueConfigs, bare.ManualAssignmentQueues = f.newID(), "Bare", nil, nil
	f.mustRoutingProfile(t, &bare)
	items, next, err := f.s.ListRoutingProfileQueues(f.ctx, n.Instance.ID, bare.ID, connectlite.PageRequest{})
	if err != nil || len(items) != 0 || next != "" {
		t.Fatalf("ListRoutingProfileQueues(no queues) = %v, %q, %v; want nothing", items, next, err)
	}
}

func testProfilesDeleteInstance(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q := f.profileQueue(t, n, "Sales")
	sp := f.fullSecurityProfile(n, "Extra")
	rp := f.fullRoutingProfile(n, "Extra", q.ID, q.ID)
	f.mustSecurityProfile(t, sp)
	f.mustRoutingProfile(t, rp)
	if err := f.s.DeleteInstance(f.ctx, n.Instance.ID); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, err := f.s.SecurityProfile(f.ctx, n.Instance.ID, sp.ID)
	wantKind(t, "SecurityProfile(after DeleteInstance)", err, connectlite.KindNotFound)
	_, err = f.s.RoutingProfile(f.ctx, n.Instance.ID, rp.ID)
	wantKind(t, "RoutingProfile(after DeleteInstance)", err, connectlite.KindNotFound)
	wantKind(t, "CreateSecurityProfile(deleted instance)", f.s.CreateSecurityProfile(f.ctx, f.fullSecurityProfile(n, "Late")), connectlite.KindNotFound)
}

func testProfilesConcurrentSameName(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q := f.profileQueue(t, n, "Sales")
	const writers = 8
	var wg sync.WaitGroup
	start := make(chan struct{})
	spErrs, rpErrs := make([]error, writers), make([]error, writers)
	for i := range writers {
		wg.Go(func() {
			<-start
			spErrs[i] = f.s.CreateSecurityProfile(f.ctx, f.fullSecurityProfile(n, "Contended"))
		})
		wg.Go(func() {
			<-start
			rpErrs[i] = f.s.CreateRoutingProfile(f.ctx, f.fullRoutingProfile(n, "Contended", q.ID, q.ID))
		})
	}
	close(start)
	wg.Wait()
	for what, errs := range map[string][]error{"CreateSecurityProfile": spErrs, "CreateRoutingProfile": rpErrs} {
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			wantKind(t, what, err, connectlite.KindDuplicate)
		}
		if ok != 1 {
			t.Errorf("%s: %d of %d concurrent creates of one name succeeded, want 1", what, ok, writers)
		}
	}
}

func testRoutingProfileConcurrentUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q1, q2 := f.profileQueue(t, n, "Sales"), f.profileQueue(t, n, "Support")
	p := f.fullRoutingProfile(n, "Shared", q1.ID, q2.ID)
	p.QueueConfigs, p.ManualAssignmentQueues = nil, nil
	f.mustRoutingProfile(t, p)
	var adds []connectlite.RoutingProfileQueueConfig
	for _, q := range []string{q1.ID, q2.ID} {
		for _, ch := range []string{"VOICE", "CHAT", "TASK", "EMAIL"} {
			adds = append(adds, connectlite.RoutingProfileQueueConfig{QueueID: q, Channel: ch, Priority: 1})
		}
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, len(adds))
	for i, add := range adds {
		wg.Go(func() {
			<-start
			_, errs[i] = f.s.UpdateRoutingProfile(f.ctx, n.Instance.ID, p.ID, func(cur *connectlite.RoutingProfile) error {
				cur.QueueConfigs = append(cur.QueueConfigs, add)
				return nil
			})
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("UpdateRoutingProfile #%d: %v", i, err)
		}
	}
	if got := f.mustGetRoutingProfile(t, n.Instance.ID, p.ID).QueueConfigs; len(got) != len(adds) {
		t.Fatalf("after %d concurrent additions the profile has %d queue configs (%v); an update was lost", len(adds), len(got), got)
	}
}

// testProfilesConcurrentDeleteAndUse races the delete of a profile with the
// creation of a user that has it: either the user exists and the delete
// answered in use, or the profile is gone and the user was refused.
func testProfilesConcurrentDeleteAndUse(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q := f.profileQueue(t, n, "Sales")
	for round := range 6 {
		sp := f.fullSecurityProfile(n, fmt.Sprintf("Racing %d", round))
		rp := f.fullRoutingProfile(n, fmt.Sprintf("Racing %d", round), q.ID, q.ID)
		f.mustSecurityProfile(t, sp)
		f.mustRoutingProfile(t, rp)
		u := f.minimalUser(n, fmt.Sprintf("racer%d", round))
		var deleteErr, createErr error
		var wg sync.WaitGroup
		start := make(chan struct{})
		deleteRouting := round%2 == 0
		if deleteRouting {
			u.RoutingProfileID = rp.ID
		} else {
			u.SecurityProfileIDs = []string{sp.ID}
		}
		wg.Go(func() {
			<-start
			if deleteRouting {
				deleteErr = f.s.DeleteRoutingProfile(f.ctx, n.Instance.ID, rp.ID)
			} else {
				deleteErr = f.s.DeleteSecurityProfile(f.ctx, n.Instance.ID, sp.ID)
			}
		})
		wg.Go(func() {
			<-start
			createErr = f.s.CreateUser(f.ctx, u, "")
		})
		close(start)
		wg.Wait()
		_, userErr := f.s.User(f.ctx, n.Instance.ID, u.ID)
		switch {
		case deleteErr == nil:
			wantKind(t, fmt.Sprintf("round %d: CreateUser after the delete", round), createErr, connectlite.KindInvalidParameter)
			wantKind(t, fmt.Sprintf("round %d: User", round), userErr, connectlite.KindNotFound)
		case createErr == nil:
			wantKind(t, fmt.Sprintf("round %d: delete of a profile in use", round), deleteErr, connectlite.KindResourceInUse)
			if userErr != nil {
				t.Fatalf("round %d: User: %v", round, userErr)
			}
		default:
			t.Fatalf("round %d: both failed: delete %v, CreateUser %v", round, deleteErr, createErr)
		}
	}
}
