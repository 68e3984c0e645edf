package postgres

import "time"

// The jsonb columns are encoded by internal/storecodec, in the SQLite
// store's shapes, so data can move between the two; the store passes them
// to pgx as []byte.

// timeToDB returns t as timestamptz stores it: UTC, whole microseconds
// (truncated, as pgx's binary encoding does).
func timeToDB(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}

// timeFromDB returns a time read from the database in UTC.
func timeFromDB(t time.Time) time.Time {
	return t.UTC()
}

// nullable stores "" as NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
