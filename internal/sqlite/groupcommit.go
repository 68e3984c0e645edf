package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/connectlite/connectlite"
)

// Group commit. A single committer goroutine owns the writer connection.
// write queues a job and waits for its outcome; the committer begins one
// transaction, runs every job already queued (up to MaxBatch) in it, each
// inside its own savepoint, and commits once: one fsync for the whole
// batch instead of one per write. A job is acknowledged only after the
// commit that holds it succeeded, so an acknowledged write is as durable as
// before (synchronous=FULL).

const (
	// DefaultWriteQueue is how many writes may wait for the committer when
	// Options.WriteQueue is 0.
	DefaultWriteQueue = 1024
	// DefaultMaxBatch is how many writes one transaction commits at most
	// when Options.MaxBatch is 0.
	DefaultMaxBatch = 256
)

// Options tunes a Store. The zero value selects the defaults.
type Options struct {
	// WriteQueue bounds the writes waiting for the committer; a write that
	// finds the queue full fails at once with KindThrottled.
	WriteQueue int
	// MaxBatch bounds the writes that share one transaction and one fsync.
	MaxBatch int
}

func (o Options) withDefaults() Options {
	if o.WriteQueue <= 0 {
		o.WriteQueue = DefaultWriteQueue
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = DefaultMaxBatch
	}
	return o
}

// job is one write waiting for the committer.
type job struct {
	ctx  context.Context // only checked before fn runs; fn's statements ignore its cancellation
	what string
	fn   func(tx *txn) error
	done chan error // buffered: the committer never blocks on a caller
}

// The committer's savepoint statements. Each job's savepoint is released
// before the next one opens, so one name serves every job.
const (
	savepointQuery  = `SAVEPOINT job`
	rollbackToQuery = `ROLLBACK TO job`
	releaseQuery    = `RELEASE job`
)

// batchQueries are the statements the committer prepares on the writer.
func batchQueries() []string { return []string{savepointQuery, rollbackToQuery, releaseQuery} }

// exec runs one of the committer's prepared statements in tx.
func (s *Store) exec(ctx context.Context, tx *sql.Tx, query string) error {
	_, err := tx.StmtContext(ctx, s.batchStmts[query]).ExecContext(ctx)
	return err
}

// submit queues fn without waiting. It fails with KindThrottled when the
// queue is full and with ctx's error when ctx is already done. The caller
// must hold an enter, so that Close waits for the outcome.
func (s *Store) submit(ctx context.Context, what string, fn func(tx *txn) error) (<-chan error, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	j := &job{ctx: ctx, what: what, fn: fn, done: make(chan error, 1)}
	select {
	case s.jobs <- j:
		return j.done, nil
	default:
		s.throttled.Add(1)
		return nil, connectlite.Errorf(connectlite.KindThrottled,
			"Too many writes are waiting for the database (%d queued); retry later", cap(s.jobs))
	}
}

// commit is the committer: it runs the queued jobs in batches until the
// queue is closed. ctx is the committer's own and is never cancelled by a
// caller, so no caller can abort a transaction that others share.
func (s *Store) commit(ctx context.Context, maxBatch int) {
	defer close(s.committerDone)
	for j := range s.jobs {
		s.commitBatch(ctx, j, maxBatch)
	}
}

// commitBatch runs first and the jobs queued behind it, up to maxBatch, in
// one transaction, then commits and acknowledges them.
func (s *Store) commitBatch(ctx context.Context, first *job, maxBatch int) {
	if err := first.ctx.Err(); err != nil {
		first.done <- err
		return
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		// Another process holds the lock beyond busyTimeout (or the
		// disk fails): the jobs queued now would have shared this
		// transaction, so they share its failure instead of each waiting
		// busyTimeout again.
		first.done <- wrap(first.what+": begin", err)
		for range maxBatch - 1 {
			select {
			case j, ok := <-s.jobs:
				if !ok {
					return
				}
				j.done <- wrap(j.what+": begin", err)
			default:
				return
			}
		}
		return
	}
	t := &txn{Tx: tx, stmts: s.writerStmts, misses: &s.misses, lists: &s.lists, detached: true}
	var ok []*job // the jobs whose changes the commit will keep
	j, n := first, 0
	for {
		n++
		if err := j.ctx.Err(); err != nil {
			j.done <- err
		} else {
			jobErr, broken := s.runJob(ctx, t, j)
			if broken != nil {
				s.abandon(ctx, tx, j, jobErr, broken, ok)
				return
			}
			if jobErr != nil {
				j.done <- jobErr
			} else {
				ok = append(ok, j)
			}
		}
		if n >= maxBatch {
			break
		}
		var more bool
		select {
		case j, more = <-s.jobs:
		default:
			// The queue is empty. Yield before committing: the request
			// goroutines that are runnable get to queue their writes,
			// which join this commit instead of waiting for the next one.
			// The batch ends only when the queue is still empty after the
			// yield (or at maxBatch). A commit's cost (its log frames and
			// fsync) is about the same for 17 writes as for 27, which
			// this raises the average to under 64 clients (issue 6); each
			// yield delays the commit by at most one scheduling round.
			runtime.Gosched()
			select {
			case j, more = <-s.jobs:
			default:
			}
		}
		if !more {
			break
		}
	}

	if len(ok) == 0 {
		// Every job failed or was skipped and its savepoint undone:
		// nothing to make durable.
		if err := tx.Rollback(); err != nil {
			s.logger.WarnContext(ctx, "sqlite rollback of an empty batch failed", "error", err)
		}
		return
	}
	if err := tx.Commit(); err != nil {
		// The driver rolls back a transaction that a failed COMMIT left
		// open (TestFailedCommitFailsItsBatch checks that writes go on).
		s.logger.ErrorContext(ctx, "sqlite group commit failed", "jobs", len(ok), "error", err)
		for _, j := range ok {
			j.done <- wrap(j.what+": commit", err)
		}
		return
	}
	s.batches.Add(1)
	s.committed.Add(int64(len(ok)))
	for _, j := range ok {
		j.done <- nil
	}
}

// runJob runs j inside its own savepoint. jobErr is j's outcome: fn's error
// (its changes undone), an internal error if fn panicked, or nil (its
// changes kept for the commit). broken is not nil if the transaction no
// longer exists: SQLite rolls back the whole transaction on some errors
// (disk full, I/O error, interrupt), taking the batch's other jobs with it.
func (s *Store) runJob(ctx context.Context, t *txn, j *job) (jobErr, broken error) {
	if err := s.exec(ctx, t.Tx, savepointQuery); err != nil {
		err = wrap(j.what+": savepoint", err)
		return err, err
	}
	jobErr = s.call(ctx, t, j)
	if jobErr != nil {
		if err := s.exec(ctx, t.Tx, rollbackToQuery); err != nil {
			return jobErr, wrap(j.what+": rollback to savepoint", err)
		}
	}
	if err := s.exec(ctx, t.Tx, releaseQuery); err != nil {
		err = wrap(j.what+": release savepoint", err)
		if jobErr == nil {
			jobErr = err
		}
		return jobErr, err
	}
	return jobErr, nil
}

// call runs j.fn, turning a panic into an internal error for j alone.
func (s *Store) call(ctx context.Context, t *txn, j *job) (err error) {
	defer func() {
		if v := recover(); v != nil {
			s.logger.ErrorContext(ctx, "sqlite write panicked", "what", j.what, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			err = fmt.Errorf("%s: panic: %v", j.what, v)
		}
	}()
	return j.fn(t)
}

// abandon ends a batch whose transaction is gone: culprit gets its own
// error, and the jobs that had succeeded before it, whose changes went
// with the transaction, get an error that tells them to retry.
func (s *Store) abandon(ctx context.Context, tx *sql.Tx, culprit *job, culpritErr, broken error, ok []*job) {
	s.logger.ErrorContext(ctx, "sqlite batch transaction lost", "what", culprit.what, "error", broken, "jobs_lost", len(ok))
	_ = tx.Rollback() // usually fails: SQLite already rolled back
	culprit.done <- culpritErr
	for _, j := range ok {
		lost := &connectlite.Error{Kind: connectlite.KindUnavailable,
			Message: "The write was rolled back with its batch; retry the request"}
		j.done <- fmt.Errorf("%s: batch rolled back after %s failed (%v): %w", j.what, culprit.what, broken, lost)
	}
}

// stopCommitter closes the queue and waits for the committer to finish the
// jobs in it. No write may be submitting (Close has waited for them).
func (s *Store) stopCommitter() {
	close(s.jobs)
	<-s.committerDone
}
