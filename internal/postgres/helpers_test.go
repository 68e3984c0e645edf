package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/jackc/pgx/v5"
)

// serverEnv names the variable that points the tests at another server.
const serverEnv = "CONNECTLITE_TEST_POSTGRES"

// serverURL is the server the tests use: $CONNECTLITE_TEST_POSTGRES, or the
// one every machine of the project runs.
func serverURL() string {
	if u := os.Getenv(serverEnv); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// admin connects to the test server outside any store. Without a server
// the test is skipped, except in CI (CI set), where it fails.
func admin(t *testing.T) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, serverURL())
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL at %s (set %s to change): %v", serverURL(), serverEnv, err)
		}
		t.Skipf("no PostgreSQL at %s (set %s to change; CI fails here): %v", serverURL(), serverEnv, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// database is a fresh schema of the test server, dropped when the test ends.
type database struct {
	admin   *pgx.Conn
	schema  string
	appName string // application_name of the stores opened on it
}

// newDatabase reserves a schema named test_<random>; the first Open creates
// it.
func newDatabase(t *testing.T) *database {
	t.Helper()
	conn := admin(t)
	suffix := randomHex(t, 8)
	db := &database{admin: conn, schema: "test_" + suffix, appName: "connectlite_test_" + suffix}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, `DROP SCHEMA IF EXISTS `+db.schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", db.schema, err)
		}
	})
	return db
}

func randomHex(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// url returns the URL of the schema with a small pool, the connections
// named db.appName, and extra options.
func (db *database) url(t *testing.T, extra url.Values) string {
	t.Helper()
	return withOptions(t, serverURL(), db.schema, db.appName, extra)
}

func withOptions(t *testing.T, server, schema, appName string, extra url.Values) string {
	t.Helper()
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("parse %s: %v", server, err)
	}
	q := u.Query()
	q.Set("schema", schema)
	q.Set("application_name", appName)
	q.Set("pool_max_conns", "4")
	for k, vs := range extra {
		q[k] = vs
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// open opens a store on the schema, closed when the test ends.
func (db *database) open(t *testing.T) *Store {
	t.Helper()
	return mustOpen(t, db.url(t, nil))
}

func mustOpen(t *testing.T, u string) *Store {
	t.Helper()
	s, err := Open(t.Context(), u, testLogger(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// testLogger writes the store's warnings and errors to the test log.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(p))
	return len(p), nil
}

// newInstance stores an instance with its default resources.
func newInstance(t *testing.T, s connectlite.Store, alias string) *connectlite.NewInstance {
	t.Helper()
	n := connectlite.BuildNewInstance(connectlite.Instance{
		AccountID: "123456789012", Region: "us-west-2", IdentityManagementType: connectlite.IdentityConnectManaged,
		Alias: alias, InboundCallsEnabled: true, CreatedTime: time.Now(),
	}, connectlite.IDs{}, newID)
	if err := s.CreateInstance(t.Context(), n); err != nil {
		t.Fatalf("CreateInstance(%s): %v", alias, err)
	}
	return n
}

// newUser returns a minimal valid user of the instance (not yet stored).
func newUser(n *connectlite.NewInstance, username string) *connectlite.User {
	return &connectlite.User{
		InstanceID:         n.Instance.ID,
		ID:                 newID(),
		Username:           username,
		PhoneConfig:        connectlite.PhoneConfig{PhoneType: connectlite.PhoneTypeSoft},
		SecurityProfileIDs: []string{n.SecurityProfiles[0].ID},
		RoutingProfileID:   n.RoutingProfiles[0].ID,
		LastModifiedTime:   time.Now(),
		LastModifiedRegion: n.Instance.Region,
	}
}

// newID returns a random lowercase UUID (version 4).
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return fmt.Sprintf("%s-%s-%s-%s-%s", h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])
}

// allUserIDs pages through ListUsers and returns every id.
func allUserIDs(t *testing.T, s connectlite.Store, instanceID string) []string {
	t.Helper()
	var ids []string
	after := ""
	for {
		page, next, err := s.ListUsers(t.Context(), instanceID, connectlite.PageRequest{Limit: 1000, After: after})
		if err != nil {
			t.Fatalf("ListUsers(after %q): %v", after, err)
		}
		for _, u := range page {
			ids = append(ids, u.ID)
		}
		if next == "" {
			return ids
		}
		after = next
	}
}
