package postgres

import (
	"net/url"
	"runtime"
	"testing"
)

// TestDefaultPoolSize checks the pool size without pool_max_conns and that
// the URL's pool_max_conns still wins.
func TestDefaultPoolSize(t *testing.T) {
	db := newDatabase(t)
	want := int32(max(16, 4*runtime.GOMAXPROCS(0)))
	// The test helpers set pool_max_conns; drop it to see the default.
	u, err := url.Parse(db.url(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Del("pool_max_conns")
	u.RawQuery = q.Encode()
	if got := mustOpen(t, u.String()).pool.Config().MaxConns; got != want {
		t.Errorf("MaxConns without pool_max_conns = %d, want %d", got, want)
	}
	if got := mustOpen(t, db.url(t, url.Values{"pool_max_conns": {"3"}})).pool.Config().MaxConns; got != 3 {
		t.Errorf("MaxConns with pool_max_conns=3 = %d, want 3", got)
	}
}
