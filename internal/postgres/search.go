package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/sqlsearch"
	"github.com/jackc/pgx/v5"
)

// searchHead is userSelect's SELECT list: the page query of SearchUsers
// reads the same columns, security profiles and tags, which PostgreSQL
// computes only for the rows the LIMIT keeps.
var searchHead = strings.TrimSpace(userSelect[:strings.LastIndex(userSelect, "FROM users u")])

// SearchUsers returns a page of the instance's users that match q: the page
// query that internal/sqlsearch builds from q (a range of the index of the
// condition that drives the scan, see that package) and, unless the first
// page is the whole result, a count of the matches capped at
// connectlite.MaxSearchTotalCount; after the first page both go in one
// round trip. It returns KindNotFound if the instance does not exist and
// KindInvalidParameter for a cursor of another query.
func (s *Store) SearchUsers(ctx context.Context, instanceID string, q *connectlite.UserQuery, p connectlite.PageRequest) ([]connectlite.User, string, int64, error) {
	limit := pageLimit(p)
	plan, err := sqlsearch.Build(sqlsearch.Postgres(), searchHead, instanceID, q, p.After, limit)
	if err != nil {
		return nil, "", 0, err
	}
	var (
		items []connectlite.User
		keys  []string
		total int64
	)
	err = s.read(ctx, "search users", func(ctx context.Context) error {
		items, keys, total = nil, nil, -1
		b := &pgx.Batch{}
		b.Queue(plan.Page.SQL, plan.Page.Args...).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var key string
				u, err := scanUser(withExtra{rows, []any{&key}})
				if err != nil {
					return err
				}
				items = append(items, *u)
				keys = append(keys, key)
			}
			return rows.Err()
		})
		if p.After != "" {
			b.Queue(plan.Count.SQL, plan.Count.Args...).QueryRow(func(row pgx.Row) error {
				return row.Scan(&total)
			})
		}
		if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("search users: %w", err)
		}
		if len(items) == 0 {
			return instanceExists(ctx, s.pool, instanceID)
		}
		if p.After == "" && len(items) > limit {
			// A first page that is not the whole result: count.
			if err := s.pool.QueryRow(ctx, plan.Count.SQL, plan.Count.Args...).Scan(&total); err != nil {
				return fmt.Errorf("search users: count: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", 0, err
	}
	var next string
	if len(items) > limit {
		items = items[:limit]
		next = plan.Cursor(keys[limit-1], items[limit-1].ID)
	}
	if total < 0 {
		total = int64(len(items))
	}
	return items, next, total, nil
}

// withExtra scans a row whose columns are followed by extra ones.
type withExtra struct {
	pgx.Row
	extra []any
}

func (w withExtra) Scan(dest ...any) error {
	return w.Row.Scan(append(dest, w.extra...)...)
}
