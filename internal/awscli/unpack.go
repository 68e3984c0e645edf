package awscli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"unicode/utf8"
)

// This file turns command-line strings into parameter values the way the
// aws CLI's argprocess.py does: shorthand for complex shapes, JSON when
// the value starts with "{" or "[", Python's int() and float() for
// numbers, and file:// / fileb:// references.

// unpackArgument converts the value of a member argument.
func unpackArgument(a *cliArg, v any, loader paramFileLoader) (any, error) {
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	if shouldParseShorthand(a.shape, v) {
		return parseAsShorthand(a, v, loader)
	}
	return unpackCLIArg(a.shape, v, a.cliName())
}

// supportsShorthand reports whether a shape takes shorthand: a structure,
// a map, or a list of complex elements.
func supportsShorthand(s shape) bool {
	switch s.Type {
	case "structure", "map":
		return true
	case "list":
		return !s.listMember().isScalar()
	}
	return false
}

func shouldParseShorthand(s shape, v any) bool {
	check := v
	if l, ok := v.([]any); ok && len(l) > 0 {
		check = l[0]
	}
	if str, ok := check.(string); ok {
		t := strings.TrimFunc(str, pyIsSpace)
		if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") {
			return false
		}
	}
	return supportsShorthand(s)
}

func parseAsShorthand(a *cliArg, v any, loader paramFileLoader) (any, error) {
	s := a.shape
	// A structure whose only member is the string "Value" takes the bare
	// value: --x foo means {"Value": "foo"}.
	if str, ok := v.(string); ok && s.Type == "structure" && len(s.MemberOrder) == 1 && s.MemberOrder[0] == "Value" {
		if m, _ := s.member("Value"); m.Type == "string" && !strings.Contains(str, "=") {
			o := NewObject()
			o.Set("Value", str)
			return o, nil
		}
	}
	wrap := func(err error) error {
		var se *shorthandError
		var sse *shorthandSyntaxError
		switch {
		case errors.As(err, &sse):
			return paramError(a.cliName(), sse.msg)
		case errors.As(err, &se):
			return paramError(a.cliName(), se.msg)
		}
		var ce *cliError
		if errors.As(err, &ce) {
			return err
		}
		return exception("%v", err)
	}
	var parsedValue any
	if l, ok := v.([]any); ok {
		out := make([]any, 0, len(l))
		for _, e := range l {
			str, _ := e.(string)
			o, err := parseShorthand(str, loader)
			if err != nil {
				return nil, wrap(err)
			}
			out = append(out, o)
		}
		parsedValue = out
	} else {
		str, _ := v.(string)
		o, err := parseShorthand(str, loader)
		if err != nil {
			return nil, wrap(err)
		}
		parsedValue = o
	}
	res, err := backCompat(parsedValue, s)
	if err != nil {
		return nil, wrap(err)
	}
	return res, nil
}

// backCompat is the aws CLI's BackCompatVisitor: it coerces the strings
// of a parsed shorthand value to the model's types. Scalars given where a
// list is expected become one-element lists; integers and floats go
// through Python's int() and float(); "true" and "false" (any case) become
// booleans and other strings stay strings, for the validator to reject.
func backCompat(v any, s shape) (any, error) {
	switch s.Type {
	case "structure":
		o, ok := v.(*Object)
		if !ok {
			return v, nil
		}
		for _, m := range s.members() {
			mv, present := o.Get(m.name)
			if !present || mv == nil {
				continue
			}
			nv, err := backCompat(mv, m.shape)
			if err != nil {
				return nil, err
			}
			o.Set(m.name, nv)
		}
		return o, nil
	case "list":
		l, ok := v.([]any)
		if !ok {
			if v == nil {
				return nil, nil
			}
			return []any{v}, nil
		}
		for i, e := range l {
			nv, err := backCompat(e, s.listMember())
			if err != nil {
				return nil, err
			}
			l[i] = nv
		}
		return l, nil
	case "map":
		o, ok := v.(*Object)
		if !ok {
			return v, nil
		}
		vs := s.mapValue()
		for _, k := range o.Keys() {
			mv, _ := o.Get(k)
			if mv == nil {
				continue
			}
			nv, err := backCompat(mv, vs)
			if err != nil {
				return nil, err
			}
			o.Set(k, nv)
		}
		return o, nil
	case "integer", "long":
		return pyInt(v)
	case "float", "double":
		return pyFloat(v)
	case "boolean":
		str, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("'%s' object has no attribute 'lower'", pyTypeShort(v))
		}
		switch strings.ToLower(str) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return v, nil
	}
	return v, nil
}

// pyTypeShort is the bare Python type name of v ("str", "list").
func pyTypeShort(v any) string {
	return strings.TrimSuffix(strings.TrimPrefix(pyTypeName(v), "<class '"), "'>")
}

// pyInt is Python's int(v).
func pyInt(v any) (any, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case float64:
		return int64(x), nil
	case string:
		return intValue(x)
	}
	return nil, fmt.Errorf("int() argument must be a string, a bytes-like object or a real number, not '%s'", pyTypeShort(v))
}

// pyFloat is Python's float(v).
func pyFloat(v any) (any, error) {
	switch x := v.(type) {
	case int64:
		return float64(x), nil
	case float64:
		return x, nil
	case string:
		return floatValue(x)
	}
	return nil, fmt.Errorf("float() argument must be a string or a real number, not '%s'", pyTypeShort(v))
}

// unpackCLIArg converts a value that is not shorthand (unpack_cli_arg).
func unpackCLIArg(s shape, v any, cliName string) (any, error) {
	if s.isScalar() {
		return unpackScalar(s, v)
	}
	str, isStr := v.(string)
	switch s.Type {
	case "structure", "map":
		if !isStr {
			return v, nil
		}
		t := strings.TrimLeftFunc(str, pyIsSpace)
		if t == "" {
			return nil, exception("string index out of range")
		}
		if t[0] == '{' {
			return unpackJSON(str, cliName)
		}
		return nil, paramError(cliName, "Invalid JSON:\n"+str)
	case "list":
		if isStr {
			t := strings.TrimLeftFunc(str, pyIsSpace)
			if t == "" {
				return nil, exception("string index out of range")
			}
			if t[0] == '[' {
				return unpackJSON(str, cliName)
			}
			// Python iterates the characters of the string.
			var l []any
			for _, r := range str {
				l = append(l, string(r))
			}
			v = l
		}
		l, _ := v.([]any)
		if len(l) == 1 {
			if one, ok := l[0].(string); ok {
				if t := strings.TrimFunc(one, pyIsSpace); t != "" && t[0] == '[' {
					return unpackJSON(one, cliName)
				}
			}
		}
		out := make([]any, 0, len(l))
		for _, e := range l {
			u, err := unpackCLIArg(s.listMember(), e, cliName)
			if err != nil {
				if !s.listMember().isScalar() {
					return nil, err
				}
				// int() and float() raise ValueError, which the aws CLI
				// reports with the list's first value.
				return nil, paramError(cliName, pyStr(l[0]))
			}
			out = append(out, u)
		}
		return out, nil
	}
	return v, nil
}

func unpackJSON(s, cliName string) (any, error) {
	v, err := decodeJSON(s)
	if err != nil {
		return nil, paramError(cliName, fmt.Sprintf("Invalid JSON: %v\nJSON received: %s", err, s))
	}
	return v, nil
}

// unpackScalar is unpack_scalar_cli_arg.
func unpackScalar(s shape, v any) (any, error) {
	switch s.Type {
	case "integer", "long":
		n, err := pyInt(v)
		if err != nil {
			return nil, exception("%v", err)
		}
		return n, nil
	case "float", "double":
		f, err := pyFloat(v)
		if err != nil {
			return nil, exception("%v", err)
		}
		return f, nil
	case "boolean":
		if str, ok := v.(string); ok {
			if strings.ToLower(str) == "false" {
				return false, nil
			}
			return str != "", nil
		}
		return v, nil
	}
	return v, nil
}

// paramFileLoader returns the loader of file:// and fileb:// values.
func (c *Command) paramFileLoader() paramFileLoader {
	return func(v string) (any, bool, error) {
		var prefix string
		switch {
		case strings.HasPrefix(v, "file://"):
			prefix = "file://"
		case strings.HasPrefix(v, "fileb://"):
			prefix = "fileb://"
		default:
			return nil, false, nil
		}
		path := c.expandVars(expandUser(v[len(prefix):]))
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, false, fmt.Errorf("Unable to load paramfile %s: %s", v, pyOSError(err, path))
		}
		if prefix == "fileb://" {
			return data, true, nil
		}
		if !utf8.Valid(data) {
			return nil, false, fmt.Errorf("Unable to load paramfile (%s), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.", path)
		}
		// Python's text mode translates \r\n and \r to \n.
		text := strings.ReplaceAll(string(data), "\r\n", "\n")
		return strings.ReplaceAll(text, "\r", "\n"), true, nil
	}
}

// pyOSError renders err as Python's OSError ("[Errno 2] No such file or
// directory: 'x'").
func pyOSError(err error, path string) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg := errno.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		return fmt.Sprintf("[Errno %d] %s: %s", int(errno), msg, pyStringRepr(path))
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s: %s", pe.Err, pyStringRepr(path))
	}
	return err.Error()
}

// expandUser is Python's os.path.expanduser.
func expandUser(p string) string {
	if !strings.HasPrefix(p, "~") {
		return p
	}
	i := strings.IndexByte(p, '/')
	if i < 0 {
		i = len(p)
	}
	var home string
	if i == 1 {
		h, err := os.UserHomeDir()
		if err != nil {
			return p
		}
		home = h
	} else {
		u, err := user.Lookup(p[1:i])
		if err != nil {
			return p
		}
		home = u.HomeDir
	}
	return filepath.Clean(home) + p[i:]
}

// expandVars is Python's os.path.expandvars: $NAME and ${NAME} are
// replaced when NAME is set and left alone otherwise.
func (c *Command) expandVars(p string) string {
	if !strings.Contains(p, "$") {
		return p
	}
	return varRE.ReplaceAllStringFunc(p, func(m string) string {
		name := strings.Trim(m[1:], "{}")
		if m[1] == '{' && !strings.HasSuffix(m, "}") {
			return m
		}
		if v, ok := os.LookupEnv(name); ok {
			return v
		}
		if c.Getenv != nil {
			if v := c.Getenv(name); v != "" {
				return v
			}
		}
		return m
	})
}

var varRE = regexp.MustCompile(`\$(\w+|\{[^}]*\})`)
