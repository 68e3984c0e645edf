package postgres

import (
	"strings"
	"testing"
)

// TestListUserSummariesIsKeysetRangeScan checks that a page of summaries is
// an ordered range scan of users_pkey: no sort, no offset.
func TestListUserSummariesIsKeysetRangeScan(t *testing.T) {
	db := newDatabase(t)
	db.open(t)
	ctx := t.Context()
	tx, err := db.admin.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	// On an empty table the planner prefers a sequential scan; forbid it
	// to see whether the index serves the query.
	if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off; SET LOCAL search_path = `+db.schema); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(ctx, `EXPLAIN `+listUserSummariesQuery, "i", "x", 1001)
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(plan, "\n")
	if len(plan) < 3 || !strings.HasPrefix(plan[0], "Limit") || !strings.Contains(plan[1], "Index Scan using users_pkey") ||
		!strings.Contains(plan[2], "Index Cond: ((instance_id = 'i'::text) AND (id > 'x'::text))") || strings.Contains(text, "Sort") {
		t.Fatalf("plan of a ListUserSummaries page is not an ordered range scan of users_pkey:\n%s", text)
	}
}
