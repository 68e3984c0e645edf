package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Process is a server started as a child process: connectlite serve or the
// ceiling, each in its own process so that the load generator measures it
// over real sockets.
type Process struct {
	Cmd *exec.Cmd
	// URL is the address the server announced on stderr.
	URL string
	// Started is when the process was started; Listening is how long it
	// took to announce its address.
	Started   time.Time
	Listening time.Duration
	// LogPath is the file that receives the server's stderr.
	LogPath string
	done    chan error
}

// listenMarker is what connectlite serve and bench ceiling print, followed
// by the URL, once they accept connections.
const listenMarker = "listening on http://"

// StartProcess runs binary with args, copies its stdout and stderr to
// logPath and waits up to timeout for it to print its listening address.
func StartProcess(ctx context.Context, binary string, args []string, logPath string, timeout time.Duration) (*Process, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("create server log: %w", err)
	}
	cmd := exec.Command(binary, args...)
	cmd.Stdout = logf
	pr, pw, err := os.Pipe()
	if err != nil {
		logf.Close()
		return nil, err
	}
	cmd.Stderr = pw
	p := &Process{Cmd: cmd, LogPath: logPath, done: make(chan error, 1)}
	p.Started = time.Now()
	if err := cmd.Start(); err != nil {
		logf.Close()
		pr.Close()
		pw.Close()
		return nil, fmt.Errorf("start %s: %w", binary, err)
	}
	pw.Close()
	found := make(chan string, 1)
	go func() {
		// Watch stderr for the address, then just copy the rest to the log.
		sc := bufio.NewReader(pr)
		for {
			line, err := sc.ReadString('\n')
			logf.WriteString(line)
			if i := strings.Index(line, listenMarker); i >= 0 {
				found <- "http://" + strings.TrimSpace(line[i+len(listenMarker):])
				break
			}
			if err != nil {
				close(found)
				break
			}
		}
		_, _ = io.Copy(logf, sc)
		pr.Close()
		logf.Close()
	}()
	go func() { p.done <- cmd.Wait() }()

	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case u, ok := <-found:
		if !ok {
			err := <-p.done
			return nil, fmt.Errorf("%s %s exited before listening (%v); log: %s", binary, strings.Join(args, " "), err, tail(logPath))
		}
		p.URL = u
		p.Listening = time.Since(p.Started)
		return p, nil
	case err := <-p.done:
		p.done <- err
		return nil, fmt.Errorf("%s exited before listening (%v); log: %s", binary, err, tail(logPath))
	case <-timer.C:
		p.Kill()
		return nil, fmt.Errorf("%s did not listen within %s; log: %s", binary, timeout, tail(logPath))
	case <-ctx.Done():
		p.Kill()
		return nil, ctx.Err()
	}
}

// PID returns the process id.
func (p *Process) PID() int { return p.Cmd.Process.Pid }

// Stop asks the server to shut down (SIGTERM) and waits for it, killing it
// after timeout.
func (p *Process) Stop(timeout time.Duration) error {
	if err := p.Cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case err := <-p.done:
		p.done <- err
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("server exited with %v; log: %s", err, tail(p.LogPath))
		}
		return err
	case <-t.C:
		p.Kill()
		return fmt.Errorf("server did not stop within %s after SIGTERM", timeout)
	}
}

// Kill ends the process at once and waits for it.
func (p *Process) Kill() {
	_ = p.Cmd.Process.Kill()
	err := <-p.done
	p.done <- err
}

// Memory is what /proc/PID/status says of a process's resident memory.
type Memory struct {
	PeakRSS int64 `json:"peak_rss_bytes"` // VmHWM
	RSS     int64 `json:"rss_bytes"`      // VmRSS
}

// ReadMemory reads VmHWM and VmRSS of process pid.
func ReadMemory(pid int) (Memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, err
	}
	var m Memory
	for _, line := range bytes.Split(b, []byte("\n")) {
		name, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		var dst *int64
		switch string(name) {
		case "VmHWM":
			dst = &m.PeakRSS
		case "VmRSS":
			dst = &m.RSS
		default:
			continue
		}
		f := strings.Fields(string(val)) // "123456 kB"
		if len(f) == 2 && f[1] == "kB" {
			if n, err := strconv.ParseInt(f[0], 10, 64); err == nil {
				*dst = n * 1024
			}
		}
	}
	if m.PeakRSS == 0 && m.RSS == 0 {
		return m, fmt.Errorf("no VmHWM or VmRSS in /proc/%d/status", pid)
	}
	return m, nil
}

// tail returns the end of a log file, for error messages.
func tail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	const n = 2000
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return strings.TrimSpace(string(b))
}

// clockTick is the unit of utime and stime in /proc/PID/stat: Linux's
// USER_HZ, 100 on every architecture Go supports.
const clockTick = 10 * time.Millisecond

// ReadCPU returns the CPU time (user and system) process pid has used.
func ReadCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may contain spaces; fields count
	// from after its closing parenthesis, utime and stime being 14 and 15.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: bad utime or stime", pid)
	}
	return time.Duration(utime+stime) * clockTick, nil
}
