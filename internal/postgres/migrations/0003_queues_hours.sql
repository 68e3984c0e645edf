-- 0003_queues_hours: queues and hours of operation as resources of their
-- own (CreateQueue, CreateHoursOfOperation and their updates and deletes).
-- The same changes as internal/sqlite's 0003_queues_hours.
--
--   * Names are unique per instance, compared exactly, for each resource
--     type (a deterministic collation is equal only for equal bytes); the
--     named unique constraints enforce it and the store turns their
--     violations into DuplicateResourceException.
--   * A queue's outbound caller and email settings are plain columns; ''
--     means not set. The ids they hold (phone number, flow, email address)
--     point at resources connectlite does not have, so no foreign key.
--   * The in-use checks of the deletes read queues_hours (0001),
--     routing_profiles_default_queue and routing_profile_queues_queue.

ALTER TABLE queues
    ADD COLUMN outbound_caller_id_name      text NOT NULL DEFAULT '',
    ADD COLUMN outbound_caller_id_number_id text NOT NULL DEFAULT '',
    ADD COLUMN outbound_flow_id             text NOT NULL DEFAULT '',
    ADD COLUMN outbound_email_address_id    text NOT NULL DEFAULT '';

ALTER TABLE queues
    ADD CONSTRAINT queues_instance_name UNIQUE (instance_id, name);
ALTER TABLE hours_of_operation
    ADD CONSTRAINT hours_of_operation_instance_name UNIQUE (instance_id, name);
