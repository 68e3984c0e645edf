package bench

import (
	"bytes"
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
