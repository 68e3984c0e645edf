package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// TestCacheAndCheckpointSettings checks the page cache of every connection
// and that commits leave checkpoints to the checkpointer.
func TestCacheAndCheckpointSettings(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	tests := []struct {
		db     *sql.DB
		name   string
		pragma string
		want   string
	}{
		{s.writer, "writer", "cache_size", fmt.Sprint(-cacheKiB)},
		{s.writer, "writer", "wal_autocheckpoint", "0"},
		{s.writer, "writer", "synchronous", "2"}, // FULL: durability unchanged
		{s.reader, "reader", "cache_size", fmt.Sprint(-cacheKiB)},
		{s.checkpoints.db, "checkpointer", "synchronous", "2"},
		{s.checkpoints.db, "checkpointer", "busy_timeout", fmt.Sprint(busyTimeout.Milliseconds())},
	}
	for _, tc := range tests {
		var got string
		if err := tc.db.QueryRowContext(t.Context(), "PRAGMA "+tc.pragma).Scan(&got); err != nil {
			t.Fatalf("%s PRAGMA %s: %v", tc.name, tc.pragma, err)
		}
		if got != tc.want {
			t.Errorf("%s PRAGMA %s = %s, want %s", tc.name, tc.pragma, got, tc.want)
		}
	}
}

// TestCheckpointerCopiesTheLogBack writes users and waits for the
// checkpointer to have copied every committed frame into the database file;
// the data survive a reopen, and Close stops the checkpointer.
func TestCheckpointerCopiesTheLogBack(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "db.sqlite")
	s := mustOpen(t, path)
	newID := seq()
	n := newInstance(newID, "ckpt")
	if err := s.CreateInstance(ctx, n); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if err := s.CreateUser(ctx, newUser(n, newID(), fmt.Sprintf("user%02d", i)), ""); err != nil {
			t.Fatal(err)
		}
	}
	// Await a background checkpoint that covers every commit.
	deadline := time.Now().Add(10 * checkpointInterval)
	for s.checkpointedCommits.Load() < s.batches.Load() {
		if time.Now().After(deadline) {
			t.Fatalf("background checkpoints cover %d of %d commits %v after the last one",
				s.checkpointedCommits.Load(), s.batches.Load(), 10*checkpointInterval)
		}
		time.Sleep(checkpointPoll) // the checkpointer's own tick
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if s.checkpoints != nil {
		t.Error("Close left the checkpointer running")
	}
	s = mustOpen(t, path)
	defer s.Close()
	users, _, err := s.ListUserSummaries(ctx, n.Instance.ID, connectlite.PageRequest{Limit: 100})
	if err != nil || len(users) != 20 {
		t.Fatalf("after reopen: %d users, err %v; want 20", len(users), err)
	}
}
