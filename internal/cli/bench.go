package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/connectlite/connectlite/internal/bench"
)

// benchUsage describes the bench subcommands.
const benchUsage = `usage: connectlite bench <command> [flags]

commands:
  load      load a running server with SigV4-signed requests and print the figures
  ceiling   serve the reference ceiling: the same HTTP and SigV4 stack, no store
  run       start the ceiling and connectlite, load each, write BENCHMARKS.md

Run "connectlite bench <command> -h" for the flags of a command.`

// runBench dispatches "connectlite bench ...".
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, benchUsage)
		return errors.New("bench: missing command")
	}
	switch args[0] {
	case "load":
		return benchLoad(ctx, args[1:], stdout, stderr)
	case "ceiling":
		return benchCeiling(ctx, args[1:], stderr)
	case "run":
		return benchRun(ctx, args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stdout, benchUsage)
		return nil
	}
	fmt.Fprintln(stderr, benchUsage)
	return fmt.Errorf("bench: unknown command %q", args[0])
}

// benchFlags parses args; -h prints the usage and returns flag.ErrHelp.
func benchFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%s: unexpected arguments %q", fs.Name(), fs.Args())
	}
	return nil
}

func benchLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench load", flag.ContinueOnError)
	endpoint := fs.String("endpoint", os.Getenv("AWS_ENDPOINT_URL_CONNECT"), "server URL (default $AWS_ENDPOINT_URL_CONNECT)")
	region := fs.String("region", "us-east-1", "region of the SigV4 scope")
	accessKey := fs.String("access-key", "test", "access key id")
	secretKey := fs.String("secret-key", "test", "secret access key")
	opName := fs.String("op", bench.OpMix, "operation: "+strings.Join(bench.Operations, ", ")+" or "+bench.OpMix)
	mix := fs.String("mix", bench.DefaultMix, "weights of the mix, op=weight,...")
	clients := fs.Int("clients", 64, "concurrent clients")
	duration := fs.Duration("duration", 10*time.Second, "measured duration (0: until --requests)")
	warmup := fs.Duration("warmup", time.Second, "unmeasured warm-up before the measured duration")
	requests := fs.Uint64("requests", 0, "stop after this many calls (0: no limit)")
	rate := fs.Float64("rate", 0, "open loop: requests per second (0: closed loop)")
	users := fs.Uint64("users", 1000, "users to create before the run, the targets of reads, updates, lists and searches")
	listPage := fs.Int("list-page", 1000, "MaxResults of ListUsers")
	searchPage := fs.Int("search-page", 100, "MaxResults of SearchUsers")
	jsonOnly := fs.Bool("json", false, "print only the JSON line")
	serverPID := fs.Int("server-pid", 0, "process id of the server, if local: report the CPU time it uses per call")
	ceiling := fs.Bool("ceiling", false, "the endpoint is the reference ceiling (bench ceiling): create no instance or users, use made-up ids")
	if err := benchFlags(fs, args, stderr); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if *endpoint == "" {
		return errors.New("bench load: --endpoint is required")
	}
	check := bench.NewFixture()
	check.UseCeiling()
	if _, err := check.NewOp(*opName, *mix); err != nil {
		return fmt.Errorf("bench load: %w", err)
	}
	c := bench.NewClient(*endpoint, *region, *accessKey, *secretKey, *clients)
	defer c.Close()
	f := bench.NewFixture()
	f.ListPage, f.SearchPage = *listPage, *searchPage
	var results []*bench.Result
	if *ceiling {
		f.UseCeiling()
	} else if err := f.Setup(ctx, c, strings.Contains(*opName+*mix, bench.OpCreateUserPassword)); err != nil {
		return fmt.Errorf("bench load: %w", err)
	}
	if *users > 0 && !*ceiling {
		fmt.Fprintf(stderr, "creating %d users in instance %s\n", *users, f.SAML.ID)
		seed, err := f.Seed(ctx, c, *users, *clients, *serverPID)
		if err != nil {
			return fmt.Errorf("bench load: %w", err)
		}
		results = append(results, seed)
	}
	op, err := f.NewOp(*opName, *mix)
	if err != nil {
		return fmt.Errorf("bench load: %w", err)
	}
	if err := bench.Probe(ctx, c, op); err != nil {
		return fmt.Errorf("bench load: %s cannot run: %w", *opName, err)
	}
	opts := bench.Options{Clients: *clients, Duration: *duration, Warmup: *warmup, Requests: *requests, Rate: *rate, ServerPID: *serverPID}
	if strings.Contains(*opName+" "+*mix, bench.OpCreateUserPassword) {
		opts.Expected = []string{"ThrottlingException"}
	}
	r, err := bench.Run(ctx, c, *opName, op, opts)
	if err != nil {
		return fmt.Errorf("bench load: %w", err)
	}
	results = append(results, r)
	if !*jsonOnly {
		if err := bench.WriteTable(stdout, results...); err != nil {
			return err
		}
	}
	if err := bench.WriteJSONLine(stdout, map[string]any{"endpoint": *endpoint, "results": results}); err != nil {
		return err
	}
	if n := r.Total.UnexpectedErrors; n > 0 {
		return fmt.Errorf("bench load: %d unexpected errors: %s", n, bench.FormatErrors(r.Total.Errors))
	}
	return nil
}

func benchCeiling(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench ceiling", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:4567", "listen address")
	keys := fs.String("access-keys", "test:test", "accepted access keys, ID:SECRET[,ID:SECRET...]")
	if err := benchFlags(fs, args, stderr); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	secrets, err := ParseAccessKeys(*keys)
	if err != nil {
		return fmt.Errorf("bench ceiling: --access-keys: %w", err)
	}
	if len(secrets) == 0 {
		return errors.New("bench ceiling: --access-keys names no key")
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return bench.ServeCeiling(ctx, *addr, secrets, stderr, logger)
}

func benchRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench run", flag.ContinueOnError)
	out := fs.String("out", "BENCHMARKS.md", "the report to write (\"-\": standard output, \"\": none)")
	users := fs.Uint64("users", 50_000, "T4: users to load into one instance (the target is 1000000)")
	pgUsers := fs.Uint64("store-users", 0, "T4 size on the PostgreSQL store (0: --users)")
	clients := fs.Int("clients", 64, "concurrent clients of T1, T2, T3, updates and the mix")
	latClients := fs.Int("latency-clients", 1, "concurrent clients of T4's ListUsers and SearchUsers")
	duration := fs.Duration("duration", 10*time.Second, "measured time of each phase")
	warmup := fs.Duration("warmup", time.Second, "unmeasured warm-up of each phase")
	cost := fs.Int("bcrypt-cost", 0, "the server's bcrypt cost (0: its default)")
	store := fs.String("store", "", "also run on this PostgreSQL store (postgres://...)")
	search := fs.Bool("search", true, "run SearchUsers (reported as not run if the server lacks it)")
	profileDir := fs.String("profile-dir", "", "capture the server's CPU profiles of T1, T3 and ListUsers here (starts serve with --pprof) and summarize them in the report")
	logLevel := fs.String("log-level", "", "serve's --log-level (default: serve's own default)")
	binary := fs.String("binary", "", "the connectlite binary to start (default: this one)")
	workDir := fs.String("work-dir", "", "where data and logs go (default: a temporary directory, removed afterwards)")
	command := fs.String("command", "scripts/bench.sh", "the command the report says made it")
	jsonLine := fs.Bool("json", false, "print the report as one JSON line on standard output")
	if err := benchFlags(fs, args, stderr); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if *store != "" && !strings.HasPrefix(*store, "postgres://") && !strings.HasPrefix(*store, "postgresql://") {
		return fmt.Errorf("bench run: --store %q: want a postgres:// URL", *store)
	}
	bin := *binary
	if bin == "" {
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("bench run: find this binary: %w", err)
		}
		bin = exe
	}
	dir := *workDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "connectlite-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if *profileDir != "" {
		abs, err := filepath.Abs(*profileDir)
		if err != nil {
			return err
		}
		*profileDir = abs
	}
	rep, err := bench.RunSuite(ctx, bench.SuiteConfig{
		Binary: bin, WorkDir: dir, Users: *users, PgUsers: *pgUsers, Clients: *clients, LatClients: *latClients,
		Duration: *duration, Warmup: *warmup, BcryptCost: *cost, Postgres: *store, Search: *search,
		ProfileDir: *profileDir, LogLevel: *logLevel, Progress: stderr,
	})
	if err != nil {
		return fmt.Errorf("bench run: %w", err)
	}
	switch *out {
	case "":
	case "-":
		if err := bench.WriteMarkdown(stdout, rep, *command); err != nil {
			return err
		}
	default:
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		if err := bench.WriteMarkdown(f, rep, *command); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s\n", *out)
	}
	if *jsonLine {
		return bench.WriteJSONLine(stdout, rep)
	}
	return nil
}
