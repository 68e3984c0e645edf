package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"slices"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/awsmodel"
)

// This file is the only place that knows AWS exception names and their HTTP
// status codes.

// exception is an AWS error as it goes on the wire.
type exception struct {
	name   string
	status int
}

// exceptions maps domain kinds to the exceptions of the Connect model.
var exceptions = map[connectlite.Kind]exception{
	connectlite.KindInternal:             {"InternalServiceException", http.StatusInternalServerError},
	connectlite.KindInvalidParameter:     {"InvalidParameterException", http.StatusBadRequest},
	connectlite.KindInvalidRequest:       {"InvalidRequestException", http.StatusBadRequest},
	connectlite.KindNotFound:             {"ResourceNotFoundException", http.StatusNotFound},
	connectlite.KindDuplicate:            {"DuplicateResourceException", http.StatusConflict},
	connectlite.KindLimitExceeded:        {"LimitExceededException", http.StatusTooManyRequests},
	connectlite.KindResourceInUse:        {"ResourceInUseException", http.StatusConflict},
	connectlite.KindThrottled:            {"ThrottlingException", http.StatusTooManyRequests},
	connectlite.KindServiceQuotaExceeded: {"ServiceQuotaExceededException", http.StatusPaymentRequired},
	connectlite.KindAccessDenied:         {"AccessDeniedException", http.StatusForbidden},
	// A transient fault: a 500 InternalServiceException, which every SDK
	// retries.
	connectlite.KindUnavailable:     {"InternalServiceException", http.StatusInternalServerError},
	connectlite.KindConditionFailed: {"ConditionalOperationFailedException", http.StatusConflict},
}

// authExceptions maps authentication failures to the exceptions AWS's front
// end answers with.
var authExceptions = map[AuthFailure]exception{
	AuthMissing:      {"MissingAuthenticationTokenException", http.StatusForbidden},
	AuthIncomplete:   {"IncompleteSignatureException", http.StatusBadRequest},
	AuthUnknownKey:   {"UnrecognizedClientException", http.StatusForbidden},
	AuthBadSignature: {"InvalidSignatureException", http.StatusForbidden},
	AuthTooLarge:     {"RequestEntityTooLargeException", http.StatusRequestEntityTooLarge},
}

var (
	serializationException = exception{"SerializationException", http.StatusBadRequest}
	unknownOperation       = exception{"UnknownOperationException", http.StatusNotFound}
	methodNotAllowed       = exception{"UnknownOperationException", http.StatusMethodNotAllowed}
)

// genericInternalMessage is all a client learns of an internal error.
const genericInternalMessage = "Request processing failed because of an error or failure with the service."

// routeError is a request that matches no operation.
type routeError struct {
	exception exception
	message   string
	allow     string // the Allow header of a 405
}

func (e *routeError) Error() string { return e.message }

// serializationError is a body that is not the JSON the operation takes.
type serializationError struct{ message string }

func (e *serializationError) Error() string { return e.message }

// errorBody is the JSON body of an error response. botocore reads __type
// and Message; aws-sdk-go-v2 reads the x-amzn-ErrorType header first.
type errorBody struct {
	Type         string `json:"__type"`
	Message      string `json:"Message"`
	ResourceType string `json:"ResourceType,omitempty"`
	ResourceID   string `json:"ResourceId,omitempty"`
}

// Wire names of the headers connectlite sets, spelled as AWS spells them.
const (
	headerRequestID = "x-amzn-RequestId"
	headerErrorType = "x-amzn-ErrorType"
)

// classify returns the exception for err, the body to send and whether err
// is an internal or transient fault that must be logged.
func classify(err error) (ex exception, body errorBody, internal bool) {
	var (
		de *connectlite.Error
		ae *AuthError
		re *routeError
		se *serializationError
		ve *awsmodel.ValidationError
		me *awsmodel.SerializationError
	)
	switch {
	case errors.As(err, &ae):
		ex := authExceptions[ae.Failure]
		return ex, errorBody{Type: ex.name, Message: ae.Message}, false
	case errors.As(err, &re):
		return re.exception, errorBody{Type: re.exception.name, Message: re.message}, false
	case errors.As(err, &me):
		return serializationException, errorBody{Type: serializationException.name, Message: me.Error()}, false
	case errors.As(err, &se):
		return serializationException, errorBody{Type: serializationException.name, Message: se.message}, false
	case errors.As(err, &ve):
		ex := exceptions[connectlite.KindInvalidParameter]
		return ex, errorBody{Type: ex.name, Message: ve.Error()}, false
	case errors.As(err, &de) && de.Kind != connectlite.KindInternal && de.Kind != connectlite.KindUnavailable:
		ex, ok := exceptions[de.Kind]
		if !ok {
			break
		}
		b := errorBody{Type: ex.name, Message: de.Message}
		if de.Kind == connectlite.KindResourceInUse {
			b.ResourceType, b.ResourceID = de.ResourceType, de.ResourceID
		}
		return ex, b, false
	case errors.As(err, &de) && de.Kind == connectlite.KindUnavailable:
		ex := exceptions[connectlite.KindUnavailable]
		return ex, errorBody{Type: ex.name, Message: genericInternalMessage}, true
	}
	ex = exceptions[connectlite.KindInternal]
	return ex, errorBody{Type: ex.name, Message: genericInternalMessage}, true
}

// substitute replaces an InvalidParameterException by the
// InvalidRequestException of an operation whose model does not list the
// former (CreateInstance, ListInstances...), so that SDKs still see one of
// the operation's typed errors. opErrors nil means unknown: no change.
func substitute(ex exception, opErrors []string) exception {
	if opErrors == nil || ex.name != exceptions[connectlite.KindInvalidParameter].name {
		return ex
	}
	invalidRequest := exceptions[connectlite.KindInvalidRequest]
	if !slices.Contains(opErrors, ex.name) && slices.Contains(opErrors, invalidRequest.name) {
		return invalidRequest
	}
	return ex
}

// writeError answers err in AWS's rest-json error format: status, the
// x-amzn-ErrorType header and {"__type": ..., "Message": ...}. Internal and
// transient errors are logged with the request id and answered with a
// generic message. logger may be nil.
func writeError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	ex, body, internal := classify(err)
	st := stateFrom(r.Context())
	if st != nil {
		ex = substitute(ex, st.errors)
		body.Type = ex.name
		st.errType = ex.name
	}
	if logger != nil && internal && !errors.Is(err, context.Canceled) {
		attrs := []any{"error", err.Error(), "kind", connectlite.KindOf(err).String()}
		if st != nil {
			attrs = append(attrs, "op", st.op, "request_id", st.id)
		}
		logger.ErrorContext(r.Context(), "request failed", attrs...)
	}
	var re *routeError
	if errors.As(err, &re) && re.allow != "" {
		w.Header().Set("Allow", re.allow)
	}
	h := w.Header()
	h[headerErrorType] = []string{ex.name}
	h["Content-Type"] = []string{"application/json"}
	b, mErr := json.Marshal(body)
	if mErr != nil { // cannot happen: the body holds only strings
		b = []byte(`{"__type":"InternalServiceException","Message":"` + genericInternalMessage + `"}`)
	}
	w.WriteHeader(ex.status)
	_, _ = w.Write(b)
}
