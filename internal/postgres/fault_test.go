package postgres

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestKilledConnectionsMidLoad terminates the store's server connections
// (pg_terminate_backend, what an administrator or a failover does) several
// times while users are being created. Every call must succeed or fail with
// KindUnavailable, the store must recover without being reopened, and every
// acknowledged create must be there afterwards.
func TestKilledConnectionsMidLoad(t *testing.T) {
	db := newDatabase(t)
	s := db.open(t)
	ctx := t.Context()
	n := newInstance(t, s, "killed")

	const (
		workers = 6
		kills   = 3
		perKill = 40 // acknowledged creates between kills
	)
	var (
		acked       sync.Map // id -> username
		ackedCount  atomic.Int64
		unavailable atomic.Int64
		seq         atomic.Int64
		progress    = make(chan struct{}, 1)
		stop        = make(chan struct{})
		wg          sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				u := newUser(n, "load"+strconv.FormatInt(seq.Add(1), 10))
				err := s.CreateUser(ctx, u, "")
				switch connectlite.KindOf(err) {
				case connectlite.KindInternal:
					if err != nil {
						t.Errorf("CreateUser(%s): %v; want success or KindUnavailable", u.Username, err)
						return
					}
					acked.Store(u.ID, u.Username)
					ackedCount.Add(1)
					select {
					case progress <- struct{}{}:
					default:
					}
				case connectlite.KindUnavailable:
					unavailable.Add(1)
				default:
					t.Errorf("CreateUser(%s): %v (kind %v); want success or KindUnavailable", u.Username, err, connectlite.KindOf(err))
					return
				}
			}
		})
	}

	killed := 0
	for k := 1; k <= kills && !t.Failed(); k++ {
		for ackedCount.Load() < int64(k*perKill) && !t.Failed() {
			select {
			case <-progress:
			case <-ctx.Done():
				t.Fatal("test context ended while waiting for progress")
			}
		}
		killed += terminate(t, db)
	}
	close(stop)
	wg.Wait()
	if t.Failed() {
		return
	}
	if killed == 0 {
		t.Fatal("terminated no connection: application_name does not reach the server")
	}
	t.Logf("%d creates acknowledged, %d answered Unavailable, %d connections terminated",
		ackedCount.Load(), unavailable.Load(), killed)

	// Recovered by itself: the next calls succeed on the same store.
	after := newUser(n, "after-the-storm")
	if err := s.CreateUser(ctx, after, ""); err != nil {
		t.Fatalf("CreateUser after the kills: %v", err)
	}
	acked.Store(after.ID, after.Username)

	present := allUserIDs(t, s, n.Instance.ID)
	acked.Range(func(id, username any) bool {
		if _, ok := slices.BinarySearch(present, id.(string)); !ok {
			t.Errorf("acknowledged user %s (%s) is missing", username, id)
		}
		return true
	})
}

// terminate ends every server connection of the database's stores and
// returns how many there were.
func terminate(t *testing.T, db *database) int {
	t.Helper()
	var n int
	err := db.admin.QueryRow(t.Context(), `SELECT count(*) FROM (
		SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) AS t`,
		db.appName).Scan(&n)
	if err != nil {
		t.Fatalf("terminate backends: %v", err)
	}
	return n
}

// TestServerOutageIsUnavailableThenRecovers puts a proxy between the store
// and the server and takes it down, as a restart of PostgreSQL does: the
// open connections break and new ones are refused. Calls fail with
// KindUnavailable while it is down and succeed again once it is back, on
// the same store.
func TestServerOutageIsUnavailableThenRecovers(t *testing.T) {
	db := newDatabase(t)
	target, err := url.Parse(serverURL())
	if err != nil {
		t.Fatal(err)
	}
	port := target.Port()
	if port == "" {
		port = "5432"
	}
	p := newProxy(t, net.JoinHostPort(target.Hostname(), port))
	proxied := *target
	proxied.Host = p.addr()
	s := mustOpen(t, withOptions(t, proxied.String(), db.schema, db.appName, nil))
	ctx := t.Context()
	n := newInstance(t, s, "outage")
	before := newUser(n, "before")
	if err := s.CreateUser(ctx, before, ""); err != nil {
		t.Fatalf("CreateUser before the outage: %v", err)
	}

	p.setDown(true)
	err = s.CreateUser(ctx, newUser(n, "during"), "")
	if got := connectlite.KindOf(err); got != connectlite.KindUnavailable {
		t.Fatalf("CreateUser during the outage: kind %v, want Unavailable (err: %v)", got, err)
	}
	_, err = s.User(ctx, n.Instance.ID, before.ID)
	if got := connectlite.KindOf(err); got != connectlite.KindUnavailable {
		t.Fatalf("User during the outage: kind %v, want Unavailable (err: %v)", got, err)
	}

	p.setDown(false)
	after := newUser(n, "after")
	if err := s.CreateUser(ctx, after, ""); err != nil {
		t.Fatalf("CreateUser after the outage: %v", err)
	}
	for _, u := range []*connectlite.User{before, after} {
		if _, err := s.User(ctx, n.Instance.ID, u.ID); err != nil {
			t.Fatalf("User(%s) after the outage: %v", u.Username, err)
		}
	}
}

// proxy forwards TCP connections to a server until it is set down; then it
// drops every connection it carries and refuses new ones.
type proxy struct {
	t      *testing.T
	ln     net.Listener
	target string

	mu    sync.Mutex
	down  bool
	conns map[net.Conn]struct{}
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{t: t, ln: ln, target: target, conns: map[net.Conn]struct{}{}}
	var wg sync.WaitGroup
	wg.Go(p.serve)
	t.Cleanup(func() {
		ln.Close()
		p.setDown(true)
		wg.Wait()
	})
	return p
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.down {
			p.mu.Unlock()
			c.Close()
			continue
		}
		p.mu.Unlock()
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		if p.down {
			p.mu.Unlock()
			c.Close()
			s.Close()
			continue
		}
		p.conns[c], p.conns[s] = struct{}{}, struct{}{}
		p.mu.Unlock()
		go pipe(c, s)
		go pipe(s, c)
	}
}

func pipe(dst, src net.Conn) {
	_, _ = io.Copy(dst, src)
	dst.Close()
	src.Close()
}

func (p *proxy) setDown(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = down
	if down {
		for c := range p.conns {
			c.Close()
		}
		clear(p.conns)
	}
}

func TestClassifyTransientFaults(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want connectlite.Kind
	}{
		{"AdminShutdown", pgError("57P01"), connectlite.KindUnavailable},
		{"CrashShutdown", pgError("57P02"), connectlite.KindUnavailable},
		{"CannotConnectNow", pgError("57P03"), connectlite.KindUnavailable},
		{"ConnectionFailure", pgError("08006"), connectlite.KindUnavailable},
		{"TooManyConnections", pgError("53300"), connectlite.KindUnavailable},
		{"SerializationFailure", pgError("40001"), connectlite.KindUnavailable},
		{"Deadlock", pgError("40P01"), connectlite.KindUnavailable},
		{"LostConnection", io.ErrUnexpectedEOF, connectlite.KindUnavailable},
		{"StatementTimeoutIsNotRetried", pgError("57014"), connectlite.KindUnavailable},
		{"LockTimeoutIsNotRetried", pgError("55P03"), connectlite.KindUnavailable},
		{"UniqueViolationIsNotTransient", pgError("23505"), connectlite.KindInternal},
		{"SyntaxErrorIsNotTransient", pgError("42601"), connectlite.KindInternal},
		{"CanceledIsNotTransient", context.Canceled, connectlite.KindInternal},
		{"DomainErrorsPassThrough", connectlite.Errorf(connectlite.KindNotFound, "gone"), connectlite.KindNotFound},
	}
	s := &Store{logger: testLogger(t)}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			err := s.retry(t.Context(), "op", func(context.Context) error {
				calls++
				return tc.err
			})
			if got := connectlite.KindOf(err); got != tc.want {
				t.Fatalf("kind = %v, want %v (err: %v)", got, tc.want, err)
			}
			wantCalls := 1
			if tc.want == connectlite.KindUnavailable && !strings.HasSuffix(tc.name, "IsNotRetried") {
				wantCalls = maxAttempts
			}
			if calls != wantCalls {
				t.Fatalf("fn ran %d times, want %d", calls, wantCalls)
			}
			if tc.want == connectlite.KindInternal && !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want it to wrap %v", err, tc.err)
			}
		})
	}
	t.Run("FailedCommitIsNotRetried", func(t *testing.T) {
		calls := 0
		err := s.retry(t.Context(), "op", func(context.Context) error {
			calls++
			return &commitError{err: io.ErrUnexpectedEOF}
		})
		if got := connectlite.KindOf(err); got != connectlite.KindUnavailable || calls != 1 {
			t.Fatalf("kind = %v after %d calls, want Unavailable after 1 (err: %v)", got, calls, err)
		}
	})
	t.Run("RefusedCommitIsRetried", func(t *testing.T) {
		calls := 0
		err := s.retry(t.Context(), "op", func(context.Context) error {
			calls++
			if calls < 3 {
				return &commitError{err: pgError("40001")}
			}
			return nil
		})
		if err != nil || calls != 3 {
			t.Fatalf("err = %v after %d calls, want nil after 3", err, calls)
		}
	})
}

func pgError(code string) error {
	return &pgconn.PgError{Severity: "ERROR", Code: code, Message: "test error " + code}
}
