package postgres

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/sqlsearch"
)

// TestSearchPlansUseIndexes checks, on a table large enough for the
// planner to care, that a name search is an index range that stops after
// the page, on the first page and after it.
func TestSearchPlansUseIndexes(t *testing.T) {
	db := newDatabase(t)
	s, err := Open(t.Context(), db.url(t, nil), testLogger(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	ctx := t.Context()
	// 20,000 users of one instance: the plans below must not depend on the
	// instance being small. One user is created through the store, the
	// others are copies of its row (jsonb_populate_record keeps every
	// column it is not given, whatever columns later migrations add).
	n := 0
	newID := func() string { n++; return fmt.Sprintf("plan-%08d", n) }
	ni := connectlite.BuildNewInstance(connectlite.Instance{
		AccountID: "123456789012", Region: "us-west-2", Alias: "plan",
		IdentityManagementType: connectlite.IdentitySAML, CreatedTime: time.Now(),
	}, connectlite.IDs{}, newID)
	if err := s.CreateInstance(ctx, ni); err != nil {
		t.Fatal(err)
	}
	inst := ni.Instance.ID
	template := &connectlite.User{
		InstanceID: inst, ID: "template", Username: "template",
		SecurityProfileIDs: []string{ni.SecurityProfiles[0].ID}, RoutingProfileID: ni.RoutingProfiles[0].ID,
		PhoneConfig: connectlite.PhoneConfig{PhoneType: connectlite.PhoneTypeSoft}, LastModifiedTime: time.Now(),
	}
	if err := s.CreateUser(ctx, template, ""); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO users SELECT (jsonb_populate_record(u, jsonb_build_object(
			'id', md5(i::text), 'username', 'user' || i, 'username_key', 'user' || i,
			'first_name', 'F' || (i % 500), 'first_name_key', 'f' || (i % 500),
			'last_name', 'L' || (i % 700), 'last_name_key', 'l' || (i % 700)))).*
			FROM users u, generate_series(1, 20000) AS i WHERE u.instance_id = $1 AND u.id = 'template'`,
		`DELETE FROM users WHERE instance_id = $1 AND id = 'template'`,
		`ANALYZE users`,
	} {
		args := []any{inst}
		if !strings.Contains(q, "$1") {
			args = nil
		}
		if _, err := s.pool.Exec(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	str := func(f connectlite.UserField, m connectlite.StringMatch, v string) *connectlite.UserQuery {
		return &connectlite.UserQuery{Op: connectlite.QueryString, Field: f, Match: m, Value: v}
	}
	tests := []struct {
		name, after string
		q           *connectlite.UserQuery
		wantIndex   string
	}{
		{"UsernamePrefix", "", str(connectlite.FieldUsername, connectlite.MatchStartsWith, "user1"), "users_instance_username"},
		{"UsernamePrefixNextPage", `["user1234","x"]`, str(connectlite.FieldUsername, connectlite.MatchStartsWith, "user1"), "users_instance_username"},
		{"FirstNamePrefix", "", str(connectlite.FieldFirstName, connectlite.MatchStartsWith, "f1"), "users_first_name"},
		{"FirstNamePrefixNextPage", `["f12","x"]`, str(connectlite.FieldFirstName, connectlite.MatchStartsWith, "f1"), "users_first_name"},
		{"LastNameExactNextPage", `["l7","x"]`, str(connectlite.FieldLastName, connectlite.MatchExact, "l7"), "users_last_name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := sqlsearch.Build(sqlsearch.Postgres(), searchHead, inst, tc.q, tc.after, 100)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := s.pool.Query(ctx, "EXPLAIN "+p.Page.SQL, p.Page.Args...)
			if err != nil {
				t.Fatal(err)
			}
			var plan []string
			for rows.Next() {
				var line string
				if err := rows.Scan(&line); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, line)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(plan, "\n")
			// The subplans read a user's profiles and tags (userSelect).
			main, _, _ := strings.Cut(text, "SubPlan")
			if !strings.Contains(main, "Index Scan using "+tc.wantIndex) || strings.Contains(main, "Sort") {
				t.Errorf("plan:\n%s\nwant an Index Scan using %s without Sort", text, tc.wantIndex)
			}
		})
	}
	t.Run("PageMatchesTheIndexOrder", func(t *testing.T) {
		q := str(connectlite.FieldFirstName, connectlite.MatchStartsWith, "f12")
		var got []string
		after := ""
		for {
			users, next, total, err := s.SearchUsers(ctx, inst, q, connectlite.PageRequest{Limit: 7, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if total != 440 {
				t.Fatalf("total = %d, want 440", total)
			}
			for _, u := range users {
				got = append(got, u.ID)
			}
			if next == "" {
				break
			}
			after = next
		}
		// f12 and f120..f129 each name 40 users of 20,000.
		if len(got) != 440 {
			t.Fatalf("%d users, want 440", len(got))
		}
		seen := map[string]bool{}
		for _, id := range got {
			if seen[id] {
				t.Fatalf("user %s twice", id)
			}
			seen[id] = true
		}
	})
}
