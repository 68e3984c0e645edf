package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/connectlite/connectlite"
)

var _ connectlite.InstanceAttributeStore = (*Store)(nil)

// Instance attributes and ClientToken idempotency (0006). INBOUND_CALLS
// and OUTBOUND_CALLS live in the instances row, the other attributes in
// instance_attributes, one row per attribute ever updated.

const (
	selectInstanceAttributesQuery = `SELECT attribute_type, value FROM instance_attributes WHERE instance_id = ?`
	upsertInstanceAttributeQuery  = `INSERT INTO instance_attributes (instance_id, attribute_type, value)
	VALUES (?, ?, ?) ON CONFLICT (instance_id, attribute_type) DO UPDATE SET value = excluded.value`
	updateInboundCallsQuery  = `UPDATE instances SET inbound_calls_enabled = ? WHERE id = ?`
	updateOutboundCallsQuery = `UPDATE instances SET outbound_calls_enabled = ? WHERE id = ?`
	// The oldest instance of the token, through instances_account_client_token.
	instanceByClientTokenQuery = `SELECT ` + instanceColumns + `, client_token_fingerprint FROM instances
	WHERE account_id = ? AND client_token = ? AND region = ? ORDER BY created_time, id LIMIT 1`
	setClientTokenFingerprintQuery = `UPDATE instances SET client_token_fingerprint = ? WHERE id = ?`
)

// InstanceAttributes returns the attributes stored for the instance.
func (s *Store) InstanceAttributes(ctx context.Context, instanceID string) (map[string]string, error) {
	attrs := map[string]string{}
	err := s.read(ctx, "get instance attributes", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, selectInstanceAttributesQuery, instanceID)
		if err != nil {
			return wrap("get instance attributes", err)
		}
		defer rows.Close()
		for rows.Next() {
			var typ, value string
			if err := rows.Scan(&typ, &value); err != nil {
				return wrap("get instance attributes: scan", err)
			}
			attrs[typ] = value
		}
		return wrap("get instance attributes: rows", rows.Err())
	})
	if err != nil {
		return nil, err
	}
	return attrs, nil
}

// UpdateInstanceAttribute sets one attribute of the instance.
func (s *Store) UpdateInstanceAttribute(ctx context.Context, instanceID, typ, value string) error {
	return s.write(ctx, "update instance attribute", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
		}
		var err error
		switch typ {
		case connectlite.AttributeInboundCalls:
			_, err = tx.ExecContext(ctx, updateInboundCallsQuery, boolToDB(value == "true"), instanceID)
		case connectlite.AttributeOutboundCalls:
			_, err = tx.ExecContext(ctx, updateOutboundCallsQuery, boolToDB(value == "true"), instanceID)
		default:
			_, err = tx.ExecContext(ctx, upsertInstanceAttributeQuery, instanceID, typ, value)
		}
		return wrap("update instance attribute "+typ, err)
	})
}

// CreateInstanceWithToken creates n unless the token already created an
// instance in the account and region. The check and the insert share one
// write transaction, and writes are serialised, so two requests with one
// token create one instance.
func (s *Store) CreateInstanceWithToken(ctx context.Context, n *connectlite.NewInstance, fingerprint string) (*connectlite.Instance, string, error) {
	var (
		existing   *connectlite.Instance
		existingFP string
	)
	inst := &n.Instance
	err := s.write(ctx, "create instance", func(tx *txn) error {
		if inst.ClientToken != "" {
			found, err := scanInstance(withExtra{
				row:   tx.QueryRowContext(ctx, instanceByClientTokenQuery, inst.AccountID, inst.ClientToken, inst.Region),
				extra: []any{&existingFP},
			})
			switch {
			case err == nil:
				existing = found
				return nil
			case !errors.Is(err, sql.ErrNoRows):
				return wrap("find instance by client token", err)
			}
		}
		if err := insertNewInstance(ctx, tx, n); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, setClientTokenFingerprintQuery, fingerprint, inst.ID)
		return wrap("record client token fingerprint", err)
	})
	if err != nil {
		return nil, "", err
	}
	return existing, existingFP, nil
}
