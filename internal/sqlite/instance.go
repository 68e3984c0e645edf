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

// defaultLimit is the page size when PageRequest.Limit is not positive.
const defaultLimit = 100

func pageLimit(p connectlite.PageRequest) int {
	if p.Limit <= 0 {
		return defaultLimit
	}
	return p.Limit
}

// CreateInstance inserts the instance and its default resources in one
// transaction. It returns KindInvalidRequest if the alias is taken
// (case-insensitively) in the account.
func (s *Store) CreateInstance(ctx context.Context, n *connectlite.NewInstance) error {
	return s.write(ctx, "create instance", func(tx *txn) error { return insertNewInstance(ctx, tx, n) })
}

// insertNewInstance inserts the instance and its default resources in tx.
func insertNewInstance(ctx context.Context, tx *txn, n *connectlite.NewInstance) error {
	inst := &n.Instance
	tags, err := storecodec.EncodeTags[string](inst.Tags)
	if err != nil {
		return err
	}
	var aliasKey any
	if inst.Alias != "" {
		aliasKey = strings.ToLower(inst.Alias)
	}
	{
		_, err := tx.ExecContext(ctx, insertInstanceQuery,
			inst.ID, inst.AccountID, inst.Region, string(inst.IdentityManagementType),
			inst.Alias, aliasKey, inst.DirectoryID, boolToDB(inst.InboundCallsEnabled), boolToDB(inst.OutboundCallsEnabled),
			inst.Status, timeToDB(inst.CreatedTime), inst.ClientToken, tags)
		if isUnique(err, "instances.alias_key") {
			return connectlite.Errorf(connectlite.KindInvalidRequest, "Invalid Input. Instance alias is already used.")
		}
		if err != nil {
			return wrap("insert instance", err)
		}
		// Referenced rows first: queues need their hours, routing profiles
		// their queues.
		for i := range n.HoursOfOperations {
			if err := insertHours(ctx, tx, &n.HoursOfOperations[i]); err != nil {
				return err
			}
		}
		for i := range n.Queues {
			if err := insertQueue(ctx, tx, &n.Queues[i]); err != nil {
				return err
			}
		}
		for i := range n.RoutingProfiles {
			if err := insertRoutingProfile(ctx, tx, &n.RoutingProfiles[i]); err != nil {
				return err
			}
		}
		for i := range n.SecurityProfiles {
			if err := insertSecurityProfile(ctx, tx, &n.SecurityProfiles[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

const (
	insertInstanceQuery = `INSERT INTO instances (id, account_id, region, identity_management_type,
	alias, alias_key, directory_id, inbound_calls_enabled, outbound_calls_enabled, status,
	created_time, client_token, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	instanceColumns = `id, account_id, region, identity_management_type, alias, directory_id,
	inbound_calls_enabled, outbound_calls_enabled, status, created_time, client_token, tags`
	selectInstanceQuery = `SELECT ` + instanceColumns + ` FROM instances WHERE id = ?`
	listInstancesQuery  = `SELECT ` + instanceColumns + ` FROM instances
	WHERE region = ? AND id > ? ORDER BY id LIMIT ?`
	deleteInstanceQuery = `DELETE FROM instances WHERE id = ?`
	instanceExistsQuery = `SELECT 1 FROM instances WHERE id = ?`
)

func scanInstance(row interface{ Scan(...any) error }) (*connectlite.Instance, error) {
	var (
		inst            connectlite.Instance
		imt, tags       string
		inbound, outbnd int64
		created         int64
	)
	if err := row.Scan(&inst.ID, &inst.AccountID, &inst.Region, &imt, &inst.Alias, &inst.DirectoryID,
		&inbound, &outbnd, &inst.Status, &created, &inst.ClientToken, &tags); err != nil {
		return nil, err
	}
	inst.IdentityManagementType = connectlite.IdentityManagementType(imt)
	inst.InboundCallsEnabled = inbound != 0
	inst.OutboundCallsEnabled = outbnd != 0
	inst.CreatedTime = timeFromDB(created)
	var err error
	if inst.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, fmt.Errorf("instance %s: %w", inst.ID, err)
	}
	return &inst, nil
}

// Instance returns KindNotFound if there is no instance with that id.
func (s *Store) Instance(ctx context.Context, id string) (*connectlite.Instance, error) {
	var inst *connectlite.Instance
	err := s.read(ctx, "get instance", func(tx *txn) error {
		var err error
		inst, err = scanInstance(tx.QueryRowContext(ctx, selectInstanceQuery, id))
		if errors.Is(err, sql.ErrNoRows) {
			return instanceNotFound(id)
		}
		if err != nil {
			return wrap("get instance", err)
		}
		return nil
	})
	return inst, err
}

// ListInstances lists the instances of a region, ordered by id; the cursor
// is the last id of the previous page.
func (s *Store) ListInstances(ctx context.Context, region string, p connectlite.PageRequest) ([]connectlite.Instance, string, error) {
	limit := pageLimit(p)
	var items []connectlite.Instance
	err := s.read(ctx, "list instances", func(tx *txn) error {
		var err error
		items, err = queryRows(ctx, tx, "list instances", scanInstance, listInstancesQuery, region, p.After, limit+1)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(i connectlite.Instance) string { return i.ID })
	return items, next, nil
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner = interface{ Scan(...any) error }

// queryRows runs query in tx and returns its rows, each read by scan.
// Errors are wrapped with what (what+": scan" and what+": rows" for the
// errors of reading the rows).
func queryRows[T any](ctx context.Context, tx *txn, what string, scan func(rowScanner) (*T, error),
	query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, wrap(what, err)
	}
	defer rows.Close()
	var items []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, wrap(what+": scan", err)
		}
		items = append(items, *v)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(what+": rows", err)
	}
	return items, nil
}

// cut trims a page fetched with limit+1 rows to limit and returns the cursor
// of the next page, or "" when this is the last one.
func cut[T any](items []T, limit int, id func(T) string) ([]T, string) {
	if len(items) <= limit {
		return items, ""
	}
	items = items[:limit]
	return items, id(items[limit-1])
}

// DeleteInstance deletes the instance; the foreign keys cascade to
// everything in it. It returns KindNotFound if there is no such instance.
func (s *Store) DeleteInstance(ctx context.Context, id string) error {
	return s.write(ctx, "delete instance", func(tx *txn) error {
		res, err := tx.ExecContext(ctx, deleteInstanceQuery, id)
		if err != nil {
			return wrap("delete instance", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return wrap("delete instance", err)
		}
		if n == 0 {
			return instanceNotFound(id)
		}
		return nil
	})
}

func instanceNotFound(id string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "Instance %s does not exist", id)
}

// instanceExists returns KindNotFound unless the instance exists.
func instanceExists(ctx context.Context, tx *txn, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, instanceExistsQuery, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return instanceNotFound(id)
	}
	return wrap("check instance", err)
}
