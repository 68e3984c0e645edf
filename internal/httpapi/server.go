// Package httpapi serves the Amazon Connect REST-JSON API over HTTP: it
// routes requests by the botocore model's HTTP bindings, verifies their
// SigV4 signatures, validates them against the model, calls the
// connectlite.Service and encodes the answers as AWS does.
package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/connectlite/connectlite"
	"github.com/connectlite/connectlite/internal/awsmodel"
)

// Server is the HTTP front end of a connectlite.Service.
type Server struct {
	Service *connectlite.Service
	Model   *awsmodel.Model
	// Auth maps access key ids to secret access keys; only requests signed
	// with one of them are served.
	Auth   map[string]string
	Logger *slog.Logger
	// Clock is the time SigV4 dates are checked against; nil means
	// time.Now.
	Clock connectlite.Clock
	// MaxBodyBytes bounds request bodies; zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64
}

// opFunc serves one operation: it reads what it needs from c and returns the
// output to encode (nil for {}) or an error.
type opFunc func(ctx context.Context, c *call) (any, error)

// operations lists the operations connectlite serves and their handlers.
func (s *Server) operations() map[string]opFunc {
	return map[string]opFunc{
		awsmodel.OpCreateInstance:         s.createInstance,
		awsmodel.OpDescribeInstance:       s.describeInstance,
		awsmodel.OpListInstances:          s.listInstances,
		awsmodel.OpDeleteInstance:         s.deleteInstance,
		awsmodel.OpListSecurityProfiles:   s.listSecurityProfiles,
		awsmodel.OpListRoutingProfiles:    s.listRoutingProfiles,
		awsmodel.OpCreateUser:             s.createUser,
		awsmodel.OpDescribeUser:           s.describeUser,
		awsmodel.OpUpdateUserIdentityInfo: s.updateUserIdentityInfo,
		awsmodel.OpListUsers:              s.listUsers,
		awsmodel.OpSearchUsers:            s.searchUsers, // search_users.go (slice 0004)

		// User lifecycle and tags (issue 4, slice 0005).
		awsmodel.OpDeleteUser:                 s.deleteUser,
		awsmodel.OpUpdateUserPhoneConfig:      s.updateUserPhoneConfig,
		awsmodel.OpUpdateUserConfig:           s.updateUserConfig,
		awsmodel.OpUpdateUserSecurityProfiles: s.updateUserSecurityProfiles,
		awsmodel.OpUpdateUserRoutingProfile:   s.updateUserRoutingProfile,
		awsmodel.OpUpdateUserHierarchy:        s.updateUserHierarchy,
		awsmodel.OpTagResource:                s.tagResource,
		awsmodel.OpUntagResource:              s.untagResource,
		awsmodel.OpListTagsForResource:        s.listTagsForResource,

		// Queues and hours of operation (issue 4, slice 0003).
		awsmodel.OpCreateHoursOfOperation:          s.createHoursOfOperation,
		awsmodel.OpDescribeHoursOfOperation:        s.describeHoursOfOperation,
		awsmodel.OpListHoursOfOperations:           s.listHoursOfOperations,
		awsmodel.OpUpdateHoursOfOperation:          s.updateHoursOfOperation,
		awsmodel.OpDeleteHoursOfOperation:          s.deleteHoursOfOperation,
		awsmodel.OpCreateQueue:                     s.createQueue,
		awsmodel.OpDescribeQueue:                   s.describeQueue,
		awsmodel.OpListQueues:                      s.listQueues,
		awsmodel.OpUpdateQueueName:                 s.updateQueueName,
		awsmodel.OpUpdateQueueHoursOfOperation:     s.updateQueueHoursOfOperation,
		awsmodel.OpUpdateQueueMaxContacts:          s.updateQueueMaxContacts,
		awsmodel.OpUpdateQueueStatus:               s.updateQueueStatus,
		awsmodel.OpUpdateQueueOutboundCallerConfig: s.updateQueueOutboundCallerConfig,
		awsmodel.OpUpdateQueueOutboundEmailConfig:  s.updateQueueOutboundEmailConfig,
		awsmodel.OpDeleteQueue:                     s.deleteQueue,
		awsmodel.OpListQueueQuickConnects:          s.listQueueQuickConnects,

		// Security profiles and routing profiles (issue 4, slice 0002).
		awsmodel.OpCreateSecurityProfile:                      s.createSecurityProfile,
		awsmodel.OpDescribeSecurityProfile:                    s.describeSecurityProfile,
		awsmodel.OpUpdateSecurityProfile:                      s.updateSecurityProfile,
		awsmodel.OpDeleteSecurityProfile:                      s.deleteSecurityProfile,
		awsmodel.OpListSecurityProfilePermissions:             s.listSecurityProfilePermissions,
		awsmodel.OpListSecurityProfileApplications:            s.listSecurityProfileApplications,
		awsmodel.OpListSecurityProfileFlowModules:             s.listSecurityProfileFlowModules,
		awsmodel.OpCreateRoutingProfile:                       s.createRoutingProfile,
		awsmodel.OpDescribeRoutingProfile:                     s.describeRoutingProfile,
		awsmodel.OpUpdateRoutingProfileName:                   s.updateRoutingProfileName,
		awsmodel.OpUpdateRoutingProfileConcurrency:            s.updateRoutingProfileConcurrency,
		awsmodel.OpUpdateRoutingProfileDefaultOutboundQueue:   s.updateRoutingProfileDefaultOutboundQueue,
		awsmodel.OpUpdateRoutingProfileAgentAvailabilityTimer: s.updateRoutingProfileAgentAvailabilityTimer,
		awsmodel.OpUpdateRoutingProfileQueues:                 s.updateRoutingProfileQueues,
		awsmodel.OpAssociateRoutingProfileQueues:              s.associateRoutingProfileQueues,
		awsmodel.OpDisassociateRoutingProfileQueues:           s.disassociateRoutingProfileQueues,
		awsmodel.OpListRoutingProfileQueues:                   s.listRoutingProfileQueues,
		awsmodel.OpListRoutingProfileManualAssignmentQueues:   s.listRoutingProfileManualAssignmentQueues,
		awsmodel.OpDeleteRoutingProfile:                       s.deleteRoutingProfile,

		// Hierarchy, instance attributes (issue 4, slice 0006).
		awsmodel.OpUpdateUserHierarchyStructure:   s.updateUserHierarchyStructure,
		awsmodel.OpDescribeUserHierarchyStructure: s.describeUserHierarchyStructure,
		awsmodel.OpCreateUserHierarchyGroup:       s.createUserHierarchyGroup,
		awsmodel.OpDescribeUserHierarchyGroup:     s.describeUserHierarchyGroup,
		awsmodel.OpListUserHierarchyGroups:        s.listUserHierarchyGroups,
		awsmodel.OpUpdateUserHierarchyGroupName:   s.updateUserHierarchyGroupName,
		awsmodel.OpDeleteUserHierarchyGroup:       s.deleteUserHierarchyGroup,
		awsmodel.OpUpdateInstanceAttribute:        s.updateInstanceAttribute,
		awsmodel.OpDescribeInstanceAttribute:      s.describeInstanceAttribute,
		awsmodel.OpListInstanceAttributes:         s.listInstanceAttributes,
	}
}

// Operations returns the names of the operations the server serves.
func (s *Server) Operations() []string {
	ops := s.operations()
	names := make([]string, 0, len(ops))
	for name := range ops {
		names = append(names, name)
	}
	return names
}

// member is a request member that travels outside the JSON body.
type member struct {
	name     string // model member name
	location string // "uri", "querystring" or "header"
	wireName string // path wildcard, query parameter or header name
	list     bool   // a repeated query parameter
}

// route is an operation bound to its handler, with what the model says
// about its input.
type route struct {
	info       awsmodel.OperationInfo
	fn         opFunc
	members    []member
	hasBody    bool // the input has body members
	maxResults int  // the model's upper bound of MaxResults, 0 if none
}

// call is one request being served.
type call struct {
	r      *http.Request
	route  *route
	region string
	body   []byte
	in     map[string]any // the members as ValidateInput saw them
}

// Handler returns the HTTP handler of the API. It panics if the model lacks
// an operation the server serves, which is a build error, not a runtime one.
func (s *Server) Handler() http.Handler {
	logger := s.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	v := &Verifier{
		Secrets:      s.Auth,
		Service:      s.Model.Metadata.SigningName,
		Now:          s.Clock,
		MaxBodyBytes: s.MaxBodyBytes,
	}
	mux := http.NewServeMux()
	allowed := map[string][]string{} // Go pattern -> methods
	var patterns []string
	for name, fn := range s.operations() {
		info, ok := awsmodel.LookupOperation(name)
		if !ok {
			panic(fmt.Sprintf("httpapi: operation %s is not in the model", name))
		}
		rt := s.newRoute(info, fn)
		p := goPattern(info.RequestURI)
		mux.Handle(info.Method+" "+p, s.serveOperation(logger, v, rt))
		if allowed[p] == nil {
			patterns = append(patterns, p)
		}
		allowed[p] = append(allowed[p], info.Method)
	}
	for _, p := range patterns {
		slices.Sort(allowed[p])
		allow := strings.Join(allowed[p], ", ")
		mux.Handle(p, s.serveUnrouted(logger, v, allow))
	}
	unknown := s.serveUnrouted(logger, v, "")
	mux.Handle("/", unknown)
	return Instrument(logger, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// ServeMux would redirect an unclean path; AWS does not.
		if !cleanPath(r.URL.Path) {
			unknown.ServeHTTP(w, r)
			return
		}
		mux.ServeHTTP(w, r)
	}))
}

// newRoute collects what the handler of info needs from the model.
func (s *Server) newRoute(info awsmodel.OperationInfo, fn opFunc) *route {
	rt := &route{info: info, fn: fn}
	in := s.Model.Shape(info.Input)
	if in == nil {
		return rt
	}
	for _, name := range in.MemberOrder {
		ref := in.Members[name]
		if ref.Location == "" {
			rt.hasBody = true
			continue
		}
		wire := ref.LocationName
		if wire == "" {
			wire = name
		}
		shape := s.Model.Shape(ref.Shape)
		rt.members = append(rt.members, member{
			name: name, location: ref.Location, wireName: wire,
			list: shape != nil && shape.Type == "list",
		})
		if name == "MaxResults" && shape != nil && shape.Max != nil {
			rt.maxResults = int(*shape.Max)
		}
	}
	return rt
}

// goPattern turns a model request URI into a ServeMux pattern:
// "/users/{InstanceId}" stays, "{resourceArn+}" becomes "{resourceArn...}"
// and a query part is dropped.
func goPattern(uri string) string {
	if i := strings.IndexByte(uri, '?'); i >= 0 {
		uri = uri[:i]
	}
	return strings.ReplaceAll(uri, "+}", "...}")
}

// cleanPath reports whether ServeMux would serve p without redirecting.
func cleanPath(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c == p
}

// serveOperation authenticates, validates and serves one operation.
func (s *Server) serveOperation(logger *slog.Logger, v *Verifier, rt *route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := stateFrom(r.Context())
		if st != nil {
			st.op, st.errors = rt.info.Name, rt.info.Errors
		}
		body, err := v.ReadBody(r)
		if err != nil {
			writeError(w, r, logger, err)
			return
		}
		id, err := v.Verify(r, body)
		if err != nil {
			writeError(w, r, logger, err)
			return
		}
		c := &call{r: r, route: rt, region: id.Region, body: body}
		if err := s.prepare(c); err != nil {
			writeError(w, r, logger, err)
			return
		}
		out, err := rt.fn(r.Context(), c)
		if err != nil {
			writeError(w, r, logger, err)
			return
		}
		writeJSON(w, r, logger, out)
	})
}

// serveUnrouted answers a request that matches no operation, after checking
// its signature as AWS does: 405 if allow lists the path's methods, 404
// otherwise.
func (s *Server) serveUnrouted(logger *slog.Logger, v *Verifier, allow string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := v.ReadBody(r)
		if err == nil {
			_, err = v.Verify(r, body)
		}
		if err == nil {
			if allow != "" {
				err = &routeError{exception: methodNotAllowed, allow: allow,
					message: fmt.Sprintf("Method %s is not allowed on %s; allowed: %s", r.Method, r.URL.Path, allow)}
			} else {
				err = &routeError{exception: unknownOperation,
					message: fmt.Sprintf("No operation matches %s %s", r.Method, r.URL.Path)}
			}
		}
		writeError(w, r, logger, err)
	})
}

// prepare builds the request's members by model name and validates them
// against the model.
func (s *Server) prepare(c *call) error {
	rt := c.route
	in := map[string]any{}
	var query map[string][]string
	if rt.hasBody && len(bytes.TrimSpace(c.body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(c.body))
		dec.UseNumber()
		var body any
		if err := dec.Decode(&body); err != nil {
			return &serializationError{message: "Request body is not valid JSON: " + jsonErrorText(err)}
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return &serializationError{message: "Request body is not valid JSON: unexpected data after the top-level value"}
		}
		obj, ok := body.(map[string]any)
		if !ok && body != nil {
			return &serializationError{message: "Request body must be a JSON object"}
		}
		if obj != nil {
			in = obj
		}
	}
	for _, m := range rt.members {
		switch m.location {
		case "uri":
			if val := c.r.PathValue(m.wireName); val != "" {
				in[m.name] = val
			}
		case "querystring":
			if query == nil {
				query = c.r.URL.Query()
			}
			vals := query[m.wireName]
			switch {
			case len(vals) == 0:
			case m.list:
				in[m.name] = vals
			default:
				in[m.name] = vals[0]
			}
		case "header":
			if val := c.r.Header.Get(m.wireName); val != "" {
				in[m.name] = val
			}
		}
	}
	c.in = in
	return s.Model.ValidateInput(rt.info.Name, in)
}

// jsonErrorText describes a JSON syntax error without echoing the body.
func jsonErrorText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("syntax error at offset %d", se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of input"
	}
	return "cannot be decoded"
}

// decode unmarshals the body into the operation's wire input. Type errors
// the validator let through are serialisation errors.
func (c *call) decode(v any) error {
	if len(bytes.TrimSpace(c.body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(c.body, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return &serializationError{message: fmt.Sprintf("Unexpected value type at '%s': expected %s, got %s", te.Field, te.Type, te.Value)}
		}
		return &serializationError{message: "Request body is not valid JSON: " + jsonErrorText(err)}
	}
	return nil
}

// path returns a path member.
func (c *call) path(name string) string { return c.r.PathValue(name) }

// page returns the NextToken and the MaxResults of a List request, read
// from the query parameters the model binds them to; MaxResults defaults to
// 100, or to the operation's maximum if lower.
func (c *call) page() (token string, limit int, err error) {
	limit = defaultMaxResults
	if m := c.route.maxResults; m > 0 && m < limit {
		limit = m
	}
	if s, ok := c.in["MaxResults"].(string); ok {
		n, err := strconv.Atoi(s)
		if err != nil {
			return "", 0, &serializationError{message: "Unexpected value type at 'MaxResults': expected integer"}
		}
		limit = n
	}
	token, _ = c.in["NextToken"].(string)
	return token, limit, nil
}

// defaultMaxResults is the page size of a List request without maxResults
// ("The default MaxResult size is 100").
const defaultMaxResults = 100

// writeJSON answers 200 with out encoded as JSON; nil is {}.
func writeJSON(w http.ResponseWriter, r *http.Request, logger *slog.Logger, out any) {
	b := []byte("{}")
	if out != nil {
		var err error
		if b, err = json.Marshal(out); err != nil {
			writeError(w, r, logger, fmt.Errorf("encode response: %w", err))
			return
		}
	}
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

// requestState is what Instrument records about a request for its log line.
type requestState struct {
	id      string
	op      string
	errors  []string // the operation's modelled errors
	errType string
}

type stateKey struct{}

func stateFrom(ctx context.Context) *requestState {
	st, _ := ctx.Value(stateKey{}).(*requestState)
	return st
}

// RequestID returns the id Instrument gave the request of ctx, or "".
func RequestID(ctx context.Context) string {
	if st := stateFrom(ctx); st != nil {
		return st.id
	}
	return ""
}

// statusWriter remembers the status of the response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Instrument gives every request an x-amzn-RequestId (a UUID), turns a
// panic into a logged 500 InternalServiceException and logs one line per
// request: op, request_id, status, duration (and the exception name of a
// failure). It never logs bodies, keys or signatures.
func Instrument(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		st := &requestState{id: uuid.NewString()}
		w.Header()[headerRequestID] = []string{st.id}
		sw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				logger.ErrorContext(r.Context(), "panic serving request", "op", st.op, "request_id", st.id,
					"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if sw.status == 0 {
					writeError(sw, r, nil, errors.New("panic"))
				}
			}
			ctx := r.Context()
			if !logger.Enabled(ctx, slog.LevelInfo) {
				return
			}
			attrs := []slog.Attr{
				slog.String("op", st.op),
				slog.String("request_id", st.id),
				slog.Int("status", sw.status),
				slog.Duration("duration", time.Since(start)),
			}
			if st.errType != "" {
				attrs = append(attrs, slog.String("error", st.errType))
			}
			logger.LogAttrs(ctx, slog.LevelInfo, "request", attrs...)
		}()
		next.ServeHTTP(sw, r)
	})
}
