package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	sqlite3 "modernc.org/sqlite/lib"
)

// Queues and hours of operation (migration 0003). Writes check the
// instance and the references in their transaction, so the answers name
// the missing or blocking resource; the foreign keys are the backstop.

const (
	hoursColumns = `id, name, description, time_zone, config, tags, last_modified_time, last_modified_region`

	selectHoursQuery = `SELECT ` + hoursColumns + ` FROM hours_of_operation WHERE instance_id = ? AND id = ?`
	listHoursQuery   = `SELECT ` + hoursColumns + ` FROM hours_of_operation
	WHERE instance_id = ? AND id > ? ORDER BY id LIMIT ?`
	updateHoursQuery = `UPDATE hours_of_operation SET name = ?, description = ?, time_zone = ?, config = ?,
	tags = ?, last_modified_time = ?, last_modified_region = ? WHERE instance_id = ? AND id = ?`
	deleteHoursQuery  = `DELETE FROM hours_of_operation WHERE instance_id = ? AND id = ?`
	hoursExistsQuery  = `SELECT 1 FROM hours_of_operation WHERE instance_id = ? AND id = ?`
	queueOfHoursQuery = `SELECT id FROM queues WHERE instance_id = ? AND hours_of_operation_id = ? ORDER BY id LIMIT 1`
	queueReadColumns  = `id, name, description, hours_of_operation_id, max_contacts, status, queue_type, tags,
	last_modified_time, last_modified_region, outbound_caller_id_name, outbound_caller_id_number_id,
	outbound_flow_id, outbound_email_address_id`
	createQueueQuery = `INSERT INTO queues (instance_id, ` + queueReadColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	selectQueueQuery = `SELECT ` + queueReadColumns + ` FROM queues WHERE instance_id = ? AND id = ?`
	// Both type parameters repeat the single type of a one-type filter.
	listQueuesQuery = `SELECT ` + queueReadColumns + ` FROM queues
	WHERE instance_id = ? AND id > ? AND queue_type IN (?, ?) ORDER BY id LIMIT ?`
	updateQueueQuery = `UPDATE queues SET name = ?, description = ?, hours_of_operation_id = ?, max_contacts = ?,
	status = ?, queue_type = ?, tags = ?, last_modified_time = ?, last_modified_region = ?,
	outbound_caller_id_name = ?, outbound_caller_id_number_id = ?, outbound_flow_id = ?,
	outbound_email_address_id = ? WHERE instance_id = ? AND id = ?`
	deleteQueueQuery = `DELETE FROM queues WHERE instance_id = ? AND id = ?`
	// The routing profiles that use a queue, through the indexes on
	// default_outbound_queue_id and the queue_id of routing_profile_queues
	// and routing_profile_manual_queues (0002).
	profileOfDefaultQueueQuery = `SELECT id FROM routing_profiles
	WHERE instance_id = ? AND default_outbound_queue_id = ? ORDER BY id LIMIT 1`
	profileOfQueueConfigQuery = `SELECT routing_profile_id FROM routing_profile_queues
	WHERE instance_id = ? AND queue_id = ? ORDER BY routing_profile_id LIMIT 1`
	profileOfManualQueueQuery = `SELECT routing_profile_id FROM routing_profile_manual_queues
	WHERE instance_id = ? AND queue_id = ? ORDER BY routing_profile_id LIMIT 1`
)

// scanHours reads a row of hoursColumns.
func scanHours(row interface{ Scan(...any) error }, instanceID string) (*connectlite.HoursOfOperation, error) {
	h := connectlite.HoursOfOperation{InstanceID: instanceID}
	var j storecodec.HoursJSON[string]
	var lmt int64
	if err := row.Scan(&h.ID, &h.Name, &h.Description, &h.TimeZone, &j.Config, &j.Tags, &lmt, &h.LastModifiedRegion); err != nil {
		return nil, err
	}
	h.LastModifiedTime = timeFromDB(lmt)
	if err := j.Decode(&h); err != nil {
		return nil, err
	}
	return &h, nil
}

// scanQueue reads a row of queueReadColumns.
func scanQueue(row interface{ Scan(...any) error }, instanceID string) (*connectlite.Queue, error) {
	q := connectlite.Queue{InstanceID: instanceID}
	var tags string
	var lmt int64
	oc, oe := &q.OutboundCallerConfig, &q.OutboundEmailConfig
	if err := row.Scan(&q.ID, &q.Name, &q.Description, &q.HoursOfOperationID, &q.MaxContacts, &q.Status,
		&q.QueueType, &tags, &lmt, &q.LastModifiedRegion, &oc.OutboundCallerIDName, &oc.OutboundCallerIDNumberID,
		&oc.OutboundFlowID, &oe.OutboundEmailAddressID); err != nil {
		return nil, err
	}
	q.LastModifiedTime = timeFromDB(lmt)
	var err error
	if q.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, fmt.Errorf("queue %s: %w", q.ID, err)
	}
	return &q, nil
}

// qhExists reports whether query, given args, returns a row.
func qhExists(ctx context.Context, tx *txn, what, query string, args ...any) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, wrap(what, err)
	}
	return true, nil
}

// qhFirstID returns the id query answers, or "" if it answers no row.
func qhFirstID(ctx context.Context, tx *txn, what, query string, args ...any) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, query, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", wrap(what, err)
	}
	return id, nil
}

// CreateHoursOfOperation inserts h after checking that its instance exists
// (KindNotFound); a taken name is KindDuplicate.
func (s *Store) CreateHoursOfOperation(ctx context.Context, h *connectlite.HoursOfOperation) error {
	return s.write(ctx, "create hours of operation", func(tx *txn) error {
		if err := instanceExists(ctx, tx, h.InstanceID); err != nil {
			return err
		}
		err := insertHours(ctx, tx, h)
		if isUnique(err, "hours_of_operation.name") {
			return connectlite.DuplicateHoursOfOperationName(h.InstanceID, h.Name)
		}
		return err
	})
}

// HoursOfOperation returns KindNotFound if the instance has no hours of
// operation with that id.
func (s *Store) HoursOfOperation(ctx context.Context, instanceID, id string) (*connectlite.HoursOfOperation, error) {
	var h *connectlite.HoursOfOperation
	err := s.read(ctx, "get hours of operation", func(tx *txn) error {
		var err error
		h, err = loadHours(ctx, tx, instanceID, id)
		return err
	})
	return h, err
}

func loadHours(ctx context.Context, tx *txn, instanceID, id string) (*connectlite.HoursOfOperation, error) {
	h, err := scanHours(tx.QueryRowContext(ctx, selectHoursQuery, instanceID, id), instanceID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, connectlite.HoursOfOperationNotFound(instanceID, id)
	}
	if err != nil {
		return nil, wrap("get hours of operation", err)
	}
	return h, nil
}

// ListHoursOfOperations lists an instance's hours of operation ordered by
// id. It returns KindNotFound if the instance does not exist.
func (s *Store) ListHoursOfOperations(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.HoursOfOperation, string, error) {
	limit := pageLimit(p)
	var items []connectlite.HoursOfOperation
	err := s.read(ctx, "list hours of operation", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
		}
		var err error
		items, err = queryRows(ctx, tx, "list hours of operation",
			func(row rowScanner) (*connectlite.HoursOfOperation, error) {
				return scanHours(row, instanceID)
			}, listHoursQuery, instanceID, p.After, limit+1)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(h connectlite.HoursOfOperation) string { return h.ID })
	return items, next, nil
}

// UpdateHoursOfOperation reads the hours of operation, applies mutate and
// writes the result in one write transaction. It returns KindNotFound if
// there is none with that id, KindDuplicate if the new name is taken and
// mutate's error as it is.
func (s *Store) UpdateHoursOfOperation(ctx context.Context, instanceID, id string, mutate func(*connectlite.HoursOfOperation) error) (*connectlite.HoursOfOperation, error) {
	var updated *connectlite.HoursOfOperation
	err := s.write(ctx, "update hours of operation", func(tx *txn) error {
		h, err := loadHours(ctx, tx, instanceID, id)
		if err != nil {
			return err
		}
		if err := mutate(h); err != nil {
			return err
		}
		h.InstanceID, h.ID = instanceID, id
		j, err := storecodec.EncodeHours[string](h)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, updateHoursQuery, h.Name, h.Description, h.TimeZone, j.Config, j.Tags,
			timeToDB(h.LastModifiedTime), h.LastModifiedRegion, instanceID, id)
		if isUnique(err, "hours_of_operation.name") {
			return connectlite.DuplicateHoursOfOperationName(instanceID, h.Name)
		}
		if err != nil {
			return wrap("update hours of operation", err)
		}
		updated, err = loadHours(ctx, tx, instanceID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteHoursOfOperation deletes the hours of operation unless a queue
// uses it (KindResourceInUse naming the queue). It returns KindNotFound if
// there is none with that id.
func (s *Store) DeleteHoursOfOperation(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete hours of operation", func(tx *txn) error {
		found, err := qhExists(ctx, tx, "check hours of operation", hoursExistsQuery, instanceID, id)
		if err != nil {
			return err
		}
		if !found {
			return connectlite.HoursOfOperationNotFound(instanceID, id)
		}
		queueID, err := qhFirstID(ctx, tx, "check queues of hours of operation", queueOfHoursQuery, instanceID, id)
		if err != nil {
			return err
		}
		if queueID != "" {
			return connectlite.HoursOfOperationInUse(id, queueID)
		}
		_, err = tx.ExecContext(ctx, deleteHoursQuery, instanceID, id)
		if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			return connectlite.HoursOfOperationInUse(id, "")
		}
		return wrap("delete hours of operation", err)
	})
}

// queueValues returns the values of queueReadColumns for q.
func queueValues(q *connectlite.Queue) ([]any, error) {
	tags, err := storecodec.EncodeTags[string](q.Tags)
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

// checkQueueHours returns KindInvalidParameter unless q's hours of
// operation exist in its instance.
func checkQueueHours(ctx context.Context, tx *txn, q *connectlite.Queue) error {
	ok, err := qhExists(ctx, tx, "check hours of operation", hoursExistsQuery, q.InstanceID, q.HoursOfOperationID)
	if err != nil {
		return err
	}
	if !ok {
		return connectlite.UnknownHoursOfOperation(q.InstanceID, q.HoursOfOperationID)
	}
	return nil
}

// queueWriteError turns the constraint violations of a queue write into
// kinds.
func queueWriteError(what string, q *connectlite.Queue, err error) error {
	switch {
	case isUnique(err, "queues.name"):
		return connectlite.DuplicateQueueName(q.InstanceID, q.Name)
	case sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return connectlite.UnknownHoursOfOperation(q.InstanceID, q.HoursOfOperationID)
	}
	return wrap(what, err)
}

// CreateQueue inserts q after checking that its instance (KindNotFound)
// and its hours of operation (KindInvalidParameter) exist; a taken name is
// KindDuplicate.
func (s *Store) CreateQueue(ctx context.Context, q *connectlite.Queue) error {
	args, err := queueValues(q)
	if err != nil {
		return err
	}
	return s.write(ctx, "create queue", func(tx *txn) error {
		if err := instanceExists(ctx, tx, q.InstanceID); err != nil {
			return err
		}
		if err := checkQueueHours(ctx, tx, q); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, createQueueQuery, append([]any{q.InstanceID}, args...)...)
		return queueWriteError("insert queue", q, err)
	})
}

// Queue returns KindNotFound if the instance has no queue with that id.
func (s *Store) Queue(ctx context.Context, instanceID, id string) (*connectlite.Queue, error) {
	var q *connectlite.Queue
	err := s.read(ctx, "get queue", func(tx *txn) error {
		var err error
		q, err = loadQueue(ctx, tx, instanceID, id)
		return err
	})
	return q, err
}

func loadQueue(ctx context.Context, tx *txn, instanceID, id string) (*connectlite.Queue, error) {
	q, err := scanQueue(tx.QueryRowContext(ctx, selectQueueQuery, instanceID, id), instanceID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, connectlite.QueueNotFound(instanceID, id)
	}
	if err != nil {
		return nil, wrap("get queue", err)
	}
	return q, nil
}

// ListQueues lists an instance's queues of the given types (all if none)
// ordered by id. It returns KindNotFound if the instance does not exist.
func (s *Store) ListQueues(ctx context.Context, instanceID string, queueTypes []string, p connectlite.PageRequest) ([]connectlite.Queue, string, error) {
	limit := pageLimit(p)
	typeA, typeB := connectlite.QueueTypeStandard, connectlite.QueueTypeAgent
	switch len(queueTypes) {
	case 0:
	case 1:
		typeA, typeB = queueTypes[0], queueTypes[0]
	default:
		typeA, typeB = queueTypes[0], queueTypes[1]
	}
	var items []connectlite.Queue
	err := s.read(ctx, "list queues", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
		}
		var err error
		items, err = queryRows(ctx, tx, "list queues",
			func(row rowScanner) (*connectlite.Queue, error) {
				return scanQueue(row, instanceID)
			},
			listQueuesQuery, instanceID, p.After, typeA, typeB, limit+1)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(q connectlite.Queue) string { return q.ID })
	return items, next, nil
}

// UpdateQueue reads the queue, applies mutate and writes the result in one
// write transaction, checking a changed hours of operation
// (KindInvalidParameter) and name (KindDuplicate). It returns KindNotFound
// if there is no such queue and mutate's error as it is.
func (s *Store) UpdateQueue(ctx context.Context, instanceID, id string, mutate func(*connectlite.Queue) error) (*connectlite.Queue, error) {
	var updated *connectlite.Queue
	err := s.write(ctx, "update queue", func(tx *txn) error {
		q, err := loadQueue(ctx, tx, instanceID, id)
		if err != nil {
			return err
		}
		hours := q.HoursOfOperationID
		if err := mutate(q); err != nil {
			return err
		}
		q.InstanceID, q.ID = instanceID, id
		if q.HoursOfOperationID != hours {
			if err := checkQueueHours(ctx, tx, q); err != nil {
				return err
			}
		}
		args, err := queueValues(q)
		if err != nil {
			return err
		}
		// queueValues starts with the id, which the WHERE clause takes.
		_, err = tx.ExecContext(ctx, updateQueueQuery, append(args[1:], instanceID, id)...)
		if err != nil {
			return queueWriteError("update queue", q, err)
		}
		updated, err = loadQueue(ctx, tx, instanceID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteQueue deletes the queue unless a routing profile uses it as its
// default outbound queue, in a queue config or as a manual assignment queue
// (KindResourceInUse naming the profile). It returns KindNotFound if there
// is no queue with that id.
func (s *Store) DeleteQueue(ctx context.Context, instanceID, id string) error {
	return s.write(ctx, "delete queue", func(tx *txn) error {
		if _, err := loadQueue(ctx, tx, instanceID, id); err != nil {
			return err
		}
		// The smallest id of the profiles that use the queue either way.
		profile := ""
		for _, query := range []string{profileOfDefaultQueueQuery, profileOfQueueConfigQuery, profileOfManualQueueQuery} {
			pid, err := qhFirstID(ctx, tx, "check routing profiles of queue", query, instanceID, id)
			if err != nil {
				return err
			}
			if pid != "" && (profile == "" || pid < profile) {
				profile = pid
			}
		}
		if profile != "" {
			return connectlite.QueueInUse(id, profile)
		}
		_, err := tx.ExecContext(ctx, deleteQueueQuery, instanceID, id)
		if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			return connectlite.QueueInUse(id, "")
		}
		return wrap("delete queue", err)
	})
}
