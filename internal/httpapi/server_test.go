package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/google/uuid"
	"golang.org/x/crypto/bcrypt"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/awsmodel"
	"github.com/connectlite/connectlite/internal/password"
	"github.com/connectlite/connectlite/internal/sqlite"
)

const (
	testRegion  = "us-west-2"
	testAccount = "123456789012"
)

// testClock is the service's clock: fixed, advanced by tests.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// syncBuffer collects log output from concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// loadModel parses the embedded model once per test binary; the model is
// read-only and shared.
var loadModel = sync.OnceValues(awsmodel.Load)

// env is a server on a real SQLite store, reached through httptest.
type env struct {
	ts     *httptest.Server
	client *connect.Client
	store  connectlite.Store
	clock  *testClock
	logs   *syncBuffer
}

type envConfig struct {
	wrapStore   func(connectlite.Store) connectlite.Store
	hasher      connectlite.PasswordHasher
	serverClock connectlite.Clock
	maxBody     int64
}

type envOption func(*envConfig)

func withStore(wrap func(connectlite.Store) connectlite.Store) envOption {
	return func(c *envConfig) { c.wrapStore = wrap }
}

func withHasher(h connectlite.PasswordHasher) envOption {
	return func(c *envConfig) { c.hasher = h }
}

func withServerClock(clock connectlite.Clock) envOption {
	return func(c *envConfig) { c.serverClock = clock }
}

func withMaxBody(n int64) envOption { return func(c *envConfig) { c.maxBody = n } }

func newEnv(t testing.TB, opts ...envOption) *env {
	t.Helper()
	var cfg envConfig
	for _, o := range opts {
		o(&cfg)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "connectlite.db"), nil)
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	var store connectlite.Store = st
	if cfg.wrapStore != nil {
		store = cfg.wrapStore(store)
	}
	key, err := store.TokenKey(ctx)
	if err != nil {
		t.Fatalf("TokenKey: %v", err)
	}
	hasher := cfg.hasher
	if hasher == nil {
		h, err := password.New(password.Options{Cost: bcrypt.MinCost})
		if err != nil {
			t.Fatal(err)
		}
		hasher = h
	}
	model, err := loadModel()
	if err != nil {
		t.Fatalf("awsmodel.Load: %v", err)
	}
	clock := &testClock{t: time.Date(2024, 3, 4, 5, 6, 7, 890_000_000, time.UTC)}
	logs := &syncBuffer{}
	srv := &Server{
		Service: &connectlite.Service{
			Store: store, Hasher: hasher, Now: clock.Now, NewID: uuid.NewString,
			AccountID: testAccount, Tokens: &connectlite.TokenCodec{Key: key},
		},
		Model:        model,
		Auth:         map[string]string{testAKID: testSecret},
		Logger:       slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo})),
		Clock:        cfg.serverClock,
		MaxBodyBytes: cfg.maxBody,
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	e := &env{ts: ts, store: store, clock: clock, logs: logs}
	e.client = e.newClient(testAKID, testSecret)
	return e
}

// newClient returns an aws-sdk-go-v2 connect client for the server; it does
// not retry, so each call is one request.
func (e *env) newClient(akid, secret string) *connect.Client {
	var creds aws.CredentialsProvider = aws.AnonymousCredentials{}
	if akid != "" {
		creds = credentials.NewStaticCredentialsProvider(akid, secret, "")
	}
	return connect.New(connect.Options{
		Region:           testRegion,
		BaseEndpoint:     aws.String(e.ts.URL),
		Credentials:      creds,
		RetryMaxAttempts: 1,
		HTTPClient:       e.ts.Client(),
	})
}

// do sends a request signed by the SDK's signer and returns the response
// and its body.
func (e *env) do(t *testing.T, method, path string, body []byte) (*http.Response, []byte) {
	t.Helper()
	req := newRequest(t, method, e.ts.URL+path, body)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	sdkSign(t, req, body, testAKID, testSecret, "connect", testRegion, time.Now())
	return e.roundTrip(t, req)
}

func (e *env) roundTrip(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// wantAWSError checks a raw error response: status, x-amzn-ErrorType,
// __type and a non-empty Message.
func wantAWSError(t *testing.T, resp *http.Response, body []byte, status int, name string) errorBody {
	t.Helper()
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	if resp.StatusCode != status || resp.Header.Get(headerErrorType) != name || eb.Type != name || eb.Message == "" {
		t.Fatalf("got status %d, x-amzn-ErrorType %q, body %s; want %d %s", resp.StatusCode, resp.Header.Get(headerErrorType), body, status, name)
	}
	wantRequestID(t, resp.Header.Get(headerRequestID))
	return eb
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func wantRequestID(t *testing.T, id string) {
	t.Helper()
	if !uuidRE.MatchString(id) {
		t.Fatalf("x-amzn-RequestId = %q, want a lowercase UUID v4", id)
	}
}

// apiErrorCode returns the AWS error code the SDK saw.
func apiErrorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// fixture is an instance with the ids a user needs.
type fixture struct {
	instanceID       string
	instanceARN      string
	agentProfileID   string
	adminProfileID   string
	routingProfileID string
}

func (e *env) newInstance(t testing.TB, alias string, idType types.DirectoryType) fixture {
	t.Helper()
	ctx := context.Background()
	out, err := e.client.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: idType,
		InstanceAlias:          aws.String(alias),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(false),
	})
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	f := fixture{instanceID: aws.ToString(out.Id), instanceARN: aws.ToString(out.Arn)}
	sp, err := e.client.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: out.Id})
	if err != nil {
		t.Fatalf("ListSecurityProfiles: %v", err)
	}
	for _, p := range sp.SecurityProfileSummaryList {
		switch aws.ToString(p.Name) {
		case "Agent":
			f.agentProfileID = aws.ToString(p.Id)
		case "Admin":
			f.adminProfileID = aws.ToString(p.Id)
		}
	}
	rp, err := e.client.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: out.Id})
	if err != nil || len(rp.RoutingProfileSummaryList) == 0 {
		t.Fatalf("ListRoutingProfiles: %v (%d profiles)", err, len(rp.RoutingProfileSummaryList))
	}
	f.routingProfileID = aws.ToString(rp.RoutingProfileSummaryList[0].Id)
	return f
}

// createUser creates a CONNECT_MANAGED user with the members every such
// user needs.
func (e *env) createUser(t testing.TB, f fixture, username string) *connect.CreateUserOutput {
	t.Helper()
	out, err := e.client.CreateUser(context.Background(), basicUser(f, username))
	if err != nil {
		t.Fatalf("CreateUser %s: %v", username, err)
	}
	return out
}

func basicUser(f fixture, username string) *connect.CreateUserInput {
	return &connect.CreateUserInput{
		InstanceId:         aws.String(f.instanceID),
		Username:           aws.String(username),
		Password:           aws.String("Pass@Word1"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Mary"), LastName: aws.String("Major"), Email: aws.String(username + "@example.com")},
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
		SecurityProfileIds: []string{f.agentProfileID},
		RoutingProfileId:   aws.String(f.routingProfileID),
	}
}

func TestRequestIDOnEveryResponse(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	out, err := e.client.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil {
		t.Fatal(err)
	}
	id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
	wantRequestID(t, id)

	_, err = e.client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String("nope")})
	var re *awshttp.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("DescribeInstance: %v, want a response error", err)
	}
	wantRequestID(t, re.ServiceRequestID())
	if re.ServiceRequestID() == id {
		t.Fatalf("two requests share the id %s", id)
	}
}

func TestSigV4FailuresThroughSDK(t *testing.T) {
	ahead := func() time.Time { return time.Now().Add(20 * time.Minute) }
	tests := []struct {
		name        string
		akid        string
		secret      string
		serverClock connectlite.Clock
		wantCode    string
		wantMessage string
	}{
		{"BadSignature", testAKID, "wrong-secret", nil, "InvalidSignatureException", "The request signature we calculated does not match"},
		{"UnknownKey", "AKIDNOBODY", testSecret, nil, "UnrecognizedClientException", "The security token included in the request is invalid."},
		{"ClockSkew", testAKID, testSecret, ahead, "InvalidSignatureException", "Signature expired: "},
		{"MissingAuth", "", "", nil, "MissingAuthenticationTokenException", "Missing Authentication Token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, withServerClock(tt.serverClock))
			c := e.newClient(tt.akid, tt.secret)
			_, err := c.ListInstances(context.Background(), &connect.ListInstancesInput{})
			var ae smithy.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %v, want an API error", err)
			}
			if ae.ErrorCode() != tt.wantCode || !strings.HasPrefix(ae.ErrorMessage(), tt.wantMessage) {
				t.Fatalf("got %s %q, want %s %q", ae.ErrorCode(), ae.ErrorMessage(), tt.wantCode, tt.wantMessage)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != http.StatusForbidden {
				t.Fatalf("status = %v, want 403", err)
			}
		})
	}
}

func TestUnroutedRequests(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, method, path string
		status             int
		allow              string
	}{
		{"UnknownPath", "GET", "/no-such-thing", http.StatusNotFound, ""},
		{"UnsupportedOperation", "PUT", "/contact/chat", http.StatusNotFound, ""}, // StartChatContact: telephony, out of scope
		{"UncleanPath", "GET", "/users/a/../b", http.StatusNotFound, ""},
		{"WrongMethod", "POST", "/instance/abc", http.StatusMethodNotAllowed, "GET, DELETE"},
		{"WrongMethodOnCollection", "POST", "/instance", http.StatusMethodNotAllowed, "PUT, GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := e.do(t, tt.method, tt.path, nil)
			wantAWSError(t, resp, body, tt.status, "UnknownOperationException")
			if tt.allow != "" {
				if got := strings.Split(resp.Header.Get("Allow"), ", "); !sameSet(got, strings.Split(tt.allow, ", ")) {
					t.Errorf("Allow = %q, want %q", resp.Header.Get("Allow"), tt.allow)
				}
			}
		})
	}
	t.Run("UnsignedUnknownPathIsAnAuthError", func(t *testing.T) {
		resp, body := e.roundTrip(t, newRequest(t, "GET", e.ts.URL+"/no-such-thing", nil))
		wantAWSError(t, resp, body, http.StatusForbidden, "MissingAuthenticationTokenException")
	})
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestBodyTooLarge(t *testing.T) {
	e := newEnv(t, withMaxBody(64))
	body := []byte(`{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"` + strings.Repeat("a", 64) + `"}`)
	resp, b := e.do(t, "PUT", "/instance", body)
	wantAWSError(t, resp, b, http.StatusRequestEntityTooLarge, "RequestEntityTooLargeException")
}

func TestMalformedJSONIsSerializationException(t *testing.T) {
	e := newEnv(t)
	f := e.newInstance(t, "serial", types.DirectoryTypeConnectManaged)
	tests := []struct {
		name string
		body string
	}{
		{"Truncated", `{"Username":`},
		{"NotAnObject", `["Username"]`},
		{"TrailingGarbage", `{"Username":"a"} x`},
		{"WrongTypeString", `{"Username":5,"SecurityProfileIds":["` + f.agentProfileID + `"],"RoutingProfileId":"` + f.routingProfileID + `"}`},
		{"WrongTypeList", `{"Username":"ann","SecurityProfileIds":"` + f.agentProfileID + `","RoutingProfileId":"` + f.routingProfileID + `"}`},
		{"WrongTypeBool", `{"Username":"ann","SecurityProfileIds":["` + f.agentProfileID + `"],"RoutingProfileId":"` + f.routingProfileID + `","PhoneConfig":{"AutoAccept":"yes"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := e.do(t, "PUT", "/users/"+f.instanceID, []byte(tt.body))
			wantAWSError(t, resp, b, http.StatusBadRequest, "SerializationException")
		})
	}
	out, err := e.client.ListUsers(context.Background(), &connect.ListUsersInput{InstanceId: aws.String(f.instanceID)})
	if err != nil || len(out.UserSummaryList) != 0 {
		t.Fatalf("rejected requests left users behind: %v, %d users", err, len(out.UserSummaryList))
	}
}

func TestRequestLog(t *testing.T) {
	e := newEnv(t)
	f := e.newInstance(t, "logs", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "logged")
	_, err := e.client.DescribeUser(context.Background(), &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: aws.String("missing")})
	if apiErrorCode(err) != "ResourceNotFoundException" {
		t.Fatalf("DescribeUser: %v", err)
	}
	logs := e.logs.String()
	for _, want := range []string{"op=CreateUser", "op=DescribeUser", "status=200", "status=404", "error=ResourceNotFoundException", "duration="} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
	if !regexp.MustCompile(`request_id=[0-9a-f-]{36}`).MatchString(logs) {
		t.Errorf("log lacks request ids:\n%s", logs)
	}
	for _, secret := range []string{"Pass@Word1", testSecret, "Signature=", "Mary"} {
		if strings.Contains(logs, secret) {
			t.Errorf("log contains %q:\n%s", secret, logs)
		}
	}
	_ = out
}

// panicStore panics in User, standing in for any bug on the request path.
type panicStore struct{ connectlite.Store }

func (panicStore) User(context.Context, string, string) (*connectlite.User, error) {
	panic("boom")
}

func TestPanicBecomesInternalServiceException(t *testing.T) {
	e := newEnv(t, withStore(func(s connectlite.Store) connectlite.Store { return panicStore{s} }))
	f := e.newInstance(t, "panics", types.DirectoryTypeConnectManaged)
	resp, body := e.do(t, "GET", "/users/"+f.instanceID+"/u-1", nil)
	eb := wantAWSError(t, resp, body, http.StatusInternalServerError, "InternalServiceException")
	if eb.Message != genericInternalMessage {
		t.Errorf("message = %q, want the generic one", eb.Message)
	}
	if logs := e.logs.String(); !strings.Contains(logs, "panic serving request") || !strings.Contains(logs, resp.Header.Get(headerRequestID)) {
		t.Errorf("panic not logged with its request id:\n%s", logs)
	}
	// The server still serves.
	if _, err := e.client.ListInstances(context.Background(), &connect.ListInstancesInput{}); err != nil {
		t.Fatalf("after panic: %v", err)
	}
}

func TestGoPattern(t *testing.T) {
	tests := []struct{ uri, want string }{
		{"/users/{InstanceId}", "/users/{InstanceId}"},
		{"/tags/{resourceArn}", "/tags/{resourceArn}"},
		{"/files/{Key+}", "/files/{Key...}"},
		{"/x/{Id}?op=1", "/x/{Id}"},
	}
	for _, tt := range tests {
		if got := goPattern(tt.uri); got != tt.want {
			t.Errorf("goPattern(%q) = %q, want %q", tt.uri, got, tt.want)
		}
	}
}

func TestEveryOperationIsInTheModel(t *testing.T) {
	s := &Server{}
	for _, name := range s.Operations() {
		if _, ok := awsmodel.LookupOperation(name); !ok {
			t.Errorf("%s is not in the operation table", name)
		}
	}
}
