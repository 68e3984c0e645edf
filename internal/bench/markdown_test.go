package bench

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestMarkdownPointsAtTheReasonsOfAMiss checks that a report with a missed
// target says where its reasons are, and that one without says nothing.
func TestMarkdownPointsAtTheReasonsOfAMiss(t *testing.T) {
	const pointer = "A missed target's reasons are in the server's CPU profiles below"
	for _, tc := range []struct {
		name    string
		restart time.Duration
		want    bool
	}{
		{"Missed", 3 * time.Second, true},
		{"Met", 100 * time.Millisecond, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := &SuiteReport{Stores: []*StoreReport{{Store: "embedded", Phases: map[string]*Result{}, Restart: Millis(tc.restart)}}}
			var b bytes.Buffer
			if err := WriteMarkdown(&b, rep, "scripts/bench.sh"); err != nil {
				t.Fatalf("WriteMarkdown: %v", err)
			}
			if got := strings.Contains(b.String(), pointer); got != tc.want {
				t.Errorf("report with restart %s has the pointer: %v, want %v\n%s", tc.restart, got, tc.want, b.String())
			}
		})
	}
}

// TestCeilingVerdictUsesTheAdjacentCeiling: T1 is judged against the
// ceiling measured around it when there is one, else against the run's
// best.
func TestCeilingVerdictUsesTheAdjacentCeiling(t *testing.T) {
	res := func(throughput float64) *Result {
		return &Result{Total: OpResult{OK: 1, Throughput: throughput}}
	}
	for _, tc := range []struct {
		name     string
		adjacent *Result
		wantMet  bool
		wantText string
	}{
		{"Adjacent", res(1500), true, "0.53 × ceiling measured around it (1500 req/s); 0.40 × the run's best ceiling (2000 req/s)"},
		{"NoAdjacent", nil, false, "0.40 × ceiling (2000 req/s)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := &SuiteReport{Ceiling: map[string]*Result{PhaseT1: res(2000)}}
			sr := &StoreReport{Phases: map[string]*Result{PhaseT1: res(800)}, Ceiling: map[string]*Result{}}
			if tc.adjacent != nil {
				sr.Ceiling[PhaseT1] = tc.adjacent
			}
			v := ceilingVerdict(rep, sr, PhaseT1, 0.5, "ceiling")
			if v.Met != tc.wantMet || v.Ratio != tc.wantText {
				t.Errorf("verdict = %+v, want met %v and ratio %q", v, tc.wantMet, tc.wantText)
			}
		})
	}
}

// TestMillisRoundTrip: the report's JSON line reads back into its types.
func TestMillisRoundTrip(t *testing.T) {
	for _, d := range []time.Duration{0, time.Microsecond, 1040 * time.Microsecond, 2*time.Minute + 5*time.Millisecond} {
		b, err := json.Marshal(Millis(d))
		if err != nil {
			t.Fatal(err)
		}
		var got Millis
		if err := json.Unmarshal(b, &got); err != nil || got.D() != d {
			t.Errorf("%v -> %s -> %v, %v", d, b, got.D(), err)
		}
	}
	var m Millis
	if err := json.Unmarshal([]byte(`"soon"`), &m); err == nil {
		t.Error(`Millis accepted "soon"`)
	}
}
