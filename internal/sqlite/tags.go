package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
)

// tagTable is where the tags of one resource type live: a JSON tags
// column of the resource's table. A user's tags are also rows of
// user_tags, which SearchUsers' tag conditions read and a trigger keeps.
type tagTable struct {
	noun        string // names the resource in a not-found message
	selectQuery string // the JSON tags
	updateQuery string // the new JSON tags and, but for instances, the modification time and region
}

// The queries of tags.go. Table names cannot be parameters, so each
// resource table has its own pair.
const (
	selectUserTagsQuery = `SELECT tags FROM users WHERE instance_id = ? AND id = ?`
	updateUserTagsQuery = `UPDATE users SET tags = ?, last_modified_time = ?,
	last_modified_region = ? WHERE instance_id = ? AND id = ?`

	selectInstanceTagsQuery = `SELECT tags FROM instances WHERE id = ?`
	updateInstanceTagsQuery = `UPDATE instances SET tags = ? WHERE id = ?`

	selectSecurityProfileTagsQuery = `SELECT tags FROM security_profiles WHERE instance_id = ? AND id = ?`
	updateSecurityProfileTagsQuery = `UPDATE security_profiles SET tags = ?, last_modified_time = ?,
	last_modified_region = ? WHERE instance_id = ? AND id = ?`
	selectRoutingProfileTagsQuery = `SELECT tags FROM routing_profiles WHERE instance_id = ? AND id = ?`
	updateRoutingProfileTagsQuery = `UPDATE routing_profiles SET tags = ?, last_modified_time = ?,
	last_modified_region = ? WHERE instance_id = ? AND id = ?`
	selectQueueTagsQuery = `SELECT tags FROM queues WHERE instance_id = ? AND id = ?`
	updateQueueTagsQuery = `UPDATE queues SET tags = ?, last_modified_time = ?,
	last_modified_region = ? WHERE instance_id = ? AND id = ?`
	selectHoursTagsQuery = `SELECT tags FROM hours_of_operation WHERE instance_id = ? AND id = ?`
	updateHoursTagsQuery = `UPDATE hours_of_operation SET tags = ?, last_modified_time = ?,
	last_modified_region = ? WHERE instance_id = ? AND id = ?`
	selectHierarchyGroupTagsQuery = `SELECT tags FROM hierarchy_groups WHERE instance_id = ? AND id = ?`
	updateHierarchyGroupTagsQuery = `UPDATE hierarchy_groups SET tags = ?, last_modified_time = ?,
	last_modified_region = ? WHERE instance_id = ? AND id = ?`
)

// tagTableFor returns the table of a resource type of
// connectlite.TaggableTypes.
func tagTableFor(typ string) (tagTable, bool) {
	switch typ {
	case connectlite.ARNInstance:
		return tagTable{"Instance", selectInstanceTagsQuery, updateInstanceTagsQuery}, true
	case connectlite.ARNAgent:
		return tagTable{"User", selectUserTagsQuery, updateUserTagsQuery}, true
	case connectlite.ARNSecurityProfile:
		return tagTable{"Security profile", selectSecurityProfileTagsQuery, updateSecurityProfileTagsQuery}, true
	case connectlite.ARNRoutingProfile:
		return tagTable{"Routing profile", selectRoutingProfileTagsQuery, updateRoutingProfileTagsQuery}, true
	case connectlite.ARNQueue:
		return tagTable{"Queue", selectQueueTagsQuery, updateQueueTagsQuery}, true
	case connectlite.ARNHoursOfOperation:
		return tagTable{"Hours of operation", selectHoursTagsQuery, updateHoursTagsQuery}, true
	case connectlite.ARNHierarchyGroup:
		return tagTable{"Hierarchy group", selectHierarchyGroupTagsQuery, updateHierarchyGroupTagsQuery}, true
	}
	return tagTable{}, false
}

func tagTableOf(ref connectlite.ResourceRef) (tagTable, error) {
	t, ok := tagTableFor(ref.Type)
	if !ok {
		return tagTable{}, connectlite.Errorf(connectlite.KindInvalidParameter, "Resources of type %q cannot be tagged", ref.Type)
	}
	return t, nil
}

func (t tagTable) notFound(ref connectlite.ResourceRef) error {
	if ref.Type == connectlite.ARNInstance {
		return instanceNotFound(ref.ID)
	}
	return connectlite.Errorf(connectlite.KindNotFound, "%s %s does not exist in instance %s", t.noun, ref.ID, ref.InstanceID)
}

// keyArgs are the arguments that select ref's row.
func keyArgs(ref connectlite.ResourceRef) []any {
	if ref.Type == connectlite.ARNInstance {
		return []any{ref.ID}
	}
	return []any{ref.InstanceID, ref.ID}
}

// readTags returns the tags of ref (nil for none) or KindNotFound.
func readTags(ctx context.Context, tx *txn, t tagTable, ref connectlite.ResourceRef) (map[string]string, error) {
	var raw string
	err := tx.QueryRowContext(ctx, t.selectQuery, keyArgs(ref)...).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, t.notFound(ref)
	}
	if err != nil {
		return nil, wrap("read tags", err)
	}
	return storecodec.DecodeTags(raw)
}

// Tags returns the resource's tags, nil when it has none. It returns
// KindNotFound if the instance has no such resource.
func (s *Store) Tags(ctx context.Context, ref connectlite.ResourceRef) (map[string]string, error) {
	t, err := tagTableOf(ref)
	if err != nil {
		return nil, err
	}
	var tags map[string]string
	err = s.read(ctx, "read tags", func(tx *txn) error {
		tags, err = readTags(ctx, tx, t, ref)
		return err
	})
	return tags, err
}

// UpdateTags reads the resource's tags, applies mutate and writes the
// result with the resource's new modification time and region, in one write
// transaction. mutate runs while the database's write lock is held. For a
// user whose tags changed, a trigger also rewrites its user_tags rows.
func (s *Store) UpdateTags(ctx context.Context, ref connectlite.ResourceRef, at time.Time, region string, mutate func(map[string]string) error) error {
	t, err := tagTableOf(ref)
	if err != nil {
		return err
	}
	return s.write(ctx, "update tags", func(tx *txn) error {
		cur, err := readTags(ctx, tx, t, ref)
		if err != nil {
			return err
		}
		if cur == nil {
			cur = map[string]string{}
		}
		if err := mutate(cur); err != nil {
			return err
		}
		raw, err := storecodec.EncodeTags[string](cur)
		if err != nil {
			return err
		}
		if ref.Type == connectlite.ARNInstance {
			_, err = tx.ExecContext(ctx, t.updateQuery, raw, ref.ID)
			return wrap("update instance tags", err)
		}
		// A user's user_tags rows follow its tags column (a trigger of
		// migration 0008).
		_, err = tx.ExecContext(ctx, t.updateQuery, raw, timeToDB(at), region, ref.InstanceID, ref.ID)
		return wrap("update "+t.noun+" tags", err)
	})
}

var _ connectlite.TagStore = (*Store)(nil)
