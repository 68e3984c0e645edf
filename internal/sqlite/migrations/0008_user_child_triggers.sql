-- 0008_user_child_triggers: user_security_profiles and user_tags are kept
-- by triggers from the users.security_profile_ids and users.tags columns
-- (0007), so that writing a user is one statement.
--
--   * The child rows are an index of those columns: the rows of a user are
--     the elements of its columns, each security profile at its position
--     in the array. The columns hold each profile once (the store removes
--     repeats before writing).
--   * A statement that fails takes its triggers' changes with it: a
--     CreateUser naming a missing security profile fails on the foreign key
--     of user_security_profiles and leaves no row anywhere.
--   * An UPDATE rewrites a user's child rows only when the column changed.

CREATE TRIGGER users_children_insert AFTER INSERT ON users
BEGIN
    INSERT INTO user_security_profiles (instance_id, user_id, security_profile_id, position)
        SELECT new.instance_id, new.id, value, key FROM json_each(new.security_profile_ids);
    INSERT INTO user_tags (instance_id, user_id, key, value)
        SELECT new.instance_id, new.id, key, value FROM json_each(new.tags);
END;

CREATE TRIGGER users_security_profiles_update AFTER UPDATE OF security_profile_ids ON users
WHEN old.security_profile_ids IS NOT new.security_profile_ids
BEGIN
    DELETE FROM user_security_profiles WHERE instance_id = old.instance_id AND user_id = old.id;
    INSERT INTO user_security_profiles (instance_id, user_id, security_profile_id, position)
        SELECT new.instance_id, new.id, value, key FROM json_each(new.security_profile_ids);
END;

CREATE TRIGGER users_tags_update AFTER UPDATE OF tags ON users
WHEN old.tags IS NOT new.tags
BEGIN
    DELETE FROM user_tags WHERE instance_id = old.instance_id AND user_id = old.id;
    INSERT INTO user_tags (instance_id, user_id, key, value)
        SELECT new.instance_id, new.id, key, value FROM json_each(new.tags);
END;
