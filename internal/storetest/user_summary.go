package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// runUserSummaries runs the subtests of ListUserSummaries.
func runUserSummaries(t *testing.T, open func(t *testing.T) connectlite.Store) {
	runTests(t, open, []suiteTest{
		{"ListUserSummariesPagesEveryIDOnceWithEveryField", testListUserSummariesPages},
		{"ListUserSummariesMatchesListUsersPageForPage", testListUserSummariesMatchListUsers},
		{"ListUserSummariesDefaultLimitIs100", testListUserSummariesDefaultLimit},
		{"ListUserSummariesOfEmptyUnknownAndDeletedInstance", testListUserSummariesEmptyAndUnknown},
		{"ListUserSummariesSeesRenamesAndDeletes", testListUserSummariesSeesChanges},
	})
}

// summaryOf is the summary a store must list for u.
func summaryOf(u *connectlite.User) connectlite.UserSummary {
	return connectlite.UserSummary{ID: u.ID, Username: u.Username,
		LastModifiedTime: u.LastModifiedTime, LastModifiedRegion: u.LastModifiedRegion}
}

func normSummary(s connectlite.UserSummary) connectlite.UserSummary {
	s.LastModifiedTime = normTime(s.LastModifiedTime)
	return s
}

// allSummaries pages through ListUserSummaries with limit.
func (f *fixture) allSummaries(t *testing.T, instanceID string, limit int) []connectlite.UserSummary {
	t.Helper()
	return allPages(t, "ListUserSummaries", limit, func(p connectlite.PageRequest) ([]connectlite.UserSummary, string, error) {
		return f.s.ListUserSummaries(f.ctx, instanceID, p)
	}, func(u connectlite.UserSummary) string { return u.ID })
}

func testListUserSummariesPages(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	want := map[string]connectlite.UserSummary{}
	for i := range 25 {
		u := f.minimalUser(n, fmt.Sprintf("user%02d", i))
		if i%3 == 0 {
			u = f.fullUser(n, fmt.Sprintf("User%02d", i)) // a time zone other than UTC
		}
		u.LastModifiedTime = u.LastModifiedTime.Add(time.Duration(i) * time.Second)
		f.mustUser(t, u, "")
		want[u.ID] = summaryOf(u)
	}
	for i := range 3 {
		f.mustUser(t, f.minimalUser(other, fmt.Sprintf("user%02d", i)), "")
	}
	for _, limit := range []int{1, 7, 5, 25, 1000} {
		got := f.allSummaries(t, n.Instance.ID, limit)
		if len(got) != len(want) {
			t.Fatalf("ListUserSummaries(limit %d): %d users, want %d", limit, len(got), len(want))
		}
		for _, g := range got {
			w, ok := want[g.ID]
			if !ok {
				t.Fatalf("ListUserSummaries(limit %d): unexpected user %s (%s)", limit, g.ID, g.Username)
			}
			checkEqual(t, "summary of "+w.Username, g, w, normSummary)
			checkUTC(t, "summary of "+w.Username, g)
		}
	}
}

func testListUserSummariesMatchListUsers(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	for i := range 12 {
		f.mustUser(t, f.minimalUser(n, fmt.Sprintf("u%02d", i)), "")
	}
	after := ""
	for page := 0; ; page++ {
		p := connectlite.PageRequest{Limit: 5, After: after}
		users, next, err := f.s.ListUsers(f.ctx, n.Instance.ID, p)
		if err != nil {
			t.Fatalf("ListUsers(page %d): %v", page, err)
		}
		sums, sumNext, err := f.s.ListUserSummaries(f.ctx, n.Instance.ID, p)
		if err != nil {
			t.Fatalf("ListUserSummaries(page %d): %v", page, err)
		}
		wantSums := make([]connectlite.UserSummary, len(users))
		for i := range users {
			wantSums[i] = normSummary(summaryOf(&users[i]))
		}
		gotSums := make([]connectlite.UserSummary, len(sums))
		for i := range sums {
			gotSums[i] = normSummary(sums[i])
		}
		if !slices.Equal(gotSums, wantSums) || sumNext != next {
			t.Fatalf("page %d: ListUserSummaries = %v, next %q; ListUsers gives %v, next %q", page, gotSums, sumNext, wantSums, next)
		}
		if next == "" {
			break
		}
		after = next
	}
}

func testListUserSummariesDefaultLimit(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	for i := range 101 {
		f.mustUser(t, f.minimalUser(n, fmt.Sprintf("u%03d", i)), "")
	}
	for _, limit := range []int{0, -1} {
		page, next, err := f.s.ListUserSummaries(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: limit})
		if err != nil || len(page) != 100 || next == "" {
			t.Fatalf("ListUserSummaries(limit %d) = %d users, next %q, err %v; want 100, a cursor, nil", limit, len(page), next, err)
		}
		rest, next2, err := f.s.ListUserSummaries(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: limit, After: next})
		if err != nil || len(rest) != 1 || next2 != "" {
			t.Fatalf("ListUserSummaries(limit %d, second page) = %d users, next %q, err %v; want 1, \"\", nil", limit, len(rest), next2, err)
		}
		all := append(ids(page, func(u connectlite.UserSummary) string { return u.ID }), rest[0].ID)
		checkOrderedOnce(t, "ListUserSummaries(default limit)", all)
	}
}

func testListUserSummariesEmptyAndUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	page, next, err := f.s.ListUserSummaries(f.ctx, n.Instance.ID, connectlite.PageRequest{})
	if err != nil || len(page) != 0 || next != "" {
		t.Fatalf("ListUserSummaries(empty instance) = %d users, next %q, err %v; want 0, \"\", nil", len(page), next, err)
	}
	_, _, err = f.s.ListUserSummaries(f.ctx, f.newID(), connectlite.PageRequest{})
	wantKind(t, "ListUserSummaries(unknown instance)", err, connectlite.KindNotFound)

	gone := f.mustInstance(t, instanceOpts{})
	f.mustUser(t, f.minimalUser(gone, "ana"), "")
	if err := f.s.DeleteInstance(f.ctx, gone.Instance.ID); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, _, err = f.s.ListUserSummaries(f.ctx, gone.Instance.ID, connectlite.PageRequest{})
	wantKind(t, "ListUserSummaries(deleted instance)", err, connectlite.KindNotFound)
}

func testListUserSummariesSeesChanges(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	a, b := f.minimalUser(n, "ana"), f.minimalUser(n, "bo")
	f.mustUser(t, a, "")
	f.mustUser(t, b, "")
	later := t0().Add(time.Hour)
	if _, err := f.s.UpdateUser(f.ctx, n.Instance.ID, a.ID, func(u *connectlite.User) error {
		u.Username, u.LastModifiedTime, u.LastModifiedRegion = "ana2", later, "eu-west-1"
		return nil
	}); err != nil {
		t.Fatalf("UpdateUser: %v", err)
	}
	if err := f.s.DeleteUser(f.ctx, n.Instance.ID, b.ID); err != nil {
		t.Fatalf("DeleteUser: %v", err)
	}
	got := f.allSummaries(t, n.Instance.ID, 10)
	want := []connectlite.UserSummary{{ID: a.ID, Username: "ana2", LastModifiedTime: later, LastModifiedRegion: "eu-west-1"}}
	checkEqual(t, "ListUserSummaries after update and delete", got, want, func(s []connectlite.UserSummary) []connectlite.UserSummary {
		out := make([]connectlite.UserSummary, len(s))
		for i := range s {
			out[i] = normSummary(s[i])
		}
		return out
	})
}
