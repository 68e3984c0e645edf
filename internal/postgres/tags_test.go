package postgres

import (
	"maps"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
)

// The conformance suite cannot create hierarchy groups through the Store
// yet; this test inserts one directly to cover the hierarchy_groups branch
// of the tag store.
func TestHierarchyGroupTags(t *testing.T) {
	db := newDatabase(t)
	s := db.open(t)
	ctx := t.Context()
	n := newInstance(t, s, "tags")
	group := newID()
	if _, err := db.admin.Exec(ctx, `INSERT INTO `+db.schema+`.hierarchy_groups (instance_id, id, name, name_key,
		level, path, tags, last_modified_time, last_modified_region)
		VALUES ($1, $2, 'Tier 1', 'tier 1', 1, $2, '{"a":"1"}', now(), 'us-west-2')`, n.Instance.ID, group); err != nil {
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
	var raw []byte
	var lmt time.Time
	var region string
	if err := db.admin.QueryRow(ctx, `SELECT tags, last_modified_time, last_modified_region FROM `+db.schema+`.hierarchy_groups
		WHERE instance_id = $1 AND id = $2`, n.Instance.ID, group).Scan(&raw, &lmt, &region); err != nil {
		t.Fatal(err)
	}
	if got, _ := storecodec.DecodeTags(raw); !maps.Equal(got, map[string]string{"a": "1", "b": "2"}) || !lmt.Equal(at) || region != "eu-west-1" {
		t.Fatalf("stored tags %s, modified %v in %s; want a=1, b=2, %v in eu-west-1", raw, lmt, region, at)
	}
}
