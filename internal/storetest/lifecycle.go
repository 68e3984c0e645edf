package storetest

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// runLifecycle is the conformance suite of DeleteUser and the TagStore.
func runLifecycle(t *testing.T, open func(t *testing.T) connectlite.Store) {
	runTests(t, open, []suiteTest{
		{"DeleteUserRemovesUserProfilesAndTagsAndFreesUsername", testDeleteUser},
		{"DeleteUnknownUserIsNotFound", testDeleteUnknownUser},
		{"TagsRoundTripOnEveryTaggableType", testTagsEveryType},
		{"UpdateTagsStampsModificationTime", testUpdateTagsStamps},
		{"UpdateTagsOfUserIsVisibleInUserAndListUsers", testUpdateTagsUser},
		{"UpdateTagsOfUnknownResourceIsNotFoundAndSkipsMutate", testUpdateTagsUnknown},
		{"UpdateTagsMutateErrorChangesNothing", testUpdateTagsMutateError},
		{"TagsOfUntaggableTypeIsInvalidParameter", testTagsBadType},
		{"ConcurrentUpdateTagsLosesNoUpdate", testConcurrentUpdateTags},
	})
}

func testDeleteUser(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.fullUser(n, "ana")
	f.mustUser(t, u, "hash")
	other := f.fullUser(n, "bob")
	f.mustUser(t, other, "")

	if err := f.s.DeleteUser(f.ctx, n.Instance.ID, u.ID); err != nil {
		t.Fatalf("DeleteUser: %v", err)
	}
	_, err := f.s.User(f.ctx, n.Instance.ID, u.ID)
	wantKind(t, "User(deleted)", err, connectlite.KindNotFound)
	_, err = f.s.Tags(f.ctx, connectlite.ResourceRef{InstanceID: n.Instance.ID, Type: connectlite.ARNAgent, ID: u.ID})
	wantKind(t, "Tags(deleted user)", err, connectlite.KindNotFound)
	wantKind(t, "DeleteUser(again)", f.s.DeleteUser(f.ctx, n.Instance.ID, u.ID), connectlite.KindNotFound)
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	if len(listed) != 1 || listed[0].ID != other.ID {
		t.Fatalf("ListUsers after delete = %v, want only %s", ids(listed, func(u connectlite.User) string { return u.ID }), other.ID)
	}
	checkEqual(t, "User(the other user)", *f.mustGetUser(t, n.Instance.ID, other.ID), *other, normUser)

	// The username is free, and the id too: a user created with the same
	// id finds none of the deleted user's security profiles or tags.
	reborn := f.minimalUser(n, "ANA")
	reborn.ID = u.ID
	f.mustUser(t, reborn, "")
	checkEqual(t, "User(recreated with the same id)", *f.mustGetUser(t, n.Instance.ID, u.ID), *reborn, normUser)
}

func testDeleteUnknownUser(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	u := f.minimalUser(n, "ana")
	f.mustUser(t, u, "")
	err := f.s.DeleteUser(f.ctx, n.Instance.ID, f.newID())
	wantKind(t, "DeleteUser(unknown id)", err, connectlite.KindNotFound)
	err = f.s.DeleteUser(f.ctx, other.Instance.ID, u.ID)
	wantKind(t, "DeleteUser(id of another instance)", err, connectlite.KindNotFound)
	err = f.s.DeleteUser(f.ctx, f.newID(), u.ID)
	wantKind(t, "DeleteUser(unknown instance)", err, connectlite.KindNotFound)
	f.mustGetUser(t, n.Instance.ID, u.ID)
}

// taggable returns a reference to a resource of every taggable type that a
// new instance holds (all but hierarchy groups, which the Store cannot
// create here), and a user.
func (f *fixture) taggable(t *testing.T, n *connectlite.NewInstance) []connectlite.ResourceRef {
	t.Helper()
	u := f.minimalUser(n, "tagged"+f.newID()[:4])
	f.mustUser(t, u, "")
	inst := n.Instance.ID
	return []connectlite.ResourceRef{
		{InstanceID: inst, Type: connectlite.ARNInstance, ID: inst},
		{InstanceID: inst, Type: connectlite.ARNAgent, ID: u.ID},
		{InstanceID: inst, Type: connectlite.ARNSecurityProfile, ID: n.SecurityProfiles[2].ID},
		{InstanceID: inst, Type: connectlite.ARNRoutingProfile, ID: n.RoutingProfiles[0].ID},
		{InstanceID: inst, Type: connectlite.ARNQueue, ID: n.Queues[0].ID},
		{InstanceID: inst, Type: connectlite.ARNHoursOfOperation, ID: n.HoursOfOperations[0].ID},
	}
}

// mustSetTags replaces the resource's tags with want, stamping at and
// eu-west-2.
func (f *fixture) mustSetTags(t *testing.T, ref connectlite.ResourceRef, at time.Time, want map[string]string) {
	t.Helper()
	err := f.s.UpdateTags(f.ctx, ref, at, "eu-west-2", func(cur map[string]string) error {
		if cur == nil {
			return errors.New("mutate got a nil map")
		}
		maps.DeleteFunc(cur, func(string, string) bool { return true })
		maps.Copy(cur, want)
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateTags(%s %s): %v", ref.Type, ref.ID, err)
	}
}

func (f *fixture) mustTags(t *testing.T, ref connectlite.ResourceRef) map[string]string {
	t.Helper()
	tags, err := f.s.Tags(f.ctx, ref)
	if err != nil {
		t.Fatalf("Tags(%s %s): %v", ref.Type, ref.ID, err)
	}
	return tags
}

func testTagsEveryType(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	refs := f.taggable(t, n)
	otherRefs := f.taggable(t, other)
	covered := map[string]bool{connectlite.ARNHierarchyGroup: true}
	for i, ref := range refs {
		covered[ref.Type] = true
		t.Run(ref.Type, func(t *testing.T) {
			if tags := f.mustTags(t, ref); len(tags) != 0 {
				t.Fatalf("Tags of a new %s = %v, want none", ref.Type, tags)
			}
			want := map[string]string{"team": "blue", "cost-center": "42", "empty": "", "ünï:cödé/=+-@": "välue"}
			f.mustSetTags(t, ref, t0(), want)
			checkEqual(t, "Tags", f.mustTags(t, ref), want, nilIfEmptyMap)

			// Merging and removing: the store writes what mutate leaves.
			err := f.s.UpdateTags(f.ctx, ref, t0(), region, func(cur map[string]string) error {
				checkEqual(t, "tags given to mutate", cur, want, nilIfEmptyMap)
				delete(cur, "empty")
				cur["team"] = "red"
				cur["new"] = "1"
				return nil
			})
			if err != nil {
				t.Fatalf("UpdateTags: %v", err)
			}
			want = map[string]string{"team": "red", "cost-center": "42", "ünï:cödé/=+-@": "välue", "new": "1"}
			checkEqual(t, "Tags after merge", f.mustTags(t, ref), want, nilIfEmptyMap)

			// The same resource type in another instance is untouched, and
			// this resource is not reachable through the other instance.
			if tags := f.mustTags(t, otherRefs[i]); len(tags) != 0 {
				t.Fatalf("Tags of the %s of another instance = %v, want none", ref.Type, tags)
			}
			if ref.Type != connectlite.ARNInstance {
				cross := ref
				cross.InstanceID = other.Instance.ID
				_, err := f.s.Tags(f.ctx, cross)
				wantKind(t, "Tags(resource of another instance)", err, connectlite.KindNotFound)
			}

			f.mustSetTags(t, ref, t0(), nil)
			if tags := f.mustTags(t, ref); tags != nil {
				t.Fatalf("Tags after removing all = %#v, want nil", tags)
			}
		})
	}
	for _, typ := range connectlite.TaggableTypes {
		if !covered[typ] {
			t.Errorf("taggable type %s is not covered by this test", typ)
		}
	}
	// An instance's tags are its Tags member (a user's: see
	// testUpdateTagsUser).
	f.mustSetTags(t, refs[0], t0(), map[string]string{"env": "test"})
	inst, err := f.s.Instance(f.ctx, n.Instance.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "Instance.Tags", inst.Tags, map[string]string{"env": "test"}, nilIfEmptyMap)
}

func testUpdateTagsStamps(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	refs := f.taggable(t, n)
	at := time.Date(2025, 1, 2, 3, 4, 5, 678_000_000, time.FixedZone("X", -5*3600))
	for _, ref := range refs[2:4] { // the profiles, which the Store can list
		f.mustSetTags(t, ref, at, map[string]string{"k": "v"})
	}
	type stamp struct {
		tags   map[string]string
		time   time.Time
		region string
	}
	check := func(what, id string, got stamp) {
		t.Helper()
		want := stamp{nil, t0(), region}
		if id == refs[2].ID || id == refs[3].ID {
			want = stamp{map[string]string{"k": "v"}, normTime(at), "eu-west-2"}
		}
		if got.time.Location() != time.UTC {
			t.Errorf("%s %s: LastModifiedTime is in %v, want UTC", what, id, got.time.Location())
		}
		got.tags, got.time = nilIfEmptyMap(got.tags), normTime(got.time)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %s: tags, LastModifiedTime, LastModifiedRegion = %v, want %v", what, id, got, want)
		}
	}
	sps, _, err := f.s.ListSecurityProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range sps {
		check("security profile", p.ID, stamp{p.Tags, p.LastModifiedTime, p.LastModifiedRegion})
	}
	rps, _, err := f.s.ListRoutingProfiles(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rps {
		check("routing profile", p.ID, stamp{p.Tags, p.LastModifiedTime, p.LastModifiedRegion})
	}
	if len(sps) != len(n.SecurityProfiles) || len(rps) != len(n.RoutingProfiles) {
		t.Fatalf("listed %d security and %d routing profiles, want %d and %d",
			len(sps), len(rps), len(n.SecurityProfiles), len(n.RoutingProfiles))
	}
}

func testUpdateTagsUser(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.fullUser(n, "ana")
	f.mustUser(t, u, "")
	ref := connectlite.ResourceRef{InstanceID: n.Instance.ID, Type: connectlite.ARNAgent, ID: u.ID}
	checkEqual(t, "Tags(user created with tags)", f.mustTags(t, ref), u.Tags, nilIfEmptyMap)

	at := t0().Add(48 * time.Hour)
	f.mustSetTags(t, ref, at, map[string]string{"team": "green", "x": "y"})
	want := *u
	want.Tags = map[string]string{"team": "green", "x": "y"}
	want.LastModifiedTime, want.LastModifiedRegion = at, "eu-west-2"
	checkEqual(t, "User after UpdateTags", *f.mustGetUser(t, n.Instance.ID, u.ID), want, normUser)
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	checkEqual(t, "ListUsers after UpdateTags", listed[0], want, normUser)

	// UpdateUser sees and keeps them.
	updated, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
		checkEqual(t, "tags given to UpdateUser's mutate", cur.Tags, want.Tags, nilIfEmptyMap)
		cur.DirectoryUserID = "changed"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "Tags after UpdateUser", updated.Tags, want.Tags, nilIfEmptyMap)
}

func testUpdateTagsUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	for _, typ := range connectlite.TaggableTypes {
		refs := []connectlite.ResourceRef{
			{InstanceID: n.Instance.ID, Type: typ, ID: f.newID()},
			{InstanceID: f.newID(), Type: typ, ID: other.SecurityProfiles[0].ID},
		}
		if typ == connectlite.ARNInstance {
			refs = []connectlite.ResourceRef{{InstanceID: refs[0].ID, Type: typ, ID: refs[0].ID}}
		}
		for _, ref := range refs {
			_, err := f.s.Tags(f.ctx, ref)
			wantKind(t, fmt.Sprintf("Tags(unknown %s)", typ), err, connectlite.KindNotFound)
			err = f.s.UpdateTags(f.ctx, ref, t0(), region, func(map[string]string) error {
				t.Errorf("UpdateTags(unknown %s) called mutate", typ)
				return nil
			})
			wantKind(t, fmt.Sprintf("UpdateTags(unknown %s)", typ), err, connectlite.KindNotFound)
		}
	}
}

func testUpdateTagsMutateError(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	refs := f.taggable(t, n)
	for _, ref := range refs {
		f.mustSetTags(t, ref, t0(), map[string]string{"keep": "me"})
		sentinel := connectlite.Errorf(connectlite.KindInvalidParameter, "too many tags")
		err := f.s.UpdateTags(f.ctx, ref, t0().Add(time.Hour), "eu-central-1", func(cur map[string]string) error {
			cur["lost"] = "x"
			delete(cur, "keep")
			return sentinel
		})
		if !errors.Is(err, sentinel) {
			t.Fatalf("UpdateTags(%s) = %v, want mutate's error unchanged", ref.Type, err)
		}
		checkEqual(t, "Tags after failed UpdateTags of "+ref.Type, f.mustTags(t, ref), map[string]string{"keep": "me"}, nilIfEmptyMap)
	}
	u := f.mustGetUser(t, n.Instance.ID, refs[1].ID)
	if !u.LastModifiedTime.Equal(t0()) || u.LastModifiedRegion != "eu-west-2" {
		t.Errorf("user modified %v in %s after a failed UpdateTags, want %v in eu-west-2 (the last successful one)",
			u.LastModifiedTime, u.LastModifiedRegion, t0())
	}
}

func testTagsBadType(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	for _, typ := range []string{"", "contact-flow", "users", "AGENT"} {
		ref := connectlite.ResourceRef{InstanceID: n.Instance.ID, Type: typ, ID: n.SecurityProfiles[0].ID}
		_, err := f.s.Tags(f.ctx, ref)
		wantKind(t, fmt.Sprintf("Tags(type %q)", typ), err, connectlite.KindInvalidParameter)
		err = f.s.UpdateTags(f.ctx, ref, t0(), region, func(map[string]string) error { return nil })
		wantKind(t, fmt.Sprintf("UpdateTags(type %q)", typ), err, connectlite.KindInvalidParameter)
	}
}

func testConcurrentUpdateTags(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	refs := f.taggable(t, n)
	const updaters = 8
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, updaters*len(refs))
	for r, ref := range refs {
		for i := range updaters {
			wg.Go(func() {
				<-start
				errs[r*updaters+i] = f.s.UpdateTags(f.ctx, ref, t0(), region, func(cur map[string]string) error {
					cur[fmt.Sprintf("k%02d", i)] = "v"
					return nil
				})
			})
		}
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("UpdateTags #%d: %v", i, err)
		}
	}
	for _, ref := range refs {
		if got := f.mustTags(t, ref); len(got) != updaters {
			t.Errorf("after %d concurrent tag additions the %s has %d tags (%v); an update was lost", updaters, ref.Type, len(got), got)
		}
	}
}
