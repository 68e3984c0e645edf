package awsmodel

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Violation is one broken constraint of a request.
type Violation struct {
	// Path names the member with the model's member names: "Username",
	// "IdentityInfo.Mobile", "AutoAcceptConfigs.2.member.Channel" (list
	// elements are numbered from 1, as AWS does), "Tags.aws:x" (a map entry
	// by its key).
	Path string
	// Rule is the constraint, in AWS's words, e.g. "Member must have length
	// less than or equal to 100".
	Rule string
	// Null is set when the member is missing or null.
	Null bool
}

// String renders the violation as AWS does, without the offending value:
// "Value at 'IdentityInfo.Mobile' failed to satisfy constraint: Member must
// satisfy regular expression pattern: \+[1-9]\d{1,14}$".
func (v Violation) String() string {
	value := "Value"
	if v.Null {
		value = "Value null"
	}
	return fmt.Sprintf("%s at '%s' failed to satisfy constraint: %s", value, v.Path, v.Rule)
}

// ValidationError lists every constraint a request breaks. The HTTP layer
// answers it with a 400 (InvalidParameterException in Connect's error set).
type ValidationError struct {
	Violations []Violation
}

// Error returns AWS's message: "2 validation errors detected: Value at ...;
// Value null at ...". Values are never echoed, so sensitive members
// (passwords, names, e-mail addresses, phone numbers) cannot leak.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		parts[i] = v.String()
	}
	noun := "errors"
	if len(parts) == 1 {
		noun = "error"
	}
	return fmt.Sprintf("%d validation %s detected: %s", len(parts), noun, strings.Join(parts, "; "))
}

// SerializationError reports a member whose JSON type is not the one the
// model declares (a string where a number belongs, an object where a list
// belongs...). AWS rejects such a request while decoding it, before any
// constraint is checked; the HTTP layer answers 400 SerializationException.
type SerializationError struct {
	Path string // as in Violation.Path
	Want string // the model type: "string", "integer", "structure"...
	Got  string // the JSON type received: "number", "object"...
	// Message overrides the default text when set.
	Message string
}

// Error describes the mismatch without echoing the value.
func (e *SerializationError) Error() string {
	if e.Message != "" {
		return e.Message
	}
	return fmt.Sprintf("Unexpected value type at '%s': expected %s, got %s", e.Path, e.Want, e.Got)
}

// ValidateInput checks a request of operation op against the model's
// constraints and returns nil, a *SerializationError (a member of the wrong
// JSON type; the first one found) or a *ValidationError (every constraint
// broken). An unknown operation is an error of neither type.
//
// in holds the request's members by their model member names (the keys of
// the input structure's "members": "InstanceId", "MaxResults", "tagKeys" —
// not the wire names of query parameters such as "maxResults"). An absent
// member is missing from in or nil. Values are:
//
//   - body members: exactly what encoding/json produces with UseNumber:
//     string, bool, json.Number, []any, map[string]any, nil. (float64 and Go
//     integers are accepted as numbers too.)
//   - uri, querystring and header members: the raw string; a list-typed
//     query member (UntagResource's tagKeys) as []string with one entry per
//     repetition of the parameter. Integers and booleans are parsed from
//     the string here; an unparsable one is a SerializationError.
//
// Checks, recursively through structures, lists and maps: required members
// present and non-null; JSON types; string length (in Unicode code points),
// list and map length, integer/long/double value ranges; enums; patterns;
// more than one member of a union. Map keys are checked against the key
// shape (TagMap keys against TagKey, so "aws:" keys are refused). Members the
// model does not know are ignored, as AWS ignores them.
//
// Patterns are read as AWS applies them: as full matches (anchored even
// without ^ and $); Password's /.../ delimiters dropped; the model's
// double-escaped backslashes (Mobile's \\+[1-9]\\d{1,14}$) read as single
// ones; Java's \uXXXX escapes translated; leading look-aheads such as
// ^(?!aws:) and Password's (?=.*[a-z])(?=.*[A-Z])(?=.*\d) evaluated in code,
// since Go's regexp has none. A pattern Go's regexp still cannot express is
// not enforced (never a panic); PatternSkipped reports which and why. Every
// pattern of the current model is enforced. Violations quote the pattern
// with these readings applied, never the value.
func (m *Model) ValidateInput(op string, in map[string]any) error {
	o := m.Operations[op]
	if o == nil {
		return fmt.Errorf("awsmodel: unknown operation %q", op)
	}
	if o.Input == nil {
		return nil
	}
	v := validator{m: m}
	shape := m.Shapes[o.Input.Shape]
	top := make(map[string]any, len(in))
	for name, val := range in {
		ref := shape.Members[name]
		if ref == nil || ref.Location == "" || val == nil {
			top[name] = val
			continue
		}
		conv, err := fromLocation(m, m.Shapes[ref.Shape], val, name)
		if err != nil {
			return err
		}
		top[name] = conv
	}
	if err := v.structure(shape, top, ""); err != nil {
		return err
	}
	if len(v.violations) > 0 {
		return &ValidationError{Violations: v.violations}
	}
	return nil
}

// PatternSkipped reports whether ValidateInput leaves a model pattern
// unenforced because Go's regexp cannot express it, and why.
func (m *Model) PatternSkipped(pattern string) (reason string, skipped bool) {
	p := m.pattern(pattern)
	return p.skip, p.skip != ""
}

// fromLocation turns the string form of a uri/querystring/header member into
// the value a JSON body would carry.
func fromLocation(m *Model, s *Shape, val any, path string) (any, error) {
	if s.Type == "list" {
		var items []string
		switch x := val.(type) {
		case []string:
			items = x
		case string:
			items = []string{x}
		default:
			return val, nil
		}
		out := make([]any, len(items))
		elem := m.Shapes[s.Member.Shape]
		for i, it := range items {
			c, err := fromLocation(m, elem, it, listPath(path, i))
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	str, ok := val.(string)
	if !ok {
		return val, nil
	}
	switch s.Type {
	case "integer", "long", "double", "float":
		if _, err := strconv.ParseFloat(str, 64); err != nil {
			return nil, &SerializationError{Path: path, Want: s.Type, Got: "a non-numeric string"}
		}
		return json.Number(str), nil
	case "boolean":
		b, err := strconv.ParseBool(str)
		if err != nil || (str != "true" && str != "false") {
			return nil, &SerializationError{Path: path, Want: "boolean", Got: "a string that is neither true nor false"}
		}
		return b, nil
	}
	return str, nil
}

type validator struct {
	m          *Model
	violations []Violation
}

func (v *validator) add(path, rule string) {
	v.violations = append(v.violations, Violation{Path: path, Rule: rule})
}

func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

func listPath(path string, i int) string {
	return path + "." + strconv.Itoa(i+1) + ".member"
}

// value checks a non-nil value against its shape.
func (v *validator) value(s *Shape, val any, path string) error {
	switch s.Type {
	case "structure":
		obj, ok := val.(map[string]any)
		if !ok {
			return typeError(path, s.Type, val)
		}
		return v.structure(s, obj, path)
	case "list":
		items, ok := asList(val)
		if !ok {
			return typeError(path, s.Type, val)
		}
		v.length(s, len(items), path)
		elem := v.m.Shapes[s.Member.Shape]
		for i, it := range items {
			p := listPath(path, i)
			if it == nil {
				v.violations = append(v.violations, Violation{Path: p, Rule: "Member must not be null", Null: true})
				continue
			}
			if err := v.value(elem, it, p); err != nil {
				return err
			}
		}
	case "map":
		obj, ok := asMap(val)
		if !ok {
			return typeError(path, s.Type, val)
		}
		v.length(s, len(obj), path)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		keyShape, valShape := v.m.Shapes[s.Key.Shape], v.m.Shapes[s.Value.Shape]
		for _, k := range keys {
			p := join(path, k)
			for _, rule := range v.stringRules(keyShape, k) {
				v.add(p, "Map keys must satisfy constraint: ["+rule+"]")
			}
			if obj[k] == nil {
				v.violations = append(v.violations, Violation{Path: p, Rule: "Map value must not be null", Null: true})
				continue
			}
			if err := v.value(valShape, obj[k], p); err != nil {
				return err
			}
		}
	case "string":
		str, ok := val.(string)
		if !ok {
			return typeError(path, s.Type, val)
		}
		for _, rule := range v.stringRules(s, str) {
			v.add(path, rule)
		}
	case "boolean":
		if _, ok := val.(bool); !ok {
			return typeError(path, s.Type, val)
		}
	case "integer", "long":
		n, err := integer(val, s.Type)
		if err != nil {
			return &SerializationError{Path: path, Want: s.Type, Got: err.Error()}
		}
		v.bounds(s, float64(n), path)
	case "double", "float":
		f, ok := number(val)
		if !ok {
			return typeError(path, s.Type, val)
		}
		v.bounds(s, f, path)
	case "timestamp":
		if _, ok := number(val); !ok {
			if _, ok := val.(string); !ok {
				return typeError(path, s.Type, val)
			}
		}
	case "blob":
		if _, ok := val.(string); !ok {
			return typeError(path, s.Type, val)
		}
	}
	return nil
}

// structure checks obj against the structure s, member by member in model
// order.
func (v *validator) structure(s *Shape, obj map[string]any, path string) error {
	set := 0
	for _, name := range s.MemberOrder {
		ref := s.Members[name]
		val, present := obj[name]
		p := join(path, name)
		if !present || val == nil {
			if s.IsRequired(name) {
				v.violations = append(v.violations, Violation{Path: p, Rule: "Member must not be null", Null: true})
			}
			continue
		}
		set++
		if err := v.value(v.m.Shapes[ref.Shape], val, p); err != nil {
			return err
		}
	}
	if s.Union && set > 1 {
		where := path
		if where == "" {
			where = s.Name
		}
		return &SerializationError{Path: path, Want: "union", Got: "several members",
			Message: fmt.Sprintf("Union '%s' must have exactly one member set, got %d", where, set)}
	}
	return nil
}

// stringRules returns the rules str breaks.
func (v *validator) stringRules(s *Shape, str string) []string {
	var rules []string
	n := float64(utf8.RuneCountInString(str))
	if s.Min != nil && n < *s.Min {
		rules = append(rules, "Member must have length greater than or equal to "+fmtNum(*s.Min))
	}
	if s.Max != nil && n > *s.Max {
		rules = append(rules, "Member must have length less than or equal to "+fmtNum(*s.Max))
	}
	if len(s.Enum) > 0 && !contains(s.Enum, str) {
		rules = append(rules, "Member must satisfy enum value set: ["+strings.Join(s.Enum, ", ")+"]")
	}
	if s.Pattern != "" {
		if p := v.m.pattern(s.Pattern); !p.match(str) {
			rules = append(rules, "Member must satisfy regular expression pattern: "+p.shown)
		}
	}
	return rules
}

func (v *validator) length(s *Shape, n int, path string) {
	if s.Min != nil && float64(n) < *s.Min {
		v.add(path, "Member must have length greater than or equal to "+fmtNum(*s.Min))
	}
	if s.Max != nil && float64(n) > *s.Max {
		v.add(path, "Member must have length less than or equal to "+fmtNum(*s.Max))
	}
}

func (v *validator) bounds(s *Shape, f float64, path string) {
	if s.Min != nil && f < *s.Min {
		v.add(path, "Member must have value greater than or equal to "+fmtNum(*s.Min))
	}
	if s.Max != nil && f > *s.Max {
		v.add(path, "Member must have value less than or equal to "+fmtNum(*s.Max))
	}
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func asList(val any) ([]any, bool) {
	switch x := val.(type) {
	case []any:
		return x, true
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

func asMap(val any) (map[string]any, bool) {
	switch x := val.(type) {
	case map[string]any:
		return x, true
	case map[string]string:
		out := make(map[string]any, len(x))
		for k, s := range x {
			out[k] = s
		}
		return out, true
	}
	return nil, false
}

// number returns the value of a JSON number.
func number(val any) (float64, bool) {
	switch x := val.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// integer returns the value of a JSON number that must be an integer of the
// model type ("integer" is 32-bit, "long" 64-bit). Its error text says what
// was received instead.
func integer(val any, typ string) (int64, error) {
	bits := 32
	if typ == "long" {
		bits = 64
	}
	var n int64
	switch x := val.(type) {
	case json.Number:
		i, err := strconv.ParseInt(string(x), 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(string(x), 64)
			if ferr != nil {
				return 0, fmt.Errorf("a malformed number")
			}
			if f != math.Trunc(f) {
				return 0, fmt.Errorf("a number with a fraction")
			}
			if math.Abs(f) >= math.MaxInt64 {
				return 0, fmt.Errorf("a number out of range")
			}
			i = int64(f)
		}
		n = i
	case float64:
		if x != math.Trunc(x) {
			return 0, fmt.Errorf("a number with a fraction")
		}
		if math.Abs(x) >= math.MaxInt64 {
			return 0, fmt.Errorf("a number out of range")
		}
		n = int64(x)
	case int:
		n = int64(x)
	case int32:
		n = int64(x)
	case int64:
		n = x
	default:
		return 0, fmt.Errorf("%s", jsonType(val))
	}
	if bits == 32 && (n < math.MinInt32 || n > math.MaxInt32) {
		return 0, fmt.Errorf("a number out of the 32-bit range")
	}
	return n, nil
}

func typeError(path, want string, val any) error {
	return &SerializationError{Path: path, Want: want, Got: jsonType(val)}
}

// jsonType names the JSON type of a decoded value.
func jsonType(val any) string {
	switch val.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case json.Number, float64, float32, int, int32, int64:
		return "number"
	case []any, []string:
		return "array"
	case map[string]any, map[string]string:
		return "object"
	}
	return fmt.Sprintf("%T", val)
}
