package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

const (
	testAKID   = "AKIDEXAMPLE"
	testSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
)

// verifyResult is what the verifying test server reports.
type verifyResult struct {
	OK      bool
	Failure AuthFailure
	Message string
	Region  string
	AKID    string
	Body    string
}

// newVerifyServer starts a server that verifies every request with v and
// reports the outcome as JSON, so requests arrive exactly as off the wire.
func newVerifyServer(t *testing.T, v *Verifier) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var res verifyResult
		body, err := v.ReadBody(r)
		if err == nil {
			var id Identity
			id, err = v.Verify(r, body)
			res.Region, res.AKID = id.Region, id.AccessKeyID
		}
		if ae, ok := err.(*AuthError); ok {
			res.Failure, res.Message = ae.Failure, ae.Message
		} else if err != nil {
			t.Errorf("Verify: unexpected error type %T: %v", err, err)
		}
		res.OK = err == nil
		res.Body = string(body)
		_ = json.NewEncoder(w).Encode(res)
	}))
	t.Cleanup(ts.Close)
	return ts
}

// sdkSign signs req with aws-sdk-go-v2's signer as the connect client does.
func sdkSign(t *testing.T, req *http.Request, body []byte, akid, secret, service, region string, at time.Time, opts ...func(*v4.SignerOptions)) {
	t.Helper()
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	if h := req.Header.Get("X-Amz-Content-Sha256"); h != "" {
		hash = h
	}
	err := v4.NewSigner(opts...).SignHTTP(context.Background(),
		aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret}, req, hash, service, region, at)
	if err != nil {
		t.Fatalf("SignHTTP: %v", err)
	}
}

func send(t *testing.T, ts *httptest.Server, req *http.Request) verifyResult {
	t.Helper()
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	var res verifyResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatalf("decode result: %v", err)
	}
	return res
}

func newRequest(t *testing.T, method, rawURL string, body []byte) *http.Request {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, rawURL, rd)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestVerifyAcceptsSDKSignatures(t *testing.T) {
	now := time.Now().UTC()
	v := &Verifier{Secrets: map[string]string{testAKID: testSecret}, Service: "connect"}
	ts := newVerifyServer(t, v)
	body := []byte(`{"Username":"Mary","SecurityProfileIds":["a"],"RoutingProfileId":"b"}`)
	arn := "arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/87654321"
	tests := []struct {
		name    string
		method  string
		path    string // escaped
		query   string // raw
		body    []byte
		headers map[string][]string
	}{
		{name: "GetNoQuery", method: "GET", path: "/users/i-1/u-1"},
		{name: "PutJSONBody", method: "PUT", path: "/users/i-1", body: body,
			headers: map[string][]string{"Content-Type": {"application/json"}}},
		{name: "RawColonsEncodedSlashes", method: "POST", path: "/tags/" + url.PathEscape(arn),
			body: []byte(`{"tags":{"k":"v"}}`)},
		{name: "EncodedSlashAndColon", method: "GET", path: "/tags/arn%3Aaws%3Aconnect%3Aus-west-2%3A123456789012%3Ainstance%2Fabc%2Fagent%2Fdef"},
		{name: "RepeatedQueryKeysUnsorted", method: "DELETE", path: "/tags/arn%3Aaws%3Aconnect",
			query: "tagKeys=zeta&tagKeys=alpha&tagKeys=mid"},
		{name: "QueryNeedingEncoding", method: "GET", path: "/users-summary/i-1",
			query: url.Values{"nextToken": {"a+b/c= d~é"}, "maxResults": {"10"}}.Encode()},
		{name: "QueryValueSortAfterEncoding", method: "GET", path: "/x", query: "k=a-b&k=a%2Fb"},
		{name: "QueryKeyWithoutValue", method: "GET", path: "/x", query: "flag&a=1"},
		{name: "HeaderWithRunsOfSpaces", method: "GET", path: "/x",
			headers: map[string][]string{"X-Amz-Meta-Note": {"  a   b  c "}}},
		{name: "HeaderWithSeveralValues", method: "GET", path: "/x",
			headers: map[string][]string{"X-Amz-Meta-Multi": {"one", "two"}}},
		{name: "ContentSha256Header", method: "PUT", path: "/users/i-1", body: body,
			headers: map[string][]string{"X-Amz-Content-Sha256": {hexSHA256(body)}}},
		{name: "UnsignedPayload", method: "PUT", path: "/users/i-1", body: body,
			headers: map[string][]string{"X-Amz-Content-Sha256": {"UNSIGNED-PAYLOAD"}}},
		{name: "UnicodePath", method: "GET", path: "/users/i-1/" + url.PathEscape("ü ñ")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ts.URL + tt.path
			if tt.query != "" {
				u += "?" + tt.query
			}
			req := newRequest(t, tt.method, u, tt.body)
			for k, vs := range tt.headers {
				req.Header[k] = vs
			}
			sdkSign(t, req, tt.body, testAKID, testSecret, "connect", "us-west-2", now)
			res := send(t, ts, req)
			if !res.OK {
				t.Fatalf("Verify rejected an SDK-signed request: %v %q", res.Failure, res.Message)
			}
			if res.Region != "us-west-2" || res.AKID != testAKID {
				t.Errorf("identity = %s/%s, want %s/us-west-2", res.AKID, res.Region, testAKID)
			}
			if res.Body != string(tt.body) {
				t.Errorf("body = %q, want %q", res.Body, tt.body)
			}
		})
	}
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func TestVerifyRejects(t *testing.T) {
	now := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	v := &Verifier{
		Secrets: map[string]string{testAKID: testSecret},
		Service: "connect",
		Now:     func() time.Time { return now },
	}
	ts := newVerifyServer(t, v)
	body := []byte(`{"Username":"Mary"}`)
	tests := []struct {
		name    string
		build   func(t *testing.T) *http.Request
		want    AuthFailure
		message string // a prefix of the message
	}{
		{"MissingAuthorization", func(t *testing.T) *http.Request {
			return newRequest(t, "GET", ts.URL+"/x", nil)
		}, AuthMissing, "Missing Authentication Token"},
		{"UnknownAccessKey", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			sdkSign(t, req, nil, "AKIDUNKNOWN", testSecret, "connect", "us-west-2", now)
			return req
		}, AuthUnknownKey, "The security token included in the request is invalid."},
		{"WrongSecret", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			sdkSign(t, req, nil, testAKID, "not-the-secret", "connect", "us-west-2", now)
			return req
		}, AuthBadSignature, "The request signature we calculated does not match"},
		{"TamperedBody", func(t *testing.T) *http.Request {
			req := newRequest(t, "PUT", ts.URL+"/users/i", body)
			sdkSign(t, req, body, testAKID, testSecret, "connect", "us-west-2", now)
			tampered := []byte(`{"Username":"Eve!"}`)
			req.Body = io.NopCloser(bytes.NewReader(tampered))
			req.ContentLength = int64(len(tampered))
			return req
		}, AuthBadSignature, "The request signature we calculated does not match"},
		{"TamperedQuery", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x?maxResults=1", nil)
			sdkSign(t, req, nil, testAKID, testSecret, "connect", "us-west-2", now)
			req.URL.RawQuery = "maxResults=2"
			return req
		}, AuthBadSignature, "The request signature we calculated does not match"},
		{"TamperedPath", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/users/i/u1", nil)
			sdkSign(t, req, nil, testAKID, testSecret, "connect", "us-west-2", now)
			req.URL.Path = "/users/i/u2"
			return req
		}, AuthBadSignature, "The request signature we calculated does not match"},
		{"SignedTooLongAgo", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			sdkSign(t, req, nil, testAKID, testSecret, "connect", "us-west-2", now.Add(-16*time.Minute))
			return req
		}, AuthBadSignature, "Signature expired: 20240506T065209Z is now earlier than 20240506T065309Z (20240506T070809Z - 15 min.)"},
		{"SignedInTheFuture", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			sdkSign(t, req, nil, testAKID, testSecret, "connect", "us-west-2", now.Add(16*time.Minute))
			return req
		}, AuthBadSignature, "Signature not yet current: 20240506T072409Z is still later than 20240506T072309Z (20240506T070809Z + 15 min.)"},
		{"WrongService", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			sdkSign(t, req, nil, testAKID, testSecret, "s3", "us-west-2", now)
			return req
		}, AuthBadSignature, "Credential should be scoped to correct service: 'connect'."},
		{"ContentSha256Mismatch", func(t *testing.T) *http.Request {
			req := newRequest(t, "PUT", ts.URL+"/users/i", body)
			req.Header.Set("X-Amz-Content-Sha256", hexSHA256([]byte("other")))
			sdkSign(t, req, body, testAKID, testSecret, "connect", "us-west-2", now)
			return req
		}, AuthBadSignature, "The provided 'x-amz-content-sha256' header does not match"},
		{"NoSignatureParameter", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			req.Header.Set("X-Amz-Date", now.Format(amzDateFormat))
			req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+testAKID+"/20240506/us-west-2/connect/aws4_request, SignedHeaders=host;x-amz-date")
			return req
		}, AuthIncomplete, "Authorization header requires 'Signature' parameter."},
		{"UnsupportedAlgorithm", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			req.Header.Set("Authorization", "AWS4-ECDSA-P256-SHA256 Credential=x")
			return req
		}, AuthIncomplete, "Unsupported AWS 'algorithm'"},
		{"NoDate", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			sdkSign(t, req, nil, testAKID, testSecret, "connect", "us-west-2", now)
			req.Header.Del("X-Amz-Date")
			return req
		}, AuthIncomplete, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."},
		{"ScopeDateMismatch", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			sdkSign(t, req, nil, testAKID, testSecret, "connect", "us-west-2", now)
			req.Header.Set("X-Amz-Date", now.Add(24*time.Hour).Format(amzDateFormat))
			return req
		}, AuthBadSignature, "Date in Credential scope does not match"},
		{"HostNotSigned", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			req.Header.Set("X-Amz-Date", now.Format(amzDateFormat))
			req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+testAKID+"/20240506/us-west-2/connect/aws4_request, SignedHeaders=x-amz-date, Signature="+strings.Repeat("0", 64))
			return req
		}, AuthBadSignature, "'Host' or ':authority' must be a 'SignedHeader'"},
		{"GarbageSignature", func(t *testing.T) *http.Request {
			req := newRequest(t, "GET", ts.URL+"/x", nil)
			req.Header.Set("X-Amz-Date", now.Format(amzDateFormat))
			req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+testAKID+"/20240506/us-west-2/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=zz")
			return req
		}, AuthBadSignature, "The request signature we calculated does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := send(t, ts, tt.build(t))
			if res.OK {
				t.Fatalf("Verify accepted the request")
			}
			if res.Failure != tt.want {
				t.Errorf("failure = %v, want %v (%q)", res.Failure, tt.want, res.Message)
			}
			if !strings.HasPrefix(res.Message, tt.message) {
				t.Errorf("message = %q, want prefix %q", res.Message, tt.message)
			}
			if strings.Contains(res.Message, testSecret) {
				t.Errorf("message leaks the secret: %q", res.Message)
			}
		})
	}
}

// TestVerifyBotocorePathNormalisation checks the reading botocore signs: it
// removes repeated slashes and dot segments before signing.
func TestVerifyBotocorePathNormalisation(t *testing.T) {
	now := time.Now().UTC()
	v := &Verifier{Secrets: map[string]string{testAKID: testSecret}, Service: "connect"}
	ts := newVerifyServer(t, v)
	req := newRequest(t, "GET", ts.URL+"/users/i/u", nil)
	sdkSign(t, req, nil, testAKID, testSecret, "connect", "us-west-2", now)
	req.URL.Opaque = "//" + req.URL.Host + "/users//i/./u" // sent as is, signed normalised
	if res := send(t, ts, req); !res.OK {
		t.Fatalf("rejected: %v %q", res.Failure, res.Message)
	}
}

func TestVerifyBodyLimit(t *testing.T) {
	v := &Verifier{Secrets: map[string]string{testAKID: testSecret}, Service: "connect", MaxBodyBytes: 16}
	ts := newVerifyServer(t, v)
	body := bytes.Repeat([]byte("x"), 17)
	tests := []struct {
		name    string
		chunked bool
	}{{"ContentLength", false}, {"Chunked", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := newRequest(t, "PUT", ts.URL+"/x", body)
			sdkSign(t, req, body, testAKID, testSecret, "connect", "us-west-2", time.Now())
			if tt.chunked {
				req.Body = io.NopCloser(bytes.NewReader(body))
				req.ContentLength = -1
			}
			res := send(t, ts, req)
			if res.OK || res.Failure != AuthTooLarge {
				t.Fatalf("got %+v, want AuthTooLarge", res)
			}
		})
	}
}

func TestSigningKeyCacheIsBounded(t *testing.T) {
	v := &Verifier{Secrets: map[string]string{testAKID: testSecret}, Service: "connect"}
	for i := range maxCachedKeys + 10 {
		v.signingKey(&authHeader{accessKey: testAKID, date: "20240101", region: "r" + string(rune('a'+i%26)) + strings.Repeat("x", i), service: "connect"}, testSecret)
	}
	n := 0
	v.keys.Range(func(any, any) bool { n++; return true })
	if n > maxCachedKeys {
		t.Fatalf("cache holds %d keys, want at most %d", n, maxCachedKeys)
	}
}

func TestMiddleware(t *testing.T) {
	v := &Verifier{Secrets: map[string]string{testAKID: testSecret}, Service: "connect"}
	h := v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, ok := IdentityFrom(r.Context())
		b, _ := io.ReadAll(r.Body)
		if !ok || id.Region != "eu-central-1" || string(b) != `{"a":1}` {
			t.Errorf("identity %+v (%v), body %q", id, ok, b)
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	ts := httptest.NewServer(h)
	defer ts.Close()

	body := []byte(`{"a":1}`)
	req := newRequest(t, "POST", ts.URL+"/x", body)
	sdkSign(t, req, body, testAKID, testSecret, "connect", "eu-central-1", time.Now())
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("status = %d, want 204", resp.StatusCode)
	}

	resp, err = ts.Client().Get(ts.URL + "/x")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var eb errorBody
	_ = json.NewDecoder(resp.Body).Decode(&eb)
	if resp.StatusCode != http.StatusForbidden || resp.Header.Get(headerErrorType) != "MissingAuthenticationTokenException" || eb.Type != "MissingAuthenticationTokenException" {
		t.Fatalf("unsigned: status %d, type %q, body %+v", resp.StatusCode, resp.Header.Get(headerErrorType), eb)
	}
}

func BenchmarkVerify(b *testing.B) {
	v := &Verifier{Secrets: map[string]string{testAKID: testSecret}, Service: "connect"}
	body := []byte(`{"Username":"bench-user-000001","Password":"Pass@Word1","IdentityInfo":{"FirstName":"Bench","LastName":"User"},` +
		`"PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":0},` +
		`"SecurityProfileIds":["5f2a6a2e-1c1d-4a57-9d2c-6f7e1f0b9a11"],"RoutingProfileId":"0b5c2d39-6f55-4c83-a0f1-3c9d4b1e2f70"}`)
	req, err := http.NewRequest("PUT", "http://127.0.0.1:4599/users/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Amz-Sdk-Invocation-Id", "7d1c7a9f-2b1d-4f0e-9a7e-3f1e2d3c4b5a")
	req.Header.Set("Amz-Sdk-Request", "attempt=1; max=3")
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: testAKID, SecretAccessKey: testSecret},
		req, hex.EncodeToString(sum[:]), "connect", "us-west-2", time.Now()); err != nil {
		b.Fatal(err)
	}
	req.RequestURI = req.URL.RequestURI()
	req.Host = req.URL.Host
	if _, err := v.Verify(req, body); err != nil {
		b.Fatalf("Verify: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(req, body); err != nil {
			b.Fatal(err)
		}
	}
}
