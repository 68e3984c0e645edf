package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/connectlite/connectlite/internal/bench"
)

// TestBenchRunSmoke runs the whole benchmark of issue 6 at a smoke size,
// through the real binary as scripts/bench.sh does (the ceiling and
// connectlite on the embedded store as processes of their own), so the
// harness cannot rot: every phase, the ceilings measured around the stores
// and those measured around T1 and T3, must run without an error the
// run does not expect.
func TestBenchRunSmoke(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binPath, "bench", "run", "--binary", binPath, "--work-dir", t.TempDir(),
		"--users", "300", "--clients", "4", "--duration", "1s", "--warmup", "200ms",
		"--bcrypt-cost", "4", "--out", "", "--json")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CONNECTLITE_") && !strings.HasPrefix(kv, "AWS_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dieWithParent(cmd)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bench run: %v\n%s", err, stderr.String())
	}
	var rep bench.SuiteReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("bench run --json: %v\n%s", err, out)
	}
	for _, phase := range []string{bench.PhaseT1, bench.PhaseT3} {
		checkResult(t, "run's ceiling "+phase, rep.Ceiling[phase])
	}
	if len(rep.Stores) != 1 || rep.Stores[0].Store != "embedded" {
		t.Fatalf("stores = %+v, want the embedded store alone", rep.Stores)
	}
	sr := rep.Stores[0]
	if sr.Err != "" {
		t.Fatalf("embedded store: %s\n%s", sr.Err, stderr.String())
	}
	checkResult(t, "load", sr.Load)
	for _, phase := range []string{bench.PhaseT1, bench.PhaseT2, bench.PhaseT3, bench.PhaseUpdate, bench.PhaseList,
		bench.PhaseSearch, bench.PhaseMix, bench.PhaseListAfter, bench.PhaseSearchAft} {
		checkResult(t, phase, sr.Phases[phase])
	}
	for _, phase := range []string{bench.PhaseT1, bench.PhaseT3} {
		checkResult(t, "ceiling around "+phase, sr.Ceiling[phase])
	}
	if sr.Restart <= 0 || sr.MemLoad.PeakRSS <= 0 {
		t.Errorf("restart %v, peak RSS %d: want both measured", sr.Restart, sr.MemLoad.PeakRSS)
	}
}

// checkResult fails t unless r ran, succeeded at least once and met no
// error it did not expect.
func checkResult(t *testing.T, name string, r *bench.Result) {
	t.Helper()
	switch {
	case r == nil:
		t.Errorf("%s: not run", name)
	case r.ErrorMsg != "":
		t.Errorf("%s: %s", name, r.ErrorMsg)
	case r.Total.OK == 0 || r.Total.UnexpectedErrors != 0:
		t.Errorf("%s: %d successful calls, %d unexpected errors (%v)", name, r.Total.OK, r.Total.UnexpectedErrors, r.Total.Errors)
	}
}
