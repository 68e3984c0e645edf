package postgres

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/storetest"
)

// TestStore runs the conformance suite, each subtest on a fresh schema.
func TestStore(t *testing.T) {
	admin(t) // skip (or, in CI, fail) up front without a server
	storetest.Run(t, func(t *testing.T) connectlite.Store {
		db := newDatabase(t)
		s, err := Open(t.Context(), db.url(t, nil), testLogger(t))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s // Run closes it
	})
}

func TestOpenMigratesOnceWhenReplicasStartTogether(t *testing.T) {
	db := newDatabase(t)
	const replicas = 3
	var (
		wg     sync.WaitGroup
		stores [replicas]*Store
		errs   [replicas]error
	)
	for i := range replicas {
		wg.Go(func() {
			stores[i], errs[i] = Open(t.Context(), db.url(t, nil), testLogger(t))
		})
	}
	wg.Wait()
	for i := range replicas {
		if errs[i] != nil {
			t.Fatalf("Open #%d: %v", i, errs[i])
		}
		t.Cleanup(func() { stores[i].Close() })
	}

	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range ms {
		want = append(want, fmt.Sprintf("%d %s", m.Version, m.Name))
	}
	got := appliedMigrations(t, db)
	if !slices.Equal(got, want) {
		t.Fatalf("schema_migrations = %v, want each migration once: %v", got, want)
	}

	// Opening again applies nothing and every replica works.
	db.open(t)
	if got := appliedMigrations(t, db); !slices.Equal(got, want) {
		t.Fatalf("schema_migrations after reopening = %v, want %v", got, want)
	}
	for i, s := range stores {
		newInstance(t, s, "replica"+strconv.Itoa(i))
	}
}

func appliedMigrations(t *testing.T, db *database) []string {
	t.Helper()
	rows, err := db.admin.Query(t.Context(), `SELECT version, name FROM `+db.schema+`.schema_migrations ORDER BY version, name`)
	if err != nil {
		t.Fatalf("read schema_migrations: %v", err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %s", v, name))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestOpenRefusesSchemaNewerThanBinary(t *testing.T) {
	db := newDatabase(t)
	s, err := Open(t.Context(), db.url(t, nil), testLogger(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Close()
	if _, err := db.admin.Exec(t.Context(), `INSERT INTO `+db.schema+`.schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	s, err = Open(t.Context(), db.url(t, nil), testLogger(t))
	if err == nil {
		s.Close()
		t.Fatal("Open on a schema of version 9999: err = nil, want an error")
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open on a schema of version 9999: err = %v, want it to say the schema is newer", err)
	}
}

func TestOpenRejectsBadOptions(t *testing.T) {
	tests := []struct {
		name  string
		extra url.Values
		want  string
	}{
		{"SchemaWithQuote", url.Values{"schema": {`x"; DROP TABLE users; --`}}, "must match"},
		{"SchemaUpperCase", url.Values{"schema": {"Test"}}, "must match"},
		{"SchemaAndSearchPath", url.Values{"search_path": {"public"}}, "either schema or search_path"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := withOptions(t, serverURL(), "test_unused", "connectlite_test", tc.extra)
			s, err := Open(t.Context(), u, testLogger(t))
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s): err = nil, want one containing %q", tc.name, tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Open(%s): err = %v, want one containing %q", tc.name, err, tc.want)
			}
		})
	}
}

func TestOpenWithSearchPathUsesThatSchema(t *testing.T) {
	db := newDatabase(t)
	if _, err := db.admin.Exec(t.Context(), `CREATE SCHEMA `+db.schema); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(serverURL())
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", db.schema)
	q.Set("pool_max_conns", "2")
	u.RawQuery = q.Encode()
	s := mustOpen(t, u.String())
	n := newInstance(t, s, "searchpath")
	var got string
	err = db.admin.QueryRow(t.Context(), `SELECT id FROM `+db.schema+`.instances`).Scan(&got)
	if err != nil || got != n.Instance.ID {
		t.Fatalf("instances in schema %s: id %q, err %v; want %q", db.schema, got, err, n.Instance.ID)
	}
}

// TestReplicasShareEveryRule runs three stores on one schema, as three
// connectlite replicas on one database.
func TestReplicasShareEveryRule(t *testing.T) {
	db := newDatabase(t)
	replicas := []*Store{db.open(t), db.open(t), db.open(t)}
	ctx := t.Context()
	n := newInstance(t, replicas[0], "shared")

	t.Run("TokenKeyIsTheSameOnEveryReplica", func(t *testing.T) {
		var keys [][]byte
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, s := range replicas {
			wg.Go(func() {
				k, err := s.TokenKey(ctx)
				if err != nil {
					t.Errorf("TokenKey: %v", err)
					return
				}
				mu.Lock()
				keys = append(keys, k)
				mu.Unlock()
			})
		}
		wg.Wait()
		if len(keys) != len(replicas) {
			t.Fatalf("got %d keys, want %d", len(keys), len(replicas))
		}
		for _, k := range keys[1:] {
			if string(k) != string(keys[0]) || len(k) != 32 {
				t.Fatalf("TokenKey differs between replicas (or is not 32 bytes): %x vs %x", k, keys[0])
			}
		}
	})

	t.Run("OneUsernameOnManyReplicasExactlyOneSucceeds", func(t *testing.T) {
		const callers = 12
		var wg sync.WaitGroup
		errs := make([]error, callers)
		for i := range callers {
			wg.Go(func() {
				errs[i] = replicas[i%len(replicas)].CreateUser(ctx, newUser(n, []string{"Race", "race", "RACE"}[i%3]), "")
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case connectlite.KindOf(err) == connectlite.KindDuplicate:
				if !strings.HasPrefix(err.Error(), "The user ") ||
					!strings.HasSuffix(err.Error(), " is already associated with the Amazon Connect instance "+n.Instance.ID) {
					t.Errorf("duplicate message = %q", err.Error())
				}
			default:
				t.Errorf("CreateUser: %v (kind %v), want success or Duplicate", err, connectlite.KindOf(err))
			}
		}
		if ok != 1 {
			t.Fatalf("%d of %d concurrent CreateUser calls with one username succeeded, want 1", ok, callers)
		}
	})

	t.Run("PagesFetchedFromAlternatingReplicasCoverEveryUserOnce", func(t *testing.T) {
		m := newInstance(t, replicas[1], "paging")
		want := make([]string, 0, 25)
		for i := range 25 {
			u := newUser(m, "user"+strconv.Itoa(i))
			if err := replicas[i%3].CreateUser(ctx, u, ""); err != nil {
				t.Fatalf("CreateUser: %v", err)
			}
			want = append(want, u.ID)
		}
		slices.Sort(want)
		var got []string
		after := ""
		for page := 0; ; page++ {
			items, next, err := replicas[page%3].ListUsers(ctx, m.Instance.ID, connectlite.PageRequest{Limit: 4, After: after})
			if err != nil {
				t.Fatalf("ListUsers page %d: %v", page, err)
			}
			for _, u := range items {
				got = append(got, u.ID)
			}
			if next == "" {
				break
			}
			after = next
		}
		if !slices.Equal(got, want) {
			t.Fatalf("ListUsers across replicas = %v, want %v", got, want)
		}
	})

	t.Run("ConcurrentUpdatesOnManyReplicasLoseNothing", func(t *testing.T) {
		u := newUser(n, "counter")
		u.DirectoryUserID = "0"
		if err := replicas[0].CreateUser(ctx, u, ""); err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		const perReplica = 10
		var wg sync.WaitGroup
		for _, s := range replicas {
			wg.Go(func() {
				for range perReplica {
					_, err := s.UpdateUser(ctx, n.Instance.ID, u.ID, func(u *connectlite.User) error {
						c, err := strconv.Atoi(u.DirectoryUserID)
						u.DirectoryUserID = strconv.Itoa(c + 1)
						return err
					})
					if err != nil {
						t.Errorf("UpdateUser: %v", err)
						return
					}
				}
			})
		}
		wg.Wait()
		got, err := replicas[2].User(ctx, n.Instance.ID, u.ID)
		if err != nil {
			t.Fatalf("User: %v", err)
		}
		if want := strconv.Itoa(perReplica * len(replicas)); got.DirectoryUserID != want {
			t.Fatalf("counter = %s after %s increments, want %s", got.DirectoryUserID, want, want)
		}
	})
}

// TestQueriesAreIndexRangeScans checks that a ListUsers page is a range
// scan of the primary key in order (keyset pagination: no sort, no offset),
// and that the lower-cased name columns can answer STARTS_WITH
// (LIKE 'prefix%') with an index range scan whatever the database's
// collation.
func TestQueriesAreIndexRangeScans(t *testing.T) {
	db := newDatabase(t)
	db.open(t)
	ctx := t.Context()
	tx, err := db.admin.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	// On an empty table the planner prefers a sequential scan; forbid it
	// to see whether an index can serve the query at all.
	if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off; SET LOCAL search_path = `+db.schema); err != nil {
		t.Fatal(err)
	}
	explain := func(t *testing.T, query string) []string {
		t.Helper()
		rows, err := tx.Query(ctx, `EXPLAIN `+query)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, line)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return plan
	}

	t.Run("ListUsersPage", func(t *testing.T) {
		plan := explain(t, userSelect+` WHERE u.instance_id = 'i' AND u.id > 'x' ORDER BY u.id LIMIT 1001`)
		text := strings.Join(plan, "\n")
		if len(plan) < 3 || !strings.HasPrefix(plan[0], "Limit") || !strings.Contains(plan[1], "Index Scan using users_pkey") ||
			!strings.Contains(plan[2], "Index Cond: ((instance_id = 'i'::text) AND (id > 'x'::text))") {
			t.Fatalf("plan of a ListUsers page is not an ordered range scan of users_pkey:\n%s", text)
		}
	})
	for _, column := range []string{"username_key", "first_name_key", "last_name_key"} {
		t.Run("StartsWith_"+column, func(t *testing.T) {
			plan := explain(t, `SELECT id FROM users WHERE instance_id = 'i' AND `+column+` LIKE 'ab%' ORDER BY `+column+`, id LIMIT 10`)
			text := strings.Join(plan, "\n")
			if !strings.Contains(text, "Index Cond") || !strings.Contains(text, column+" >= 'ab'") || !strings.Contains(text, column+" < 'ac'") {
				t.Fatalf("plan of a %s prefix search is not an index range scan:\n%s", column, text)
			}
		})
	}
}

// TestDeleteInstanceWhileCreatingUsers deletes an instance while users are
// being created in it on other replicas: every CreateUser either succeeds
// before the delete or finds the instance gone (KindNotFound), and nothing
// of the instance is left behind.
func TestDeleteInstanceWhileCreatingUsers(t *testing.T) {
	db := newDatabase(t)
	replicas := []*Store{db.open(t), db.open(t)}
	ctx := t.Context()
	n := newInstance(t, replicas[0], "doomed")

	const workers = 4
	var (
		wg       sync.WaitGroup
		created  = make(chan struct{}, workers)
		mu       sync.Mutex
		outcomes = map[string]int{}
	)
	for w := range workers {
		wg.Go(func() {
			s := replicas[w%len(replicas)]
			for i := 0; ; i++ {
				err := s.CreateUser(ctx, newUser(n, fmt.Sprintf("w%d-u%d", w, i)), "")
				outcome := "ok"
				if err != nil {
					outcome = connectlite.KindOf(err).String()
				}
				mu.Lock()
				outcomes[outcome]++
				mu.Unlock()
				switch {
				case err == nil:
					select {
					case created <- struct{}{}:
					default:
					}
				case connectlite.KindOf(err) == connectlite.KindNotFound:
					return // the instance is gone
				default:
					t.Errorf("CreateUser during DeleteInstance: %v (kind %v), want success or NotFound", err, connectlite.KindOf(err))
					return
				}
			}
		})
	}
	for range workers {
		<-created // some users exist before the delete
	}
	if err := replicas[1].DeleteInstance(ctx, n.Instance.ID); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	wg.Wait()
	t.Logf("CreateUser outcomes: %v", outcomes)

	for _, table := range []string{"users", "user_security_profiles", "user_tags", "security_profiles",
		"routing_profiles", "routing_profile_queues", "queues", "hours_of_operation"} {
		var left int
		err := db.admin.QueryRow(ctx, `SELECT count(*) FROM `+db.schema+`.`+table+` WHERE instance_id = $1`, n.Instance.ID).Scan(&left)
		if err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		if left != 0 {
			t.Errorf("%d rows of the deleted instance left in %s", left, table)
		}
	}
}

// TestUserInHierarchyGroup covers what the Store interface cannot create
// yet: a hierarchy group, inserted here with SQL. A user may reference it,
// reads it back, and the database refuses to delete the group while the
// user is in it.
func TestUserInHierarchyGroup(t *testing.T) {
	db := newDatabase(t)
	s := db.open(t)
	ctx := t.Context()
	n := newInstance(t, s, "hierarchy")
	group := newID()
	if _, err := db.admin.Exec(ctx, `INSERT INTO `+db.schema+`.hierarchy_groups (instance_id, id, name, name_key,
		level, path, tags, last_modified_time, last_modified_region)
		VALUES ($1, $2, 'Tier 1', 'tier 1', 1, $2, '{}', now(), 'us-west-2')`, n.Instance.ID, group); err != nil {
		t.Fatalf("insert hierarchy group: %v", err)
	}

	u := newUser(n, "grouped")
	u.HierarchyGroupID = group
	if err := s.CreateUser(ctx, u, ""); err != nil {
		t.Fatalf("CreateUser in group: %v", err)
	}
	got, err := s.User(ctx, n.Instance.ID, u.ID)
	if err != nil {
		t.Fatalf("User: %v", err)
	}
	if got.HierarchyGroupID != group {
		t.Fatalf("HierarchyGroupID = %q, want %q", got.HierarchyGroupID, group)
	}

	_, err = db.admin.Exec(ctx, `DELETE FROM `+db.schema+`.hierarchy_groups WHERE instance_id = $1 AND id = $2`, n.Instance.ID, group)
	if code := sqlState(err); code != codeForeignKeyViolation {
		t.Fatalf("deleting a group in use: err %v, want a foreign key violation", err)
	}

	// Leaving the group frees it.
	if _, err := s.UpdateUser(ctx, n.Instance.ID, u.ID, func(u *connectlite.User) error {
		u.HierarchyGroupID = ""
		return nil
	}); err != nil {
		t.Fatalf("UpdateUser(leave group): %v", err)
	}
	if _, err := db.admin.Exec(ctx, `DELETE FROM `+db.schema+`.hierarchy_groups WHERE instance_id = $1 AND id = $2`, n.Instance.ID, group); err != nil {
		t.Fatalf("deleting the group no one is in: %v", err)
	}
	if err := s.DeleteInstance(ctx, n.Instance.ID); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
}
