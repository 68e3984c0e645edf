package e2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/jackc/pgx/v5"
)

// These tests run several `connectlite serve` replicas on one PostgreSQL
// schema, as issue 7 deploys them. Every test has a schema and an
// application_name of its own, so the connections it kills and the data it
// reads are never another test's.

// pgServerEnv points the tests at another PostgreSQL server; the store's
// own tests read the same variable.
const pgServerEnv = "CONNECTLITE_TEST_POSTGRES"

// pgRestartEnv enables the part of TestReplicasSurviveDatabaseRestart that
// restarts the PostgreSQL cluster itself; see that test.
const pgRestartEnv = "CONNECTLITE_TEST_PG_RESTART"

// pgServerURL is $CONNECTLITE_TEST_POSTGRES or the server every machine of
// the project runs.
func pgServerURL() string {
	if u := os.Getenv(pgServerEnv); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// pgSchema is a fresh schema of the test server that replicas share.
type pgSchema struct {
	admin   *pgx.Conn
	name    string // test_<random>
	appName string // the application_name of every replica's connections
}

// newPGSchema connects to the test server and reserves a schema named
// test_<random>, dropped when the test ends; the first replica creates it.
// Without a server the test is skipped, except in CI, where it fails.
func newPGSchema(t *testing.T) *pgSchema {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, pgServerURL())
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set and PostgreSQL at %s does not answer (set %s to use another): %v", pgServerURL(), pgServerEnv, err)
		}
		t.Skipf("skipping outside CI: no PostgreSQL at %s (set %s to use another): %v", pgServerURL(), pgServerEnv, err)
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	suffix := hex.EncodeToString(b[:])
	db := &pgSchema{admin: conn, name: "test_" + suffix, appName: "connectlite_e2e_" + suffix}
	// Registered first, so it runs after the replicas (registered later)
	// have stopped.
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.admin.Exec(ctx, `DROP SCHEMA IF EXISTS `+db.name+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", db.name, err)
		}
		db.admin.Close(ctx)
	})
	return db
}

// storeURL is the --store value of every replica on the schema.
func (db *pgSchema) storeURL(t *testing.T) string {
	t.Helper()
	u, err := url.Parse(pgServerURL())
	if err != nil {
		t.Fatalf("parse %s: %v", pgServerURL(), err)
	}
	q := u.Query()
	q.Set("schema", db.name)
	q.Set("application_name", db.appName)
	q.Set("pool_max_conns", "4")
	u.RawQuery = q.Encode()
	return u.String()
}

// terminate ends every server connection of the schema's replicas and
// returns how many there were.
func (db *pgSchema) terminate(ctx context.Context, t *testing.T) int {
	t.Helper()
	var n int
	err := db.admin.QueryRow(ctx, `SELECT count(*) FROM (
		SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) AS t`,
		db.appName).Scan(&n)
	if err != nil {
		t.Fatalf("terminate backends: %v", err)
	}
	return n
}

// startReplicas starts n replicas on the schema at the same moment, as a
// deployment does; their migrations must queue, not collide.
func startReplicas(t *testing.T, db *pgSchema, n int) []*server {
	t.Helper()
	flags := []string{"--store", db.storeURL(t), "--bcrypt-cost", "4"}
	replicas := make([]*server, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range replicas {
		dir := t.TempDir()
		wg.Go(func() { replicas[i], errs[i] = launch(dir, flags...) })
	}
	wg.Wait()
	for _, s := range replicas {
		if s != nil {
			s.cleanup(t)
		}
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("start %d replicas: %v", n, err)
	}
	return replicas
}

// samlUser returns a CreateUser request for a SAML instance: no password,
// so no bcrypt, so thousands of them are cheap.
func samlUser(inst, username, secProfile, routing string) *connect.CreateUserInput {
	in := basicUser(inst, username, secProfile, routing)
	in.Password = nil
	return in
}

// TestReplicasShareOneDatabase starts 3 replicas on one schema and sends
// them 2,000 CreateUser calls at once: 1,800 distinct usernames plus 200
// repeats, each repeat racing its original on another replica. Exactly the
// 1,800 win, every repeat gets DuplicateResourceException, and ListUsers,
// its pages fetched from the replicas in turn with each other's
// NextToken, returns every user exactly once.
func TestReplicasShareOneDatabase(t *testing.T) {
	t.Parallel()
	db := newPGSchema(t)
	ctx := t.Context()
	const (
		region     = "eu-central-1"
		distinct   = 1800
		calls      = 2000
		inFlight   = 32
		pageSize   = 100
		callBudget = 30 * time.Second // per call: generous under -race on 2 cores
	)
	replicas := startReplicas(t, db, 3)
	clients := make([]*connect.Client, len(replicas))
	for i, s := range replicas {
		clients[i] = newClient(s, region)
	}
	inst := createInstance(ctx, t, clients[0], types.DirectoryTypeSaml)
	sec, routing := instanceProfiles(ctx, t, clients[1], inst)

	// 100 names are sent twice and 50 three times: 200 repeats. The copies
	// of one name go to different replicas and are released together.
	var groups [][]string // each: one username, once per copy
	for i := range distinct {
		name := fmt.Sprintf("agent%04d.%s", i, strings.Repeat("x", i%7))
		copies := 1
		switch {
		case i%18 == 0: // 100 names
			copies = 2
		case i%36 == 1: // 50 names
			copies = 3
		}
		groups = append(groups, slices.Repeat([]string{name}, copies))
	}
	shuffle(t, groups)
	if n := countCalls(groups); n != calls {
		t.Fatalf("test bug: %d calls planned, want %d", n, calls)
	}

	type result struct {
		replica  int
		username string
		id       string
		err      error
	}
	var (
		mu      sync.Mutex
		results []result
		sem     = make(chan struct{}, inFlight)
		wg      sync.WaitGroup
		next    int // replica of the next group's first copy
	)
	started := time.Now()
	for _, g := range groups {
		// Only this loop acquires, so taking a group's slots one by one
		// cannot deadlock, and at most inFlight calls are ever in flight.
		for range g {
			sem <- struct{}{}
		}
		release := make(chan struct{})
		for k, name := range g {
			r := (next + k) % len(clients)
			wg.Go(func() {
				defer func() { <-sem }()
				<-release
				callCtx, cancel := context.WithTimeout(ctx, callBudget)
				defer cancel()
				out, err := clients[r].CreateUser(callCtx, samlUser(inst, name, sec["Agent"], routing))
				res := result{replica: r, username: name, err: err}
				if err == nil {
					res.id = aws.ToString(out.UserId)
				}
				mu.Lock()
				results = append(results, res)
				mu.Unlock()
			})
		}
		close(release)
		next = (next + 1) % len(clients)
	}
	wg.Wait()
	t.Logf("%d CreateUser calls over %d replicas in %v", len(results), len(replicas), time.Since(started).Round(time.Millisecond))

	winners := map[string]string{} // username -> id
	perReplica := make([]int, len(replicas))
	dups := 0
	for _, r := range results {
		var dup *types.DuplicateResourceException
		switch {
		case r.err == nil:
			if prev, ok := winners[r.username]; ok {
				t.Errorf("CreateUser %s succeeded twice: ids %s and %s", r.username, prev, r.id)
			}
			winners[r.username] = r.id
			perReplica[r.replica]++
		case errors.As(r.err, &dup) && httpStatus(r.err) == 409:
			dups++
		default:
			t.Errorf("CreateUser %s on replica %d: %v (status %d), want success or DuplicateResourceException 409",
				r.username, r.replica, r.err, httpStatus(r.err))
		}
	}
	if len(winners) != distinct || dups != calls-distinct {
		t.Fatalf("%d calls: %d distinct usernames created and %d DuplicateResourceException, want %d and %d",
			calls, len(winners), dups, distinct, calls-distinct)
	}
	for i, n := range perReplica {
		if n == 0 {
			t.Errorf("replica %d created no user: the load was not spread", i)
		}
	}

	// Every username exists exactly once, with the id its creator got.
	all := map[string]int{}
	p := connect.NewListUsersPaginator(clients[2], &connect.ListUsersInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListUsers: %v", err)
		}
		for _, u := range page.UserSummaryList {
			name := aws.ToString(u.Username)
			all[name]++
			if want, ok := winners[name]; !ok {
				t.Errorf("ListUsers has %s (%s), which no call created", name, aws.ToString(u.Id))
			} else if got := aws.ToString(u.Id); got != want {
				t.Errorf("ListUsers: %s has id %s, want %s (the id CreateUser returned)", name, got, want)
			}
		}
	}
	for name := range winners {
		if all[name] != 1 {
			t.Errorf("ListUsers lists %s %d times, want once", name, all[name])
		}
	}

	// Pages fetched from the replicas in turn: each replica continues
	// where another left off.
	seen := map[string]int{} // id -> page
	token := ""
	pages := 0
	for {
		r := pages % len(clients)
		in := &connect.ListUsersInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(pageSize)}
		if token != "" {
			in.NextToken = aws.String(token)
		}
		out, err := clients[r].ListUsers(ctx, in)
		if err != nil {
			t.Fatalf("ListUsers page %d on replica %d (token from replica %d): %v", pages+1, r, (pages+len(clients)-1)%len(clients), err)
		}
		pages++
		if len(out.UserSummaryList) > pageSize {
			t.Fatalf("page %d has %d users, want at most %d", pages, len(out.UserSummaryList), pageSize)
		}
		for _, u := range out.UserSummaryList {
			id := aws.ToString(u.Id)
			if p, ok := seen[id]; ok {
				t.Errorf("user %s (%s) is on page %d and again on page %d", id, aws.ToString(u.Username), p, pages)
			}
			seen[id] = pages
		}
		token = aws.ToString(out.NextToken)
		if token == "" {
			break
		}
		if pages > distinct {
			t.Fatalf("ListUsers returned a NextToken on page %d: it never ends", pages)
		}
	}
	if len(seen) != distinct {
		t.Errorf("alternating pages listed %d users, want %d", len(seen), distinct)
	}
	for name, id := range winners {
		if _, ok := seen[id]; !ok {
			t.Errorf("alternating pages miss %s (%s)", name, id)
		}
	}
	if pages < len(clients) {
		t.Errorf("only %d pages: not every replica served one", pages)
	}
}

// shuffle puts groups in a random order.
func shuffle(t *testing.T, groups [][]string) {
	t.Helper()
	for i := len(groups) - 1; i > 0; i-- {
		j, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			t.Fatal(err)
		}
		groups[i], groups[j.Int64()] = groups[j.Int64()], groups[i]
	}
}

func countCalls(groups [][]string) int {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	return n
}

// retryableError reports whether err is an error an AWS SDK retries by
// itself: InternalServiceException (500) or ThrottlingException.
func retryableError(err error) bool {
	var (
		ise *types.InternalServiceException
		thr *types.ThrottlingException
	)
	return errors.As(err, &ise) && httpStatus(err) == 500 || errors.As(err, &thr)
}

// faultLoad is a steady CreateUser load on a set of replicas that tolerates
// retryable errors and records what was acknowledged.
type faultLoad struct {
	t       *testing.T
	inst    string
	sec     string
	routing string
	clients []*connect.Client
	prefix  string

	seq       atomic.Int64
	ackCount  atomic.Int64
	retryable atomic.Int64
	progress  chan struct{}
	stop      chan struct{}
	wg        sync.WaitGroup

	mu    sync.Mutex
	acked map[string]ack // user id -> who acknowledged it
}

type ack struct {
	username string
	replica  int
}

// loadCallBudget bounds every call of the load: a replica that hangs on a
// dead connection fails the test instead of stalling it.
const loadCallBudget = 15 * time.Second

// startLoad starts workers goroutines, worker w sending to replica
// w % len(clients), until stopAndWait.
func startLoad(ctx context.Context, t *testing.T, clients []*connect.Client, inst, sec, routing, prefix string, workers int) *faultLoad {
	l := &faultLoad{
		t: t, inst: inst, sec: sec, routing: routing, clients: clients, prefix: prefix,
		progress: make(chan struct{}, 1), stop: make(chan struct{}), acked: map[string]ack{},
	}
	for w := range workers {
		r := w % len(clients)
		l.wg.Go(func() { l.work(ctx, r) })
	}
	return l
}

func (l *faultLoad) work(ctx context.Context, r int) {
	for {
		select {
		case <-l.stop:
			return
		default:
		}
		name := fmt.Sprintf("%s%05d", l.prefix, l.seq.Add(1))
		callCtx, cancel := context.WithTimeout(ctx, loadCallBudget)
		began := time.Now()
		out, err := l.clients[r].CreateUser(callCtx, samlUser(l.inst, name, l.sec, l.routing))
		cancel()
		switch {
		case err == nil:
			l.mu.Lock()
			l.acked[aws.ToString(out.UserId)] = ack{username: name, replica: r}
			l.mu.Unlock()
			l.ackCount.Add(1)
			select {
			case l.progress <- struct{}{}:
			default:
			}
		case retryableError(err):
			l.retryable.Add(1)
		default:
			l.t.Errorf("CreateUser %s on replica %d after %v: %v (status %d, code %q); want success or a retryable InternalServiceException/ThrottlingException",
				name, r, time.Since(began).Round(time.Millisecond), err, httpStatus(err), errorCode(err))
			return
		}
	}
}

// awaitAcks waits until n creates in all have been acknowledged; it gives
// up when the test has failed or the deadline passes.
func (l *faultLoad) awaitAcks(ctx context.Context, n int64) {
	l.t.Helper()
	deadline := time.NewTimer(2 * loadCallBudget)
	defer deadline.Stop()
	for l.ackCount.Load() < n && !l.t.Failed() {
		select {
		case <-l.progress:
		case <-deadline.C:
			l.t.Fatalf("only %d creates acknowledged in %v, want %d: the replicas do not recover", l.ackCount.Load(), 2*loadCallBudget, n)
		case <-ctx.Done():
			l.t.Fatal("test context ended while waiting for the load")
		}
	}
}

func (l *faultLoad) stopAndWait() {
	close(l.stop)
	l.wg.Wait()
}

// verify checks that both replicas serve again and that every acknowledged
// user can be read through a replica other than the one that acknowledged
// it.
func (l *faultLoad) verify(ctx context.Context) {
	t := l.t
	t.Helper()
	for r, c := range l.clients {
		name := fmt.Sprintf("%safter%d", l.prefix, r)
		if _, err := c.CreateUser(ctx, samlUser(l.inst, name, l.sec, l.routing)); err != nil {
			t.Errorf("CreateUser %s on replica %d after the faults: %v (it must recover without a restart)", name, r, err)
		}
	}
	l.mu.Lock()
	acked := l.acked
	l.mu.Unlock()
	type job struct {
		id string
		a  ack
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for j := range jobs {
				other := (j.a.replica + 1) % len(l.clients)
				d, err := l.clients[other].DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(l.inst), UserId: aws.String(j.id)})
				if err != nil {
					t.Errorf("acknowledged user %s (%s, by replica %d) on replica %d: %v", j.a.username, j.id, j.a.replica, other, err)
					continue
				}
				if got := aws.ToString(d.User.Username); got != j.a.username {
					t.Errorf("user %s: Username = %q, want %q", j.id, got, j.a.username)
				}
			}
		})
	}
	for id, a := range acked {
		jobs <- job{id, a}
	}
	close(jobs)
	wg.Wait()
}

// TestReplicasSurviveDatabaseRestart runs 2 replicas under a steady
// CreateUser load and terminates all their PostgreSQL connections several
// times mid-load (what a failover or an administrator does). Calls may fail
// only with a retryable error and within a deadline; afterwards both
// replicas serve again without a restart, and every acknowledged user is
// there, read through the other replica.
//
// With CONNECTLITE_TEST_PG_RESTART=1, the subtest Restart also restarts the
// PostgreSQL cluster (pg_ctlcluster) mid-load. That interrupts every other
// user of the server, so it is off by default and skipped when any other
// client is connected.
func TestReplicasSurviveDatabaseRestart(t *testing.T) {
	t.Parallel()
	db := newPGSchema(t)
	ctx := t.Context()
	const (
		region  = "ap-southeast-2"
		workers = 6
		kills   = 5
		perKill = 80 // acknowledged creates before each kill
	)
	replicas := startReplicas(t, db, 2)
	clients := []*connect.Client{newClient(replicas[0], region), newClient(replicas[1], region)}
	inst := createInstance(ctx, t, clients[0], types.DirectoryTypeSaml)
	sec, routing := instanceProfiles(ctx, t, clients[1], inst)

	started := time.Now()
	load := startLoad(ctx, t, clients, inst, sec["Agent"], routing, "kill", workers)
	killed := 0
	for k := 1; k <= kills && !t.Failed(); k++ {
		load.awaitAcks(ctx, int64(k*perKill))
		killed += db.terminate(ctx, t)
	}
	// Let the load run into the broken connections of the last kill.
	load.awaitAcks(ctx, int64((kills+1)*perKill))
	load.stopAndWait()
	if t.Failed() {
		return
	}
	if killed == 0 {
		t.Fatal("terminated no connection: the replicas' application_name does not reach the server")
	}
	t.Logf("%d kills ended %d connections; %d creates acknowledged, %d answered with a retryable error, in %v",
		kills, killed, load.ackCount.Load(), load.retryable.Load(), time.Since(started).Round(time.Millisecond))
	load.verify(ctx)

	t.Run("Restart", func(t *testing.T) {
		if os.Getenv(pgRestartEnv) != "1" {
			t.Skipf("set %s=1 to also restart the PostgreSQL cluster: it interrupts every other user of the server", pgRestartEnv)
		}
		restart := pgRestartCommand(t)
		if others := otherClients(ctx, t, db); len(others) > 0 {
			t.Skipf("not restarting PostgreSQL: other clients are connected: %s", strings.Join(others, ", "))
		}
		ctx := t.Context()
		started := time.Now()
		load := startLoad(ctx, t, clients, inst, sec["Agent"], routing, "restart", workers)
		load.awaitAcks(ctx, perKill)
		out, err := exec.CommandContext(ctx, restart[0], restart[1:]...).CombinedOutput()
		if err != nil {
			load.stopAndWait()
			t.Fatalf("%s: %v\n%s", strings.Join(restart, " "), err, out)
		}
		if err := db.reconnect(ctx); err != nil {
			load.stopAndWait()
			t.Fatalf("reconnect after the restart: %v", err)
		}
		load.awaitAcks(ctx, load.ackCount.Load()+perKill)
		load.stopAndWait()
		if t.Failed() {
			return
		}
		t.Logf("PostgreSQL restarted; %d creates acknowledged, %d answered with a retryable error, in %v",
			load.ackCount.Load(), load.retryable.Load(), time.Since(started).Round(time.Millisecond))
		load.verify(ctx)
	})
}

// pgRestartCommand returns the pg_ctlcluster command that restarts the
// local cluster, or skips when there is none to restart.
func pgRestartCommand(t *testing.T) []string {
	t.Helper()
	if os.Getenv(pgServerEnv) != "" {
		t.Skipf("not restarting PostgreSQL: %s points at another server", pgServerEnv)
	}
	ctl, err := exec.LookPath("pg_ctlcluster")
	if err != nil {
		t.Skipf("not restarting PostgreSQL: pg_ctlcluster is not on PATH: %v", err)
	}
	versions, err := filepath.Glob("/etc/postgresql/*/main")
	if err != nil || len(versions) != 1 {
		t.Skipf("not restarting PostgreSQL: want exactly one cluster in /etc/postgresql/*/main, found %v (%v)", versions, err)
	}
	version := filepath.Base(filepath.Dir(versions[0]))
	return []string{ctl, "--skip-systemctl-redirect", version, "main", "restart"}
}

// otherClients lists the client connections to the server that belong
// neither to this test's replicas nor to its admin connection.
func otherClients(ctx context.Context, t *testing.T, db *pgSchema) []string {
	t.Helper()
	rows, _ := db.admin.Query(ctx, `SELECT coalesce(nullif(application_name, ''), '(unnamed)') || ' pid ' || pid
		FROM pg_stat_activity
		WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name <> $1`, db.appName)
	others, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatalf("list clients: %v", err)
	}
	return others
}

// reconnect replaces the admin connection after a server restart broke it,
// waiting until the server accepts connections again.
func (db *pgSchema) reconnect(ctx context.Context) error {
	db.admin.Close(ctx)
	deadline := time.Now().Add(30 * time.Second)
	for {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		conn, err := pgx.Connect(cctx, pgServerURL())
		cancel()
		if err == nil {
			db.admin = conn
			return nil
		}
		if time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond): // polling a restarting server: no event to await
		}
	}
}
