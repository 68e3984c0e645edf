package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"sync"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/sqlsearch"
)

// SearchUsers returns a page of the instance's users that match q, in one
// read transaction: the page query that internal/sqlsearch builds from q
// (a range of the index of the condition that drives the scan, see that
// package), which reads each user whole from its row, security profiles
// and tags included, and a count of the matches capped at
// connectlite.MaxSearchTotalCount unless the first page holds them all.
// It returns KindNotFound if the instance does not exist and
// KindInvalidParameter for a cursor of another query.
func (s *Store) SearchUsers(ctx context.Context, instanceID string, q *connectlite.UserQuery, p connectlite.PageRequest) ([]connectlite.User, string, int64, error) {
	limit := pageLimit(p)
	plan, err := sqlsearch.Build(sqlsearch.SQLite(), searchHead, instanceID, q, p.After, limit)
	if err != nil {
		return nil, "", 0, err
	}
	// Prepared before the transaction: preparing on the pool needs a
	// connection, and the transaction holds one of the few there are.
	stmts := make(map[string]*sql.Stmt, 2)
	for _, query := range []string{plan.Page.SQL, plan.Count.SQL} {
		if stmts[query], err = s.search.stmt(ctx, s.reader, query); err != nil {
			return nil, "", 0, wrap("search users: prepare", err)
		}
	}
	var (
		items []connectlite.User
		keys  []string
		next  string
		total int64
	)
	err = s.read(ctx, "search users", func(tx *txn) error {
		page, err := inTx(ctx, tx, stmts, plan.Page.SQL)
		if err != nil {
			return err
		}
		rows, err := page.QueryContext(ctx, plan.Page.Args...)
		if err != nil {
			return wrap("search users", err)
		}
		defer rows.Close()
		items = make([]connectlite.User, 0, min(limit+1, connectlite.MaxSearchResults+1))
		for rows.Next() {
			var key string
			u, err := scanUser(withExtra{rows, []any{&key}}, tx.lists)
			if err != nil {
				return wrap("search users: scan", err)
			}
			items = append(items, *u)
			keys = append(keys, key)
		}
		if err := rows.Err(); err != nil {
			return wrap("search users: rows", err)
		}
		rows.Close()
		if len(items) == 0 {
			if err := instanceExists(ctx, tx, instanceID); err != nil {
				return err
			}
		}
		if len(items) > limit {
			items = items[:limit]
			next = plan.Cursor(keys[limit-1], items[limit-1].ID)
		}
		if p.After == "" && next == "" {
			// The first page is the whole result: no need to count.
			total = int64(len(items))
		} else {
			count, err := inTx(ctx, tx, stmts, plan.Count.SQL)
			if err != nil {
				return err
			}
			if err := count.QueryRowContext(ctx, plan.Count.Args...).Scan(&total); err != nil {
				return wrap("search users: count", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", 0, err
	}
	return items, next, total, nil
}

// searchHead selects userReadColumns of the users table aliased u: the scan
// may join a child table with columns of the same names.
var searchHead = func() string {
	cols := strings.Split(userReadColumns, ",")
	for i, c := range cols {
		cols[i] = "u." + strings.TrimSpace(c)
	}
	return "SELECT " + strings.Join(cols, ", ")
}()

// withExtra scans a row whose columns are followed by extra ones.
type withExtra struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (w withExtra) Scan(dest ...any) error {
	return w.row.Scan(append(dest, w.extra...)...)
}

// maxSearchStmts bounds the prepared statements of searchStmts: one per
// shape of query (the values are arguments), so a client cannot grow the
// cache without bound by varying its criteria.
const maxSearchStmts = 256

// searchStmts holds prepared statements of SearchUsers' queries, whose text
// depends on the shape of the criteria, so that a repeated search skips
// SQLite's parser and planner as the fixed queries do. The zero value is
// ready to use.
type searchStmts struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// stmt returns the statement of query prepared on db, preparing it on first
// use, without holding the cache's lock meanwhile. Once the cache is full
// it returns nil for a query it does not hold: the caller prepares that one
// in its transaction. (Evicting instead could close a statement another
// call is about to use.)
func (c *searchStmts) stmt(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	st, full := c.stmts[query], len(c.stmts) >= maxSearchStmts
	c.mu.Unlock()
	if st != nil || full {
		return st, nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if other := c.stmts[query]; other != nil {
		st.Close() // another call prepared it meanwhile
		return other, nil
	}
	if len(c.stmts) >= maxSearchStmts {
		st.Close() // others filled the cache meanwhile
		return nil, nil
	}
	if c.stmts == nil {
		c.stmts = make(map[string]*sql.Stmt)
	}
	c.stmts[query] = st
	return st, nil
}

// inTx returns the statement of query for tx: the cached one bound to tx,
// or, for a query the full cache does not hold, one prepared in tx and
// closed with it.
func inTx(ctx context.Context, tx *txn, stmts map[string]*sql.Stmt, query string) (*sql.Stmt, error) {
	if st := stmts[query]; st != nil {
		return tx.StmtContext(ctx, st), nil
	}
	st, err := tx.Tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, wrap("search users: prepare", err)
	}
	return st, nil
}

// close closes every cached statement.
func (c *searchStmts) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	err := closeStmts(c.stmts)
	c.stmts = nil
	return err
}
