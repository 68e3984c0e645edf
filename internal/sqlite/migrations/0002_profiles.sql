-- 0002_profiles: security profiles and routing profiles as resources of
-- their own (CreateSecurityProfile, CreateRoutingProfile and their updates,
-- deletes and lists).
--
--   * Names are unique per instance, compared exactly, for each resource
--     type; the unique indexes enforce it.
--   * A security profile's access restrictions and AI-agent settings are
--     JSON columns read whole; the hierarchy group it may name is checked
--     on write, without a foreign key (SQLite cannot add a composite one to
--     an existing table).
--   * Manual assignment queues are a table, like routing_profile_queues, so
--     a queue in use cannot be deleted and the list pages.
--   * is_default marks the routing profile CreateInstance makes; the
--     instances created before this migration get it by name.

ALTER TABLE security_profiles ADD COLUMN allowed_access_control_tags TEXT NOT NULL DEFAULT '{}';
ALTER TABLE security_profiles ADD COLUMN tag_restricted_resources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE security_profiles ADD COLUMN hierarchy_restricted_resources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE security_profiles ADD COLUMN allowed_access_control_hierarchy_group_id TEXT NOT NULL DEFAULT '';
ALTER TABLE security_profiles ADD COLUMN applications TEXT NOT NULL DEFAULT '[]';
ALTER TABLE security_profiles ADD COLUMN allowed_flow_modules TEXT NOT NULL DEFAULT '[]';
ALTER TABLE security_profiles ADD COLUMN primary_attribute_values TEXT NOT NULL DEFAULT '[]';
CREATE UNIQUE INDEX security_profiles_instance_name ON security_profiles (instance_id, name);

ALTER TABLE routing_profiles ADD COLUMN agent_availability_timer TEXT NOT NULL DEFAULT '';
ALTER TABLE routing_profiles ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0;
UPDATE routing_profiles SET is_default = 1 WHERE name = 'Basic Routing Profile';
CREATE UNIQUE INDEX routing_profiles_instance_name ON routing_profiles (instance_id, name);

CREATE TABLE routing_profile_manual_queues (
    instance_id        TEXT NOT NULL,
    routing_profile_id TEXT NOT NULL,
    queue_id           TEXT NOT NULL,
    channel            TEXT NOT NULL,
    position           INTEGER NOT NULL,        -- keeps the order given
    PRIMARY KEY (instance_id, routing_profile_id, queue_id, channel),
    FOREIGN KEY (instance_id, routing_profile_id) REFERENCES routing_profiles (instance_id, id) ON DELETE CASCADE,
    FOREIGN KEY (instance_id, queue_id) REFERENCES queues (instance_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX routing_profile_manual_queues_queue ON routing_profile_manual_queues (instance_id, queue_id);
