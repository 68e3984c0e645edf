-- 0006_hierarchy_instance_attributes: the agent hierarchy as an API
-- (UpdateUserHierarchyStructure, CreateUserHierarchyGroup and the rest on
-- the hierarchy_levels and hierarchy_groups tables of 0001), instance
-- attributes, and CreateInstance's ClientToken idempotency.
--
--   * Group names are unique per instance and level, compared
--     case-insensitively (name_key). The index also finds the groups at or
--     below a level, which a structure update that removes levels checks.
--   * instance_attributes holds the attributes an UpdateInstanceAttribute
--     set; the others have their default. INBOUND_CALLS and OUTBOUND_CALLS
--     are the instances columns of 0001.
--   * client_token_fingerprint is a digest of the CreateInstance request
--     that created the instance, so a request repeating its ClientToken can
--     be told apart from a retry; '' for instances created before.

CREATE UNIQUE INDEX hierarchy_groups_level_name ON hierarchy_groups (instance_id, level, name_key);

CREATE TABLE instance_attributes (
    instance_id    TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    attribute_type TEXT NOT NULL,
    value          TEXT NOT NULL,
    PRIMARY KEY (instance_id, attribute_type)
) STRICT, WITHOUT ROWID;

ALTER TABLE instances ADD COLUMN client_token_fingerprint TEXT NOT NULL DEFAULT '';
