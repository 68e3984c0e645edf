package postgres

import (
	"context"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5"
)

// listUserSummariesQuery is one keyset page of user summaries: an index
// range scan of the primary key (instance_id, id), which yields rows in id
// order, so the server does not sort and sends none of the configuration
// columns, profiles or tags.
const listUserSummariesQuery = `SELECT id, username, last_modified_time, last_modified_region FROM users
	WHERE instance_id = $1 AND id > $2 ORDER BY id LIMIT $3`

// ListUserSummaries lists an instance's users ordered by id, reading only
// the columns of a summary; the cursor is the last id of the previous page,
// as in ListUsers. It returns KindNotFound if the instance does not exist.
func (s *Store) ListUserSummaries(ctx context.Context, instanceID string, p connectlite.PageRequest) ([]connectlite.UserSummary, string, error) {
	limit := pageLimit(p)
	items, err := readPage(ctx, s, "list user summaries", s.instanceExistsFunc(instanceID), scanUserSummary,
		listUserSummariesQuery, instanceID, p.After, limit+1)
	if err != nil {
		return nil, "", err
	}
	items, next := cut(items, limit, func(u connectlite.UserSummary) string { return u.ID })
	return items, next, nil
}

// scanUserSummary reads a row of listUserSummariesQuery.
func scanUserSummary(row pgx.Row) (*connectlite.UserSummary, error) {
	var u connectlite.UserSummary
	if err := row.Scan(&u.ID, &u.Username, &u.LastModifiedTime, &u.LastModifiedRegion); err != nil {
		return nil, err
	}
	u.LastModifiedTime = timeFromDB(u.LastModifiedTime)
	return &u, nil
}
