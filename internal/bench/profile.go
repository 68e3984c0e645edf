package bench

import (
	"bufio"
	"context"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// Profile is a CPU profile of the server captured during a phase, with the
// lines of `go tool pprof -top -cum` that say where connectlite's time went.
type Profile struct {
	Phase   string   `json:"phase"`
	Path    string   `json:"path"`
	Summary []string `json:"summary,omitempty"`
}

// profileLine keeps pprof's rows about connectlite's own code and the few
// leaves that explain the rest: system calls, SQLite's I/O, JSON,
// transactions, bcrypt and the request log.
var profileLine = regexp.MustCompile(`connectlite/connectlite|linux\.Syscall6$|libc\.X(fsync|pwrite|pread)$|` +
	`Xsqlite3_wal_checkpoint_v2$|_subjournalPage$|encoding/json\.(Marshal|Unmarshal)$|` +
	`database/sql\.\(\*DB\)\.BeginTx$|database/sql\.\(\*Tx\)\.(Commit|Rollback)$|bcrypt\.GenerateFromPassword$|` +
	`pgxpool\.\(\*Pool\)\.(Acquire|Begin)$|log/slog\.\(\*Logger\)\.LogAttrs$`)

// summarizeProfile runs `go tool pprof -top -cum` on a profile of binary and
// returns its header and up to max rows that profileLine keeps. It returns
// nil if the go command is not available.
func summarizeProfile(ctx context.Context, binary, path string, max int) []string {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "tool", "pprof", "-top", "-cum", "-nodecount=1000", binary, path).Output()
	if err != nil {
		return nil
	}
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	header := true
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "Duration:"):
			lines = append(lines, line)
		case strings.Contains(line, "flat%"):
			lines = append(lines, line)
			header = false
		case !header && profileLine.MatchString(line) && len(lines) < max+2:
			lines = append(lines, line)
		}
	}
	return lines
}

// profileFileName turns a store and phase into a file name.
func profileFileName(store, phase string) string {
	return strings.NewReplacer(" ", "-", "(", "", ")", "", ",", "", "/", "-").Replace(strings.ToLower(store+"-"+phase)) + ".pprof"
}
