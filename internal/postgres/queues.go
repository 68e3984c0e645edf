package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Queues and hours of operation (migration 0003). Updates and deletes lock
// the row they change (SELECT ... FOR UPDATE) before they check anything,
// so concurrent writers of one resource queue up; the foreign keys and
// unique constraints settle races with writers of other rows, and their
// violations become the same errors the checks give.

// Constraint names the queue and hours of operation writes turn into
// domain errors.
const (
	constraintHoursName     = "hours_of_operation_instance_name"
	constraintQueueName     = "queues_instance_name"
	constraintQueueInstance = "queues_instance_id_fkey"
)

const hoursColumns = `id, name, description, time_zone, config, tags, last_modified_time, last_modified_region`

// scanHours reads a row of hoursColumns.
func scanHours(row pgx.Row, instanceID string) (*connectlite.HoursOfOperation, error) {
	h := connectlite.HoursOfOperation{InstanceID: instanceID}
	var j storecodec.HoursJSON[[]byte]
	if err := row.Scan(&h.ID, &h.Name, &h.Description, &h.TimeZone, &j.Config, &j.Tags,
		&h.LastModifiedTime, &h.LastModifiedRegion); err != nil {
		return nil, err
	}
	h.LastModifiedTime = timeFromDB(h.LastModifiedTime)
	if err := j.Decode(&h); err != nil {
		return nil, err
	}
	return &h, nil
}

// loadHours reads one hours of operation, locking its row until the
// transaction ends if lock is set.
func loadHours(ctx context.Context, q querier, instanceID, id string, lock bool) (*connectlite.HoursOfOperation, error) {
	query := `SELECT ` + hoursColumns + ` FROM hours_of_operation WHERE instance_id = $1 AND id = $2`
	if lock {
		query += ` FOR UPDATE`
	}
	h, err := scanHours(q.QueryRow(ctx, query, instanceID, id), instanceID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, connectlite.HoursOfOperationNotFound(instanceID, id)
	}
	if err != nil {
		return nil, fmt.Errorf("get hours of operation: %w", err)
	}
	return h, nil
}

// CreateHoursOfOperation inserts h. It returns KindNotFound if the instance
// does not exist and KindDuplicate if the name is taken in the instance.
func (s *Store) CreateHoursOfOperation(ctx context.Context, h *connectlite.HoursOfOperation) error {
	j, err := storecodec.EncodeHours[[]byte](h)
	if err != nil {
		return err
	}
	return s.write(ctx, "create hours of operation", func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO hours_of_operation (instance_id, id, name, description,
			time_zone, config, tags, last_modified_time, last_modified_region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			h.InstanceID, h.ID, h.Name, h.Description, h.TimeZone, j.Config, j.Tags, timeToDB(h.LastModifiedTime),
			h.LastModifiedRegion)
		switch {
		case violates(err, codeUniqueViolation, constraintHoursName):
			return connectlite.DuplicateHoursOfOperationName(h.InstanceID, h.Name)
		case sqlState(err) == codeForeignKeyViolation: // the instance: the only reference
			return instanceNotFound(h.InstanceID)
		case err != nil:
			return fmt.Errorf("insert hours of operation: %w", err)
		}
		return nil
	})
}

// HoursOfOperation returns KindNotFound if the instance has no hours of
// operation with that id.
func (s *Store) HoursOfOperation(ctx context.Context, instanceID, id string) (*connectlite.HoursOfOperation, error) {
	var h *connectlite.HoursOfOperation
	err := s.read(ctx, "get hours of operation", func(ctx context.Context) error {
		var err error
		h, err = loadHours(ctx, s.pool, instanceID, id, false)
		return err
	})
	return h, err
}

// ListHoursOfOperations lists an instance's hours of operation ordered by
// id. It returns KindNotFound if the instance does not exist.
func (s *Store) ListHoursOfOperations(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.HoursOfOperation, string, error) {
	limit := pageLimit(p)
	items, err := readPage(ctx, s, "list hours of operation", s.instanceExistsFunc(instanceID),
		func(row pgx.Row) (*connectlite.HoursOfOperation, error) { return scanHours(row, instanceID) },
		`SELECT `+hoursColumns+` FROM hours_of_operation WHERE instance_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
		instanceID, p.After, limit+1)
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(h connectlite.HoursOfOperation) string { return h.ID })
	return items, next, nil
}

// UpdateHoursOfOperation locks the row, applies mutate and writes the
// result in one transaction. It returns KindNotFound if there is none with
// that id, KindDuplicate if the new name is taken and mutate's error as it
// is. mutate runs again on a fresh read if the transaction is retried.
func (s *Store) UpdateHoursOfOperation(ctx context.Context, instanceID, id string, mutate func(*connectlite.HoursOfOperation) error) (*connectlite.HoursOfOperation, error) {
	var updated *connectlite.HoursOfOperation
	err := s.write(ctx, "update hours of operation", func(ctx context.Context, tx pgx.Tx) error {
		h, err := loadHours(ctx, tx, instanceID, id, true)
		if err != nil {
			return err
		}
		if err := mutate(h); err != nil {
			return err
		}
		h.InstanceID, h.ID = instanceID, id
		j, err := storecodec.EncodeHours[[]byte](h)
		if err != nil {
			return err
		}
		updated, err = scanHours(tx.QueryRow(ctx, `UPDATE hours_of_operation SET name = $1, description = $2,
			time_zone = $3, config = $4, tags = $5, last_modified_time = $6, last_modified_region = $7
			WHERE instance_id = $8 AND id = $9 RETURNING `+hoursColumns,
			h.Name, h.Description, h.TimeZone, j.Config, j.Tags, timeToDB(h.LastModifiedTime), h.LastModifiedRegion,
			instanceID, id), instanceID)
		if violates(err, codeUniqueViolation, constraintHoursName) {
			return connectlite.DuplicateHoursOfOperationName(instanceID, h.Name)
		}
		if err != nil {
			return fmt.Errorf("update hours of operation: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteHoursOfOperation deletes the hours of operation unless a queue
// uses it (KindResourceInUse naming the queue). It returns KindNotFound if
// there is none with that id. The row lock makes a concurrent queue write
// that would point at it wait, then fail its foreign key.
func (s *Store) DeleteHoursOfOperation(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete hours of operation", func(ctx context.Context, tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM hours_of_operation WHERE instance_id = $1 AND id = $2 FOR UPDATE`,
			instanceID, id).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return connectlite.HoursOfOperationNotFound(instanceID, id)
		}
		if err != nil {
			return fmt.Errorf("lock hours of operation: %w", err)
		}
		queueID, err := qhFirstID(ctx, tx, `SELECT id FROM queues
			WHERE instance_id = $1 AND hours_of_operation_id = $2 ORDER BY id LIMIT 1`, instanceID, id)
		if err != nil {
			return fmt.Errorf("check queues of hours of operation: %w", err)
		}
		if queueID != "" {
			return connectlite.HoursOfOperationInUse(id, queueID)
		}
		_, err = tx.Exec(ctx, `DELETE FROM hours_of_operation WHERE instance_id = $1 AND id = $2`, instanceID, id)
		if sqlState(err) == codeForeignKeyViolation {
			return connectlite.HoursOfOperationInUse(id, "")
		}
		if err != nil {
			return fmt.Errorf("delete hours of operation: %w", err)
		}
		return nil
	})
}

// qhFirstID returns the id query answers, or "" if it answers no row.
func qhFirstID(ctx context.Context, q querier, query string, args ...any) (string, error) {
	var id string
	err := q.QueryRow(ctx, query, args...).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return id, err
}

const queueColumns = `id, name, description, hours_of_operation_id, max_contacts, status, queue_type, tags,
	last_modified_time, last_modified_region, outbound_caller_id_name, outbound_caller_id_number_id,
	outbound_flow_id, outbound_email_address_id`

// scanQueue reads a row of queueColumns.
func scanQueue(row pgx.Row, instanceID string) (*connectlite.Queue, error) {
	q := connectlite.Queue{InstanceID: instanceID}
	var tags []byte
	oc, oe := &q.OutboundCallerConfig, &q.OutboundEmailConfig
	if err := row.Scan(&q.ID, &q.Name, &q.Description, &q.HoursOfOperationID, &q.MaxContacts, &q.Status,
		&q.QueueType, &tags, &q.LastModifiedTime, &q.LastModifiedRegion, &oc.OutboundCallerIDName,
		&oc.OutboundCallerIDNumberID, &oc.OutboundFlowID, &oe.OutboundEmailAddressID); err != nil {
		return nil, err
	}
	q.LastModifiedTime = timeFromDB(q.LastModifiedTime)
	var err error
	if q.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, fmt.Errorf("queue %s: %w", q.ID, err)
	}
	return &q, nil
}

// queueValues returns the values of queueColumns for q.
func queueValues(q *connectlite.Queue) ([]any, error) {
	tags, err := storecodec.EncodeTags[[]byte](q.Tags)
	if err != nil {
		return nil, err
	}
	oc, oe := &q.OutboundCallerConfig, &q.OutboundEmailConfig
	return []any{
		q.ID, q.Name, q.Description, q.HoursOfOperationID, q.MaxContacts, q.Status, q.QueueType, tags,
		timeToDB(q.LastModifiedTime), q.LastModifiedRegion, oc.OutboundCallerIDName, oc.OutboundCallerIDNumberID,
		oc.OutboundFlowID, oe.OutboundEmailAddressID,
	}, nil
}

// loadQueue reads one queue, locking its row until the transaction ends if
// lock is set.
func loadQueue(ctx context.Context, q querier, instanceID, id string, lock bool) (*connectlite.Queue, error) {
	query := `SELECT ` + queueColumns + ` FROM queues WHERE instance_id = $1 AND id = $2`
	if lock {
		query += ` FOR UPDATE`
	}
	queue, err := scanQueue(q.QueryRow(ctx, query, instanceID, id), instanceID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, connectlite.QueueNotFound(instanceID, id)
	}
	if err != nil {
		return nil, fmt.Errorf("get queue: %w", err)
	}
	return queue, nil
}

// queueWriteError turns the constraint violations of a queue write into
// kinds: the unique name into KindDuplicate, the foreign keys (a reference
// deleted after the check) into the errors the checks give.
func queueWriteError(what string, q *connectlite.Queue, err error) error {
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &pgErr):
	case pgErr.Code == codeUniqueViolation && pgErr.ConstraintName == constraintQueueName:
		return connectlite.DuplicateQueueName(q.InstanceID, q.Name)
	case pgErr.Code == codeForeignKeyViolation && pgErr.ConstraintName == constraintQueueInstance:
		return instanceNotFound(q.InstanceID)
	case pgErr.Code == codeForeignKeyViolation:
		return connectlite.UnknownHoursOfOperation(q.InstanceID, q.HoursOfOperationID)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// CreateQueue inserts q after checking, in the same round trip, that its
// instance (KindNotFound) and its hours of operation (KindInvalidParameter)
// exist; a taken name is KindDuplicate.
func (s *Store) CreateQueue(ctx context.Context, q *connectlite.Queue) error {
	args, err := queueValues(q)
	if err != nil {
		return err
	}
	return s.write(ctx, "create queue", func(ctx context.Context, tx pgx.Tx) error {
		b := &pgx.Batch{}
		checked := false
		var instance, hours bool
		b.Queue(`SELECT EXISTS (SELECT 1 FROM instances WHERE id = $1),
			EXISTS (SELECT 1 FROM hours_of_operation WHERE instance_id = $1 AND id = $2)`,
			q.InstanceID, q.HoursOfOperationID).QueryRow(func(row pgx.Row) error {
			if err := row.Scan(&instance, &hours); err != nil {
				return err
			}
			checked = true
			return nil
		})
		b.Queue(`INSERT INTO queues (instance_id, `+queueColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			append([]any{q.InstanceID}, args...)...)
		err := tx.SendBatch(ctx, b).Close()
		if checked && !instance {
			return instanceNotFound(q.InstanceID)
		}
		if checked && !hours {
			return connectlite.UnknownHoursOfOperation(q.InstanceID, q.HoursOfOperationID)
		}
		return queueWriteError("insert queue", q, err)
	})
}

// Queue returns KindNotFound if the instance has no queue with that id.
func (s *Store) Queue(ctx context.Context, instanceID, id string) (*connectlite.Queue, error) {
	var q *connectlite.Queue
	err := s.read(ctx, "get queue", func(ctx context.Context) error {
		var err error
		q, err = loadQueue(ctx, s.pool, instanceID, id, false)
		return err
	})
	return q, err
}

// ListQueues lists an instance's queues of the given types (all if none)
// ordered by id. It returns KindNotFound if the instance does not exist.
func (s *Store) ListQueues(ctx context.Context, instanceID string, queueTypes []string, p connectlite.PageRequest) ([]connectlite.Queue, string, error) {
	limit := pageLimit(p)
	if len(queueTypes) == 0 {
		queueTypes = []string{connectlite.QueueTypeStandard, connectlite.QueueTypeAgent}
	}
	items, err := readPage(ctx, s, "list queues", s.instanceExistsFunc(instanceID),
		func(row pgx.Row) (*connectlite.Queue, error) { return scanQueue(row, instanceID) },
		`SELECT `+queueColumns+` FROM queues
		WHERE instance_id = $1 AND id > $2 AND queue_type = ANY($3::text[]) ORDER BY id LIMIT $4`,
		instanceID, p.After, queueTypes, limit+1)
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(q connectlite.Queue) string { return q.ID })
	return items, next, nil
}

// UpdateQueue locks the queue's row, applies mutate and writes the result
// in one transaction, checking a changed hours of operation
// (KindInvalidParameter) and name (KindDuplicate). It returns KindNotFound
// if there is no such queue and mutate's error as it is. mutate runs again
// on a fresh read if the transaction is retried.
func (s *Store) UpdateQueue(ctx context.Context, instanceID, id string, mutate func(*connectlite.Queue) error) (*connectlite.Queue, error) {
	var updated *connectlite.Queue
	err := s.write(ctx, "update queue", func(ctx context.Context, tx pgx.Tx) error {
		q, err := loadQueue(ctx, tx, instanceID, id, true)
		if err != nil {
			return err
		}
		hours := q.HoursOfOperationID
		if err := mutate(q); err != nil {
			return err
		}
		q.InstanceID, q.ID = instanceID, id
		if q.HoursOfOperationID != hours {
			var ok bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM hours_of_operation WHERE instance_id = $1 AND id = $2)`,
				instanceID, q.HoursOfOperationID).Scan(&ok); err != nil {
				return fmt.Errorf("check hours of operation: %w", err)
			}
			if !ok {
				return connectlite.UnknownHoursOfOperation(instanceID, q.HoursOfOperationID)
			}
		}
		args, err := queueValues(q)
		if err != nil {
			return err
		}
		// args starts with the id, which the WHERE clause takes.
		updated, err = scanQueue(tx.QueryRow(ctx, `UPDATE queues SET name = $1, description = $2,
			hours_of_operation_id = $3, max_contacts = $4, status = $5, queue_type = $6, tags = $7,
			last_modified_time = $8, last_modified_region = $9, outbound_caller_id_name = $10,
			outbound_caller_id_number_id = $11, outbound_flow_id = $12, outbound_email_address_id = $13
			WHERE instance_id = $14 AND id = $15 RETURNING `+queueColumns,
			append(args[1:], instanceID, id)...), instanceID)
		return queueWriteError("update queue", q, err)
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteQueue deletes the queue unless a routing profile uses it as its
// default outbound queue, in a queue config or as a manual assignment queue
// (KindResourceInUse naming the profile). It returns KindNotFound if there is no queue with that id. The
// row lock makes a concurrent routing profile write that would reference
// the queue wait, then fail its foreign key.
func (s *Store) DeleteQueue(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete queue", func(ctx context.Context, tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM queues WHERE instance_id = $1 AND id = $2 FOR UPDATE`,
			instanceID, id).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return connectlite.QueueNotFound(instanceID, id)
		}
		if err != nil {
			return fmt.Errorf("lock queue: %w", err)
		}
		// A statement of its own after the lock: it sees what the
		// transactions the lock waited for committed.
		profile, err := qhFirstID(ctx, tx, `SELECT min(id) FROM (
			(SELECT id FROM routing_profiles WHERE instance_id = $1 AND default_outbound_queue_id = $2
				ORDER BY id LIMIT 1)
			UNION ALL
			(SELECT routing_profile_id FROM routing_profile_queues WHERE instance_id = $1 AND queue_id = $2
				ORDER BY routing_profile_id LIMIT 1)
			UNION ALL
			(SELECT routing_profile_id FROM routing_profile_manual_queues WHERE instance_id = $1 AND queue_id = $2
				ORDER BY routing_profile_id LIMIT 1)) AS users_of_queue (id) HAVING count(*) > 0`, instanceID, id)
		if err != nil {
			return fmt.Errorf("check routing profiles of queue: %w", err)
		}
		if profile != "" {
			return connectlite.QueueInUse(id, profile)
		}
		_, err = tx.Exec(ctx, `DELETE FROM queues WHERE instance_id = $1 AND id = $2`, instanceID, id)
		if sqlState(err) == codeForeignKeyViolation {
			return connectlite.QueueInUse(id, "")
		}
		if err != nil {
			return fmt.Errorf("delete queue: %w", err)
		}
		return nil
	})
}
