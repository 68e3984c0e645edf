package awscli

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// parseTimestampInput reads a timestamp parameter as botocore's
// parse_to_aware_datetime does for the forms people use: epoch seconds (a
// number or a numeric string) and ISO 8601 / RFC 3339 dates and times
// (UTC unless a zone is given), plus RFC 1123 dates.
func parseTimestampInput(v any) (time.Time, error) {
	switch x := v.(type) {
	case int64:
		return time.Unix(x, 0).UTC(), nil
	case float64:
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC(), nil
	case string:
		s := strings.TrimSpace(x)
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			sec, frac := math.Modf(f)
			return time.Unix(int64(sec), int64(math.Round(frac*1e6))*1000).UTC(), nil
		}
		layouts := []string{
			time.RFC3339Nano,
			"2006-01-02T15:04:05.999999999",
			"2006-01-02T15:04:05Z0700",
			"2006-01-02T15:04Z07:00",
			"2006-01-02T15:04",
			"2006-01-02 15:04:05.999999999Z07:00",
			"2006-01-02 15:04:05.999999999",
			"2006-01-02 15:04",
			"2006-01-02",
			"20060102T150405Z",
			"20060102",
			time.RFC1123,
			time.RFC1123Z,
			"Mon, 2 Jan 2006 15:04:05 GMT",
		}
		for _, l := range layouts {
			if t, err := time.Parse(l, s); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("Invalid timestamp %q", x)
	}
	return time.Time{}, fmt.Errorf("invalid timestamp type %T", v)
}

// epochValue is a time as JSON epoch seconds: an integer when whole, with
// milliseconds otherwise (botocore's unixtimestamp serialisation).
func epochValue(t time.Time) any {
	if t.Nanosecond() == 0 {
		return t.Unix()
	}
	ms := t.UnixMilli()
	return float64(ms) / 1000
}

// iso8601 formats t as botocore does for querystring timestamps.
func iso8601(t time.Time) string {
	if t.Nanosecond() != 0 {
		return t.UTC().Format("2006-01-02T15:04:05.000000Z")
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}
