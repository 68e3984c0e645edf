package sqlite

import (
	"database/sql"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/connectlite/connectlite"
)

// TestMigrationUserListsBackfills opens a database written before migration
// 0007_user_lists, whose users have their security profiles and tags only
// in user_security_profiles and user_tags, and checks that the migration
// fills the new columns from them: every read of a user returns the
// profiles in their order and the tags, nil for none.
func TestMigrationUserListsBackfills(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "db.sqlite")
	newID := seq()
	s := mustOpen(t, path)
	n := newInstance(newID, "backfill")
	if err := s.CreateInstance(ctx, n); err != nil {
		t.Fatal(err)
	}
	sp := func(i int) string { return n.SecurityProfiles[i].ID }
	several := newUser(n, newID(), "several")
	several.SecurityProfileIDs = []string{sp(2), sp(0), sp(3), sp(1)}
	if slices.IsSorted(several.SecurityProfileIDs) {
		t.Fatal("the profiles are in id order, the order of user_security_profiles' key: the test could not tell")
	}
	several.Tags = map[string]string{"team": "blue", "empty": "", "ünï:cödé": `"quoted" <&> \`}
	bare := newUser(n, newID(), "bare")
	bare.Tags = nil
	users := []*connectlite.User{several, bare}
	for _, u := range users {
		if err := s.CreateUser(ctx, u, ""); err != nil {
			t.Fatalf("CreateUser(%s): %v", u.Username, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	downgradeUserLists(t, path)

	s = mustOpen(t, path)
	defer s.Close()
	if got := appliedMigrations(t, s); !slices.Contains(got, 7) {
		t.Fatalf("applied migrations after reopening = %v, want 7 among them", got)
	}
	check := func(what string, got connectlite.User) {
		t.Helper()
		var want *connectlite.User
		for _, u := range users {
			if u.ID == got.ID {
				want = u
			}
		}
		if want == nil {
			t.Fatalf("%s: unexpected user %s (%s)", what, got.ID, got.Username)
		}
		if !slices.Equal(got.SecurityProfileIDs, want.SecurityProfileIDs) {
			t.Errorf("%s %s: SecurityProfileIDs = %v, want %v", what, got.Username, got.SecurityProfileIDs, want.SecurityProfileIDs)
		}
		if !maps.Equal(got.Tags, want.Tags) || (got.Tags == nil) != (len(want.Tags) == 0) {
			t.Errorf("%s %s: Tags = %#v, want %#v (nil for none)", what, got.Username, got.Tags, want.Tags)
		}
	}
	for _, u := range users {
		got, err := s.User(ctx, n.Instance.ID, u.ID)
		if err != nil {
			t.Fatalf("User(%s): %v", u.Username, err)
		}
		check("User", *got)
		tags, err := s.Tags(ctx, connectlite.ResourceRef{InstanceID: n.Instance.ID, Type: connectlite.ARNAgent, ID: u.ID})
		if err != nil || !maps.Equal(tags, u.Tags) {
			t.Errorf("Tags(%s) = %v, %v; want %v", u.Username, tags, err, u.Tags)
		}
	}
	listed, _, err := s.ListUsers(ctx, n.Instance.ID, connectlite.PageRequest{Limit: 10})
	if err != nil || len(listed) != len(users) {
		t.Fatalf("ListUsers = %d users, %v; want %d", len(listed), err, len(users))
	}
	for _, u := range listed {
		check("ListUsers", u)
	}
	found, _, _, err := s.SearchUsers(ctx, n.Instance.ID, nil, connectlite.PageRequest{Limit: 10})
	if err != nil || len(found) != len(users) {
		t.Fatalf("SearchUsers = %d users, %v; want %d", len(found), err, len(users))
	}
	for _, u := range found {
		check("SearchUsers", u)
	}

	// A user without tags holds the columns' empty values.
	var profiles, tags string
	if err := s.reader.QueryRowContext(ctx, `SELECT security_profile_ids, tags FROM users WHERE instance_id = ? AND id = ?`,
		n.Instance.ID, bare.ID).Scan(&profiles, &tags); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf(`[%q]`, bare.SecurityProfileIDs[0]); profiles != want || tags != "{}" {
		t.Errorf("columns of a user without tags = %s, %s; want %s, {}", profiles, tags, want)
	}
}

// downgradeUserLists turns the database at path, closed, back into one that
// migration 0007 has not seen: it drops the triggers 0008 adds on the
// columns 0007 adds, those columns and both rows in schema_migrations, and
// checks that the users table then has exactly
// the columns that migrations 0001 to 0006 create.
func downgradeUserLists(t *testing.T, path string) {
	t.Helper()
	ctx := t.Context()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`DROP TRIGGER users_children_insert`,
		`DROP TRIGGER users_security_profiles_update`,
		`DROP TRIGGER users_tags_update`,
		`ALTER TABLE users DROP COLUMN security_profile_ids`,
		`ALTER TABLE users DROP COLUMN tags`,
		`DELETE FROM schema_migrations WHERE version IN (7, 8)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("downgrade: %s: %v", q, err)
		}
	}

	fresh, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "pre0007.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Version >= 7 {
			break
		}
		if _, err := fresh.ExecContext(ctx, m.SQL); err != nil {
			t.Fatalf("migration %s: %v", m.Name, err)
		}
	}
	if got, want := tableColumns(t, db, "users"), tableColumns(t, fresh, "users"); !slices.Equal(got, want) {
		t.Fatalf("downgraded users columns:\n%v\nwant those of migrations 0001-0006:\n%v", got, want)
	}
}

// tableColumns describes each column of table: name, type, NOT NULL,
// default and primary-key position.
func tableColumns(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), `SELECT name, type, "notnull", coalesce(dflt_value, ''), pk
		FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		t.Fatalf("table_info(%s): %v", table, err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var name, typ, dflt string
		var notNull, pk int
		if err := rows.Scan(&name, &typ, &notNull, &dflt, &pk); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, fmt.Sprintf("%s %s notnull=%d default=%q pk=%d", name, typ, notNull, dflt, pk))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return cols
}
