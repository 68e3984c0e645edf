package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	sqlite3 "modernc.org/sqlite/lib"
)

// CreateUser inserts u with the given password hash ("" for none). In the
// same transaction it checks that the instance exists (KindNotFound), that
// every referenced security profile, the routing profile and the hierarchy
// group exist in it (KindInvalidParameter) and that no other user of the
// instance has the username in any letter case (KindDuplicate). A repeated
// security profile id is stored once.
func (s *Store) CreateUser(ctx context.Context, u *connectlite.User, passwordHash string) error {
	// The row is encoded before the write queue, so the committer, which
	// runs every write of the process one after another, only executes it.
	args, err := insertUserArgs(u, passwordHash)
	if err != nil {
		return err
	}
	return s.write(ctx, "create user", func(tx *txn) error {
		return insertUserRow(ctx, tx, u, args)
	})
}

// insertUser is CreateUser inside a write transaction.
func insertUser(ctx context.Context, tx *txn, u *connectlite.User, passwordHash string) error {
	args, err := insertUserArgs(u, passwordHash)
	if err != nil {
		return err
	}
	return insertUserRow(ctx, tx, u, args)
}

// insertUserArgs returns the arguments of insertUserQuery.
func insertUserArgs(u *connectlite.User, passwordHash string) ([]any, error) {
	cols, err := userColumnValues(u)
	if err != nil {
		return nil, err
	}
	return append([]any{u.InstanceID, u.ID, passwordHash}, cols...), nil
}

// insertUserRow inserts u; the triggers of migration 0008 add its rows of
// user_security_profiles and user_tags in the same statement. The
// references are checked by the schema's foreign keys (the instance, the
// routing profile, the hierarchy group, each security profile) as part of
// the insert, which costs a fraction of a query each. Only when the insert
// fails on a constraint are they looked up one by one, to name the missing
// one, in the order AWS reports them: the instance, then the references,
// then a duplicate username.
func insertUserRow(ctx context.Context, tx *txn, u *connectlite.User, args []any) error {
	_, err := tx.ExecContext(ctx, insertUserQuery, args...)
	if err == nil {
		return nil
	}
	if sqliteCode(err)&0xff == sqlite3.SQLITE_CONSTRAINT {
		if err := instanceExists(ctx, tx, u.InstanceID); err != nil {
			return err
		}
		if err := checkUserReferences(ctx, tx, u); err != nil {
			return err
		}
	}
	return userWriteError("insert user", u, err)
}

// insertUserQuery and updateUserQuery write the columns of
// userColumnValues, in its order, after (instance_id, id, password_hash)
// and before (instance_id, id) respectively.
const (
	insertUserQuery = `INSERT INTO users (instance_id, id, password_hash,
	username, username_key, first_name, first_name_key, last_name, last_name_key,
	email, secondary_email, mobile, phone_type, auto_accept, after_contact_work_time_limit,
	desk_phone_number, persistent_connection, auto_accept_configs, after_contact_work_configs,
	phone_number_configs, persistent_connection_configs, voice_enhancement_configs,
	directory_user_id, routing_profile_id, hierarchy_group_id, last_modified_time, last_modified_region,
	security_profile_ids, tags)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateUserQuery = `UPDATE users SET
	username = ?, username_key = ?, first_name = ?, first_name_key = ?, last_name = ?, last_name_key = ?,
	email = ?, secondary_email = ?, mobile = ?, phone_type = ?, auto_accept = ?, after_contact_work_time_limit = ?,
	desk_phone_number = ?, persistent_connection = ?, auto_accept_configs = ?, after_contact_work_configs = ?,
	phone_number_configs = ?, persistent_connection_configs = ?, voice_enhancement_configs = ?,
	directory_user_id = ?, routing_profile_id = ?, hierarchy_group_id = ?, last_modified_time = ?, last_modified_region = ?,
	security_profile_ids = ?, tags = ?
	WHERE instance_id = ? AND id = ?`

	securityProfileExistsQuery = `SELECT 1 FROM security_profiles WHERE instance_id = ? AND id = ?`
	routingProfileExistsQuery  = `SELECT 1 FROM routing_profiles WHERE instance_id = ? AND id = ?`
	hierarchyGroupExistsQuery  = `SELECT 1 FROM hierarchy_groups WHERE instance_id = ? AND id = ?`
)

// userColumnValues returns the values of the user columns that CreateUser
// and UpdateUser write. The security profiles and tags are written both
// here, as the JSON columns every read of a user takes them from, and as
// rows of user_security_profiles and user_tags, which the searches and the
// in-use checks read (kept by the triggers of migration 0008).
func userColumnValues(u *connectlite.User) ([]any, error) {
	j, err := storecodec.EncodeUser[string](u)
	if err != nil {
		return nil, err
	}
	profiles, err := storecodec.EncodeStrings[string](uniqueSecurityProfileIDs(u.SecurityProfileIDs))
	if err != nil {
		return nil, fmt.Errorf("user %s security profiles: %w", u.ID, err)
	}
	tags, err := storecodec.EncodeTags[string](u.Tags)
	if err != nil {
		return nil, fmt.Errorf("user %s: %w", u.ID, err)
	}
	var pc any
	if u.PhoneConfig.PersistentConnection != nil {
		pc = boolToDB(*u.PhoneConfig.PersistentConnection)
	}
	id, ph := &u.IdentityInfo, &u.PhoneConfig
	return []any{
		u.Username, usernameKey(u.Username),
		id.FirstName, strings.ToLower(id.FirstName), id.LastName, strings.ToLower(id.LastName),
		id.Email, id.SecondaryEmail, id.Mobile,
		ph.PhoneType, boolToDB(ph.AutoAccept), ph.AfterContactWorkTimeLimit, ph.DeskPhoneNumber, pc,
		j.AutoAcceptConfigs, j.AfterContactWorkConfigs, j.PhoneNumberConfigs, j.PersistentConnectionConfigs,
		j.VoiceEnhancementConfigs,
		u.DirectoryUserID, u.RoutingProfileID, nullable(u.HierarchyGroupID),
		timeToDB(u.LastModifiedTime), u.LastModifiedRegion,
		profiles, tags,
	}, nil
}

// uniqueSecurityProfileIDs returns ids without repeats, each at its first
// position: what a user stores, in its security_profile_ids column and in
// user_security_profiles alike.
func uniqueSecurityProfileIDs(ids []string) []string {
	unique := make([]string, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(unique, id) {
			unique = append(unique, id)
		}
	}
	return unique
}

// usernameKey is what username uniqueness compares.
func usernameKey(username string) string { return strings.ToLower(username) }

// userWriteError turns the unique violation on (instance_id, username_key)
// into KindDuplicate.
func userWriteError(what string, u *connectlite.User, err error) error {
	if isUnique(err, "users.username_key") {
		return connectlite.Errorf(connectlite.KindDuplicate,
			"The user %s is already associated with the Amazon Connect instance %s", u.Username, u.InstanceID)
	}
	return wrap(what, err)
}

// checkUserReferences returns KindInvalidParameter naming the first
// security profile, routing profile or hierarchy group of u that does not
// exist in u's instance.
func checkUserReferences(ctx context.Context, tx *txn, u *connectlite.User) error {
	exists := func(query, id string) (bool, error) {
		var one int
		err := tx.QueryRowContext(ctx, query, u.InstanceID, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, wrap("check reference "+id, err)
		}
		return true, nil
	}
	for _, id := range u.SecurityProfileIDs {
		ok, err := exists(securityProfileExistsQuery, id)
		if err != nil {
			return err
		}
		if !ok {
			return connectlite.Errorf(connectlite.KindInvalidParameter,
				"SecurityProfileIds: security profile %s does not exist in instance %s", id, u.InstanceID)
		}
	}
	ok, err := exists(routingProfileExistsQuery, u.RoutingProfileID)
	if err != nil {
		return err
	}
	if !ok {
		return connectlite.Errorf(connectlite.KindInvalidParameter,
			"RoutingProfileId: routing profile %s does not exist in instance %s", u.RoutingProfileID, u.InstanceID)
	}
	if u.HierarchyGroupID != "" {
		ok, err := exists(hierarchyGroupExistsQuery, u.HierarchyGroupID)
		if err != nil {
			return err
		}
		if !ok {
			return connectlite.Errorf(connectlite.KindInvalidParameter,
				"HierarchyGroupId: hierarchy group %s does not exist in instance %s", u.HierarchyGroupID, u.InstanceID)
		}
	}
	return nil
}

// userReadColumns are the columns scanUser reads.
const userReadColumns = `instance_id, id, username, first_name, last_name, email, secondary_email, mobile,
	phone_type, auto_accept, after_contact_work_time_limit, desk_phone_number, persistent_connection,
	auto_accept_configs, after_contact_work_configs, phone_number_configs, persistent_connection_configs,
	voice_enhancement_configs, directory_user_id, routing_profile_id, hierarchy_group_id,
	last_modified_time, last_modified_region, security_profile_ids, tags`

// selectUserQuery reads one user, security profiles and tags included,
// from its row: one lookup of the primary key.
const selectUserQuery = `SELECT ` + userReadColumns + ` FROM users WHERE instance_id = ? AND id = ?`

// scanUser reads a row of userReadColumns, decoding its config lists
// through lists (nil: no cache). A user without security profiles or tags
// gets nil for them.
func scanUser(row interface{ Scan(...any) error }, lists *storecodec.ListCache) (*connectlite.User, error) {
	var (
		u              connectlite.User
		autoAccept     int64
		persistent     sql.NullInt64
		hierarchy      sql.NullString
		lmt            int64
		j              storecodec.UserJSON[string]
		profiles, tags string
		id, ph         = &u.IdentityInfo, &u.PhoneConfig
	)
	if err := row.Scan(&u.InstanceID, &u.ID, &u.Username, &id.FirstName, &id.LastName, &id.Email,
		&id.SecondaryEmail, &id.Mobile, &ph.PhoneType, &autoAccept, &ph.AfterContactWorkTimeLimit,
		&ph.DeskPhoneNumber, &persistent, &j.AutoAcceptConfigs, &j.AfterContactWorkConfigs,
		&j.PhoneNumberConfigs, &j.PersistentConnectionConfigs, &j.VoiceEnhancementConfigs,
		&u.DirectoryUserID, &u.RoutingProfileID, &hierarchy, &lmt, &u.LastModifiedRegion,
		&profiles, &tags); err != nil {
		return nil, err
	}
	ph.AutoAccept = autoAccept != 0
	if persistent.Valid {
		ph.PersistentConnection = new(persistent.Int64 != 0)
	}
	u.HierarchyGroupID = hierarchy.String
	u.LastModifiedTime = timeFromDB(lmt)
	if err := j.DecodeCached(&u, lists); err != nil {
		return nil, err
	}
	var err error
	if u.SecurityProfileIDs, err = storecodec.DecodeStringsCached(lists, profiles); err != nil {
		return nil, fmt.Errorf("user %s security profiles: %w", u.ID, err)
	}
	if u.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, fmt.Errorf("user %s: %w", u.ID, err)
	}
	return &u, nil
}

func userNotFound(instanceID, userID string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "User %s does not exist in instance %s", userID, instanceID)
}

// loadUser reads one user in tx.
func loadUser(ctx context.Context, tx *txn, instanceID, userID string) (*connectlite.User, error) {
	u, err := scanUser(tx.QueryRowContext(ctx, selectUserQuery, instanceID, userID), tx.lists)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, userNotFound(instanceID, userID)
	}
	if err != nil {
		return nil, wrap("get user", err)
	}
	return u, nil
}

// User returns the user without its password hash and with an empty ARN.
// It returns KindNotFound if the instance has no user with that id.
//
// The user is one row, read by one prepared statement on the reader pool:
// a single statement reads one snapshot of the database, so it needs no
// explicit transaction.
func (s *Store) User(ctx context.Context, instanceID, userID string) (*connectlite.User, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	u, err := scanUser(s.readerStmts[selectUserQuery].QueryRowContext(ctx, instanceID, userID), &s.lists)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, userNotFound(instanceID, userID)
	}
	if err != nil {
		return nil, wrap("get user", err)
	}
	return u, nil
}

// UpdateUser reads the user, applies mutate and writes the result in one
// write transaction, checking references and username uniqueness as
// CreateUser does. mutate cannot change the user's instance or id, must be
// quick (it runs while holding the database's write lock) and must not call
// the store. If mutate fails, UpdateUser returns its error unchanged and
// writes nothing.
func (s *Store) UpdateUser(ctx context.Context, instanceID, userID string, mutate func(*connectlite.User) error) (*connectlite.User, error) {
	var updated *connectlite.User
	err := s.write(ctx, "update user", func(tx *txn) error {
		u, err := loadUser(ctx, tx, instanceID, userID)
		if err != nil {
			return err
		}
		if err := mutate(u); err != nil {
			return err
		}
		u.InstanceID, u.ID, u.ARN = instanceID, userID, ""
		if err := checkUserReferences(ctx, tx, u); err != nil {
			return err
		}
		cols, err := userColumnValues(u)
		if err != nil {
			return err
		}
		// The triggers of migration 0008 rewrite the user's child rows if
		// its security profiles or tags changed.
		_, err = tx.ExecContext(ctx, updateUserQuery, append(cols, instanceID, userID)...)
		if err != nil {
			return userWriteError("update user", u, err)
		}
		// Read back, so the caller sees exactly what User will return.
		updated, err = loadUser(ctx, tx, instanceID, userID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// listUsersQuery is one keyset page of users: a range scan of the primary
// key, never an OFFSET.
const listUsersQuery = `SELECT ` + userReadColumns + ` FROM users
	WHERE instance_id = ? AND id > ? ORDER BY id LIMIT ?`

// ListUsers lists an instance's users ordered by id; the cursor is the last
// id of the previous page. It returns KindNotFound if the instance does not
// exist.
func (s *Store) ListUsers(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.User, string, error) {
	limit := pageLimit(p)
	var (
		items []connectlite.User
		next  string
	)
	err := s.read(ctx, "list users", func(tx *txn) error {
		if err := instanceExists(ctx, tx, instanceID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, listUsersQuery, instanceID, p.After, limit+1)
		if err != nil {
			return wrap("list users", err)
		}
		defer rows.Close()
		items = make([]connectlite.User, 0, min(limit+1, 1001))
		for rows.Next() {
			u, err := scanUser(rows, tx.lists)
			if err != nil {
				return wrap("list users: scan", err)
			}
			items = append(items, *u)
		}
		if err := rows.Err(); err != nil {
			return wrap("list users: rows", err)
		}
		items, next = cut(items, limit, func(u connectlite.User) string { return u.ID })
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return items, next, nil
}
