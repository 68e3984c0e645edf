package httpapi

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/connectlite/connectlite"
)

// SigV4 verification of the header form of AWS Signature Version 4:
//
//	Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240102/us-west-2/connect/aws4_request,
//	    SignedHeaders=host;x-amz-date, Signature=<hex>
//
// The verifier rebuilds the canonical request from the request as it
// arrived (raw path, raw query, the signed headers and the body's hash),
// signs it with the caller's secret and compares in constant time.

const (
	sigV4Algorithm  = "AWS4-HMAC-SHA256"
	amzDateFormat   = "20060102T150405Z"
	scopeDateFormat = "20060102"
	unsignedPayload = "UNSIGNED-PAYLOAD"
	// DefaultMaxSkew is how far a request's X-Amz-Date may be from the
	// server's clock, as in AWS.
	DefaultMaxSkew = 15 * time.Minute
	// DefaultMaxBodyBytes is the largest request body accepted.
	DefaultMaxBodyBytes = 1 << 20
)

// emptySHA256 is the hex SHA-256 of an empty body.
const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// AuthFailure classifies why a request failed authentication. errors.go maps
// each one to an AWS exception.
type AuthFailure uint8

// The ways authentication fails.
const (
	AuthMissing      AuthFailure = iota + 1 // no Authorization header
	AuthIncomplete                          // the header or the date is malformed
	AuthUnknownKey                          // the access key is not configured
	AuthBadSignature                        // the signature, scope or date does not check out
	AuthTooLarge                            // the body exceeds the size limit
)

// AuthError is an authentication failure. Message is safe to show to the
// client and never contains a secret or the expected signature.
type AuthError struct {
	Failure AuthFailure
	Message string
}

// Error returns the message.
func (e *AuthError) Error() string { return e.Message }

func authErrorf(f AuthFailure, format string, args ...any) *AuthError {
	return &AuthError{Failure: f, Message: fmt.Sprintf(format, args...)}
}

const msgBadSignature = "The request signature we calculated does not match the signature you provided. " +
	"Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

// Identity is who signed a request and for which region.
type Identity struct {
	AccessKeyID string
	Region      string    // the credential scope's region
	SignedAt    time.Time // X-Amz-Date
}

// Verifier checks SigV4 signatures against a fixed set of access keys. Its
// fields must not change once it is in use; it is safe for concurrent use.
type Verifier struct {
	// Secrets maps access key ids to secret access keys.
	Secrets map[string]string
	// Service is the signing name the credential scope must carry
	// ("connect").
	Service string
	// Now is the server's clock; nil means time.Now.
	Now connectlite.Clock
	// MaxSkew bounds the distance between X-Amz-Date and Now; zero means
	// DefaultMaxSkew.
	MaxSkew time.Duration
	// MaxBodyBytes bounds the body Middleware reads; zero means
	// DefaultMaxBodyBytes.
	MaxBodyBytes int64

	keys      sync.Map // signing-key cache: "AKID/date/region" -> []byte
	keyCount  atomic.Int64
	hashPool  sync.Pool // of hash.Hash (sha256)
	queryPool sync.Pool // of *[]queryPair
}

// maxCachedKeys bounds the signing-key cache; a client inventing regions
// cannot make it grow without end.
const maxCachedKeys = 1024

type identityKey struct{}

// IdentityFrom returns the identity Middleware stored in ctx.
func IdentityFrom(ctx context.Context) (Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(Identity)
	return id, ok
}

// Middleware reads the body (up to MaxBodyBytes), verifies the signature
// and calls next with the identity in the context (see IdentityFrom) and the
// body available again as r.Body. Failures are answered with the AWS error
// of errors.go.
func (v *Verifier) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := v.ReadBody(r)
		if err != nil {
			writeError(w, r, nil, err)
			return
		}
		id, err := v.Verify(r, body)
		if err != nil {
			writeError(w, r, nil, err)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
	})
}

// ReadBody reads the whole body of r, returning an AuthTooLarge error if it
// exceeds MaxBodyBytes.
func (v *Verifier) ReadBody(r *http.Request) ([]byte, error) {
	limit := v.MaxBodyBytes
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	if r.ContentLength > limit {
		return nil, authErrorf(AuthTooLarge, "Request body of %d bytes exceeds the limit of %d bytes", r.ContentLength, limit)
	}
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return nil, nil
	}
	var b []byte
	if r.ContentLength > 0 {
		b = make([]byte, 0, r.ContentLength+1) // +1 so ReadAll sees EOF without growing
	}
	buf := bytes.NewBuffer(b)
	n, err := buf.ReadFrom(io.LimitReader(r.Body, limit+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, authErrorf(AuthTooLarge, "Request body exceeds the limit of %d bytes", limit)
		}
		return nil, fmt.Errorf("read request body: %w", err)
	}
	if n > limit {
		return nil, authErrorf(AuthTooLarge, "Request body exceeds the limit of %d bytes", limit)
	}
	return buf.Bytes(), nil
}

// authHeader is the parsed Authorization header.
type authHeader struct {
	accessKey, date, region, service string
	signedHeaders                    string
	signature                        string
}

// Verify checks the signature of r, whose body is body, and returns the
// signer's identity. Errors are *AuthError values.
func (v *Verifier) Verify(r *http.Request, body []byte) (Identity, error) {
	authz := r.Header.Get("Authorization")
	if authz == "" {
		return Identity{}, &AuthError{Failure: AuthMissing, Message: "Missing Authentication Token"}
	}
	ah, aerr := parseAuthorization(authz)
	if aerr != nil {
		return Identity{}, aerr
	}
	if v.Service != "" && ah.service != v.Service {
		return Identity{}, authErrorf(AuthBadSignature, "Credential should be scoped to correct service: '%s'. ", v.Service)
	}
	secret, ok := v.Secrets[ah.accessKey]
	if !ok {
		return Identity{}, &AuthError{Failure: AuthUnknownKey, Message: "The security token included in the request is invalid."}
	}

	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		return Identity{}, authErrorf(AuthIncomplete, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=%s", redactSignature(authz))
	}
	signedAt, err := time.Parse(amzDateFormat, amzDate)
	if err != nil {
		return Identity{}, authErrorf(AuthIncomplete, "Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601", amzDate)
	}
	if ah.date != amzDate[:8] {
		return Identity{}, authErrorf(AuthBadSignature, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.", ah.date, amzDate[:8], amzDate)
	}
	if err := v.checkSkew(signedAt); err != nil {
		return Identity{}, err
	}
	if !signsHost(ah.signedHeaders) {
		return Identity{}, authErrorf(AuthBadSignature, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
	}

	payloadHash, perr := v.payloadHash(r, body)
	if perr != nil {
		return Identity{}, perr
	}
	want, err := hex.DecodeString(ah.signature)
	if err != nil || len(want) != sha256.Size {
		return Identity{}, &AuthError{Failure: AuthBadSignature, Message: msgBadSignature}
	}
	key := v.signingKey(ah, secret)
	path := rawPath(r)
	got := v.signature(r, ah, key, amzDate, path, payloadHash)
	if subtle.ConstantTimeCompare(got, want) != 1 {
		// botocore removes dot segments and repeated slashes from the path
		// before signing; the Go SDK does not. Accept either reading.
		if norm := normalizePath(path); norm == path || subtle.ConstantTimeCompare(v.signature(r, ah, key, amzDate, norm, payloadHash), want) != 1 {
			return Identity{}, &AuthError{Failure: AuthBadSignature, Message: msgBadSignature}
		}
	}
	return Identity{AccessKeyID: ah.accessKey, Region: ah.region, SignedAt: signedAt}, nil
}

// checkSkew rejects a request signed too long ago or too far ahead, with
// AWS's wording.
func (v *Verifier) checkSkew(signedAt time.Time) error {
	now := time.Now()
	if v.Now != nil {
		now = v.Now()
	}
	now = now.UTC()
	skew := v.MaxSkew
	if skew <= 0 {
		skew = DefaultMaxSkew
	}
	mins := int(skew / time.Minute)
	if signedAt.Before(now.Add(-skew)) {
		return authErrorf(AuthBadSignature, "Signature expired: %s is now earlier than %s (%s - %d min.)",
			signedAt.Format(amzDateFormat), now.Add(-skew).Format(amzDateFormat), now.Format(amzDateFormat), mins)
	}
	if signedAt.After(now.Add(skew)) {
		return authErrorf(AuthBadSignature, "Signature not yet current: %s is still later than %s (%s + %d min.)",
			signedAt.Format(amzDateFormat), now.Add(skew).Format(amzDateFormat), now.Format(amzDateFormat), mins)
	}
	return nil
}

// payloadHash returns the hash the client signed: X-Amz-Content-Sha256 if
// sent (which must then match the body unless it is UNSIGNED-PAYLOAD), the
// body's SHA-256 otherwise.
func (v *Verifier) payloadHash(r *http.Request, body []byte) (string, error) {
	computed := emptySHA256
	if len(body) > 0 {
		sum := sha256.Sum256(body)
		computed = hex.EncodeToString(sum[:])
	}
	sent := r.Header.Get("X-Amz-Content-Sha256")
	switch {
	case sent == "":
		return computed, nil
	case sent == unsignedPayload:
		return sent, nil
	case !strings.EqualFold(sent, computed):
		return "", authErrorf(AuthBadSignature, "The provided 'x-amz-content-sha256' header does not match what was computed.")
	}
	return sent, nil
}

// signature computes the hex-decoded signature of the request for path.
func (v *Verifier) signature(r *http.Request, ah *authHeader, key []byte, amzDate, path, payloadHash string) []byte {
	h := v.getHash()
	defer v.hashPool.Put(h)

	// Canonical request, streamed into the hash instead of built in memory.
	var scratch [256]byte
	buf := scratch[:0]
	buf = append(buf, r.Method...)
	buf = append(buf, '\n')
	buf = appendEscapedPath(buf, path)
	buf = append(buf, '\n')
	buf = v.appendCanonicalQuery(buf, r.URL.RawQuery)
	buf = append(buf, '\n')
	h.Write(buf)
	buf = buf[:0]
	for name := range strings.SplitSeq(ah.signedHeaders, ";") {
		buf = append(buf, name...)
		buf = append(buf, ':')
		buf = appendHeaderValue(buf, r, name)
		buf = append(buf, '\n')
		h.Write(buf)
		buf = buf[:0]
	}
	buf = append(buf, '\n')
	buf = append(buf, ah.signedHeaders...)
	buf = append(buf, '\n')
	buf = append(buf, payloadHash...)
	h.Write(buf)
	var crHash [sha256.Size]byte
	h.Sum(crHash[:0])

	// String to sign.
	buf = buf[:0]
	buf = append(buf, sigV4Algorithm...)
	buf = append(buf, '\n')
	buf = append(buf, amzDate...)
	buf = append(buf, '\n')
	buf = append(buf, ah.date...)
	buf = append(buf, '/')
	buf = append(buf, ah.region...)
	buf = append(buf, '/')
	buf = append(buf, ah.service...)
	buf = append(buf, "/aws4_request\n"...)
	buf = hex.AppendEncode(buf, crHash[:])
	return hmacSHA256(key, buf)
}

func (v *Verifier) getHash() hash.Hash {
	if h, ok := v.hashPool.Get().(hash.Hash); ok {
		h.Reset()
		return h
	}
	return sha256.New()
}

// signingKey derives (or recalls) the key for the credential scope.
func (v *Verifier) signingKey(ah *authHeader, secret string) []byte {
	cacheKey := ah.accessKey + "/" + ah.date + "/" + ah.region + "/" + ah.service
	if k, ok := v.keys.Load(cacheKey); ok {
		return k.([]byte)
	}
	k := hmacSHA256([]byte("AWS4"+secret), []byte(ah.date))
	k = hmacSHA256(k, []byte(ah.region))
	k = hmacSHA256(k, []byte(ah.service))
	k = hmacSHA256(k, []byte("aws4_request"))
	if v.keyCount.Add(1) > maxCachedKeys {
		v.keys.Clear()
		v.keyCount.Store(1)
	}
	v.keys.Store(cacheKey, k)
	return k
}

func hmacSHA256(key, data []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(data)
	return m.Sum(nil)
}

// parseAuthorization parses the Authorization header.
func parseAuthorization(s string) (*authHeader, *AuthError) {
	alg, rest, _ := strings.Cut(s, " ")
	if alg != sigV4Algorithm {
		return nil, authErrorf(AuthIncomplete, "Unsupported AWS 'algorithm': '%s'", alg)
	}
	var cred, signed, sig string
	var haveCred, haveSigned, haveSig bool
	for part := range strings.SplitSeq(rest, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			cred, haveCred = val, true
		case "SignedHeaders":
			signed, haveSigned = val, true
		case "Signature":
			sig, haveSig = val, true
		}
	}
	var missing []string
	if !haveCred {
		missing = append(missing, "Authorization header requires 'Credential' parameter.")
	}
	if !haveSig {
		missing = append(missing, "Authorization header requires 'Signature' parameter.")
	}
	if !haveSigned {
		missing = append(missing, "Authorization header requires 'SignedHeaders' parameter.")
	}
	if len(missing) > 0 {
		return nil, authErrorf(AuthIncomplete, "%s Authorization=%s", strings.Join(missing, " "), redactSignature(s))
	}
	parts := strings.Split(cred, "/")
	if len(parts) != 5 || parts[0] == "" || parts[4] != "aws4_request" || len(parts[1]) != 8 {
		return nil, authErrorf(AuthIncomplete, "Credential should be scoped to a valid region, not '%s'. ", strings.Join(parts[min(2, len(parts)-1):], "/"))
	}
	if _, err := time.Parse(scopeDateFormat, parts[1]); err != nil {
		return nil, authErrorf(AuthIncomplete, "Credential should be scoped with a valid date, not '%s'. ", parts[1])
	}
	if parts[2] == "" {
		return nil, authErrorf(AuthIncomplete, "Credential should be scoped to a valid region. ")
	}
	return &authHeader{
		accessKey: parts[0], date: parts[1], region: parts[2], service: parts[3],
		signedHeaders: signed, signature: sig,
	}, nil
}

// redactSignature hides the signature value when echoing a header back.
func redactSignature(s string) string {
	if i := strings.Index(s, "Signature="); i >= 0 {
		return s[:i] + "Signature=..."
	}
	return s
}

// signsHost reports whether the signed-header list includes host.
func signsHost(list string) bool {
	for name := range strings.SplitSeq(list, ";") {
		if name == "host" || name == ":authority" {
			return true
		}
	}
	return false
}

// rawPath returns the path exactly as the client sent it.
func rawPath(r *http.Request) string {
	p := r.RequestURI
	if p == "" || p[0] != '/' { // absolute form or a test-built request
		p = r.URL.EscapedPath()
	} else if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	if p == "" {
		return "/"
	}
	return p
}

// normalizePath removes dot segments and repeated slashes as botocore does.
func normalizePath(p string) string {
	if !strings.Contains(p, "//") && !strings.Contains(p, "/.") {
		return p
	}
	var out []string
	for seg := range strings.SplitSeq(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
		}
	}
	s := "/" + strings.Join(out, "/")
	if strings.HasSuffix(p, "/") && len(out) > 0 {
		s += "/"
	}
	return s
}

// unreserved marks the bytes SigV4 leaves unescaped.
var unreserved = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
	}
	return t
}()

const upperHex = "0123456789ABCDEF"

// appendEscapedPath escapes the raw path once more, as every SDK does for
// services other than S3: "%3A" becomes "%253A".
func appendEscapedPath(dst []byte, p string) []byte {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if unreserved[c] || c == '/' {
			dst = append(dst, c)
		} else {
			dst = append(dst, '%', upperHex[c>>4], upperHex[c&15])
		}
	}
	return dst
}

// appendEscaped appends s URI-encoded (RFC 3986 unreserved kept, uppercase
// hex, space as %20).
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved[c] {
			dst = append(dst, c)
		} else {
			dst = append(dst, '%', upperHex[c>>4], upperHex[c&15])
		}
	}
	return dst
}

type queryPair struct{ key, value string }

// appendCanonicalQuery appends the canonical query string: every pair
// decoded and re-encoded strictly, sorted by encoded key, then value.
func (v *Verifier) appendCanonicalQuery(dst []byte, raw string) []byte {
	if raw == "" {
		return dst
	}
	pp, _ := v.queryPool.Get().(*[]queryPair)
	if pp == nil {
		pp = new([]queryPair)
	}
	pairs := (*pp)[:0]
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		k, val, _ := strings.Cut(part, "=")
		pairs = append(pairs, queryPair{canonicalComponent(k), canonicalComponent(val)})
	}
	slices.SortFunc(pairs, func(a, b queryPair) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.value, b.value)
	})
	for i, p := range pairs {
		if i > 0 {
			dst = append(dst, '&')
		}
		dst = append(dst, p.key...)
		dst = append(dst, '=')
		dst = append(dst, p.value...)
	}
	*pp = pairs[:0]
	v.queryPool.Put(pp)
	return dst
}

// canonicalComponent decodes a raw query component ('+' is a space, as the
// Go SDK reads it) and encodes it strictly. Components already in canonical
// form are returned as they are, without allocating.
func canonicalComponent(s string) string {
	canonical := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isUpperHex(s[i+1]) && isUpperHex(s[i+2]) {
			i += 2
			continue
		}
		if !unreserved[c] {
			canonical = false
			break
		}
	}
	if canonical {
		return s
	}
	dec, err := queryUnescape(s)
	if err != nil {
		return s
	}
	return string(appendEscaped(nil, dec))
}

func isUpperHex(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// queryUnescape decodes %XX and '+'.
func queryUnescape(s string) (string, error) {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '%':
			if i+2 >= len(s) {
				return "", errors.New("bad escape")
			}
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if !ok1 || !ok2 {
				return "", errors.New("bad escape")
			}
			b = append(b, hi<<4|lo)
			i += 2
		case '+':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return string(b), nil
}

// appendHeaderValue appends the canonical value of a signed header: values
// trimmed, inner runs of spaces collapsed, several values joined by commas.
func appendHeaderValue(dst []byte, r *http.Request, name string) []byte {
	switch name {
	case "host":
		return appendTrimmed(dst, r.Host)
	case "content-length":
		if len(r.Header["Content-Length"]) == 0 {
			return strconv.AppendInt(dst, max(r.ContentLength, 0), 10)
		}
	}
	values := r.Header[http.CanonicalHeaderKey(name)]
	for i, val := range values {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendTrimmed(dst, val)
	}
	return dst
}

// appendTrimmed appends s without leading and trailing spaces and with runs
// of spaces collapsed to one.
func appendTrimmed(dst []byte, s string) []byte {
	s = strings.Trim(s, " \t")
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			space = true
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, c)
	}
	return dst
}
