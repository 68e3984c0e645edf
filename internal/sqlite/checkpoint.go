package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Checkpointing. The writer runs with wal_autocheckpoint=0, so no commit
// copies the write-ahead log back into the database file inline (that was
// a sixth of CreateUser's CPU and stalled every writer queued behind the
// commit). Instead a goroutine of its own, on a connection of its own,
// runs a PASSIVE checkpoint, which never waits for readers or the writer,
// whenever the log has grown past checkpointPages or every
// checkpointInterval. Durability is unchanged: every commit is still
// fsynced into the log (synchronous=FULL) before it is acknowledged, and a
// crash leaves a log that the next open replays.

const (
	// checkpointPages is the log size (in pages) that triggers a
	// checkpoint before the interval has passed: SQLite's own default.
	checkpointPages = 1000
	// checkpointInterval bounds how long committed pages wait in the log.
	checkpointInterval = time.Second
	// checkpointPoll is how often the checkpointer looks at the log's size.
	checkpointPoll = 50 * time.Millisecond
)

// checkpointer runs PASSIVE checkpoints on a database handle of its own
// (one connection) until stop is closed, then closes done.
type checkpointer struct {
	db   *sql.DB
	stop chan struct{}
	done chan struct{}
}

// startCheckpointer opens the checkpointer's connection with dsn and
// starts it.
func (s *Store) startCheckpointer(ctx context.Context, dsn string) error {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("open checkpointer: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return wrap("open checkpointer", err)
	}
	c := &checkpointer{db: db, stop: make(chan struct{}), done: make(chan struct{})}
	s.checkpoints = c
	go s.runCheckpoints(context.WithoutCancel(ctx), c)
	return nil
}

// stopCheckpointer stops the checkpointer, waits for it and closes its
// connection; a no-op if it never started.
func (s *Store) stopCheckpointer() error {
	c := s.checkpoints
	if c == nil {
		return nil
	}
	s.checkpoints = nil
	close(c.stop)
	<-c.done
	return c.db.Close()
}

// runCheckpoints checkpoints when commits happened since the last
// checkpoint and either checkpointInterval has passed or the log holds an
// estimated checkpointPages. The estimate is the commits since the last
// checkpoint times the frames per commit that checkpoint found (a log
// fully checkpointed restarts with the next commit, so it holds the
// commits since; when it did not restart, the estimate is high and the
// checkpoint merely comes early).
func (s *Store) runCheckpoints(ctx context.Context, c *checkpointer) {
	defer close(c.done)
	poll := time.NewTicker(checkpointPoll)
	defer poll.Stop()
	last, lastCommits, perCommit := time.Now(), s.batches.Load(), 10.0
	for {
		select {
		case <-c.stop:
			return
		case now := <-poll.C:
			commits := s.batches.Load() - lastCommits
			if commits == 0 || (float64(commits)*perCommit < checkpointPages && now.Sub(last) < checkpointInterval) {
				continue
			}
			logPages, err := s.checkpoint(ctx, c.db)
			if err != nil {
				s.logger.WarnContext(ctx, "sqlite checkpoint failed", "error", err)
				last = now // retried at the next interval, not every poll
				continue
			}
			if logPages > 0 {
				perCommit = float64(logPages) / float64(commits)
			}
			last, lastCommits = now, lastCommits+commits
			s.checkpointedCommits.Store(lastCommits)
		}
	}
}

// checkpoint runs one PASSIVE checkpoint and returns the log's size in
// frames.
func (s *Store) checkpoint(ctx context.Context, db *sql.DB) (logPages int64, err error) {
	var busy, done int64
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logPages, &done); err != nil {
		return 0, err
	}
	return logPages, nil
}
