package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SuiteConfig configures the full benchmark: the ceiling and connectlite on
// each store, as separate processes, loaded one after the other.
type SuiteConfig struct {
	Binary     string        // the connectlite binary to start
	WorkDir    string        // data directories and server logs go here
	Users      uint64        // T4: users loaded into one instance through the API
	PgUsers    uint64        // the same on PostgreSQL; 0 means Users
	Clients    int           // concurrent clients of T1, T3 and the mix
	Duration   time.Duration // measured time of each phase
	Warmup     time.Duration // unmeasured time before each phase
	LatClients int           // concurrent clients of T4's latency phases
	BcryptCost int           // the server's bcrypt cost (0: the default)
	Postgres   string        // if set, also run on this PostgreSQL URL
	Search     bool          // run SearchUsers (fails cleanly if the server lacks it)
	ProfileDir string        // if set, capture the server's CPU profiles of T1, T3 and ListUsers here
	LogLevel   string        // serve's --log-level; "" keeps its default
	Region     string
	AccessKey  string
	SecretKey  string
	Progress   io.Writer // progress and the human tables; nil discards
}

// StoreReport is what the suite measured of connectlite on one store.
type StoreReport struct {
	Store  string             `json:"store"`
	Users  uint64             `json:"users"`
	Load   *Result            `json:"load,omitempty"`
	Phases map[string]*Result `json:"phases"`
	Order  []string           `json:"-"`
	// Ceiling is the better of the reference ceiling measured right
	// before and right after this store's T1 and T3 phases, by phase: on a
	// machine whose speed drifts by tens of percent over minutes (a shared
	// VM), figures measured seconds apart are the like-for-like comparison.
	Ceiling map[string]*Result `json:"adjacent_ceiling,omitempty"`
	MemLoad Memory             `json:"memory_after_load"` // the first process, after every phase
	// MemRestart is the restarted process after T4's queries.
	MemRestart Memory    `json:"memory_after_restart"`
	Restart    Millis    `json:"restart_to_serving_ms"`
	Shutdown   Millis    `json:"shutdown_ms"`
	Profiles   []Profile `json:"profiles,omitempty"`
	Err        string    `json:"error,omitempty"`
	Started    time.Time `json:"-"`
	Took       Millis    `json:"took_ms"`
}

// SuiteReport is the whole benchmark's outcome.
type SuiteReport struct {
	Machine Machine            `json:"machine"`
	Hash    HashTiming         `json:"hash"`
	Config  SuiteSettings      `json:"config"`
	Ceiling map[string]*Result `json:"ceiling"` // best of the runs before and after, by phase
	Stores  []*StoreReport     `json:"stores"`
	Took    Millis             `json:"took_ms"`
	// LoadAfter is the machine's load average when the run ended.
	LoadAfter string `json:"load_avg_after"`
}

// SuiteSettings are the parameters a report was made with.
type SuiteSettings struct {
	Users      uint64 `json:"users"`
	Clients    int    `json:"clients"`
	LatClients int    `json:"latency_clients"`
	Duration   Millis `json:"duration_ms"`
	Warmup     Millis `json:"warmup_ms"`
	BcryptCost int    `json:"bcrypt_cost"`
}

// The phases of a store run, by name.
const (
	PhaseT1        = "T1 CreateUser (SAML, no password)"
	PhaseT2        = "T2 CreateUser (password)"
	PhaseT3        = "T3 DescribeUser"
	PhaseUpdate    = "UpdateUserIdentityInfo"
	PhaseList      = "T4 ListUsers (1000/page)"
	PhaseSearch    = "T4 SearchUsers (STARTS_WITH)"
	PhaseMix       = "Mix"
	PhaseListAfter = "T4 ListUsers after restart"
	PhaseSearchAft = "T4 SearchUsers after restart"
)

func (c *SuiteConfig) logf(format string, args ...any) {
	if c.Progress != nil {
		fmt.Fprintf(c.Progress, format+"\n", args...)
	}
}

func (c *SuiteConfig) table(r *Result) {
	if c.Progress != nil {
		_ = WriteTable(c.Progress, r)
	}
}

// RunSuite runs the benchmark and returns its report; a store that fails
// is reported with its error rather than ending the suite.
func RunSuite(ctx context.Context, cfg SuiteConfig) (*SuiteReport, error) {
	start := time.Now()
	if cfg.Clients <= 0 {
		cfg.Clients = 64
	}
	if cfg.LatClients <= 0 {
		cfg.LatClients = 1
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	if cfg.AccessKey == "" {
		cfg.AccessKey, cfg.SecretKey = "test", "test"
	}
	rep := &SuiteReport{
		Machine: ThisMachine(),
		Ceiling: map[string]*Result{},
		Config: SuiteSettings{Users: cfg.Users, Clients: cfg.Clients, LatClients: cfg.LatClients,
			Duration: Millis(cfg.Duration), Warmup: Millis(cfg.Warmup), BcryptCost: cfg.BcryptCost},
	}
	cfg.logf("machine: %s, %d cores, %s", rep.Machine.CPU, rep.Machine.Cores, rep.Machine.GoVersion)
	hash, err := MeasureHash(ctx, cfg.BcryptCost, 7)
	if err != nil {
		return nil, fmt.Errorf("measure a password hash: %w", err)
	}
	rep.Hash = hash
	rep.Config.BcryptCost = hash.Cost
	cfg.logf("one bcrypt hash at cost %d: %s of CPU (%s elapsed); %d cores can do %.1f/s",
		hash.Cost, FormatDuration(hash.PerHash.D()), FormatDuration(hash.Wall.D()), rep.Machine.Cores, hash.Capacity)

	if err := cfg.ceiling(ctx, rep, "before"); err != nil {
		return nil, err
	}
	stores := []string{"embedded"}
	if cfg.Postgres != "" {
		stores = append(stores, "postgres")
	}
	for _, store := range stores {
		sr := cfg.runStore(ctx, store)
		rep.Stores = append(rep.Stores, sr)
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
	}
	if err := cfg.ceiling(ctx, rep, "after"); err != nil {
		return nil, err
	}
	rep.Took = Millis(time.Since(start))
	rep.LoadAfter = LoadAvg()
	return rep, nil
}

// ceiling measures the reference ceiling and keeps, per phase, the better
// of this run and an earlier one: the ceiling is the best the stack does.
func (c *SuiteConfig) ceiling(ctx context.Context, rep *SuiteReport, when string) error {
	c.logf("\n== reference ceiling (%s) ==", when)
	rs, err := c.measureCeiling(ctx, when, PhaseT1, PhaseT3)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if old := rep.Ceiling[r.phase]; old == nil || r.Total.Throughput > old.Total.Throughput {
			r.Note = "measured " + when + " the stores"
			rep.Ceiling[r.phase] = r.Result
		}
	}
	return nil
}

// ceilingResult is a ceiling measurement of one of connectlite's phases.
type ceilingResult struct {
	*Result
	phase string
}

// ceilingOps are the operations the ceiling answers, by the phase they are
// the reference of.
var ceilingOps = map[string]string{PhaseT1: OpCreateUser, PhaseT3: OpDescribeUser}

// measureCeiling starts the reference ceiling, loads it as the given phases
// of connectlite are loaded, and stops it.
func (c *SuiteConfig) measureCeiling(ctx context.Context, when string, phases ...string) ([]ceilingResult, error) {
	p, err := StartProcess(ctx, c.Binary, []string{"bench", "ceiling", "--addr", "127.0.0.1:0",
		"--access-keys", c.AccessKey + ":" + c.SecretKey}, filepath.Join(c.WorkDir, "ceiling-"+when+".log"), 30*time.Second)
	if err != nil {
		return nil, fmt.Errorf("start the ceiling: %w", err)
	}
	defer p.Stop(10 * time.Second)
	cl := NewClient(p.URL, c.Region, c.AccessKey, c.SecretKey, c.Clients)
	defer cl.Close()
	f := NewFixture()
	f.UseCeiling()
	var rs []ceilingResult
	for _, phase := range phases {
		op, err := f.NewOp(ceilingOps[phase], "")
		if err != nil {
			return nil, err
		}
		r, err := Run(ctx, cl, "ceiling "+phase, op, Options{Clients: c.Clients, Duration: c.Duration, Warmup: c.Warmup, ServerPID: p.PID()})
		if err != nil {
			return nil, err
		}
		c.table(r)
		rs = append(rs, ceilingResult{r, phase})
	}
	return rs, nil
}

// adjacentCeiling measures the ceiling as phase, right before or right
// after (when) connectlite's phase on sr's store, and keeps the better of
// the two: like the run's best, the adjacent figure is the best the stack
// did around that phase. A failure is logged and leaves the comparison to
// the other figure or the run's best.
func (c *SuiteConfig) adjacentCeiling(ctx context.Context, sr *StoreReport, phase, when string) {
	rs, err := c.measureCeiling(ctx, sr.Store+"-"+strings.Fields(phase)[0]+"-"+when, phase)
	if err != nil {
		c.logf("%s: no ceiling %s it: %v", phase, when, err)
		return
	}
	r := rs[0].Result
	r.Name = "ceiling " + phase + " (" + when + " it)"
	r.Note = "measured just " + when + " connectlite's " + phase
	if old := sr.Ceiling[phase]; old == nil || r.Total.Throughput > old.Total.Throughput {
		sr.Ceiling[phase] = r
	}
}

// runStore starts connectlite on one store and runs every phase.
func (c *SuiteConfig) runStore(ctx context.Context, store string) *StoreReport {
	users := c.Users
	if store == "postgres" && c.PgUsers > 0 {
		users = c.PgUsers
	}
	sr := &StoreReport{Store: store, Users: users, Phases: map[string]*Result{}, Ceiling: map[string]*Result{}, Started: time.Now()}
	c.logf("\n== connectlite, %s store ==", store)
	// The previous store's files may still be on their way to the disk;
	// this store's fsyncs must not wait behind them.
	settle()
	if err := c.storePhases(ctx, sr); err != nil {
		sr.Err = err.Error()
		c.logf("%s store: %v", store, err)
	}
	sr.Took = Millis(time.Since(sr.Started))
	return sr
}

func (c *SuiteConfig) serveArgs(store, dataDir string) []string {
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", dataDir,
		"--access-keys", c.AccessKey + ":" + c.SecretKey}
	if c.BcryptCost > 0 {
		args = append(args, "--bcrypt-cost", fmt.Sprint(c.BcryptCost))
	}
	if store == "postgres" {
		args = append(args, "--store", c.Postgres)
	}
	if c.ProfileDir != "" {
		args = append(args, "--pprof")
	}
	if c.LogLevel != "" {
		args = append(args, "--log-level", c.LogLevel)
	}
	return args
}

func (c *SuiteConfig) storePhases(ctx context.Context, sr *StoreReport) error {
	dataDir := filepath.Join(c.WorkDir, "data-"+sr.Store)
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return err
	}
	args := c.serveArgs(sr.Store, dataDir)
	srv, err := StartProcess(ctx, c.Binary, args, filepath.Join(c.WorkDir, "serve-"+sr.Store+".log"), 60*time.Second)
	if err != nil {
		return fmt.Errorf("start connectlite: %w", err)
	}
	defer func() {
		if srv != nil {
			srv.Kill()
		}
	}()
	cl := NewClient(srv.URL, c.Region, c.AccessKey, c.SecretKey, c.Clients)
	defer cl.Close()

	f := NewFixture()
	if err := f.Setup(ctx, cl, true); err != nil {
		return err
	}
	c.logf("loading %d users into one SAML instance through CreateUser, %d clients", sr.Users, c.Clients)
	load, err := f.Seed(ctx, cl, sr.Users, c.Clients, srv.PID())
	if err != nil {
		return err
	}
	load.Name = fmt.Sprintf("T4 load %d users", sr.Users)
	sr.Load = load
	c.table(load)
	if load.Total.OK == 0 {
		return errors.New("no user could be loaded")
	}

	search := false
	if c.Search {
		op, err := f.NewOp(OpSearchUsers, "")
		search = err == nil && Probe(ctx, cl, op) == nil
	}
	if err := f.CheckReads(ctx, cl, search); err != nil {
		return fmt.Errorf("check the loaded users: %w", err)
	}

	phases := []struct {
		name, op string
		clients  int
		expected []string
		optional bool
		profile  bool
	}{
		{PhaseT1, OpCreateUser, c.Clients, nil, false, true},
		{PhaseT2, OpCreateUserPassword, c.Clients, []string{throttlingException}, false, false},
		{PhaseT3, OpDescribeUser, c.Clients, nil, false, true},
		{PhaseUpdate, OpUpdateIdentityInfo, c.Clients, nil, false, false},
		{PhaseList, OpListUsers, c.LatClients, nil, false, true},
		{PhaseSearch, OpSearchUsers, c.LatClients, nil, true, false},
		{PhaseMix, OpMix, c.Clients, nil, false, false},
	}
	mix := DefaultMix
	for _, ph := range phases {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if ph.op == OpSearchUsers && !c.Search {
			continue
		}
		if ph.op == OpMix && c.Search && sr.Phases[PhaseSearch] != nil && sr.Phases[PhaseSearch].ErrorMsg == "" {
			mix += ",search-users=5"
		}
		_, adjacent := ceilingOps[ph.name]
		if adjacent {
			c.adjacentCeiling(ctx, sr, ph.name, "before")
		}
		r := c.phase(ctx, cl, f, sr, srv, ph.name, ph.op, mix, Options{Clients: ph.clients, Duration: c.Duration,
			Warmup: c.Warmup, Expected: ph.expected, ServerPID: srv.PID()}, ph.optional, ph.profile)
		if adjacent {
			c.adjacentCeiling(ctx, sr, ph.name, "after")
		}
		sr.Phases[ph.name] = r
		sr.Order = append(sr.Order, ph.name)
	}
	if sr.MemLoad, err = ReadMemory(srv.PID()); err != nil {
		return err
	}

	// Restart to serving: SIGTERM, then time a fresh process from exec to
	// its first successful DescribeUser of a loaded user.
	t := time.Now()
	if err := srv.Stop(60 * time.Second); err != nil {
		srv = nil
		return fmt.Errorf("stop connectlite: %w", err)
	}
	sr.Shutdown = Millis(time.Since(t))
	srv = nil
	restarted, took, err := c.restart(ctx, sr.Store, args, f)
	if err != nil {
		return err
	}
	srv = restarted
	sr.Restart = Millis(took)
	c.logf("restart to serving: %s (shutdown took %s)", took.Round(time.Millisecond), sr.Shutdown.D().Round(time.Millisecond))
	cl2 := NewClient(srv.URL, c.Region, c.AccessKey, c.SecretKey, c.Clients)
	defer cl2.Close()
	after := []struct{ name, op string }{{PhaseListAfter, OpListUsers}}
	if c.Search && sr.Phases[PhaseSearch] != nil && sr.Phases[PhaseSearch].ErrorMsg == "" {
		after = append(after, struct{ name, op string }{PhaseSearchAft, OpSearchUsers})
	}
	for _, ph := range after {
		r := c.phase(ctx, cl2, f, sr, srv, ph.name, ph.op, "", Options{Clients: c.LatClients, Duration: c.Duration, ServerPID: srv.PID()}, false, false)
		sr.Phases[ph.name] = r
		sr.Order = append(sr.Order, ph.name)
	}
	if sr.MemRestart, err = ReadMemory(srv.PID()); err != nil {
		return err
	}
	if err := srv.Stop(60 * time.Second); err != nil {
		srv = nil
		return fmt.Errorf("stop connectlite: %w", err)
	}
	srv = nil
	return nil
}

// phase runs one operation; a failure to run is kept in the result.
func (c *SuiteConfig) phase(ctx context.Context, cl *Client, f *Fixture, sr *StoreReport, srv *Process,
	name, opName, mix string, opts Options, probe, profile bool) *Result {
	res := &Result{Name: name, Op: opName, Mode: "closed", Clients: opts.Clients}
	op, err := f.NewOp(opName, mix)
	if err == nil && probe {
		err = Probe(ctx, cl, op)
	}
	if err != nil {
		res.ErrorMsg = err.Error()
		c.logf("%s: not run: %v", name, err)
		return res
	}
	var stopProfile func() (string, error)
	if profile && c.ProfileDir != "" {
		stopProfile = c.startProfile(ctx, srv, sr.Store, name, opts.Warmup+opts.Duration)
	}
	r, err := Run(ctx, cl, name, op, opts)
	if err != nil {
		res.ErrorMsg = err.Error()
		return res
	}
	if stopProfile != nil {
		if path, err := stopProfile(); err != nil {
			c.logf("%s: no profile: %v", name, err)
		} else {
			sr.Profiles = append(sr.Profiles, Profile{Phase: name, Path: path,
				Summary: summarizeProfile(ctx, c.Binary, path, 30)})
		}
	}
	c.table(r)
	return r
}

// restart starts connectlite on the same data and returns it with the time
// from exec to its first successful DescribeUser.
func (c *SuiteConfig) restart(ctx context.Context, store string, args []string, f *Fixture) (*Process, time.Duration, error) {
	p, err := StartProcess(ctx, c.Binary, args, filepath.Join(c.WorkDir, "serve-"+store+"-restart.log"), 60*time.Second)
	if err != nil {
		return nil, 0, fmt.Errorf("restart connectlite: %w", err)
	}
	cl := NewClient(p.URL, c.Region, c.AccessKey, c.SecretKey, 1)
	defer cl.Close()
	w := newWorker(0)
	op, err := f.NewOp(OpDescribeUser, "")
	if err != nil {
		p.Kill()
		return nil, 0, err
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := cl.Do(ctx, op.Next(w, 0))
		if err == nil && resp.Status == 200 {
			return p, time.Since(p.Started), nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			p.Kill()
			return nil, 0, fmt.Errorf("restarted connectlite did not serve a DescribeUser within 60 s: %s", ErrorCode(resp, err))
		}
		// The server is up but not ready; poll its state, briefly.
		time.Sleep(5 * time.Millisecond)
	}
}

// startProfile asks the server for a CPU profile of the next d over its
// /debug/pprof endpoint (enabled by serve's --pprof flag) and returns a
// function that waits for it and saves it.
func (c *SuiteConfig) startProfile(ctx context.Context, srv *Process, store, phase string, d time.Duration) func() (string, error) {
	type result struct {
		body []byte
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		cl := NewClient(srv.URL, c.Region, c.AccessKey, c.SecretKey, 1)
		defer cl.Close()
		secs := max(int(d.Seconds()), 1)
		resp, err := cl.Do(ctx, &Request{Op: "pprof", Method: "GET", Path: "/debug/pprof/profile",
			Query: url.Values{"seconds": {fmt.Sprint(secs)}}})
		switch {
		case err != nil:
			ch <- result{err: err}
		case resp.Status != 200:
			ch <- result{err: fmt.Errorf("the server answered %s (start serve with --pprof)", ErrorCode(resp, nil))}
		default:
			ch <- result{body: resp.Body}
		}
	}()
	return func() (string, error) {
		r := <-ch
		if r.err != nil {
			return "", r.err
		}
		if err := os.MkdirAll(c.ProfileDir, 0o755); err != nil {
			return "", err
		}
		path := filepath.Join(c.ProfileDir, profileFileName(store, phase))
		return path, os.WriteFile(path, r.body, 0o644)
	}
}
