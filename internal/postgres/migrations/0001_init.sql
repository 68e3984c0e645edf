-- 0001_init: instances, their default resources, hierarchy, users.
--
-- The same tables as internal/sqlite's 0001_init, in PostgreSQL terms.
-- Conventions:
--   * Every resource of an instance is keyed by (instance_id, id) and is
--     deleted with its instance (ON DELETE CASCADE); references between
--     resources are composite foreign keys, so a reference can only point
--     into the same instance, and deleting a referenced resource fails.
--   * Identifiers and *_key columns are COLLATE "C": ordering is bytewise
--     (ListX pages agree with SQLite and with Go's sort), and a prefix
--     search (STARTS_WITH) is an index range scan whatever the database's
--     default collation is.
--   * *_key columns hold the lower-cased value that uniqueness and prefix
--     searches compare. The store computes them (Go's strings.ToLower), so
--     they do not depend on the database's locale and agree with SQLite.
--   * Times are timestamptz (UTC, microseconds).
--   * Lists and maps that are only ever read whole are jsonb; an empty list
--     is '[]', no tags '{}'.

CREATE TABLE meta (
    key   text COLLATE "C" PRIMARY KEY,
    value bytea NOT NULL
);

CREATE TABLE instances (
    id                       text COLLATE "C" PRIMARY KEY,
    account_id               text COLLATE "C" NOT NULL,
    region                   text COLLATE "C" NOT NULL,
    identity_management_type text NOT NULL,
    alias                    text NOT NULL,
    alias_key                text COLLATE "C",  -- lower(alias); NULL when there is no alias
    directory_id             text NOT NULL,
    inbound_calls_enabled    boolean NOT NULL,
    outbound_calls_enabled   boolean NOT NULL,
    status                   text NOT NULL,
    created_time             timestamptz NOT NULL,
    client_token             text COLLATE "C" NOT NULL,
    tags                     jsonb NOT NULL,
    -- NULL aliases are distinct, so instances without an alias never collide.
    CONSTRAINT instances_account_alias UNIQUE (account_id, alias_key)
);
CREATE INDEX instances_region_id ON instances (region, id);
CREATE INDEX instances_account_client_token ON instances (account_id, client_token);

CREATE TABLE security_profiles (
    instance_id          text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                   text COLLATE "C" NOT NULL,
    name                 text NOT NULL,
    description          text NOT NULL,
    permissions          jsonb NOT NULL,
    tags                 jsonb NOT NULL,
    last_modified_time   timestamptz NOT NULL,
    last_modified_region text NOT NULL,
    PRIMARY KEY (instance_id, id)
);

CREATE TABLE hours_of_operation (
    instance_id          text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                   text COLLATE "C" NOT NULL,
    name                 text NOT NULL,
    description          text NOT NULL,
    time_zone            text NOT NULL,
    config               jsonb NOT NULL,
    tags                 jsonb NOT NULL,
    last_modified_time   timestamptz NOT NULL,
    last_modified_region text NOT NULL,
    PRIMARY KEY (instance_id, id)
);

CREATE TABLE queues (
    instance_id           text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                    text COLLATE "C" NOT NULL,
    name                  text NOT NULL,
    description           text NOT NULL,
    hours_of_operation_id text COLLATE "C" NOT NULL,
    max_contacts          integer NOT NULL,
    status                text NOT NULL,
    queue_type            text NOT NULL,
    tags                  jsonb NOT NULL,
    last_modified_time    timestamptz NOT NULL,
    last_modified_region  text NOT NULL,
    PRIMARY KEY (instance_id, id),
    FOREIGN KEY (instance_id, hours_of_operation_id) REFERENCES hours_of_operation (instance_id, id)
);
CREATE INDEX queues_hours ON queues (instance_id, hours_of_operation_id);

CREATE TABLE routing_profiles (
    instance_id               text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                        text COLLATE "C" NOT NULL,
    name                      text NOT NULL,
    description               text NOT NULL,
    default_outbound_queue_id text COLLATE "C" NOT NULL,
    media_concurrencies       jsonb NOT NULL, -- in the order given
    tags                      jsonb NOT NULL,
    last_modified_time        timestamptz NOT NULL,
    last_modified_region      text NOT NULL,
    PRIMARY KEY (instance_id, id),
    FOREIGN KEY (instance_id, default_outbound_queue_id) REFERENCES queues (instance_id, id)
);
CREATE INDEX routing_profiles_default_queue ON routing_profiles (instance_id, default_outbound_queue_id);

-- A table rather than JSON so that a queue in use cannot be deleted and
-- ListRoutingProfileQueues can page.
CREATE TABLE routing_profile_queues (
    instance_id        text COLLATE "C" NOT NULL,
    routing_profile_id text COLLATE "C" NOT NULL,
    queue_id           text COLLATE "C" NOT NULL,
    channel            text COLLATE "C" NOT NULL,
    priority           integer NOT NULL,
    delay              integer NOT NULL,
    position           integer NOT NULL,        -- keeps the order given
    PRIMARY KEY (instance_id, routing_profile_id, queue_id, channel),
    FOREIGN KEY (instance_id, routing_profile_id) REFERENCES routing_profiles (instance_id, id) ON DELETE CASCADE,
    FOREIGN KEY (instance_id, queue_id) REFERENCES queues (instance_id, id)
);
CREATE INDEX routing_profile_queues_queue ON routing_profile_queues (instance_id, queue_id);

CREATE TABLE hierarchy_levels (
    instance_id          text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    level                integer NOT NULL CHECK (level BETWEEN 1 AND 5),
    id                   text COLLATE "C" NOT NULL,
    name                 text NOT NULL,
    last_modified_time   timestamptz NOT NULL,
    last_modified_region text NOT NULL,
    PRIMARY KEY (instance_id, level),
    UNIQUE (instance_id, id)
);

CREATE TABLE hierarchy_groups (
    instance_id          text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                   text COLLATE "C" NOT NULL,
    name                 text NOT NULL,
    name_key             text COLLATE "C" NOT NULL,
    parent_group_id      text COLLATE "C",      -- NULL at level one
    level                integer NOT NULL CHECK (level BETWEEN 1 AND 5),
    path                 text COLLATE "C" NOT NULL, -- '/'-joined ids from level one down to this group
    tags                 jsonb NOT NULL,
    last_modified_time   timestamptz NOT NULL,
    last_modified_region text NOT NULL,
    PRIMARY KEY (instance_id, id),
    FOREIGN KEY (instance_id, parent_group_id) REFERENCES hierarchy_groups (instance_id, id)
);
CREATE INDEX hierarchy_groups_parent ON hierarchy_groups (instance_id, parent_group_id);
-- WITH_CHILD_GROUPS is a range scan over path prefixes.
CREATE INDEX hierarchy_groups_path ON hierarchy_groups (instance_id, path);

-- A ListUsers page is one range scan of the primary key. The password hash
-- never leaves the store.
CREATE TABLE users (
    instance_id                   text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    id                            text COLLATE "C" NOT NULL,
    username                      text NOT NULL,
    username_key                  text COLLATE "C" NOT NULL,
    password_hash                 text NOT NULL,    -- '' for none
    first_name                    text NOT NULL,
    first_name_key                text COLLATE "C" NOT NULL,
    last_name                     text NOT NULL,
    last_name_key                 text COLLATE "C" NOT NULL,
    email                         text NOT NULL,
    secondary_email               text NOT NULL,
    mobile                        text NOT NULL,
    phone_type                    text NOT NULL,
    auto_accept                   boolean NOT NULL,
    after_contact_work_time_limit integer NOT NULL,
    desk_phone_number             text NOT NULL,
    persistent_connection         boolean,          -- NULL when not given
    auto_accept_configs           jsonb NOT NULL, -- in the order given
    after_contact_work_configs    jsonb NOT NULL,
    phone_number_configs          jsonb NOT NULL,
    persistent_connection_configs jsonb NOT NULL,
    voice_enhancement_configs     jsonb NOT NULL,
    directory_user_id             text NOT NULL,
    routing_profile_id            text COLLATE "C" NOT NULL,
    hierarchy_group_id            text COLLATE "C", -- NULL when in no group
    last_modified_time            timestamptz NOT NULL,
    last_modified_region          text NOT NULL,
    PRIMARY KEY (instance_id, id),
    CONSTRAINT users_instance_username UNIQUE (instance_id, username_key),
    CONSTRAINT users_routing_profile_fk FOREIGN KEY (instance_id, routing_profile_id)
        REFERENCES routing_profiles (instance_id, id),
    CONSTRAINT users_hierarchy_group_fk FOREIGN KEY (instance_id, hierarchy_group_id)
        REFERENCES hierarchy_groups (instance_id, id)
);
-- STARTS_WITH on Username uses the unique index above; these serve
-- FirstName and LastName, and the reference checks of profile and group
-- deletes.
CREATE INDEX users_first_name ON users (instance_id, first_name_key, id);
CREATE INDEX users_last_name ON users (instance_id, last_name_key, id);
CREATE INDEX users_routing_profile ON users (instance_id, routing_profile_id, id);
CREATE INDEX users_hierarchy_group ON users (instance_id, hierarchy_group_id, id);

CREATE TABLE user_security_profiles (
    instance_id         text COLLATE "C" NOT NULL,
    user_id             text COLLATE "C" NOT NULL,
    security_profile_id text COLLATE "C" NOT NULL,
    position            integer NOT NULL,       -- keeps the order given
    PRIMARY KEY (instance_id, user_id, security_profile_id),
    FOREIGN KEY (instance_id, user_id) REFERENCES users (instance_id, id) ON DELETE CASCADE,
    CONSTRAINT user_security_profiles_profile_fk FOREIGN KEY (instance_id, security_profile_id)
        REFERENCES security_profiles (instance_id, id)
);
CREATE INDEX user_security_profiles_profile ON user_security_profiles (instance_id, security_profile_id, user_id);

-- A table rather than JSON so that SearchUsers' TagFilter is an index lookup.
CREATE TABLE user_tags (
    instance_id text COLLATE "C" NOT NULL,
    user_id     text COLLATE "C" NOT NULL,
    key         text COLLATE "C" NOT NULL,
    value       text COLLATE "C" NOT NULL,
    PRIMARY KEY (instance_id, user_id, key),
    FOREIGN KEY (instance_id, user_id) REFERENCES users (instance_id, id) ON DELETE CASCADE
);
CREATE INDEX user_tags_key_value ON user_tags (instance_id, key, value, user_id);
