package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// benchRequest signs a request once and returns a function that yields a
// fresh copy of it (with its body) for each use.
func benchRequest(b *testing.B, method, path string, body []byte) func() *http.Request {
	b.Helper()
	req, err := http.NewRequest(method, "http://127.0.0.1:4599"+path, bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: testAKID, SecretAccessKey: testSecret},
		req, hex.EncodeToString(sum[:]), "connect", testRegion, time.Now()); err != nil {
		b.Fatal(err)
	}
	req.RequestURI = req.URL.RequestURI()
	return func() *http.Request {
		r := req.Clone(context.Background())
		r.Body = http.NoBody
		if len(body) > 0 {
			r.Body = readCloser{bytes.NewReader(body)}
		}
		return r
	}
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

// BenchmarkDescribeUserHandler measures the HTTP layer and the store on
// DescribeUser, without the network.
func BenchmarkDescribeUserHandler(b *testing.B) {
	e := newEnv(b)
	f := e.newInstance(b, "bench", types.DirectoryTypeConnectManaged)
	u := e.createUser(b, f, "bench")
	h := e.ts.Config.Handler
	next := benchRequest(b, "GET", "/users/"+f.instanceID+"/"+aws.ToString(u.UserId), nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, next())
		if w.Code != 200 {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
