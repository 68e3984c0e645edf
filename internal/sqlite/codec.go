package sqlite

import "time"

// The JSON columns are encoded by internal/storecodec, in the shapes the
// PostgreSQL store shares; the store reads and writes them as TEXT.

// timeToDB stores t as nanoseconds since the epoch; the zero time is 0.
func timeToDB(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// timeFromDB returns a UTC time; 0 is the zero time.
func timeFromDB(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func boolToDB(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// nullable stores "" as NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
