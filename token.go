package connectlite

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// TokenCodec turns store cursors into opaque pagination tokens and back. A
// token is bound to the listing it came from (its scope) and signed, so a
// client can neither forge one nor reuse it elsewhere.
type TokenCodec struct {
	Key []byte
}

// Encode returns the token for cursor after in scope; "" stays "".
func (c *TokenCodec) Encode(scope, after string) string {
	if after == "" {
		return ""
	}
	payload := base64.RawURLEncoding.EncodeToString([]byte(after))
	return payload + "." + base64.RawURLEncoding.EncodeToString(c.mac(scope, payload))
}

// Decode returns the cursor of token, or a KindInvalidParameter error if the
// token was not issued for scope or was altered.
func (c *TokenCodec) Decode(scope, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	payload, sig, ok := strings.Cut(token, ".")
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if !ok || err != nil || !hmac.Equal(got, c.mac(scope, payload)) {
		return "", Errorf(KindInvalidParameter, "NextToken is not valid for this request")
	}
	after, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return "", Errorf(KindInvalidParameter, "NextToken is not valid for this request")
	}
	return string(after), nil
}

func (c *TokenCodec) mac(scope, payload string) []byte {
	m := hmac.New(sha256.New, c.Key)
	m.Write([]byte(scope))
	m.Write([]byte{0})
	m.Write([]byte(payload))
	return m.Sum(nil)
}
