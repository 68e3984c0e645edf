package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The binary under test and the server most tests share. TestMain owns both:
// building once and sharing one process keeps the suite's wall time small,
// while every test isolates itself in instances of its own.
var (
	binPath  string
	tmpRoot  string
	sharedMu sync.Mutex
	shared   *server
)

// sharedFlags start the shared server with a cheap bcrypt cost: no shared
// test is about the cost, and every CreateUser pays it.
var sharedFlags = []string{"--bcrypt-cost", "4"}

const (
	startTimeout = 60 * time.Second
	stopTimeout  = 20 * time.Second
)

func TestMain(m *testing.M) { os.Exit(runMain(m)) }

func runMain(m *testing.M) int {
	var err error
	tmpRoot, err = os.MkdirTemp("", "connectlite-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmpRoot)

	binPath = filepath.Join(tmpRoot, "connectlite")
	if err := buildBinary(binPath); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: build connectlite:", err)
		return 1
	}
	code := m.Run()

	sharedMu.Lock()
	defer sharedMu.Unlock()
	if shared != nil {
		if err := shared.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: shared server did not stop cleanly:", err)
			code = 1
		}
		if code != 0 {
			fmt.Fprintf(os.Stderr, "e2e: shared server log (last lines):\n%s\n", shared.log.tail())
		}
	}
	return code
}

// buildBinary builds cmd/connectlite into out, with the race detector when
// the tests run with it.
func buildBinary(out string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	args := []string{"build", "-o", out}
	if raceEnabled {
		args = append(args, "-race")
	}
	args = append(args, "./cmd/connectlite")
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	return nil
}

// moduleRoot returns the directory of the nearest go.mod above the working
// directory (go test runs in the package directory).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// sharedServer returns the server shared by tests that need no process of
// their own, starting it on first use. Tests on it run in parallel with
// others: each works in instances it creates and never assumes a region, an
// account-wide listing or the process to itself.
func sharedServer(t *testing.T) *server {
	t.Helper()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if shared == nil {
		dir, err := os.MkdirTemp(tmpRoot, "shared-")
		if err != nil {
			t.Fatal(err)
		}
		s, err := launch(dir, sharedFlags...)
		if err != nil {
			t.Fatalf("start shared server: %v", err)
		}
		shared = s
	}
	if shared.exited() {
		t.Fatalf("shared server exited: %v\n%s", shared.waitErr, shared.log.tail())
	}
	return shared
}

// server is one running connectlite process.
type server struct {
	URL     string // http://127.0.0.1:PORT
	DataDir string
	flags   []string

	cmd     *exec.Cmd
	log     *logBuffer
	done    chan struct{} // closed once the process has exited
	waitErr error         // valid after done is closed
}

// listeningRE matches the one line serve prints once it accepts connections.
var listeningRE = regexp.MustCompile(`^connectlite listening on (http://\S+)$`)

// launch starts `connectlite serve` on a free loopback port with dataDir and
// waits until it prints its listening line.
func launch(dataDir string, flags ...string) (*server, error) {
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data-dir", dataDir}, flags...)
	ready := make(chan string, 1)
	s := &server{
		DataDir: dataDir,
		flags:   flags,
		cmd:     exec.Command(binPath, args...),
		log:     &logBuffer{max: 400, ready: ready},
		done:    make(chan struct{}),
	}
	s.cmd.Stdout = s.log
	s.cmd.Stderr = s.log
	dieWithParent(s.cmd)
	// serve falls back to CONNECTLITE_* variables for unset flags; one left
	// in the developer's shell (a store URL, access keys) must not change
	// the server under test.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CONNECTLITE_") {
			s.cmd.Env = append(s.cmd.Env, kv)
		}
	}
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.done)
	}()

	select {
	case u := <-ready:
		s.URL = u
	case <-s.done:
		return nil, fmt.Errorf("connectlite %s exited before listening: %v\n%s",
			strings.Join(args, " "), s.waitErr, s.log.tail())
	case <-time.After(startTimeout):
		_ = s.cmd.Process.Kill()
		<-s.done
		return nil, fmt.Errorf("connectlite %s printed no listening line in %v\n%s",
			strings.Join(args, " "), startTimeout, s.log.tail())
	}
	pu, err := url.Parse(s.URL)
	if err != nil || pu.Host == "" {
		_ = s.kill()
		return nil, fmt.Errorf("listening line has no usable URL %q: %v", s.URL, err)
	}
	// The line promises a listening socket; check it so that a wrong address
	// fails here and not in every test.
	c, err := net.DialTimeout("tcp", pu.Host, 5*time.Second)
	if err != nil {
		_ = s.kill()
		return nil, fmt.Errorf("listening line says %s but dial failed: %v", s.URL, err)
	}
	c.Close()
	return s, nil
}

// startServer starts a server of the test's own on a fresh data directory
// and stops it when the test ends.
func startServer(t *testing.T, flags ...string) *server {
	t.Helper()
	s, err := launch(t.TempDir(), flags...)
	if err != nil {
		t.Fatal(err)
	}
	s.cleanup(t)
	return s
}

// restart starts a new process on s's data directory with s's flags; s must
// have exited.
func (s *server) restart(t *testing.T) *server {
	t.Helper()
	if !s.exited() {
		t.Fatal("restart: previous process is still running")
	}
	n, err := launch(s.DataDir, s.flags...)
	if err != nil {
		t.Fatal(err)
	}
	n.cleanup(t)
	return n
}

func (s *server) cleanup(t *testing.T) {
	t.Cleanup(func() {
		if !s.exited() {
			if err := s.stop(); err != nil {
				t.Errorf("stop server: %v", err)
			}
		}
		if t.Failed() {
			t.Logf("server %s log (last lines):\n%s", s.URL, s.log.tail())
		}
	})
}

func (s *server) exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// stop sends SIGTERM and waits for a clean exit; it kills the process if it
// does not exit within stopTimeout.
func (s *server) stop() error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil && !s.exited() {
		return err
	}
	select {
	case <-s.done:
		return s.waitErr
	case <-time.After(stopTimeout):
		_ = s.cmd.Process.Kill()
		<-s.done
		return fmt.Errorf("no exit within %v of SIGTERM; killed", stopTimeout)
	}
}

// kill sends SIGKILL and waits until the process is gone.
func (s *server) kill() error {
	if err := s.cmd.Process.Kill(); err != nil && !s.exited() {
		return err
	}
	<-s.done
	return nil
}

// logBuffer keeps the last lines the server wrote and reports the listening
// line on ready once.
type logBuffer struct {
	mu      sync.Mutex
	max     int
	partial []byte
	lines   []string
	ready   chan<- string
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.partial = append(b.partial, p...)
	for {
		i := bytes.IndexByte(b.partial, '\n')
		if i < 0 {
			break
		}
		line := strings.TrimRight(string(b.partial[:i]), "\r")
		b.partial = b.partial[i+1:]
		if b.ready != nil {
			if m := listeningRE.FindStringSubmatch(line); m != nil {
				b.ready <- m[1]
				b.ready = nil
			}
		}
		b.lines = append(b.lines, line)
		if len(b.lines) > b.max {
			b.lines = b.lines[len(b.lines)-b.max:]
		}
	}
	return len(p), nil
}

func (b *logBuffer) tail() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.lines, "\n") + string(b.partial)
}

// requireTool returns the path of an external program the test needs. A
// missing tool fails the test in CI (CI is set) and skips it elsewhere.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, fmt.Sprintf("%s is not on PATH: %v", name, err))
	}
	return p
}

// requirePythonModule checks that python3 can import module.
func requirePythonModule(t *testing.T, module string) string {
	t.Helper()
	py := requireTool(t, "python3")
	if out, err := exec.Command(py, "-c", "import "+module).CombinedOutput(); err != nil {
		missing(t, fmt.Sprintf("python3 cannot import %s: %v\n%s", module, err, out))
	}
	return py
}

func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set and a required tool is missing: %s", why)
	}
	t.Skipf("skipping outside CI: %s", why)
}

// clientEnv is the environment of an aws CLI or boto3 process aimed at
// endpoint: credentials test/test, no profile files, no pager, no retries,
// and no other AWS_* variable inherited from the developer's shell.
func clientEnv(t *testing.T, endpoint string) []string {
	t.Helper()
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	creds := filepath.Join(dir, "credentials")
	for _, f := range []string{config, creds} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return append(env,
		"AWS_ACCESS_KEY_ID=test",
		"AWS_SECRET_ACCESS_KEY=test",
		"AWS_CONFIG_FILE="+config,
		"AWS_SHARED_CREDENTIALS_FILE="+creds,
		"AWS_PAGER=",
		"AWS_MAX_ATTEMPTS=1",
		"AWS_EC2_METADATA_DISABLED=true",
		"CONNECTLITE_ENDPOINT="+endpoint,
	)
}
