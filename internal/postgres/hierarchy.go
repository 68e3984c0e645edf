package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	"github.com/jackc/pgx/v5"
)

var _ connectlite.HierarchyStore = (*Store)(nil)

// The hierarchy structure and groups (tables of 0001, unique group names
// per level from 0006). A structure update locks the instance row (FOR NO
// KEY UPDATE, which leaves foreign-key checks on the instance alone), so
// updates of one structure queue up. A group insert share-locks its level's
// row and a structure update deletes the levels it removes before it looks
// for groups at them, so whichever commits second sees the other: a group
// is never left at a removed level.

// constraintGroupLevelName is the unique constraint of group names per
// level (0006).
const constraintGroupLevelName = "hierarchy_groups_level_name"

const groupColumns = `id, name, parent_group_id, level, path, tags, last_modified_time, last_modified_region`

// loadLevels reads the instance's levels in level order.
func loadLevels(ctx context.Context, q querier, instanceID string) ([]connectlite.HierarchyLevel, error) {
	rows, _ := q.Query(ctx, `SELECT level, id, name, last_modified_time, last_modified_region
		FROM hierarchy_levels WHERE instance_id = $1 ORDER BY level`, instanceID)
	levels, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (connectlite.HierarchyLevel, error) {
		l := connectlite.HierarchyLevel{InstanceID: instanceID}
		err := row.Scan(&l.Level, &l.ID, &l.Name, &l.LastModifiedTime, &l.LastModifiedRegion)
		l.LastModifiedTime = timeFromDB(l.LastModifiedTime)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("read hierarchy levels: %w", err)
	}
	return levels, nil
}

// HierarchyStructure returns the instance's levels in level order. It
// returns KindNotFound if the instance does not exist.
func (s *Store) HierarchyStructure(ctx context.Context, instanceID string) ([]connectlite.HierarchyLevel, error) {
	var levels []connectlite.HierarchyLevel
	err := s.read(ctx, "get hierarchy structure", func(ctx context.Context) error {
		var err error
		if levels, err = loadLevels(ctx, s.pool, instanceID); err != nil || len(levels) > 0 {
			return err
		}
		return instanceExists(ctx, s.pool, instanceID)
	})
	return levels, err
}

// UpdateHierarchyStructure replaces the levels with what mutate returns;
// removing a level a group is at is KindResourceInUse.
func (s *Store) UpdateHierarchyStructure(ctx context.Context, instanceID string, mutate func([]connectlite.HierarchyLevel) ([]connectlite.HierarchyLevel, error)) ([]connectlite.HierarchyLevel, error) {
	var next []connectlite.HierarchyLevel
	err := s.write(ctx, "update hierarchy structure", func(ctx context.Context, tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM instances WHERE id = $1 FOR NO KEY UPDATE`, instanceID).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return instanceNotFound(instanceID)
		}
		if err != nil {
			return fmt.Errorf("lock instance: %w", err)
		}
		cur, err := loadLevels(ctx, tx, instanceID)
		if err != nil {
			return err
		}
		if next, err = mutate(cur); err != nil {
			return err
		}
		if err := storecodec.CheckLevels(instanceID, next); err != nil {
			return err
		}
		// Delete first: it waits for the group inserts that share-locked a
		// removed level, and the check below then sees their groups.
		if _, err := tx.Exec(ctx, `DELETE FROM hierarchy_levels WHERE instance_id = $1 AND level > $2`, instanceID, len(next)); err != nil {
			return fmt.Errorf("delete hierarchy levels: %w", err)
		}
		var groupID string
		var level int
		err = tx.QueryRow(ctx, `SELECT id, level FROM hierarchy_groups WHERE instance_id = $1 AND level > $2
			ORDER BY level, name_key LIMIT 1`, instanceID, len(next)).Scan(&groupID, &level)
		switch {
		case err == nil:
			return connectlite.HierarchyLevelInUse(level, groupID)
		case !errors.Is(err, pgx.ErrNoRows):
			return fmt.Errorf("check groups of removed levels: %w", err)
		}
		b := &pgx.Batch{}
		for _, l := range next {
			b.Queue(`INSERT INTO hierarchy_levels (instance_id, level, id, name, last_modified_time, last_modified_region)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (instance_id, level) DO UPDATE SET id = excluded.id,
				name = excluded.name, last_modified_time = excluded.last_modified_time,
				last_modified_region = excluded.last_modified_region`,
				instanceID, l.Level, l.ID, l.Name, timeToDB(l.LastModifiedTime), l.LastModifiedRegion)
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("write hierarchy levels: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return next, nil
}

// scanGroup reads a row of groupColumns and returns the group and its path.
func scanGroup(row pgx.Row, instanceID string) (*connectlite.HierarchyGroup, string, error) {
	g := connectlite.HierarchyGroup{InstanceID: instanceID}
	var (
		parent *string
		level  int
		path   string
		tags   []byte
	)
	if err := row.Scan(&g.ID, &g.Name, &parent, &level, &path, &tags, &g.LastModifiedTime, &g.LastModifiedRegion); err != nil {
		return nil, "", err
	}
	if parent != nil {
		g.ParentGroupID = *parent
	}
	g.LevelID = connectlite.LevelID(level)
	g.LastModifiedTime = timeFromDB(g.LastModifiedTime)
	var err error
	if g.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, "", fmt.Errorf("hierarchy group %s: %w", g.ID, err)
	}
	return &g, path, nil
}

// loadGroup reads a group and its path, with lock ("", "FOR UPDATE", ...)
// appended to the query. It returns KindNotFound if there is no such group.
func loadGroup(ctx context.Context, q querier, instanceID, id, lock string) (*connectlite.HierarchyGroup, string, error) {
	g, path, err := scanGroup(q.QueryRow(ctx, `SELECT `+groupColumns+` FROM hierarchy_groups
		WHERE instance_id = $1 AND id = $2 `+lock, instanceID, id), instanceID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, "", connectlite.HierarchyGroupNotFound(instanceID, id)
	}
	if err != nil {
		return nil, "", fmt.Errorf("get hierarchy group: %w", err)
	}
	return g, path, nil
}

// CreateHierarchyGroup inserts g at the level below its parent, with its
// path. The parent's row is key-share locked, so it cannot be deleted
// before the insert commits, and the level's row share-locked (see the
// comment at the top of the file).
func (s *Store) CreateHierarchyGroup(ctx context.Context, g *connectlite.HierarchyGroup) error {
	tags, err := storecodec.EncodeTags[[]byte](g.Tags)
	if err != nil {
		return err
	}
	return s.write(ctx, "create hierarchy group", func(ctx context.Context, tx pgx.Tx) error {
		if err := instanceExists(ctx, tx, g.InstanceID); err != nil {
			return err
		}
		level, path := 1, g.ID
		if g.ParentGroupID != "" {
			parent, parentPath, err := loadGroup(ctx, tx, g.InstanceID, g.ParentGroupID, "FOR KEY SHARE")
			if connectlite.KindOf(err) == connectlite.KindNotFound {
				return connectlite.UnknownParentGroup(g.InstanceID, g.ParentGroupID)
			}
			if err != nil {
				return err
			}
			level, path = parent.GroupLevel()+1, parentPath+"/"+g.ID
		}
		if level > connectlite.MaxHierarchyLevels {
			return connectlite.HierarchyLevelNotDefined(g.InstanceID, level)
		}
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM hierarchy_levels WHERE instance_id = $1 AND level = $2 FOR SHARE`,
			g.InstanceID, level).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return connectlite.HierarchyLevelNotDefined(g.InstanceID, level)
		}
		if err != nil {
			return fmt.Errorf("check hierarchy level: %w", err)
		}
		_, err = tx.Exec(ctx, `INSERT INTO hierarchy_groups (instance_id, id, name, name_key, parent_group_id, level,
			path, tags, last_modified_time, last_modified_region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			g.InstanceID, g.ID, g.Name, strings.ToLower(g.Name), nullable(g.ParentGroupID), level, path, tags,
			timeToDB(g.LastModifiedTime), g.LastModifiedRegion)
		if violates(err, codeUniqueViolation, constraintGroupLevelName) {
			return connectlite.DuplicateHierarchyGroupName(g.InstanceID, level, g.Name)
		}
		if err != nil {
			return fmt.Errorf("insert hierarchy group: %w", err)
		}
		g.LevelID = connectlite.LevelID(level)
		return nil
	})
}

// HierarchyGroup returns the group and the groups of its path, level one
// first, read in one statement.
func (s *Store) HierarchyGroup(ctx context.Context, instanceID, id string) (*connectlite.HierarchyGroup, []connectlite.HierarchyGroup, error) {
	var (
		g     *connectlite.HierarchyGroup
		chain []connectlite.HierarchyGroup
	)
	err := s.read(ctx, "get hierarchy group", func(ctx context.Context) error {
		// The group and its ancestors, whose ids are the elements of its
		// path, ordered by level.
		rows, _ := s.pool.Query(ctx, `SELECT `+prefixed("a.", groupColumns)+` FROM hierarchy_groups g
			JOIN hierarchy_groups a ON a.instance_id = g.instance_id AND a.id = ANY (string_to_array(g.path, '/'))
			WHERE g.instance_id = $1 AND g.id = $2 ORDER BY a.level`, instanceID, id)
		var err error
		chain, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (connectlite.HierarchyGroup, error) {
			g, _, err := scanGroup(row, instanceID)
			if err != nil {
				return connectlite.HierarchyGroup{}, err
			}
			return *g, nil
		})
		if err != nil {
			return fmt.Errorf("get hierarchy group: %w", err)
		}
		if len(chain) == 0 {
			return connectlite.HierarchyGroupNotFound(instanceID, id)
		}
		last := chain[len(chain)-1]
		if last.ID != id {
			return fmt.Errorf("hierarchy group %s: path ends at %s", id, last.ID)
		}
		g = &last
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return g, chain, nil
}

// prefixed qualifies each column of a comma-separated list with p.
func prefixed(p, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// ListHierarchyGroups lists an instance's groups ordered by id; the cursor
// is the last id of the previous page.
func (s *Store) ListHierarchyGroups(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.HierarchyGroup, string, error) {
	limit := pageLimit(p)
	var items []connectlite.HierarchyGroup
	err := s.read(ctx, "list hierarchy groups", func(ctx context.Context) error {
		rows, _ := s.pool.Query(ctx, `SELECT `+groupColumns+` FROM hierarchy_groups
			WHERE instance_id = $1 AND id > $2 ORDER BY id LIMIT $3`, instanceID, p.After, limit+1)
		var err error
		items, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (connectlite.HierarchyGroup, error) {
			g, _, err := scanGroup(row, instanceID)
			if err != nil {
				return connectlite.HierarchyGroup{}, err
			}
			return *g, nil
		})
		if err != nil {
			return fmt.Errorf("list hierarchy groups: %w", err)
		}
		// A row proves the instance exists (foreign key).
		if len(items) == 0 {
			return instanceExists(ctx, s.pool, instanceID)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(g connectlite.HierarchyGroup) string { return g.ID })
	return items, next, nil
}

// UpdateHierarchyGroup locks the group, applies mutate and writes its name,
// tags and last-modified members.
func (s *Store) UpdateHierarchyGroup(ctx context.Context, instanceID, id string, mutate func(*connectlite.HierarchyGroup) error) (*connectlite.HierarchyGroup, error) {
	var updated *connectlite.HierarchyGroup
	err := s.write(ctx, "update hierarchy group", func(ctx context.Context, tx pgx.Tx) error {
		g, _, err := loadGroup(ctx, tx, instanceID, id, "FOR NO KEY UPDATE")
		if err != nil {
			return err
		}
		level, parent := g.LevelID, g.ParentGroupID
		if err := mutate(g); err != nil {
			return err
		}
		g.InstanceID, g.ID, g.LevelID, g.ParentGroupID = instanceID, id, level, parent
		tags, err := storecodec.EncodeTags[[]byte](g.Tags)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE hierarchy_groups SET name = $1, name_key = $2, tags = $3, last_modified_time = $4,
			last_modified_region = $5 WHERE instance_id = $6 AND id = $7`,
			g.Name, strings.ToLower(g.Name), tags, timeToDB(g.LastModifiedTime), g.LastModifiedRegion, instanceID, id)
		if violates(err, codeUniqueViolation, constraintGroupLevelName) {
			return connectlite.DuplicateHierarchyGroupName(instanceID, g.GroupLevel(), g.Name)
		}
		if err != nil {
			return fmt.Errorf("update hierarchy group: %w", err)
		}
		g.LastModifiedTime = timeToDB(g.LastModifiedTime)
		updated = g
		return nil
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteHierarchyGroup deletes the group unless a child group, a user or a
// security profile needs it. The row lock makes a concurrent insert of a
// child or a user of the group (which key-share locks it) finish first, so
// the checks see it; the foreign keys are the backstop.
func (s *Store) DeleteHierarchyGroup(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete hierarchy group", func(ctx context.Context, tx pgx.Tx) error {
		if _, _, err := loadGroup(ctx, tx, instanceID, id, "FOR UPDATE"); err != nil {
			return err
		}
		checks := []struct {
			query string
			err   func(string) error
		}{
			{`SELECT id FROM hierarchy_groups WHERE instance_id = $1 AND parent_group_id = $2 ORDER BY id LIMIT 1`,
				func(child string) error { return connectlite.HierarchyGroupHasChildren(id, child) }},
			{`SELECT id FROM users WHERE instance_id = $1 AND hierarchy_group_id = $2 ORDER BY id LIMIT 1`,
				func(user string) error { return connectlite.HierarchyGroupHasUsers(id, user) }},
			{`SELECT id FROM security_profiles WHERE instance_id = $1 AND allowed_access_control_hierarchy_group_id = $2
				ORDER BY id LIMIT 1`,
				func(profile string) error { return connectlite.HierarchyGroupUsedBySecurityProfile(id, profile) }},
		}
		for _, c := range checks {
			var other string
			err := tx.QueryRow(ctx, c.query, instanceID, id).Scan(&other)
			if err == nil {
				return c.err(other)
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("check references of hierarchy group: %w", err)
			}
		}
		_, err := tx.Exec(ctx, `DELETE FROM hierarchy_groups WHERE instance_id = $1 AND id = $2`, instanceID, id)
		if sqlState(err) == codeForeignKeyViolation {
			return &connectlite.Error{Kind: connectlite.KindResourceInUse,
				Message: "Hierarchy group " + id + " is in use by another resource"}
		}
		if err != nil {
			return fmt.Errorf("delete hierarchy group: %w", err)
		}
		return nil
	})
}
