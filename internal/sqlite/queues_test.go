package sqlite

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestQueueQueriesUseIndexes guards the plans of the queue and hours of
// operation queries: pages are range scans of the primary key and the
// in-use checks of the deletes are index lookups, never scans or sorts.
func TestQueueQueriesUseIndexes(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	tests := []struct {
		name, query string
		args        []any
		wantIndex   string
	}{
		{"ListHoursPage", listHoursQuery, []any{"i", "", 100}, "PRIMARY KEY"},
		{"ListQueuesPage", listQueuesQuery, []any{"i", "", "STANDARD", "AGENT", 100}, "PRIMARY KEY"},
		{"QueueOfHours", queueOfHoursQuery, []any{"i", "h"}, "queues_hours"},
		{"ProfileOfDefaultQueue", profileOfDefaultQueueQuery, []any{"i", "q"}, "routing_profiles_default_queue"},
		{"ProfileOfQueueConfig", profileOfQueueConfigQuery, []any{"i", "q"}, "routing_profile_queues_queue"},
		{"ProfileOfManualQueue", profileOfManualQueueQuery, []any{"i", "q"}, "routing_profile_manual_queues_queue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := queryPlan(t, s, tc.query, tc.args...)
			if !strings.Contains(plan, "SEARCH") || !strings.Contains(plan, tc.wantIndex) ||
				strings.Contains(plan, "SCAN") || strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("plan:\n%s\nwant a SEARCH using %s without SCAN or TEMP B-TREE", plan, tc.wantIndex)
			}
		})
	}
}
