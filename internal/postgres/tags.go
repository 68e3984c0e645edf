package postgres

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	"github.com/jackc/pgx/v5"
)

var _ connectlite.TagStore = (*Store)(nil)

// tagTable is where the tags of one resource type live: users keep theirs
// in the user_tags table (SearchUsers filters on it), every other resource
// in a jsonb tags column of its own row.
type tagTable struct {
	noun  string // names the resource in a not-found message
	table string // "" for users
}

// tagTableFor returns the table of a resource type of
// connectlite.TaggableTypes. Table names come only from here, never from a
// request, so the queries may splice them in.
func tagTableFor(typ string) (tagTable, error) {
	switch typ {
	case connectlite.ARNInstance:
		return tagTable{"Instance", "instances"}, nil
	case connectlite.ARNAgent:
		return tagTable{"User", ""}, nil
	case connectlite.ARNSecurityProfile:
		return tagTable{"Security profile", "security_profiles"}, nil
	case connectlite.ARNRoutingProfile:
		return tagTable{"Routing profile", "routing_profiles"}, nil
	case connectlite.ARNQueue:
		return tagTable{"Queue", "queues"}, nil
	case connectlite.ARNHoursOfOperation:
		return tagTable{"Hours of operation", "hours_of_operation"}, nil
	case connectlite.ARNHierarchyGroup:
		return tagTable{"Hierarchy group", "hierarchy_groups"}, nil
	}
	return tagTable{}, connectlite.Errorf(connectlite.KindInvalidParameter, "Resources of type %q cannot be tagged", typ)
}

func (t tagTable) notFound(ref connectlite.ResourceRef) error {
	if ref.Type == connectlite.ARNInstance {
		return instanceNotFound(ref.ID)
	}
	return connectlite.Errorf(connectlite.KindNotFound, "%s %s does not exist in instance %s", t.noun, ref.ID, ref.InstanceID)
}

// where returns the condition selecting ref's row and its arguments.
func (t tagTable) where(ref connectlite.ResourceRef) (string, []any) {
	if ref.Type == connectlite.ARNInstance {
		return `id = $1`, []any{ref.ID}
	}
	return `instance_id = $1 AND id = $2`, []any{ref.InstanceID, ref.ID}
}

// readTags returns ref's tags (nil for none) or KindNotFound. With lock, it
// locks the resource's row until the transaction ends, first and in a
// statement of its own, so that the tags it then reads are the latest
// committed ones (see loadUser).
func readTags(ctx context.Context, q querier, t tagTable, ref connectlite.ResourceRef, lock bool) (map[string]string, error) {
	forUpdate := ""
	if lock {
		forUpdate = ` FOR UPDATE`
	}
	if t.table != "" {
		cond, args := t.where(ref)
		var raw []byte
		err := q.QueryRow(ctx, `SELECT tags FROM `+t.table+` WHERE `+cond+forUpdate, args...).Scan(&raw)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, t.notFound(ref)
		}
		if err != nil {
			return nil, fmt.Errorf("read tags: %w", err)
		}
		return storecodec.DecodeTags(raw)
	}
	var found bool
	err := q.QueryRow(ctx, `SELECT true FROM users WHERE instance_id = $1 AND id = $2`+forUpdate,
		ref.InstanceID, ref.ID).Scan(&found)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, t.notFound(ref)
	}
	if err != nil {
		return nil, fmt.Errorf("read tags: check user: %w", err)
	}
	rows, _ := q.Query(ctx, `SELECT key, value FROM user_tags WHERE instance_id = $1 AND user_id = $2`, ref.InstanceID, ref.ID)
	var tags map[string]string
	var k, v string
	_, err = pgx.ForEachRow(rows, []any{&k, &v}, func() error {
		if tags == nil {
			tags = map[string]string{}
		}
		tags[k] = v
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read user tags: %w", err)
	}
	return tags, nil
}

// Tags returns the resource's tags, nil when it has none. It returns
// KindNotFound if the instance has no such resource.
func (s *Store) Tags(ctx context.Context, ref connectlite.ResourceRef) (map[string]string, error) {
	t, err := tagTableFor(ref.Type)
	if err != nil {
		return nil, err
	}
	var tags map[string]string
	err = s.read(ctx, "read tags", func(ctx context.Context) error {
		tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead})
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // read-only
		tags, err = readTags(ctx, tx, t, ref, false)
		return err
	})
	return tags, err
}

// UpdateTags locks the resource's row, applies mutate to its tags and
// writes them with the resource's new modification time and region, in one
// transaction. mutate may run again when the transaction is retried.
func (s *Store) UpdateTags(ctx context.Context, ref connectlite.ResourceRef, at time.Time, region string, mutate func(map[string]string) error) error {
	t, err := tagTableFor(ref.Type)
	if err != nil {
		return err
	}
	return s.write(ctx, "update tags", func(ctx context.Context, tx pgx.Tx) error {
		cur, err := readTags(ctx, tx, t, ref, true)
		if err != nil {
			return err
		}
		before := maps.Clone(cur)
		if cur == nil {
			cur = map[string]string{}
		}
		if err := mutate(cur); err != nil {
			return err
		}
		switch ref.Type {
		case connectlite.ARNInstance:
			raw, err := storecodec.EncodeTags[[]byte](cur)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE instances SET tags = $1 WHERE id = $2`, raw, ref.ID); err != nil {
				return fmt.Errorf("update instance tags: %w", err)
			}
		case connectlite.ARNAgent:
			b := &pgx.Batch{}
			if !maps.Equal(before, cur) {
				keys := slices.Sorted(maps.Keys(cur))
				values := make([]string, len(keys))
				for i, k := range keys {
					values[i] = cur[k]
				}
				b.Queue(`DELETE FROM user_tags WHERE instance_id = $1 AND user_id = $2`, ref.InstanceID, ref.ID)
				b.Queue(`INSERT INTO user_tags (instance_id, user_id, key, value)
					SELECT $1, $2, t.key, t.value FROM unnest($3::text[], $4::text[]) AS t (key, value)`,
					ref.InstanceID, ref.ID, keys, values)
			}
			b.Queue(`UPDATE users SET last_modified_time = $1, last_modified_region = $2
				WHERE instance_id = $3 AND id = $4`, timeToDB(at), region, ref.InstanceID, ref.ID)
			if err := tx.SendBatch(ctx, b).Close(); err != nil {
				return fmt.Errorf("update user tags: %w", err)
			}
		default:
			raw, err := storecodec.EncodeTags[[]byte](cur)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE `+t.table+` SET tags = $1, last_modified_time = $2,
				last_modified_region = $3 WHERE instance_id = $4 AND id = $5`,
				raw, timeToDB(at), region, ref.InstanceID, ref.ID); err != nil {
				return fmt.Errorf("update %s tags: %w", t.noun, err)
			}
		}
		return nil
	})
}
