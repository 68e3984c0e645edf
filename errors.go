// Package connectlite holds the domain of the connectlite service: the
// resources of an Amazon Connect instance, the rules they obey and the Store
// that persists them. It knows nothing of HTTP or SQL.
package connectlite

import (
	"errors"
	"fmt"
)

// Kind classifies a domain error. The HTTP layer maps each kind to exactly
// one AWS exception name and status code.
type Kind uint8

// The kinds of error the domain and the stores report.
const (
	KindInternal             Kind = iota // unclassified; clients see only a generic message
	KindInvalidParameter                 // a member breaks a model constraint
	KindInvalidRequest                   // the request as a whole is not valid
	KindNotFound                         // the target resource does not exist
	KindDuplicate                        // a unique name is taken
	KindLimitExceeded                    // a per-instance quota is reached
	KindResourceInUse                    // the resource is referenced by another
	KindThrottled                        // the server is saturated; retry later
	KindServiceQuotaExceeded             // an account quota is reached
	KindAccessDenied                     // the caller may not do this
	KindUnavailable                      // a transient fault of a dependency; retry
	KindConditionFailed                  // an optimistic-concurrency check failed
)

var kindNames = [...]string{
	KindInternal:             "Internal",
	KindInvalidParameter:     "InvalidParameter",
	KindInvalidRequest:       "InvalidRequest",
	KindNotFound:             "NotFound",
	KindDuplicate:            "Duplicate",
	KindLimitExceeded:        "LimitExceeded",
	KindResourceInUse:        "ResourceInUse",
	KindThrottled:            "Throttled",
	KindServiceQuotaExceeded: "ServiceQuotaExceeded",
	KindAccessDenied:         "AccessDenied",
	KindUnavailable:          "Unavailable",
	KindConditionFailed:      "ConditionFailed",
}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Error is a classified domain error. Message names the field and the rule
// and is safe to show to clients.
type Error struct {
	Kind    Kind
	Message string
	// ResourceType and ResourceID describe the blocking resource of a
	// KindResourceInUse error.
	ResourceType string
	ResourceID   string
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error of kind k with a formatted message.
func Errorf(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// KindOf reports the kind of err; errors that are not ours are internal.
func KindOf(err error) Kind {
	if e := (*Error)(nil); errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}
