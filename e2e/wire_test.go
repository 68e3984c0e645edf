package e2e

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// rawCall sends one SigV4-signed request, signed at signedAt, and returns
// the status, headers and body. SDKs never send malformed JSON, so the tests
// of the wire format below need their own requests.
func rawCall(t *testing.T, s *server, region, method, path string, body []byte, signedAt time.Time, sign bool) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if sign {
		sum := sha256.Sum256(body)
		creds := aws.Credentials{AccessKeyID: "test", SecretAccessKey: "test"}
		if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "connect", region, signedAt); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// TestWireErrors checks the rest-json error format itself: status, the
// x-amzn-ErrorType header and a body with __type and Message.
func TestWireErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "us-east-1"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)

	badPassword, _ := json.Marshal(map[string]any{
		"Username": unique("w"), "Password": "short", "SecurityProfileIds": []string{sec["Agent"]},
		"RoutingProfileId": routing, "PhoneConfig": map[string]any{"PhoneType": "SOFT_PHONE"},
		"IdentityInfo": map[string]any{"FirstName": "A", "LastName": "B"},
	})
	now := time.Now()
	tests := []struct {
		name     string
		method   string
		path     string
		body     []byte
		signedAt time.Time
		sign     bool
		status   int
		code     string
		mention  string // the message names this, case-insensitively
	}{
		{"MalformedJSON", "PUT", "/users/" + inst, []byte(`{"Username": "x", `), now, true, 400, "SerializationException", ""},
		{"JSONNotAnObject", "PUT", "/users/" + inst, []byte(`["Username"]`), now, true, 400, "SerializationException", ""},
		{"WrongMemberType", "PUT", "/users/" + inst, []byte(`{"Username": 42, "SecurityProfileIds": "x", "RoutingProfileId": "y"}`), now, true, 400, "SerializationException", ""},
		{"BadPassword", "PUT", "/users/" + inst, badPassword, now, true, 400, "InvalidParameterException", "password"},
		{"UnknownUser", "GET", "/users/" + inst + "/00000000-0000-4000-8000-00000000000a", nil, now, true, 404, "ResourceNotFoundException", ""},
		{"Unsigned", "GET", "/instance", nil, now, false, 403, "MissingAuthenticationTokenException", ""},
		{"ClockSkew20Minutes", "GET", "/instance", nil, now.Add(-20 * time.Minute), true, 403, "InvalidSignatureException", ""},
		{"ClockSkewAhead20Minutes", "GET", "/instance", nil, now.Add(20 * time.Minute), true, 403, "InvalidSignatureException", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := rawCall(t, s, region, tt.method, tt.path, tt.body, tt.signedAt, tt.sign)
			if status != tt.status {
				t.Errorf("status = %d, want %d; body %s", status, tt.status, body)
			}
			header := h.Get("X-Amzn-Errortype")
			// Clients keep what precedes the first ':' (AWS appends a URL).
			code, _, _ := strings.Cut(header, ":")
			if code != tt.code {
				t.Errorf("x-amzn-ErrorType = %q, want %q", header, tt.code)
			}
			var e struct {
				Type    any `json:"__type"`
				Message any `json:"Message"`
			}
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("error body is not JSON: %v: %s", err, body)
			}
			typ, _ := e.Type.(string)
			if typ, _, _ = strings.Cut(typ, ":"); typ != code {
				t.Errorf("body __type = %v, want %q like the header", e.Type, code)
			}
			msg, ok := e.Message.(string)
			if !ok || msg == "" {
				t.Errorf("body Message = %v, want a non-empty string", e.Message)
			}
			if !strings.Contains(strings.ToLower(msg), tt.mention) {
				t.Errorf("Message %q does not mention %q", msg, tt.mention)
			}
		})
	}
}

// TestWireDescribeUser checks the raw DescribeUser body: timestamps as epoch
// seconds and no trace of the password.
func TestWireDescribeUser(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "us-east-1"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	in := basicUser(inst, unique("raw"), sec["Agent"], routing)
	const password = "Wire-Passw0rd-Secret"
	in.Password = aws.String(password)
	out, err := c.CreateUser(ctx, in)
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	status, _, body := rawCall(t, s, region, "GET", "/users/"+inst+"/"+aws.ToString(out.UserId), nil, time.Now(), true)
	if status != 200 {
		t.Fatalf("DescribeUser status = %d: %s", status, body)
	}
	if bytes.Contains(body, []byte(password)) || bytes.Contains(bytes.ToLower(body), []byte(`"password"`)) {
		t.Errorf("DescribeUser body exposes the password: %s", body)
	}
	var d struct {
		User map[string]any
	}
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatalf("DescribeUser body: %v: %s", err, body)
	}
	lm, ok := d.User["LastModifiedTime"].(float64)
	if !ok || lm < float64(time.Now().Add(-time.Hour).Unix()) || lm > float64(time.Now().Add(time.Hour).Unix()) {
		t.Errorf("LastModifiedTime = %#v, want epoch seconds as a JSON number", d.User["LastModifiedTime"])
	}
}
