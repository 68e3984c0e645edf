package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	sqlite3 "modernc.org/sqlite/lib"
)

// Security profiles and routing profiles (migration 0002). Writes check the
// instance and the references in their transaction, so the answers name the
// missing or blocking resource; the foreign keys are the backstop.

const (
	securityProfileColumns = `id, name, description, permissions, tags, last_modified_time, last_modified_region,
	allowed_access_control_tags, tag_restricted_resources, hierarchy_restricted_resources,
	allowed_access_control_hierarchy_group_id, applications, allowed_flow_modules, primary_attribute_values`
	createSecurityProfileQuery = `INSERT INTO security_profiles (instance_id, ` + securityProfileColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	selectSecurityProfileQuery = `SELECT ` + securityProfileColumns + ` FROM security_profiles
	WHERE instance_id = ? AND id = ?`
	updateSecurityProfileQuery = `UPDATE security_profiles SET name = ?, description = ?, permissions = ?, tags = ?,
	last_modified_time = ?, last_modified_region = ?, allowed_access_control_tags = ?, tag_restricted_resources = ?,
	hierarchy_restricted_resources = ?, allowed_access_control_hierarchy_group_id = ?, applications = ?,
	allowed_flow_modules = ?, primary_attribute_values = ? WHERE instance_id = ? AND id = ?`
	deleteSecurityProfileQuery = `DELETE FROM security_profiles WHERE instance_id = ? AND id = ?`
	// The first user of a security profile, through user_security_profiles_profile.
	userOfSecurityProfileQuery = `SELECT user_id FROM user_security_profiles
	WHERE instance_id = ? AND security_profile_id = ? ORDER BY user_id LIMIT 1`

	routingProfileColumns = `id, name, description, default_outbound_queue_id, media_concurrencies, tags,
	last_modified_time, last_modified_region, agent_availability_timer, is_default`
	selectRoutingProfileQuery = `SELECT ` + routingProfileColumns + ` FROM routing_profiles
	WHERE instance_id = ? AND id = ?`
	updateRoutingProfileQuery = `UPDATE routing_profiles SET name = ?, description = ?, default_outbound_queue_id = ?,
	media_concurrencies = ?, tags = ?, last_modified_time = ?, last_modified_region = ?, agent_availability_timer = ?
	WHERE instance_id = ? AND id = ?`
	deleteRoutingProfileQuery             = `DELETE FROM routing_profiles WHERE instance_id = ? AND id = ?`
	selectRoutingProfileQueueConfigsQuery = `SELECT queue_id, channel, priority, delay FROM routing_profile_queues
	WHERE instance_id = ? AND routing_profile_id = ? ORDER BY position`
	selectRoutingProfileManualQueuesQuery = `SELECT queue_id, channel FROM routing_profile_manual_queues
	WHERE instance_id = ? AND routing_profile_id = ? ORDER BY position`
	deleteRoutingProfileQueueConfigsQuery = `DELETE FROM routing_profile_queues WHERE instance_id = ? AND routing_profile_id = ?`
	deleteRoutingProfileManualQueuesQuery = `DELETE FROM routing_profile_manual_queues
	WHERE instance_id = ? AND routing_profile_id = ?`
	insertRoutingProfileManualQueueQuery = `INSERT INTO routing_profile_manual_queues (instance_id,
	routing_profile_id, queue_id, channel, position) VALUES (?, ?, ?, ?, ?)`
	// The users of a routing profile, through users_routing_profile.
	countRoutingProfileUsersQuery = `SELECT count(*) FROM users WHERE instance_id = ? AND routing_profile_id = ?`
	userOfRoutingProfileQuery     = `SELECT id FROM users WHERE instance_id = ? AND routing_profile_id = ? ORDER BY id LIMIT 1`
	profileQueueExistsQuery       = `SELECT 1 FROM queues WHERE instance_id = ? AND id = ?`
	// A page of a routing profile's queue lists: a range scan of the
	// primary key from the cursor (queue id, channel).
	pageRoutingProfileQueuesQuery = `SELECT rq.queue_id, rq.channel, rq.priority, rq.delay, q.name
	FROM routing_profile_queues rq JOIN queues q ON q.instance_id = rq.instance_id AND q.id = rq.queue_id
	WHERE rq.instance_id = ? AND rq.routing_profile_id = ? AND (rq.queue_id, rq.channel) > (?, ?)
	ORDER BY rq.queue_id, rq.channel LIMIT ?`
	pageRoutingProfileManualQueuesQuery = `SELECT rq.queue_id, rq.channel, q.name
	FROM routing_profile_manual_queues rq JOIN queues q ON q.instance_id = rq.instance_id AND q.id = rq.queue_id
	WHERE rq.instance_id = ? AND rq.routing_profile_id = ? AND (rq.queue_id, rq.channel) > (?, ?)
	ORDER BY rq.queue_id, rq.channel LIMIT ?`
)

// securityProfileValues returns the values of securityProfileColumns after
// id, in their order.
func securityProfileValues(p *connectlite.SecurityProfile) ([]any, error) {
	j, err := storecodec.EncodeSecurityProfile[string](p)
	if err != nil {
		return nil, err
	}
	return []any{p.Name, p.Description, j.Permissions, j.Tags, timeToDB(p.LastModifiedTime), p.LastModifiedRegion,
		j.AllowedAccessControlTags, j.TagRestrictedResources, j.HierarchyRestrictedResources,
		p.AllowedAccessControlHierarchyGroupID, j.Applications, j.AllowedFlowModules, j.DataTablePrimaryAttributeValues}, nil
}

// scanSecurityProfile reads a row of securityProfileColumns.
func scanSecurityProfile(row interface{ Scan(...any) error }, instanceID string) (*connectlite.SecurityProfile, error) {
	p := connectlite.SecurityProfile{InstanceID: instanceID}
	var j storecodec.SecurityProfileJSON[string]
	var lmt int64
	if err := row.Scan(&p.ID, &p.Name, &p.Description, &j.Permissions, &j.Tags, &lmt, &p.LastModifiedRegion,
		&j.AllowedAccessControlTags, &j.TagRestrictedResources, &j.HierarchyRestrictedResources,
		&p.AllowedAccessControlHierarchyGroupID, &j.Applications, &j.AllowedFlowModules,
		&j.DataTablePrimaryAttributeValues); err != nil {
		return nil, err
	}
	p.LastModifiedTime = timeFromDB(lmt)
	if err := j.Decode(&p); err != nil {
		return nil, err
	}
	return &p, nil
}

func securityProfileNotFound(instanceID, id string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "Security profile %s does not exist in instance %s", id, instanceID)
}

func securityProfileNameTaken(p *connectlite.SecurityProfile) error {
	return connectlite.Errorf(connectlite.KindDuplicate, "A security profile named %s already exists in instance %s", p.Name, p.InstanceID)
}

// loadSecurityProfile reads one security profile.
func loadSecurityProfile(ctx context.Context, tx *txn, instanceID, id string) (*connectlite.SecurityProfile, error) {
	p, err := scanSecurityProfile(tx.QueryRowContext(ctx, selectSecurityProfileQuery, instanceID, id), instanceID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, securityProfileNotFound(instanceID, id)
	}
	if err != nil {
		return nil, wrap("get security profile", err)
	}
	return p, nil
}

// profileExists reports whether query (instance_id, id) finds a row.
func profileExists(ctx context.Context, tx *txn, query, instanceID, id string) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, query, instanceID, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, wrap("check reference "+id, err)
	}
	return true, nil
}

// routingProfileMustExist returns KindNotFound unless the routing profile
// exists.
func routingProfileMustExist(ctx context.Context, tx *txn, instanceID, id string) error {
	ok, err := profileExists(ctx, tx, routingProfileExistsQuery, instanceID, id)
	if err == nil && !ok {
		err = routingProfileNotFound(instanceID, id)
	}
	return err
}

// checkSecurityProfileReferences returns KindInvalidParameter if p names a
// hierarchy group that does not exist in its instance.
func checkSecurityProfileReferences(ctx context.Context, tx *txn, p *connectlite.SecurityProfile) error {
	id := p.AllowedAccessControlHierarchyGroupID
	if id == "" {
		return nil
	}
	ok, err := profileExists(ctx, tx, hierarchyGroupExistsQuery, p.InstanceID, id)
	if err != nil || ok {
		return err
	}
	return connectlite.Errorf(connectlite.KindInvalidParameter,
		"AllowedAccessControlHierarchyGroupId: hierarchy group %s does not exist in instance %s", id, p.InstanceID)
}

// CreateSecurityProfile inserts p after checking its instance and hierarchy
// group. It returns KindNotFound if the instance does not exist,
// KindDuplicate if the name is taken and KindInvalidParameter if the
// hierarchy group does not exist.
func (s *Store) CreateSecurityProfile(ctx context.Context, p *connectlite.SecurityProfile) error {
	vals, err := securityProfileValues(p)
	if err != nil {
		return err
	}
	return s.write(ctx, "create security profile", func(tx *txn) error {
		if err := instanceExists(ctx, tx, p.InstanceID); err != nil {
			return err
		}
		if err := checkSecurityProfileReferences(ctx, tx, p); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, createSecurityProfileQuery, append([]any{p.InstanceID, p.ID}, vals...)...)
		if isUnique(err, "security_profiles.name") {
			return securityProfileNameTaken(p)
		}
		return wrap("insert security profile", err)
	})
}

// SecurityProfile returns KindNotFound if the instance has no security
// profile with that id.
func (s *Store) SecurityProfile(ctx context.Context, instanceID, id string) (*connectlite.SecurityProfile, error) {
	var p *connectlite.SecurityProfile
	err := s.read(ctx, "get security profile", func(tx *txn) error {
		var err error
		p, err = loadSecurityProfile(ctx, tx, instanceID, id)
		return err
	})
	return p, err
}

// UpdateSecurityProfile reads the security profile, applies mutate and
// writes the result in one write transaction, checking the name and the
// hierarchy group as CreateSecurityProfile does. mutate runs while the
// database's write lock is held and must not call the store.
func (s *Store) UpdateSecurityProfile(ctx context.Context, instanceID, id string, mutate func(*connectlite.SecurityProfile) error) (*connectlite.SecurityProfile, error) {
	var updated *connectlite.SecurityProfile
	err := s.write(ctx, "update security profile", func(tx *txn) error {
		p, err := loadSecurityProfile(ctx, tx, instanceID, id)
		if err != nil {
			return err
		}
		if err := mutate(p); err != nil {
			return err
		}
		p.InstanceID, p.ID = instanceID, id
		if err := checkSecurityProfileReferences(ctx, tx, p); err != nil {
			return err
		}
		vals, err := securityProfileValues(p)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, updateSecurityProfileQuery, append(vals, instanceID, id)...)
		if isUnique(err, "security_profiles.name") {
			return securityProfileNameTaken(p)
		}
		if err != nil {
			return wrap("update security profile", err)
		}
		updated, err = loadSecurityProfile(ctx, tx, instanceID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteSecurityProfile deletes the security profile unless a user has it
// (KindResourceInUse naming the user with the smallest id).
func (s *Store) DeleteSecurityProfile(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete security profile", func(tx *txn) error {
		if ok, err := profileExists(ctx, tx, securityProfileExistsQuery, instanceID, id); err != nil || !ok {
			if err == nil {
				err = securityProfileNotFound(instanceID, id)
			}
			return err
		}
		user, err := profileFirstID(ctx, tx, "check users of security profile", userOfSecurityProfileQuery, instanceID, id)
		if err != nil {
			return err
		}
		if user != "" {
			return profileInUse("Security profile", id, user)
		}
		_, err = tx.ExecContext(ctx, deleteSecurityProfileQuery, instanceID, id)
		if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			return profileInUse("Security profile", id, "")
		}
		return wrap("delete security profile", err)
	})
}

// profileFirstID returns the id query (instance_id, id) finds, or "".
func profileFirstID(ctx context.Context, tx *txn, what, query, instanceID, id string) (string, error) {
	var out string
	err := tx.QueryRowContext(ctx, query, instanceID, id).Scan(&out)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return out, wrap(what, err)
}

// profileInUse is the KindResourceInUse error of a profile delete; user is
// the blocking user's id ("" if unknown).
func profileInUse(what, id, user string) error {
	msg := fmt.Sprintf("%s %s is in use by user %s", what, id, user)
	if user == "" {
		msg = fmt.Sprintf("%s %s is in use by a user", what, id)
	}
	return &connectlite.Error{Kind: connectlite.KindResourceInUse, Message: msg,
		ResourceType: connectlite.InUseByUser, ResourceID: user}
}

func routingProfileNotFound(instanceID, id string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "Routing profile %s does not exist in instance %s", id, instanceID)
}

func routingProfileNameTaken(p *connectlite.RoutingProfile) error {
	return connectlite.Errorf(connectlite.KindDuplicate, "A routing profile named %s already exists in instance %s", p.Name, p.InstanceID)
}

// loadRoutingProfile reads one routing profile with its queue lists and
// the number of its users.
func loadRoutingProfile(ctx context.Context, tx *txn, instanceID, id string) (*connectlite.RoutingProfile, error) {
	p := connectlite.RoutingProfile{InstanceID: instanceID}
	var j storecodec.RoutingProfileJSON[string]
	var lmt, isDefault int64
	err := tx.QueryRowContext(ctx, selectRoutingProfileQuery, instanceID, id).Scan(&p.ID, &p.Name, &p.Description,
		&p.DefaultOutboundQueueID, &j.MediaConcurrencies, &j.Tags, &lmt, &p.LastModifiedRegion,
		&p.AgentAvailabilityTimer, &isDefault)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, routingProfileNotFound(instanceID, id)
	}
	if err != nil {
		return nil, wrap("get routing profile", err)
	}
	p.LastModifiedTime = timeFromDB(lmt)
	p.IsDefault = isDefault != 0
	if err := j.Decode(&p); err != nil {
		return nil, err
	}

	rows, err := tx.QueryContext(ctx, selectRoutingProfileQueueConfigsQuery, instanceID, id)
	if err != nil {
		return nil, wrap("get routing profile queues", err)
	}
	for rows.Next() {
		var q connectlite.RoutingProfileQueueConfig
		if err := rows.Scan(&q.QueueID, &q.Channel, &q.Priority, &q.Delay); err != nil {
			rows.Close()
			return nil, wrap("get routing profile queues: scan", err)
		}
		p.QueueConfigs = append(p.QueueConfigs, q)
	}
	if err := rows.Close(); err != nil {
		return nil, wrap("get routing profile queues: close", err)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("get routing profile queues: rows", err)
	}

	rows, err = tx.QueryContext(ctx, selectRoutingProfileManualQueuesQuery, instanceID, id)
	if err != nil {
		return nil, wrap("get routing profile manual queues", err)
	}
	for rows.Next() {
		var q connectlite.RoutingProfileQueueReference
		if err := rows.Scan(&q.QueueID, &q.Channel); err != nil {
			rows.Close()
			return nil, wrap("get routing profile manual queues: scan", err)
		}
		p.ManualAssignmentQueues = append(p.ManualAssignmentQueues, q)
	}
	if err := rows.Close(); err != nil {
		return nil, wrap("get routing profile manual queues: close", err)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("get routing profile manual queues: rows", err)
	}

	if err := tx.QueryRowContext(ctx, countRoutingProfileUsersQuery, instanceID, id).Scan(&p.AssociatedUsers); err != nil {
		return nil, wrap("count routing profile users", err)
	}
	return &p, nil
}

// checkRoutingProfileQueues returns KindInvalidParameter naming the first
// queue of p that does not exist in its instance: the default outbound
// queue, then those of the queue configs, then the manual assignment
// queues.
func checkRoutingProfileQueues(ctx context.Context, tx *txn, p *connectlite.RoutingProfile) error {
	checked := map[string]bool{}
	check := func(field, id string) error {
		if checked[id] {
			return nil
		}
		ok, err := profileExists(ctx, tx, profileQueueExistsQuery, p.InstanceID, id)
		if err != nil {
			return err
		}
		if !ok {
			return connectlite.Errorf(connectlite.KindInvalidParameter, "%s: queue %s does not exist in instance %s", field, id, p.InstanceID)
		}
		checked[id] = true
		return nil
	}
	if err := check("DefaultOutboundQueueId", p.DefaultOutboundQueueID); err != nil {
		return err
	}
	for _, q := range p.QueueConfigs {
		if err := check("QueueConfigs", q.QueueID); err != nil {
			return err
		}
	}
	for _, q := range p.ManualAssignmentQueues {
		if err := check("ManualAssignmentQueueConfigs", q.QueueID); err != nil {
			return err
		}
	}
	return nil
}

func insertManualQueues(ctx context.Context, tx *txn, p *connectlite.RoutingProfile) error {
	for i, q := range p.ManualAssignmentQueues {
		if _, err := tx.ExecContext(ctx, insertRoutingProfileManualQueueQuery, p.InstanceID, p.ID, q.QueueID, q.Channel, i); err != nil {
			return wrap("insert routing profile manual queue "+q.QueueID, err)
		}
	}
	return nil
}

// CreateRoutingProfile inserts p with its queue lists after checking its
// instance and queues. It returns KindNotFound if the instance does not
// exist, KindDuplicate if the name is taken and KindInvalidParameter naming
// the first queue that does not exist.
func (s *Store) CreateRoutingProfile(ctx context.Context, p *connectlite.RoutingProfile) error {
	return s.write(ctx, "create routing profile", func(tx *txn) error {
		if err := instanceExists(ctx, tx, p.InstanceID); err != nil {
			return err
		}
		if err := checkRoutingProfileQueues(ctx, tx, p); err != nil {
			return err
		}
		err := insertRoutingProfile(ctx, tx, p)
		if isUnique(err, "routing_profiles.name") {
			return routingProfileNameTaken(p)
		}
		if err != nil {
			return err
		}
		return insertManualQueues(ctx, tx, p)
	})
}

// RoutingProfile returns the routing profile with its queue lists and the
// number of its users. It returns KindNotFound if the instance has no
// routing profile with that id.
func (s *Store) RoutingProfile(ctx context.Context, instanceID, id string) (*connectlite.RoutingProfile, error) {
	var p *connectlite.RoutingProfile
	err := s.read(ctx, "get routing profile", func(tx *txn) error {
		var err error
		p, err = loadRoutingProfile(ctx, tx, instanceID, id)
		return err
	})
	return p, err
}

// UpdateRoutingProfile reads the routing profile, applies mutate and writes
// the result in one write transaction, rewriting a queue list only if mutate
// changed it. mutate runs while the database's write lock is held and must
// not call the store.
func (s *Store) UpdateRoutingProfile(ctx context.Context, instanceID, id string, mutate func(*connectlite.RoutingProfile) error) (*connectlite.RoutingProfile, error) {
	var updated *connectlite.RoutingProfile
	err := s.write(ctx, "update routing profile", func(tx *txn) error {
		p, err := loadRoutingProfile(ctx, tx, instanceID, id)
		if err != nil {
			return err
		}
		isDefault := p.IsDefault
		queues := slices.Clone(p.QueueConfigs)
		manual := slices.Clone(p.ManualAssignmentQueues)
		if err := mutate(p); err != nil {
			return err
		}
		p.InstanceID, p.ID, p.IsDefault = instanceID, id, isDefault
		if err := checkRoutingProfileQueues(ctx, tx, p); err != nil {
			return err
		}
		j, err := storecodec.EncodeRoutingProfile[string](p)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, updateRoutingProfileQuery, p.Name, p.Description, p.DefaultOutboundQueueID,
			j.MediaConcurrencies, j.Tags, timeToDB(p.LastModifiedTime), p.LastModifiedRegion, p.AgentAvailabilityTimer,
			instanceID, id)
		if isUnique(err, "routing_profiles.name") {
			return routingProfileNameTaken(p)
		}
		if err != nil {
			return wrap("update routing profile", err)
		}
		if !slices.Equal(queues, p.QueueConfigs) {
			if _, err := tx.ExecContext(ctx, deleteRoutingProfileQueueConfigsQuery, instanceID, id); err != nil {
				return wrap("update routing profile: delete queues", err)
			}
			for i, q := range p.QueueConfigs {
				if _, err := tx.ExecContext(ctx, insertRoutingProfileQueueQuery,
					instanceID, id, q.QueueID, q.Channel, q.Priority, q.Delay, i); err != nil {
					return wrap("update routing profile: insert queue "+q.QueueID, err)
				}
			}
		}
		if !slices.Equal(manual, p.ManualAssignmentQueues) {
			if _, err := tx.ExecContext(ctx, deleteRoutingProfileManualQueuesQuery, instanceID, id); err != nil {
				return wrap("update routing profile: delete manual queues", err)
			}
			if err := insertManualQueues(ctx, tx, p); err != nil {
				return err
			}
		}
		updated, err = loadRoutingProfile(ctx, tx, instanceID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteRoutingProfile deletes the routing profile and its queue lists
// unless a user has it (KindResourceInUse naming the user with the smallest
// id).
func (s *Store) DeleteRoutingProfile(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete routing profile", func(tx *txn) error {
		if err := routingProfileMustExist(ctx, tx, instanceID, id); err != nil {
			return err
		}
		user, err := profileFirstID(ctx, tx, "check users of routing profile", userOfRoutingProfileQuery, instanceID, id)
		if err != nil {
			return err
		}
		if user != "" {
			return profileInUse("Routing profile", id, user)
		}
		_, err = tx.ExecContext(ctx, deleteRoutingProfileQuery, instanceID, id)
		if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			return profileInUse("Routing profile", id, "")
		}
		return wrap("delete routing profile", err)
	})
}

// queueCursor is the cursor of a page of a routing profile's queues: the
// queue id and channel of its last row. Channels have no spaces.
func queueCursor(queueID, channel string) string { return queueID + " " + channel }

func splitQueueCursor(after string) (queueID, channel string) {
	if i := strings.LastIndexByte(after, ' '); i >= 0 {
		return after[:i], after[i+1:]
	}
	return after, ""
}

// ListRoutingProfileQueues lists the queue configs of a routing profile with
// their queues' names, ordered by queue id then channel. It returns
// KindNotFound if the instance has no routing profile with that id.
func (s *Store) ListRoutingProfileQueues(ctx context.Context, instanceID, id string, p connectlite.PageRequest) ([]connectlite.RoutingProfileQueueSummary, string, error) {
	limit := pageLimit(p)
	var items []connectlite.RoutingProfileQueueSummary
	err := s.read(ctx, "list routing profile queues", func(tx *txn) error {
		if err := routingProfileMustExist(ctx, tx, instanceID, id); err != nil {
			return err
		}
		q, ch := splitQueueCursor(p.After)
		var err error
		items, err = queryRows(ctx, tx, "list routing profile queues",
			func(row rowScanner) (*connectlite.RoutingProfileQueueSummary, error) {
				var it connectlite.RoutingProfileQueueSummary
				return &it, row.Scan(&it.QueueID, &it.Channel, &it.Priority, &it.Delay, &it.QueueName)
			}, pageRoutingProfileQueuesQuery, instanceID, id, q, ch, limit+1)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(it connectlite.RoutingProfileQueueSummary) string {
		return queueCursor(it.QueueID, it.Channel)
	})
	return items, next, nil
}

// ListRoutingProfileManualAssignmentQueues lists the manual assignment
// queues of a routing profile with their queues' names, ordered by queue id
// then channel. It returns KindNotFound if the instance has no routing
// profile with that id.
func (s *Store) ListRoutingProfileManualAssignmentQueues(ctx context.Context, instanceID, id string, p connectlite.PageRequest) ([]connectlite.RoutingProfileManualQueueSummary, string, error) {
	limit := pageLimit(p)
	var items []connectlite.RoutingProfileManualQueueSummary
	err := s.read(ctx, "list routing profile manual queues", func(tx *txn) error {
		if err := routingProfileMustExist(ctx, tx, instanceID, id); err != nil {
			return err
		}
		q, ch := splitQueueCursor(p.After)
		var err error
		items, err = queryRows(ctx, tx, "list routing profile manual queues",
			func(row rowScanner) (*connectlite.RoutingProfileManualQueueSummary, error) {
				var it connectlite.RoutingProfileManualQueueSummary
				return &it, row.Scan(&it.QueueID, &it.Channel, &it.QueueName)
			}, pageRoutingProfileManualQueuesQuery, instanceID, id, q, ch, limit+1)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(it connectlite.RoutingProfileManualQueueSummary) string {
		return queueCursor(it.QueueID, it.Channel)
	})
	return items, next, nil
}
