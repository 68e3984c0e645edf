package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// openWith opens a store at a fresh path with opts and one instance; the
// store is closed at the end of the test.
func openWith(t *testing.T, opts Options) (*Store, *connectlite.NewInstance, func() string) {
	t.Helper()
	s, err := OpenOptions(t.Context(), filepath.Join(t.TempDir(), "db.sqlite"), nil, opts)
	if err != nil {
		t.Fatalf("OpenOptions: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	newID := seq()
	n := newInstance(newID, "group")
	if err := s.CreateInstance(t.Context(), n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	return s, n, newID
}

// blockCommitter makes the committer run a write that waits until release
// is called, so that the writes submitted meanwhile queue up behind it and
// then run in its batch. done receives the blocking write's outcome.
func blockCommitter(t *testing.T, s *Store) (release func(), done <-chan error) {
	t.Helper()
	started, unblock := make(chan struct{}), make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		errc <- s.write(context.Background(), "block", func(*txn) error {
			close(started)
			<-unblock
			return nil
		})
	}()
	<-started
	var once sync.Once
	release = func() { once.Do(func() { close(unblock) }) }
	t.Cleanup(release)
	return release, errc
}

// waitQueued waits until n writes wait in the queue. Callers in other
// goroutines give no other sign that they have queued.
func waitQueued(t *testing.T, s *Store, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(s.jobs) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d writes queued after 10s, want %d", len(s.jobs), n)
		}
		time.Sleep(time.Millisecond)
	}
}

// userExists reports whether the store holds the user.
func userExists(t *testing.T, s *Store, instanceID, userID string) bool {
	t.Helper()
	_, err := s.User(t.Context(), instanceID, userID)
	if err != nil && connectlite.KindOf(err) != connectlite.KindNotFound {
		t.Fatalf("User(%s): %v", userID, err)
	}
	return err == nil
}

// TestBatchGivesEachWriteItsOutcome queues concurrent writes behind a
// blocked committer so they share one transaction: successes, duplicate
// usernames, failing and panicking writes each get their own outcome, and
// the failed ones leave nothing behind.
func TestBatchGivesEachWriteItsOutcome(t *testing.T) {
	s, n, newID := openWith(t, Options{})
	ctx := t.Context()

	const pairs = 20 // each pair shares a username, in different letter case
	type write struct {
		name string
		user *connectlite.User
		run  func() error
		want connectlite.Kind // for a failed write; success is checked per pair
		fail bool             // the write must fail with want
	}
	var writes []*write
	for i := range pairs {
		for _, name := range []string{fmt.Sprintf("pair%02d", i), fmt.Sprintf("PAIR%02d", i)} {
			u := newUser(n, newID(), name)
			writes = append(writes, &write{name: name, user: u, run: func() error { return s.CreateUser(ctx, u, "") }})
		}
	}
	errFn := errors.New("the write changed its mind")
	for i := range 5 {
		u := newUser(n, newID(), fmt.Sprintf("fails%d", i))
		writes = append(writes, &write{name: u.Username, user: u, fail: true, want: connectlite.KindInternal,
			run: func() error {
				return s.write(ctx, "insert then fail", func(tx *txn) error {
					if err := insertUser(ctx, tx, u, ""); err != nil {
						return err
					}
					return errFn
				})
			}})
	}
	for i := range 3 {
		u := newUser(n, newID(), fmt.Sprintf("panics%d", i))
		writes = append(writes, &write{name: u.Username, user: u, fail: true, want: connectlite.KindInternal,
			run: func() error {
				return s.write(ctx, "insert then panic", func(tx *txn) error {
					if err := insertUser(ctx, tx, u, ""); err != nil {
						return err
					}
					panic("fn bug")
				})
			}})
	}
	unknown := newUser(n, newID(), "badref")
	unknown.RoutingProfileID = "00000000-0000-4000-8000-00000000dead"
	writes = append(writes, &write{name: "badref", user: unknown, fail: true, want: connectlite.KindInvalidParameter,
		run: func() error { return s.CreateUser(ctx, unknown, "") }})

	batches, committed := s.batches.Load(), s.committed.Load()
	release, blocked := blockCommitter(t, s)
	errs := make([]error, len(writes))
	var wg sync.WaitGroup
	for i, w := range writes {
		wg.Go(func() { errs[i] = w.run() })
	}
	waitQueued(t, s, len(writes))
	release()
	wg.Wait()
	if err := <-blocked; err != nil {
		t.Fatalf("blocking write: %v", err)
	}

	wins := 0
	for i, w := range writes {
		err := errs[i]
		switch {
		case w.fail:
			if got := connectlite.KindOf(err); err == nil || got != w.want {
				t.Errorf("%s: err = %v (kind %v), want kind %v", w.name, err, got, w.want)
			}
			if exists := userExists(t, s, n.Instance.ID, w.user.ID); exists {
				t.Errorf("%s: failed write left its user behind", w.name)
			}
		case err == nil:
			wins++
			if !userExists(t, s, n.Instance.ID, w.user.ID) {
				t.Errorf("%s: acknowledged user missing", w.name)
			}
		default:
			if got, want := connectlite.KindOf(err), connectlite.KindDuplicate; got != want {
				t.Errorf("%s: kind = %v, want %v (err: %v)", w.name, got, want, err)
			}
			if got, want := err.Error(), fmt.Sprintf("The user %s is already associated with the Amazon Connect instance %s",
				w.name, n.Instance.ID); got != want {
				t.Errorf("%s: message = %q, want %q", w.name, got, want)
			}
			if userExists(t, s, n.Instance.ID, w.user.ID) {
				t.Errorf("%s: duplicate left its user behind", w.name)
			}
		}
	}
	if wins != pairs {
		t.Errorf("%d creates succeeded, want one per pair (%d)", wins, pairs)
	}
	for i, w := range writes {
		if strings.HasPrefix(w.name, "fails") && !errors.Is(errs[i], errFn) {
			t.Errorf("%s: err = %v, want fn's own error", w.name, errs[i])
		}
		if strings.HasPrefix(w.name, "panics") && !strings.Contains(fmt.Sprint(errs[i]), "panic: fn bug") {
			t.Errorf("%s: err = %v, want it to report the panic", w.name, errs[i])
		}
	}
	listed, _, err := s.ListUsers(ctx, n.Instance.ID, connectlite.PageRequest{Limit: 1000})
	if err != nil || len(listed) != pairs {
		t.Errorf("ListUsers = %d users, %v; want %d", len(listed), err, pairs)
	}
	if got := s.batches.Load() - batches; got != 1 {
		t.Errorf("the writes took %d commits, want 1 (all queued behind the blocker)", got)
	}
	if got, want := s.committed.Load()-committed, int64(pairs+1); got != want {
		t.Errorf("%d writes acknowledged by the commit, want %d (the winners and the blocker)", got, want)
	}
	// The committer survived the panics.
	if err := s.CreateUser(ctx, newUser(n, newID(), "after"), ""); err != nil {
		t.Errorf("CreateUser after the batch: %v", err)
	}
}

func TestFullQueueIsThrottled(t *testing.T) {
	s, n, newID := openWith(t, Options{WriteQueue: 1})
	ctx := t.Context()
	release, blocked := blockCommitter(t, s)

	queued := newUser(n, newID(), "queued")
	done, err := s.submit(ctx, "create user", func(tx *txn) error { return insertUser(ctx, tx, queued, "") })
	if err != nil {
		t.Fatalf("submit into the empty queue: %v", err)
	}
	refused := newUser(n, newID(), "refused")
	err = s.CreateUser(ctx, refused, "")
	if got, want := connectlite.KindOf(err), connectlite.KindThrottled; got != want {
		t.Fatalf("CreateUser with a full queue: kind = %v, want %v (err: %v)", got, want, err)
	}
	if s.throttled.Load() != 1 {
		t.Errorf("throttled = %d, want 1", s.throttled.Load())
	}

	release()
	if err := <-blocked; err != nil {
		t.Fatalf("blocking write: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("queued write: %v", err)
	}
	if !userExists(t, s, n.Instance.ID, queued.ID) || userExists(t, s, n.Instance.ID, refused.ID) {
		t.Errorf("want the queued user stored and the refused one not")
	}
	if err := s.CreateUser(ctx, refused, ""); err != nil {
		t.Errorf("CreateUser once the queue drained: %v", err)
	}
}

func TestCancelledWrites(t *testing.T) {
	s, n, newID := openWith(t, Options{})

	t.Run("CancelledBeforeSubmitIsNotQueued", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		err := s.CreateUser(ctx, newUser(n, newID(), "early"), "")
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("CreateUser(cancelled ctx) = %v, want context.Canceled", err)
		}
	})

	t.Run("CancelledWhileQueuedIsSkipped", func(t *testing.T) {
		release, blocked := blockCommitter(t, s)
		ctx, cancel := context.WithCancel(t.Context())
		ran := false
		done, err := s.submit(ctx, "skipped", func(*txn) error { ran = true; return nil })
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		release()
		if err := <-blocked; err != nil {
			t.Fatalf("blocking write: %v", err)
		}
		if err := <-done; !errors.Is(err, context.Canceled) || ran {
			t.Fatalf("write cancelled in the queue: err = %v, ran = %v; want context.Canceled without running", err, ran)
		}
	})

	// A caller that goes away while its write runs must not abort the
	// transaction it shares: its write completes, and so do the others.
	t.Run("CancelledWhileRunningCompletes", func(t *testing.T) {
		release, blocked := blockCommitter(t, s)
		ctx, cancel := context.WithCancel(t.Context())
		leaver, stayer := newUser(n, newID(), "leaver"), newUser(n, newID(), "stayer")
		leaverDone, err := s.submit(ctx, "create user", func(tx *txn) error {
			cancel()
			return insertUser(ctx, tx, leaver, "")
		})
		if err != nil {
			t.Fatal(err)
		}
		stayerDone, err := s.submit(t.Context(), "create user", func(tx *txn) error {
			return insertUser(t.Context(), tx, stayer, "")
		})
		if err != nil {
			t.Fatal(err)
		}
		release()
		if err := <-blocked; err != nil {
			t.Fatalf("blocking write: %v", err)
		}
		if err := <-leaverDone; err != nil {
			t.Errorf("write whose ctx was cancelled while it ran: %v, want it committed", err)
		}
		if err := <-stayerDone; err != nil {
			t.Errorf("write after it in the batch: %v", err)
		}
		for _, u := range []*connectlite.User{leaver, stayer} {
			if !userExists(t, s, n.Instance.ID, u.ID) {
				t.Errorf("user %s missing", u.Username)
			}
		}
	})
}

// TestLostTransactionFailsItsBatch has a write end the shared transaction
// behind the committer's back, as SQLite does itself on a full disk or an
// I/O error: the writes that had succeeded in it are told to retry and
// left nothing, and the writes queued after it run in a new transaction.
func TestLostTransactionFailsItsBatch(t *testing.T) {
	s, n, newID := openWith(t, Options{})
	ctx := t.Context()
	release, blocked := blockCommitter(t, s)
	before, after := newUser(n, newID(), "before"), newUser(n, newID(), "after")
	beforeDone, err := s.submit(ctx, "create user", func(tx *txn) error { return insertUser(ctx, tx, before, "") })
	if err != nil {
		t.Fatal(err)
	}
	culpritDone, err := s.submit(ctx, "rollback", func(tx *txn) error {
		_, err := tx.Tx.ExecContext(ctx, "ROLLBACK")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	afterDone, err := s.submit(ctx, "create user", func(tx *txn) error { return insertUser(ctx, tx, after, "") })
	if err != nil {
		t.Fatal(err)
	}
	release()
	if err := <-blocked; connectlite.KindOf(err) != connectlite.KindUnavailable {
		t.Errorf("blocking write, lost with its batch: err = %v, want kind Unavailable", err)
	}
	if err := <-beforeDone; connectlite.KindOf(err) != connectlite.KindUnavailable {
		t.Errorf("write lost with its batch: err = %v, want kind Unavailable", err)
	}
	if err := <-culpritDone; err == nil {
		t.Errorf("write that ended the transaction: err = nil, want an error")
	}
	if err := <-afterDone; err != nil {
		t.Errorf("write queued after the lost batch: %v", err)
	}
	if userExists(t, s, n.Instance.ID, before.ID) {
		t.Errorf("user of the lost batch exists")
	}
	if !userExists(t, s, n.Instance.ID, after.ID) {
		t.Errorf("user written after the lost batch is missing")
	}
}

// TestFailedCommitFailsItsBatch makes COMMIT itself fail (a deferred
// foreign-key violation is checked only then): every write of the batch
// gets the error, none is kept, and the store goes on working.
func TestFailedCommitFailsItsBatch(t *testing.T) {
	s, n, newID := openWith(t, Options{})
	ctx := t.Context()
	release, blocked := blockCommitter(t, s)
	u := newUser(n, newID(), "victim")
	victimDone, err := s.submit(ctx, "create user", func(tx *txn) error { return insertUser(ctx, tx, u, "") })
	if err != nil {
		t.Fatal(err)
	}
	orphanDone, err := s.submit(ctx, "orphan tag", func(tx *txn) error {
		if _, err := tx.Tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		_, err := tx.Tx.ExecContext(ctx, `INSERT INTO user_tags (instance_id, user_id, key, value) VALUES (?, ?, ?, ?)`,
			n.Instance.ID, "no-such-user", "k", "v")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	release()
	for name, done := range map[string]<-chan error{"blocker": blocked, "victim": victimDone, "orphan": orphanDone} {
		if err := <-done; err == nil || !strings.Contains(err.Error(), "commit") {
			t.Errorf("%s: err = %v, want the commit's error", name, err)
		}
	}
	if userExists(t, s, n.Instance.ID, u.ID) {
		t.Errorf("user of the failed commit exists")
	}
	if err := s.CreateUser(ctx, u, ""); err != nil {
		t.Errorf("CreateUser after a failed commit: %v", err)
	}
}

func TestCloseDrainsQueuedWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db.sqlite")
	s, err := OpenOptions(t.Context(), path, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	newID := seq()
	n := newInstance(newID, "drain")
	if err := s.CreateInstance(ctx, n); err != nil {
		t.Fatal(err)
	}
	release, blocked := blockCommitter(t, s)
	const queued = 16
	users := make([]*connectlite.User, queued)
	errs := make([]error, queued)
	var wg sync.WaitGroup
	for i := range users {
		users[i] = newUser(n, newID(), fmt.Sprintf("drain%02d", i))
		wg.Go(func() { errs[i] = s.CreateUser(ctx, users[i], "") })
	}
	waitQueued(t, s, queued)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	<-s.closing
	err = s.CreateUser(ctx, newUser(n, newID(), "late"), "")
	if got, want := connectlite.KindOf(err), connectlite.KindUnavailable; got != want {
		t.Errorf("CreateUser during Close: kind = %v, want %v (err: %v)", got, want, err)
	}
	release()
	wg.Wait()
	if err := <-blocked; err != nil {
		t.Errorf("blocking write: %v", err)
	}
	for i, err := range errs {
		if err != nil {
			t.Errorf("queued CreateUser %d: %v", i, err)
		}
	}
	if err := <-closed; err != nil {
		t.Fatalf("Close: %v", err)
	}

	s = mustOpen(t, path)
	defer s.Close()
	for _, u := range users {
		if !userExists(t, s, n.Instance.ID, u.ID) {
			t.Errorf("user %s queued before Close is missing after reopen", u.Username)
		}
	}
}

// batchKillChildEnv names the database the child of
// TestKill9KeepsAcknowledgedBatchedWrites writes to.
const batchKillChildEnv = "CONNECTLITE_SQLITE_BATCH_KILL_CHILD"

// TestKill9KeepsAcknowledgedBatchedWrites is TestKill9KeepsAcknowledgedWrites
// with many concurrent writers, so that the killed child acknowledges
// writes that were committed in batches.
func TestKill9KeepsAcknowledgedBatchedWrites(t *testing.T) {
	if path := os.Getenv(batchKillChildEnv); path != "" {
		batchKillChild(path)
		return
	}
	checkAckedUsersSurviveKill(t, "TestKill9KeepsAcknowledgedBatchedWrites", batchKillChildEnv, 200)
}

// batchKillChild writes from 16 goroutines until it is killed.
func batchKillChild(path string) {
	ctx := context.Background()
	s, n, newID := startKillChild(ctx, path)
	var mu sync.Mutex // guards newID and stdout
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Go(func() {
			for i := 0; ; i++ {
				mu.Lock()
				u := newUser(n, newID(), fmt.Sprintf("w%02du%06d", w, i))
				mu.Unlock()
				if err := s.CreateUser(ctx, u, ""); err != nil {
					fmt.Fprintln(os.Stderr, "child create user:", err)
					os.Exit(2)
				}
				mu.Lock()
				_, err := fmt.Println("ack", u.ID)
				mu.Unlock()
				if err != nil {
					os.Exit(0)
				}
			}
		})
	}
	wg.Wait()
}
