package awscli

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// The shorthand syntax of the aws CLI (awscli/shorthand.py), reimplemented
// rule for rule so that every value the aws CLI accepts parses to the same
// data here, and every value it rejects is rejected with the same message:
//
//	parameter    = keyval *("," keyval)
//	keyval       = key "=" [values] / key "@=" [file-optional-values]
//	values       = csv-list / explicit-list / hash-literal
//	explicit-list = "[" [value *("," value)] "]"
//	hash-literal = "{" keyval *("," keyval) "}"
//
// The parser is purely syntactic; shorthandBackCompat then coerces the
// parsed strings to the types of the parameter's model.

// shorthandError is a value that does not parse as shorthand.
type shorthandError struct{ msg string }

func (e *shorthandError) Error() string { return e.msg }

// shorthandSyntaxError is the one kind of shorthandError the parser may
// backtrack from.
type shorthandSyntaxError struct{ shorthandError }

// errorLocation draws a caret under position index of value, as
// ShorthandParseError._error_location does.
func errorLocation(value []rune, index int) string {
	consumed, remaining, numSpaces := string(value), "", index
	before := string(value[:min(index, len(value))])
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		numSpaces = index - len([]rune(before[:i])) - 1
	}
	if index <= len(value) {
		after := value[index:]
		for j, r := range after {
			if r == '\n' {
				consumed = string(value[:index+j])
				remaining = string(value[index+j:])
				break
			}
		}
	}
	return consumed + "\n" + strings.Repeat(" ", max(numSpaces, 0)) + "^" + remaining
}

func newSyntaxError(value []rune, expected, actual string, index int) error {
	return &shorthandSyntaxError{shorthandError{fmt.Sprintf(
		"Expected: '%s', received: '%s' for input:\n%s", expected, actual, errorLocation(value, index))}}
}

func newDuplicateKeyError(key string, value []rune, index int) error {
	return &shorthandError{fmt.Sprintf(
		"Second instance of key \"%s\" encountered for input:\n%s\nThis is often because there is a preceding \",\" instead of a space.",
		key, errorLocation(value, index))}
}

// paramFileLoader resolves file:// and fileb:// values (nil if v is not
// one); the shorthand "key@=file://..." form uses it.
type paramFileLoader func(v string) (any, bool, error)

// shorthandParser parses one shorthand value. It works on runes because
// the aws CLI's positions (in error messages) count characters.
type shorthandParser struct {
	in       []rune
	i        int
	resolve  bool
	loadFile paramFileLoader
}

// parseShorthand parses value. The result is an *Object whose leaves are
// strings, []any and *Object; loadFile may be nil when no file access is
// wanted.
func parseShorthand(value string, loadFile paramFileLoader) (*Object, error) {
	p := &shorthandParser{in: []rune(value), loadFile: loadFile}
	return p.parameter()
}

const eof rune = -1

func (p *shorthandParser) current() rune {
	if p.i < len(p.in) {
		return p.in[p.i]
	}
	return eof
}

func (p *shorthandParser) atEOF() bool { return p.i >= len(p.in) }

func (p *shorthandParser) parameter() (*Object, error) {
	params := NewObject()
	key, val, err := p.keyval()
	if err != nil {
		return nil, err
	}
	params.Set(key, val)
	last := p.i
	for p.i < len(p.in) {
		if err := p.expect(',', true); err != nil {
			return nil, err
		}
		key, val, err := p.keyval()
		if err != nil {
			return nil, err
		}
		if params.Has(key) {
			return nil, newDuplicateKeyError(key, p.in, last+1)
		}
		params.Set(key, val)
		last = p.i
	}
	return params, nil
}

func (p *shorthandParser) keyval() (string, any, error) {
	key := p.key()
	p.resolve = false
	if err := p.expect('@', true); err == nil {
		p.resolve = true
	}
	if err := p.expect('=', true); err != nil {
		return "", nil, err
	}
	v, err := p.values()
	return key, v, err
}

func isKeyChar(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.#/:", r))
}

func (p *shorthandParser) key() string {
	start := p.i
	for !p.atEOF() && isKeyChar(p.current()) {
		p.i++
	}
	return string(p.in[start:p.i])
}

func (p *shorthandParser) values() (any, error) {
	switch {
	case p.atEOF():
		return "", nil
	case p.current() == '[':
		return p.explicitList()
	case p.current() == '{':
		return p.hashLiteral()
	default:
		return p.csvValue()
	}
}

func (p *shorthandParser) csvValue() (any, error) {
	first, err := p.firstValue()
	if err != nil {
		return nil, err
	}
	p.consumeWhitespace()
	if p.atEOF() || p.in[p.i] != ',' {
		return first, nil
	}
	if err := p.expect(',', true); err != nil {
		return nil, err
	}
	list := []any{first}
	for {
		current, err := p.secondValue()
		if err == nil {
			p.consumeWhitespace()
			if p.atEOF() {
				list = append(list, current)
				break
			}
			err = p.expect(',', true)
			if err == nil {
				list = append(list, current)
				continue
			}
		}
		var syn *shorthandSyntaxError
		if !errors.As(err, &syn) {
			return nil, err
		}
		// "foo=a,b,c=d": the parse of "c" as a list element fails at
		// "=", so "c=d" is the next key; go back to the comma before it.
		if p.atEOF() {
			return nil, err
		}
		p.backtrackTo(',')
		break
	}
	if len(list) == 1 {
		return first, nil
	}
	return list, nil
}

// The character classes of ShorthandParser's regular expressions. Python
// matches them on code points up to U+FFFF only.
func isStartWord(r rune) bool {
	return r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') || (r >= '-' && r <= '<') ||
		(r >= '>' && r <= 'Z') || (r >= '\\' && r <= 'z') || (r >= '|' && r <= 0xffff)
}

func isFirstFollow(r rune) bool {
	return pyIsSpace(r) || r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') ||
		(r >= '-' && r <= '\\') || (r >= '^' && r <= '|') || (r >= '~' && r <= 0xffff)
}

func isSecondFollow(r rune) bool {
	return pyIsSpace(r) || r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') ||
		(r >= '-' && r <= '<') || (r >= '>' && r <= 0xffff)
}

// pyIsSpace is Python's str.isspace for one character (what \s matches).
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// matchWord matches (\\,|[start])(\\,|[follow])* at the current position
// and returns the matched length (0 for no match).
func (p *shorthandParser) matchWord(follow func(rune) bool) int {
	j := p.i
	step := func(class func(rune) bool) bool {
		if j+1 < len(p.in) && p.in[j] == '\\' && p.in[j+1] == ',' {
			j += 2
			return true
		}
		if j < len(p.in) && class(p.in[j]) {
			j++
			return true
		}
		return false
	}
	if !step(isStartWord) {
		return 0
	}
	for step(follow) {
	}
	return j - p.i
}

func (p *shorthandParser) value() (any, error) {
	n := p.matchWord(isFirstFollow)
	if n == 0 {
		return "", nil
	}
	consumed := string(p.in[p.i : p.i+n])
	p.i += n
	return p.maybeResolve(pyRStrip(strings.ReplaceAll(consumed, `\,`, ",")))
}

func (p *shorthandParser) explicitList() (any, error) {
	if err := p.expect('[', true); err != nil {
		return nil, err
	}
	values := []any{}
	for p.current() != ']' {
		v, err := p.explicitValues()
		if err != nil {
			return nil, err
		}
		values = append(values, v)
		p.consumeWhitespace()
		if p.current() != ']' {
			if err := p.expect(',', false); err != nil {
				return nil, err
			}
			p.consumeWhitespace()
		}
	}
	if err := p.expect(']', false); err != nil {
		return nil, err
	}
	return values, nil
}

func (p *shorthandParser) explicitValues() (any, error) {
	switch p.current() {
	case '[':
		return p.explicitList()
	case '{':
		return p.hashLiteral()
	default:
		return p.firstValue()
	}
}

func (p *shorthandParser) hashLiteral() (any, error) {
	if err := p.expect('{', true); err != nil {
		return nil, err
	}
	kv := NewObject()
	for p.current() != '}' {
		key := p.key()
		p.resolve = false
		if err := p.expect('@', true); err == nil {
			p.resolve = true
		}
		if err := p.expect('=', true); err != nil {
			return nil, err
		}
		v, err := p.explicitValues()
		if err != nil {
			return nil, err
		}
		p.consumeWhitespace()
		if p.current() != '}' {
			if err := p.expect(',', false); err != nil {
				return nil, err
			}
			p.consumeWhitespace()
		}
		kv.Set(key, v)
	}
	if err := p.expect('}', false); err != nil {
		return nil, err
	}
	return kv, nil
}

func (p *shorthandParser) firstValue() (any, error) {
	switch p.current() {
	case '\'':
		return p.quotedValue('\'', "singled quoted")
	case '"':
		return p.quotedValue('"', "double quoted")
	}
	return p.value()
}

func (p *shorthandParser) secondValue() (any, error) {
	switch p.current() {
	case '\'':
		return p.quotedValue('\'', "singled quoted")
	case '"':
		return p.quotedValue('"', "double quoted")
	}
	n := p.matchWord(isSecondFollow)
	if n == 0 {
		return nil, newSyntaxError(p.in, "<second>", "<none>", p.i)
	}
	consumed := string(p.in[p.i : p.i+n])
	p.i += n
	return p.maybeResolve(pyRStrip(strings.ReplaceAll(consumed, `\,`, ",")))
}

// quotedValue matches q(?:\\q|[^q])*q the way Python's backtracking regex
// engine does: an escaped quote is preferred, and if the string never
// closes, the last escaped quote closes it instead.
func (p *shorthandParser) quotedValue(q rune, name string) (any, error) {
	end := -1
	lastEscape := -1
	if p.current() == q {
		for j := p.i + 1; j < len(p.in); j++ {
			if p.in[j] == '\\' && j+1 < len(p.in) && p.in[j+1] == q {
				lastEscape = j
				j++
				continue
			}
			if p.in[j] == q {
				end = j + 1
				break
			}
		}
		if end < 0 && lastEscape >= 0 {
			end = lastEscape + 2
		}
	}
	if end < 0 {
		return nil, newSyntaxError(p.in, "<"+name+">", "<none>", p.i)
	}
	v := string(p.in[p.i+1 : end-1])
	p.i = end
	v = strings.ReplaceAll(v, `\`+string(q), string(q))
	v = strings.ReplaceAll(v, `\\`, `\`)
	return p.maybeResolve(v)
}

func (p *shorthandParser) maybeResolve(v string) (any, error) {
	if !p.resolve || p.loadFile == nil {
		return v, nil
	}
	data, ok, err := p.loadFile(v)
	if err != nil {
		return nil, err
	}
	if ok {
		return data, nil
	}
	return v, nil
}

func (p *shorthandParser) expect(c rune, consumeWhitespace bool) error {
	if consumeWhitespace {
		p.consumeWhitespace()
	}
	if p.i >= len(p.in) {
		return newSyntaxError(p.in, string(c), "EOF", p.i)
	}
	if actual := p.in[p.i]; actual != c {
		return newSyntaxError(p.in, string(c), string(actual), p.i)
	}
	p.i++
	if consumeWhitespace {
		p.consumeWhitespace()
	}
	return nil
}

func (p *shorthandParser) backtrackTo(c rune) {
	for p.i >= 0 && (p.i >= len(p.in) || p.in[p.i] != c) {
		p.i--
	}
}

// consumeWhitespace skips string.whitespace (ASCII only).
func (p *shorthandParser) consumeWhitespace() {
	for !p.atEOF() && strings.ContainsRune(" \t\n\r\v\f", p.current()) {
		p.i++
	}
}

// pyRStrip is Python's str.rstrip() without arguments.
func pyRStrip(s string) string {
	return strings.TrimRightFunc(s, pyIsSpace)
}
