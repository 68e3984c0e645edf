package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	"github.com/jackc/pgx/v5"
)

// Security profiles and routing profiles (migration 0002). Updates and
// deletes lock the row they change (SELECT ... FOR UPDATE) before they check
// anything, so concurrent writers of one profile queue up; the foreign keys
// and unique constraints settle races with writers of other rows (a user
// created with the profile being deleted, a queue deleted while a profile
// takes it), and their violations become the errors the checks give.

// Constraint names the profile writes turn into domain errors.
const (
	constraintSecurityProfileName     = "security_profiles_instance_name"
	constraintSecurityProfileInstance = "security_profiles_instance_id_fkey"
	constraintRoutingProfileName      = "routing_profiles_instance_name"
	constraintRoutingProfileInstance  = "routing_profiles_instance_id_fkey"
)

const securityProfileColumns = `id, name, description, permissions, tags, last_modified_time, last_modified_region,
	allowed_access_control_tags, tag_restricted_resources, hierarchy_restricted_resources,
	allowed_access_control_hierarchy_group_id, applications, allowed_flow_modules, primary_attribute_values`

// securityProfileValues returns the values of securityProfileColumns after
// id, in their order.
func securityProfileValues(p *connectlite.SecurityProfile) ([]any, error) {
	j, err := storecodec.EncodeSecurityProfile[[]byte](p)
	if err != nil {
		return nil, err
	}
	return []any{p.Name, p.Description, j.Permissions, j.Tags, timeToDB(p.LastModifiedTime), p.LastModifiedRegion,
		j.AllowedAccessControlTags, j.TagRestrictedResources, j.HierarchyRestrictedResources,
		p.AllowedAccessControlHierarchyGroupID, j.Applications, j.AllowedFlowModules, j.DataTablePrimaryAttributeValues}, nil
}

// scanSecurityProfile reads a row of securityProfileColumns.
func scanSecurityProfile(row pgx.Row, instanceID string) (*connectlite.SecurityProfile, error) {
	p := connectlite.SecurityProfile{InstanceID: instanceID}
	var j storecodec.SecurityProfileJSON[[]byte]
	if err := row.Scan(&p.ID, &p.Name, &p.Description, &j.Permissions, &j.Tags, &p.LastModifiedTime,
		&p.LastModifiedRegion, &j.AllowedAccessControlTags, &j.TagRestrictedResources, &j.HierarchyRestrictedResources,
		&p.AllowedAccessControlHierarchyGroupID, &j.Applications, &j.AllowedFlowModules,
		&j.DataTablePrimaryAttributeValues); err != nil {
		return nil, err
	}
	p.LastModifiedTime = timeFromDB(p.LastModifiedTime)
	if err := j.Decode(&p); err != nil {
		return nil, err
	}
	return &p, nil
}

func spNotFound(instanceID, id string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "Security profile %s does not exist in instance %s", id, instanceID)
}

func spNameTaken(p *connectlite.SecurityProfile) error {
	return connectlite.Errorf(connectlite.KindDuplicate, "A security profile named %s already exists in instance %s", p.Name, p.InstanceID)
}

func rpNotFound(instanceID, id string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "Routing profile %s does not exist in instance %s", id, instanceID)
}

func rpNameTaken(p *connectlite.RoutingProfile) error {
	return connectlite.Errorf(connectlite.KindDuplicate, "A routing profile named %s already exists in instance %s", p.Name, p.InstanceID)
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

// spGroupMissing is the error for a hierarchy group that does not exist.
func spGroupMissing(p *connectlite.SecurityProfile) error {
	return connectlite.Errorf(connectlite.KindInvalidParameter,
		"AllowedAccessControlHierarchyGroupId: hierarchy group %s does not exist in instance %s",
		p.AllowedAccessControlHierarchyGroupID, p.InstanceID)
}

// spCheck answers whether p's instance and hierarchy group exist.
func spCheck(ctx context.Context, q querier, p *connectlite.SecurityProfile, checkInstance bool) error {
	var instOK, groupOK bool
	err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM instances WHERE id = $1),
		$2 = '' OR EXISTS (SELECT 1 FROM hierarchy_groups WHERE instance_id = $1 AND id = $2)`,
		p.InstanceID, p.AllowedAccessControlHierarchyGroupID).Scan(&instOK, &groupOK)
	switch {
	case err != nil:
		return fmt.Errorf("check security profile references: %w", err)
	case checkInstance && !instOK:
		return instanceNotFound(p.InstanceID)
	case !groupOK:
		return spGroupMissing(p)
	}
	return nil
}

// spWriteError turns the constraint violations of a security profile
// write into kinds.
func spWriteError(what string, p *connectlite.SecurityProfile, err error) error {
	switch {
	case err == nil:
		return nil
	case violates(err, codeUniqueViolation, constraintSecurityProfileName):
		return spNameTaken(p)
	case violates(err, codeForeignKeyViolation, constraintSecurityProfileInstance):
		return instanceNotFound(p.InstanceID)
	}
	return fmt.Errorf("%s: %w", what, err)
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
	return s.write(ctx, "create security profile", func(ctx context.Context, tx pgx.Tx) error {
		if err := spCheck(ctx, tx, p, true); err != nil {
			return err
		}
		args := append([]any{p.InstanceID, p.ID}, vals...)
		_, err := tx.Exec(ctx, `INSERT INTO security_profiles (instance_id, `+securityProfileColumns+`)
			VALUES (`+placeholders(1, len(args))+`)`, args...)
		return spWriteError("insert security profile", p, err)
	})
}

// loadSecurityProfile reads one security profile, locking its row until
// the transaction ends if lock is set (the row holds all of it, so the
// locking read sees the latest committed version).
func loadSecurityProfile(ctx context.Context, q querier, instanceID, id string, lock bool) (*connectlite.SecurityProfile, error) {
	query := `SELECT ` + securityProfileColumns + ` FROM security_profiles WHERE instance_id = $1 AND id = $2`
	if lock {
		query += ` FOR UPDATE`
	}
	p, err := scanSecurityProfile(q.QueryRow(ctx, query, instanceID, id), instanceID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, spNotFound(instanceID, id)
	}
	if err != nil {
		return nil, fmt.Errorf("get security profile: %w", err)
	}
	return p, nil
}

// SecurityProfile returns KindNotFound if the instance has no security
// profile with that id.
func (s *Store) SecurityProfile(ctx context.Context, instanceID, id string) (*connectlite.SecurityProfile, error) {
	var p *connectlite.SecurityProfile
	err := s.read(ctx, "get security profile", func(ctx context.Context) error {
		var err error
		p, err = loadSecurityProfile(ctx, s.pool, instanceID, id, false)
		return err
	})
	return p, err
}

// UpdateSecurityProfile locks the security profile's row, applies mutate,
// checks the hierarchy group and writes the result in one transaction.
// mutate may run more than once (see UpdateUser).
func (s *Store) UpdateSecurityProfile(ctx context.Context, instanceID, id string, mutate func(*connectlite.SecurityProfile) error) (*connectlite.SecurityProfile, error) {
	var updated *connectlite.SecurityProfile
	err := s.write(ctx, "update security profile", func(ctx context.Context, tx pgx.Tx) error {
		p, err := loadSecurityProfile(ctx, tx, instanceID, id, true)
		if err != nil {
			return err
		}
		if err := mutate(p); err != nil {
			return err
		}
		p.InstanceID, p.ID = instanceID, id
		if err := spCheck(ctx, tx, p, false); err != nil {
			return err
		}
		vals, err := securityProfileValues(p)
		if err != nil {
			return err
		}
		cols := strings.Split(securityProfileColumns, ",")[1:] // all but id
		set := make([]string, len(cols))
		for i, c := range cols {
			set[i] = fmt.Sprintf("%s = $%d", strings.TrimSpace(c), i+1)
		}
		_, err = tx.Exec(ctx, `UPDATE security_profiles SET `+strings.Join(set, ", ")+
			fmt.Sprintf(` WHERE instance_id = $%d AND id = $%d`, len(vals)+1, len(vals)+2), append(vals, instanceID, id)...)
		if err := spWriteError("update security profile", p, err); err != nil {
			return err
		}
		updated, err = loadSecurityProfile(ctx, tx, instanceID, id, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteSecurityProfile locks the security profile's row and deletes it
// unless a user has it (KindResourceInUse naming the user with the smallest
// id). A user given the profile concurrently either commits first, and is
// found, or fails its foreign key check once the delete commits.
func (s *Store) DeleteSecurityProfile(ctx context.Context, instanceID, id string) error {
	return s.deleteProfile(ctx, "Security profile", "security_profiles", spNotFound, `SELECT user_id
		FROM user_security_profiles WHERE instance_id = $1 AND security_profile_id = $2 ORDER BY user_id LIMIT 1`,
		instanceID, id)
}

// deleteProfile locks the row of a profile (noun "Security profile" or
// "Routing profile") in table and deletes it unless firstUserQuery, given
// the instance and profile ids, finds a user that has it
// (KindResourceInUse). A user given the profile concurrently either commits
// first, and is found, or fails its foreign key check once the delete
// commits.
func (s *Store) deleteProfile(ctx context.Context, noun, table string, notFound func(instanceID, id string) error,
	firstUserQuery, instanceID, id string) error {
	what := strings.ToLower(noun)
	return s.write(ctx, "delete "+what, func(ctx context.Context, tx pgx.Tx) error {
		if err := lockProfileRow(ctx, tx, table, instanceID, id); err != nil {
			if errors.Is(err, pgx.ErrNoRows) {
				return notFound(instanceID, id)
			}
			return err
		}
		user, err := profileFirstID(ctx, tx, firstUserQuery, instanceID, id)
		if err != nil {
			return fmt.Errorf("check users of %s: %w", what, err)
		}
		if user != "" {
			return profileInUse(noun, id, user)
		}
		// table is one of two constants, never input.
		_, err = tx.Exec(ctx, `DELETE FROM `+table+` WHERE instance_id = $1 AND id = $2`, instanceID, id)
		if sqlState(err) == codeForeignKeyViolation {
			return profileInUse(noun, id, "")
		}
		if err != nil {
			return fmt.Errorf("delete %s: %w", what, err)
		}
		return nil
	})
}

// lockProfileRow locks the row of table (security_profiles or
// routing_profiles) with that key; pgx.ErrNoRows if there is none.
func lockProfileRow(ctx context.Context, tx pgx.Tx, table, instanceID, id string) error {
	var one int
	err := tx.QueryRow(ctx, `SELECT 1 FROM `+table+` WHERE instance_id = $1 AND id = $2 FOR UPDATE`, instanceID, id).Scan(&one)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("lock %s: %w", table, err)
	}
	return err
}

// profileFirstID returns the id query finds, or "".
func profileFirstID(ctx context.Context, q querier, query string, args ...any) (string, error) {
	var id string
	err := q.QueryRow(ctx, query, args...).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// routingProfileSelect reads a routing profile with its queue lists (in
// their order) and the number of its users in one statement, so all of it
// comes from one snapshot; scanRoutingProfile reads its row.
const routingProfileSelect = `SELECT rp.id, rp.name, rp.description, rp.default_outbound_queue_id,
	rp.media_concurrencies, rp.tags, rp.last_modified_time, rp.last_modified_region,
	rp.agent_availability_timer, rp.is_default,
	(SELECT jsonb_agg(jsonb_build_object('queue_id', q.queue_id, 'channel', q.channel,
			'priority', q.priority, 'delay', q.delay) ORDER BY q.position)
		FROM routing_profile_queues q WHERE q.instance_id = rp.instance_id AND q.routing_profile_id = rp.id),
	(SELECT jsonb_agg(jsonb_build_object('queue_id', m.queue_id, 'channel', m.channel) ORDER BY m.position)
		FROM routing_profile_manual_queues m WHERE m.instance_id = rp.instance_id AND m.routing_profile_id = rp.id),
	(SELECT count(*) FROM users u WHERE u.instance_id = rp.instance_id AND u.routing_profile_id = rp.id)
	FROM routing_profiles rp WHERE rp.instance_id = $1 AND rp.id = $2`

// manualQueueJSON is a row of routing_profile_manual_queues as
// routingProfileSelect aggregates it.
type manualQueueJSON struct {
	QueueID string `json:"queue_id"`
	Channel string `json:"channel"`
}

func scanRoutingProfile(row pgx.Row, instanceID string) (*connectlite.RoutingProfile, error) {
	p := connectlite.RoutingProfile{InstanceID: instanceID}
	var j storecodec.RoutingProfileJSON[[]byte]
	var queues, manual []byte
	if err := row.Scan(&p.ID, &p.Name, &p.Description, &p.DefaultOutboundQueueID, &j.MediaConcurrencies, &j.Tags,
		&p.LastModifiedTime, &p.LastModifiedRegion, &p.AgentAvailabilityTimer, &p.IsDefault,
		&queues, &manual, &p.AssociatedUsers); err != nil {
		return nil, err
	}
	p.LastModifiedTime = timeFromDB(p.LastModifiedTime)
	if err := j.Decode(&p); err != nil {
		return nil, err
	}
	if err := decodeQueueConfigs(&p, queues); err != nil {
		return nil, err
	}
	if manual != nil {
		var ms []manualQueueJSON
		if err := json.Unmarshal(manual, &ms); err != nil {
			return nil, fmt.Errorf("routing profile %s manual queues: %w", p.ID, err)
		}
		for _, m := range ms {
			p.ManualAssignmentQueues = append(p.ManualAssignmentQueues, connectlite.RoutingProfileQueueReference(m))
		}
	}
	return &p, nil
}

func loadRoutingProfile(ctx context.Context, q querier, instanceID, id string) (*connectlite.RoutingProfile, error) {
	p, err := scanRoutingProfile(q.QueryRow(ctx, routingProfileSelect, instanceID, id), instanceID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, rpNotFound(instanceID, id)
	}
	if err != nil {
		return nil, fmt.Errorf("get routing profile: %w", err)
	}
	return p, nil
}

// rpQueueIDs returns the distinct queues p references, in the order the
// check reports them: the default outbound queue, the queue configs', the
// manual assignment queues'.
func rpQueueIDs(p *connectlite.RoutingProfile) []string {
	ids := []string{p.DefaultOutboundQueueID}
	for _, q := range p.QueueConfigs {
		if !slices.Contains(ids, q.QueueID) {
			ids = append(ids, q.QueueID)
		}
	}
	for _, q := range p.ManualAssignmentQueues {
		if !slices.Contains(ids, q.QueueID) {
			ids = append(ids, q.QueueID)
		}
	}
	return ids
}

// rpCheck returns KindNotFound if p's instance does not exist (when
// checkInstance) and KindInvalidParameter naming the first queue of p that
// does not exist in it.
func rpCheck(ctx context.Context, q querier, p *connectlite.RoutingProfile, checkInstance bool) error {
	var instOK bool
	var found []string
	err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM instances WHERE id = $1),
		ARRAY(SELECT id FROM queues WHERE instance_id = $1 AND id = ANY($2::text[]))`,
		p.InstanceID, rpQueueIDs(p)).Scan(&instOK, &found)
	if err != nil {
		return fmt.Errorf("check routing profile references: %w", err)
	}
	if checkInstance && !instOK {
		return instanceNotFound(p.InstanceID)
	}
	return rpMissingQueue(p, found)
}

// rpMissingQueue returns the error for the first queue of p not in found,
// or nil.
func rpMissingQueue(p *connectlite.RoutingProfile, found []string) error {
	missing := func(field, id string) error {
		if slices.Contains(found, id) {
			return nil
		}
		return connectlite.Errorf(connectlite.KindInvalidParameter, "%s: queue %s does not exist in instance %s", field, id, p.InstanceID)
	}
	if err := missing("DefaultOutboundQueueId", p.DefaultOutboundQueueID); err != nil {
		return err
	}
	for _, q := range p.QueueConfigs {
		if err := missing("QueueConfigs", q.QueueID); err != nil {
			return err
		}
	}
	for _, q := range p.ManualAssignmentQueues {
		if err := missing("ManualAssignmentQueueConfigs", q.QueueID); err != nil {
			return err
		}
	}
	return nil
}

// rpWriteError turns the constraint violations of a routing profile write
// into kinds. A queue deleted between the check and the write violates a
// foreign key; the check then names it.
func rpWriteError(what string, p *connectlite.RoutingProfile, err error) error {
	switch {
	case err == nil:
		return nil
	case violates(err, codeUniqueViolation, constraintRoutingProfileName):
		return rpNameTaken(p)
	case violates(err, codeForeignKeyViolation, constraintRoutingProfileInstance):
		return instanceNotFound(p.InstanceID)
	case sqlState(err) == codeForeignKeyViolation:
		return connectlite.Errorf(connectlite.KindInvalidParameter, "A queue of routing profile %s does not exist in instance %s", p.ID, p.InstanceID)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// queueRoutingProfileLists queues the inserts of p's queue configs and
// manual assignment queues (each only if queues / manual is set).
func queueRoutingProfileLists(b *pgx.Batch, p *connectlite.RoutingProfile, queues, manual bool) {
	if queues && len(p.QueueConfigs) > 0 {
		ids, channels := make([]string, len(p.QueueConfigs)), make([]string, len(p.QueueConfigs))
		priorities, delays := make([]int32, len(p.QueueConfigs)), make([]int32, len(p.QueueConfigs))
		for i, q := range p.QueueConfigs {
			ids[i], channels[i], priorities[i], delays[i] = q.QueueID, q.Channel, q.Priority, q.Delay
		}
		b.Queue(`INSERT INTO routing_profile_queues (instance_id, routing_profile_id, queue_id, channel, priority, delay, position)
			SELECT $1, $2, q.queue_id, q.channel, q.priority, q.delay, q.n - 1
			FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) WITH ORDINALITY AS q (queue_id, channel, priority, delay, n)`,
			p.InstanceID, p.ID, ids, channels, priorities, delays)
	}
	if manual && len(p.ManualAssignmentQueues) > 0 {
		ids, channels := make([]string, len(p.ManualAssignmentQueues)), make([]string, len(p.ManualAssignmentQueues))
		for i, q := range p.ManualAssignmentQueues {
			ids[i], channels[i] = q.QueueID, q.Channel
		}
		b.Queue(`INSERT INTO routing_profile_manual_queues (instance_id, routing_profile_id, queue_id, channel, position)
			SELECT $1, $2, q.queue_id, q.channel, q.n - 1
			FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS q (queue_id, channel, n)`,
			p.InstanceID, p.ID, ids, channels)
	}
}

// CreateRoutingProfile inserts p with its queue lists after checking its
// instance and queues, in one transaction and one round trip. It returns
// KindNotFound if the instance does not exist, KindDuplicate if the name is
// taken and KindInvalidParameter naming the first queue that does not exist.
func (s *Store) CreateRoutingProfile(ctx context.Context, p *connectlite.RoutingProfile) error {
	j, err := storecodec.EncodeRoutingProfile[[]byte](p)
	if err != nil {
		return err
	}
	return s.write(ctx, "create routing profile", func(ctx context.Context, tx pgx.Tx) error {
		if err := rpCheck(ctx, tx, p, true); err != nil {
			return err
		}
		b := &pgx.Batch{}
		b.Queue(`INSERT INTO routing_profiles (instance_id, id, name, description, default_outbound_queue_id,
			media_concurrencies, tags, last_modified_time, last_modified_region, agent_availability_timer, is_default)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			p.InstanceID, p.ID, p.Name, p.Description, p.DefaultOutboundQueueID, j.MediaConcurrencies, j.Tags,
			timeToDB(p.LastModifiedTime), p.LastModifiedRegion, p.AgentAvailabilityTimer, p.IsDefault)
		queueRoutingProfileLists(b, p, true, true)
		return rpWriteError("insert routing profile", p, tx.SendBatch(ctx, b).Close())
	})
}

// RoutingProfile returns the routing profile with its queue lists and the
// number of its users, read in one statement. It returns KindNotFound if the
// instance has no routing profile with that id.
func (s *Store) RoutingProfile(ctx context.Context, instanceID, id string) (*connectlite.RoutingProfile, error) {
	var p *connectlite.RoutingProfile
	err := s.read(ctx, "get routing profile", func(ctx context.Context) error {
		var err error
		p, err = loadRoutingProfile(ctx, s.pool, instanceID, id)
		return err
	})
	return p, err
}

// UpdateRoutingProfile locks the routing profile's row, then reads it in a
// statement of its own (which sees what the transactions the lock waited for
// committed, queue lists included), applies mutate, checks the queues and
// writes the result, rewriting a queue list only if mutate changed it.
// mutate may run more than once (see UpdateUser).
func (s *Store) UpdateRoutingProfile(ctx context.Context, instanceID, id string, mutate func(*connectlite.RoutingProfile) error) (*connectlite.RoutingProfile, error) {
	var updated *connectlite.RoutingProfile
	err := s.write(ctx, "update routing profile", func(ctx context.Context, tx pgx.Tx) error {
		if err := lockProfileRow(ctx, tx, "routing_profiles", instanceID, id); err != nil {
			if errors.Is(err, pgx.ErrNoRows) {
				return rpNotFound(instanceID, id)
			}
			return err
		}
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
		if err := rpCheck(ctx, tx, p, false); err != nil {
			return err
		}
		j, err := storecodec.EncodeRoutingProfile[[]byte](p)
		if err != nil {
			return err
		}
		queuesChanged := !slices.Equal(queues, p.QueueConfigs)
		manualChanged := !slices.Equal(manual, p.ManualAssignmentQueues)
		b := &pgx.Batch{}
		b.Queue(`UPDATE routing_profiles SET name = $1, description = $2, default_outbound_queue_id = $3,
			media_concurrencies = $4, tags = $5, last_modified_time = $6, last_modified_region = $7,
			agent_availability_timer = $8 WHERE instance_id = $9 AND id = $10`,
			p.Name, p.Description, p.DefaultOutboundQueueID, j.MediaConcurrencies, j.Tags, timeToDB(p.LastModifiedTime),
			p.LastModifiedRegion, p.AgentAvailabilityTimer, instanceID, id)
		if queuesChanged {
			b.Queue(`DELETE FROM routing_profile_queues WHERE instance_id = $1 AND routing_profile_id = $2`, instanceID, id)
		}
		if manualChanged {
			b.Queue(`DELETE FROM routing_profile_manual_queues WHERE instance_id = $1 AND routing_profile_id = $2`, instanceID, id)
		}
		queueRoutingProfileLists(b, p, queuesChanged, manualChanged)
		b.Queue(routingProfileSelect, instanceID, id).QueryRow(func(row pgx.Row) error {
			var err error
			updated, err = scanRoutingProfile(row, instanceID)
			return err
		})
		return rpWriteError("update routing profile", p, tx.SendBatch(ctx, b).Close())
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteRoutingProfile locks the routing profile's row and deletes it with
// its queue lists unless a user has it (KindResourceInUse naming the user
// with the smallest id). A user given the profile concurrently either
// commits first, and is found, or fails its foreign key check once the
// delete commits.
func (s *Store) DeleteRoutingProfile(ctx context.Context, instanceID, id string) error {
	return s.deleteProfile(ctx, "Routing profile", "routing_profiles", rpNotFound, `SELECT id FROM users
		WHERE instance_id = $1 AND routing_profile_id = $2 ORDER BY id LIMIT 1`, instanceID, id)
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

// rpExists returns KindNotFound unless the routing profile exists.
func rpExists(ctx context.Context, q querier, instanceID, id string) error {
	var one int
	err := q.QueryRow(ctx, `SELECT 1 FROM routing_profiles WHERE instance_id = $1 AND id = $2`, instanceID, id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return rpNotFound(instanceID, id)
	}
	if err != nil {
		return fmt.Errorf("check routing profile: %w", err)
	}
	return nil
}

// rpExistsFunc returns rpExists on the pool for readPage: a row of a
// routing profile's queue lists proves the profile exists (foreign key).
func (s *Store) rpExistsFunc(instanceID, id string) func(context.Context) error {
	return func(ctx context.Context) error { return rpExists(ctx, s.pool, instanceID, id) }
}

// ListRoutingProfileQueues lists the queue configs of a routing profile with
// their queues' names, ordered by queue id then channel: a range scan of the
// primary key from the cursor. It returns KindNotFound if the instance has
// no routing profile with that id.
func (s *Store) ListRoutingProfileQueues(ctx context.Context, instanceID, id string, p connectlite.PageRequest) ([]connectlite.RoutingProfileQueueSummary, string, error) {
	limit := pageLimit(p)
	q, ch := splitQueueCursor(p.After)
	items, err := readPage(ctx, s, "list routing profile queues", s.rpExistsFunc(instanceID, id),
		func(row pgx.Row) (*connectlite.RoutingProfileQueueSummary, error) {
			var it connectlite.RoutingProfileQueueSummary
			return &it, row.Scan(&it.QueueID, &it.Channel, &it.Priority, &it.Delay, &it.QueueName)
		},
		`SELECT rq.queue_id, rq.channel, rq.priority, rq.delay, q.name
		FROM routing_profile_queues rq JOIN queues q ON q.instance_id = rq.instance_id AND q.id = rq.queue_id
		WHERE rq.instance_id = $1 AND rq.routing_profile_id = $2 AND (rq.queue_id, rq.channel) > ($3, $4)
		ORDER BY rq.queue_id, rq.channel LIMIT $5`, instanceID, id, q, ch, limit+1)
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
	q, ch := splitQueueCursor(p.After)
	items, err := readPage(ctx, s, "list routing profile manual queues", s.rpExistsFunc(instanceID, id),
		func(row pgx.Row) (*connectlite.RoutingProfileManualQueueSummary, error) {
			var it connectlite.RoutingProfileManualQueueSummary
			return &it, row.Scan(&it.QueueID, &it.Channel, &it.QueueName)
		},
		`SELECT rq.queue_id, rq.channel, q.name
		FROM routing_profile_manual_queues rq JOIN queues q ON q.instance_id = rq.instance_id AND q.id = rq.queue_id
		WHERE rq.instance_id = $1 AND rq.routing_profile_id = $2 AND (rq.queue_id, rq.channel) > ($3, $4)
		ORDER BY rq.queue_id, rq.channel LIMIT $5`, instanceID, id, q, ch, limit+1)
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(it connectlite.RoutingProfileManualQueueSummary) string {
		return queueCursor(it.QueueID, it.Channel)
	})
	return items, next, nil
}
