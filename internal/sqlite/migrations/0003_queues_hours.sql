-- 0003_queues_hours: queues and hours of operation as resources of their
-- own (CreateQueue, CreateHoursOfOperation and their updates and deletes).
--
--   * Names are unique per instance, compared exactly, for each resource
--     type; the unique indexes enforce it.
--   * A queue's outbound caller and email settings are plain columns; ''
--     means not set. The ids they hold (phone number, flow, email address)
--     point at resources connectlite does not have, so no foreign key.
--   * The in-use checks of the deletes read queues_hours (0001),
--     routing_profiles_default_queue and routing_profile_queues_queue.

ALTER TABLE queues ADD COLUMN outbound_caller_id_name TEXT NOT NULL DEFAULT '';
ALTER TABLE queues ADD COLUMN outbound_caller_id_number_id TEXT NOT NULL DEFAULT '';
ALTER TABLE queues ADD COLUMN outbound_flow_id TEXT NOT NULL DEFAULT '';
ALTER TABLE queues ADD COLUMN outbound_email_address_id TEXT NOT NULL DEFAULT '';

CREATE UNIQUE INDEX queues_instance_name ON queues (instance_id, name);
CREATE UNIQUE INDEX hours_of_operation_instance_name ON hours_of_operation (instance_id, name);
