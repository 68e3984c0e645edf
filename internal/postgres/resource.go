package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	"github.com/jackc/pgx/v5"
)

// ListSecurityProfiles lists an instance's security profiles ordered by id.
// It returns KindNotFound if the instance does not exist.
func (s *Store) ListSecurityProfiles(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.SecurityProfile, string, error) {
	limit := pageLimit(p)
	items, err := readPage(ctx, s, "list security profiles", s.instanceExistsFunc(instanceID),
		func(row pgx.Row) (*connectlite.SecurityProfile, error) {
			return scanSecurityProfile(row, instanceID) // profiles.go
		},
		`SELECT `+securityProfileColumns+` FROM security_profiles
		WHERE instance_id = $1 AND id > $2 ORDER BY id LIMIT $3`, instanceID, p.After, limit+1)
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

// decodeQueueConfigs sets p's queue configs from their aggregate (NULL for
// none).
func decodeQueueConfigs(p *connectlite.RoutingProfile, queues []byte) error {
	if queues == nil {
		return nil
	}
	var qs []queueConfigJSON
	if err := json.Unmarshal(queues, &qs); err != nil {
		return fmt.Errorf("routing profile %s queues: %w", p.ID, err)
	}
	for _, q := range qs {
		p.QueueConfigs = append(p.QueueConfigs, connectlite.RoutingProfileQueueConfig(q))
	}
	return nil
}

// ListRoutingProfiles lists an instance's routing profiles ordered by id,
// with their media concurrencies and queue configs. It returns KindNotFound
// if the instance does not exist.
func (s *Store) ListRoutingProfiles(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.RoutingProfile, string, error) {
	limit := pageLimit(p)
	scan := func(row pgx.Row) (*connectlite.RoutingProfile, error) {
		rp := connectlite.RoutingProfile{InstanceID: instanceID}
		var j storecodec.RoutingProfileJSON[[]byte]
		var queues []byte
		if err := row.Scan(&rp.ID, &rp.Name, &rp.Description, &rp.DefaultOutboundQueueID, &j.MediaConcurrencies,
			&j.Tags, &rp.LastModifiedTime, &rp.LastModifiedRegion, &rp.AgentAvailabilityTimer, &rp.IsDefault,
			&queues); err != nil {
			return nil, err
		}
		rp.LastModifiedTime = timeFromDB(rp.LastModifiedTime)
		if err := j.Decode(&rp); err != nil {
			return nil, err
		}
		if err := decodeQueueConfigs(&rp, queues); err != nil {
			return nil, err
		}
		return &rp, nil
	}
	// One statement, so the queue configs come from the same snapshot as
	// their profiles.
	items, err := readPage(ctx, s, "list routing profiles", s.instanceExistsFunc(instanceID), scan,
		`SELECT rp.id, rp.name, rp.description, rp.default_outbound_queue_id,
		rp.media_concurrencies, rp.tags, rp.last_modified_time, rp.last_modified_region,
		rp.agent_availability_timer, rp.is_default,
		(SELECT jsonb_agg(jsonb_build_object('queue_id', q.queue_id, 'channel', q.channel,
				'priority', q.priority, 'delay', q.delay) ORDER BY q.position)
			FROM routing_profile_queues q
			WHERE q.instance_id = rp.instance_id AND q.routing_profile_id = rp.id)
		FROM routing_profiles rp
		WHERE rp.instance_id = $1 AND rp.id > $2 ORDER BY rp.id LIMIT $3`, instanceID, p.After, limit+1)
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(p connectlite.RoutingProfile) string { return p.ID })
	return items, next, nil
}
