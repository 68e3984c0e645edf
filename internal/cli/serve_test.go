package cli

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
)

var listeningRE = regexp.MustCompile(`(?m)^connectlite listening on (http://\S+)$`)

// stderrWatcher collects what serve writes and reports its listening URL.
type stderrWatcher struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	url  chan string
	sent bool
}

func newStderrWatcher() *stderrWatcher { return &stderrWatcher{url: make(chan string, 1)} }

func (w *stderrWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.sent {
		if m := listeningRE.FindStringSubmatch(w.buf.String()); m != nil {
			w.url <- m[1]
			w.sent = true
		}
	}
	return len(p), nil
}

func (w *stderrWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// running is a serve started by startServe.
type running struct {
	url     string
	cancel  context.CancelFunc
	done    chan error
	stderr  *stderrWatcher
	stopped bool
	err     error
}

// stop cancels serve and returns its result; later calls return it again.
func (r *running) stop(t *testing.T) error {
	t.Helper()
	if r.stopped {
		return r.err
	}
	r.cancel()
	select {
	case r.err = <-r.done:
		r.stopped = true
		return r.err
	case <-time.After(ShutdownTimeout + 5*time.Second):
		t.Fatalf("serve did not stop; stderr:\n%s", r.stderr.String())
		return nil
	}
}

func startServe(t *testing.T, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{cancel: cancel, done: make(chan error, 1), stderr: newStderrWatcher()}
	go func() {
		r.done <- Run(ctx, append([]string{"serve"}, args...), &bytes.Buffer{}, r.stderr)
	}()
	select {
	case r.url = <-r.stderr.url:
	case err := <-r.done:
		cancel()
		t.Fatalf("serve exited before listening: %v\n%s", err, r.stderr.String())
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatalf("serve printed no listening line:\n%s", r.stderr.String())
	}
	t.Cleanup(func() { _ = r.stop(t) })
	return r
}

func client(url, akid, secret string) *connect.Client {
	return connect.New(connect.Options{
		Region:           DemoRegion,
		BaseEndpoint:     aws.String(url),
		Credentials:      credentials.NewStaticCredentialsProvider(akid, secret, ""),
		RetryMaxAttempts: 1,
	})
}

// seedCreateUser is the aws CLI example of the create-user documentation.
func seedCreateUser() *connect.CreateUserInput {
	return &connect.CreateUserInput{
		Username:     aws.String("Mary"),
		Password:     aws.String("Pass@Word1"),
		IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Mary"), LastName: aws.String("Major")},
		PhoneConfig: &types.UserPhoneConfig{
			PhoneType: types.PhoneTypeDeskPhone, AutoAccept: true, AfterContactWorkTimeLimit: 60,
			DeskPhoneNumber: aws.String("+15555551212"),
		},
		SecurityProfileIds: []string{DemoSecurityProfile},
		RoutingProfileId:   aws.String(DemoRoutingProfileID),
		InstanceId:         aws.String(DemoInstanceID),
	}
}

func TestServeDemoSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	args := []string{"--addr", "127.0.0.1:0", "--data-dir", dir, "--demo", "--bcrypt-cost", "4"}

	r := startServe(t, args...)
	if n := len(listeningRE.FindAllString(r.stderr.String(), -1)); n != 1 {
		t.Errorf("%d listening lines, want 1", n)
	}
	out, err := client(r.url, EmulatorAccessKey, EmulatorSecretKey).CreateUser(ctx, seedCreateUser())
	if err != nil {
		t.Fatalf("CreateUser (seed example): %v", err)
	}
	arnRE := regexp.MustCompile(`^arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if !arnRE.MatchString(aws.ToString(out.UserArn)) {
		t.Errorf("UserArn = %q, want the example's form", aws.ToString(out.UserArn))
	}
	if err := r.stop(t); err != nil {
		t.Fatalf("serve: %v\n%s", err, r.stderr.String())
	}
	if !strings.Contains(r.stderr.String(), "sqlite store closed") {
		t.Errorf("store not closed on shutdown:\n%s", r.stderr.String())
	}

	// The demo fixture is idempotent and the user is still there.
	r = startServe(t, args...)
	d, err := client(r.url, EmulatorAccessKey, EmulatorSecretKey).DescribeUser(ctx, &connect.DescribeUserInput{
		InstanceId: aws.String(DemoInstanceID), UserId: out.UserId,
	})
	if err != nil {
		t.Fatalf("DescribeUser after restart: %v", err)
	}
	if aws.ToString(d.User.Username) != "Mary" {
		t.Errorf("Username = %q", aws.ToString(d.User.Username))
	}
	sp, err := client(r.url, EmulatorAccessKey, EmulatorSecretKey).ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: aws.String(DemoInstanceID)})
	if err != nil || len(sp.SecurityProfileSummaryList) != 4 {
		t.Fatalf("ListSecurityProfiles after restart: %v, %d profiles (want 4: no duplicate fixture)", err, len(sp.SecurityProfileSummaryList))
	}
	if err := r.stop(t); err != nil {
		t.Fatal(err)
	}
}

func TestServeConfiguredKeys(t *testing.T) {
	r := startServe(t, "--addr", "127.0.0.1:0", "--data-dir", t.TempDir(), "--access-keys", "AKIDONE:secret:with:colons, AKIDTWO:s2")
	ctx := context.Background()
	if _, err := client(r.url, "AKIDONE", "secret:with:colons").ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatalf("configured key: %v", err)
	}
	_, err := client(r.url, EmulatorAccessKey, EmulatorSecretKey).ListInstances(ctx, &connect.ListInstancesInput{})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "UnrecognizedClientException" {
		t.Fatalf("emulator key with configured keys: %v, want UnrecognizedClientException", err)
	}
}

func TestServeRefusesNonLoopbackWithoutKeys(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0"} {
		err := Run(context.Background(), []string{"serve", "--addr", addr, "--data-dir", t.TempDir()}, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "refusing to listen") {
			t.Errorf("serve --addr %s: %v, want a refusal", addr, err)
		}
	}
}

func TestServeRejectsBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"BadCost", []string{"--bcrypt-cost", "3"}},
		{"BadAccount", []string{"--account-id", "12345"}},
		{"BadKeys", []string{"--access-keys", "nocolon"}},
		{"BadLogLevel", []string{"--log-level", "loud"}},
		{"UnknownStoreScheme", []string{"--store", "mysql://x"}},
		{"StrayArgument", []string{"extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data-dir", t.TempDir()}, tt.args...)
			var stderr bytes.Buffer
			err := Run(context.Background(), args, &bytes.Buffer{}, &stderr)
			if err == nil {
				t.Fatalf("no error")
			}
			if strings.Contains(stderr.String(), "listening on") {
				t.Fatalf("listened despite %v", err)
			}
		})
	}
}

func TestServeFlagsFallBackToEnv(t *testing.T) {
	t.Setenv("CONNECTLITE_ADDR", "127.0.0.1:9999")
	t.Setenv("CONNECTLITE_DATA_DIR", "/tmp/x")
	t.Setenv("CONNECTLITE_ACCOUNT_ID", "111122223333")
	t.Setenv("CONNECTLITE_ACCESS_KEYS", "A:B")
	t.Setenv("CONNECTLITE_BCRYPT_COST", "5")
	t.Setenv("CONNECTLITE_DEMO", "true")
	t.Setenv("CONNECTLITE_LOG_LEVEL", "warn")
	cfg, err := parseServeFlags(nil, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	want := &ServeConfig{Addr: "127.0.0.1:9999", DataDir: "/tmp/x", AccountID: "111122223333",
		AccessKeys: map[string]string{"A": "B"}, BcryptCost: 5, Demo: true, LogLevel: 4}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("from env: %+v, want %+v", cfg, want)
	}
	cfg, err = parseServeFlags([]string{"--account-id", "999988887777", "--demo=false", "--bcrypt-cost", "6"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.AccountID != "999988887777" || cfg.Demo || cfg.BcryptCost != 6 {
		t.Errorf("flags do not override env: %+v", cfg)
	}
}

func TestServeDefaults(t *testing.T) {
	for _, k := range []string{"CONNECTLITE_ADDR", "CONNECTLITE_DATA_DIR", "CONNECTLITE_ACCOUNT_ID", "CONNECTLITE_ACCESS_KEYS",
		"CONNECTLITE_BCRYPT_COST", "CONNECTLITE_DEMO", "CONNECTLITE_LOG_LEVEL", "CONNECTLITE_STORE"} {
		t.Setenv(k, "") // empty counts as unset
	}
	cfg, err := parseServeFlags(nil, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	want := &ServeConfig{Addr: "127.0.0.1:4599", DataDir: "./connectlite-data", AccountID: "123456789012",
		AccessKeys: map[string]string{}, BcryptCost: 10}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("defaults: %+v, want %+v", cfg, want)
	}
}

func TestParseAccessKeys(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"", map[string]string{}, false},
		{"A:B", map[string]string{"A": "B"}, false},
		{"A:B, C:D:E ,", map[string]string{"A": "B", "C": "D:E"}, false},
		{"A", nil, true},
		{":B", nil, true},
		{"A:", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseAccessKeys(tt.in)
		if (err != nil) != tt.wantErr || (!tt.wantErr && !reflect.DeepEqual(got, tt.want)) {
			t.Errorf("ParseAccessKeys(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:4599", true}, {"127.0.0.2:0", true}, {"[::1]:80", true}, {"localhost:1", true},
		{"0.0.0.0:4599", false}, {":4599", false}, {"10.0.0.1:80", false}, {"example.com:80", false}, {"garbage", false},
	}
	for _, tt := range tests {
		if got := isLoopback(tt.addr); got != tt.want {
			t.Errorf("isLoopback(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

func TestRunCommands(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := Run(context.Background(), []string{"version"}, &out, &errOut); err != nil || !strings.HasPrefix(out.String(), "connectlite ") {
		t.Errorf("version: %v %q", err, out.String())
	}
	out.Reset()
	if err := Run(context.Background(), []string{"help"}, &out, &errOut); err != nil || !strings.Contains(out.String(), "serve") {
		t.Errorf("help: %v %q", err, out.String())
	}
	// Unknown commands go to the aws-CLI-compatible commands, which reject them.
	if err := Run(context.Background(), []string{"frobnicate"}, &out, &errOut); err == nil {
		t.Errorf("unknown command: no error")
	}
	if err := Run(context.Background(), nil, &out, &errOut); !errors.Is(err, ErrUsage) {
		t.Errorf("no command: %v, want ErrUsage", err)
	}
	if err := Run(context.Background(), []string{"serve", "-h"}, &out, &errOut); err != nil {
		t.Errorf("serve -h: %v", err)
	}
}
