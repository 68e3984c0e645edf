package sqlite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/connectlite/connectlite"
	"github.com/google/uuid"
)

// benchUsers is how many users the read benchmarks seed: small by default,
// so `go test -bench .` stays quick; CONNECTLITE_BENCH_USERS=1000000
// reproduces the million-user target of the performance issue.
func benchUsers(b *testing.B) int {
	n := 5000
	if v := os.Getenv("CONNECTLITE_BENCH_USERS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("CONNECTLITE_BENCH_USERS=%q: want a positive number", v)
		}
	}
	return n
}

// benchStore opens a store with one instance.
func benchStore(b *testing.B) (*Store, *connectlite.NewInstance, func() string) {
	b.Helper()
	s := mustOpen(b, filepath.Join(b.TempDir(), "db.sqlite"))
	b.Cleanup(func() { s.Close() })
	newID := seq()
	n := newInstance(newID, "bench")
	if err := s.CreateInstance(b.Context(), n); err != nil {
		b.Fatal(err)
	}
	return s, n, newID
}

// seedUsers inserts count users through the same code as CreateUser,
// batching many into one transaction so seeding a million stays feasible.
func seedUsers(b *testing.B, s *Store, n *connectlite.NewInstance, newID func() string, count int) []string {
	b.Helper()
	ids := make([]string, 0, count)
	const batch = 5000
	for start := 0; start < count; start += batch {
		err := s.write(b.Context(), "seed users", func(tx *txn) error {
			for i := start; i < min(start+batch, count); i++ {
				u := newUser(n, newID(), fmt.Sprintf("user%07d", i))
				if err := insertUser(b.Context(), tx, u, ""); err != nil {
					return err
				}
				ids = append(ids, u.ID)
			}
			return nil
		})
		if err != nil {
			b.Fatalf("seed users: %v", err)
		}
	}
	return ids
}

// BenchmarkCreateUser measures one durable CreateUser (a transaction and
// an fsync each) from a single caller.
func BenchmarkCreateUser(b *testing.B) {
	s, n, newID := benchStore(b)
	i := 0
	for b.Loop() {
		i++
		if err := s.CreateUser(b.Context(), newUser(n, newID(), "user"+strconv.Itoa(i)), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateUserParallel measures durable CreateUser without a
// password from 64 concurrent callers, as 64 clients of the server would
// drive it: the throughput group commit is for.
func BenchmarkCreateUserParallel(b *testing.B) {
	s, n, _ := benchStore(b)
	batches, committed := s.batches.Load(), s.committed.Load()
	var next atomic.Int64
	b.SetParallelism(max(1, 64/runtime.GOMAXPROCS(0)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			id := uuid.Must(uuid.NewV7()).String() // the server's ids (see cli's serve)
			if err := s.CreateUser(b.Context(), newUser(n, id, "user"+strconv.FormatInt(i, 10)), ""); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "creates/s")
	if n := s.batches.Load() - batches; n > 0 {
		b.ReportMetric(float64(s.committed.Load()-committed)/float64(n), "writes/commit")
	}
}

// BenchmarkUser measures DescribeUser's read from parallel callers.
func BenchmarkUser(b *testing.B) {
	s, n, newID := benchStore(b)
	ids := seedUsers(b, s, n, newID, benchUsers(b))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		r := rand.New(rand.NewPCG(rand.Uint64(), 0))
		for pb.Next() {
			if _, err := s.User(b.Context(), n.Instance.ID, ids[r.IntN(len(ids))]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkListUsersPage measures one ListUsers page of 1000 (the
// largest MaxResults) starting at a random user.
func BenchmarkListUsersPage(b *testing.B) {
	s, n, newID := benchStore(b)
	ids := seedUsers(b, s, n, newID, benchUsers(b))
	r := rand.New(rand.NewPCG(1, 2))
	for b.Loop() {
		if _, _, err := s.ListUsers(b.Context(), n.Instance.ID, connectlite.PageRequest{Limit: 1000, After: ids[r.IntN(len(ids))]}); err != nil {
			b.Fatal(err)
		}
	}
}
