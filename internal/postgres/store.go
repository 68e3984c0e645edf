// Package postgres is the connectlite Store on PostgreSQL, for several
// stateless connectlite replicas sharing one database. It uses pgx v5 and its
// connection pool.
//
// Every rule is enforced by the database (unique and foreign-key
// constraints, row locks, transactions), never by locks in the process, so
// any number of replicas may write at once. Transient faults (a dropped
// connection, a restarting server, a serialization failure) are retried a
// bounded number of times where that is safe and otherwise reported as
// connectlite.KindUnavailable; the pool replaces broken connections by
// itself.
package postgres

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var _ connectlite.Store = (*Store)(nil)

// DefaultApplicationName is the application_name the store's connections
// carry unless the URL sets one; operators find them in pg_stat_activity.
const DefaultApplicationName = "connectlite"

// Store is a connectlite.Store on a PostgreSQL database. It is safe for
// concurrent use, also by several processes on the same database.
type Store struct {
	pool   *pgxpool.Pool
	logger *slog.Logger
	schema string // the schema the tables live in; "" for the search_path default

	// lastFault is when (UnixNano) a call last saw a connection fail. For
	// a while after, the pool pings each connection before handing it out,
	// so the connections a server restart broke are all found and replaced
	// without failing requests.
	lastFault atomic.Int64

	mu       sync.Mutex
	closed   bool
	inflight sync.WaitGroup

	keyMu sync.Mutex
	key   []byte // the TokenKey, once read
}

// suspectPeriod is how long after a connection failure the pool pings every
// connection it hands out.
const suspectPeriod = 5 * time.Second

// DefaultMaxConns is the pool size when the URL sets no pool_max_conns:
// max(16, 4 × GOMAXPROCS). A request holds a connection only while the
// database works for it, so a pool of pgx's default (the number of CPUs)
// left requests queueing for a connection while the database had cores to
// spare; 16 or more keeps the server busy without crowding it
// (PostgreSQL's max_connections defaults to 100).
func DefaultMaxConns() int32 { return int32(max(16, 4*runtime.GOMAXPROCS(0))) }

// schemaName is what the schema URL option accepts: a plain lower-case SQL
// identifier, so it needs no quoting anywhere.
var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// Open connects to the database at rawURL, applies the pending migrations
// and returns the store. rawURL is a PostgreSQL URL or keyword/value string
// as pgx accepts it (pool_max_conns, application_name, search_path, sslmode, ...),
// plus one option of its own: schema=NAME keeps the tables in the schema
// NAME, creating it if needed, so several deployments or tests can share a
// database. Without pool_max_conns the pool opens up to DefaultMaxConns()
// connections. A nil logger discards.
func Open(ctx context.Context, rawURL string, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	connString, schema, err := splitSchema(rawURL)
	if err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		// pgx masks the password in its ParseConfigError message.
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	params := cfg.ConnConfig.RuntimeParams
	setDefault(params, "application_name", DefaultApplicationName)
	if schema != "" {
		params["search_path"] = schema
	}
	// The server stores timestamptz in UTC either way; a UTC session keeps
	// text renderings (logs, psql) unambiguous.
	setDefault(params, "timezone", "UTC")
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	if !strings.Contains(connString, "pool_max_conns") {
		cfg.MaxConns = DefaultMaxConns()
	}
	if !strings.Contains(connString, "pool_health_check_period") {
		// Idle connections broken by a server restart are found and
		// replaced within this period even when no request comes.
		cfg.HealthCheckPeriod = 15 * time.Second
	}

	s := &Store{logger: logger, schema: schema}
	cfg.ShouldPing = func(_ context.Context, p pgxpool.ShouldPingParams) bool {
		return p.IdleDuration > time.Second || time.Since(time.Unix(0, s.lastFault.Load())) < suspectPeriod
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s.pool = pool
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: %w", redact(cfg), err)
	}
	logger.InfoContext(ctx, "postgres store open", "server", redact(cfg),
		"schema", schema, "application_name", params["application_name"], "max_conns", cfg.MaxConns)
	return s, nil
}

// setDefault sets the run-time parameter key unless the connection string
// set it, in any letter case (the server ignores case).
func setDefault(params map[string]string, key, value string) {
	for k := range params {
		if strings.EqualFold(k, key) {
			return
		}
	}
	params[key] = value
}

// splitSchema removes the schema option from a URL-form connection string
// and returns it separately; pgx would send it to the server as a setting.
func splitSchema(s string) (connString, schema string, err error) {
	if !strings.HasPrefix(s, "postgres://") && !strings.HasPrefix(s, "postgresql://") {
		return s, "", nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", "", errors.New("open postgres: the URL does not parse")
	}
	q := u.Query()
	if !q.Has("schema") {
		return s, "", nil
	}
	schema = q.Get("schema")
	if !schemaName.MatchString(schema) {
		return "", "", fmt.Errorf("open postgres: schema %q must match %s", schema, schemaName)
	}
	if q.Has("search_path") {
		return "", "", errors.New("open postgres: give either schema or search_path, not both")
	}
	q.Del("schema")
	u.RawQuery = q.Encode()
	return u.String(), schema, nil
}

// redact names the server and database of cfg without credentials.
func redact(cfg *pgxpool.Config) string {
	return fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
}

// Close waits for the calls in flight and closes the pool. Calls made after
// Close fail with KindUnavailable. Close is idempotent.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.inflight.Wait()
	s.pool.Close()
	s.logger.Info("postgres store closed")
	return nil
}

// enter registers a call in flight; the caller must call leave.
func (s *Store) enter() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return connectlite.Errorf(connectlite.KindUnavailable, "The store is closed")
	}
	s.inflight.Add(1)
	return nil
}

func (s *Store) leave() { s.inflight.Done() }

// read runs fn, a sequence of reads, retrying transient faults; reads may
// run again without harm.
func (s *Store) read(ctx context.Context, what string, fn func(ctx context.Context) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	return s.retry(ctx, what, fn)
}

// write runs fn in a transaction and commits it. A serialization failure,
// a deadlock or a connection lost before COMMIT was sent rolls the
// transaction back and runs fn again, a bounded number of times, so fn must
// not have effects outside tx. A connection lost during COMMIT leaves the
// outcome unknown: that is KindUnavailable, never retried here. fn's own
// errors are returned as they are, so domain errors keep their message.
func (s *Store) write(ctx context.Context, what string, fn func(ctx context.Context, tx pgx.Tx) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	return s.retry(ctx, what, func(ctx context.Context) error {
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // a no-op after Commit
		if err := fn(ctx, tx); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return &commitError{err: err}
		}
		return nil
	})
}

// TokenKey returns the secret that signs pagination tokens. The first
// replica to ask stores 32 random bytes; every replica then reads the same.
func (s *Store) TokenKey(ctx context.Context) ([]byte, error) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	if s.key != nil {
		return append([]byte(nil), s.key...), nil
	}
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("token key: %w", err)
	}
	var key []byte
	err := s.write(ctx, "token key", func(ctx context.Context, tx pgx.Tx) error {
		// Whoever inserts first wins; the others' inserts do nothing and
		// their SELECT sees the winner's key (READ COMMITTED: the conflict
		// wait ends with the winner committed).
		if _, err := tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('token_key', $1) ON CONFLICT (key) DO NOTHING`, fresh); err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		return tx.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'token_key'`).Scan(&key)
	})
	if err != nil {
		return nil, err
	}
	if len(key) < 32 {
		return nil, fmt.Errorf("token key: stored key has %d bytes, want 32", len(key))
	}
	s.key = key
	return append([]byte(nil), key...), nil
}
