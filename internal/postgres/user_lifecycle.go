package postgres

import (
	"context"
	"fmt"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5"
)

var _ connectlite.UserLifecycleStore = (*Store)(nil)

// DeleteUser deletes the user; the foreign keys cascade to its security
// profile assignments and tags, and the username is free again. It returns
// KindNotFound if the instance has no user with that id.
func (s *Store) DeleteUser(ctx context.Context, instanceID, userID string) error {
	return s.write(ctx, "delete user", func(ctx context.Context, tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM users WHERE instance_id = $1 AND id = $2`, instanceID, userID)
		if err != nil {
			return fmt.Errorf("delete user: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return userNotFound(instanceID, userID)
		}
		return nil
	})
}
