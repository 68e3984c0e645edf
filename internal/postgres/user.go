package postgres

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Constraint names the store turns into domain errors.
const (
	constraintUsername        = "users_instance_username"
	constraintUserInstance    = "users_instance_id_fkey"
	constraintUserRouting     = "users_routing_profile_fk"
	constraintUserHierarchy   = "users_hierarchy_group_fk"
	constraintUserSecProfiles = "user_security_profiles_profile_fk"
)

// CreateUser inserts u with the given password hash ("" for none), in one
// transaction and one round trip: it checks that the instance exists
// (KindNotFound) and that every referenced security profile, the routing
// profile and the hierarchy group exist in it (KindInvalidParameter naming
// the first missing one), and inserts the user, whose username the unique
// index on (instance_id, username_key) compares case-insensitively
// (KindDuplicate). The foreign keys hold the references against concurrent
// deletes. A repeated security profile id is stored once.
func (s *Store) CreateUser(ctx context.Context, u *connectlite.User, passwordHash string) error {
	cols, err := userColumnValues(u)
	if err != nil {
		return err
	}
	return s.write(ctx, "create user", func(ctx context.Context, tx pgx.Tx) error {
		b := &pgx.Batch{}
		refs := queueReferenceCheck(b, u, true)
		args := append([]any{u.InstanceID, u.ID, passwordHash}, cols...)
		b.Queue(`INSERT INTO users (instance_id, id, password_hash, `+userWritableColumns+`)
			VALUES (`+placeholders(1, len(args))+`)`, args...)
		queueSecurityProfiles(b, u)
		queueTags(b, u)
		err := tx.SendBatch(ctx, b).Close()
		if refs.done {
			if err := refs.err(u); err != nil {
				return err
			}
		}
		return userWriteError("insert user", u, err)
	})
}

// userWritableColumns are the columns of users that CreateUser and
// UpdateUser write, in the order of userColumnValues.
const userWritableColumns = `username, username_key, first_name, first_name_key, last_name, last_name_key,
	email, secondary_email, mobile, phone_type, auto_accept, after_contact_work_time_limit,
	desk_phone_number, persistent_connection, auto_accept_configs, after_contact_work_configs,
	phone_number_configs, persistent_connection_configs, voice_enhancement_configs,
	directory_user_id, routing_profile_id, hierarchy_group_id, last_modified_time, last_modified_region`

// userColumnValues returns the values of userWritableColumns for u.
func userColumnValues(u *connectlite.User) ([]any, error) {
	j, err := storecodec.EncodeUser[[]byte](u)
	if err != nil {
		return nil, err
	}
	id, ph := &u.IdentityInfo, &u.PhoneConfig
	return []any{
		u.Username, usernameKey(u.Username),
		id.FirstName, strings.ToLower(id.FirstName), id.LastName, strings.ToLower(id.LastName),
		id.Email, id.SecondaryEmail, id.Mobile,
		ph.PhoneType, ph.AutoAccept, ph.AfterContactWorkTimeLimit, ph.DeskPhoneNumber, ph.PersistentConnection,
		j.AutoAcceptConfigs, j.AfterContactWorkConfigs, j.PhoneNumberConfigs, j.PersistentConnectionConfigs,
		j.VoiceEnhancementConfigs,
		u.DirectoryUserID, u.RoutingProfileID, nullable(u.HierarchyGroupID),
		timeToDB(u.LastModifiedTime), u.LastModifiedRegion,
	}, nil
}

// usernameKey is what username uniqueness compares.
func usernameKey(username string) string { return strings.ToLower(username) }

// placeholders returns "$from, ..., $to".
func placeholders(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		if i > from {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(i))
	}
	return b.String()
}

// securityProfileIDs returns the ids without repeats, in their first order.
func securityProfileIDs(u *connectlite.User) []string {
	ids := make([]string, 0, len(u.SecurityProfileIDs))
	for _, id := range u.SecurityProfileIDs {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// queueSecurityProfiles queues the insert of u's security profiles.
func queueSecurityProfiles(b *pgx.Batch, u *connectlite.User) {
	b.Queue(`INSERT INTO user_security_profiles (instance_id, user_id, security_profile_id, position)
		SELECT $1, $2, sp.id, sp.n - 1 FROM unnest($3::text[]) WITH ORDINALITY AS sp (id, n)`,
		u.InstanceID, u.ID, securityProfileIDs(u))
}

// queueTags queues the insert of u's tags, if it has any.
func queueTags(b *pgx.Batch, u *connectlite.User) {
	if len(u.Tags) == 0 {
		return
	}
	keys := slices.Sorted(maps.Keys(u.Tags))
	values := make([]string, len(keys))
	for i, k := range keys {
		values[i] = u.Tags[k]
	}
	b.Queue(`INSERT INTO user_tags (instance_id, user_id, key, value)
		SELECT $1, $2, t.key, t.value FROM unnest($3::text[], $4::text[]) AS t (key, value)`,
		u.InstanceID, u.ID, keys, values)
}

// referenceCheck is the answer of the query queueReferenceCheck queues.
type referenceCheck struct {
	done             bool // the query answered
	instance         bool
	securityProfiles []string // the referenced ones that exist
	routingProfile   bool
	hierarchyGroup   bool
	checkInstance    bool
}

// queueReferenceCheck queues the query that finds which of u's references
// exist; the answer is in the result once the batch has run.
func queueReferenceCheck(b *pgx.Batch, u *connectlite.User, checkInstance bool) *referenceCheck {
	r := &referenceCheck{checkInstance: checkInstance}
	b.Queue(`SELECT EXISTS (SELECT 1 FROM instances WHERE id = $1),
		ARRAY(SELECT id FROM security_profiles WHERE instance_id = $1 AND id = ANY($2::text[])),
		EXISTS (SELECT 1 FROM routing_profiles WHERE instance_id = $1 AND id = $3),
		$4::text IS NULL OR EXISTS (SELECT 1 FROM hierarchy_groups WHERE instance_id = $1 AND id = $4)`,
		u.InstanceID, u.SecurityProfileIDs, u.RoutingProfileID, nullable(u.HierarchyGroupID),
	).QueryRow(func(row pgx.Row) error {
		if err := row.Scan(&r.instance, &r.securityProfiles, &r.routingProfile, &r.hierarchyGroup); err != nil {
			return err
		}
		r.done = true
		return nil
	})
	return r
}

// err returns the error for the first reference of u that does not exist:
// the instance, the security profiles in order, the routing profile, the
// hierarchy group.
func (r *referenceCheck) err(u *connectlite.User) error {
	if r.checkInstance && !r.instance {
		return instanceNotFound(u.InstanceID)
	}
	for _, id := range u.SecurityProfileIDs {
		if !slices.Contains(r.securityProfiles, id) {
			return securityProfileNotFound(u, id)
		}
	}
	if !r.routingProfile {
		return routingProfileNotFound(u)
	}
	if !r.hierarchyGroup {
		return hierarchyGroupNotFound(u)
	}
	return nil
}

func securityProfileNotFound(u *connectlite.User, id string) error {
	return connectlite.Errorf(connectlite.KindInvalidParameter,
		"SecurityProfileIds: security profile %s does not exist in instance %s", id, u.InstanceID)
}

func routingProfileNotFound(u *connectlite.User) error {
	return connectlite.Errorf(connectlite.KindInvalidParameter,
		"RoutingProfileId: routing profile %s does not exist in instance %s", u.RoutingProfileID, u.InstanceID)
}

func hierarchyGroupNotFound(u *connectlite.User) error {
	return connectlite.Errorf(connectlite.KindInvalidParameter,
		"HierarchyGroupId: hierarchy group %s does not exist in instance %s", u.HierarchyGroupID, u.InstanceID)
}

// userWriteError turns the constraint violations of a user write into
// kinds: the unique username into KindDuplicate, and the foreign keys (a
// reference deleted between the check and the write) into the errors the
// check gives.
func userWriteError(what string, u *connectlite.User, err error) error {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	}
	switch {
	case pgErr.Code == codeUniqueViolation && pgErr.ConstraintName == constraintUsername:
		return connectlite.Errorf(connectlite.KindDuplicate,
			"The user %s is already associated with the Amazon Connect instance %s", u.Username, u.InstanceID)
	case pgErr.Code != codeForeignKeyViolation:
	case pgErr.ConstraintName == constraintUserInstance:
		return instanceNotFound(u.InstanceID)
	case pgErr.ConstraintName == constraintUserRouting:
		return routingProfileNotFound(u)
	case pgErr.ConstraintName == constraintUserHierarchy:
		return hierarchyGroupNotFound(u)
	case pgErr.ConstraintName == constraintUserSecProfiles:
		// The detail names the key; its wording may be translated, the id
		// is not.
		for _, id := range u.SecurityProfileIDs {
			if strings.Contains(pgErr.Detail, id) {
				return securityProfileNotFound(u, id)
			}
		}
		return connectlite.Errorf(connectlite.KindInvalidParameter,
			"SecurityProfileIds: a security profile does not exist in instance %s", u.InstanceID)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// userSelect reads a user with its security profiles (in their order) and
// tags in one statement; scanUser reads its rows.
const userSelect = `SELECT u.instance_id, u.id, u.username, u.first_name, u.last_name, u.email,
	u.secondary_email, u.mobile, u.phone_type, u.auto_accept, u.after_contact_work_time_limit,
	u.desk_phone_number, u.persistent_connection, u.auto_accept_configs, u.after_contact_work_configs,
	u.phone_number_configs, u.persistent_connection_configs, u.voice_enhancement_configs,
	u.directory_user_id, u.routing_profile_id, u.hierarchy_group_id, u.last_modified_time,
	u.last_modified_region,
	ARRAY(SELECT p.security_profile_id FROM user_security_profiles p
		WHERE p.instance_id = u.instance_id AND p.user_id = u.id ORDER BY p.position),
	(SELECT jsonb_object_agg(t.key, t.value) FROM user_tags t
		WHERE t.instance_id = u.instance_id AND t.user_id = u.id)
	FROM users u`

// scanUser reads a row of userSelect.
func scanUser(row pgx.Row) (*connectlite.User, error) {
	var (
		u         connectlite.User
		hierarchy *string
		j         storecodec.UserJSON[[]byte]
		tags      []byte
		id, ph    = &u.IdentityInfo, &u.PhoneConfig
	)
	if err := row.Scan(&u.InstanceID, &u.ID, &u.Username, &id.FirstName, &id.LastName, &id.Email,
		&id.SecondaryEmail, &id.Mobile, &ph.PhoneType, &ph.AutoAccept, &ph.AfterContactWorkTimeLimit,
		&ph.DeskPhoneNumber, &ph.PersistentConnection, &j.AutoAcceptConfigs, &j.AfterContactWorkConfigs,
		&j.PhoneNumberConfigs, &j.PersistentConnectionConfigs, &j.VoiceEnhancementConfigs,
		&u.DirectoryUserID, &u.RoutingProfileID, &hierarchy, &u.LastModifiedTime, &u.LastModifiedRegion,
		&u.SecurityProfileIDs, &tags); err != nil {
		return nil, err
	}
	if hierarchy != nil {
		u.HierarchyGroupID = *hierarchy
	}
	if len(u.SecurityProfileIDs) == 0 {
		u.SecurityProfileIDs = nil
	}
	u.LastModifiedTime = timeFromDB(u.LastModifiedTime)
	var err error
	if u.Tags, err = storecodec.DecodeTags(tags); err != nil {
		return nil, fmt.Errorf("user %s: %w", u.ID, err)
	}
	if err := j.Decode(&u); err != nil {
		return nil, err
	}
	return &u, nil
}

func userNotFound(instanceID, userID string) error {
	return connectlite.Errorf(connectlite.KindNotFound, "User %s does not exist in instance %s", userID, instanceID)
}

// loadUser reads one user. With lock, it first locks the user's row until
// the transaction ends, in a statement of its own: a READ COMMITTED
// statement reads the snapshot taken when it started, so a read that waited
// for the lock in the same statement would miss the security profiles and
// tags the lock holder committed meanwhile. Both statements go in one round
// trip.
func loadUser(ctx context.Context, q querier, instanceID, userID string, lock bool) (*connectlite.User, error) {
	b := &pgx.Batch{}
	found := !lock
	if lock {
		b.Queue(`SELECT true FROM users WHERE instance_id = $1 AND id = $2 FOR UPDATE`, instanceID, userID).
			QueryRow(func(row pgx.Row) error {
				err := row.Scan(&found)
				if errors.Is(err, pgx.ErrNoRows) {
					return nil
				}
				return err
			})
	}
	var u *connectlite.User
	b.Queue(userSelect+` WHERE u.instance_id = $1 AND u.id = $2`, instanceID, userID).
		QueryRow(func(row pgx.Row) error {
			var err error
			u, err = scanUser(row)
			if errors.Is(err, pgx.ErrNoRows) {
				return nil
			}
			return err
		})
	if err := q.SendBatch(ctx, b).Close(); err != nil {
		return nil, fmt.Errorf("get user: %w", err)
	}
	if !found || u == nil {
		return nil, userNotFound(instanceID, userID)
	}
	return u, nil
}

// User returns the user without its password hash and with an empty ARN.
// It returns KindNotFound if the instance has no user with that id.
func (s *Store) User(ctx context.Context, instanceID, userID string) (*connectlite.User, error) {
	var u *connectlite.User
	err := s.read(ctx, "get user", func(ctx context.Context) error {
		var err error
		u, err = loadUser(ctx, s.pool, instanceID, userID, false)
		return err
	})
	return u, err
}

// UpdateUser locks the user's row (SELECT ... FOR UPDATE), applies mutate,
// checks references and username uniqueness as CreateUser does and writes
// the result, all in one transaction. mutate cannot change the user's
// instance or id and must not call the store. If mutate fails, UpdateUser
// returns its error unchanged and writes nothing. mutate may run more than
// once: when the database asks for the transaction to be retried
// (serialization failure, deadlock, connection lost before the commit),
// it runs again on a fresh read of the user.
func (s *Store) UpdateUser(ctx context.Context, instanceID, userID string, mutate func(*connectlite.User) error) (*connectlite.User, error) {
	var updated *connectlite.User
	err := s.write(ctx, "update user", func(ctx context.Context, tx pgx.Tx) error {
		u, err := loadUser(ctx, tx, instanceID, userID, true)
		if err != nil {
			return err
		}
		before := cloneUser(u)
		if err := mutate(u); err != nil {
			return err
		}
		u.InstanceID, u.ID, u.ARN = instanceID, userID, ""
		cols, err := userColumnValues(u)
		if err != nil {
			return err
		}
		b := &pgx.Batch{}
		// The instance exists: the locked user row references it.
		refs := queueReferenceCheck(b, u, false)
		assignments := make([]string, 0, len(cols))
		for i, c := range strings.Split(userWritableColumns, ",") {
			assignments = append(assignments, strings.TrimSpace(c)+" = $"+strconv.Itoa(i+1))
		}
		b.Queue(`UPDATE users SET `+strings.Join(assignments, ", ")+
			` WHERE instance_id = $`+strconv.Itoa(len(cols)+1)+` AND id = $`+strconv.Itoa(len(cols)+2),
			append(cols, instanceID, userID)...)
		if !slices.Equal(before.SecurityProfileIDs, u.SecurityProfileIDs) {
			b.Queue(`DELETE FROM user_security_profiles WHERE instance_id = $1 AND user_id = $2`, instanceID, userID)
			queueSecurityProfiles(b, u)
		}
		if !maps.Equal(before.Tags, u.Tags) {
			b.Queue(`DELETE FROM user_tags WHERE instance_id = $1 AND user_id = $2`, instanceID, userID)
			queueTags(b, u)
		}
		// Read back, so the caller sees exactly what User will return.
		b.Queue(userSelect+` WHERE u.instance_id = $1 AND u.id = $2`, instanceID, userID).
			QueryRow(func(row pgx.Row) error {
				var err error
				updated, err = scanUser(row)
				return err
			})
		err = tx.SendBatch(ctx, b).Close()
		if refs.done {
			if err := refs.err(u); err != nil {
				return err
			}
		}
		return userWriteError("update user", u, err)
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// cloneUser copies the parts of u that UpdateUser compares after mutate.
func cloneUser(u *connectlite.User) *connectlite.User {
	c := *u
	c.SecurityProfileIDs = slices.Clone(u.SecurityProfileIDs)
	c.Tags = maps.Clone(u.Tags)
	return &c
}

// ListUsers lists an instance's users ordered by id; the cursor is the last
// id of the previous page, so a page is one range scan of the primary key
// however many users the instance has. It returns KindNotFound if the
// instance does not exist.
func (s *Store) ListUsers(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.User, string, error) {
	limit := pageLimit(p)
	items, err := readPage(ctx, s, "list users", s.instanceExistsFunc(instanceID), scanUser,
		userSelect+` WHERE u.instance_id = $1 AND u.id > $2 ORDER BY u.id LIMIT $3`, instanceID, p.After, limit+1)
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(u connectlite.User) string { return u.ID })
	return items, next, nil
}
