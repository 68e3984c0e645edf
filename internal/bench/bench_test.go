package bench

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"
)

func BenchmarkHistogramRecord(b *testing.B) {
	var h Histogram
	d := 1234567 * time.Nanosecond
	for b.Loop() {
		h.Record(d)
		d += 977
	}
}

// BenchmarkCeilingCreateUser is one signed CreateUser round trip through
// the reference ceiling over loopback: the generator's and the stack's
// cost per call, with no store.
func BenchmarkCeilingCreateUser(b *testing.B) {
	ts := httptest.NewServer(NewCeiling(testKeys, nil))
	defer ts.Close()
	c := NewClient(ts.URL, "us-west-2", "test", "test", 1)
	defer c.Close()
	f := NewFixture()
	f.SAML = &Instance{ID: newUUID(), SecurityProfileID: newUUID(), RoutingProfileID: newUUID()}
	op, err := f.NewOp(OpCreateUser, "")
	if err != nil {
		b.Fatal(err)
	}
	w := newWorker(0)
	ctx := context.Background()
	for b.Loop() {
		resp, err := c.Do(ctx, op.Next(w, 0))
		if err != nil || resp.Status != 200 {
			b.Fatalf("CreateUser: %v %v", err, resp)
		}
	}
}
