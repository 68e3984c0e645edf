// Package sqlite is the embedded Store of connectlite: one SQLite database
// file, opened with the pure-Go driver modernc.org/sqlite.
//
// Writes go through a single connection, owned by one committer goroutine
// that runs the writes queued meanwhile in one IMMEDIATE transaction, each
// in its own savepoint, and commits them together (group commit; see
// groupcommit.go). Concurrent writers thus queue in Go instead of failing
// with SQLITE_BUSY (another process on the same file is waited for, up to
// busyTimeout), and a full queue answers KindThrottled at once. Reads use a
// pool of read-only connections that run beside the writer thanks to
// write-ahead logging.
// Every commit is fsynced (synchronous=FULL) before any of its writes is
// acknowledged, so a write the store has acknowledged survives a crash of
// the process or the machine.
package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storecodec"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

var _ connectlite.Store = (*Store)(nil)

// busyTimeout bounds how long a connection waits for a lock that another
// process holds. Within one process the single writer never waits.
const busyTimeout = 10 * time.Second

// cacheKiB is each connection's page cache: with the reader pool and the
// writer, at most (readers+1) × 8 MiB, allocated only as pages are read. 32 MiB
// per connection took the server past issue 6's 300 MB RSS budget.
const cacheKiB = 8 << 10

// Store is a connectlite.Store on one SQLite database file. It is safe for
// concurrent use.
type Store struct {
	writer      *sql.DB // exactly one connection, used by the committer; every transaction is BEGIN IMMEDIATE
	reader      *sql.DB // read-only connections
	writerStmts map[string]*sql.Stmt
	readerStmts map[string]*sql.Stmt
	misses      atomic.Int64         // queries run unprepared, for tests
	search      searchStmts          // prepared SearchUsers statements, by query text
	lists       storecodec.ListCache // decoded per-channel config lists of users
	logger      *slog.Logger

	jobs          chan *job            // writes waiting for the committer
	batchStmts    map[string]*sql.Stmt // the committer's savepoint statements
	committerDone chan struct{}        // closed when the committer has returned
	batches       atomic.Int64         // transactions committed, for tests and benchmarks
	committed     atomic.Int64         // writes acknowledged by those commits
	throttled     atomic.Int64         // writes refused because the queue was full

	checkpoints         *checkpointer // checkpoint.go; nil once stopped
	checkpointedCommits atomic.Int64  // commits the last background checkpoint covered, for tests

	mu       sync.Mutex
	closed   bool
	closing  chan struct{} // closed when Close starts waiting
	inflight sync.WaitGroup

	keyMu sync.Mutex
	key   []byte // the TokenKey, once read
}

// Open opens (creating if needed) the database at path, applies the pending
// migrations and returns the store. A nil logger discards.
func Open(ctx context.Context, path string, logger *slog.Logger) (*Store, error) {
	return OpenOptions(ctx, path, logger, Options{})
}

// OpenOptions is Open with the store tuned by opts.
func OpenOptions(ctx context.Context, path string, logger *slog.Logger, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("open sqlite: path %q must be a plain file name without '?' or '#'", path)
	}
	pragmas := url.Values{}
	pragmas.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	pragmas.Add("_pragma", "foreign_keys(1)")
	pragmas.Add("_pragma", "synchronous(FULL)")

	// The checkpointer (checkpoint.go) takes the common settings only.
	cq := url.Values{"_pragma": slices.Clone(pragmas["_pragma"])}
	// 32 MiB of page cache per connection (SQLite's default is 2 MiB)
	// keeps the upper levels of the indexes of a million users in memory.
	pragmas.Add("_pragma", fmt.Sprintf("cache_size(%d)", -cacheKiB))

	wq := url.Values{"_txlock": {"immediate"}, "_pragma": slices.Clone(pragmas["_pragma"])}
	wq.Add("_pragma", "journal_mode(WAL)")
	// Commits never checkpoint inline: the checkpointer does, beside them.
	wq.Add("_pragma", "wal_autocheckpoint(0)")
	// A batch runs each write in a savepoint, whose undo pages SQLite
	// keeps in a sub-journal: in memory, rather than in a temporary file
	// written page by page with a system call each.
	wq.Add("_pragma", "temp_store(MEMORY)")
	writer, err := sql.Open("sqlite", path+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxLifetime(0)
	writer.SetConnMaxIdleTime(0)

	// The writer connects first: it turns the file into WAL mode, which
	// readers then find persisted in the file.
	if err := writer.PingContext(ctx); err != nil {
		writer.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	var mode string
	if err := writer.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || !strings.EqualFold(mode, "wal") {
		writer.Close()
		return nil, fmt.Errorf("open sqlite %s: journal_mode is %q, want wal (err: %v)", path, mode, err)
	}

	rq := url.Values{"_pragma": slices.Clone(pragmas["_pragma"])}
	rq.Add("_pragma", "query_only(1)")
	reader, err := sql.Open("sqlite", path+"?"+rq.Encode())
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	reader.SetMaxOpenConns(readers)
	reader.SetMaxIdleConns(readers)
	reader.SetConnMaxIdleTime(0)
	reader.SetConnMaxLifetime(0)

	s := &Store{writer: writer, reader: reader, logger: logger, closing: make(chan struct{}),
		jobs: make(chan *job, opts.WriteQueue), committerDone: make(chan struct{})}
	if s.batchStmts, err = prepare(ctx, writer, batchQueries()); err != nil {
		writer.Close()
		reader.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// The committer outlives Open's ctx: Close stops it.
	go s.commit(context.WithoutCancel(ctx), opts.MaxBatch)
	fail := func(err error) (*Store, error) {
		s.stopCommitter()
		s.stopCheckpointer() //nolint:errcheck // already failing
		closeStmts(s.batchStmts)
		closeStmts(s.writerStmts)
		closeStmts(s.readerStmts)
		writer.Close()
		reader.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		return fail(err)
	}
	// Statements are prepared after the migrations, which create the
	// tables they name.
	if s.writerStmts, err = prepare(ctx, writer, writeQueries()); err != nil {
		return fail(err)
	}
	if s.readerStmts, err = prepare(ctx, reader, readQueries()); err != nil {
		return fail(err)
	}
	if err := s.startCheckpointer(ctx, path+"?"+cq.Encode()); err != nil {
		return fail(err)
	}
	logger.InfoContext(ctx, "sqlite store open", "path", path, "readers", readers,
		"write_queue", opts.WriteQueue, "max_batch", opts.MaxBatch)
	return s, nil
}

// Close waits for the calls in flight, queued writes included, stops the
// committer, checkpoints the write-ahead log into the database file and
// closes it. Calls made after Close fail with KindUnavailable. Close is
// idempotent.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.closing)
	s.mu.Unlock()
	// Every queued write belongs to a call in flight, so once they have
	// returned the queue is empty and nothing can submit any more.
	s.inflight.Wait()
	s.stopCommitter()

	var errs []error
	// The checkpointer stops before the final checkpoint, which must not
	// find it holding the checkpoint lock.
	if err := s.stopCheckpointer(); err != nil {
		errs = append(errs, fmt.Errorf("close checkpointer: %w", err))
	}
	if err := s.search.close(); err != nil {
		errs = append(errs, fmt.Errorf("close search statements: %w", err))
	}
	if err := closeStmts(s.readerStmts); err != nil {
		errs = append(errs, fmt.Errorf("close reader statements: %w", err))
	}
	if err := closeStmts(s.writerStmts); err != nil {
		errs = append(errs, fmt.Errorf("close writer statements: %w", err))
	}
	if err := closeStmts(s.batchStmts); err != nil {
		errs = append(errs, fmt.Errorf("close savepoint statements: %w", err))
	}
	// TRUNCATE leaves an empty WAL behind, so the next open replays nothing.
	if _, err := s.writer.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		errs = append(errs, fmt.Errorf("checkpoint: %w", err))
	}
	if err := s.reader.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close readers: %w", err))
	}
	if err := s.writer.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close writer: %w", err))
	}
	commits, writes := s.batches.Load(), s.committed.Load()
	perCommit := 0.0
	if commits > 0 {
		perCommit = float64(writes) / float64(commits)
	}
	s.logger.Info("sqlite store closed", "commits", commits, "writes", writes,
		"writes_per_commit", fmt.Sprintf("%.1f", perCommit), "throttled", s.throttled.Load(), "error", errors.Join(errs...))
	return errors.Join(errs...)
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

// write runs fn atomically in a write transaction and returns once the
// transaction is durably committed. fn runs on the committer goroutine,
// possibly in one transaction with other writes, inside a savepoint of its
// own: if fn fails or panics, its changes are undone and the others' kept.
// fn must not call write. Its statements ignore ctx's cancellation (a
// cancelled statement would roll back the shared transaction); a write
// whose ctx is done before fn starts is skipped with ctx's error.
// fn's errors are returned as they are, so domain errors keep their
// message; driver errors are classified and wrapped with what. A full
// write queue fails at once with KindThrottled.
func (s *Store) write(ctx context.Context, what string, fn func(tx *txn) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	done, err := s.submit(ctx, what, fn)
	if err != nil {
		return err
	}
	// The outcome is awaited even if ctx ends meanwhile: once queued, the
	// write may commit, and the caller must not be told otherwise. The
	// wait is bounded by the queue (WriteQueue jobs ahead at most).
	return <-done
}

// read runs fn in a read transaction, so that its queries see one snapshot.
func (s *Store) read(ctx context.Context, what string, fn func(tx *txn) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return wrap(what+": begin", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep
	return fn(&txn{Tx: tx, stmts: s.readerStmts, misses: &s.misses, lists: &s.lists})
}

// TokenKey returns the secret that signs pagination tokens, creating 32
// random bytes on first use.
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
	// INSERT OR IGNORE then SELECT: whoever inserts first wins, also across
	// processes sharing the file.
	err := s.write(ctx, "token key", func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, insertTokenKeyQuery, fresh); err != nil {
			return wrap("token key: insert", err)
		}
		if err := tx.QueryRowContext(ctx, selectTokenKeyQuery).Scan(&key); err != nil {
			return wrap("token key: select", err)
		}
		return nil
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

const (
	insertTokenKeyQuery = `INSERT OR IGNORE INTO meta (key, value) VALUES ('token_key', ?)`
	selectTokenKeyQuery = `SELECT value FROM meta WHERE key = 'token_key'`
)

// Driver error codes this package tells apart (extended result codes).
const (
	codeUnique     = sqlite3.SQLITE_CONSTRAINT_UNIQUE
	codePrimaryKey = sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
)

// sqliteCode returns the extended result code of a driver error, or 0.
func sqliteCode(err error) int {
	if e := (*sqlite.Error)(nil); errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

// isUnique reports whether err is a violation of the unique index or
// primary key that covers column (a "table.column" name in the message).
func isUnique(err error, column string) bool {
	switch sqliteCode(err) {
	case codeUnique, codePrimaryKey:
		return strings.Contains(err.Error(), column)
	}
	return false
}

// wrap adds context to a driver error and classifies the transient ones.
// Unique violations are turned into kinds by the callers, which know what
// the index means. wrap(what, nil) is nil.
func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	switch sqliteCode(err) & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		busy := &connectlite.Error{Kind: connectlite.KindUnavailable, Message: "The database is busy; retry the request"}
		return fmt.Errorf("%s: %v: %w", what, err, busy)
	}
	return fmt.Errorf("%s: %w", what, err)
}
