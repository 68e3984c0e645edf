package bench

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/awsmodel"
	"github.com/connectlite/connectlite/internal/httpapi"
	"github.com/connectlite/connectlite/internal/password"
	"github.com/connectlite/connectlite/internal/sqlite"
)

// The smoke tests run the load generator for a moment against the ceiling
// and against connectlite on the embedded store, both in process, so that
// the harness cannot rot: they assert only that every call succeeds.

var testKeys = map[string]string{"test": "test"}

func newTestClient(t *testing.T, url string, conns int) *Client {
	t.Helper()
	c := NewClient(url, "us-west-2", "test", "test", conns)
	t.Cleanup(c.Close)
	return c
}

// startConnectlite serves connectlite on a fresh embedded store, wired as
// serve wires it, with the cheapest bcrypt cost.
func startConnectlite(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "connectlite.db"), nil)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	key, err := st.TokenKey(ctx)
	if err != nil {
		t.Fatalf("TokenKey: %v", err)
	}
	hasher, err := password.New(password.Options{Cost: 4})
	if err != nil {
		t.Fatalf("password.New: %v", err)
	}
	model, err := awsmodel.Load()
	if err != nil {
		t.Fatalf("awsmodel.Load: %v", err)
	}
	srv := &httpapi.Server{
		Service: &connectlite.Service{Store: st, Hasher: hasher, Now: time.Now, NewID: connectlite.NewID,
			AccountID: "123456789012", Tokens: &connectlite.TokenCodec{Key: key}},
		Model: model,
		Auth:  testKeys,
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

func checkRun(t *testing.T, r *Result, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("Run %s: %v", r.Name, err)
	}
	if r.Total.OK == 0 || r.Total.UnexpectedErrors != 0 || r.Dropped != 0 {
		t.Fatalf("Run %s: %d ok, %d unexpected errors (%s), %d dropped; want some ok, no error",
			r.Name, r.Total.OK, r.Total.UnexpectedErrors, FormatErrors(r.Total.Errors), r.Dropped)
	}
}

func TestSmokeCeiling(t *testing.T) {
	ts := httptest.NewServer(NewCeiling(testKeys, nil))
	t.Cleanup(ts.Close)
	c := newTestClient(t, ts.URL, 4)
	f := NewFixture()
	f.SAML = &Instance{ID: newUUID(), SecurityProfileID: newUUID(), RoutingProfileID: newUUID()}
	f.AddUser(newUUID())
	ctx := context.Background()
	for _, tt := range []struct {
		name, op string
		opts     Options
	}{
		{"ClosedLoopCreateUser", OpCreateUser, Options{Clients: 4, Requests: 200}},
		{"ClosedLoopDescribeUser", OpDescribeUser, Options{Clients: 4, Duration: 200 * time.Millisecond, Warmup: 50 * time.Millisecond}},
		{"OpenLoopCreateUser", OpCreateUser, Options{Clients: 4, Rate: 200, Duration: 250 * time.Millisecond}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			op, err := f.NewOp(tt.op, "")
			if err != nil {
				t.Fatal(err)
			}
			r, err := Run(ctx, c, tt.name, op, tt.opts)
			checkRun(t, r, err)
			if tt.opts.Requests > 0 && r.Total.OK != tt.opts.Requests {
				t.Errorf("%d calls succeeded, want exactly %d", r.Total.OK, tt.opts.Requests)
			}
		})
	}
}

func TestSmokeCeilingRejectsBadSignature(t *testing.T) {
	ts := httptest.NewServer(NewCeiling(testKeys, nil))
	t.Cleanup(ts.Close)
	c := NewClient(ts.URL, "us-west-2", "test", "wrong", 1)
	t.Cleanup(c.Close)
	f := NewFixture()
	f.SAML = &Instance{ID: newUUID(), SecurityProfileID: newUUID(), RoutingProfileID: newUUID()}
	op, _ := f.NewOp(OpCreateUser, "")
	err := Probe(context.Background(), c, op)
	if err == nil {
		t.Fatal("Probe with a wrong secret succeeded, want a 403")
	}
}

func TestSmokeConnectlite(t *testing.T) {
	c := newTestClient(t, startConnectlite(t), 4)
	ctx := context.Background()
	f := NewFixture()
	if err := f.Setup(ctx, c, true); err != nil {
		t.Fatalf("Setup: %v", err)
	}
	r, err := f.Seed(ctx, c, 50, 4, 0)
	checkRun(t, r, err)
	if got := f.Users(); got != 50 {
		t.Fatalf("seeded %d users, want 50", got)
	}
	f.ListPage = 20
	for _, op := range []string{OpCreateUser, OpCreateUserPassword, OpDescribeUser, OpUpdateIdentityInfo, OpListUsers, OpMix} {
		t.Run(op, func(t *testing.T) {
			o, err := f.NewOp(op, "")
			if err != nil {
				t.Fatal(err)
			}
			r, err := Run(ctx, c, op, o, Options{Clients: 2, Requests: 20})
			checkRun(t, r, err)
		})
	}
	t.Run(OpSearchUsers, func(t *testing.T) {
		// Until the server serves SearchUsers, the run must refuse cleanly
		// with the server's answer rather than count errors.
		o, err := f.NewOp(OpSearchUsers, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := Probe(ctx, c, o); err != nil {
			t.Skipf("SearchUsers not served yet: %v", err)
		}
		if err := f.CheckReads(ctx, c, true); err != nil {
			t.Fatal(err)
		}
		r, err := Run(ctx, c, OpSearchUsers, o, Options{Clients: 2, Requests: 20})
		checkRun(t, r, err)
	})
}
