-- 0002_profiles: security profiles and routing profiles as resources of
-- their own, as internal/sqlite's 0002_profiles, in PostgreSQL terms.
--
--   * Names are unique per instance, compared exactly, for each resource
--     type; the unique constraints enforce it.
--   * A security profile's access restrictions and AI-agent settings are
--     jsonb columns read whole; the hierarchy group it may name is checked
--     on write, without a foreign key, as in SQLite.
--   * Manual assignment queues are a table, like routing_profile_queues, so
--     a queue in use cannot be deleted and the list pages.
--   * is_default marks the routing profile CreateInstance makes; the
--     instances created before this migration get it by name.

ALTER TABLE security_profiles
    ADD COLUMN allowed_access_control_tags jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN tag_restricted_resources jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN hierarchy_restricted_resources jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN allowed_access_control_hierarchy_group_id text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN applications jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN allowed_flow_modules jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN primary_attribute_values jsonb NOT NULL DEFAULT '[]',
    ADD CONSTRAINT security_profiles_instance_name UNIQUE (instance_id, name);

ALTER TABLE routing_profiles
    ADD COLUMN agent_availability_timer text NOT NULL DEFAULT '',
    ADD COLUMN is_default boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT routing_profiles_instance_name UNIQUE (instance_id, name);
UPDATE routing_profiles SET is_default = true WHERE name = 'Basic Routing Profile';

CREATE TABLE routing_profile_manual_queues (
    instance_id        text COLLATE "C" NOT NULL,
    routing_profile_id text COLLATE "C" NOT NULL,
    queue_id           text COLLATE "C" NOT NULL,
    channel            text COLLATE "C" NOT NULL,
    position           integer NOT NULL,        -- keeps the order given
    PRIMARY KEY (instance_id, routing_profile_id, queue_id, channel),
    FOREIGN KEY (instance_id, routing_profile_id) REFERENCES routing_profiles (instance_id, id) ON DELETE CASCADE,
    CONSTRAINT routing_profile_manual_queues_queue_fk FOREIGN KEY (instance_id, queue_id)
        REFERENCES queues (instance_id, id)
);
CREATE INDEX routing_profile_manual_queues_queue ON routing_profile_manual_queues (instance_id, queue_id);
