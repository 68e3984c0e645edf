package awscli_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite/internal/awscli"
	"github.com/connectlite/connectlite/internal/awsmodel"
	"github.com/connectlite/connectlite/internal/cli"
)

// The end-to-end tests run the command line as a separate process, the way
// users run it: the test binary re-executes itself with
// CONNECTLITE_AWSCLI_MAIN=1 and then behaves as cmd/connectlite (cli.Run,
// exiting with the status the command reports).
func TestMain(m *testing.M) {
	if os.Getenv("CONNECTLITE_AWSCLI_MAIN") == "1" {
		os.Exit(commandMain(os.Args[1:]))
	}
	os.Exit(m.Run())
}

func commandMain(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := cli.Run(ctx, args, os.Stdout, os.Stderr)
	if err == nil {
		return 0
	}
	var ec interface{ ExitCode() int }
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	fmt.Fprintln(os.Stderr, "connectlite:", err)
	return 1
}

// needTool skips when a reference tool is missing, except in CI, where
// its absence fails the test.
func needTool(t *testing.T, what string, probe ...string) {
	t.Helper()
	if out, err := exec.Command(probe[0], probe[1:]...).CombinedOutput(); err != nil {
		msg := fmt.Sprintf("%s is not available (%v: %s)", what, err, bytes.TrimSpace(out))
		if os.Getenv("CI") != "" {
			t.Fatalf("%s; CI must provide it", msg)
		}
		t.Skipf("%s; skipping", msg)
	}
}

// lockedBuffer collects the server's log and reports its listening URL.
type lockedBuffer struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	url  chan string
	sent bool
}

var listeningRE = regexp.MustCompile(`(?m)^connectlite listening on (http://\S+)$`)

func (w *lockedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.sent {
		if m := listeningRE.FindStringSubmatch(w.buf.String()); m != nil {
			w.url <- m[1]
			w.sent = true
		}
	}
	return len(p), nil
}

func (w *lockedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// startServer runs `connectlite serve --demo` in-process on a free
// loopback port and returns its URL; the test's cleanup stops it.
func startServer(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &lockedBuffer{url: make(chan string, 1)}
	done := make(chan error, 1)
	args := []string{"serve", "--demo", "--addr", "127.0.0.1:0", "--data-dir", t.TempDir(), "--bcrypt-cost", "4", "--log-level", "warn"}
	go func() { done <- cli.Run(ctx, args, &bytes.Buffer{}, logs) }()
	var url string
	select {
	case url = <-logs.url:
	case err := <-done:
		cancel()
		t.Fatalf("serve exited before listening: %v\n%s", err, logs.String())
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatalf("serve printed no listening line:\n%s", logs.String())
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Errorf("serve did not stop:\n%s", logs.String())
		}
	})
	return url
}

// result is what one command printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// env is a server and the environment both command lines run in: the
// test credentials, us-west-2, the server's endpoint, and a home
// directory without AWS config files.
type env struct {
	t     *testing.T
	url   string
	dir   string
	vars  []string
	model *awsmodel.Model
}

func newEnv(t *testing.T) *env {
	t.Helper()
	model, err := awsmodel.Load()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, url: startServer(t), dir: t.TempDir(), model: model}
	e.vars = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + e.dir,
		"LANG=C.UTF-8",
		"LC_ALL=C.UTF-8",
		"AWS_ACCESS_KEY_ID=test",
		"AWS_SECRET_ACCESS_KEY=test",
		"AWS_DEFAULT_REGION=us-west-2",
		"AWS_ENDPOINT_URL=" + e.url,
		"AWS_CONFIG_FILE=" + filepath.Join(e.dir, "no-config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(e.dir, "no-credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
		"AWS_PAGER=",
	}
	for _, k := range []string{"PYENV_ROOT", "PYENV_VERSION", "SYSTEMROOT", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			e.vars = append(e.vars, k+"="+v)
		}
	}
	return e
}

// withVars returns the environment with some variables replaced ("K=v")
// or removed ("K=" followed by nothing and a trailing "!", e.g. "K!").
func (e *env) withVars(over []string) []string {
	out := append([]string(nil), e.vars...)
	for _, o := range over {
		key, _, _ := strings.Cut(strings.TrimSuffix(o, "!"), "=")
		kept := out[:0]
		for _, v := range out {
			if !strings.HasPrefix(v, key+"=") {
				kept = append(kept, v)
			}
		}
		out = kept
		if !strings.HasSuffix(o, "!") {
			out = append(out, o)
		}
	}
	return out
}

func (e *env) run(name string, args []string, vars []string, stdin string) result {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = vars
	cmd.Dir = e.dir
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			e.t.Fatalf("%s %q: %v", name, args, err)
		}
		code = ee.ExitCode()
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// connectlite runs the command line under test.
func (e *env) connectlite(args ...string) result {
	e.t.Helper()
	return e.connectliteWith(nil, args...)
}

// connectliteWith runs the command line in this process, with the
// environment of the env plus vars: the same code as the binary's
// (cli.Run hands these arguments to awscli), sharing one parsed model so
// that a hundred commands do not parse it a hundred times. The seed and
// prompt tests run the command as a separate process.
func (e *env) connectliteWith(vars []string, args ...string) result {
	e.t.Helper()
	restore := setProcessEnv(e.withVars(vars))
	defer restore()
	var stdout, stderr bytes.Buffer
	c := &awscli.Command{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Model: e.model}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code := 0
	if err := c.Run(ctx, args); err != nil {
		var ec interface{ ExitCode() int }
		if !errors.As(err, &ec) {
			e.t.Fatalf("connectlite %q: %v", args, err)
		}
		code = ec.ExitCode()
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// setProcessEnv makes the AWS_* variables and HOME of the process those of
// vars (aws-sdk-go-v2's config loader reads the process environment) and
// returns the function that restores them. The tests that use it do not
// run in parallel.
func setProcessEnv(vars []string) func() {
	saved := map[string]*string{}
	keep := func(k string) {
		if _, done := saved[k]; done {
			return
		}
		if v, ok := os.LookupEnv(k); ok {
			saved[k] = &v
		} else {
			saved[k] = nil
		}
	}
	want := map[string]string{}
	for _, kv := range vars {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "AWS_") || k == "HOME" {
			want[k] = v
		}
	}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if _, ok := want[k]; !ok && strings.HasPrefix(k, "AWS_") {
			keep(k)
			os.Unsetenv(k)
		}
	}
	for k, v := range want {
		keep(k)
		os.Setenv(k, v)
	}
	return func() {
		for k, v := range saved {
			if v == nil {
				os.Unsetenv(k)
			} else {
				os.Setenv(k, *v)
			}
		}
	}
}

// aws runs the real aws CLI's `aws connect`.
func (e *env) aws(vars []string, args ...string) result {
	e.t.Helper()
	return e.run("aws", append([]string{"connect"}, args...), e.withVars(vars), "")
}

// mustJSON runs a connectlite command that must succeed and returns its
// stdout.
func (e *env) must(args ...string) string {
	e.t.Helper()
	r := e.connectlite(args...)
	if r.code != 0 {
		e.t.Fatalf("connectlite %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return strings.TrimSpace(r.stdout)
}
