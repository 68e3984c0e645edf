// Package storetest is the conformance suite every connectlite.Store must
// pass. A store's own test calls Run with a function that opens a fresh,
// empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) connectlite.Store {
//			return mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
//		})
//	}
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// Run runs the conformance suite. open is called once per subtest and must
// return a fresh, empty store; Run closes it when the subtest ends (and
// fails the subtest if Close fails), so open must not close it itself.
func Run(t *testing.T, open func(t *testing.T) connectlite.Store) {
	runTests(t, open, []suiteTest{
		// Instances and their resources.
		{"CreateInstanceThenInstanceReturnsEveryField", testInstanceRoundTrip},
		{"UnknownInstanceIsNotFound", testUnknownInstance},
		{"DuplicateAliasIsInvalidRequestAndWritesNothing", testDuplicateAlias},
		{"InstancesWithoutAliasDoNotCollide", testInstancesWithoutAlias},
		{"CreateInstanceStoresDefaultResources", testDefaultResources},
		{"ListSecurityProfilesPagesEveryIDOnce", testListSecurityProfilesPages},
		{"ListRoutingProfilesPagesEveryIDOnce", testListRoutingProfilesPages},
		{"ListProfilesOfUnknownInstanceIsNotFound", testListProfilesUnknownInstance},
		{"ListInstancesFiltersRegionAndPagesEveryIDOnce", testListInstances},
		{"DeleteInstanceCascadesToEverythingInIt", testDeleteInstanceCascades},

		// Users.
		{"CreateUserRoundTripsEveryField", testCreateUserRoundTrip},
		{"CreateUserRoundTripsMinimalUser", testCreateUserMinimal},
		{"CreateUserWithHierarchyGroupRoundTrips", testCreateUserHierarchyGroup},
		{"PasswordHashIsNeverReturned", testPasswordHashNeverReturned},
		{"DuplicateUsernameIsDuplicate", testDuplicateUsername},
		{"SameUsernameInAnotherInstanceSucceeds", testSameUsernameOtherInstance},
		{"CreateUserInUnknownInstanceIsNotFound", testCreateUserUnknownInstance},
		{"CreateUserWithUnknownReferenceIsInvalidParameterAndWritesNothing", testCreateUserBadReferences},
		{"UnknownUserIsNotFound", testUnknownUser},
		{"UpdateUserAppliesMutation", testUpdateUser},
		{"UpdateUserChangingOnlyUsernameCaseSucceeds", testUpdateUserCaseOnlyRename},
		{"UpdateUserOfUnknownUserIsNotFound", testUpdateUserUnknown},
		{"UpdateUserMutateErrorChangesNothing", testUpdateUserMutateError},
		{"UpdateUserRenameToTakenUsernameIsDuplicate", testUpdateUserRenameTaken},
		{"UpdateUserWithUnknownReferenceIsInvalidParameter", testUpdateUserBadReference},
		{"ListUsersPagesEveryIDOnce", testListUsersPages},
		{"ListUsersDefaultLimitIs100", testListUsersDefaultLimit},
		{"ListUsersOfEmptyAndUnknownInstance", testListUsersEmptyAndUnknown},

		// Secrets and concurrency.
		{"TokenKeyIsStableAndShared", testTokenKey},
		{"ConcurrentCreateUserSameUsernameExactlyOneSucceeds", testConcurrentSameUsername},
		{"ConcurrentCreateUserDistinctUsernamesAllSucceed", testConcurrentDistinct},
		{"ConcurrentUpdateUserLosesNoUpdate", testConcurrentUpdate},
	})
	runLifecycle(t, open)
	runSearch(t, open)
	runQueues(t, open)        // queues.go
	runProfiles(t, open)      // profiles.go
	runHierarchy(t, open)     // hierarchy.go
	runUserSummaries(t, open) // user_summary.go
}

// suiteTest is one subtest of the suite.
type suiteTest struct {
	name string
	run  func(t *testing.T, f *fixture)
}

// runTests runs each test as a subtest with a fixture on a fresh store
// from open.
func runTests(t *testing.T, open func(t *testing.T) connectlite.Store, tests []suiteTest) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newFixture(t, open))
		})
	}
}

// Values the suite uses everywhere.
const (
	account      = "123456789012"
	otherAccount = "210987654321"
	region       = "us-west-2"
)

// t0 is the suite's fixed clock: a time with millisecond precision, which
// every store must keep exactly.
func t0() time.Time { return time.Date(2024, 3, 5, 7, 9, 11, 123_000_000, time.UTC) }

// fixture is one subtest's store, context and id generator.
type fixture struct {
	s   connectlite.Store
	ctx context.Context
	seq atomic.Uint64
}

func newFixture(t *testing.T, open func(t *testing.T) connectlite.Store) *fixture {
	t.Helper()
	s := open(t)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return &fixture{s: s, ctx: t.Context()}
}

// newID returns a deterministic lowercase UUID. Its sort order differs from
// its creation order, so a store cannot pass the ordering checks by
// returning rows in insertion order.
func (f *fixture) newID() string {
	n := f.seq.Add(1)
	return fmt.Sprintf("%08x-0000-4000-8000-%012x", uint32(n*2654435761), n)
}

// instanceOpts varies the instances the suite creates.
type instanceOpts struct {
	account, region, alias string
	ids                    connectlite.IDs
}

// build returns a new instance (not yet stored) with the default resources.
func (f *fixture) build(o instanceOpts) *connectlite.NewInstance {
	if o.account == "" {
		o.account = account
	}
	if o.region == "" {
		o.region = region
	}
	inst := connectlite.Instance{
		AccountID:              o.account,
		Region:                 o.region,
		IdentityManagementType: connectlite.IdentityConnectManaged,
		Alias:                  o.alias,
		InboundCallsEnabled:    true,
		OutboundCallsEnabled:   false,
		CreatedTime:            t0(),
		ClientToken:            "token-" + o.alias,
	}
	return connectlite.BuildNewInstance(inst, o.ids, f.newID)
}

// mustInstance builds and stores an instance.
func (f *fixture) mustInstance(t *testing.T, o instanceOpts) *connectlite.NewInstance {
	t.Helper()
	if o.alias == "" {
		o.alias = "inst" + strings.ReplaceAll(f.newID()[:8], "-", "")
	}
	n := f.build(o)
	if err := f.s.CreateInstance(f.ctx, n); err != nil {
		t.Fatalf("CreateInstance(%s): %v", o.alias, err)
	}
	return n
}

// minimalUser is a user with only the required members.
func (f *fixture) minimalUser(n *connectlite.NewInstance, username string) *connectlite.User {
	return &connectlite.User{
		InstanceID:         n.Instance.ID,
		ID:                 f.newID(),
		Username:           username,
		PhoneConfig:        connectlite.PhoneConfig{PhoneType: connectlite.PhoneTypeSoft},
		SecurityProfileIDs: []string{n.SecurityProfiles[1].ID},
		RoutingProfileID:   n.RoutingProfiles[0].ID,
		LastModifiedTime:   t0(),
		LastModifiedRegion: n.Instance.Region,
	}
}

// fullUser is a user with every member set, optional pointers included.
func (f *fixture) fullUser(n *connectlite.NewInstance, username string) *connectlite.User {
	// Several profiles, deliberately not in id order.
	var sps []string
	for _, p := range n.SecurityProfiles[:3] {
		sps = append(sps, p.ID)
	}
	slices.Sort(sps)
	slices.Reverse(sps)
	return &connectlite.User{
		InstanceID: n.Instance.ID,
		ID:         f.newID(),
		Username:   username,
		IdentityInfo: connectlite.IdentityInfo{
			FirstName:      "Ána",
			LastName:       "Lee-Smith",
			Email:          "ana@example.com",
			SecondaryEmail: "ana.lee@example.org",
			Mobile:         "+14255550100",
		},
		PhoneConfig: connectlite.PhoneConfig{
			PhoneType:                 connectlite.PhoneTypeDesk,
			AutoAccept:                true,
			AfterContactWorkTimeLimit: 45,
			DeskPhoneNumber:           "+14255550111",
			PersistentConnection:      ptr(false),
		},
		AutoAcceptConfigs: []connectlite.AutoAcceptConfig{
			{Channel: "VOICE", AutoAccept: true, AgentFirstCallbackAutoAccept: ptr(false)},
			{Channel: "CHAT", AutoAccept: false},
		},
		AfterContactWorkConfigs: []connectlite.AfterContactWorkConfigPerChannel{
			{
				Channel:                                  "VOICE",
				AfterContactWorkConfig:                   connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: ptr[int32](0)},
				AgentFirstCallbackAfterContactWorkConfig: &connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: ptr[int32](30)},
			},
			{Channel: "TASK"},
			{
				Channel:                                  "CHAT",
				AfterContactWorkConfig:                   connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: ptr[int32](120)},
				AgentFirstCallbackAfterContactWorkConfig: &connectlite.AfterContactWorkConfig{},
			},
		},
		PhoneNumberConfigs: []connectlite.PhoneNumberConfig{
			{Channel: "VOICE", PhoneType: connectlite.PhoneTypeDesk, PhoneNumber: "+14255550111"},
		},
		PersistentConnectionConfigs: []connectlite.PersistentConnectionConfig{{Channel: "VOICE", PersistentConnection: true}},
		VoiceEnhancementConfigs:     []connectlite.VoiceEnhancementConfig{{Channel: "VOICE", VoiceEnhancementMode: "NOISE_SUPPRESSION"}},
		DirectoryUserID:             "dir-" + username,
		SecurityProfileIDs:          sps,
		RoutingProfileID:            n.RoutingProfiles[0].ID,
		Tags:                        map[string]string{"team": "blue", "cost-center": "42", "empty": ""},
		// A zone other than UTC: the store must return the same instant in UTC.
		LastModifiedTime:   time.Date(2024, 3, 5, 9, 9, 11, 456_000_000, time.FixedZone("CET", 3600)),
		LastModifiedRegion: n.Instance.Region,
	}
}

// mustUser stores u.
func (f *fixture) mustUser(t *testing.T, u *connectlite.User, hash string) {
	t.Helper()
	if err := f.s.CreateUser(f.ctx, u, hash); err != nil {
		t.Fatalf("CreateUser(%s): %v", u.Username, err)
	}
}

// mustGetUser reads a user that must exist.
func (f *fixture) mustGetUser(t *testing.T, instanceID, userID string) *connectlite.User {
	t.Helper()
	u, err := f.s.User(f.ctx, instanceID, userID)
	if err != nil {
		t.Fatalf("User(%s): %v", userID, err)
	}
	return u
}

// allUsers pages through ListUsers with the given limit and returns every
// user and the size of each page. It fails on a repeated id, an order
// violation, a page longer than limit or an empty page that is not the last.
func (f *fixture) allUsers(t *testing.T, instanceID string, limit int) ([]connectlite.User, []int) {
	t.Helper()
	var (
		all   []connectlite.User
		sizes []int
		after string
	)
	for {
		if len(sizes) > 10000 {
			t.Fatalf("ListUsers: more than 10000 pages; the cursor does not advance")
		}
		items, next, err := f.s.ListUsers(f.ctx, instanceID, connectlite.PageRequest{Limit: limit, After: after})
		if err != nil {
			t.Fatalf("ListUsers(after %q): %v", after, err)
		}
		if limit > 0 && len(items) > limit {
			t.Fatalf("ListUsers: page has %d users, want at most %d", len(items), limit)
		}
		all = append(all, items...)
		sizes = append(sizes, len(items))
		if next == "" {
			break
		}
		if len(items) == 0 {
			t.Fatalf("ListUsers: empty page with next %q", next)
		}
		after = next
	}
	checkOrderedOnce(t, "ListUsers", ids(all, func(u connectlite.User) string { return u.ID }))
	return all, sizes
}

// allPages pages through op, listed by list, with limit and returns every
// item. It fails on more than 1000 pages, a page longer than limit, an
// empty page that is not the last and ids that are not strictly ascending.
func allPages[T any](t *testing.T, op string, limit int, list func(connectlite.PageRequest) ([]T, string, error),
	id func(T) string) []T {
	t.Helper()
	var all []T
	after := ""
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatalf("%s: more than 1000 pages; the cursor does not advance", op)
		}
		items, next, err := list(connectlite.PageRequest{Limit: limit, After: after})
		if err != nil {
			t.Fatalf("%s(after %q): %v", op, after, err)
		}
		if limit > 0 && len(items) > limit {
			t.Fatalf("%s: page has %d items, want at most %d", op, len(items), limit)
		}
		all = append(all, items...)
		if next == "" {
			break
		}
		if len(items) == 0 {
			t.Fatalf("%s: empty page with next %q", op, next)
		}
		after = next
	}
	checkOrderedOnce(t, op, ids(all, id))
	return all
}

// checkOrderedOnce fails unless ids are strictly ascending (so each appears
// once).
func checkOrderedOnce(t *testing.T, what string, ids []string) {
	t.Helper()
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			t.Fatalf("%s: id %q follows %q; want every id once, in ascending order (all: %v)", what, ids[i], ids[i-1], ids)
		}
	}
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

// wantKind fails unless err has kind want.
func wantKind(t *testing.T, op string, err error, want connectlite.Kind) {
	t.Helper()
	if got := connectlite.KindOf(err); got != want || err == nil {
		t.Fatalf("%s: kind = %v, want %v (err: %v)", op, got, want, err)
	}
}

// wantMessage fails unless err's message is want.
func wantMessage(t *testing.T, op string, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: err = nil, want message %q", op, want)
	}
	var e *connectlite.Error
	got := err.Error()
	if errors.As(err, &e) {
		got = e.Message
	}
	if got != want {
		t.Fatalf("%s: message = %q, want %q", op, got, want)
	}
}

func ptr[T any](v T) *T { return &v }

// ---- comparison ----------------------------------------------------------

// The comparisons below treat an empty list or map like a nil one, and
// compare times as instants; every time a store returns must be in UTC.

func normTime(tm time.Time) time.Time {
	if tm.IsZero() {
		return time.Time{}
	}
	return time.Unix(0, tm.UnixNano()).UTC()
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

func nilIfEmptyMap(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}

func normUser(u connectlite.User) connectlite.User {
	u.AutoAcceptConfigs = nilIfEmpty(u.AutoAcceptConfigs)
	u.AfterContactWorkConfigs = nilIfEmpty(u.AfterContactWorkConfigs)
	u.PhoneNumberConfigs = nilIfEmpty(u.PhoneNumberConfigs)
	u.PersistentConnectionConfigs = nilIfEmpty(u.PersistentConnectionConfigs)
	u.VoiceEnhancementConfigs = nilIfEmpty(u.VoiceEnhancementConfigs)
	u.SecurityProfileIDs = nilIfEmpty(u.SecurityProfileIDs)
	u.Tags = nilIfEmptyMap(u.Tags)
	u.LastModifiedTime = normTime(u.LastModifiedTime)
	return u
}

func normInstance(i connectlite.Instance) connectlite.Instance {
	i.Tags = nilIfEmptyMap(i.Tags)
	i.CreatedTime = normTime(i.CreatedTime)
	return i
}

func normSecurityProfile(p connectlite.SecurityProfile) connectlite.SecurityProfile {
	p.Permissions = nilIfEmpty(p.Permissions)
	p.Tags = nilIfEmptyMap(p.Tags)
	p.LastModifiedTime = normTime(p.LastModifiedTime)
	return p
}

func normRoutingProfile(p connectlite.RoutingProfile) connectlite.RoutingProfile {
	p.MediaConcurrencies = nilIfEmpty(p.MediaConcurrencies)
	p.QueueConfigs = nilIfEmpty(p.QueueConfigs)
	p.Tags = nilIfEmptyMap(p.Tags)
	p.LastModifiedTime = normTime(p.LastModifiedTime)
	return p
}

// checkEqual fails unless got equals want after norm, printing both.
func checkEqual[T any](t *testing.T, what string, got, want T, norm func(T) T) {
	t.Helper()
	g, w := norm(got), norm(want)
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%s: got\n%s\nwant\n%s", what, dump(g), dump(w))
	}
}

func dump(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(b)
}

// checkUTC fails if a non-zero time in v is not in UTC.
func checkUTC(t *testing.T, what string, v any) {
	t.Helper()
	walk(reflect.ValueOf(v), func(x reflect.Value) {
		if tm, ok := x.Interface().(time.Time); ok && !tm.IsZero() && tm.Location() != time.UTC {
			t.Errorf("%s: time %v is in %v, want UTC", what, tm, tm.Location())
		}
	})
}

// walk calls fn on v and, recursively, on everything v holds.
func walk(v reflect.Value, fn func(reflect.Value)) {
	if !v.IsValid() {
		return
	}
	if v.CanInterface() {
		fn(v)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), fn)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return
		}
		for i := range v.NumField() {
			walk(v.Field(i), fn)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i), fn)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			walk(it.Key(), fn)
			walk(it.Value(), fn)
		}
	}
}
