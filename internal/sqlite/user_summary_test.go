package sqlite

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectlite/connectlite"
)

// TestListUserSummariesIsKeysetRangeScan checks that a page of summaries is
// a range scan of the users' primary key in id order: no full scan, no
// sort, however many users the instance has.
func TestListUserSummariesIsKeysetRangeScan(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	plan := queryPlan(t, s, listUserSummariesQuery, "i", "x", 1001)
	if !strings.Contains(plan, "SEARCH users USING PRIMARY KEY (instance_id=? AND id>?)") ||
		strings.Contains(plan, "SCAN") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("plan:\n%s\nwant a SEARCH of the primary key on (instance_id=? AND id>?) without SCAN or TEMP B-TREE", plan)
	}
}

// BenchmarkListUserSummariesPage measures one page of 1000 summaries (what
// ListUsers now reads) starting at a random user; compare with
// BenchmarkListUsersPage, which loads the users whole.
func BenchmarkListUserSummariesPage(b *testing.B) {
	s, n, newID := benchStore(b)
	ids := seedUsers(b, s, n, newID, benchUsers(b))
	r := rand.New(rand.NewPCG(1, 2))
	for b.Loop() {
		if _, _, err := s.ListUserSummaries(b.Context(), n.Instance.ID, connectlite.PageRequest{Limit: 1000, After: ids[r.IntN(len(ids))]}); err != nil {
			b.Fatal(err)
		}
	}
}
