-- 0001_init: instances, their default resources, hierarchy, users.
--
-- Conventions:
--   * Every resource of an instance is keyed by (instance_id, id) and is
--     deleted with its instance (ON DELETE CASCADE); references between
--     resources are composite foreign keys, so a reference can only point
--     into the same instance, and deleting a referenced resource fails.
--   * Times are INTEGER nanoseconds since the Unix epoch (UTC).
--   * *_key columns hold the lower-cased value that uniqueness and prefix
--     searches compare, so both are answered by an index.
--   * Lists and maps that are only ever read whole are JSON text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

CREATE TABLE instances (
    id                       TEXT PRIMARY KEY,
    account_id               TEXT NOT NULL,
    region                   TEXT NOT NULL,
    identity_management_type TEXT NOT NULL,
    alias                    TEXT NOT NULL,
    alias_key                TEXT,              -- lower(alias); NULL when there is no alias
    directory_id             TEXT NOT NULL,
    inbound_calls_enabled    INTEGER NOT NULL,
    outbound_calls_enabled   INTEGER NOT NULL,
    status                   TEXT NOT NULL,
    created_time             INTEGER NOT NULL,
    client_token             TEXT NOT NULL,
    tags                     TEXT NOT NULL      -- JSON object
) STRICT;
-- NULL aliases are distinct, so instances without an alias never collide.
CREATE UNIQUE INDEX instances_account_alias ON instances (account_id, alias_key);
CREATE INDEX instances_region_id ON instances (region, id);
CREATE INDEX instances_account_client_token ON instances (account_id, client_token);

CREATE TABLE security_profiles (
    instance_id          TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                   TEXT NOT NULL,
    name                 TEXT NOT NULL,
    description          TEXT NOT NULL,
    permissions          TEXT NOT NULL,         -- JSON array of strings
    tags                 TEXT NOT NULL,         -- JSON object
    last_modified_time   INTEGER NOT NULL,
    last_modified_region TEXT NOT NULL,
    PRIMARY KEY (instance_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE hours_of_operation (
    instance_id          TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                   TEXT NOT NULL,
    name                 TEXT NOT NULL,
    description          TEXT NOT NULL,
    time_zone            TEXT NOT NULL,
    config               TEXT NOT NULL,         -- JSON array of day configs
    tags                 TEXT NOT NULL,
    last_modified_time   INTEGER NOT NULL,
    last_modified_region TEXT NOT NULL,
    PRIMARY KEY (instance_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE queues (
    instance_id           TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                    TEXT NOT NULL,
    name                  TEXT NOT NULL,
    description           TEXT NOT NULL,
    hours_of_operation_id TEXT NOT NULL,
    max_contacts          INTEGER NOT NULL,
    status                TEXT NOT NULL,
    queue_type            TEXT NOT NULL,
    tags                  TEXT NOT NULL,
    last_modified_time    INTEGER NOT NULL,
    last_modified_region  TEXT NOT NULL,
    PRIMARY KEY (instance_id, id),
    FOREIGN KEY (instance_id, hours_of_operation_id) REFERENCES hours_of_operation (instance_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX queues_hours ON queues (instance_id, hours_of_operation_id);

CREATE TABLE routing_profiles (
    instance_id               TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                        TEXT NOT NULL,
    name                      TEXT NOT NULL,
    description               TEXT NOT NULL,
    default_outbound_queue_id TEXT NOT NULL,
    media_concurrencies       TEXT NOT NULL,    -- JSON array, in the order given
    tags                      TEXT NOT NULL,
    last_modified_time        INTEGER NOT NULL,
    last_modified_region      TEXT NOT NULL,
    PRIMARY KEY (instance_id, id),
    FOREIGN KEY (instance_id, default_outbound_queue_id) REFERENCES queues (instance_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX routing_profiles_default_queue ON routing_profiles (instance_id, default_outbound_queue_id);

-- A table rather than JSON so that a queue in use cannot be deleted and
-- ListRoutingProfileQueues can page.
CREATE TABLE routing_profile_queues (
    instance_id        TEXT NOT NULL,
    routing_profile_id TEXT NOT NULL,
    queue_id           TEXT NOT NULL,
    channel            TEXT NOT NULL,
    priority           INTEGER NOT NULL,
    delay              INTEGER NOT NULL,
    position           INTEGER NOT NULL,        -- keeps the order given
    PRIMARY KEY (instance_id, routing_profile_id, queue_id, channel),
    FOREIGN KEY (instance_id, routing_profile_id) REFERENCES routing_profiles (instance_id, id) ON DELETE CASCADE,
    FOREIGN KEY (instance_id, queue_id) REFERENCES queues (instance_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX routing_profile_queues_queue ON routing_profile_queues (instance_id, queue_id);

CREATE TABLE hierarchy_levels (
    instance_id          TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    level                INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    id                   TEXT NOT NULL,
    name                 TEXT NOT NULL,
    last_modified_time   INTEGER NOT NULL,
    last_modified_region TEXT NOT NULL,
    PRIMARY KEY (instance_id, level),
    UNIQUE (instance_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE hierarchy_groups (
    instance_id          TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                   TEXT NOT NULL,
    name                 TEXT NOT NULL,
    name_key             TEXT NOT NULL,
    parent_group_id      TEXT,                  -- NULL at level one
    level                INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    path                 TEXT NOT NULL,         -- '/'-joined ids from level one down to this group
    tags                 TEXT NOT NULL,
    last_modified_time   INTEGER NOT NULL,
    last_modified_region TEXT NOT NULL,
    PRIMARY KEY (instance_id, id),
    FOREIGN KEY (instance_id, parent_group_id) REFERENCES hierarchy_groups (instance_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX hierarchy_groups_parent ON hierarchy_groups (instance_id, parent_group_id);
-- WITH_CHILD_GROUPS is a range scan over path prefixes.
CREATE INDEX hierarchy_groups_path ON hierarchy_groups (instance_id, path);

-- Users are clustered by (instance_id, id): a ListUsers page is one range
-- scan. The password hash never leaves the store.
CREATE TABLE users (
    instance_id                   TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                            TEXT NOT NULL,
    username                      TEXT NOT NULL,
    username_key                  TEXT NOT NULL,
    password_hash                 TEXT NOT NULL,    -- '' for none
    first_name                    TEXT NOT NULL,
    first_name_key                TEXT NOT NULL,
    last_name                     TEXT NOT NULL,
    last_name_key                 TEXT NOT NULL,
    email                         TEXT NOT NULL,
    secondary_email               TEXT NOT NULL,
    mobile                        TEXT NOT NULL,
    phone_type                    TEXT NOT NULL,
    auto_accept                   INTEGER NOT NULL,
    after_contact_work_time_limit INTEGER NOT NULL,
    desk_phone_number             TEXT NOT NULL,
    persistent_connection         INTEGER,          -- NULL when not given
    auto_accept_configs           TEXT NOT NULL,    -- JSON arrays, in the order given
    after_contact_work_configs    TEXT NOT NULL,
    phone_number_configs          TEXT NOT NULL,
    persistent_connection_configs TEXT NOT NULL,
    voice_enhancement_configs     TEXT NOT NULL,
    directory_user_id             TEXT NOT NULL,
    routing_profile_id            TEXT NOT NULL,
    hierarchy_group_id            TEXT,             -- NULL when in no group
    last_modified_time            INTEGER NOT NULL,
    last_modified_region          TEXT NOT NULL,
    PRIMARY KEY (instance_id, id),
    UNIQUE (instance_id, username_key),
    FOREIGN KEY (instance_id, routing_profile_id) REFERENCES routing_profiles (instance_id, id),
    FOREIGN KEY (instance_id, hierarchy_group_id) REFERENCES hierarchy_groups (instance_id, id)
) STRICT, WITHOUT ROWID;
-- STARTS_WITH on Username uses the unique index above; these serve
-- FirstName and LastName, and the reference checks of profile and group
-- deletes.
CREATE INDEX users_first_name ON users (instance_id, first_name_key, id);
CREATE INDEX users_last_name ON users (instance_id, last_name_key, id);
CREATE INDEX users_routing_profile ON users (instance_id, routing_profile_id, id);
CREATE INDEX users_hierarchy_group ON users (instance_id, hierarchy_group_id, id);

CREATE TABLE user_security_profiles (
    instance_id         TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    security_profile_id TEXT NOT NULL,
    position            INTEGER NOT NULL,       -- keeps the order given
    PRIMARY KEY (instance_id, user_id, security_profile_id),
    FOREIGN KEY (instance_id, user_id) REFERENCES users (instance_id, id) ON DELETE CASCADE,
    FOREIGN KEY (instance_id, security_profile_id) REFERENCES security_profiles (instance_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX user_security_profiles_profile ON user_security_profiles (instance_id, security_profile_id, user_id);

-- A table rather than JSON so that SearchUsers' TagFilter is an index lookup.
CREATE TABLE user_tags (
    instance_id TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (instance_id, user_id, key),
    FOREIGN KEY (instance_id, user_id) REFERENCES users (instance_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX user_tags_key_value ON user_tags (instance_id, key, value, user_id);
