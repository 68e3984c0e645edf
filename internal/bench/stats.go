package bench

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"sync"
	"time"
)

// opStats accumulates the outcomes of one operation.
type opStats struct {
	mu       sync.Mutex
	hist     Histogram
	ok       uint64
	expected uint64
	errs     map[string]uint64
}

// Recorder collects latencies and error counts per operation; it is safe
// for concurrent use and its memory does not grow with the run's length.
type Recorder struct {
	mu  sync.Mutex
	ops map[string]*opStats
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder { return &Recorder{ops: map[string]*opStats{}} }

func (r *Recorder) stats(op string) *opStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.ops[op]
	if s == nil {
		s = &opStats{errs: map[string]uint64{}}
		r.ops[op] = s
	}
	return s
}

// Record adds one call of op that took lat. code is "" for a success and
// the ErrorCode otherwise; expected says whether the run anticipated it.
func (r *Recorder) Record(op string, lat time.Duration, code string, expected bool) {
	s := r.stats(op)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case code == "":
		s.ok++
		s.hist.Record(lat)
	default:
		s.errs[code]++
		if expected {
			s.expected++
		}
	}
}

// OpResult is the summary of one operation over a run. Latencies are of
// successful calls only; Throughput counts successful calls per second.
type OpResult struct {
	Op               string            `json:"op"`
	Requests         uint64            `json:"requests"`
	OK               uint64            `json:"ok"`
	Errors           map[string]uint64 `json:"errors,omitempty"`
	UnexpectedErrors uint64            `json:"unexpected_errors"`
	Throughput       float64           `json:"throughput_per_s"`
	Mean             Millis            `json:"mean_ms"`
	P50              Millis            `json:"p50_ms"`
	P95              Millis            `json:"p95_ms"`
	P99              Millis            `json:"p99_ms"`
	Max              Millis            `json:"max_ms"`
}

// Millis is a duration that encodes as fractional milliseconds.
type Millis time.Duration

// MarshalJSON writes the duration in milliseconds with microsecond precision.
func (m Millis) MarshalJSON() ([]byte, error) {
	return []byte(formatFloat(float64(m)/1e6, 3)), nil
}

// UnmarshalJSON reads what MarshalJSON writes, so that the report's JSON
// line can be read back into the report's types.
func (m *Millis) UnmarshalJSON(b []byte) error {
	var ms float64
	if err := json.Unmarshal(b, &ms); err != nil {
		return fmt.Errorf("milliseconds: %w", err)
	}
	*m = Millis(math.Round(ms * 1e6))
	return nil
}

// D returns m as a time.Duration.
func (m Millis) D() time.Duration { return time.Duration(m) }

func summarize(op string, s *opStats, h *Histogram, elapsed time.Duration) OpResult {
	res := OpResult{Op: op, OK: s.ok, Errors: map[string]uint64{}}
	var errs uint64
	for code, n := range s.errs {
		res.Errors[code] = n
		errs += n
	}
	res.Requests = s.ok + errs
	res.UnexpectedErrors = errs - s.expected
	if elapsed > 0 {
		res.Throughput = float64(s.ok) / elapsed.Seconds()
	}
	res.Mean = Millis(h.Mean())
	res.P50 = Millis(h.Quantile(0.50))
	res.P95 = Millis(h.Quantile(0.95))
	res.P99 = Millis(h.Quantile(0.99))
	res.Max = Millis(h.Max())
	if len(res.Errors) == 0 {
		res.Errors = nil
	}
	return res
}

// Summary returns one result per operation, sorted by name, and the total
// over all operations, for a measured window of elapsed.
func (r *Recorder) Summary(elapsed time.Duration) (ops []OpResult, total OpResult) {
	r.mu.Lock()
	names := make([]string, 0, len(r.ops))
	for name := range r.ops {
		names = append(names, name)
	}
	r.mu.Unlock()
	sort.Strings(names)
	all := &opStats{errs: map[string]uint64{}}
	for _, name := range names {
		s := r.stats(name)
		s.mu.Lock()
		ops = append(ops, summarize(name, s, &s.hist, elapsed))
		all.hist.Merge(&s.hist)
		all.ok += s.ok
		all.expected += s.expected
		for code, n := range s.errs {
			all.errs[code] += n
		}
		s.mu.Unlock()
	}
	return ops, summarize("all", all, &all.hist, elapsed)
}
