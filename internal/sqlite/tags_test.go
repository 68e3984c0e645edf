package sqlite

import (
	"maps"
	"path/filepath"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
)

// The conformance suite cannot create hierarchy groups through the Store
// yet; this test inserts one directly to cover the hierarchy_groups branch
// of the tag store.
func TestHierarchyGroupTags(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	t.Cleanup(func() { s.Close() })
	ctx := t.Context()
	n := newInstance(seq(), "tags")
	if err := s.CreateInstance(ctx, n); err != nil {
		t.Fatal(err)
	}
	const group = "99999999-0000-4000-8000-000000000001"
	if _, err := s.writer.ExecContext(ctx, `INSERT INTO hierarchy_groups (instance_id, id, name, name_key,
		level, path, tags, last_modified_time, last_modified_region) VALUES (?, ?, 'Tier 1', 'tier 1', 1, ?, '{"a":"1"}', 1, 'us-west-2')`,
		n.Instance.ID, group, group); err != nil {
		t.Fatalf("insert hierarchy group: %v", err)
	}
	ref := connectlite.ResourceRef{InstanceID: n.Instance.ID, Type: connectlite.ARNHierarchyGroup, ID: group}
	tags, err := s.Tags(ctx, ref)
	if err != nil || !maps.Equal(tags, map[string]string{"a": "1"}) {
		t.Fatalf("Tags = %v, %v; want a=1", tags, err)
	}
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := s.UpdateTags(ctx, ref, at, "eu-west-1", func(cur map[string]string) error {
		cur["b"] = "2"
		return nil
	}); err != nil {
		t.Fatalf("UpdateTags: %v", err)
	}
	var raw string
	var lmt int64
	var region string
	if err := s.reader.QueryRowContext(ctx, `SELECT tags, last_modified_time, last_modified_region FROM hierarchy_groups
		WHERE instance_id = ? AND id = ?`, n.Instance.ID, group).Scan(&raw, &lmt, &region); err != nil {
		t.Fatal(err)
	}
	if got, _ := storecodec.DecodeTags(raw); !maps.Equal(got, map[string]string{"a": "1", "b": "2"}) || lmt != at.UnixNano() || region != "eu-west-1" {
		t.Fatalf("stored tags %s, modified %d in %s; want a=1, b=2, %d in eu-west-1", raw, lmt, region, at.UnixNano())
	}

	// A user can join the group and leave it again (UpdateUserHierarchy).
	u := newUser(n, "99999999-0000-4000-8000-000000000002", "grouped")
	if err := s.CreateUser(ctx, u, ""); err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{group, ""} {
		got, err := s.UpdateUser(ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
			cur.HierarchyGroupID = g
			return nil
		})
		if err != nil || got.HierarchyGroupID != g {
			t.Fatalf("UpdateUser(HierarchyGroupID %q) = %+v, %v", g, got, err)
		}
	}
}
