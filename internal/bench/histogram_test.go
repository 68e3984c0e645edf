package bench

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestHistogramQuantiles(t *testing.T) {
	tests := []struct {
		name   string
		values func(i int) time.Duration
		n      int
	}{
		{"Uniform1msTo100ms", func(i int) time.Duration { return time.Millisecond + time.Duration(i)*99*time.Microsecond }, 1000},
		{"SmallExactValues", func(i int) time.Duration { return time.Duration(i % 200) }, 1000},
		{"HeavyTail", func(i int) time.Duration {
			if i%100 == 0 {
				return time.Second + time.Duration(i)*time.Millisecond
			}
			return 500*time.Microsecond + time.Duration(i)*time.Microsecond
		}, 5000},
		{"Random", func(int) time.Duration { return time.Duration(rand.Int64N(int64(10 * time.Second))) }, 20000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h Histogram
			vals := make([]time.Duration, tt.n)
			for i := range vals {
				vals[i] = tt.values(i)
				h.Record(vals[i])
			}
			slices.Sort(vals)
			for _, q := range []float64{0.5, 0.95, 0.99, 1} {
				want := vals[max(int(q*float64(tt.n)+0.999999)-1, 0)]
				got := h.Quantile(q)
				if diff := float64(got-want) / float64(max(want, 1)); got < want || diff > 1.0/128 {
					t.Errorf("Quantile(%v) = %v, want %v within +0.8%%", q, got, want)
				}
			}
			if got, want := h.Max(), vals[len(vals)-1]; got != want {
				t.Errorf("Max = %v, want %v", got, want)
			}
			if got, want := h.Count(), uint64(tt.n); got != want {
				t.Errorf("Count = %d, want %d", got, want)
			}
		})
	}
}

func TestHistogramBucketsCoverEveryValue(t *testing.T) {
	for _, v := range []int64{0, 1, 255, 256, 257, 511, 512, 1e3, 1e6, 1e9, 1 << 40, 1<<62 + 12345, 1<<63 - 1} {
		b := bucketOf(v)
		if b < 0 || b >= numBuckets {
			t.Fatalf("bucketOf(%d) = %d, outside [0, %d)", v, b, numBuckets)
		}
		if hi := bucketHigh(b); hi < v || (b > 0 && bucketHigh(b-1) >= v) {
			t.Errorf("value %d in bucket %d whose range ends at %d (previous ends at %d)", v, b, hi, bucketHigh(b-1))
		}
	}
}

func TestHistogramMerge(t *testing.T) {
	var a, b, all Histogram
	for i := range 1000 {
		d := time.Duration(i) * time.Microsecond
		all.Record(d)
		if i%2 == 0 {
			a.Record(d)
		} else {
			b.Record(d)
		}
	}
	a.Merge(&b)
	for _, q := range []float64{0.5, 0.99} {
		if got, want := a.Quantile(q), all.Quantile(q); got != want {
			t.Errorf("merged Quantile(%v) = %v, want %v", q, got, want)
		}
	}
	if got, want := a.Min(), all.Min(); got != want {
		t.Errorf("merged Min = %v, want %v", got, want)
	}
}
