package awscli_test

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// console drives a program on a pseudo-terminal.
type console struct {
	t       *testing.T
	f       *os.File
	mu      sync.Mutex
	buf     strings.Builder
	pos     int
	changed chan struct{}
	closed  chan struct{}
}

func startConsole(t *testing.T, cmd *exec.Cmd) *console {
	t.Helper()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 60, Cols: 400})
	if err != nil {
		t.Fatalf("pty: %v", err)
	}
	c := &console{t: t, f: f, changed: make(chan struct{}, 1), closed: make(chan struct{})}
	go func() {
		defer close(c.closed)
		b := make([]byte, 4096)
		for {
			n, err := f.Read(b)
			if n > 0 {
				c.mu.Lock()
				c.buf.Write(b[:n])
				c.mu.Unlock()
				select {
				case c.changed <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		f.Close()
		if cmd.Process != nil {
			_ = cmd.Process.Kill()
		}
	})
	return c
}

// expect waits until s appears after what earlier expects consumed.
func (c *console) expect(s string) {
	c.t.Helper()
	c.expectAny(s)
}

// expectAny waits until one of the strings appears and returns the index
// of the one that appears first.
func (c *console) expectAny(ss ...string) int {
	c.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		c.mu.Lock()
		out := c.buf.String()
		best, at := -1, len(out)
		for i, s := range ss {
			if j := strings.Index(out[c.pos:], s); j >= 0 && c.pos+j < at {
				best, at = i, c.pos+j
			}
		}
		if best >= 0 {
			c.pos = at + len(ss[best])
			c.mu.Unlock()
			return best
		}
		c.mu.Unlock()
		select {
		case <-c.changed:
		case <-c.closed:
			c.mu.Lock()
			out := c.buf.String()
			c.mu.Unlock()
			found := false
			for _, s := range ss {
				found = found || strings.Contains(out[c.pos:], s)
			}
			if found {
				continue
			}
			c.t.Fatalf("the program ended before printing %q; its terminal showed:\n%s", ss, out)
		case <-timeout:
			c.t.Fatalf("timed out waiting for %q; the terminal shows:\n%s", ss, out)
		}
	}
}

// send types a line and Enter.
func (c *console) send(line string) {
	c.t.Helper()
	if _, err := io.WriteString(c.f, line+"\r"); err != nil {
		c.t.Fatalf("write to terminal: %v", err)
	}
}

func (c *console) output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// TestAutoPromptCreateUser completes a create-user end to end in a
// pseudo-terminal with --cli-auto-prompt: the dialogue asks for the
// required parameters first (rejecting an empty answer and a value that
// does not parse), then the optional ones, shows the assembled command,
// runs it, and the user exists afterwards.
func TestAutoPromptCreateUser(t *testing.T) {
	e := newEnv(t)
	cmd := exec.Command(os.Args[0], "--cli-auto-prompt", "create-user", "--instance-id", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")
	cmd.Env = append(e.withVars([]string{"TERM=dumb"}), "CONNECTLITE_AWSCLI_MAIN=1")
	cmd.Dir = e.dir
	c := startConsole(t, cmd)

	c.expect("--username (string) [required]")
	c.expect("The user name for the account.")
	c.expect("username> ")
	c.send("")
	c.expect("A value is required.")
	c.expect("username> ")
	c.send("prompted")
	c.expect("--security-profile-ids (list) [required]")
	c.expect("security-profile-ids> ")
	c.send("12345678-1111-2222-aaaa-a1b2c3d4f5g7")
	c.expect("--routing-profile-id (string) [required]")
	c.expect("routing-profile-id> ")
	c.send("87654321-9999-3434-abcd-x1y2z3a1b2c3")
	c.expect("Set optional parameters too")
	c.send("y")
	c.expect("--password (string)")
	c.expect("password> ")
	c.send("Pass@Word1")
	c.expect("--identity-info (structure)")
	c.expect("Shorthand syntax: FirstName=string,LastName=string,Email=string,SecondaryEmail=string,Mobile=string")
	c.expect("identity-info> ")
	c.send("FirstName=Pro,FirstName=Mpt")
	c.expect(`Second instance of key "FirstName"`)
	c.expect("identity-info> ")
	c.send("FirstName=Pro,LastName=Mpt")
	c.expect("--phone-config (structure)")
	c.expect("phone-config> ")
	c.send("PhoneType=SOFT_PHONE,AutoAccept=true")
	// Leave every other optional parameter unset.
	for c.expectAny("Run this command?", "> ") == 1 {
		c.send("")
	}
	c.send("y")
	c.expect("connectlite create-user --instance-id a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 --username prompted")
	c.expect(`"UserId": "`)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, c.output())
	}

	out := e.must("list-users", "--instance-id", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "--query", "UserSummaryList[?Username=='prompted'].Id | [0]", "--output", "text")
	got := e.must("describe-user", "--instance-id", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "--user-id", out,
		"--query", "User.[Username, IdentityInfo.FirstName, IdentityInfo.LastName, PhoneConfig.PhoneType, SecurityProfileIds[0]]", "--output", "text")
	if want := "prompted\tPro\tMpt\tSOFT_PHONE\t12345678-1111-2222-aaaa-a1b2c3d4f5g7"; got != want {
		t.Errorf("describe-user after the prompt: %q, want %q", got, want)
	}
}

// TestAutoPromptNeedsTerminal checks the clear error when standard input
// is not a terminal.
func TestAutoPromptNeedsTerminal(t *testing.T) {
	e := newEnv(t)
	r := e.connectlite("--cli-auto-prompt", "create-user")
	if r.code != 255 {
		t.Errorf("exit status %d, want 255", r.code)
	}
	if want := "--cli-auto-prompt needs an interactive terminal, but standard input is not a terminal"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q does not say %q", r.stderr, want)
	}
}
