package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

func testCreateUserRoundTrip(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.fullUser(n, "ana.lee")
	f.mustUser(t, u, "$2a$10$abcdefghijklmnopqrstuuvwxyz0123456789ABCDEFGHIJKLMNOPQ")

	got := f.mustGetUser(t, n.Instance.ID, u.ID)
	checkEqual(t, "User", *got, *u, normUser)
	checkUTC(t, "User", got)
	if got.ARN != "" {
		t.Errorf("User: ARN = %q, want \"\" (the Service derives ARNs)", got.ARN)
	}
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	if len(listed) != 1 {
		t.Fatalf("ListUsers: %d users, want 1", len(listed))
	}
	checkEqual(t, "ListUsers[0]", listed[0], *u, normUser)
	checkUTC(t, "ListUsers[0]", listed[0])
}

func testCreateUserMinimal(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.minimalUser(n, "bob")
	f.mustUser(t, u, "")
	got := f.mustGetUser(t, n.Instance.ID, u.ID)
	checkEqual(t, "User", *got, *u, normUser)
	if got.PhoneConfig.PersistentConnection != nil {
		t.Errorf("PhoneConfig.PersistentConnection = %v, want nil (not given)", *got.PhoneConfig.PersistentConnection)
	}
	if got.HierarchyGroupID != "" {
		t.Errorf("HierarchyGroupID = %q, want \"\"", got.HierarchyGroupID)
	}
}

func testCreateUserHierarchyGroup(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	f.mustStructure(t, n.Instance.ID, "Region", "Team")
	team := f.mustGroup(t, n.Instance.ID, "Team", f.mustGroup(t, n.Instance.ID, "Region", "").ID)
	u := f.fullUser(n, "ana")
	u.HierarchyGroupID = team.ID
	f.mustUser(t, u, "")
	checkEqual(t, "User", *f.mustGetUser(t, n.Instance.ID, u.ID), *u, normUser)
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	if len(listed) != 1 || listed[0].HierarchyGroupID != team.ID {
		t.Fatalf("ListUsers = %+v, want the user in group %s", listed, team.ID)
	}
}

func testPasswordHashNeverReturned(t *testing.T, f *fixture) {
	const marker = "SECRETHASHMARKER"
	n := f.mustInstance(t, instanceOpts{})
	u := f.fullUser(n, "ana")
	f.mustUser(t, u, "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHQ$"+marker)
	check := func(what string, v any) {
		t.Helper()
		walk(reflect.ValueOf(v), func(x reflect.Value) {
			if x.Kind() == reflect.String && strings.Contains(x.String(), marker) {
				t.Errorf("%s carries the password hash: %q", what, x.String())
			}
		})
	}
	check("User", f.mustGetUser(t, n.Instance.ID, u.ID))
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	check("ListUsers", listed)
	updated, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
		check("the user given to mutate", cur)
		cur.LastModifiedRegion = "eu-west-2"
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateUser: %v", err)
	}
	check("UpdateUser", updated)
}

func duplicateMessage(username, instanceID string) string {
	return fmt.Sprintf("The user %s is already associated with the Amazon Connect instance %s", username, instanceID)
}

func testDuplicateUsername(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	first := f.minimalUser(n, "ana.lee")
	f.mustUser(t, first, "")
	for _, name := range []string{"ana.lee", "Ana.Lee", "ANA.LEE"} {
		u := f.fullUser(n, name)
		err := f.s.CreateUser(f.ctx, u, "")
		wantKind(t, "CreateUser("+name+")", err, connectlite.KindDuplicate)
		wantMessage(t, "CreateUser("+name+")", err, duplicateMessage(name, n.Instance.ID))
		_, err = f.s.User(f.ctx, n.Instance.ID, u.ID)
		wantKind(t, "User(rejected "+name+")", err, connectlite.KindNotFound)
	}
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	if len(listed) != 1 || listed[0].ID != first.ID {
		t.Fatalf("ListUsers = %v, want only %s", ids(listed, func(u connectlite.User) string { return u.ID }), first.ID)
	}
	checkEqual(t, "first user", listed[0], *first, normUser)
}

func testSameUsernameOtherInstance(t *testing.T, f *fixture) {
	a := f.mustInstance(t, instanceOpts{})
	b := f.mustInstance(t, instanceOpts{})
	ua, ub := f.minimalUser(a, "ana"), f.minimalUser(b, "ana")
	f.mustUser(t, ua, "")
	f.mustUser(t, ub, "")
	checkEqual(t, "User(a)", *f.mustGetUser(t, a.Instance.ID, ua.ID), *ua, normUser)
	checkEqual(t, "User(b)", *f.mustGetUser(t, b.Instance.ID, ub.ID), *ub, normUser)
}

func testCreateUserUnknownInstance(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.minimalUser(n, "ana")
	u.InstanceID = f.newID()
	// Its references do not exist in the unknown instance either: the
	// missing instance must win.
	wantKind(t, "CreateUser(unknown instance)", f.s.CreateUser(f.ctx, u, ""), connectlite.KindNotFound)
}

// badReferences are users whose references do not exist in their instance.
func badReferences(f *fixture, n, other *connectlite.NewInstance) []struct {
	name    string
	mod     func(u *connectlite.User)
	missing string
} {
	missing := f.newID()
	return []struct {
		name    string
		mod     func(u *connectlite.User)
		missing string
	}{
		{"UnknownSecurityProfile", func(u *connectlite.User) {
			u.SecurityProfileIDs = []string{n.SecurityProfiles[0].ID, missing}
		}, missing},
		{"SecurityProfileOfAnotherInstance", func(u *connectlite.User) {
			u.SecurityProfileIDs = []string{other.SecurityProfiles[0].ID}
		}, other.SecurityProfiles[0].ID},
		{"UnknownRoutingProfile", func(u *connectlite.User) { u.RoutingProfileID = missing }, missing},
		{"RoutingProfileOfAnotherInstance", func(u *connectlite.User) {
			u.RoutingProfileID = other.RoutingProfiles[0].ID
		}, other.RoutingProfiles[0].ID},
		{"UnknownHierarchyGroup", func(u *connectlite.User) { u.HierarchyGroupID = missing }, missing},
	}
}

func testCreateUserBadReferences(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	for _, tc := range badReferences(f, n, other) {
		t.Run(tc.name, func(t *testing.T) {
			u := f.fullUser(n, "ana")
			tc.mod(u)
			err := f.s.CreateUser(f.ctx, u, "")
			wantKind(t, "CreateUser", err, connectlite.KindInvalidParameter)
			if !strings.Contains(err.Error(), tc.missing) {
				t.Errorf("CreateUser: message %q does not name the missing id %s", err, tc.missing)
			}
			_, err = f.s.User(f.ctx, n.Instance.ID, u.ID)
			wantKind(t, "User(rejected)", err, connectlite.KindNotFound)
		})
	}
	// Nothing was written: no user, and the username is still free.
	if listed, _ := f.allUsers(t, n.Instance.ID, 0); len(listed) != 0 {
		t.Fatalf("ListUsers after rejected creates: %d users, want 0", len(listed))
	}
	f.mustUser(t, f.fullUser(n, "ana"), "")

	// A request that is wrong in both ways is told about the reference
	// first: the references are checked before the username is claimed.
	for _, tc := range badReferences(f, n, other) {
		t.Run("DuplicateUsernameAnd"+tc.name, func(t *testing.T) {
			u := f.fullUser(n, "ANA")
			tc.mod(u)
			err := f.s.CreateUser(f.ctx, u, "")
			wantKind(t, "CreateUser", err, connectlite.KindInvalidParameter)
			if !strings.Contains(err.Error(), tc.missing) {
				t.Errorf("CreateUser: message %q does not name the missing id %s", err, tc.missing)
			}
		})
	}
	// An unknown instance comes before everything else.
	u := f.fullUser(n, "ana")
	u.InstanceID = f.newID()
	u.RoutingProfileID = f.newID()
	wantKind(t, "CreateUser(unknown instance, unknown routing profile)", f.s.CreateUser(f.ctx, u, ""), connectlite.KindNotFound)
}

func testUnknownUser(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	u := f.minimalUser(n, "ana")
	f.mustUser(t, u, "")
	_, err := f.s.User(f.ctx, n.Instance.ID, f.newID())
	wantKind(t, "User(unknown id)", err, connectlite.KindNotFound)
	_, err = f.s.User(f.ctx, other.Instance.ID, u.ID)
	wantKind(t, "User(id of another instance)", err, connectlite.KindNotFound)
	_, err = f.s.User(f.ctx, f.newID(), u.ID)
	wantKind(t, "User(unknown instance)", err, connectlite.KindNotFound)
}

// withSalesProfile builds and stores an instance with a second routing
// profile, so a user can move between routing profiles.
func (f *fixture) withSalesProfile(t *testing.T) *connectlite.NewInstance {
	t.Helper()
	n := f.build(instanceOpts{alias: "sales" + strings.ReplaceAll(f.newID()[:8], "-", "")})
	n.RoutingProfiles = append(n.RoutingProfiles, connectlite.RoutingProfile{
		InstanceID: n.Instance.ID, ID: f.newID(), Name: "Sales", DefaultOutboundQueueID: n.Queues[0].ID,
		MediaConcurrencies: []connectlite.MediaConcurrency{{Channel: "VOICE", Concurrency: 1}},
		LastModifiedTime:   t0(), LastModifiedRegion: region,
	})
	if err := f.s.CreateInstance(f.ctx, n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	return n
}

func testUpdateUser(t *testing.T, f *fixture) {
	n := f.withSalesProfile(t)
	u := f.fullUser(n, "ana")
	f.mustUser(t, u, "hash")
	change := func(cur *connectlite.User) {
		cur.Username = "ana.renamed"
		cur.IdentityInfo = connectlite.IdentityInfo{FirstName: "Anna", LastName: "Lee", Email: "anna@example.com"}
		cur.PhoneConfig = connectlite.PhoneConfig{PhoneType: connectlite.PhoneTypeSoft, PersistentConnection: ptr(true)}
		cur.AutoAcceptConfigs = nil
		cur.AfterContactWorkConfigs = []connectlite.AfterContactWorkConfigPerChannel{
			{Channel: "EMAIL", AfterContactWorkConfig: connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: ptr[int32](5)}},
		}
		cur.PhoneNumberConfigs = nil
		cur.PersistentConnectionConfigs = []connectlite.PersistentConnectionConfig{{Channel: "VOICE"}}
		cur.VoiceEnhancementConfigs = []connectlite.VoiceEnhancementConfig{{Channel: "VOICE", VoiceEnhancementMode: "NONE"}}
		cur.DirectoryUserID = "dir-2"
		cur.SecurityProfileIDs = []string{n.SecurityProfiles[3].ID, n.SecurityProfiles[0].ID}
		cur.RoutingProfileID = n.RoutingProfiles[1].ID
		cur.Tags = map[string]string{"team": "red", "new": "1"}
		cur.LastModifiedTime = t0().Add(time.Hour + 7*time.Millisecond)
		cur.LastModifiedRegion = "eu-west-2"
	}
	want := *u
	change(&want)

	calls := 0
	got, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
		calls++
		if g, w := normUser(*cur), normUser(*u); !reflect.DeepEqual(g, w) {
			t.Errorf("user given to mutate:\n%s\nwant the stored user\n%s", dump(g), dump(w))
		}
		change(cur)
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateUser: %v", err)
	}
	if calls != 1 {
		t.Errorf("mutate called %d times, want 1", calls)
	}
	checkEqual(t, "UpdateUser result", *got, want, normUser)
	checkUTC(t, "UpdateUser result", got)
	checkEqual(t, "User after update", *f.mustGetUser(t, n.Instance.ID, u.ID), want, normUser)
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	if len(listed) != 1 {
		t.Fatalf("ListUsers: %d users, want 1", len(listed))
	}
	checkEqual(t, "ListUsers after update", listed[0], want, normUser)

	// The old username is free, the new one taken.
	f.mustUser(t, f.minimalUser(n, "ANA"), "")
	err = f.s.CreateUser(f.ctx, f.minimalUser(n, "Ana.Renamed"), "")
	wantKind(t, "CreateUser(new name of the updated user)", err, connectlite.KindDuplicate)
}

func testUpdateUserCaseOnlyRename(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.minimalUser(n, "ana")
	f.mustUser(t, u, "")
	got, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
		cur.Username = "Ana"
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateUser(ana -> Ana): %v", err)
	}
	if got.Username != "Ana" {
		t.Errorf("Username = %q, want %q", got.Username, "Ana")
	}
	err = f.s.CreateUser(f.ctx, f.minimalUser(n, "ana"), "")
	wantKind(t, "CreateUser(ana after rename to Ana)", err, connectlite.KindDuplicate)
}

func testUpdateUserUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	u := f.minimalUser(n, "ana")
	f.mustUser(t, u, "")
	for _, tc := range []struct{ name, instanceID, userID string }{
		{"UnknownUser", n.Instance.ID, f.newID()},
		{"UserOfAnotherInstance", other.Instance.ID, u.ID},
		{"UnknownInstance", f.newID(), u.ID},
	} {
		called := false
		_, err := f.s.UpdateUser(f.ctx, tc.instanceID, tc.userID, func(*connectlite.User) error {
			called = true
			return nil
		})
		wantKind(t, "UpdateUser("+tc.name+")", err, connectlite.KindNotFound)
		if called {
			t.Errorf("UpdateUser(%s): mutate was called", tc.name)
		}
	}
}

func testUpdateUserMutateError(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.fullUser(n, "ana")
	f.mustUser(t, u, "")
	sentinel := errors.New("mutate refused")
	domain := connectlite.Errorf(connectlite.KindInvalidRequest, "PhoneConfig conflicts with AutoAcceptConfigs")
	for _, want := range []error{sentinel, domain} {
		got, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
			cur.Username = "zed"
			cur.IdentityInfo.FirstName = "Changed"
			cur.SecurityProfileIDs = []string{n.SecurityProfiles[3].ID}
			cur.Tags = map[string]string{"x": "y"}
			cur.LastModifiedTime = t0().Add(time.Hour)
			return want
		})
		if !errors.Is(err, want) {
			t.Fatalf("UpdateUser: err = %v, want the error mutate returned (%v)", err, want)
		}
		if got != nil {
			t.Errorf("UpdateUser: returned user %+v with an error", got)
		}
		checkEqual(t, "User after failed update", *f.mustGetUser(t, n.Instance.ID, u.ID), *u, normUser)
	}
	f.mustUser(t, f.minimalUser(n, "zed"), "") // the name was never taken
}

func testUpdateUserRenameTaken(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	ana, bob := f.minimalUser(n, "ana"), f.fullUser(n, "bob")
	f.mustUser(t, ana, "")
	f.mustUser(t, bob, "")
	for _, name := range []string{"ana", "ANA"} {
		_, err := f.s.UpdateUser(f.ctx, n.Instance.ID, bob.ID, func(cur *connectlite.User) error {
			cur.Username = name
			cur.IdentityInfo.FirstName = "Changed"
			return nil
		})
		wantKind(t, "UpdateUser(bob -> "+name+")", err, connectlite.KindDuplicate)
		wantMessage(t, "UpdateUser(bob -> "+name+")", err, duplicateMessage(name, n.Instance.ID))
		checkEqual(t, "bob after failed rename", *f.mustGetUser(t, n.Instance.ID, bob.ID), *bob, normUser)
	}
}

func testUpdateUserBadReference(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	u := f.fullUser(n, "ana")
	f.mustUser(t, u, "")
	for _, tc := range badReferences(f, n, other) {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
				cur.Username = "renamed"
				tc.mod(cur)
				return nil
			})
			wantKind(t, "UpdateUser", err, connectlite.KindInvalidParameter)
			if !strings.Contains(err.Error(), tc.missing) {
				t.Errorf("UpdateUser: message %q does not name the missing id %s", err, tc.missing)
			}
			checkEqual(t, "User after failed update", *f.mustGetUser(t, n.Instance.ID, u.ID), *u, normUser)
		})
	}
}

func testListUsersPages(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	want := map[string]*connectlite.User{}
	for i := range 25 {
		u := f.minimalUser(n, fmt.Sprintf("user%02d", i))
		if i%3 == 0 {
			u = f.fullUser(n, fmt.Sprintf("user%02d", i))
		}
		f.mustUser(t, u, "")
		want[u.ID] = u
	}
	for i := range 3 {
		f.mustUser(t, f.minimalUser(other, fmt.Sprintf("user%02d", i)), "")
	}
	for _, tc := range []struct {
		limit int
		sizes []int
	}{
		{7, []int{7, 7, 7, 4}},
		{5, []int{5, 5, 5, 5, 5}}, // the last full page must say it is the last
		{1000, []int{25}},
	} {
		got, sizes := f.allUsers(t, n.Instance.ID, tc.limit)
		if !slices.Equal(sizes, tc.sizes) {
			t.Errorf("ListUsers(limit %d): page sizes = %v, want %v", tc.limit, sizes, tc.sizes)
		}
		if len(got) != len(want) {
			t.Fatalf("ListUsers(limit %d): %d users, want %d", tc.limit, len(got), len(want))
		}
		for _, g := range got {
			w, ok := want[g.ID]
			if !ok {
				t.Fatalf("ListUsers(limit %d): unexpected user %s (%s)", tc.limit, g.ID, g.Username)
			}
			checkEqual(t, "listed user "+g.Username, g, *w, normUser)
		}
	}
}

func testListUsersDefaultLimit(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	for i := range 101 {
		f.mustUser(t, f.minimalUser(n, fmt.Sprintf("u%03d", i)), "")
	}
	for _, limit := range []int{0, -1} {
		page, next, err := f.s.ListUsers(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: limit})
		if err != nil || len(page) != 100 || next == "" {
			t.Fatalf("ListUsers(limit %d) = %d users, next %q, err %v; want 100, a cursor, nil", limit, len(page), next, err)
		}
		rest, next2, err := f.s.ListUsers(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: limit, After: next})
		if err != nil || len(rest) != 1 || next2 != "" {
			t.Fatalf("ListUsers(limit %d, second page) = %d users, next %q, err %v; want 1, \"\", nil", limit, len(rest), next2, err)
		}
		all := append(ids(page, func(u connectlite.User) string { return u.ID }), rest[0].ID)
		checkOrderedOnce(t, "ListUsers(default limit)", all)
	}
}

func testListUsersEmptyAndUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	page, next, err := f.s.ListUsers(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	if err != nil || len(page) != 0 || next != "" {
		t.Fatalf("ListUsers(empty instance) = %d users, next %q, err %v; want 0, \"\", nil", len(page), next, err)
	}
	_, _, err = f.s.ListUsers(f.ctx, f.newID(), connectlite.PageRequest{})
	wantKind(t, "ListUsers(unknown instance)", err, connectlite.KindNotFound)
}

func testTokenKey(t *testing.T, f *fixture) {
	// Concurrent first calls must agree on one key.
	keys := make([][]byte, 8)
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range keys {
		wg.Go(func() {
			<-start
			keys[i], errs[i] = f.s.TokenKey(f.ctx)
		})
	}
	close(start)
	wg.Wait()
	for i := range keys {
		if errs[i] != nil {
			t.Fatalf("TokenKey #%d: %v", i, errs[i])
		}
		if len(keys[i]) < 32 {
			t.Fatalf("TokenKey: %d bytes, want at least 32", len(keys[i]))
		}
		if !slices.Equal(keys[i], keys[0]) {
			t.Fatalf("TokenKey #%d = %x, want the same key as #0 (%x)", i, keys[i], keys[0])
		}
	}
	if slices.Equal(keys[0], make([]byte, len(keys[0]))) {
		t.Fatalf("TokenKey is all zero bytes")
	}
	again, err := f.s.TokenKey(f.ctx)
	if err != nil || !slices.Equal(again, keys[0]) {
		t.Fatalf("TokenKey again = %x, %v; want %x, nil", again, err, keys[0])
	}
}

func testConcurrentSameUsername(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	const racers = 20
	users := make([]*connectlite.User, racers)
	errs := make([]error, racers)
	for i := range users {
		name := "racer"
		if i%2 == 1 {
			name = "Racer" // the same username to the store
		}
		users[i] = f.minimalUser(n, name)
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range users {
		wg.Go(func() {
			<-start
			errs[i] = f.s.CreateUser(f.ctx, users[i], "")
		})
	}
	close(start)
	wg.Wait()
	winner := ""
	for i, err := range errs {
		switch {
		case err == nil && winner == "":
			winner = users[i].ID
		case err == nil:
			t.Errorf("CreateUser #%d succeeded too; want exactly one success", i)
		default:
			wantKind(t, fmt.Sprintf("CreateUser #%d", i), err, connectlite.KindDuplicate)
		}
	}
	if winner == "" {
		t.Fatalf("no CreateUser succeeded; want exactly one (errors: %v)", errs)
	}
	listed, _ := f.allUsers(t, n.Instance.ID, 0)
	if len(listed) != 1 || listed[0].ID != winner {
		t.Fatalf("ListUsers = %v, want only the winner %s", ids(listed, func(u connectlite.User) string { return u.ID }), winner)
	}
}

func testConcurrentDistinct(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	const creators = 20
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, creators)
	want := make([]string, creators)
	for i := range creators {
		u := f.fullUser(n, fmt.Sprintf("agent%02d", i))
		want[i] = u.ID
		wg.Go(func() {
			<-start
			errs[i] = f.s.CreateUser(f.ctx, u, "")
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("CreateUser #%d: %v", i, err)
		}
	}
	listed, _ := f.allUsers(t, n.Instance.ID, 7)
	got := ids(listed, func(u connectlite.User) string { return u.ID })
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("ListUsers ids = %v, want %v", got, want)
	}
}

func testConcurrentUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	u := f.minimalUser(n, "ana")
	f.mustUser(t, u, "")
	const updaters = 20
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, updaters)
	for i := range updaters {
		wg.Go(func() {
			<-start
			_, errs[i] = f.s.UpdateUser(f.ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
				if cur.Tags == nil {
					cur.Tags = map[string]string{}
				}
				cur.Tags[fmt.Sprintf("k%02d", i)] = "v"
				return nil
			})
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("UpdateUser #%d: %v", i, err)
		}
	}
	if got := f.mustGetUser(t, n.Instance.ID, u.ID).Tags; len(got) != updaters {
		t.Fatalf("after %d concurrent tag additions the user has %d tags (%v); an update was lost", updaters, len(got), got)
	}
}
