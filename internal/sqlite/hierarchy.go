package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
)

var _ connectlite.HierarchyStore = (*Store)(nil)

// The hierarchy structure and groups (tables of 0001, unique group names
// per level from 0006). Every write runs on the single writer connection,
// so its checks and its changes cannot interleave with another write.

const (
	selectLevelsQuery = `SELECT level, id, name, last_modified_time, last_modified_region
	FROM hierarchy_levels WHERE instance_id = ? ORDER BY level`
	deleteLevelsAboveQuery = `DELETE FROM hierarchy_levels WHERE instance_id = ? AND level > ?`
	upsertLevelQuery       = `INSERT INTO hierarchy_levels (instance_id, level, id, name, last_modified_time,
	last_modified_region) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (instance_id, level) DO UPDATE SET
	id = excluded.id, name = excluded.name, last_modified_time = excluded.last_modified_time,
	last_modified_region = excluded.last_modified_region`
	levelExistsQuery = `SELECT 1 FROM hierarchy_levels WHERE instance_id = ? AND level = ?`
	// The first group below or at a level, through hierarchy_groups_level_name.
	groupAtLevelQuery = `SELECT id FROM hierarchy_groups WHERE instance_id = ? AND level > ? ORDER BY level, name_key LIMIT 1`

	groupColumns = `id, name, parent_group_id, level, path, tags, last_modified_time, last_modified_region`

	selectGroupQuery = `SELECT ` + groupColumns + ` FROM hierarchy_groups WHERE instance_id = ? AND id = ?`
	insertGroupQuery = `INSERT INTO hierarchy_groups (instance_id, id, name, name_key, parent_group_id, level, path,
	tags, last_modified_time, last_modified_region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	listGroupsQuery = `SELECT ` + groupColumns + ` FROM hierarchy_groups
	WHERE instance_id = ? AND id > ? ORDER BY id LIMIT ?`
	updateGroupQuery = `UPDATE hierarchy_groups SET name = ?, name_key = ?, tags = ?, last_modified_time = ?,
	last_modified_region = ? WHERE instance_id = ? AND id = ?`
	deleteGroupQuery = `DELETE FROM hierarchy_groups WHERE instance_id = ? AND id = ?`
	// What keeps a group from being deleted, through hierarchy_groups_parent
	// and users_hierarchy_group (0001); security profiles are few per
	// instance.
	childOfGroupQuery   = `SELECT id FROM hierarchy_groups WHERE instance_id = ? AND parent_group_id = ? ORDER BY id LIMIT 1`
	userOfGroupQuery    = `SELECT id FROM users WHERE instance_id = ? AND hierarchy_group_id = ? ORDER BY id LIMIT 1`
	profileOfGroupQuery = `SELECT id FROM security_profiles
	WHERE instance_id = ? AND allowed_access_control_hierarchy_group_id = ? ORDER BY id LIMIT 1`
)

// hierarchyReadQueries and hierarchyWriteQueries are the queries of this
// file and instance_attributes.go that the reader and the writer prepare.
var (
	hierarchyReadQueries = []string{
		selectLevelsQuery, selectGroupQuery, listGroupsQuery, selectInstanceAttributesQuery,
	}
	hierarchyWriteQueries = []string{
		selectLevelsQuery, deleteLevelsAboveQuery, upsertLevelQuery, levelExistsQuery, groupAtLevelQuery,
		selectGroupQuery, insertGroupQuery, updateGroupQuery, deleteGroupQuery,
		childOfGroupQuery, userOfGroupQuery, profileOfGroupQuery,
		upsertInstanceAttributeQuery, updateInboundCallsQuery, updateOutboundCallsQuery,
		instanceByClientTokenQuery, setClientTokenFingerprintQuery,
	}
)

// firstID returns the id query answers, or "" if it answers no row.
func firstID(ctx context.Context, tx *txn, what, query string, args ...any) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, query, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, wrap(what, err)
}

// loadLevels reads the instance's levels in level order.
func loadLevels(ctx context.Context, tx *txn, instanceID string) ([]connectlite.HierarchyLevel, error) {
	rows, err := tx.QueryContext(ctx, selectLevelsQuery, instanceID)
	if err != nil {
		return nil, wrap("read hierarchy levels", err)
	}
	defer rows.Close()
	var levels []connectlite.HierarchyLevel
	for rows.Next() {
		l := connectlite.HierarchyLevel{InstanceID: instanceID}
		var lmt int64
		if err := rows.Scan(&l.Level, &l.ID, &l.Name, &lmt, &l.LastModifiedRegion); err != nil {
			return nil, wrap("read hierarchy levels: scan", err)
		}
		l.LastModifiedTime = timeFromDB(lmt)
		levels = append(levels, l)
	}
	return levels, wrap("read hierarchy levels: rows", rows.Err())
}

// HierarchyStructure returns the instance's levels in level order. It
// returns KindNotFound if the instance does not exist.
func (s *Store) HierarchyStructure(ctx context.Context, instanceID string) ([]connectlite.HierarchyLevel, error) {
	var levels []connectlite.HierarchyLevel
	err := s.read(ctx, "get hierarchy structure", func(tx *txn) error {
		var err error
		if levels, err = loadLevels(ctx, tx, instanceID); err != nil || len(levels) > 0 {
			return err
		}
		return instanceExists(ctx, tx, instanceID)
	})
	return levels, err
}

// UpdateHierarchyStructure replaces the levels with what mutate returns;
// removing a level a group is at is KindResourceInUse.
func (s *Store) UpdateHierarchyStructure(ctx context.Context, instanceID string, mutate func([]connectlite.HierarchyLevel) ([]connectlite.HierarchyLevel, error)) ([]connectlite.HierarchyLevel, error) {
	var next []connectlite.HierarchyLevel
	err := s.write(ctx, "update hierarchy structure", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
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
		groupID, err := firstID(ctx, tx, "check groups of removed levels", groupAtLevelQuery, instanceID, len(next))
		if err != nil {
			return err
		}
		if groupID != "" {
			var level int
			g, err := loadGroup(ctx, tx, instanceID, groupID)
			if err == nil {
				level = g.GroupLevel()
			}
			return connectlite.HierarchyLevelInUse(max(level, len(next)+1), groupID)
		}
		if _, err := tx.ExecContext(ctx, deleteLevelsAboveQuery, instanceID, len(next)); err != nil {
			return wrap("delete hierarchy levels", err)
		}
		for _, l := range next {
			if _, err := tx.ExecContext(ctx, upsertLevelQuery, instanceID, l.Level, l.ID, l.Name,
				timeToDB(l.LastModifiedTime), l.LastModifiedRegion); err != nil {
				return wrap("write hierarchy level", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return next, nil
}

// scanGroup reads a row of groupColumns.
func scanGroup(row interface{ Scan(...any) error }, instanceID string) (*connectlite.HierarchyGroup, string, error) {
	g := connectlite.HierarchyGroup{InstanceID: instanceID}
	var (
		parent     sql.NullString
		level      int
		path, tags string
		lmt        int64
	)
	if err := row.Scan(&g.ID, &g.Name, &parent, &level, &path, &tags, &lmt, &g.LastModifiedRegion); err != nil {
		return nil, "", err
	}
	g.ParentGroupID = parent.String
	g.LevelID = connectlite.LevelID(level)
	g.LastModifiedTime = timeFromDB(lmt)
	var err error
	if g.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, "", fmt.Errorf("hierarchy group %s: %w", g.ID, err)
	}
	return &g, path, nil
}

// loadGroupPath reads a group and its path column; KindNotFound if there
// is no such group.
func loadGroupPath(ctx context.Context, tx *txn, instanceID, id string) (*connectlite.HierarchyGroup, string, error) {
	g, path, err := scanGroup(tx.QueryRowContext(ctx, selectGroupQuery, instanceID, id), instanceID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", connectlite.HierarchyGroupNotFound(instanceID, id)
	}
	if err != nil {
		return nil, "", wrap("get hierarchy group", err)
	}
	return g, path, nil
}

func loadGroup(ctx context.Context, tx *txn, instanceID, id string) (*connectlite.HierarchyGroup, error) {
	g, _, err := loadGroupPath(ctx, tx, instanceID, id)
	return g, err
}

// CreateHierarchyGroup inserts g at the level below its parent, with its
// path, after checking the instance, the parent and the level.
func (s *Store) CreateHierarchyGroup(ctx context.Context, g *connectlite.HierarchyGroup) error {
	tags, err := storecodec.EncodeTags[string](g.Tags)
	if err != nil {
		return err
	}
	return s.write(ctx, "create hierarchy group", func(tx *txn) error {
		if err := instanceExists(ctx, tx, g.InstanceID); err != nil {
			return err
		}
		level, path := 1, g.ID
		if g.ParentGroupID != "" {
			parent, parentPath, err := loadGroupPath(ctx, tx, g.InstanceID, g.ParentGroupID)
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
		err := tx.QueryRowContext(ctx, levelExistsQuery, g.InstanceID, level).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return connectlite.HierarchyLevelNotDefined(g.InstanceID, level)
		}
		if err != nil {
			return wrap("check hierarchy level", err)
		}
		_, err = tx.ExecContext(ctx, insertGroupQuery, g.InstanceID, g.ID, g.Name, strings.ToLower(g.Name),
			nullable(g.ParentGroupID), level, path, tags, timeToDB(g.LastModifiedTime), g.LastModifiedRegion)
		if isUnique(err, "hierarchy_groups.name_key") {
			return connectlite.DuplicateHierarchyGroupName(g.InstanceID, level, g.Name)
		}
		if err != nil {
			return wrap("insert hierarchy group", err)
		}
		g.LevelID = connectlite.LevelID(level)
		return nil
	})
}

// HierarchyGroup returns the group and the groups of its path, level one
// first, in one snapshot.
func (s *Store) HierarchyGroup(ctx context.Context, instanceID, id string) (*connectlite.HierarchyGroup, []connectlite.HierarchyGroup, error) {
	var (
		g     *connectlite.HierarchyGroup
		chain []connectlite.HierarchyGroup
	)
	err := s.read(ctx, "get hierarchy group", func(tx *txn) error {
		var (
			path string
			err  error
		)
		if g, path, err = loadGroupPath(ctx, tx, instanceID, id); err != nil {
			return err
		}
		ids := strings.Split(path, "/")
		chain = make([]connectlite.HierarchyGroup, 0, len(ids))
		for _, pid := range ids[:len(ids)-1] {
			p, err := loadGroup(ctx, tx, instanceID, pid)
			if err != nil {
				return fmt.Errorf("hierarchy group %s: path %s: %w", id, path, err)
			}
			chain = append(chain, *p)
		}
		chain = append(chain, *g)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return g, chain, nil
}

// ListHierarchyGroups lists an instance's groups ordered by id; the cursor
// is the last id of the previous page.
func (s *Store) ListHierarchyGroups(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.HierarchyGroup, string, error) {
	limit := pageLimit(p)
	var items []connectlite.HierarchyGroup
	err := s.read(ctx, "list hierarchy groups", func(tx *txn) error {
		var err error
		items, err = queryRows(ctx, tx, "list hierarchy groups",
			func(row rowScanner) (*connectlite.HierarchyGroup, error) {
				g, _, err := scanGroup(row, instanceID)
				return g, err
			}, listGroupsQuery, instanceID, p.After, limit+1)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return instanceExists(ctx, tx, instanceID)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(g connectlite.HierarchyGroup) string { return g.ID })
	return items, next, nil
}

// UpdateHierarchyGroup applies mutate to the group and writes its name,
// tags and last-modified members.
func (s *Store) UpdateHierarchyGroup(ctx context.Context, instanceID, id string, mutate func(*connectlite.HierarchyGroup) error) (*connectlite.HierarchyGroup, error) {
	var updated *connectlite.HierarchyGroup
	err := s.write(ctx, "update hierarchy group", func(tx *txn) error {
		g, err := loadGroup(ctx, tx, instanceID, id)
		if err != nil {
			return err
		}
		level, parent := g.LevelID, g.ParentGroupID
		if err := mutate(g); err != nil {
			return err
		}
		g.InstanceID, g.ID, g.LevelID, g.ParentGroupID = instanceID, id, level, parent
		tags, err := storecodec.EncodeTags[string](g.Tags)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, updateGroupQuery, g.Name, strings.ToLower(g.Name), tags,
			timeToDB(g.LastModifiedTime), g.LastModifiedRegion, instanceID, id)
		if isUnique(err, "hierarchy_groups.name_key") {
			return connectlite.DuplicateHierarchyGroupName(instanceID, g.GroupLevel(), g.Name)
		}
		if err != nil {
			return wrap("update hierarchy group", err)
		}
		updated = g
		return nil
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteHierarchyGroup deletes the group unless a child group, a user or a
// security profile needs it.
func (s *Store) DeleteHierarchyGroup(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete hierarchy group", func(tx *txn) error {
		if _, err := loadGroup(ctx, tx, instanceID, id); err != nil {
			return err
		}
		child, err := firstID(ctx, tx, "check child groups", childOfGroupQuery, instanceID, id)
		if err != nil {
			return err
		}
		if child != "" {
			return connectlite.HierarchyGroupHasChildren(id, child)
		}
		user, err := firstID(ctx, tx, "check users of group", userOfGroupQuery, instanceID, id)
		if err != nil {
			return err
		}
		if user != "" {
			return connectlite.HierarchyGroupHasUsers(id, user)
		}
		profile, err := firstID(ctx, tx, "check security profiles of group", profileOfGroupQuery, instanceID, id)
		if err != nil {
			return err
		}
		if profile != "" {
			return connectlite.HierarchyGroupUsedBySecurityProfile(id, profile)
		}
		if _, err := tx.ExecContext(ctx, deleteGroupQuery, instanceID, id); err != nil {
			return wrap("delete hierarchy group", err)
		}
		return nil
	})
}
