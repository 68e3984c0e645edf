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

// defaultLimit is the page size when PageRequest.Limit is not positive.
const defaultLimit = 100

func pageLimit(p connectlite.PageRequest) int {
	if p.Limit <= 0 {
		return defaultLimit
	}
	return p.Limit
}

// cut trims a page fetched with limit+1 rows to limit and returns the cursor
// of the next page, or "" when this is the last one. The cursor is the last
// id of the page: the next page is a range scan of the primary key from
// there (keyset pagination), valid on every replica and unaffected by rows
// inserted or deleted meanwhile.
func cut[T any](items []T, limit int, id func(T) string) ([]T, string) {
	if len(items) <= limit {
		return items, ""
	}
	items = items[:limit]
	return items, id(items[limit-1])
}

// readPage runs query, which selects a page's rows (limit+1 of them, for
// cut), in one read and scans each row with scan. On an empty page it
// returns what exists, if not nil, returns: a row proves the page's parent
// exists (foreign key), no row may mean an empty page or no parent.
func readPage[T any](ctx context.Context, s *Store, what string, exists func(context.Context) error,
	scan func(pgx.Row) (*T, error), query string, args ...any) ([]T, error) {
	var items []T
	err := s.read(ctx, what, func(ctx context.Context) error {
		rows, _ := s.pool.Query(ctx, query, args...)
		var err error
		items, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (T, error) {
			v, err := scan(row)
			if err != nil {
				var zero T
				return zero, err
			}
			return *v, nil
		})
		if err != nil {
			return err
		}
		if len(items) == 0 && exists != nil {
			return exists(ctx)
		}
		return nil
	})
	return items, err
}

// Constraint names the store turns into domain errors.
const (
	constraintInstancePK    = "instances_pkey"
	constraintInstanceAlias = "instances_account_alias"
)

// CreateInstance inserts the instance and its default resources in one
// transaction. It returns KindInvalidRequest if the alias is taken
// (case-insensitively) in the account and KindDuplicate if an instance with
// that id exists.
func (s *Store) CreateInstance(ctx context.Context, n *connectlite.NewInstance) error {
	b, err := instanceBatch(n)
	if err != nil {
		return err
	}
	inst := &n.Instance
	return s.write(ctx, "create instance", func(ctx context.Context, tx pgx.Tx) error {
		err := tx.SendBatch(ctx, b).Close()
		return instanceWriteError(inst, err)
	})
}

// instanceWriteError turns the unique violations of an instance insert
// into kinds: a taken alias (KindInvalidRequest) and a taken id
// (KindDuplicate).
func instanceWriteError(inst *connectlite.Instance, err error) error {
	switch {
	case violates(err, codeUniqueViolation, constraintInstanceAlias):
		return connectlite.Errorf(connectlite.KindInvalidRequest, "Invalid Input. Instance alias is already used.")
	case violates(err, codeUniqueViolation, constraintInstancePK):
		return connectlite.Errorf(connectlite.KindDuplicate, "Instance %s already exists", inst.ID)
	case err != nil:
		return fmt.Errorf("insert instance: %w", err)
	}
	return nil
}

// instanceBatch returns the inserts of CreateInstance, sent in one round
// trip. Referenced rows come first: queues need their hours, routing
// profiles their queues.
func instanceBatch(n *connectlite.NewInstance) (*pgx.Batch, error) {
	inst := &n.Instance
	b := &pgx.Batch{}
	tags, err := storecodec.EncodeTags[[]byte](inst.Tags)
	if err != nil {
		return nil, err
	}
	var aliasKey any
	if inst.Alias != "" {
		aliasKey = strings.ToLower(inst.Alias)
	}
	b.Queue(`INSERT INTO instances (id, account_id, region, identity_management_type,
		alias, alias_key, directory_id, inbound_calls_enabled, outbound_calls_enabled, status,
		created_time, client_token, tags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		inst.ID, inst.AccountID, inst.Region, string(inst.IdentityManagementType),
		inst.Alias, aliasKey, inst.DirectoryID, inst.InboundCallsEnabled, inst.OutboundCallsEnabled,
		inst.Status, timeToDB(inst.CreatedTime), inst.ClientToken, tags)
	for _, h := range n.HoursOfOperations {
		j, err := storecodec.EncodeHours[[]byte](&h)
		if err != nil {
			return nil, err
		}
		b.Queue(`INSERT INTO hours_of_operation (instance_id, id, name, description,
			time_zone, config, tags, last_modified_time, last_modified_region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			h.InstanceID, h.ID, h.Name, h.Description, h.TimeZone, j.Config, j.Tags, timeToDB(h.LastModifiedTime),
			h.LastModifiedRegion)
	}
	for _, q := range n.Queues {
		tags, err := storecodec.EncodeTags[[]byte](q.Tags)
		if err != nil {
			return nil, err
		}
		b.Queue(`INSERT INTO queues (instance_id, id, name, description,
			hours_of_operation_id, max_contacts, status, queue_type, tags, last_modified_time, last_modified_region)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			q.InstanceID, q.ID, q.Name, q.Description, q.HoursOfOperationID, q.MaxContacts, q.Status, q.QueueType,
			tags, timeToDB(q.LastModifiedTime), q.LastModifiedRegion)
	}
	for _, p := range n.RoutingProfiles {
		j, err := storecodec.EncodeRoutingProfile[[]byte](&p)
		if err != nil {
			return nil, err
		}
		b.Queue(`INSERT INTO routing_profiles (instance_id, id, name, description,
			default_outbound_queue_id, media_concurrencies, tags, last_modified_time, last_modified_region,
			agent_availability_timer, is_default) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			p.InstanceID, p.ID, p.Name, p.Description, p.DefaultOutboundQueueID, j.MediaConcurrencies, j.Tags,
			timeToDB(p.LastModifiedTime), p.LastModifiedRegion, p.AgentAvailabilityTimer, p.IsDefault)
		for i, q := range p.QueueConfigs {
			b.Queue(`INSERT INTO routing_profile_queues (instance_id, routing_profile_id,
				queue_id, channel, priority, delay, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				p.InstanceID, p.ID, q.QueueID, q.Channel, q.Priority, q.Delay, i)
		}
	}
	for _, p := range n.SecurityProfiles {
		perms, err := storecodec.EncodeStrings[[]byte](p.Permissions)
		if err != nil {
			return nil, err
		}
		tags, err := storecodec.EncodeTags[[]byte](p.Tags)
		if err != nil {
			return nil, err
		}
		b.Queue(`INSERT INTO security_profiles (instance_id, id, name, description,
			permissions, tags, last_modified_time, last_modified_region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			p.InstanceID, p.ID, p.Name, p.Description, perms, tags, timeToDB(p.LastModifiedTime), p.LastModifiedRegion)
	}
	return b, nil
}

const instanceColumns = `id, account_id, region, identity_management_type, alias, directory_id,
	inbound_calls_enabled, outbound_calls_enabled, status, created_time, client_token, tags`

func scanInstance(row pgx.Row) (*connectlite.Instance, error) {
	var (
		inst connectlite.Instance
		imt  string
		tags []byte
	)
	if err := row.Scan(&inst.ID, &inst.AccountID, &inst.Region, &imt, &inst.Alias, &inst.DirectoryID,
		&inst.InboundCallsEnabled, &inst.OutboundCallsEnabled, &inst.Status, &inst.CreatedTime,
		&inst.ClientToken, &tags); err != nil {
		return nil, err
	}
	inst.IdentityManagementType = connectlite.IdentityManagementType(imt)
	inst.CreatedTime = timeFromDB(inst.CreatedTime)
	var err error
	if inst.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, fmt.Errorf("instance %s: %w", inst.ID, err)
	}
	return &inst, nil
}

// Instance returns KindNotFound if there is no instance with that id.
func (s *Store) Instance(ctx context.Context, id string) (*connectlite.Instance, error) {
	var inst *connectlite.Instance
	err := s.read(ctx, "get instance", func(ctx context.Context) error {
		var err error
		inst, err = scanInstance(s.pool.QueryRow(ctx, `SELECT `+instanceColumns+` FROM instances WHERE id = $1`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return instanceNotFound(id)
		}
		return err
	})
	return inst, err
}

// ListInstances lists the instances of a region, ordered by id; the cursor
// is the last id of the previous page.
func (s *Store) ListInstances(ctx context.Context, region string, p connectlite.PageRequest) ([]connectlite.Instance, string, error) {
	limit := pageLimit(p)
	items, err := readPage(ctx, s, "list instances", nil, scanInstance,
		`SELECT `+instanceColumns+` FROM instances WHERE region = $1 AND id > $2 ORDER BY id LIMIT $3`,
		region, p.After, limit+1)
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(i connectlite.Instance) string { return i.ID })
	return items, next, nil
}

// DeleteInstance deletes the instance and everything in it. It returns
// KindNotFound if there is no such instance.
//
// The rows go in an explicit order, users first, rather than by one cascade
// from the instance: the order in which a database fires the cascades of
// one DELETE is not defined, and a resource deleted before the rows that
// reference it would fail their foreign key. The instance row is locked
// first, so a concurrent CreateUser in it waits and then fails its foreign
// key on the instance (KindNotFound) instead of racing the delete.
func (s *Store) DeleteInstance(ctx context.Context, id string) error {
	return s.write(ctx, "delete instance", func(ctx context.Context, tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM instances WHERE id = $1 FOR UPDATE`, id).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return instanceNotFound(id)
		}
		if err != nil {
			return fmt.Errorf("lock instance: %w", err)
		}
		b := &pgx.Batch{}
		for _, table := range []string{
			"users",            // user_security_profiles and user_tags cascade
			"routing_profiles", // routing_profile_queues cascade
			"queues", "hours_of_operation", "security_profiles", "hierarchy_groups", "hierarchy_levels",
		} {
			b.Queue(`DELETE FROM `+table+` WHERE instance_id = $1`, id)
		}
		b.Queue(`DELETE FROM instances WHERE id = $1`, id)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		return nil
	})
}

func instanceNotFound(id string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "Instance %s does not exist", id)
}

// instanceExists returns KindNotFound unless the instance exists.
func instanceExists(ctx context.Context, q querier, id string) error {
	var one int
	err := q.QueryRow(ctx, `SELECT 1 FROM instances WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return instanceNotFound(id)
	}
	if err != nil {
		return fmt.Errorf("check instance: %w", err)
	}
	return nil
}

// instanceExistsFunc returns instanceExists on the pool for readPage.
func (s *Store) instanceExistsFunc(id string) func(context.Context) error {
	return func(ctx context.Context) error { return instanceExists(ctx, s.pool, id) }
}

// querier is what the pool and a transaction have in common.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}
