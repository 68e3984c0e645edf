package password

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/connectlite/connectlite"
)

func newHasher(t *testing.T, o Options) *Hasher {
	t.Helper()
	h, err := New(o)
	if err != nil {
		t.Fatalf("New(%+v): %v", o, err)
	}
	return h
}

func TestHashVerify(t *testing.T) {
	long := strings.Repeat("é", 40) + "Aa1" // 83 bytes: beyond bcrypt's 72
	tests := []struct {
		name     string
		password string
		try      string
		want     error
	}{
		{"Match", "Pass@Word1", "Pass@Word1", nil},
		{"Mismatch", "Pass@Word1", "Pass@Word2", ErrMismatch},
		{"LongMatch", long, long, nil},
		{"LongDiffersAfter72Bytes", long, strings.Repeat("é", 40) + "Aa2", ErrMismatch},
	}
	h := newHasher(t, Options{Cost: bcrypt.MinCost})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hash, err := h.Hash(context.Background(), tt.password)
			if err != nil {
				t.Fatalf("Hash: %v", err)
			}
			if strings.Contains(hash, tt.password) {
				t.Fatalf("hash %q contains the password", hash)
			}
			if got := Verify(hash, tt.try); !errors.Is(got, tt.want) {
				t.Fatalf("Verify = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVerifyNotAHash(t *testing.T) {
	err := Verify("not-a-hash", "Pass@Word1")
	if err == nil || errors.Is(err, ErrMismatch) {
		t.Fatalf("Verify(garbage) = %v, want a format error", err)
	}
}

func TestNewDefaults(t *testing.T) {
	h := newHasher(t, Options{})
	if got, want := h.Cost(), DefaultCost; got != want {
		t.Errorf("Cost = %d, want %d", got, want)
	}
	if got, want := cap(h.slots), runtime.GOMAXPROCS(0); got != want {
		t.Errorf("concurrency = %d, want %d", got, want)
	}
	if got, want := cap(h.queue), DefaultMaxWaiting; got != want {
		t.Errorf("max waiting = %d, want %d", got, want)
	}
}

func TestNewRejectsBadCost(t *testing.T) {
	for _, cost := range []int{1, 3, 32} {
		if _, err := New(Options{Cost: cost}); err == nil {
			t.Errorf("New(Cost: %d): no error", cost)
		}
	}
}

func TestDefaultCostIsUsed(t *testing.T) {
	if testing.Short() {
		t.Skip("one hash at cost 10")
	}
	h := newHasher(t, Options{})
	hash, err := h.Hash(context.Background(), "Pass@Word1")
	if err != nil {
		t.Fatal(err)
	}
	cost, err := bcrypt.Cost([]byte(hash))
	if err != nil {
		t.Fatal(err)
	}
	if cost != DefaultCost {
		t.Fatalf("cost = %d, want %d", cost, DefaultCost)
	}
}

// waitQueued waits until n callers wait for a slot.
func waitQueued(h *Hasher, n int) {
	for len(h.queue) != n {
		runtime.Gosched()
	}
}

func TestHashThrottlesWhenQueueIsFull(t *testing.T) {
	h := newHasher(t, Options{Cost: bcrypt.MinCost, Concurrency: 1, MaxWaiting: 1})
	h.slots <- struct{}{} // a hash in progress
	done := make(chan error, 1)
	go func() {
		_, err := h.Hash(context.Background(), "Pass@Word1")
		done <- err
	}()
	waitQueued(h, 1)

	_, err := h.Hash(context.Background(), "Pass@Word1")
	if got, want := connectlite.KindOf(err), connectlite.KindThrottled; got != want {
		t.Fatalf("third Hash: kind = %v, want %v (err: %v)", got, want, err)
	}

	<-h.slots // the hash in progress ends
	if err := <-done; err != nil {
		t.Fatalf("queued Hash: %v", err)
	}
	if got := len(h.queue); got != 0 {
		t.Fatalf("queue length after completion = %d, want 0", got)
	}
}

func TestHashNoWaiting(t *testing.T) {
	h := newHasher(t, Options{Cost: bcrypt.MinCost, Concurrency: 1, MaxWaiting: -1})
	h.slots <- struct{}{}
	_, err := h.Hash(context.Background(), "Pass@Word1")
	if got, want := connectlite.KindOf(err), connectlite.KindThrottled; got != want {
		t.Fatalf("kind = %v, want %v (err: %v)", got, want, err)
	}
}

func TestHashCancelledWhileWaiting(t *testing.T) {
	h := newHasher(t, Options{Cost: bcrypt.MinCost, Concurrency: 1, MaxWaiting: 4})
	h.slots <- struct{}{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := h.Hash(ctx, "Pass@Word1")
		done <- err
	}()
	waitQueued(h, 1)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Hash = %v, want context.Canceled", err)
	}
	if got := len(h.queue); got != 0 {
		t.Fatalf("queue length after cancel = %d, want 0", got)
	}
}

func TestHashCancelledBeforeStart(t *testing.T) {
	h := newHasher(t, Options{Cost: bcrypt.MinCost})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.Hash(ctx, "Pass@Word1"); !errors.Is(err, context.Canceled) {
		t.Fatalf("Hash = %v, want context.Canceled", err)
	}
}

func TestHashConcurrent(t *testing.T) {
	h := newHasher(t, Options{Cost: bcrypt.MinCost, Concurrency: 2, MaxWaiting: 16})
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			hash, err := h.Hash(context.Background(), "Pass@Word1")
			if err == nil {
				err = Verify(hash, "Pass@Word1")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkHashDefaultCost(b *testing.B) {
	h, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := h.Hash(context.Background(), "Pass@Word1"); err != nil {
			b.Fatal(err)
		}
	}
}
