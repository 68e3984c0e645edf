-- 0006_hierarchy_instance_attributes: the agent hierarchy as an API
-- (UpdateUserHierarchyStructure, CreateUserHierarchyGroup and the rest on
-- the hierarchy_levels and hierarchy_groups tables of 0001), instance
-- attributes, and CreateInstance's ClientToken idempotency. The same
-- changes as internal/sqlite's 0006_hierarchy_instance_attributes.
--
--   * Group names are unique per instance and level, compared
--     case-insensitively (name_key); the named constraint enforces it and
--     its index also finds the groups at or below a level.
--   * instance_attributes holds the attributes an UpdateInstanceAttribute
--     set; the others have their default. INBOUND_CALLS and OUTBOUND_CALLS
--     are the instances columns of 0001.
--   * client_token_fingerprint is a digest of the CreateInstance request
--     that created the instance, so a request repeating its ClientToken can
--     be told apart from a retry; '' for instances created before. Requests
--     with one token are serialised by an advisory lock, not a unique
--     constraint: instances created before may share a token.

ALTER TABLE hierarchy_groups
    ADD CONSTRAINT hierarchy_groups_level_name UNIQUE (instance_id, level, name_key);

CREATE TABLE instance_attributes (
    instance_id    text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    attribute_type text COLLATE "C" NOT NULL,
    value          text NOT NULL,
    PRIMARY KEY (instance_id, attribute_type)
);

ALTER TABLE instances ADD COLUMN client_token_fingerprint text NOT NULL DEFAULT '';
