package bench

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Options shape one load run.
type Options struct {
	// Clients is the number of concurrent clients (closed loop) or the size
	// of the pool that sends the scheduled requests (open loop).
	Clients int
	// Duration bounds the measured part of the run; zero means no bound
	// (Requests must then be set).
	Duration time.Duration
	// Warmup runs before the measured window; calls that complete in it
	// are not recorded.
	Warmup time.Duration
	// Requests stops the run after this many calls have been issued (zero:
	// no limit). Warmup calls count.
	Requests uint64
	// Rate, when positive, makes the run open-loop: requests are scheduled
	// at this many per second whatever the latency, and latency is measured
	// from the scheduled time so that a stalled server cannot hide its
	// queueing (no coordinated omission).
	Rate float64
	// Expected lists the AWS error types the run anticipates (for example
	// ThrottlingException when the server applies backpressure); they are
	// counted but not reported as unexpected.
	Expected []string
	// ServerPID, if set, is the server's process id: the run then reports
	// the CPU time the server used in the measured window.
	ServerPID int
}

// Result is the outcome of one run of one operation.
type Result struct {
	Name    string     `json:"name"`
	Op      string     `json:"op"`
	Mode    string     `json:"mode"` // closed or open
	Clients int        `json:"clients"`
	Rate    float64    `json:"rate_per_s,omitempty"`
	Elapsed Millis     `json:"elapsed_ms"`
	Ops     []OpResult `json:"ops"`
	Total   OpResult   `json:"total"`
	Dropped uint64     `json:"dropped,omitempty"` // open loop: sends the client pool could not start on time
	// ServerCPU is the CPU time the server used in the measured window and
	// CPUPerCall that divided by the successful calls (zero if unknown).
	ServerCPU  Millis `json:"server_cpu_ms,omitempty"`
	CPUPerCall Millis `json:"server_cpu_per_call_ms,omitempty"`
	Note       string `json:"note,omitempty"`
	ErrorMsg   string `json:"error,omitempty"` // why the run could not be made
}

// throttlingException is the error type that asks a client to slow down.
const throttlingException = "ThrottlingException"

// Run drives op against c as opts say and returns the per-operation
// statistics. It stops early, with what it measured, when ctx is done.
func Run(ctx context.Context, c *Client, name string, op *Op, opts Options) (*Result, error) {
	if opts.Clients < 1 {
		return nil, errors.New("bench: Clients must be at least 1")
	}
	if opts.Duration <= 0 && opts.Requests == 0 {
		return nil, errors.New("bench: set a Duration or a number of Requests")
	}
	expected := map[string]bool{}
	for _, e := range opts.Expected {
		expected[e] = true
	}
	rec := NewRecorder()
	res := &Result{Name: name, Op: op.Name, Mode: "closed", Clients: opts.Clients}
	if opts.Rate > 0 {
		res.Mode, res.Rate = "open", opts.Rate
	}

	start := time.Now()
	measureFrom := start.Add(opts.Warmup)
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opts.Duration > 0 {
		var stop context.CancelFunc
		runCtx, stop = context.WithDeadline(runCtx, measureFrom.Add(opts.Duration))
		defer stop()
	}
	cpu := cpuWindow(opts, measureFrom)
	defer cpu.stop()
	var seq atomic.Uint64
	var lastDone atomic.Int64 // unix nanos of the last recorded completion

	call := func(w *Worker, n uint64, scheduled time.Time) {
		req := op.Next(w, n)
		resp, err := c.Do(runCtx, req)
		done := time.Now()
		if err != nil && runCtx.Err() != nil {
			return // cut off by the end of the run, not the server's fault
		}
		code := ""
		if err != nil || resp.Status/100 != 2 {
			code = ErrorCode(resp, err)
		} else if op.Done != nil {
			op.Done(w, req, resp)
		}
		// A call counts if it completes in the measured window, wherever it
		// started: with latencies longer than the warm-up, counting by start
		// would drop the calls that keep the server busy.
		if !done.Before(measureFrom) {
			exp := err == nil && expected[resp.ErrorType]
			rec.Record(req.Op, done.Sub(scheduled), code, exp)
			lastDone.Store(done.UnixNano())
		}
		if err == nil && resp.ErrorType == throttlingException {
			backoff(runCtx, w)
		} else {
			w.throttled = 0
		}
	}

	var wg sync.WaitGroup
	if opts.Rate <= 0 {
		for i := range opts.Clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := newWorker(i)
				for runCtx.Err() == nil {
					n := seq.Add(1) - 1
					if opts.Requests > 0 && n >= opts.Requests {
						return
					}
					call(w, n, time.Now())
				}
			}()
		}
	} else {
		type job struct {
			n         uint64
			scheduled time.Time
		}
		// The backlog absorbs stalls of the client pool; latency counts from
		// the scheduled time, so queueing here is measured, not hidden. Only
		// sends beyond the backlog are dropped (and reported).
		jobs := make(chan job, max(16*opts.Clients, 1024))
		for i := range opts.Clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := newWorker(i)
				for j := range jobs {
					call(w, j.n, j.scheduled)
				}
			}()
		}
		interval := time.Duration(float64(time.Second) / opts.Rate)
		timer := time.NewTimer(0)
	schedule:
		for i := uint64(0); opts.Requests == 0 || i < opts.Requests; i++ {
			at := start.Add(time.Duration(i) * interval)
			if d := time.Until(at); d > 0 {
				timer.Reset(d)
				select {
				case <-runCtx.Done():
					break schedule
				case <-timer.C:
				}
			} else if runCtx.Err() != nil {
				break
			}
			select {
			case jobs <- job{i, at}:
			default:
				if !at.Before(measureFrom) {
					res.Dropped++
				}
			}
		}
		timer.Stop()
		close(jobs)
	}
	wg.Wait()

	end := time.Now()
	if opts.Duration > 0 && end.After(measureFrom.Add(opts.Duration)) {
		end = measureFrom.Add(opts.Duration)
	}
	if opts.Requests > 0 && opts.Duration <= 0 {
		if ld := lastDone.Load(); ld > 0 {
			end = time.Unix(0, ld)
		}
	}
	elapsed := max(end.Sub(measureFrom), time.Nanosecond)
	res.Elapsed = Millis(elapsed)
	res.Ops, res.Total = rec.Summary(elapsed)
	if used, ok := cpu.used(); ok {
		res.ServerCPU = Millis(used)
		if res.Total.OK > 0 {
			res.CPUPerCall = Millis(used / time.Duration(res.Total.OK))
		}
	}
	if res.Dropped > 0 {
		res.Total.UnexpectedErrors += res.Dropped
		if res.Total.Errors == nil {
			res.Total.Errors = map[string]uint64{}
		}
		res.Total.Errors["client: dropped (pool busy)"] = res.Dropped
	}
	return res, nil
}

// cpuMeter samples a server's CPU time at the start and the end of a
// run's measured window.
type cpuMeter struct {
	mu         sync.Mutex
	pid        int
	start, end time.Duration
	okStart    bool
	okEnd      bool
	timers     []*time.Timer
}

// cpuWindow starts sampling the server of opts, if any: at measureFrom and,
// for a timed run, at the window's end (later samples for a run bounded by
// a number of requests are taken by used).
func cpuWindow(opts Options, measureFrom time.Time) *cpuMeter {
	m := &cpuMeter{pid: opts.ServerPID}
	if m.pid == 0 {
		return m
	}
	sample := func(dst *time.Duration, ok *bool) func() {
		return func() {
			t, err := ReadCPU(m.pid)
			m.mu.Lock()
			defer m.mu.Unlock()
			*dst, *ok = t, err == nil
		}
	}
	m.timers = append(m.timers, time.AfterFunc(time.Until(measureFrom), sample(&m.start, &m.okStart)))
	if opts.Duration > 0 {
		m.timers = append(m.timers, time.AfterFunc(time.Until(measureFrom.Add(opts.Duration)), sample(&m.end, &m.okEnd)))
	}
	return m
}

func (m *cpuMeter) stop() {
	for _, t := range m.timers {
		t.Stop()
	}
}

// used returns the CPU time of the window once the run is over.
func (m *cpuMeter) used() (time.Duration, bool) {
	if m.pid == 0 {
		return 0, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.okEnd {
		t, err := ReadCPU(m.pid)
		m.end, m.okEnd = t, err == nil
	}
	if !m.okStart || !m.okEnd || m.end < m.start {
		return 0, false
	}
	return m.end - m.start, true
}

// backoff waits before a throttled worker's next call, as SDKs do: a
// jittered delay that doubles with each throttle in a row, up to 1 s.
func backoff(ctx context.Context, w *Worker) {
	streak := min(w.throttled, 5)
	w.throttled++
	d := time.Duration(rand.Int64N(int64(50*time.Millisecond) << streak))
	t := time.NewTimer(min(d, time.Second))
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// Probe sends one request of op and returns an error that carries the
// server's answer if it is not a success, so that a run of an operation the
// server does not (yet) support fails cleanly and says why.
func Probe(ctx context.Context, c *Client, op *Op) error {
	w := newWorker(-1)
	req := op.Next(w, 0)
	resp, err := c.Do(ctx, req)
	if err != nil {
		return fmt.Errorf("%s: %w", req.Op, err)
	}
	if resp.Status/100 != 2 {
		return fmt.Errorf("%s: the server answered %s: %s", req.Op, ErrorCode(resp, nil), snippet(resp.Body))
	}
	return nil
}

func snippet(b []byte) string {
	const n = 300
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}
