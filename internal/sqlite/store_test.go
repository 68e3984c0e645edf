package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storetest"
)

// mustOpen opens a store at path; the caller closes it.
func mustOpen(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(t.Context(), path, nil)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) connectlite.Store {
		s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
		// Every query the suite drives must run as a prepared statement.
		base := s.misses.Load()
		t.Cleanup(func() {
			if n := s.misses.Load() - base; n != 0 {
				t.Errorf("%d queries ran unprepared; add them to readQueries or writeQueries", n)
			}
		})
		return s
	})
}

// seq returns a generator of distinct lowercase UUIDs.
func seq() func() string {
	n := 0
	return func() string {
		n++
		return fmt.Sprintf("%08x-0000-4000-8000-%012x", uint32(n*2654435761), n)
	}
}

// newInstance builds an instance with its default resources.
func newInstance(newID func() string, alias string) *connectlite.NewInstance {
	return connectlite.BuildNewInstance(connectlite.Instance{
		AccountID: "123456789012", Region: "us-west-2", Alias: alias,
		IdentityManagementType: connectlite.IdentityConnectManaged,
		CreatedTime:            time.Date(2024, 3, 5, 7, 9, 11, 123_000_000, time.UTC),
	}, connectlite.IDs{}, newID)
}

// newUser builds a user of n with the required members.
func newUser(n *connectlite.NewInstance, id, username string) *connectlite.User {
	return &connectlite.User{
		InstanceID: n.Instance.ID, ID: id, Username: username,
		IdentityInfo:       connectlite.IdentityInfo{FirstName: "First" + username, LastName: "Last" + username},
		PhoneConfig:        connectlite.PhoneConfig{PhoneType: connectlite.PhoneTypeSoft},
		SecurityProfileIDs: []string{n.SecurityProfiles[1].ID},
		RoutingProfileID:   n.RoutingProfiles[0].ID,
		Tags:               map[string]string{"team": "blue"},
		LastModifiedTime:   time.Date(2024, 3, 5, 7, 9, 11, 123_000_000, time.UTC),
		LastModifiedRegion: "us-west-2",
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "db.sqlite")
	newID := seq()
	s := mustOpen(t, path)
	n := newInstance(newID, "keep")
	if err := s.CreateInstance(ctx, n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	u := newUser(n, newID(), "ana")
	if err := s.CreateUser(ctx, u, "hash"); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	key, err := s.TokenKey(ctx)
	if err != nil {
		t.Fatalf("TokenKey: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	// A clean close leaves no write-ahead log to replay.
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("after Close the WAL holds %d bytes, want 0 (checkpointed)", fi.Size())
	}

	s = mustOpen(t, path)
	defer s.Close()
	inst, err := s.Instance(ctx, n.Instance.ID)
	if err != nil || inst.Alias != "keep" {
		t.Fatalf("Instance after reopen = %+v, %v; want alias keep", inst, err)
	}
	got, err := s.User(ctx, n.Instance.ID, u.ID)
	if err != nil {
		t.Fatalf("User after reopen: %v", err)
	}
	if got.Username != "ana" || !got.LastModifiedTime.Equal(u.LastModifiedTime) || got.Tags["team"] != "blue" ||
		!slices.Equal(got.SecurityProfileIDs, u.SecurityProfileIDs) {
		t.Fatalf("User after reopen = %+v, want %+v", got, u)
	}
	again, err := s.TokenKey(ctx)
	if err != nil || !slices.Equal(again, key) {
		t.Fatalf("TokenKey after reopen = %x, %v; want %x", again, err, key)
	}
}

func appliedMigrations(t *testing.T, s *Store) []int {
	t.Helper()
	rows, err := s.reader.QueryContext(t.Context(), `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatalf("read schema_migrations: %v", err)
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	return vs
}

func TestMigrationsAreIdempotent(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatalf("migrations: %v", err)
	}
	var want []int
	for _, m := range ms {
		want = append(want, m.Version)
	}
	path := filepath.Join(t.TempDir(), "db.sqlite")
	s := mustOpen(t, path)
	if got := appliedMigrations(t, s); !slices.Equal(got, want) {
		t.Fatalf("applied migrations = %v, want %v", got, want)
	}
	// Applying again, in the same process or after a reopen, changes nothing.
	if err := s.migrate(t.Context()); err != nil {
		t.Fatalf("migrate again: %v", err)
	}
	s.Close()
	s = mustOpen(t, path)
	if got := appliedMigrations(t, s); !slices.Equal(got, want) {
		t.Fatalf("applied migrations after reopen = %v, want %v", got, want)
	}

	// A database migrated by a newer binary is refused, not damaged.
	if err := s.write(t.Context(), "fake newer migration", func(tx *txn) error {
		_, err := tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', 0)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s2, err := Open(t.Context(), path, nil); err == nil || !strings.Contains(err.Error(), "newer") {
		if s2 != nil {
			s2.Close()
		}
		t.Fatalf("Open(newer schema): err = %v, want a refusal naming the newer version", err)
	}
}

func TestConnectionSettings(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	ctx := t.Context()
	tests := []struct {
		db     *sql.DB
		name   string
		pragma string
		want   string
	}{
		{s.writer, "writer", "journal_mode", "wal"},
		{s.writer, "writer", "synchronous", "2"}, // FULL
		{s.writer, "writer", "foreign_keys", "1"},
		{s.writer, "writer", "temp_store", "2"}, // MEMORY: savepoints journal in memory
		{s.writer, "writer", "busy_timeout", fmt.Sprint(busyTimeout.Milliseconds())},
		{s.reader, "reader", "journal_mode", "wal"},
		{s.reader, "reader", "foreign_keys", "1"},
		{s.reader, "reader", "query_only", "1"},
		{s.reader, "reader", "busy_timeout", fmt.Sprint(busyTimeout.Milliseconds())},
	}
	for _, tc := range tests {
		var got string
		if err := tc.db.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
			t.Fatalf("%s PRAGMA %s: %v", tc.name, tc.pragma, err)
		}
		if !strings.EqualFold(got, tc.want) {
			t.Errorf("%s PRAGMA %s = %s, want %s", tc.name, tc.pragma, got, tc.want)
		}
	}
	if got := s.writer.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("writer MaxOpenConnections = %d, want 1", got)
	}
}

// queryPlan returns SQLite's plan for query, one step a line.
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.reader.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("EXPLAIN QUERY PLAN: %v", err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return strings.Join(steps, "\n")
}

// TestQueriesUseIndexes guards the plans that must stay fast with a million
// users: no full scan, no sort, no OFFSET.
func TestQueriesUseIndexes(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	tests := []struct {
		name, query string
		args        []any
		wantIndex   string
	}{
		{"ListUsersPage", listUsersQuery, []any{"i", "", 1000}, "PRIMARY KEY"},
		// The searches of the lifecycle issue: prefix ranges on the keys.
		{"UsernamePrefix", `SELECT id FROM users WHERE instance_id = ? AND username_key >= ? AND username_key < ?
			ORDER BY username_key LIMIT 100`, []any{"i", "ab", "ac"}, "username_key"},
		{"FirstNamePrefix", `SELECT id FROM users WHERE instance_id = ? AND first_name_key >= ? AND first_name_key < ?
			ORDER BY first_name_key, id LIMIT 100`, []any{"i", "ab", "ac"}, "users_first_name"},
		{"LastNamePrefix", `SELECT id FROM users WHERE instance_id = ? AND last_name_key >= ? AND last_name_key < ?
			ORDER BY last_name_key, id LIMIT 100`, []any{"i", "ab", "ac"}, "users_last_name"},
		{"UsersBySecurityProfile", `SELECT user_id FROM user_security_profiles WHERE instance_id = ? AND security_profile_id = ?
			ORDER BY user_id LIMIT 100`, []any{"i", "p"}, "user_security_profiles_profile"},
		{"UsersByTag", `SELECT user_id FROM user_tags WHERE instance_id = ? AND key = ? AND value = ?
			ORDER BY user_id LIMIT 100`, []any{"i", "k", "v"}, "user_tags_key_value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := queryPlan(t, s, tc.query, tc.args...)
			if !strings.Contains(plan, "SEARCH") || !strings.Contains(plan, tc.wantIndex) ||
				strings.Contains(plan, "SCAN") || strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("plan:\n%s\nwant a SEARCH using %s without SCAN or TEMP B-TREE", plan, tc.wantIndex)
			}
		})
	}
}

// TestDescribeUserIsOneLookup guards DescribeUser's cost: the user, its
// security profiles and tags come from one lookup of the users primary key,
// with no other step.
func TestDescribeUserIsOneLookup(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	const want = "SEARCH users USING PRIMARY KEY (instance_id=? AND id=?)"
	if plan := queryPlan(t, s, selectUserQuery, "i", "u"); plan != want {
		t.Errorf("plan of selectUserQuery:\n%s\nwant exactly\n%s", plan, want)
	}
}

// TestRepeatedSecurityProfileStoredOnce checks that a repeated security
// profile id is stored once, at its first position, alike in the
// security_profile_ids column that reads return and in the
// user_security_profiles rows that searches and in-use checks read.
func TestRepeatedSecurityProfileStoredOnce(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	newID := seq()
	n := newInstance(newID, "repeats")
	if err := s.CreateInstance(ctx, n); err != nil {
		t.Fatal(err)
	}
	a, b := n.SecurityProfiles[0].ID, n.SecurityProfiles[1].ID
	check := func(what string, got *connectlite.User, want []string) {
		t.Helper()
		if !slices.Equal(got.SecurityProfileIDs, want) {
			t.Errorf("%s: SecurityProfileIDs = %v, want %v", what, got.SecurityProfileIDs, want)
		}
		rows, err := s.reader.QueryContext(ctx, `SELECT security_profile_id FROM user_security_profiles
			WHERE instance_id = ? AND user_id = ? ORDER BY position`, got.InstanceID, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var stored []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			stored = append(stored, id)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(stored, want) {
			t.Errorf("%s: user_security_profiles rows = %v, want %v", what, stored, want)
		}
	}
	u := newUser(n, newID(), "ana")
	u.SecurityProfileIDs = []string{a, b, a}
	if err := s.CreateUser(ctx, u, ""); err != nil {
		t.Fatal(err)
	}
	got, err := s.User(ctx, n.Instance.ID, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("after CreateUser", got, []string{a, b})
	got, err = s.UpdateUser(ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
		cur.SecurityProfileIDs = []string{b, b, a}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("after UpdateUser", got, []string{b, a})
}

func TestCloseWaitsForInFlightCalls(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "db.sqlite")
	newID := seq()
	s := mustOpen(t, path)
	n := newInstance(newID, "inflight")
	if err := s.CreateInstance(ctx, n); err != nil {
		t.Fatal(err)
	}
	u := newUser(n, newID(), "ana")
	if err := s.CreateUser(ctx, u, ""); err != nil {
		t.Fatal(err)
	}

	inMutate, release := make(chan struct{}), make(chan struct{})
	updateErr := make(chan error, 1)
	go func() {
		_, err := s.UpdateUser(ctx, n.Instance.ID, u.ID, func(cur *connectlite.User) error {
			close(inMutate)
			<-release
			cur.Username = "ana.updated"
			return nil
		})
		updateErr <- err
	}()
	<-inMutate
	closeErr := make(chan error, 1)
	go func() { closeErr <- s.Close() }()
	<-s.closing // Close has begun and now waits for the update

	_, err := s.User(ctx, n.Instance.ID, u.ID)
	if got, want := connectlite.KindOf(err), connectlite.KindUnavailable; got != want {
		t.Errorf("User during Close: kind = %v, want %v (err: %v)", got, want, err)
	}
	select {
	case err := <-closeErr:
		t.Fatalf("Close returned (%v) while an update was in flight", err)
	default:
	}
	close(release)
	if err := <-updateErr; err != nil {
		t.Fatalf("in-flight UpdateUser: %v", err)
	}
	if err := <-closeErr; err != nil {
		t.Fatalf("Close: %v", err)
	}

	s = mustOpen(t, path)
	defer s.Close()
	got, err := s.User(ctx, n.Instance.ID, u.ID)
	if err != nil || got.Username != "ana.updated" {
		t.Fatalf("User after reopen = %+v, %v; want the in-flight update committed", got, err)
	}
}

// TestTwoStoresShareOneFile opens the same file twice, as two processes
// would: their writers wait for each other (busy_timeout) instead of failing,
// usernames stay unique across both, and both see one TokenKey.
func TestTwoStoresShareOneFile(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "db.sqlite")
	a, b := mustOpen(t, path), mustOpen(t, path)
	defer a.Close()
	defer b.Close()
	newID := seq()
	n := newInstance(newID, "shared")
	if err := a.CreateInstance(ctx, n); err != nil {
		t.Fatal(err)
	}
	const perStore = 10
	type result struct {
		name string
		err  error
	}
	results := make(chan result, 4*perStore)
	keys := make(chan []byte, 2)
	users := make([]*connectlite.User, 0, 4*perStore)
	stores := make([]*Store, 0, 4*perStore)
	for i := range 2 * perStore {
		s := []*Store{a, b}[i%2]
		users = append(users, newUser(n, newID(), fmt.Sprintf("distinct%02d", i)), newUser(n, newID(), "same"))
		stores = append(stores, s, s)
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, u := range users {
		wg.Go(func() {
			<-start
			results <- result{u.Username, stores[i].CreateUser(ctx, u, "")}
		})
	}
	for _, s := range []*Store{a, b} {
		wg.Go(func() {
			<-start
			k, err := s.TokenKey(ctx)
			if err != nil {
				t.Errorf("TokenKey: %v", err)
			}
			keys <- k
		})
	}
	close(start)
	wg.Wait()
	close(results)
	sames := 0
	for r := range results {
		switch {
		case r.name == "same" && r.err == nil:
			sames++
		case r.name == "same":
			if got, want := connectlite.KindOf(r.err), connectlite.KindDuplicate; got != want {
				t.Errorf("CreateUser(same): kind = %v, want %v (err: %v)", got, want, r.err)
			}
		case r.err != nil:
			t.Errorf("CreateUser(%s): %v", r.name, r.err)
		}
	}
	if sames != 1 {
		t.Errorf("CreateUser(same) succeeded %d times across two stores, want 1", sames)
	}
	if ka, kb := <-keys, <-keys; !slices.Equal(ka, kb) {
		t.Errorf("TokenKey differs between the stores: %x vs %x", ka, kb)
	}
	listed, _, err := b.ListUsers(ctx, n.Instance.ID, connectlite.PageRequest{Limit: 1000})
	if err != nil || len(listed) != 2*perStore+1 {
		t.Fatalf("ListUsers = %d users, %v; want %d", len(listed), err, 2*perStore+1)
	}
}

func TestCallsAfterCloseAreUnavailable(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v, want nil", err)
	}
	_, err := s.Instance(t.Context(), "x")
	if got, want := connectlite.KindOf(err), connectlite.KindUnavailable; got != want {
		t.Errorf("Instance after Close: kind = %v, want %v (err: %v)", got, want, err)
	}
	_, err = s.TokenKey(t.Context())
	if got, want := connectlite.KindOf(err), connectlite.KindUnavailable; got != want {
		t.Errorf("TokenKey after Close: kind = %v, want %v (err: %v)", got, want, err)
	}
}

func TestOpenRejectsURIPaths(t *testing.T) {
	for _, p := range []string{"", "file:x.db", "x.db?mode=ro", "x#y"} {
		if s, err := Open(t.Context(), p, nil); err == nil {
			s.Close()
			t.Errorf("Open(%q): err = nil, want a refusal", p)
		}
	}
}

// killChildEnv names the database the child of TestKill9KeepsAcknowledgedWrites writes to.
const killChildEnv = "CONNECTLITE_SQLITE_KILL_CHILD"

// TestKill9KeepsAcknowledgedWrites runs a child process that creates users
// and reports each one after CreateUser returns, kills it with SIGKILL
// mid-stream, and checks that every reported user is in the database.
func TestKill9KeepsAcknowledgedWrites(t *testing.T) {
	if path := os.Getenv(killChildEnv); path != "" {
		killChild(path)
		return
	}
	checkAckedUsersSurviveKill(t, "TestKill9KeepsAcknowledgedWrites", killChildEnv, 40)
}

// checkAckedUsersSurviveKill runs this binary's test name as a child with
// env set to a fresh database path, reads the instance the child reports
// ("instance ID") and the users it acknowledges ("ack ID"), kills it with
// SIGKILL once it has acknowledged acks users and fails unless every one of
// them is in the database.
func checkAckedUsersSurviveKill(t *testing.T, name, env string, acks int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "db.sqlite")
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^"+name+"$")
	cmd.Env = append(os.Environ(), env+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var instanceID string
	var acked []string
	lines := bufio.NewScanner(out)
	for len(acked) < acks && lines.Scan() {
		switch f := strings.Fields(lines.Text()); {
		case len(f) == 2 && f[0] == "instance":
			instanceID = f[1]
		case len(f) == 2 && f[0] == "ack":
			acked = append(acked, f[1])
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatalf("kill child: %v", err)
	}
	_ = cmd.Wait() // killed: the error is expected
	if len(acked) < acks || instanceID == "" {
		t.Fatalf("child acknowledged %d users (instance %q) before it stopped, want %d", len(acked), instanceID, acks)
	}

	s := mustOpen(t, path)
	defer s.Close()
	for _, id := range acked {
		if _, err := s.User(t.Context(), instanceID, id); err != nil {
			t.Errorf("acknowledged user %s lost after kill -9: %v", id, err)
		}
	}
}

// startKillChild opens the store of a kill test's child at path and
// creates its instance, which it reports as "instance ID". It exits with
// status 2 if either fails.
func startKillChild(ctx context.Context, path string) (*Store, *connectlite.NewInstance, func() string) {
	s, err := Open(ctx, path, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child open:", err)
		os.Exit(2)
	}
	newID := seq()
	n := newInstance(newID, "killed")
	if err := s.CreateInstance(ctx, n); err != nil {
		fmt.Fprintln(os.Stderr, "child create instance:", err)
		os.Exit(2)
	}
	fmt.Println("instance", n.Instance.ID)
	return s, n, newID
}

// killChild is the child side of TestKill9KeepsAcknowledgedWrites: it
// writes until it is killed (or its parent stops reading).
func killChild(path string) {
	ctx := context.Background()
	s, n, newID := startKillChild(ctx, path)
	for i := range 100000 {
		u := newUser(n, newID(), fmt.Sprintf("user%06d", i))
		if err := s.CreateUser(ctx, u, ""); err != nil {
			fmt.Fprintln(os.Stderr, "child create user:", err)
			os.Exit(2)
		}
		if _, err := fmt.Println("ack", u.ID); err != nil {
			os.Exit(0)
		}
	}
	os.Exit(0)
}
