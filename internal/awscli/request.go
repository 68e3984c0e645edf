package awscli

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/google/uuid"
)

// client sends rest-json requests built generically from the model (no
// typed SDK client), signed with SigV4, and parses the responses as
// botocore does.
type client struct {
	http       *http.Client
	endpoint   *url.URL
	region     string
	creds      aws.CredentialsProvider // nil for --no-sign-request
	signer     *v4.Signer
	signing    string // SigV4 service name
	retryMode  string // "legacy" (the aws CLI v1 default), "standard" or "adaptive"
	maxAttempt int    // 0 for the mode's default
	userAgent  string
	log        *slog.Logger // nil unless --debug
}

// apiError is an error response of the service (botocore's ClientError).
type apiError struct {
	code, message string
	operation     string
	status        int
	retries       int
	maxReached    bool
}

func (e *apiError) Error() string {
	retry := ""
	if e.maxReached {
		retry = fmt.Sprintf(" (reached max retries: %d)", e.retries)
	}
	code, msg := e.code, e.message
	if code == "" {
		code = "Unknown"
	}
	return fmt.Sprintf("An error occurred (%s) when calling the %s operation%s: %s", code, e.operation, retry, msg)
}

// connError is a failure to reach the endpoint.
type connError struct {
	url string
	err error
}

func (e *connError) Error() string {
	var ne net.Error
	if errors.As(e.err, &ne) && ne.Timeout() {
		var oe *net.OpError
		if errors.As(e.err, &oe) && oe.Op == "dial" {
			return fmt.Sprintf("Connect timeout on endpoint URL: \"%s\"", e.url)
		}
		return fmt.Sprintf("Read timeout on endpoint URL: \"%s\"", e.url)
	}
	return fmt.Sprintf("Could not connect to the endpoint URL: \"%s\"", e.url)
}

func (e *connError) Unwrap() error { return e.err }

// prepareParams fills idempotency tokens and validates params against the
// operation's input, returning a ParamValidationError message on failure.
func prepareParams(op *opCommand, params *Object) error {
	if !op.input.valid() {
		if params.Len() > 0 {
			return exception("Parameter validation failed:\n%s", validateParams(params, op.input))
		}
		return nil
	}
	for _, m := range op.input.members() {
		if m.ref.IdempotencyToken && !params.Has(m.name) {
			params.Set(m.name, uuid.NewString())
		}
	}
	if report := validateParams(params, op.input); report != "" {
		return exception("Parameter validation failed:\n%s", report)
	}
	return nil
}

// serialized is a request before signing.
type serialized struct {
	method  string
	url     string
	headers http.Header
	body    []byte
}

// serialize builds the rest-json request for params (botocore's
// RestJSONSerializer): uri members fill the path, querystring members the
// query, header members the headers, and the rest the JSON body.
func (cl *client) serialize(op *opCommand, params *Object) (*serialized, error) {
	reqURI := op.op.HTTP.RequestURI
	path, staticQuery, _ := strings.Cut(reqURI, "?")
	type kv struct{ k, v string }
	var query []kv
	if staticQuery != "" {
		for _, part := range strings.Split(staticQuery, "&") {
			k, v, _ := strings.Cut(part, "=")
			query = append(query, kv{k, v})
		}
	}
	headers := http.Header{}
	body := NewObject()
	hasBodyMembers := false
	if op.input.valid() {
		for _, m := range op.input.members() {
			if m.location() == "" {
				hasBodyMembers = true
			}
		}
	}
	for _, name := range params.Keys() {
		v, _ := params.Get(name)
		m, ok := op.input.member(name)
		if !ok {
			continue
		}
		wire := m.locationName()
		if wire == "" {
			wire = name
		}
		switch m.location() {
		case "uri":
			s := scalarString(v, m, "iso8601")
			greedy := "{" + wire + "+}"
			if strings.Contains(path, greedy) {
				path = strings.ReplaceAll(path, greedy, percentEncode(s, "/~"))
			} else {
				path = strings.ReplaceAll(path, "{"+wire+"}", percentEncode(s, ""))
			}
		case "querystring":
			switch x := v.(type) {
			case *Object:
				for _, k := range x.Keys() {
					mv, _ := x.Get(k)
					if l, ok := mv.([]any); ok {
						for _, e := range l {
							query = append(query, kv{k, pyStr(e)})
						}
					} else {
						query = append(query, kv{k, scalarString(mv, m.mapValue(), "iso8601")})
					}
				}
			case []any:
				for _, e := range x {
					query = append(query, kv{wire, scalarString(e, m.listMember(), "iso8601")})
				}
			default:
				query = append(query, kv{wire, scalarString(v, m, "iso8601")})
			}
		case "header":
			if m.Type == "list" {
				var parts []string
				if l, ok := v.([]any); ok {
					for _, e := range l {
						parts = append(parts, scalarString(e, m.listMember(), "rfc822"))
					}
				}
				headers.Set(wire, strings.Join(parts, ","))
			} else {
				headers.Set(wire, scalarString(v, m, "rfc822"))
			}
		case "headers":
			if o, ok := v.(*Object); ok {
				for _, k := range o.Keys() {
					hv, _ := o.Get(k)
					headers.Set(wire+k, pyStr(hv))
				}
			}
		case "statusCode":
		default:
			body.Set(wire, serializeBody(v, m))
		}
	}
	var payload []byte
	if hasBodyMembers {
		payload = []byte(compactJSON(body))
		headers.Set("Content-Type", "application/json")
	}
	// The path is percent-encoded already; join it to the endpoint's as
	// botocore's _urljoin does.
	base := cl.endpoint.EscapedPath()
	var p string
	switch {
	case path == "" || path == "/":
		p = base
		if p == "" {
			p = "/"
		}
	case strings.HasSuffix(base, "/") && strings.HasPrefix(path, "/"):
		p = base[:len(base)-1] + path
	default:
		p = base + path
	}
	full := cl.endpoint.Scheme + "://" + cl.endpoint.Host + p
	if len(query) > 0 {
		q := make([]string, 0, len(query))
		for _, kv := range query {
			q = append(q, percentEncode(kv.k, "")+"="+percentEncode(kv.v, ""))
		}
		full += "?" + strings.Join(q, "&")
	}
	return &serialized{method: op.op.HTTP.Method, url: full, headers: headers, body: payload}, nil
}

// scalarString renders a scalar for a path, query or header.
func scalarString(v any, s shape, tsFormat string) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "true"
		}
		return "false"
	case string:
		if s.Type == "timestamp" {
			if t, err := parseTimestampInput(x); err == nil {
				return formatTimestamp(t, s, tsFormat)
			}
		}
		return x
	case int64, float64:
		if s.Type == "timestamp" {
			if t, err := parseTimestampInput(x); err == nil {
				return formatTimestamp(t, s, tsFormat)
			}
		}
		return pyStr(x)
	case []byte:
		return base64.StdEncoding.EncodeToString(x)
	}
	return pyStr(v)
}

func formatTimestamp(t time.Time, s shape, def string) string {
	f := s.TimestampFormat
	if f == "" {
		f = def
	}
	switch f {
	case "iso8601":
		return iso8601(t)
	case "rfc822":
		return t.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")
	default:
		return pyStr(epochValue(t))
	}
}

// serializeBody converts a body value: timestamps to epoch seconds (or
// the shape's format), blobs to base64, structure members to their wire
// names.
func serializeBody(v any, s shape) any {
	switch s.Type {
	case "structure":
		o, ok := v.(*Object)
		if !ok {
			return v
		}
		out := NewObject()
		for _, k := range o.Keys() {
			mv, _ := o.Get(k)
			m, ok := s.member(k)
			if !ok {
				out.Set(k, mv)
				continue
			}
			wire := m.locationName()
			if wire == "" {
				wire = k
			}
			out.Set(wire, serializeBody(mv, m))
		}
		return out
	case "list":
		l, ok := v.([]any)
		if !ok {
			return v
		}
		out := make([]any, len(l))
		for i, e := range l {
			out[i] = serializeBody(e, s.listMember())
		}
		return out
	case "map":
		o, ok := v.(*Object)
		if !ok {
			return v
		}
		out := NewObject()
		for _, k := range o.Keys() {
			mv, _ := o.Get(k)
			out.Set(k, serializeBody(mv, s.mapValue()))
		}
		return out
	case "timestamp":
		t, err := parseTimestampInput(v)
		if err != nil {
			return v
		}
		switch s.TimestampFormat {
		case "iso8601":
			return iso8601(t)
		case "rfc822":
			return t.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")
		}
		return epochValue(t)
	case "blob":
		switch x := v.(type) {
		case []byte:
			return base64.StdEncoding.EncodeToString(x)
		case string:
			return base64.StdEncoding.EncodeToString([]byte(x))
		}
	}
	return v
}

// percentEncode is Python's urllib.parse.quote with safe characters
// "-_.~" plus extra.
func percentEncode(s, extra string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~", c) >= 0 || strings.IndexByte(extra, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// response is one HTTP exchange's outcome.
type response struct {
	status  int
	headers http.Header
	body    []byte
}

// call sends params to op and returns the parsed output, retrying as
// botocore's retry handler does.
func (cl *client) call(ctx context.Context, op *opCommand, params *Object) (*Object, error) {
	req, err := cl.serialize(op, params)
	if err != nil {
		return nil, err
	}
	max := cl.maxAttempt
	standard := cl.retryMode == "standard" || cl.retryMode == "adaptive"
	if max <= 0 {
		max = 5
		if standard {
			max = 3
		}
	}
	for attempt := 1; ; attempt++ {
		resp, err := cl.send(ctx, req)
		retryable := false
		var ae *apiError
		if err != nil {
			var ce *connError
			if !errors.As(err, &ce) {
				return nil, err
			}
			retryable = true
		} else if resp.status >= 301 {
			ae = parseError(op, resp)
			retryable = isRetryable(ae, standard)
		}
		if !retryable || attempt >= max {
			if err != nil {
				return nil, err
			}
			if ae != nil {
				ae.retries = attempt - 1
				ae.maxReached = retryable && attempt >= max && max > 1
				return nil, ae
			}
			return parseOutput(op, resp)
		}
		if cl.log != nil {
			cl.log.DebugContext(ctx, "retrying request", "attempt", attempt, "status", statusOf(resp))
		}
		if err := sleepCtx(ctx, backoff(attempt, standard)); err != nil {
			return nil, err
		}
	}
}

func statusOf(r *response) int {
	if r == nil {
		return 0
	}
	return r.status
}

// isRetryable applies the retry policies: legacy retries 429, 500, 502,
// 503, 504, 509 and the throttling codes at 400; standard also retries its
// list of throttling codes at any status.
func isRetryable(e *apiError, standard bool) bool {
	switch e.status {
	case 429, 500, 502, 503, 504:
		return true
	case 509:
		return !standard
	}
	throttle := map[string]bool{"Throttling": true, "ThrottlingException": true, "ThrottledException": true, "RequestThrottledException": true, "ProvisionedThroughputExceededException": true}
	if standard {
		for _, c := range []string{"TooManyRequestsException", "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException"} {
			throttle[c] = true
		}
		return throttle[e.code]
	}
	return e.status == 400 && throttle[e.code]
}

// backoff is the delay before the next attempt: rand * 2^(attempt-1)
// seconds (legacy) or rand * min(20, 2^attempt) seconds (standard).
func backoff(attempt int, standard bool) time.Duration {
	var b [8]byte
	_, _ = rand.Read(b[:])
	r := float64(binary.BigEndian.Uint64(b[:])>>11) / float64(1<<53)
	base := float64(int64(1) << (attempt - 1))
	if standard {
		base = float64(min(int64(20), int64(1)<<attempt))
	}
	return time.Duration(r * base * float64(time.Second))
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// send signs and sends one attempt.
func (cl *client) send(ctx context.Context, s *serialized) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, s.method, s.url, bytes.NewReader(s.body))
	if err != nil {
		return nil, exception("%v", err)
	}
	if s.body == nil {
		req.Body = http.NoBody
		req.ContentLength = 0
	}
	for k, vs := range s.headers {
		req.Header[k] = vs
	}
	req.Header.Set("User-Agent", cl.userAgent)
	if cl.creds != nil {
		creds, err := cl.creds.Retrieve(ctx)
		if err != nil || !creds.HasKeys() {
			return nil, &cliError{msg: `Unable to locate credentials. You can configure credentials by running "aws configure".`, code: 255, style: "plain"}
		}
		sum := sha256.Sum256(s.body)
		if err := cl.signer.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), cl.signing, cl.region, time.Now().UTC()); err != nil {
			return nil, exception("%v", err)
		}
	}
	if cl.log != nil {
		cl.log.DebugContext(ctx, "request", "method", s.method, "url", s.url, "headers", redactHeaders(req.Header), "body_bytes", len(s.body))
	}
	resp, err := cl.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &connError{url: s.url, err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, &connError{url: s.url, err: err}
	}
	if cl.log != nil {
		cl.log.DebugContext(ctx, "response", "status", resp.StatusCode, "headers", resp.Header, "body", string(body))
	}
	return &response{status: resp.StatusCode, headers: resp.Header, body: body}, nil
}

// redactHeaders drops the signature from the logged headers.
func redactHeaders(h http.Header) http.Header {
	out := h.Clone()
	if a := out.Get("Authorization"); a != "" {
		if i := strings.Index(a, "Signature="); i >= 0 {
			out.Set("Authorization", a[:i]+"Signature=REDACTED")
		}
	}
	if out.Get("X-Amz-Security-Token") != "" {
		out.Set("X-Amz-Security-Token", "REDACTED")
	}
	return out
}

// parseError reads an error response (botocore's RestJSONParser): the code
// from x-amzn-ErrorType, else the body's __type / code, else the status;
// the message from the body's message or Message.
func parseError(op *opCommand, r *response) *apiError {
	e := &apiError{operation: op.op.Name, status: r.status}
	trimmed := bytes.TrimSpace(r.body)
	if r.status >= 500 && (len(trimmed) == 0 || bytes.HasPrefix(trimmed, []byte("<html>"))) {
		e.code = strconv.Itoa(r.status)
		e.message = http.StatusText(r.status)
		return e
	}
	body := NewObject()
	if len(trimmed) > 0 {
		if v, err := decodeJSON(string(r.body)); err == nil {
			if o, ok := v.(*Object); ok {
				body = o
			}
		} else {
			body.Set("message", string(r.body))
		}
	}
	if m, ok := body.Get("message"); ok {
		e.message = pyStr(m)
	} else if m, ok := body.Get("Message"); ok {
		e.message = pyStr(m)
	}
	code := strconv.Itoa(r.status)
	if t, ok := body.Get("__type"); ok {
		code = pyStr(t)
	}
	if h := r.headers.Get("X-Amzn-Errortype"); h != "" {
		code = h
	} else if c, ok := body.Get("code"); ok {
		code = pyStr(c)
	} else if c, ok := body.Get("Code"); ok {
		code = pyStr(c)
	}
	code, _, _ = strings.Cut(code, ":")
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	e.code = code
	return e
}

// parseOutput reads a success response into the output shape's members,
// in model order, as botocore does (unknown members are dropped;
// timestamps stay as sent, the aws CLI v1's "wire" format).
func parseOutput(op *opCommand, r *response) (*Object, error) {
	out := NewObject()
	if !op.output.valid() {
		return out, nil
	}
	var body *Object
	if len(bytes.TrimSpace(r.body)) > 0 {
		v, err := decodeJSON(string(r.body))
		if err != nil {
			return nil, exception("Unable to parse response (%v), invalid JSON received:\n%s", err, r.body)
		}
		body, _ = v.(*Object)
	}
	for _, m := range op.output.members() {
		switch m.location() {
		case "header":
			h := r.headers.Get(m.locationName())
			if h == "" && r.headers.Values(m.locationName()) == nil {
				continue
			}
			out.Set(m.name, parseHeaderValue(h, m.shape))
		case "headers":
			prefix := strings.ToLower(m.locationName())
			o := NewObject()
			for k, vs := range r.headers {
				if strings.HasPrefix(strings.ToLower(k), prefix) {
					o.Set(strings.ToLower(k)[len(prefix):], strings.Join(vs, ","))
				}
			}
			out.Set(m.name, o)
		case "statusCode":
			out.Set(m.name, int64(r.status))
		default:
			wire := m.locationName()
			if wire == "" {
				wire = m.name
			}
			if v, ok := body.Get(wire); ok && v != nil {
				out.Set(m.name, parseValue(v, m.shape))
			}
		}
	}
	return out, nil
}

func parseHeaderValue(h string, s shape) any {
	switch s.Type {
	case "integer", "long":
		if n, err := strconv.ParseInt(strings.TrimSpace(h), 10, 64); err == nil {
			return n
		}
	case "float", "double":
		if f, err := strconv.ParseFloat(strings.TrimSpace(h), 64); err == nil {
			return f
		}
	case "boolean":
		return strings.EqualFold(h, "true")
	case "list":
		var l []any
		for _, p := range strings.Split(h, ",") {
			l = append(l, strings.TrimSpace(p))
		}
		return l
	}
	return h
}

// parseValue converts a JSON value to the shape's type as botocore's JSON
// parser does.
func parseValue(v any, s shape) any {
	switch s.Type {
	case "structure":
		o, ok := v.(*Object)
		if !ok {
			return v
		}
		out := NewObject()
		for _, m := range s.members() {
			wire := m.locationName()
			if wire == "" {
				wire = m.name
			}
			if mv, ok := o.Get(wire); ok && mv != nil {
				out.Set(m.name, parseValue(mv, m.shape))
			}
		}
		return out
	case "list":
		l, ok := v.([]any)
		if !ok {
			return v
		}
		out := make([]any, len(l))
		for i, e := range l {
			out[i] = parseValue(e, s.listMember())
		}
		return out
	case "map":
		o, ok := v.(*Object)
		if !ok {
			return v
		}
		out := NewObject()
		for _, k := range o.Keys() {
			mv, _ := o.Get(k)
			out.Set(k, parseValue(mv, s.mapValue()))
		}
		return out
	case "boolean":
		if b, ok := v.(bool); ok {
			return b
		}
		return strings.ToLower(pyStr(v)) == "true"
	case "integer", "long":
		if n, err := pyInt(v); err == nil {
			return n
		}
	case "float", "double":
		if f, err := pyFloat(v); err == nil {
			return f
		}
	}
	return v
}
