package bench

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
)

// T4Users is the directory size target T4 names.
const T4Users = 1_000_000

// Verdict is one target's outcome on one store.
type Verdict struct {
	Figure string // what was measured, with its unit
	Ratio  string // the figure against the target's reference
	Met    bool
	Known  bool // false if the figure could not be measured
}

func (v Verdict) cell() string {
	if !v.Known {
		return "not measured: " + v.Figure
	}
	mark := "**missed**"
	if v.Met {
		mark = "met"
	}
	if v.Ratio != "" {
		return fmt.Sprintf("%s; %s: %s", v.Figure, v.Ratio, mark)
	}
	return fmt.Sprintf("%s: %s", v.Figure, mark)
}

// Target is a goal of issue 6 and how each store fares.
type Target struct {
	ID, Goal string
	Eval     func(rep *SuiteReport, sr *StoreReport) Verdict
}

func ok(r *Result) bool { return r != nil && r.ErrorMsg == "" && r.Total.OK > 0 }

func reason(r *Result) string {
	switch {
	case r == nil:
		return "phase not run"
	case r.ErrorMsg != "":
		return r.ErrorMsg
	}
	return "no successful call"
}

func ratioVerdict(r, ceiling *Result, min float64, what string) Verdict {
	if !ok(r) {
		return Verdict{Figure: reason(r)}
	}
	if !ok(ceiling) {
		return Verdict{Figure: "no ceiling figure"}
	}
	x := r.Total.Throughput / ceiling.Total.Throughput
	v := Verdict{
		Figure: fmt.Sprintf("%.0f req/s, p99 %s", r.Total.Throughput, FormatDuration(r.Total.P99.D())),
		Ratio:  fmt.Sprintf("%.2f × %s (%.0f req/s)", x, what, ceiling.Total.Throughput),
		Met:    x >= min, Known: true,
	}
	if r.CPUPerCall > 0 && ceiling.CPUPerCall > 0 {
		v.Figure += fmt.Sprintf(", server CPU %s/call (ceiling %s: %.2f × by CPU)", micros(r.CPUPerCall),
			micros(ceiling.CPUPerCall), float64(ceiling.CPUPerCall)/float64(r.CPUPerCall))
	}
	return v
}

// ceilingVerdict judges phase against the better of the ceilings measured
// just before and just after it on sr's store, and also states the ratio to
// the run's best ceiling. Without an adjacent figure it judges against the
// run's best.
func ceilingVerdict(rep *SuiteReport, sr *StoreReport, phase string, min float64, what string) Verdict {
	best := rep.Ceiling[phase]
	adj := sr.Ceiling[phase]
	if !ok(adj) {
		return ratioVerdict(sr.Phases[phase], best, min, what)
	}
	v := ratioVerdict(sr.Phases[phase], adj, min, what+" measured around it")
	if v.Known && ok(best) {
		v.Ratio += fmt.Sprintf("; %.2f × the run's best %s (%.0f req/s)",
			sr.Phases[phase].Total.Throughput/best.Total.Throughput, what, best.Total.Throughput)
	}
	return v
}

func p99Verdict(rs ...*Result) Verdict {
	var worst time.Duration
	var parts []string
	for _, r := range rs {
		if r == nil {
			continue
		}
		if !ok(r) {
			return Verdict{Figure: reason(r)}
		}
		worst = max(worst, r.Total.P99.D())
		parts = append(parts, FormatDuration(r.Total.P99.D()))
	}
	if len(parts) == 0 {
		return Verdict{Figure: "phase not run"}
	}
	return Verdict{Figure: "p99 " + strings.Join(parts, " / ") + " (before / after restart)", Met: worst < 20*time.Millisecond, Known: true}
}

// Targets are T1-T4 of issue 6 and the no-unexpected-errors rule.
var Targets = []Target{
	{"T1", "CreateUser without password (SAML instance), 64 clients ≥ 0.5 × ceiling", func(rep *SuiteReport, sr *StoreReport) Verdict {
		return ceilingVerdict(rep, sr, PhaseT1, 0.5, "ceiling")
	}},
	{"T2", "CreateUser with password at the default cost ≥ 0.8 × (cores ÷ one hash's time)", func(rep *SuiteReport, sr *StoreReport) Verdict {
		r := sr.Phases[PhaseT2]
		if !ok(r) {
			return Verdict{Figure: reason(r)}
		}
		x := r.Total.Throughput / rep.Hash.Capacity
		v := Verdict{
			Figure: fmt.Sprintf("%.1f req/s, p99 %s", r.Total.Throughput, FormatDuration(r.Total.P99.D())),
			Ratio: fmt.Sprintf("%.2f × %d cores ÷ %s (%.1f/s)", x, rep.Machine.Cores,
				FormatDuration(rep.Hash.PerHash.D()), rep.Hash.Capacity),
			Met: x >= 0.8, Known: true,
		}
		if r.CPUPerCall > 0 {
			v.Figure += fmt.Sprintf(", server CPU %s/call (one hash: %s)", FormatDuration(r.CPUPerCall.D()), FormatDuration(rep.Hash.PerHash.D()))
		}
		return v
	}},
	{"T3", "DescribeUser, 64 clients ≥ 0.7 × ceiling", func(rep *SuiteReport, sr *StoreReport) Verdict {
		v := ceilingVerdict(rep, sr, PhaseT3, 0.7, "DescribeUser ceiling")
		if c := rep.Ceiling[PhaseT1]; v.Known && ok(c) {
			v.Ratio += fmt.Sprintf("; %.2f × CreateUser ceiling", sr.Phases[PhaseT3].Total.Throughput/c.Total.Throughput)
		}
		return v
	}},
	{"T4 list", "ListUsers page of 1000, p99 < 20 ms", func(rep *SuiteReport, sr *StoreReport) Verdict {
		return p99Verdict(sr.Phases[PhaseList], sr.Phases[PhaseListAfter])
	}},
	{"T4 search", "SearchUsers STARTS_WITH page, p99 < 20 ms", func(rep *SuiteReport, sr *StoreReport) Verdict {
		if sr.Phases[PhaseSearch] == nil {
			return Verdict{Figure: "SearchUsers not run (bench run --search)"}
		}
		return p99Verdict(sr.Phases[PhaseSearch], sr.Phases[PhaseSearchAft])
	}},
	{"T4 RSS", "server RSS < 300 MB", func(rep *SuiteReport, sr *StoreReport) Verdict {
		if sr.MemLoad.PeakRSS == 0 {
			return Verdict{Figure: "not read"}
		}
		peak := max(sr.MemLoad.PeakRSS, sr.MemRestart.PeakRSS)
		return Verdict{Figure: fmt.Sprintf("peak %s over load and every phase; %s after restart and queries",
			mib(sr.MemLoad.PeakRSS), mib(sr.MemRestart.PeakRSS)), Met: peak < 300<<20, Known: true}
	}},
	{"T4 restart", "restart to serving < 2 s", func(rep *SuiteReport, sr *StoreReport) Verdict {
		if sr.Restart == 0 {
			return Verdict{Figure: "not measured"}
		}
		return Verdict{Figure: fmt.Sprintf("%s from exec to the first DescribeUser answered", sr.Restart.D().Round(time.Millisecond)),
			Met: sr.Restart.D() < 2*time.Second, Known: true}
	}},
	{"T4 load", "loading the users through the API (T1's path) completes and is reported", func(rep *SuiteReport, sr *StoreReport) Verdict {
		r := sr.Load
		if r == nil {
			return Verdict{Figure: "not loaded"}
		}
		return Verdict{Figure: fmt.Sprintf("%d users in %s (%.0f users/s), %d errors",
			r.Total.OK, r.Elapsed.D().Round(time.Second/10), r.Total.Throughput, r.Total.Requests-r.Total.OK),
			Met: r.Total.OK == sr.Users && r.Total.UnexpectedErrors == 0, Known: true}
	}},
	{"Errors", "no errors but the expected ones", func(rep *SuiteReport, sr *StoreReport) Verdict {
		var n uint64
		var where []string
		for _, r := range append(sr.results(), rep.ceilings()...) {
			if r.Total.UnexpectedErrors > 0 {
				n += r.Total.UnexpectedErrors
				where = append(where, fmt.Sprintf("%s: %s", r.Name, FormatErrors(r.Total.Errors)))
			}
		}
		fig := fmt.Sprintf("%d unexpected errors", n)
		if len(where) > 0 {
			fig += " (" + strings.Join(where, "; ") + ")"
		}
		return Verdict{Figure: fig, Met: n == 0 && sr.Err == "", Known: true}
	}},
}

func micros(m Millis) string { return fmt.Sprintf("%.0f µs", float64(m)/1e3) }

func mib(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

func (sr *StoreReport) results() []*Result {
	var rs []*Result
	if sr.Load != nil {
		rs = append(rs, sr.Load)
	}
	for _, name := range sr.Order {
		if c := sr.Ceiling[name]; c != nil {
			rs = append(rs, c)
		}
		if r := sr.Phases[name]; r != nil && r.ErrorMsg == "" {
			rs = append(rs, r)
		}
	}
	return rs
}

func (rep *SuiteReport) ceilings() []*Result {
	var rs []*Result
	for _, name := range []string{PhaseT1, PhaseT3} {
		if r := rep.Ceiling[name]; r != nil {
			rs = append(rs, r)
		}
	}
	return rs
}

// WriteMarkdown writes BENCHMARKS.md: the machine, each target with its
// figure and ratio on each store, and every figure measured.
func WriteMarkdown(w io.Writer, rep *SuiteReport, command string) error {
	var b bytes.Buffer
	m := rep.Machine
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "Generated by `%s` on %s; do not edit by hand. Targets are those of issue 6.\n\n", command, m.Date.Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "## Machine\n\n| CPU | cores | memory | Go | OS | kernel |\n|---|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s |\n\n", m.CPU, m.Cores, m.MemTotal, m.GoVersion, m.OS, m.Kernel)

	cfg := rep.Config
	fmt.Fprintf(&b, "## How it was measured\n\n")
	fmt.Fprintf(&b, "- The load generator (`connectlite bench`) signs every request with aws-sdk-go-v2's SigV4 signer as the SDK does and reuses keep-alive connections; it runs in one process, the reference ceiling and connectlite each in their own, all on this machine, so the generator and the server share its %d cores.\n", m.Cores)
	fmt.Fprintf(&b, "- Closed loop: each phase runs its clients for %s after a %s warm-up; T1, T2, T3, UpdateUserIdentityInfo and the mix use %d clients, the T4 latency phases %d.\n", cfg.Duration.D(), cfg.Warmup.D(), cfg.Clients, cfg.LatClients)
	fmt.Fprintf(&b, "- Throughput counts successful calls; latencies are of successful calls (log-linear histogram, < 1%% error).\n")
	fmt.Fprintf(&b, "- The ceiling is connectlite's HTTP stack (net/http, the httpapi SigV4 middleware, JSON decoding and encoding) answering canned CreateUser and DescribeUser responses without validation or store; it is measured before and after the stores, where the better figure is kept as the run's best, and again right before and right after each store's T1 and T3 phases: T1 and T3 are judged against the better of those two adjacent figures, since on a shared VM the machine's speed drifts by tens of percent over the minutes a run takes, and their ratio to the run's best is stated beside.\n")
	fmt.Fprintf(&b, "- T2's reference: one bcrypt hash at cost %d takes %s of CPU (median of %d on one thread; %s elapsed), so %d cores can hash %.1f passwords/s.\n",
		rep.Hash.Cost, FormatDuration(rep.Hash.PerHash.D()), rep.Hash.Samples, FormatDuration(rep.Hash.Wall.D()), m.Cores, rep.Hash.Capacity)
	fmt.Fprintf(&b, "- \"server cpu/call\" is the CPU time (user + system, /proc/PID/stat) the server process used in a phase's measured window divided by its successful calls: unlike throughput, other load on the machine barely moves it, so the ceiling-to-connectlite ratio by CPU is the steadier comparison.\n")
	var sizes []string
	small := false
	for _, sr := range rep.Stores {
		sizes = append(sizes, fmt.Sprintf("%d users on the %s store", sr.Users, sr.Store))
		small = small || sr.Users < T4Users
	}
	size := strings.Join(sizes, ", ")
	if small {
		size += fmt.Sprintf(" (below the %d of target T4 where smaller: `scripts/bench.sh --users %d` runs the full size)", T4Users, T4Users)
	}
	fmt.Fprintf(&b, "- T4 directory size: %s, loaded into one SAML instance through CreateUser (T1's path) before the other phases; the T1-T3 phases then run against that instance.\n", size)
	fmt.Fprintf(&b, "- RSS is VmHWM/VmRSS of the server process from /proc; restart to serving is the time from exec of a new server on the same data to its first successful DescribeUser.\n")
	fmt.Fprintf(&b, "- The whole run took %s. Load average (1, 5, 15 min) at its start: %s; at its end: %s. On %d cores, a load well above %d means other processes competed with the generator and the servers, which lowers throughput and stretches latencies, but hardly the CPU per call.\n",
		rep.Took.D().Round(time.Second), m.LoadAvg, rep.LoadAfter, m.Cores, m.Cores)
	fmt.Fprintf(&b, "- On PostgreSQL the server CPU per call counts the connectlite process only, not the database's backends.\n\n")

	fmt.Fprintf(&b, "## Targets\n\n| target | goal |")
	for _, sr := range rep.Stores {
		fmt.Fprintf(&b, " %s store |", sr.Store)
	}
	fmt.Fprintf(&b, "\n|---|---|%s\n", strings.Repeat("---|", len(rep.Stores)))
	for _, t := range Targets {
		fmt.Fprintf(&b, "| %s | %s |", t.ID, t.Goal)
		for _, sr := range rep.Stores {
			fmt.Fprintf(&b, " %s |", escapeCell(t.Eval(rep, sr).cell()))
		}
		b.WriteString("\n")
	}
	missed := false
	for _, t := range Targets {
		for _, sr := range rep.Stores {
			if v := t.Eval(rep, sr); v.Known && !v.Met {
				missed = true
			}
		}
	}
	if missed {
		fmt.Fprintf(&b, "\nA missed target's reasons are in the server's CPU profiles below; README.md (Benchmarks, \"Where connectlite stands\") reads them.\n")
	}
	for _, sr := range rep.Stores {
		if sr.Err != "" {
			fmt.Fprintf(&b, "\nThe %s store's run stopped early: %s\n", sr.Store, sr.Err)
		}
	}

	fmt.Fprintf(&b, "\n## Reference ceiling\n\n```\n")
	if err := WriteTable(&b, rep.ceilings()...); err != nil {
		return err
	}
	fmt.Fprintf(&b, "```\n")
	for _, sr := range rep.Stores {
		fmt.Fprintf(&b, "\n## connectlite, %s store\n\n", sr.Store)
		fmt.Fprintf(&b, "Memory: peak RSS %s, RSS %s after every phase; after restart and the T4 queries peak %s, RSS %s. Restart to serving %s; shutdown %s. This store's run took %s.\n\n",
			mib(sr.MemLoad.PeakRSS), mib(sr.MemLoad.RSS), mib(sr.MemRestart.PeakRSS), mib(sr.MemRestart.RSS),
			sr.Restart.D().Round(time.Millisecond), sr.Shutdown.D().Round(time.Millisecond), sr.Took.D().Round(time.Second))
		b.WriteString("```\n")
		rs := sr.results()
		for _, name := range sr.Order {
			if r := sr.Phases[name]; r != nil && r.ErrorMsg != "" {
				rs = append(rs, r)
			}
		}
		if err := WriteTable(&b, rs...); err != nil {
			return err
		}
		b.WriteString("```\n")
		for _, p := range sr.Profiles {
			fmt.Fprintf(&b, "\nWhere the server's CPU went in %s (`%s`, %s store; `go tool pprof -top -cum`, rows of connectlite's code and the leaves that explain them):\n\n```\n%s\n```\n",
				p.Phase, filepath.Base(p.Path), sr.Store, strings.Join(p.Summary, "\n"))
		}
	}
	fmt.Fprintf(&b, "\n## Machine-readable\n\n`connectlite bench run --json` prints the same report as one JSON line.\n")
	_, err := w.Write(b.Bytes())
	return err
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
