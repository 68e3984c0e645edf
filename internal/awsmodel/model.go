package awsmodel

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"sync"
)

//go:embed connect/service-2.json.gz
var serviceModelGz []byte

//go:embed connect/paginators-1.json
var paginatorsJSON []byte

// Model is the parsed botocore model of the Connect API. Load returns a new
// one; callers keep it and share it freely between goroutines. Its fields
// must be treated as read-only.
type Model struct {
	Version       string
	Metadata      Metadata
	Documentation string
	Operations    map[string]*Operation // by operation name
	Shapes        map[string]*Shape     // by shape name
	Paginators    map[string]*Paginator // by operation name

	patterns patternCache
}

// Metadata is the model's service description.
type Metadata struct {
	APIVersion          string   `json:"apiVersion"`
	EndpointPrefix      string   `json:"endpointPrefix"`
	JSONVersion         string   `json:"jsonVersion"`
	Protocol            string   `json:"protocol"`
	Protocols           []string `json:"protocols"`
	ServiceAbbreviation string   `json:"serviceAbbreviation"`
	ServiceFullName     string   `json:"serviceFullName"`
	ServiceID           string   `json:"serviceId"`
	SignatureVersion    string   `json:"signatureVersion"`
	SigningName         string   `json:"signingName"`
	UID                 string   `json:"uid"`
}

// HTTP is the route of an operation.
type HTTP struct {
	Method     string `json:"method"`
	RequestURI string `json:"requestUri"`
}

// Operation is one API operation.
type Operation struct {
	Name          string     `json:"name"`
	HTTP          HTTP       `json:"http"`
	Input         *ShapeRef  `json:"input"`  // nil if the operation takes no input
	Output        *ShapeRef  `json:"output"` // nil if the operation returns no body
	Errors        []ShapeRef `json:"errors"`
	Documentation string     `json:"documentation"`
	Idempotent    bool       `json:"idempotent"`
}

// HasError reports whether the operation lists the named error shape, for
// example whether a validation failure may be reported as
// InvalidParameterException (CreateInstance lists only
// InvalidRequestException).
func (o *Operation) HasError(shape string) bool {
	for _, e := range o.Errors {
		if e.Shape == shape {
			return true
		}
	}
	return false
}

// ShapeRef refers to a shape from an operation or a member, with the
// member's serialisation traits.
type ShapeRef struct {
	Shape string `json:"shape"`
	// Location is where a request member travels: "uri", "querystring",
	// "header", "headers" or "" for the JSON body.
	Location          string `json:"location"`
	LocationName      string `json:"locationName"` // wire name for a non-body location
	Documentation     string `json:"documentation"`
	IdempotencyToken  bool   `json:"idempotencyToken"`
	JSONValue         bool   `json:"jsonvalue"`
	Box               bool   `json:"box"`
	Deprecated        bool   `json:"deprecated"`
	DeprecatedMessage string `json:"deprecatedMessage"`
}

// ErrorInfo is the error trait of an exception shape.
type ErrorInfo struct {
	Code           string `json:"code"`
	HTTPStatusCode int    `json:"httpStatusCode"`
	SenderFault    bool   `json:"senderFault"`
}

// Shape is a named type of the model. Which fields are set depends on Type:
// structure (Members, MemberOrder, Required, Union), list (Member), map (Key,
// Value), string (Enum, Pattern, Min/Max as lengths), integer/long/double/
// float (Min/Max as values), timestamp (TimestampFormat).
type Shape struct {
	Name     string   `json:"-"`
	Type     string   `json:"type"`
	Required []string `json:"required"`
	// Members maps member names to their references; MemberOrder lists
	// the names in the model's order, which CLI help follows.
	Members         map[string]*ShapeRef `json:"-"`
	MemberOrder     []string             `json:"-"`
	Member          *ShapeRef            `json:"member"`
	Key             *ShapeRef            `json:"key"`
	Value           *ShapeRef            `json:"value"`
	Enum            []string             `json:"enum"`
	Min             *float64             `json:"min"`
	Max             *float64             `json:"max"`
	Pattern         string               `json:"pattern"` // verbatim from the model; see ValidateInput for its reading
	Documentation   string               `json:"documentation"`
	Sensitive       bool                 `json:"sensitive"`
	Exception       bool                 `json:"exception"`
	Error           *ErrorInfo           `json:"error"`
	Union           bool                 `json:"union"`
	TimestampFormat string               `json:"timestampFormat"`
}

// IsRequired reports whether the structure requires the member.
func (s *Shape) IsRequired(member string) bool {
	for _, r := range s.Required {
		if r == member {
			return true
		}
	}
	return false
}

// UnmarshalJSON decodes a shape, keeping the order of its members.
func (s *Shape) UnmarshalJSON(b []byte) error {
	type plain Shape // no methods, so no recursion
	var aux struct {
		*plain
		Members json.RawMessage `json:"members"`
	}
	aux.plain = (*plain)(s)
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if len(aux.Members) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(aux.Members))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("members: want an object")
	}
	s.Members = map[string]*ShapeRef{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("members: %w", err)
		}
		name, _ := t.(string)
		ref := new(ShapeRef)
		if err := dec.Decode(ref); err != nil {
			return fmt.Errorf("member %s: %w", name, err)
		}
		s.Members[name] = ref
		s.MemberOrder = append(s.MemberOrder, name)
	}
	return nil
}

// Paginator describes how an operation's results are paged.
type Paginator struct {
	InputToken       string
	OutputToken      string
	LimitKey         string
	ResultKey        []string
	NonAggregateKeys []string
}

// UnmarshalJSON decodes a paginator, whose result_key and tokens may be a
// string or a list of strings.
func (p *Paginator) UnmarshalJSON(b []byte) error {
	var aux struct {
		InputToken       stringList `json:"input_token"`
		OutputToken      stringList `json:"output_token"`
		LimitKey         string     `json:"limit_key"`
		ResultKey        stringList `json:"result_key"`
		NonAggregateKeys stringList `json:"non_aggregate_keys"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*p = Paginator{
		InputToken:       aux.InputToken.first(),
		OutputToken:      aux.OutputToken.first(),
		LimitKey:         aux.LimitKey,
		ResultKey:        aux.ResultKey,
		NonAggregateKeys: aux.NonAggregateKeys,
	}
	return nil
}

type stringList []string

func (l *stringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*l = stringList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*l = many
	return nil
}

func (l stringList) first() string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// Load parses the embedded model. Each call returns a new Model; parsing
// takes some tens of milliseconds, so load once and keep the result.
func Load() (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(serviceModelGz))
	if err != nil {
		return nil, fmt.Errorf("awsmodel: service-2.json.gz: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("awsmodel: service-2.json.gz: %w", err)
	}
	var doc struct {
		Version       string                `json:"version"`
		Metadata      Metadata              `json:"metadata"`
		Documentation string                `json:"documentation"`
		Operations    map[string]*Operation `json:"operations"`
		Shapes        map[string]*Shape     `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("awsmodel: service-2.json: %w", err)
	}
	var pag struct {
		Pagination map[string]*Paginator `json:"pagination"`
	}
	if err := json.Unmarshal(paginatorsJSON, &pag); err != nil {
		return nil, fmt.Errorf("awsmodel: paginators-1.json: %w", err)
	}
	for name, s := range doc.Shapes {
		s.Name = name
	}
	m := &Model{
		Version:       doc.Version,
		Metadata:      doc.Metadata,
		Documentation: doc.Documentation,
		Operations:    doc.Operations,
		Shapes:        doc.Shapes,
		Paginators:    pag.Pagination,
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return m, nil
}

// check verifies that every reference names a shape of the model, so the
// rest of the package can follow references without nil checks.
func (m *Model) check() error {
	refs := func(where string, rs ...*ShapeRef) error {
		for _, r := range rs {
			if r != nil && m.Shapes[r.Shape] == nil {
				return fmt.Errorf("awsmodel: %s refers to unknown shape %q", where, r.Shape)
			}
		}
		return nil
	}
	for name, op := range m.Operations {
		if err := refs("operation "+name, op.Input, op.Output); err != nil {
			return err
		}
		for i := range op.Errors {
			if err := refs("operation "+name, &op.Errors[i]); err != nil {
				return err
			}
		}
	}
	for name, s := range m.Shapes {
		if err := refs("shape "+name, s.Member, s.Key, s.Value); err != nil {
			return err
		}
		for _, r := range s.Members {
			if err := refs("shape "+name, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// Operation returns the named operation, or nil if the model has none.
func (m *Model) Operation(name string) *Operation { return m.Operations[name] }

// Shape returns the named shape, or nil if the model has none.
func (m *Model) Shape(name string) *Shape { return m.Shapes[name] }

// Paginator returns the paginator of the named operation, or nil if the
// operation is not paginated.
func (m *Model) Paginator(op string) *Paginator { return m.Paginators[op] }

// OperationNames returns the names of all operations, sorted.
func (m *Model) OperationNames() []string {
	names := make([]string, 0, len(m.Operations))
	for name := range m.Operations {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// patternCache holds the compiled form of each pattern met so far.
type patternCache struct {
	mu sync.Mutex
	m  map[string]*pattern
}
