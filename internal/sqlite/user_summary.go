package sqlite

import (
	"context"

	"github.com/connectlite/connectlite"
)

// listUserSummariesQuery is one keyset page of user summaries: a range scan
// of the users table's clustered primary key (instance_id, id), which
// already yields rows in id order, so SQLite neither sorts nor decodes the
// JSON configuration columns.
const listUserSummariesQuery = `SELECT id, username, last_modified_time, last_modified_region FROM users
	WHERE instance_id = ? AND id > ? ORDER BY id LIMIT ?`

// ListUserSummaries lists an instance's users ordered by id, reading only
// the columns of a summary; the cursor is the last id of the previous page,
// as in ListUsers. It returns KindNotFound if the instance does not exist.
func (s *Store) ListUserSummaries(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.UserSummary, string, error) {
	limit := pageLimit(p)
	var (
		items []connectlite.UserSummary
		next  string
	)
	err := s.read(ctx, "list user summaries", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, listUserSummariesQuery, instanceID, p.After, limit+1)
		if err != nil {
			return wrap("list user summaries", err)
		}
		defer rows.Close()
		items = make([]connectlite.UserSummary, 0, min(limit+1, 1001))
		for rows.Next() {
			var (
				u   connectlite.UserSummary
				lmt int64
			)
			if err := rows.Scan(&u.ID, &u.Username, &lmt, &u.LastModifiedRegion); err != nil {
				return wrap("list user summaries: scan", err)
			}
			u.LastModifiedTime = timeFromDB(lmt)
			items = append(items, u)
		}
		if err := rows.Err(); err != nil {
			return wrap("list user summaries: rows", err)
		}
		if len(items) == 0 {
			// Only an empty page needs to tell an empty instance from
			// a missing one; the snapshot of the read makes the answer
			// consistent with the page.
			return instanceExists(ctx, tx, instanceID)
		}
		items, next = cut(items, limit, func(u connectlite.UserSummary) string { return u.ID })
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return items, next, nil
}
