package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/sqlsearch"
)

// TestSearchPlansUseIndexes guards the plans of the searches that must stay
// fast with a million users: a name condition is a range of its index,
// on the first page and after it, with no sort and no scan.
func TestSearchPlansUseIndexes(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	prefix := func(f connectlite.UserField) *connectlite.UserQuery {
		return &connectlite.UserQuery{Op: connectlite.QueryString, Field: f, Match: connectlite.MatchStartsWith, Value: "ab"}
	}
	exact := func(f connectlite.UserField) *connectlite.UserQuery {
		return &connectlite.UserQuery{Op: connectlite.QueryString, Field: f, Match: connectlite.MatchExact, Value: "ab"}
	}
	withTag := func(q *connectlite.UserQuery) *connectlite.UserQuery {
		return &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
			{Op: connectlite.QueryTag, TagKey: "k"}, *q}}
	}
	tests := []struct {
		name, after string
		q           *connectlite.UserQuery
		wantIndex   string
		wantRange   string // the index constraint that must bound the scan
	}{
		{"UsernamePrefix", "", prefix(connectlite.FieldUsername), "sqlite_autoindex_users_2", "username_key>? AND username_key<?"},
		{"UsernamePrefixNextPage", `["abc","x"]`, prefix(connectlite.FieldUsername), "sqlite_autoindex_users_2", "username_key>? AND username_key<?"},
		{"FirstNamePrefix", "", prefix(connectlite.FieldFirstName), "users_first_name", "first_name_key>? AND first_name_key<?"},
		{"FirstNamePrefixNextPage", `["abc","x"]`, prefix(connectlite.FieldFirstName), "users_first_name", "(first_name_key,id)>(?,?) AND first_name_key<?"},
		{"LastNamePrefixNextPage", `["abc","x"]`, prefix(connectlite.FieldLastName), "users_last_name", "(last_name_key,id)>(?,?) AND last_name_key<?"},
		{"LastNameExact", "", exact(connectlite.FieldLastName), "users_last_name", "last_name_key=?"},
		{"LastNameExactNextPage", `["ab","x"]`, exact(connectlite.FieldLastName), "users_last_name", "last_name_key=? AND id>?"},
		{"PrefixAndTagNextPage", `["abc","x"]`, withTag(prefix(connectlite.FieldFirstName)), "users_first_name", "(first_name_key,id)>(?,?) AND first_name_key<?"},
		{"ResourceIDNextPage", `["x"]`, exact(connectlite.FieldResourceID), "PRIMARY KEY", "id=?"},
		{"TagNextPage", `["x"]`, &connectlite.UserQuery{Op: connectlite.QueryTag, TagKey: "k", TagValue: new("v")},
			"user_tags_key_value", "key=? AND value=? AND user_id>?"},
		{"SecurityProfileNextPage", `["x"]`, exact(connectlite.FieldSecurityProfileID),
			"user_security_profiles_profile", "security_profile_id=? AND user_id>?"},
		{"RoutingProfileNextPage", `["x"]`, exact(connectlite.FieldRoutingProfileID), "users_routing_profile", "routing_profile_id=? AND id>?"},
		{"HierarchyGroupNextPage", `["x"]`, &connectlite.UserQuery{Op: connectlite.QueryHierarchyGroup, GroupID: "g"},
			"users_hierarchy_group", "hierarchy_group_id=? AND id>?"},
		{"TagAndRoutingProfile", "", &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
			*exact(connectlite.FieldRoutingProfileID), {Op: connectlite.QueryTag, TagKey: "k", TagValue: new("v")}}},
			"user_tags_key_value", "key=? AND value=?"},
		{"ResourceIDBeatsPrefix", "", &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
			*prefix(connectlite.FieldFirstName), *exact(connectlite.FieldResourceID)}}, "PRIMARY KEY", "id=?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := sqlsearch.Build(sqlsearch.SQLite(), searchHead, "i", tc.q, tc.after, 100)
			if err != nil {
				t.Fatal(err)
			}
			plan := queryPlan(t, s, p.Page.SQL, p.Page.Args...)
			first, _, _ := strings.Cut(plan, "\n")
			if !strings.Contains(first, "SEARCH") || !strings.Contains(first, tc.wantIndex) ||
				!strings.Contains(first, tc.wantRange) || strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("plan:\n%s\nwant a SEARCH of %s bounded by %s, without TEMP B-TREE\n(query: %s)", plan, tc.wantIndex, tc.wantRange, p.Page.SQL)
			}
			if tc.after != "" {
				return
			}
			// The count reads the same range, from the index alone where
			// the condition allows.
			plan = queryPlan(t, s, p.Count.SQL, p.Count.Args...)
			if !strings.Contains(plan, "SEARCH") || !strings.Contains(plan, tc.wantIndex) {
				t.Errorf("count plan:\n%s\nwant a SEARCH of %s\n(query: %s)", plan, tc.wantIndex, p.Count.SQL)
			}
		})
	}
}

// TestSearchTotalIsCapped checks ApproximateTotalCount past the cap: the
// count stops at connectlite.MaxSearchTotalCount, the pages go on.
func TestSearchTotalIsCapped(t *testing.T) {
	if testing.Short() {
		t.Skip("inserts 10,050 users")
	}
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	newID := seq()
	n := newInstance(newID, "capped")
	if err := s.CreateInstance(t.Context(), n); err != nil {
		t.Fatal(err)
	}
	const count = connectlite.MaxSearchTotalCount + 50
	err := s.write(t.Context(), "seed", func(tx *txn) error {
		for i := range count {
			if err := insertUser(t.Context(), tx, newUser(n, newID(), fmt.Sprintf("user%05d", i)), ""); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	q := &connectlite.UserQuery{Op: connectlite.QueryString, Field: connectlite.FieldUsername, Match: connectlite.MatchStartsWith, Value: "user"}
	users, next, total, err := s.SearchUsers(t.Context(), n.Instance.ID, q, connectlite.PageRequest{Limit: 500})
	if err != nil || len(users) != 500 || next == "" || total != connectlite.MaxSearchTotalCount {
		t.Fatalf("SearchUsers = %d users, next %q, total %d, err %v; want 500, a cursor, %d", len(users), next, total, err, connectlite.MaxSearchTotalCount)
	}
	q.Value = "user100"
	users, next, total, err = s.SearchUsers(t.Context(), n.Instance.ID, q, connectlite.PageRequest{Limit: 60})
	if err != nil || len(users) != 50 || next != "" || total != 50 {
		t.Fatalf("SearchUsers(user100) = %d users, next %q, total %d, err %v; want 50, \"\", 50", len(users), next, total, err)
	}
	users, next, total, err = s.SearchUsers(t.Context(), n.Instance.ID, q, connectlite.PageRequest{Limit: 30})
	if err != nil || len(users) != 30 || next == "" || total != 50 {
		t.Fatalf("SearchUsers(user100, 30) = %d users, next %q, total %d, err %v; want 30, a cursor, 50", len(users), next, total, err)
	}
}

// TestSearchStatementCache runs more distinct query shapes than the cache
// holds, many at once: none may wait for a connection another holds, and
// the shapes beyond the cache still run (prepared in their transaction).
func TestSearchStatementCache(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	newID := seq()
	n := newInstance(newID, "cache")
	if err := s.CreateInstance(t.Context(), n); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateUser(t.Context(), newUser(n, newID(), "ana"), ""); err != nil {
		t.Fatal(err)
	}
	// shape k is an OR of k+1 username conditions: a distinct text each.
	shape := func(k int) *connectlite.UserQuery {
		q := &connectlite.UserQuery{Op: connectlite.QueryOr}
		for range k + 1 {
			q.Conditions = append(q.Conditions, connectlite.UserQuery{Op: connectlite.QueryString,
				Field: connectlite.FieldUsername, Match: connectlite.MatchExact, Value: "ana"})
		}
		return q
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	// Each shape caches two statements, its page and its count.
	const shapes = maxSearchStmts/2 + 20
	errs := make(chan error, shapes)
	var wg sync.WaitGroup
	for k := range shapes {
		wg.Go(func() {
			users, _, total, err := s.SearchUsers(ctx, n.Instance.ID, shape(k), connectlite.PageRequest{Limit: 1})
			if err == nil && (len(users) != 1 || total != 1) {
				err = fmt.Errorf("shape %d: %d users, total %d; want 1, 1", k, len(users), total)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s.search.mu.Lock()
	cached := len(s.search.stmts)
	s.search.mu.Unlock()
	if cached != maxSearchStmts {
		t.Errorf("%d statements cached, want the cap %d", cached, maxSearchStmts)
	}
}
