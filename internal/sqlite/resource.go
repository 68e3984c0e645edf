package sqlite

import (
	"context"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
)

const (
	insertSecurityProfileQuery = `INSERT INTO security_profiles (instance_id, id, name, description,
	permissions, tags, last_modified_time, last_modified_region) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertHoursQuery = `INSERT INTO hours_of_operation (instance_id, id, name, description,
	time_zone, config, tags, last_modified_time, last_modified_region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertQueueQuery = `INSERT INTO queues (instance_id, id, name, description,
	hours_of_operation_id, max_contacts, status, queue_type, tags, last_modified_time, last_modified_region)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertRoutingProfileQuery = `INSERT INTO routing_profiles (instance_id, id, name, description,
	default_outbound_queue_id, media_concurrencies, tags, last_modified_time, last_modified_region,
	agent_availability_timer, is_default) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertRoutingProfileQueueQuery = `INSERT INTO routing_profile_queues (instance_id, routing_profile_id,
	queue_id, channel, priority, delay, position) VALUES (?, ?, ?, ?, ?, ?, ?)`
	listSecurityProfilesQuery = `SELECT ` + securityProfileColumns + ` FROM security_profiles
	WHERE instance_id = ? AND id > ? ORDER BY id LIMIT ?`
	listRoutingProfilesQuery = `SELECT id, name, description, default_outbound_queue_id,
	media_concurrencies, tags, last_modified_time, last_modified_region, agent_availability_timer, is_default
	FROM routing_profiles
	WHERE instance_id = ? AND id > ? ORDER BY id LIMIT ?`
	// The queue configs of a page of routing profiles: one range scan.
	pageQueueConfigsQuery = `SELECT routing_profile_id, queue_id, channel, priority, delay
	FROM routing_profile_queues WHERE instance_id = ? AND routing_profile_id BETWEEN ? AND ?
	ORDER BY routing_profile_id, position`
)

func insertSecurityProfile(ctx context.Context, tx *txn, p *connectlite.SecurityProfile) error {
	perms, err := storecodec.EncodeStrings[string](p.Permissions)
	if err != nil {
		return err
	}
	tags, err := storecodec.EncodeTags[string](p.Tags)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, insertSecurityProfileQuery,
		p.InstanceID, p.ID, p.Name, p.Description, perms, tags, timeToDB(p.LastModifiedTime), p.LastModifiedRegion)
	return wrap("insert security profile "+p.ID, err)
}

func insertHours(ctx context.Context, tx *txn, h *connectlite.HoursOfOperation) error {
	j, err := storecodec.EncodeHours[string](h)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, insertHoursQuery,
		h.InstanceID, h.ID, h.Name, h.Description, h.TimeZone, j.Config, j.Tags, timeToDB(h.LastModifiedTime), h.LastModifiedRegion)
	return wrap("insert hours of operation "+h.ID, err)
}

func insertQueue(ctx context.Context, tx *txn, q *connectlite.Queue) error {
	tags, err := storecodec.EncodeTags[string](q.Tags)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, insertQueueQuery,
		q.InstanceID, q.ID, q.Name, q.Description, q.HoursOfOperationID, q.MaxContacts, q.Status, q.QueueType,
		tags, timeToDB(q.LastModifiedTime), q.LastModifiedRegion)
	return wrap("insert queue "+q.ID, err)
}

func insertRoutingProfile(ctx context.Context, tx *txn, p *connectlite.RoutingProfile) error {
	j, err := storecodec.EncodeRoutingProfile[string](p)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, insertRoutingProfileQuery,
		p.InstanceID, p.ID, p.Name, p.Description, p.DefaultOutboundQueueID, j.MediaConcurrencies, j.Tags,
		timeToDB(p.LastModifiedTime), p.LastModifiedRegion, p.AgentAvailabilityTimer, boolToDB(p.IsDefault))
	if err != nil {
		return wrap("insert routing profile "+p.ID, err)
	}
	for i, q := range p.QueueConfigs {
		if _, err := tx.ExecContext(ctx, insertRoutingProfileQueueQuery,
			p.InstanceID, p.ID, q.QueueID, q.Channel, q.Priority, q.Delay, i); err != nil {
			return wrap("insert routing profile queue "+q.QueueID, err)
		}
	}
	return nil
}

// ListSecurityProfiles lists an instance's security profiles ordered by id.
// It returns KindNotFound if the instance does not exist.
func (s *Store) ListSecurityProfiles(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.SecurityProfile, string, error) {
	limit := pageLimit(p)
	var items []connectlite.SecurityProfile
	err := s.read(ctx, "list security profiles", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
		}
		var err error
		items, err = queryRows(ctx, tx, "list security profiles",
			func(row rowScanner) (*connectlite.SecurityProfile, error) {
				return scanSecurityProfile(row, instanceID) // profiles.go
			}, listSecurityProfilesQuery, instanceID, p.After, limit+1)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(p connectlite.SecurityProfile) string { return p.ID })
	return items, next, nil
}

// ListRoutingProfiles lists an instance's routing profiles ordered by id,
// with their media concurrencies and queue configs. It returns KindNotFound
// if the instance does not exist.
func (s *Store) ListRoutingProfiles(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.RoutingProfile, string, error) {
	limit := pageLimit(p)
	var (
		items []connectlite.RoutingProfile
		next  string
	)
	err := s.read(ctx, "list routing profiles", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, listRoutingProfilesQuery, instanceID, p.After, limit+1)
		if err != nil {
			return wrap("list routing profiles", err)
		}
		defer rows.Close()
		for rows.Next() {
			rp := connectlite.RoutingProfile{InstanceID: instanceID}
			var j storecodec.RoutingProfileJSON[string]
			var lmt, isDefault int64
			if err := rows.Scan(&rp.ID, &rp.Name, &rp.Description, &rp.DefaultOutboundQueueID, &j.MediaConcurrencies,
				&j.Tags, &lmt, &rp.LastModifiedRegion, &rp.AgentAvailabilityTimer, &isDefault); err != nil {
				return wrap("list routing profiles: scan", err)
			}
			rp.LastModifiedTime = timeFromDB(lmt)
			rp.IsDefault = isDefault != 0
			if err := j.Decode(&rp); err != nil {
				return err
			}
			items = append(items, rp)
		}
		if err := rows.Err(); err != nil {
			return wrap("list routing profiles: rows", err)
		}
		rows.Close()
		if len(items) == 0 {
			return nil
		}
		items, next = cut(items, limit, func(p connectlite.RoutingProfile) string { return p.ID })
		return loadQueueConfigs(ctx, tx, instanceID, items)
	})
	if err != nil {
		return nil, "", err
	}
	return items, next, nil
}

// loadQueueConfigs fills the queue configs of a page of routing profiles
// (ordered by id) with one range scan over the page's ids.
func loadQueueConfigs(ctx context.Context, tx *txn, instanceID string, page []connectlite.RoutingProfile) error {
	byID := make(map[string]*connectlite.RoutingProfile, len(page))
	for i := range page {
		byID[page[i].ID] = &page[i]
	}
	rows, err := tx.QueryContext(ctx, pageQueueConfigsQuery, instanceID, page[0].ID, page[len(page)-1].ID)
	if err != nil {
		return wrap("load routing profile queues", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rpID string
		var q connectlite.RoutingProfileQueueConfig
		if err := rows.Scan(&rpID, &q.QueueID, &q.Channel, &q.Priority, &q.Delay); err != nil {
			return wrap("load routing profile queues: scan", err)
		}
		if rp := byID[rpID]; rp != nil {
			rp.QueueConfigs = append(rp.QueueConfigs, q)
		}
	}
	return wrap("load routing profile queues: rows", rows.Err())
}
