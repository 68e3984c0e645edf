package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5"
)

var _ connectlite.InstanceAttributeStore = (*Store)(nil)

// Instance attributes and ClientToken idempotency (0006). INBOUND_CALLS
// and OUTBOUND_CALLS live in the instances row, the other attributes in
// instance_attributes, one row per attribute ever updated.

// InstanceAttributes returns the attributes stored for the instance.
func (s *Store) InstanceAttributes(ctx context.Context, instanceID string) (map[string]string, error) {
	var attrs map[string]string
	err := s.read(ctx, "get instance attributes", func(ctx context.Context) error {
		// One statement, so the attributes and the instance's existence
		// come from one snapshot.
		rows, _ := s.pool.Query(ctx, `SELECT a.attribute_type, a.value FROM instances i
			LEFT JOIN instance_attributes a ON a.instance_id = i.id WHERE i.id = $1`, instanceID)
		found := false
		attrs = map[string]string{}
		var typ, value *string
		_, err := pgx.ForEachRow(rows, []any{&typ, &value}, func() error {
			found = true
			if typ != nil && value != nil {
				attrs[*typ] = *value
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("get instance attributes: %w", err)
		}
		if !found {
			return instanceNotFound(instanceID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return attrs, nil
}

// UpdateInstanceAttribute sets one attribute of the instance.
func (s *Store) UpdateInstanceAttribute(ctx context.Context, instanceID, typ, value string) error {
	return s.write(ctx, "update instance attribute", func(ctx context.Context, tx pgx.Tx) error {
		var (
			query string
			args  []any
		)
		switch typ {
		case connectlite.AttributeInboundCalls:
			query, args = `UPDATE instances SET inbound_calls_enabled = $2 WHERE id = $1`, []any{instanceID, value == "true"}
		case connectlite.AttributeOutboundCalls:
			query, args = `UPDATE instances SET outbound_calls_enabled = $2 WHERE id = $1`, []any{instanceID, value == "true"}
		default:
			query, args = `INSERT INTO instance_attributes (instance_id, attribute_type, value) VALUES ($1, $2, $3)
				ON CONFLICT (instance_id, attribute_type) DO UPDATE SET value = excluded.value`, []any{instanceID, typ, value}
		}
		tag, err := tx.Exec(ctx, query, args...)
		if sqlState(err) == codeForeignKeyViolation {
			return instanceNotFound(instanceID)
		}
		if err != nil {
			return fmt.Errorf("update instance attribute %s: %w", typ, err)
		}
		if tag.RowsAffected() == 0 {
			return instanceNotFound(instanceID)
		}
		return nil
	})
}

// CreateInstanceWithToken creates n unless the token already created an
// instance in the account and region. A transaction-scoped advisory lock on
// the token serialises the requests that carry it, so the check and the
// insert of one cannot interleave with another's.
func (s *Store) CreateInstanceWithToken(ctx context.Context, n *connectlite.NewInstance, fingerprint string) (*connectlite.Instance, string, error) {
	inst := &n.Instance
	b, err := instanceBatch(n)
	if err != nil {
		return nil, "", err
	}
	b.Queue(`UPDATE instances SET client_token_fingerprint = $1 WHERE id = $2`, fingerprint, inst.ID)
	var (
		existing   *connectlite.Instance
		existingFP string
	)
	err = s.write(ctx, "create instance", func(ctx context.Context, tx pgx.Tx) error {
		existing, existingFP = nil, ""
		if inst.ClientToken != "" {
			// Quoted: a token may hold any character, NUL included, which
			// PostgreSQL text cannot.
			key := "CreateInstance," + strconv.Quote(inst.AccountID) + "," + strconv.Quote(inst.Region) + "," + strconv.Quote(inst.ClientToken)
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, key); err != nil {
				return fmt.Errorf("lock client token: %w", err)
			}
			var fp string
			found, err := scanInstance(withExtra{
				tx.QueryRow(ctx, `SELECT `+instanceColumns+`, client_token_fingerprint FROM instances
					WHERE account_id = $1 AND client_token = $2 AND region = $3 ORDER BY created_time, id LIMIT 1`,
					inst.AccountID, inst.ClientToken, inst.Region),
				[]any{&fp},
			})
			switch {
			case err == nil:
				existing, existingFP = found, fp
				return nil
			case !errors.Is(err, pgx.ErrNoRows):
				return fmt.Errorf("find instance by client token: %w", err)
			}
		}
		err := tx.SendBatch(ctx, b).Close()
		return instanceWriteError(inst, err)
	})
	if err != nil {
		return nil, "", err
	}
	return existing, existingFP, nil
}
