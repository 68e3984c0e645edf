package bench

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/connectlite/connectlite/internal/password"
)

// Machine describes where a benchmark ran.
type Machine struct {
	CPU       string    `json:"cpu"`
	Cores     int       `json:"cores"`
	GoVersion string    `json:"go_version"`
	OS        string    `json:"os"`
	Kernel    string    `json:"kernel,omitempty"`
	MemTotal  string    `json:"mem_total,omitempty"`
	Date      time.Time `json:"date"`
	// LoadAvg is /proc/loadavg's 1, 5 and 15-minute load averages when
	// the machine was described: other work competing for the cores.
	LoadAvg string `json:"load_avg,omitempty"`
}

// LoadAvg returns the 1, 5 and 15-minute load averages of /proc/loadavg.
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// ThisMachine describes the machine the process runs on.
func ThisMachine() Machine {
	m := Machine{
		CPU:       "unknown",
		Cores:     runtime.NumCPU(),
		GoVersion: runtime.Version(),
		OS:        runtime.GOOS + "/" + runtime.GOARCH,
		Date:      time.Now().UTC(),
	}
	if v := procField("/proc/cpuinfo", "model name"); v != "" {
		m.CPU = v
	}
	if kb, err := strconv.ParseInt(strings.TrimSuffix(procField("/proc/meminfo", "MemTotal"), " kB"), 10, 64); err == nil {
		m.MemTotal = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
	}
	m.LoadAvg = LoadAvg()
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	return m
}

// procField returns the value of the first "name : value" line of a /proc file.
func procField(path, name string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == name {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// HashTiming is the cost of one password hash on this machine.
type HashTiming struct {
	Cost int `json:"cost"`
	// PerHash is the median CPU time of one hash on one core: what the
	// hash costs whatever else the machine runs. Wall is the median
	// elapsed time, which other processes can stretch.
	PerHash Millis `json:"per_hash_ms"`
	Wall    Millis `json:"wall_ms"`
	Samples int    `json:"samples"`
	// Capacity is the most hashes per second the machine's cores can
	// compute: cores / PerHash.
	Capacity float64 `json:"capacity_per_s"`
}

// threadCPU returns the CPU time of the calling OS thread.
func threadCPU() (time.Duration, error) {
	const rusageThread = 1 // RUSAGE_THREAD, Linux
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}

// MeasureHash times samples sequential hashes at cost with connectlite's own
// hasher, on one OS thread, and returns the medians.
func MeasureHash(ctx context.Context, cost, samples int) (HashTiming, error) {
	h, err := password.New(password.Options{Cost: cost, Concurrency: 1})
	if err != nil {
		return HashTiming{}, err
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu, wall Histogram
	for range max(samples, 1) {
		c0, err := threadCPU()
		if err != nil {
			return HashTiming{}, fmt.Errorf("thread CPU time: %w", err)
		}
		t := time.Now()
		if _, err := h.Hash(ctx, BenchPassword); err != nil {
			return HashTiming{}, fmt.Errorf("hash: %w", err)
		}
		wall.Record(time.Since(t))
		c1, err := threadCPU()
		if err != nil {
			return HashTiming{}, fmt.Errorf("thread CPU time: %w", err)
		}
		cpu.Record(c1 - c0)
	}
	per := cpu.Quantile(0.5)
	if per <= 0 {
		// Thread CPU time counts in clock ticks (10 ms): a hash cheaper than a
		// tick reads as zero, so fall back to the elapsed time.
		per = wall.Quantile(0.5)
	}
	return HashTiming{
		Cost: h.Cost(), PerHash: Millis(per), Wall: Millis(wall.Quantile(0.5)), Samples: int(cpu.Count()),
		Capacity: float64(runtime.NumCPU()) / per.Seconds(),
	}, nil
}
