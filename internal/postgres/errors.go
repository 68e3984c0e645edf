package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5/pgconn"
)

// maxAttempts bounds how often one call runs its transaction. The backoff
// between attempts grows from retryBase; together they ride out a burst of
// serialization failures or the replacement of a pool's broken connections
// (milliseconds), not a server restart (seconds): a client retries that.
const (
	maxAttempts = 5
	retryBase   = 5 * time.Millisecond
)

// SQLSTATE codes this package tells apart.
const (
	codeUniqueViolation      = "23505"
	codeForeignKeyViolation  = "23503"
	codeSerializationFailure = "40001"
	codeDeadlockDetected     = "40P01"
)

// commitError marks a failed COMMIT. Whether the transaction committed is
// unknown when the connection broke, so only a server's explicit refusal
// (a serialization failure) is retried.
type commitError struct{ err error }

func (e *commitError) Error() string { return "commit: " + e.err.Error() }
func (e *commitError) Unwrap() error { return e.err }

// retry runs fn until it succeeds, fails for a reason a retry cannot cure,
// or maxAttempts is reached, then classifies the last error.
func (s *Store) retry(ctx context.Context, what string, fn func(ctx context.Context) error) error {
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		if code := sqlState(err); code != codeSerializationFailure && code != codeDeadlockDetected && transient(err) {
			s.lastFault.Store(time.Now().UnixNano())
		}
		if attempt == maxAttempts || ctx.Err() != nil || !retryable(err) {
			return s.classify(what, err)
		}
		s.logger.DebugContext(ctx, "postgres: retrying", "op", what, "attempt", attempt, "error", err)
		// Full jitter keeps replicas that failed together from retrying
		// together.
		d := retryBase << (attempt - 1)
		d = d/2 + rand.N(d/2+1)
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return s.classify(what, err)
		case <-t.C:
		}
	}
}

// retryable reports whether running the whole transaction again is safe and
// may succeed: the server refused it (serialization failure, deadlock), or
// the connection failed before COMMIT was sent, so nothing was committed.
func retryable(err error) bool {
	if connectlite.KindOf(err) != connectlite.KindInternal {
		return false // a domain answer, or an Unavailable we already decided on
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if code := sqlState(err); code == codeSerializationFailure || code == codeDeadlockDetected {
		return true
	}
	if ce := (*commitError)(nil); errors.As(err, &ce) {
		return false
	}
	if pgErr := (*pgconn.PgError)(nil); errors.As(err, &pgErr) {
		// The connection broke, or could not be made: another may work.
		// Timeouts and the like would only repeat the wait.
		return strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "57P") || pgErr.Code == "53300"
	}
	return transient(err)
}

// transient reports whether err is a fault of the connection or of the
// server's state rather than of the request: the same request may succeed
// later.
func transient(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == codeSerializationFailure, pgErr.Code == codeDeadlockDetected,
			strings.HasPrefix(pgErr.Code, "08"),                                   // connection exception
			strings.HasPrefix(pgErr.Code, "53"),                                   // insufficient resources (too many connections, disk full)
			strings.HasPrefix(pgErr.Code, "57P"),                                  // admin shutdown, crash shutdown, cannot connect now
			pgErr.Code == "55P03",                                                 // lock not available (lock_timeout)
			pgErr.Code == "57014",                                                 // statement timeout / query canceled by the server
			pgErr.Code == "25006" && strings.Contains(pgErr.Message, "read-only"), // failover to a standby
			strings.HasPrefix(pgErr.Code, "58"):                                   // system error (I/O)
			return true
		}
		return false
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.As(err, &connectErr), errors.As(err, &netErr),
		errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.EPIPE), errors.Is(err, net.ErrClosed),
		pgconn.SafeToRetry(err), pgconn.Timeout(err):
		return true
	}
	// pgx reports a connection it closed after a failure as "conn closed"
	// without always wrapping ErrConnClosed.
	return strings.Contains(err.Error(), "conn closed")
}

// classify returns err as the store reports it: domain errors as they are,
// transient faults as KindUnavailable (logged with their cause, which the
// client never sees), anything else wrapped with what.
func (s *Store) classify(what string, err error) error {
	if err == nil || connectlite.KindOf(err) != connectlite.KindInternal {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", what, err)
	}
	if transient(err) {
		s.logger.Warn("postgres: transient fault", "op", what, "error", err)
		unavailable := &connectlite.Error{Kind: connectlite.KindUnavailable,
			Message: "The database is unavailable; retry the request"}
		return fmt.Errorf("%s: %v: %w", what, err, unavailable)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// sqlState returns the SQLSTATE of a server error, or "".
func sqlState(err error) string {
	if e := (*pgconn.PgError)(nil); errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// violates reports whether err is a violation of type code (a SQLSTATE) of
// the named constraint.
func violates(err error, code, constraint string) bool {
	if e := (*pgconn.PgError)(nil); errors.As(err, &e) {
		return e.Code == code && e.ConstraintName == constraint
	}
	return false
}
