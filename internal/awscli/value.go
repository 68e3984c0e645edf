package awscli

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The values the command line handles are the ones Python's json module
// produces, so that parameters and responses print exactly as the aws CLI
// prints them: nil, bool, int64, float64, string, []byte (blobs), []any and
// *Object (a dict that keeps the order of its keys).

// Object is a JSON object whose keys keep their insertion order, like a
// Python dict.
type Object struct {
	keys []string
	m    map[string]any
}

// NewObject returns an empty object.
func NewObject() *Object { return &Object{m: map[string]any{}} }

// Get returns the value stored under k.
func (o *Object) Get(k string) (any, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.m[k]
	return v, ok
}

// Set stores v under k, keeping k's position if it is already present.
func (o *Object) Set(k string, v any) {
	if _, ok := o.m[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.m[k] = v
}

// Delete removes k.
func (o *Object) Delete(k string) {
	if _, ok := o.m[k]; !ok {
		return
	}
	delete(o.m, k)
	for i, kk := range o.keys {
		if kk == k {
			o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
			break
		}
	}
}

// Has reports whether k is present.
func (o *Object) Has(k string) bool {
	_, ok := o.Get(k)
	return ok
}

// Keys returns the keys in order. The slice must not be modified.
func (o *Object) Keys() []string {
	if o == nil {
		return nil
	}
	return o.keys
}

// Len returns the number of keys.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.keys)
}

// decodeJSON parses JSON as Python's json.loads does: objects keep their key
// order (a repeated key keeps its first position and its last value),
// numbers without a fraction or exponent are integers, and NaN, Infinity
// and -Infinity are accepted.
func decodeJSON(data string) (any, error) {
	d := &jsonDecoder{s: data}
	d.skipSpace()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	d.skipSpace()
	if d.i < len(d.s) {
		return nil, d.errorf("Extra data")
	}
	return v, nil
}

// jsonDecoder is a small recursive-descent JSON parser. Its error messages
// follow Python's json module ("Expecting value: line 1 column 1 (char 0)").
type jsonDecoder struct {
	s     string
	i     int
	depth int
}

// JSONSyntaxError is a JSON document that does not parse.
type JSONSyntaxError struct {
	Msg    string
	Line   int
	Column int
	Offset int
}

func (e *JSONSyntaxError) Error() string {
	return fmt.Sprintf("%s: line %d column %d (char %d)", e.Msg, e.Line, e.Column, e.Offset)
}

func (d *jsonDecoder) errorf(msg string) error {
	return d.errorAt(msg, d.i)
}

func (d *jsonDecoder) errorAt(msg string, pos int) error {
	// Python counts characters, not bytes.
	prefix := d.s[:pos]
	line := strings.Count(prefix, "\n") + 1
	col := utf8.RuneCountInString(prefix[strings.LastIndexByte(prefix, '\n')+1:]) + 1
	return &JSONSyntaxError{Msg: msg, Line: line, Column: col, Offset: utf8.RuneCountInString(prefix)}
}

func (d *jsonDecoder) skipSpace() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonDecoder) value() (any, error) {
	if d.i >= len(d.s) {
		return nil, d.errorf("Expecting value")
	}
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 1000 {
		return nil, d.errorf("Maximum nesting depth exceeded")
	}
	c := d.s[d.i]
	switch {
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == '"':
		return d.str()
	case c == 'n' && strings.HasPrefix(d.s[d.i:], "null"):
		d.i += 4
		return nil, nil
	case c == 't' && strings.HasPrefix(d.s[d.i:], "true"):
		d.i += 4
		return true, nil
	case c == 'f' && strings.HasPrefix(d.s[d.i:], "false"):
		d.i += 5
		return false, nil
	case c == 'N' && strings.HasPrefix(d.s[d.i:], "NaN"):
		d.i += 3
		return math.NaN(), nil
	case c == 'I' && strings.HasPrefix(d.s[d.i:], "Infinity"):
		d.i += 8
		return math.Inf(1), nil
	case c == '-' && strings.HasPrefix(d.s[d.i:], "-Infinity"):
		d.i += 9
		return math.Inf(-1), nil
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return nil, d.errorf("Expecting value")
}

func (d *jsonDecoder) number() (any, error) {
	start := d.i
	if d.s[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.i < len(d.s) && d.s[d.i] == '0' {
		d.i++
	} else if digits() == 0 {
		d.i = start
		return nil, d.errorf("Expecting value")
	}
	isFloat := false
	if d.i+1 < len(d.s) && d.s[d.i] == '.' && d.s[d.i+1] >= '0' && d.s[d.i+1] <= '9' {
		d.i++
		digits()
		isFloat = true
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		save := d.i
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			d.i = save
		} else {
			isFloat = true
		}
	}
	text := d.s[start:d.i]
	if !isFloat {
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			return n, nil
		}
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, d.errorAt("Expecting value", start)
	}
	return f, nil
}

func (d *jsonDecoder) str() (string, error) {
	start := d.i
	d.i++ // opening quote
	var b strings.Builder
	for {
		if d.i >= len(d.s) {
			return "", d.errorAt("Unterminated string starting at", start)
		}
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return b.String(), nil
		case c == '\\':
			if d.i+1 >= len(d.s) {
				return "", d.errorAt("Unterminated string starting at", start)
			}
			esc := d.s[d.i+1]
			switch esc {
			case '"', '\\', '/':
				b.WriteByte(esc)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, n, ok := d.unicodeEscape(d.i)
				if !ok {
					return "", d.errorAt("Invalid \\uXXXX escape", d.i)
				}
				b.WriteRune(r)
				d.i += n
				continue
			default:
				return "", d.errorAt("Invalid \\escape", d.i)
			}
			d.i += 2
		case c < 0x20:
			return "", d.errorAt("Invalid control character at", d.i)
		default:
			b.WriteByte(c)
			d.i++
		}
	}
}

// unicodeEscape decodes \uXXXX at i, joining a surrogate pair, and returns
// the rune and the number of bytes consumed.
func (d *jsonDecoder) unicodeEscape(i int) (rune, int, bool) {
	hex := func(at int) (rune, bool) {
		if at+6 > len(d.s) || d.s[at] != '\\' || d.s[at+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(d.s[at+2:at+6], 16, 32)
		if err != nil {
			return 0, false
		}
		return rune(n), true
	}
	r, ok := hex(i)
	if !ok {
		return 0, 0, false
	}
	if r >= 0xd800 && r < 0xdc00 {
		if r2, ok := hex(i + 6); ok && r2 >= 0xdc00 && r2 < 0xe000 {
			return (r-0xd800)<<10 | (r2 - 0xdc00) + 0x10000, 12, true
		}
	}
	return r, 6, true
}

func (d *jsonDecoder) object() (any, error) {
	d.i++ // {
	o := NewObject()
	d.skipSpace()
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		return o, nil
	}
	for {
		d.skipSpace()
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return nil, d.errorf("Expecting property name enclosed in double quotes")
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.skipSpace()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return nil, d.errorf("Expecting ':' delimiter")
		}
		d.i++
		d.skipSpace()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		o.Set(k, v)
		d.skipSpace()
		if d.i < len(d.s) && d.s[d.i] == '}' {
			d.i++
			return o, nil
		}
		if d.i >= len(d.s) || d.s[d.i] != ',' {
			return nil, d.errorf("Expecting ',' delimiter")
		}
		d.i++
	}
}

func (d *jsonDecoder) array() (any, error) {
	d.i++ // [
	l := []any{}
	d.skipSpace()
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		return l, nil
	}
	for {
		d.skipSpace()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		l = append(l, v)
		d.skipSpace()
		if d.i < len(d.s) && d.s[d.i] == ']' {
			d.i++
			return l, nil
		}
		if d.i >= len(d.s) || d.s[d.i] != ',' {
			return nil, d.errorf("Expecting ',' delimiter")
		}
		d.i++
	}
}

// writeJSON writes v and a newline as Python's json.dump(v, indent=indent)
// does, with ensure_ascii=ascii. Blobs are written as base64 strings, as
// the aws CLI's json_encoder does.
func writeJSON(w io.Writer, v any, indent int, ascii bool) error {
	var b bytes.Buffer
	appendJSON(&b, v, indent, 0, ascii)
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// base64Std is standard base64 with padding.
func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// compactJSON returns v as Python's json.dumps(v) writes it: ", " and ": "
// separators, non-ASCII escaped.
func compactJSON(v any) string {
	var b bytes.Buffer
	appendCompactJSON(&b, v)
	return b.String()
}

func appendJSON(b *bytes.Buffer, v any, indent, level int, ascii bool) {
	newline := func(l int) {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat(" ", indent*l))
	}
	switch x := v.(type) {
	case *Object:
		if x.Len() == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(level + 1)
			appendJSONString(b, k, ascii)
			b.WriteString(": ")
			appendJSON(b, x.m[k], indent, level+1, ascii)
		}
		newline(level)
		b.WriteByte('}')
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(level + 1)
			appendJSON(b, e, indent, level+1, ascii)
		}
		newline(level)
		b.WriteByte(']')
	default:
		appendJSONScalar(b, v, ascii)
	}
}

func appendCompactJSON(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case *Object:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			appendJSONString(b, k, true)
			b.WriteString(": ")
			appendCompactJSON(b, x.m[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			appendCompactJSON(b, e)
		}
		b.WriteByte(']')
	default:
		appendJSONScalar(b, v, true)
	}
}

func appendJSONScalar(b *bytes.Buffer, v any, ascii bool) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case int:
		b.WriteString(strconv.Itoa(x))
	case float64:
		switch {
		case math.IsNaN(x):
			b.WriteString("NaN")
		case math.IsInf(x, 1):
			b.WriteString("Infinity")
		case math.IsInf(x, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(pyFloatRepr(x))
		}
	case string:
		appendJSONString(b, x, ascii)
	case []byte:
		appendJSONString(b, base64Std(x), ascii)
	default:
		appendJSONString(b, fmt.Sprint(x), ascii)
	}
}

// appendJSONString quotes s as Python's json module does: only '"', '\\'
// and control characters are escaped, plus everything outside ASCII when
// ascii is set.
func appendJSONString(b *bytes.Buffer, s string, ascii bool) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20:
				fmt.Fprintf(b, `\u%04x`, r)
			case ascii && r > 0x7e:
				if r > 0xffff {
					r -= 0x10000
					fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
				} else {
					fmt.Fprintf(b, `\u%04x`, r)
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// pyFloatRepr formats f as Python's repr(float) does: the shortest digits
// that round-trip, positional notation for exponents in [-4, 16), otherwise
// scientific notation with a sign and at least two exponent digits.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // -d.dddde±dd
	neg := strings.HasPrefix(e, "-")
	e = strings.TrimPrefix(e, "-")
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if exp >= -4 && exp < 16 {
		if exp >= 0 {
			if len(digits) <= exp+1 {
				out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
			} else {
				out = digits[:exp+1] + "." + digits[exp+1:]
			}
		} else {
			out = "0." + strings.Repeat("0", -exp-1) + digits
		}
	} else {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		out = fmt.Sprintf("%se%s%02d", m, sign, exp)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// pyStr returns str(v) as Python prints it; the text and table formats use
// it for scalars.
func pyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return pyFloatRepr(x)
	case string:
		return x
	case []byte:
		return base64Std(x)
	default:
		return pyRepr(v)
	}
}

// pyRepr returns repr(v) as Python prints it (botocore's validation
// messages embed it for containers).
func pyRepr(v any) string {
	switch x := v.(type) {
	case string:
		return pyStringRepr(x)
	case []byte:
		return "b" + pyStringRepr(string(x))
	case *Object:
		var b strings.Builder
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(pyStringRepr(k))
			b.WriteString(": ")
			b.WriteString(pyRepr(x.m[k]))
		}
		b.WriteByte('}')
		return b.String()
	case []any:
		var b strings.Builder
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(pyRepr(e))
		}
		b.WriteByte(']')
		return b.String()
	default:
		return pyStr(v)
	}
}

// pyStringRepr quotes s as Python's repr(str) does.
func pyStringRepr(s string) string {
	quote := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// pyTypeName returns the name Python gives the type of v ("<class 'str'>").
func pyTypeName(v any) string {
	name := "NoneType"
	switch v.(type) {
	case bool:
		name = "bool"
	case int64, int:
		name = "int"
	case float64:
		name = "float"
	case string:
		name = "str"
	case []byte:
		name = "bytes"
	case *Object:
		name = "dict"
	case []any:
		name = "list"
	}
	return "<class '" + name + "'>"
}

// deepCopy returns a copy of v that shares nothing mutable with it.
func deepCopy(v any) any {
	switch x := v.(type) {
	case *Object:
		o := NewObject()
		for _, k := range x.keys {
			o.Set(k, deepCopy(x.m[k]))
		}
		return o
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = deepCopy(e)
		}
		return l
	default:
		return v
	}
}

// sortedKeys returns the keys of o in Python's sorted() order (by code
// point).
func sortedKeys(o *Object) []string {
	keys := append([]string(nil), o.Keys()...)
	sort.Strings(keys)
	return keys
}

// fromGoJSON converts the output of encoding/json (map[string]any without
// order) into our values, sorting object keys for determinism.
func fromGoJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		o := NewObject()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			o.Set(k, fromGoJSON(x[k]))
		}
		return o
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = fromGoJSON(e)
		}
		return l
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	default:
		return v
	}
}
