// Package password hashes user passwords with bcrypt.
//
// Hashing is deliberately slow, so a Hasher bounds the work it accepts: at
// most Concurrency hashes run at once (GOMAXPROCS by default) and at most
// MaxWaiting callers wait for a free slot. A caller that finds the wait queue
// full gets a connectlite KindThrottled error at once, which the HTTP layer
// answers with ThrottlingException, instead of piling up goroutines.
package password

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"

	"golang.org/x/crypto/bcrypt"

	"github.com/connectlite/connectlite"
)

// DefaultCost is the bcrypt cost used when none is configured: 2^10 rounds,
// about 50-100 ms per hash on a current CPU core.
const DefaultCost = 10

// DefaultMaxWaiting is the default number of callers that may wait for a
// hashing slot before further callers are throttled.
const DefaultMaxWaiting = 256

// Options configure a Hasher; zero fields take their defaults.
type Options struct {
	// Cost is the bcrypt cost, bcrypt.MinCost (4) to bcrypt.MaxCost (31).
	// Zero means DefaultCost.
	Cost int
	// Concurrency is how many hashes may be computed at once. Zero means
	// runtime.GOMAXPROCS(0).
	Concurrency int
	// MaxWaiting is how many callers may wait for a slot. Zero means
	// DefaultMaxWaiting; a negative value means none may wait.
	MaxWaiting int
}

// Hasher computes bcrypt hashes with bounded concurrency. It implements
// connectlite.PasswordHasher and is safe for concurrent use.
type Hasher struct {
	cost  int
	slots chan struct{} // one token per hash being computed
	queue chan struct{} // one token per caller waiting for a slot
}

var _ connectlite.PasswordHasher = (*Hasher)(nil)

// New returns a Hasher configured by o.
func New(o Options) (*Hasher, error) {
	if o.Cost == 0 {
		o.Cost = DefaultCost
	}
	if o.Cost < bcrypt.MinCost || o.Cost > bcrypt.MaxCost {
		return nil, fmt.Errorf("bcrypt cost must be %d to %d, got %d", bcrypt.MinCost, bcrypt.MaxCost, o.Cost)
	}
	if o.Concurrency <= 0 {
		o.Concurrency = runtime.GOMAXPROCS(0)
	}
	switch {
	case o.MaxWaiting == 0:
		o.MaxWaiting = DefaultMaxWaiting
	case o.MaxWaiting < 0:
		o.MaxWaiting = 0
	}
	return &Hasher{
		cost:  o.Cost,
		slots: make(chan struct{}, o.Concurrency),
		queue: make(chan struct{}, o.MaxWaiting),
	}, nil
}

// Cost returns the bcrypt cost of new hashes.
func (h *Hasher) Cost() int { return h.cost }

// Hash returns the bcrypt hash of password. It returns a KindThrottled error
// without waiting when the wait queue is full, and ctx.Err() if ctx ends
// while waiting for a slot. A hash that has started runs to completion.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer func() { <-h.slots }()
	b, err := bcrypt.GenerateFromPassword(prepare(password), h.cost)
	if err != nil {
		return "", fmt.Errorf("bcrypt: %w", err)
	}
	return string(b), nil
}

// acquire takes a hashing slot, waiting in the bounded queue if needed.
func (h *Hasher) acquire(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case h.slots <- struct{}{}:
		return nil
	default:
	}
	select {
	case h.queue <- struct{}{}:
	default:
		return connectlite.Errorf(connectlite.KindThrottled, "Too many password hashes are being computed; retry later")
	}
	defer func() { <-h.queue }()
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ErrMismatch is returned by Verify when the password does not match.
var ErrMismatch = errors.New("password does not match")

// Verify reports whether password matches hash: nil if it does, ErrMismatch
// if it does not, another error if hash is not a bcrypt hash. It is not
// throttled; callers that verify on a hot path should bound it themselves.
func Verify(hash, password string) error {
	err := bcrypt.CompareHashAndPassword([]byte(hash), prepare(password))
	if errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
		return ErrMismatch
	}
	if err != nil {
		return fmt.Errorf("bcrypt: %w", err)
	}
	return nil
}

// prepare returns the bytes bcrypt hashes. bcrypt reads at most 72 bytes,
// and a 64-character password of multi-byte characters can be longer, so
// longer passwords are first reduced to the base64 of their SHA-256 (44
// bytes): every byte of them then counts.
func prepare(password string) []byte {
	if len(password) <= 72 {
		return []byte(password)
	}
	sum := sha256.Sum256([]byte(password))
	return []byte(base64.StdEncoding.EncodeToString(sum[:]))
}
