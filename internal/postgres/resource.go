package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5"
)

// ListSecurityProfiles lists an instance's security profiles ordered by id.
// It returns KindNotFound if the instance does not exist.
func (s *Store) ListSecurityProfiles(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.SecurityProfile, string, error) {
	limit := pageLimit(p)
	var items []connectlite.SecurityProfile
	err := s.read(ctx, "list security profiles", func(ctx context.Context) error {
		rows, _ := s.pool.Query(ctx, `SELECT `+securityProfileColumns+` FROM security_profiles
			WHERE instance_id = $1 AND id > $2 ORDER BY id LIMIT $3`, instanceID, p.After, limit+1)
		var err error
		items, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (connectlite.SecurityProfile, error) {
			sp, err := scanSecurityProfile(row, instanceID) // profiles.go
			if err != nil {
				return connectlite.SecurityProfile{}, err
			}
			return *sp, nil
		})
		if err != nil {
			return err
		}
		// A row proves the instance exists (foreign key); no row may mean
		// an empty page or no instance.
		if len(items) == 0 {
			return instanceExists(ctx, s.pool, instanceID)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(p connectlite.SecurityProfile) string { return p.ID })
	return items, next, nil
}

// queueConfigJSON is a row of routing_profile_queues as the routing profile
// query aggregates it.
type queueConfigJSON struct {
	QueueID  string `json:"queue_id"`
	Channel  string `json:"channel"`
	Priority int32  `json:"priority"`
	Delay    int32  `json:"delay"`
}

// ListRoutingProfiles lists an instance's routing profiles ordered by id,
// with their media concurrencies and queue configs. It returns KindNotFound
// if the instance does not exist.
func (s *Store) ListRoutingProfiles(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.RoutingProfile, string, error) {
	limit := pageLimit(p)
	var items []connectlite.RoutingProfile
	err := s.read(ctx, "list routing profiles", func(ctx context.Context) error {
		// One statement, so the queue configs come from the same snapshot
		// as their profiles.
		rows, _ := s.pool.Query(ctx, `SELECT rp.id, rp.name, rp.description, rp.default_outbound_queue_id,
			rp.media_concurrencies, rp.tags, rp.last_modified_time, rp.last_modified_region,
			rp.agent_availability_timer, rp.is_default,
			(SELECT jsonb_agg(jsonb_build_object('queue_id', q.queue_id, 'channel', q.channel,
					'priority', q.priority, 'delay', q.delay) ORDER BY q.position)
				FROM routing_profile_queues q
				WHERE q.instance_id = rp.instance_id AND q.routing_profile_id = rp.id)
			FROM routing_profiles rp
			WHERE rp.instance_id = $1 AND rp.id > $2 ORDER BY rp.id LIMIT $3`, instanceID, p.After, limit+1)
		var err error
		items, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (connectlite.RoutingProfile, error) {
			rp := connectlite.RoutingProfile{InstanceID: instanceID}
			var media, tags, queues []byte
			if err := row.Scan(&rp.ID, &rp.Name, &rp.Description, &rp.DefaultOutboundQueueID, &media, &tags,
				&rp.LastModifiedTime, &rp.LastModifiedRegion, &rp.AgentAvailabilityTimer, &rp.IsDefault, &queues); err != nil {
				return rp, err
			}
			rp.LastModifiedTime = timeFromDB(rp.LastModifiedTime)
			var err error
			if rp.MediaConcurrencies, err = decodeList(media, fromMediaConcurrency); err != nil {
				return rp, fmt.Errorf("routing profile %s media concurrencies: %w", rp.ID, err)
			}
			if rp.Tags, err = decodeTags(tags); err != nil {
				return rp, fmt.Errorf("routing profile %s: %w", rp.ID, err)
			}
			if queues != nil {
				var qs []queueConfigJSON
				if err := json.Unmarshal(queues, &qs); err != nil {
					return rp, fmt.Errorf("routing profile %s queues: %w", rp.ID, err)
				}
				for _, q := range qs {
					rp.QueueConfigs = append(rp.QueueConfigs, connectlite.RoutingProfileQueueConfig(q))
				}
			}
			return rp, nil
		})
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return instanceExists(ctx, s.pool, instanceID)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(p connectlite.RoutingProfile) string { return p.ID })
	return items, next, nil
}
