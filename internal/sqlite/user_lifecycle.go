package sqlite

import (
	"context"

	"github.com/connectlite/connectlite"
)

// deleteUserQuery deletes a user; the foreign keys cascade to its security
// profile assignments and tags.
const deleteUserQuery = `DELETE FROM users WHERE instance_id = ? AND id = ?`

// DeleteUser deletes the user with its security profile assignments and
// tags, freeing its username. It returns KindNotFound if the instance has no
// user with that id.
func (s *Store) DeleteUser(ctx context.Context, instanceID, userID string) error {
	return s.write(ctx, "delete user", func(tx *txn) error {
		res, err := tx.ExecContext(ctx, deleteUserQuery, instanceID, userID)
		if err != nil {
			return wrap("delete user", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return wrap("delete user", err)
		}
		if n == 0 {
			return userNotFound(instanceID, userID)
		}
		return nil
	})
}

var _ connectlite.UserLifecycleStore = (*Store)(nil)
