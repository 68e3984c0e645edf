package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var ceilingRE = regexp.MustCompile(`(?m)^connectlite ceiling listening on (http://\S+)$`)

// ceilingWatcher collects what bench ceiling writes and reports its URL.
type ceilingWatcher struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	url  chan string
	sent bool
}

func (w *ceilingWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if m := ceilingRE.FindSubmatch(w.buf.Bytes()); m != nil && !w.sent {
		w.url <- string(m[1])
		w.sent = true
	}
	return len(p), nil
}

func (w *ceilingWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// startCeiling runs "bench ceiling" in process and returns its URL.
func startCeiling(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &ceilingWatcher{url: make(chan string, 1)}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, []string{"bench", "ceiling", "--addr", "127.0.0.1:0"}, &bytes.Buffer{}, w) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("bench ceiling: %v", err)
		}
	})
	select {
	case url := <-w.url:
		return url
	case err := <-done:
		t.Fatalf("bench ceiling exited: %v\n%s", err, w.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("bench ceiling printed no listening line:\n%s", w.String())
	}
	return ""
}

// loadJSON runs "bench load" and decodes its JSON line.
func loadJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := Run(context.Background(), append([]string{"bench", "load", "--json"}, args...), &stdout, &stderr); err != nil {
		t.Fatalf("bench load %v: %v\n%s", args, err, stderr.String())
	}
	var out map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(stdout.Bytes()), &out); err != nil {
		t.Fatalf("bench load printed %q, want one JSON line: %v", stdout.String(), err)
	}
	return out
}

// lastTotal returns the total of the last result of a bench load line.
func lastTotal(t *testing.T, out map[string]any) map[string]any {
	t.Helper()
	results, _ := out["results"].([]any)
	if len(results) == 0 {
		t.Fatalf("no results in %v", out)
	}
	total, _ := results[len(results)-1].(map[string]any)["total"].(map[string]any)
	return total
}

func TestBenchLoadCeiling(t *testing.T) {
	url := startCeiling(t)
	out := loadJSON(t, "--endpoint", url, "--ceiling", "--op", "create-user", "--clients", "2",
		"--requests", "50", "--duration", "0", "--warmup", "0")
	total := lastTotal(t, out)
	if got, want := total["ok"], float64(50); got != want {
		t.Errorf("ok = %v, want %v (total %v)", got, want, total)
	}
}

func TestBenchLoadServe(t *testing.T) {
	srv := startServe(t, "--addr", "127.0.0.1:0", "--data-dir", t.TempDir(), "--bcrypt-cost", "4", "--log-level", "warn")
	out := loadJSON(t, "--endpoint", srv.url, "--op", "mix", "--users", "30", "--clients", "2",
		"--requests", "40", "--duration", "0", "--warmup", "0", "--list-page", "10")
	if total := lastTotal(t, out); total["ok"] != float64(40) || total["unexpected_errors"] != float64(0) {
		t.Errorf("mix total = %v, want 40 ok and no unexpected error", total)
	}
}

func TestBenchRejectsBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"NoCommand", []string{"bench"}, "missing command"},
		{"UnknownCommand", []string{"bench", "fly"}, "unknown command"},
		{"NoEndpoint", []string{"bench", "load", "--endpoint", ""}, "--endpoint is required"},
		{"UnknownOp", []string{"bench", "load", "--endpoint", "http://127.0.0.1:1", "--op", "dance"}, "unknown operation"},
		{"BadMix", []string{"bench", "load", "--endpoint", "http://127.0.0.1:1", "--mix", "describe-user"}, "want op=weight"},
		{"BadStore", []string{"bench", "run", "--store", "mysql://x"}, "want a postgres:// URL"},
		{"BadKeys", []string{"bench", "ceiling", "--access-keys", "nosecret"}, "--access-keys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := Run(context.Background(), tt.args, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}
