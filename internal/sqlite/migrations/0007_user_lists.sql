-- 0007_user_lists: a user's security profiles and tags as JSON columns of
-- users, so that DescribeUser, ListUsers and SearchUsers read a user from
-- its row alone: one primary-key lookup, no child tables.
--
--   * security_profile_ids is a JSON array of strings in the order given,
--     each id once; tags is a JSON object, '{}' for none.
--   * user_security_profiles and user_tags (0001) stay, written in the same
--     transaction as the columns: they are the indexes of the reverse
--     lookups (is a security profile in use) and of SearchUsers'
--     SecurityProfileId and tag conditions.
--   * The users created before this migration get both columns from those
--     tables.

ALTER TABLE users ADD COLUMN security_profile_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE users ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';

UPDATE users SET
    security_profile_ids = coalesce((SELECT json_group_array(p.security_profile_id ORDER BY p.position)
        FROM user_security_profiles p WHERE p.instance_id = users.instance_id AND p.user_id = users.id), '[]'),
    tags = coalesce((SELECT json_group_object(t.key, t.value)
        FROM user_tags t WHERE t.instance_id = users.instance_id AND t.user_id = users.id), '{}');
