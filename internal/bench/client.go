package bench

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// emptyPayloadHash is the SHA-256 of an empty body, as SDKs send it.
const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// Client sends Amazon Connect REST-JSON requests signed with Signature
// Version 4 the way aws-sdk-go-v2 signs them, over pooled keep-alive
// connections.
type Client struct {
	Endpoint    string // for example http://127.0.0.1:4566
	Region      string
	Credentials aws.Credentials
	HTTP        *http.Client
	signer      *v4.Signer
}

// NewClient returns a client for endpoint whose connection pool keeps up to
// conns idle connections, so that conns concurrent callers never reconnect.
func NewClient(endpoint, region, accessKey, secretKey string, conns int) *Client {
	tr := &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        conns + 16,
		MaxIdleConnsPerHost: conns + 16,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
		ForceAttemptHTTP2:   false,
	}
	return &Client{
		Endpoint:    strings.TrimRight(endpoint, "/"),
		Region:      region,
		Credentials: aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey, Source: "bench"},
		HTTP:        &http.Client{Transport: tr, Timeout: 60 * time.Second},
		signer:      v4.NewSigner(),
	}
}

// Close releases the client's idle connections.
func (c *Client) Close() { c.HTTP.CloseIdleConnections() }

// Request is one API call.
type Request struct {
	Op     string // operation name, for the statistics
	Method string
	Path   string // already escaped
	Query  url.Values
	Body   []byte // nil for none
}

// Response is what came back: the status, the AWS error type if any and the
// body.
type Response struct {
	Status    int
	ErrorType string // x-amzn-ErrorType without its ":" suffix
	Body      []byte
}

// ErrorCode is the key under which a failed call is counted: the status and
// the AWS error type, or "transport: <class>" when no response came back.
func ErrorCode(resp *Response, err error) string {
	if err != nil {
		return "transport: " + transportClass(err)
	}
	if resp.ErrorType != "" {
		return fmt.Sprintf("%d %s", resp.Status, resp.ErrorType)
	}
	return fmt.Sprintf("%d", resp.Status)
}

func transportClass(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection reset"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return "no local ports"
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	return "other"
}

// Do signs and sends r. A non-2xx status is not an error: the caller reads
// resp.Status and resp.ErrorType.
func (c *Client) Do(ctx context.Context, r *Request) (*Response, error) {
	u := c.Endpoint + r.Path
	if len(r.Query) > 0 {
		u += "?" + r.Query.Encode()
	}
	var body io.Reader
	hash := emptyPayloadHash
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
		sum := sha256.Sum256(r.Body)
		hash = hex.EncodeToString(sum[:])
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, u, body)
	if err != nil {
		return nil, fmt.Errorf("build %s request: %w", r.Op, err)
	}
	if r.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", "connectlite-bench aws-sdk-go-v2/1.x")
	req.Header.Set("Amz-Sdk-Invocation-Id", invocationID())
	req.Header.Set("Amz-Sdk-Request", "attempt=1; max=3")
	if err := c.signer.SignHTTP(ctx, c.Credentials, req, hash, "connect", c.Region, time.Now().UTC()); err != nil {
		return nil, fmt.Errorf("sign %s request: %w", r.Op, err)
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	et := res.Header.Get("X-Amzn-Errortype")
	if i := strings.IndexByte(et, ':'); i >= 0 {
		et = et[:i]
	}
	return &Response{Status: res.StatusCode, ErrorType: et, Body: b}, nil
}

// invocationID returns a random UUID, as SDKs put in amz-sdk-invocation-id.
func invocationID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
