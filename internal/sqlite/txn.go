package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"

	"github.com/connectlite/connectlite/internal/storecodec"
)

// txn is a transaction that runs the package's queries as prepared
// statements, so SQLite parses each query once per connection rather than
// once per call (parsing is most of the cost of a point lookup). Queries
// that were not prepared run as plain queries and are counted as misses.
type txn struct {
	*sql.Tx
	stmts  map[string]*sql.Stmt
	misses *atomic.Int64
	lists  *storecodec.ListCache // the store's, for scanUser
	// detached makes statements ignore their context's cancellation. The
	// writer's transaction is shared by a batch of callers, and SQLite
	// answers an interrupted write statement by rolling back the whole
	// transaction: one caller going away must not undo the others.
	detached bool
}

// stmtCtx is the context a statement runs with.
func (t *txn) stmtCtx(ctx context.Context) context.Context {
	if t.detached {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// ExecContext runs query, prepared if it is one of the package's queries.
func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx = t.stmtCtx(ctx)
	if st := t.stmts[query]; st != nil {
		return t.Tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	t.misses.Add(1)
	return t.Tx.ExecContext(ctx, query, args...)
}

// QueryContext runs query, prepared if it is one of the package's queries.
func (t *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx = t.stmtCtx(ctx)
	if st := t.stmts[query]; st != nil {
		return t.Tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	t.misses.Add(1)
	return t.Tx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query, prepared if it is one of the package's queries.
func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	ctx = t.stmtCtx(ctx)
	if st := t.stmts[query]; st != nil {
		return t.Tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	t.misses.Add(1)
	return t.Tx.QueryRowContext(ctx, query, args...)
}

// readQueries are the queries the reader connections run.
func readQueries() []string {
	return append([]string{
		selectInstanceQuery, listInstancesQuery, instanceExistsQuery,
		listSecurityProfilesQuery, listRoutingProfilesQuery, pageQueueConfigsQuery,
		selectUserQuery, listUsersQuery,
		listUserSummariesQuery,                                              // user_summary.go
		selectHoursQuery, listHoursQuery, selectQueueQuery, listQueuesQuery, // queues.go
		selectUserTagsQuery, selectInstanceTagsQuery, selectSecurityProfileTagsQuery, // tags.go
		selectRoutingProfileTagsQuery, selectQueueTagsQuery, selectHoursTagsQuery, selectHierarchyGroupTagsQuery,
		selectSecurityProfileQuery, selectRoutingProfileQuery, selectRoutingProfileQueueConfigsQuery, // profiles.go
		selectRoutingProfileManualQueuesQuery, countRoutingProfileUsersQuery, routingProfileExistsQuery,
		pageRoutingProfileQueuesQuery, pageRoutingProfileManualQueuesQuery,
	}, hierarchyReadQueries...) // hierarchy.go
}

// writeQueries are the queries the writer connection runs.
func writeQueries() []string {
	return append([]string{
		instanceExistsQuery, selectUserQuery,
		insertInstanceQuery, deleteInstanceQuery,
		insertSecurityProfileQuery, insertHoursQuery, insertQueueQuery,
		insertRoutingProfileQuery, insertRoutingProfileQueueQuery,
		securityProfileExistsQuery, routingProfileExistsQuery, hierarchyGroupExistsQuery,
		insertUserQuery, updateUserQuery,
		insertTokenKeyQuery, selectTokenKeyQuery,
		selectHoursQuery, updateHoursQuery, deleteHoursQuery, hoursExistsQuery, queueOfHoursQuery, // queues.go
		createQueueQuery, selectQueueQuery, updateQueueQuery, deleteQueueQuery,
		profileOfDefaultQueueQuery, profileOfQueueConfigQuery, profileOfManualQueueQuery,
		deleteUserQuery, selectUserTagsQuery, updateUserTagsQuery, // user_lifecycle.go, tags.go
		selectInstanceTagsQuery, updateInstanceTagsQuery, selectSecurityProfileTagsQuery, updateSecurityProfileTagsQuery,
		selectRoutingProfileTagsQuery, updateRoutingProfileTagsQuery, selectQueueTagsQuery, updateQueueTagsQuery,
		selectHoursTagsQuery, updateHoursTagsQuery, selectHierarchyGroupTagsQuery, updateHierarchyGroupTagsQuery,
		createSecurityProfileQuery, selectSecurityProfileQuery, updateSecurityProfileQuery, // profiles.go
		deleteSecurityProfileQuery, userOfSecurityProfileQuery, selectRoutingProfileQuery, updateRoutingProfileQuery,
		deleteRoutingProfileQuery, selectRoutingProfileQueueConfigsQuery, selectRoutingProfileManualQueuesQuery,
		deleteRoutingProfileQueueConfigsQuery, deleteRoutingProfileManualQueuesQuery, insertRoutingProfileManualQueueQuery,
		countRoutingProfileUsersQuery, userOfRoutingProfileQuery, profileQueueExistsQuery,
	}, hierarchyWriteQueries...) // hierarchy.go
}

// prepare prepares queries on db. database/sql then prepares each again,
// once, on every other connection of db that runs it.
func prepare(ctx context.Context, db *sql.DB, queries []string) (map[string]*sql.Stmt, error) {
	stmts := make(map[string]*sql.Stmt, len(queries))
	for _, q := range queries {
		if stmts[q] != nil {
			continue
		}
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			closeStmts(stmts)
			return nil, fmt.Errorf("prepare %q: %w", q, err)
		}
		stmts[q] = st
	}
	return stmts, nil
}

func closeStmts(stmts map[string]*sql.Stmt) error {
	var first error
	for _, st := range stmts {
		if err := st.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
