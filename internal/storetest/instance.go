package storetest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

func testInstanceRoundTrip(t *testing.T, f *fixture) {
	n := f.build(instanceOpts{alias: "RoundTrip-1"})
	n.Instance.IdentityManagementType = connectlite.IdentityExistingDirectory
	n.Instance.DirectoryID = "d-1234567890"
	n.Instance.InboundCallsEnabled = false
	n.Instance.OutboundCallsEnabled = true
	n.Instance.ClientToken = "client-token-1"
	n.Instance.Tags = map[string]string{"env": "test", "owner": ""}
	// A zone other than UTC: the store must return the same instant in UTC.
	n.Instance.CreatedTime = time.Date(2024, 3, 5, 9, 9, 11, 987_000_000, time.FixedZone("CET", 3600))
	if err := f.s.CreateInstance(f.ctx, n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	got, err := f.s.Instance(f.ctx, n.Instance.ID)
	if err != nil {
		t.Fatalf("Instance: %v", err)
	}
	checkEqual(t, "Instance", *got, n.Instance, normInstance)
	checkUTC(t, "Instance", got)
}

func testUnknownInstance(t *testing.T, f *fixture) {
	f.mustInstance(t, instanceOpts{})
	unknown := f.newID()
	_, err := f.s.Instance(f.ctx, unknown)
	wantKind(t, "Instance(unknown)", err, connectlite.KindNotFound)
	wantKind(t, "DeleteInstance(unknown)", f.s.DeleteInstance(f.ctx, unknown), connectlite.KindNotFound)
}

func testDuplicateAlias(t *testing.T, f *fixture) {
	first := f.mustInstance(t, instanceOpts{alias: "Corp-Contact"})
	for _, alias := range []string{"Corp-Contact", "corp-contact", "CORP-CONTACT"} {
		dup := f.build(instanceOpts{alias: alias})
		err := f.s.CreateInstance(f.ctx, dup)
		wantKind(t, "CreateInstance(duplicate alias "+alias+")", err, connectlite.KindInvalidRequest)
		wantMessage(t, "CreateInstance(duplicate alias "+alias+")", err, "Invalid Input. Instance alias is already used.")
		// Nothing of the rejected instance was written.
		_, err = f.s.Instance(f.ctx, dup.Instance.ID)
		wantKind(t, "Instance(rejected)", err, connectlite.KindNotFound)
		_, _, err = f.s.ListSecurityProfiles(f.ctx, dup.Instance.ID, connectlite.PageRequest{})
		wantKind(t, "ListSecurityProfiles(rejected)", err, connectlite.KindNotFound)
	}
	// The first instance is untouched.
	got, err := f.s.Instance(f.ctx, first.Instance.ID)
	if err != nil {
		t.Fatalf("Instance(first): %v", err)
	}
	checkEqual(t, "Instance(first)", *got, first.Instance, normInstance)
	// Aliases are unique per account only.
	f.mustInstance(t, instanceOpts{alias: "Corp-Contact", account: otherAccount})
}

func testInstancesWithoutAlias(t *testing.T, f *fixture) {
	for range 2 {
		n := f.build(instanceOpts{})
		n.Instance.IdentityManagementType = connectlite.IdentityExistingDirectory
		n.Instance.DirectoryID = "d-0123456789"
		if err := f.s.CreateInstance(f.ctx, n); err != nil {
			t.Fatalf("CreateInstance(no alias): %v", err)
		}
		got, err := f.s.Instance(f.ctx, n.Instance.ID)
		if err != nil {
			t.Fatalf("Instance: %v", err)
		}
		checkEqual(t, "Instance(no alias)", *got, n.Instance, normInstance)
	}
}

func testDefaultResources(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	sps, next, err := f.s.ListSecurityProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	if err != nil {
		t.Fatalf("ListSecurityProfiles: %v", err)
	}
	if next != "" {
		t.Errorf("ListSecurityProfiles: next = %q, want \"\" on the only page", next)
	}
	var names []string
	for _, p := range sps {
		names = append(names, p.Name)
	}
	slices.Sort(names)
	wantNames := slices.Sorted(slices.Values(connectlite.DefaultSecurityProfileNames))
	if !slices.Equal(names, wantNames) {
		t.Fatalf("security profile names = %v, want %v", names, wantNames)
	}
	checkSecurityProfiles(t, sps, n.SecurityProfiles)

	rps, next, err := f.s.ListRoutingProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	if err != nil {
		t.Fatalf("ListRoutingProfiles: %v", err)
	}
	if next != "" {
		t.Errorf("ListRoutingProfiles: next = %q, want \"\" on the only page", next)
	}
	if len(rps) != 1 || rps[0].Name != connectlite.DefaultRoutingProfileName {
		t.Fatalf("routing profiles = %v, want one named %q", rps, connectlite.DefaultRoutingProfileName)
	}
	checkRoutingProfiles(t, rps, n.RoutingProfiles)
}

// checkSecurityProfiles compares a listing with the profiles stored, which
// it expects ordered by id.
func checkSecurityProfiles(t *testing.T, got, stored []connectlite.SecurityProfile) {
	t.Helper()
	checkOrderedOnce(t, "security profiles", ids(got, func(p connectlite.SecurityProfile) string { return p.ID }))
	want := slices.Clone(stored)
	slices.SortFunc(want, func(a, b connectlite.SecurityProfile) int { return strings.Compare(a.ID, b.ID) })
	if len(got) != len(want) {
		t.Fatalf("got %d security profiles, want %d", len(got), len(want))
	}
	for i := range want {
		checkEqual(t, "security profile "+want[i].Name, got[i], want[i], normSecurityProfile)
		checkUTC(t, "security profile", got[i])
	}
}

func checkRoutingProfiles(t *testing.T, got, stored []connectlite.RoutingProfile) {
	t.Helper()
	checkOrderedOnce(t, "routing profiles", ids(got, func(p connectlite.RoutingProfile) string { return p.ID }))
	want := slices.Clone(stored)
	slices.SortFunc(want, func(a, b connectlite.RoutingProfile) int { return strings.Compare(a.ID, b.ID) })
	if len(got) != len(want) {
		t.Fatalf("got %d routing profiles, want %d", len(got), len(want))
	}
	for i := range want {
		checkEqual(t, "routing profile "+want[i].Name, got[i], want[i], normRoutingProfile)
		checkUTC(t, "routing profile", got[i])
	}
}

func testListSecurityProfilesPages(t *testing.T, f *fixture) {
	n := f.build(instanceOpts{alias: "sp-pages"})
	for i, name := range []string{"Supervisors", "Auditors", "Trainees"} {
		n.SecurityProfiles = append(n.SecurityProfiles, connectlite.SecurityProfile{
			InstanceID: n.Instance.ID, ID: f.newID(), Name: name, Description: "extra " + name,
			Permissions:      []string{"BasicAgentAccess", "OutboundCallAccess", "ListUsers"}[:i+1],
			Tags:             map[string]string{"n": name},
			LastModifiedTime: t0().Add(time.Duration(i) * time.Millisecond), LastModifiedRegion: region,
		})
	}
	if err := f.s.CreateInstance(f.ctx, n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	f.mustInstance(t, instanceOpts{}) // its profiles must not leak in

	var all []connectlite.SecurityProfile
	var sizes []int
	after := ""
	for {
		page, next, err := f.s.ListSecurityProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: 3, After: after})
		if err != nil {
			t.Fatalf("ListSecurityProfiles(after %q): %v", after, err)
		}
		sizes = append(sizes, len(page))
		all = append(all, page...)
		if next == "" {
			break
		}
		after = next
	}
	if want := []int{3, 3, 1}; !slices.Equal(sizes, want) {
		t.Errorf("page sizes = %v, want %v", sizes, want)
	}
	checkSecurityProfiles(t, all, n.SecurityProfiles)
}

func testListRoutingProfilesPages(t *testing.T, f *fixture) {
	n := f.build(instanceOpts{alias: "rp-pages"})
	q := n.Queues[0].ID
	n.RoutingProfiles = append(n.RoutingProfiles,
		connectlite.RoutingProfile{
			InstanceID: n.Instance.ID, ID: f.newID(), Name: "Sales", Description: "sales agents",
			DefaultOutboundQueueID: q,
			MediaConcurrencies:     []connectlite.MediaConcurrency{{Channel: "TASK", Concurrency: 7}, {Channel: "VOICE", Concurrency: 1}},
			QueueConfigs: []connectlite.RoutingProfileQueueConfig{
				{QueueID: q, Channel: "VOICE", Priority: 3, Delay: 10},
				{QueueID: q, Channel: "CHAT", Priority: 2, Delay: 0},
			},
			Tags:             map[string]string{"dept": "sales"},
			LastModifiedTime: t0(), LastModifiedRegion: region,
		},
		connectlite.RoutingProfile{
			InstanceID: n.Instance.ID, ID: f.newID(), Name: "Empty", DefaultOutboundQueueID: q,
			MediaConcurrencies: []connectlite.MediaConcurrency{{Channel: "VOICE", Concurrency: 1}},
			LastModifiedTime:   t0(), LastModifiedRegion: region,
		})
	if err := f.s.CreateInstance(f.ctx, n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	f.mustInstance(t, instanceOpts{}) // its profiles must not leak in

	var all []connectlite.RoutingProfile
	var sizes []int
	after := ""
	for {
		page, next, err := f.s.ListRoutingProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: 2, After: after})
		if err != nil {
			t.Fatalf("ListRoutingProfiles(after %q): %v", after, err)
		}
		sizes = append(sizes, len(page))
		all = append(all, page...)
		if next == "" {
			break
		}
		after = next
	}
	if want := []int{2, 1}; !slices.Equal(sizes, want) {
		t.Errorf("page sizes = %v, want %v", sizes, want)
	}
	checkRoutingProfiles(t, all, n.RoutingProfiles)
}

func testListProfilesUnknownInstance(t *testing.T, f *fixture) {
	f.mustInstance(t, instanceOpts{})
	unknown := f.newID()
	_, _, err := f.s.ListSecurityProfiles(f.ctx, unknown, connectlite.PageRequest{})
	wantKind(t, "ListSecurityProfiles(unknown instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.ListRoutingProfiles(f.ctx, unknown, connectlite.PageRequest{})
	wantKind(t, "ListRoutingProfiles(unknown instance)", err, connectlite.KindNotFound)
}

func testListInstances(t *testing.T, f *fixture) {
	want := map[string]connectlite.Instance{}
	for range 7 {
		n := f.mustInstance(t, instanceOpts{region: "us-east-1"})
		want[n.Instance.ID] = n.Instance
	}
	for range 3 {
		f.mustInstance(t, instanceOpts{region: "eu-west-2"})
	}

	var got []connectlite.Instance
	after := ""
	for {
		page, next, err := f.s.ListInstances(f.ctx, "us-east-1", connectlite.PageRequest{Limit: 3, After: after})
		if err != nil {
			t.Fatalf("ListInstances(after %q): %v", after, err)
		}
		if len(page) > 3 {
			t.Fatalf("ListInstances: page of %d, want at most 3", len(page))
		}
		got = append(got, page...)
		if next == "" {
			break
		}
		after = next
	}
	checkOrderedOnce(t, "ListInstances", ids(got, func(i connectlite.Instance) string { return i.ID }))
	if len(got) != len(want) {
		t.Fatalf("ListInstances(us-east-1): %d instances, want %d", len(got), len(want))
	}
	for _, g := range got {
		w, ok := want[g.ID]
		if !ok {
			t.Fatalf("ListInstances(us-east-1) returned %s of region %s", g.ID, g.Region)
		}
		checkEqual(t, "listed instance", g, w, normInstance)
	}

	eu, next, err := f.s.ListInstances(f.ctx, "eu-west-2", connectlite.PageRequest{})
	if err != nil || len(eu) != 3 || next != "" {
		t.Fatalf("ListInstances(eu-west-2, default limit) = %d instances, next %q, err %v; want 3, \"\", nil", len(eu), next, err)
	}
	none, next, err := f.s.ListInstances(f.ctx, "ap-south-1", connectlite.PageRequest{})
	if err != nil || len(none) != 0 || next != "" {
		t.Fatalf("ListInstances(empty region) = %d instances, next %q, err %v; want 0, \"\", nil", len(none), next, err)
	}
}

func testDeleteInstanceCascades(t *testing.T, f *fixture) {
	fixed := connectlite.IDs{
		Instance:         f.newID(),
		SecurityProfiles: map[string]string{},
		RoutingProfile:   f.newID(),
		Queue:            f.newID(),
		Hours:            f.newID(),
	}
	for _, name := range connectlite.DefaultSecurityProfileNames {
		fixed.SecurityProfiles[name] = f.newID()
	}
	n := f.mustInstance(t, instanceOpts{alias: "doomed", ids: fixed})
	keep := f.mustInstance(t, instanceOpts{alias: "kept"})
	doomedUser := f.fullUser(n, "ana")
	f.mustUser(t, doomedUser, "hash")
	f.mustUser(t, f.minimalUser(n, "bob"), "")
	keptUser := f.fullUser(keep, "ana")
	f.mustUser(t, keptUser, "")

	if err := f.s.DeleteInstance(f.ctx, n.Instance.ID); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, err := f.s.Instance(f.ctx, n.Instance.ID)
	wantKind(t, "Instance(deleted)", err, connectlite.KindNotFound)
	_, err = f.s.User(f.ctx, n.Instance.ID, doomedUser.ID)
	wantKind(t, "User(of deleted instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.ListUsers(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	wantKind(t, "ListUsers(deleted instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.ListSecurityProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	wantKind(t, "ListSecurityProfiles(deleted instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.ListRoutingProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	wantKind(t, "ListRoutingProfiles(deleted instance)", err, connectlite.KindNotFound)
	wantKind(t, "DeleteInstance(again)", f.s.DeleteInstance(f.ctx, n.Instance.ID), connectlite.KindNotFound)
	err = f.s.CreateUser(f.ctx, f.minimalUser(n, "carol"), "")
	wantKind(t, "CreateUser(deleted instance)", err, connectlite.KindNotFound)

	// The other instance and its user are untouched.
	checkEqual(t, "User(other instance)", *f.mustGetUser(t, keep.Instance.ID, keptUser.ID), *keptUser, normUser)

	// Recreating the instance with the very same ids and alias succeeds
	// only if its profiles, queue, hours and alias are gone; it starts with
	// no users, and the old user's id and username are free again.
	again := f.mustInstance(t, instanceOpts{alias: "doomed", ids: fixed})
	users, _, err := f.s.ListUsers(f.ctx, again.Instance.ID, connectlite.PageRequest{})
	if err != nil || len(users) != 0 {
		t.Fatalf("ListUsers(recreated) = %d users, err %v; want 0, nil", len(users), err)
	}
	reborn := f.minimalUser(again, "ana")
	reborn.ID = doomedUser.ID
	f.mustUser(t, reborn, "")
	checkEqual(t, "User(recreated)", *f.mustGetUser(t, again.Instance.ID, reborn.ID), *reborn, normUser)
}
