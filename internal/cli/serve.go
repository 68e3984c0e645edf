package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/awsmodel"
	"github.com/connectlite/connectlite/internal/httpapi"
	"github.com/connectlite/connectlite/internal/password"
	"github.com/connectlite/connectlite/internal/postgres"
	"github.com/connectlite/connectlite/internal/sqlite"
)

// Defaults of serve, documented in its help.
const (
	DefaultAddr      = "127.0.0.1:4599"
	DefaultDataDir   = "./connectlite-data"
	DefaultAccountID = "123456789012"
	// SQLiteFileName is the database file inside the data directory.
	SQLiteFileName = "connectlite.db"
	// EmulatorAccessKey and EmulatorSecretKey are the well-known pair
	// accepted when no keys are configured and the address is loopback.
	EmulatorAccessKey = "test"
	EmulatorSecretKey = "test"
	// ShutdownTimeout bounds how long in-flight requests may run once
	// shutdown starts.
	ShutdownTimeout = 30 * time.Second
)

// The demo fixture: the identifiers of the AWS CLI's create-user example.
const (
	DemoRegion           = "us-west-2"
	DemoInstanceID       = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	DemoInstanceAlias    = "example-corp"
	DemoSecurityProfile  = "12345678-1111-2222-aaaa-a1b2c3d4f5g7" // the Agent profile
	DemoRoutingProfileID = "87654321-9999-3434-abcd-x1y2z3a1b2c3"
)

// ServeConfig is the configuration of serve.
type ServeConfig struct {
	Addr       string            // host:port; port 0 picks a free port
	DataDir    string            // holds the SQLite database
	Store      string            // "" for SQLite in DataDir; a postgres:// URL later
	AccountID  string            // the account of every ARN
	AccessKeys map[string]string // access key id -> secret; empty means the emulator pair on loopback
	BcryptCost int
	Demo       bool // create the demo fixture
	LogLevel   slog.Level
	Pprof      bool // serve /debug/pprof/ (unauthenticated) beside the API
}

// envOr returns the environment variable key, or def if it is unset or
// empty.
func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// parseServeFlags reads the flags of serve, each falling back to its
// environment variable and then to its default.
func parseServeFlags(args []string, stderr io.Writer) (*ServeConfig, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", envOr("CONNECTLITE_ADDR", DefaultAddr),
		"listen address host:port; port 0 picks a free one (env CONNECTLITE_ADDR)")
	dataDir := fs.String("data-dir", envOr("CONNECTLITE_DATA_DIR", DefaultDataDir),
		"directory of the embedded SQLite database "+SQLiteFileName+" (env CONNECTLITE_DATA_DIR)")
	store := fs.String("store", envOr("CONNECTLITE_STORE", ""),
		"store to use: empty for the embedded SQLite in --data-dir (env CONNECTLITE_STORE)")
	account := fs.String("account-id", envOr("CONNECTLITE_ACCOUNT_ID", DefaultAccountID),
		"12-digit AWS account id of every ARN (env CONNECTLITE_ACCOUNT_ID)")
	keys := fs.String("access-keys", envOr("CONNECTLITE_ACCESS_KEYS", ""),
		"accepted SigV4 keys, AKID:SECRET[,AKID2:SECRET2]; when empty, test:test is accepted on a loopback address only (env CONNECTLITE_ACCESS_KEYS)")
	costDefault := password.DefaultCost
	if v := os.Getenv("CONNECTLITE_BCRYPT_COST"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("CONNECTLITE_BCRYPT_COST: %q is not a number", v)
		}
		costDefault = n
	}
	cost := fs.Int("bcrypt-cost", costDefault, "bcrypt cost of password hashes, 4 to 31 (env CONNECTLITE_BCRYPT_COST)")
	demoDefault := false
	if v := os.Getenv("CONNECTLITE_DEMO"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, fmt.Errorf("CONNECTLITE_DEMO: %q is not a boolean", v)
		}
		demoDefault = b
	}
	demo := fs.Bool("demo", demoDefault, "create the demo instance "+DemoInstanceID+" in "+DemoRegion+" (env CONNECTLITE_DEMO)")
	pprofOn := fs.Bool("pprof", false, "also serve Go's profiles under /debug/pprof/, unauthenticated: for benchmarking only")
	logLevel := fs.String("log-level", envOr("CONNECTLITE_LOG_LEVEL", "info"), "debug, info, warn or error (env CONNECTLITE_LOG_LEVEL)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("serve: unexpected arguments %q", fs.Args())
	}

	cfg := &ServeConfig{
		Addr: *addr, DataDir: *dataDir, Store: *store, AccountID: *account,
		BcryptCost: *cost, Demo: *demo, Pprof: *pprofOn,
	}
	if err := cfg.LogLevel.UnmarshalText([]byte(*logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	var err error
	if cfg.AccessKeys, err = ParseAccessKeys(*keys); err != nil {
		return nil, fmt.Errorf("--access-keys: %w", err)
	}
	if !validAccountID(cfg.AccountID) {
		return nil, fmt.Errorf("--account-id must be 12 digits, got %q", cfg.AccountID)
	}
	return cfg, nil
}

func validAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ParseAccessKeys parses "AKID:SECRET,AKID2:SECRET2". Secrets may contain
// ':'; the key id ends at the first one.
func ParseAccessKeys(s string) (map[string]string, error) {
	keys := map[string]string{}
	for pair := range strings.SplitSeq(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		id, secret, ok := strings.Cut(pair, ":")
		if !ok || id == "" || secret == "" {
			return nil, fmt.Errorf("want AKID:SECRET pairs separated by commas, got an entry without both parts")
		}
		keys[id] = secret
	}
	return keys, nil
}

// isLoopback reports whether addr's host is a loopback address.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func runServe(ctx context.Context, args []string, _, stderr io.Writer) error {
	cfg, err := parseServeFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	return Serve(ctx, cfg, stderr)
}

// Serve runs the API until ctx is cancelled: it opens the store, listens,
// prints "connectlite listening on http://HOST:PORT" to stderr, and on
// cancellation stops accepting, lets in-flight requests finish (up to
// ShutdownTimeout) and closes the store. Logs go to stderr.
func Serve(ctx context.Context, cfg *ServeConfig, stderr io.Writer) (err error) {
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	keys := cfg.AccessKeys
	if len(keys) == 0 {
		if !isLoopback(cfg.Addr) {
			return fmt.Errorf("refusing to listen on non-loopback address %s without access keys: set --access-keys or CONNECTLITE_ACCESS_KEYS", cfg.Addr)
		}
		keys = map[string]string{EmulatorAccessKey: EmulatorSecretKey}
	}
	hasher, err := password.New(password.Options{Cost: cfg.BcryptCost})
	if err != nil {
		return fmt.Errorf("--bcrypt-cost: %w", err)
	}
	model, err := awsmodel.Load()
	if err != nil {
		return err
	}

	store, err := openStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := store.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close store: %w", cerr)
		}
	}()
	key, err := store.TokenKey(ctx)
	if err != nil {
		return fmt.Errorf("pagination token key: %w", err)
	}
	svc := &connectlite.Service{
		Store:     store,
		Hasher:    hasher,
		Now:       time.Now,
		NewID:     connectlite.NewID,
		AccountID: cfg.AccountID,
		Tokens:    &connectlite.TokenCodec{Key: key},
	}
	if cfg.Demo {
		if err := SeedDemo(ctx, store, cfg.AccountID, time.Now()); err != nil {
			return fmt.Errorf("demo fixture: %w", err)
		}
	}

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	api := &httpapi.Server{Service: svc, Model: model, Auth: keys, Logger: logger}
	handler := api.Handler()
	if cfg.Pprof {
		handler = withPprof(handler)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stderr, "connectlite listening on http://%s\n", ln.Addr())
	logger.Info("serving", "addr", ln.Addr().String(), "account_id", cfg.AccountID, "store", storeName(cfg), "demo", cfg.Demo)

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	<-served // http.ErrServerClosed
	return nil
}

// openStore opens the store cfg names. This is the switch point for
// further stores.
func openStore(ctx context.Context, cfg *ServeConfig, logger *slog.Logger) (connectlite.Store, error) {
	switch s := cfg.Store; {
	case s == "":
		if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
			return nil, fmt.Errorf("data dir: %w", err)
		}
		st, err := sqlite.Open(ctx, filepath.Join(cfg.DataDir, SQLiteFileName), logger)
		if err != nil {
			return nil, err
		}
		return st, nil
	case strings.HasPrefix(s, "postgres://"), strings.HasPrefix(s, "postgresql://"):
		st, err := postgres.Open(ctx, s, logger)
		if err != nil {
			return nil, err
		}
		return st, nil
	default:
		return nil, fmt.Errorf("--store: want empty (embedded SQLite) or a postgres:// URL, got a value of another scheme")
	}
}

// storeName describes the store for the log without credentials.
func storeName(cfg *ServeConfig) string {
	if cfg.Store == "" {
		return "sqlite:" + filepath.Join(cfg.DataDir, SQLiteFileName)
	}
	return "postgres"
}

// SeedDemo creates the demo instance unless it exists: CONNECT_MANAGED, in
// DemoRegion and the given account, with the documentation's security
// profile (as the Agent profile) and routing profile ids, so the aws CLI's
// create-user example runs verbatim.
func SeedDemo(ctx context.Context, store connectlite.Store, accountID string, now time.Time) error {
	_, err := store.Instance(ctx, DemoInstanceID)
	if err == nil {
		return nil
	}
	if connectlite.KindOf(err) != connectlite.KindNotFound {
		return err
	}
	n := connectlite.BuildNewInstance(connectlite.Instance{
		AccountID:              accountID,
		Region:                 DemoRegion,
		IdentityManagementType: connectlite.IdentityConnectManaged,
		Alias:                  DemoInstanceAlias,
		InboundCallsEnabled:    true,
		OutboundCallsEnabled:   true,
		CreatedTime:            now,
	}, connectlite.IDs{
		Instance:         DemoInstanceID,
		SecurityProfiles: map[string]string{"Agent": DemoSecurityProfile},
		RoutingProfile:   DemoRoutingProfileID,
	}, connectlite.NewID)
	return store.CreateInstance(ctx, n)
}
