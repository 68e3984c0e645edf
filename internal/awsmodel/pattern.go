package awsmodel

import (
	"fmt"
	"regexp"
	"strings"
)

// pattern is the Go reading of a model pattern. AWS evaluates patterns with
// Java's regular expressions as full matches; Go's RE2 lacks look-arounds,
// so leading look-aheads are evaluated one by one in code.
type pattern struct {
	shown string         // the pattern as reported to clients
	full  *regexp.Regexp // must match the whole value; nil with skip set
	looks []lookahead    // leading look-aheads, each tested at the start of the value
	skip  string         // why the pattern is not enforced ("" if it is)
}

// lookahead is a leading (?=X) or (?!X): X must (or must not) match at the
// start of the value.
type lookahead struct {
	re     *regexp.Regexp
	negate bool
}

// match reports whether s satisfies the pattern. A skipped pattern accepts
// everything.
func (p *pattern) match(s string) bool {
	if p.skip != "" {
		return true
	}
	for _, l := range p.looks {
		if l.re.MatchString(s) == l.negate {
			return false
		}
	}
	return p.full.MatchString(s)
}

// pattern returns the compiled form of a model pattern, compiling it on
// first use. It never panics: a pattern Go cannot read is returned with skip
// set and is not enforced.
func (m *Model) pattern(src string) *pattern {
	c := &m.patterns
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.m[src]; ok {
		return p
	}
	if c.m == nil {
		c.m = map[string]*pattern{}
	}
	p := compilePattern(src)
	c.m[src] = p
	return p
}

// compilePattern reads a botocore pattern the way AWS applies it:
//
//   - A pattern wrapped in slashes (/.../, the Password shape) is read
//     without them; taken verbatim it would reject every password.
//   - Double-escaped backslashes (`\\+[1-9]\\d{1,14}$` in PhoneNumber, the
//     Mobile member) are a serialisation slip of the model; `\\` is read as
//     `\`, giving the E.164 rule `\+[1-9]\d{1,14}$` DeskPhoneNumber uses.
//   - Java's `\uXXXX` escapes become RE2's `\x{XXXX}`.
//   - Leading look-aheads, after an optional `^`, are split off and tested
//     separately at the start of the value: `^(?!aws:)...` rejects values
//     starting with "aws:", and Password's `(?=.*[a-z])(?=.*[A-Z])(?=.*\d)`
//     become its "at least one lower-case, upper-case, digit" rules.
//   - The rest must match the whole value (Java's matches()), so it is
//     anchored as ^(?:rest)$ whether or not the model wrote ^ and $.
//
// Look-arounds anywhere else, and anything else RE2 rejects, leave the
// pattern unenforced with the reason in skip.
func compilePattern(src string) *pattern {
	s := src
	if len(s) >= 2 && s[0] == '/' && s[len(s)-1] == '/' {
		s = s[1 : len(s)-1]
	}
	s = strings.ReplaceAll(s, `\\`, `\`)
	p := &pattern{shown: s}
	s = javaEscapes(s)

	rest := strings.TrimPrefix(s, "^")
	for strings.HasPrefix(rest, "(?=") || strings.HasPrefix(rest, "(?!") {
		end := closingParen(rest)
		if end < 0 {
			p.skip = "unbalanced look-ahead"
			return p
		}
		re, err := regexp.Compile(`^(?:` + rest[3:end] + `)`)
		if err != nil {
			p.skip = fmt.Sprintf("look-ahead %q: %v", rest[:end+1], err)
			return p
		}
		p.looks = append(p.looks, lookahead{re: re, negate: rest[2] == '!'})
		rest = rest[end+1:]
	}
	for _, la := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
		if strings.Contains(rest, la) {
			p.skip = "look-around " + la + "...) past the start of the pattern"
			return p
		}
	}
	re, err := regexp.Compile(`^(?:` + rest + `)$`)
	if err != nil {
		p.skip = err.Error()
		return p
	}
	p.full = re
	return p
}

// javaEscapes rewrites Java's \uXXXX escapes in RE2 syntax.
func javaEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			if s[i+1] == 'u' && i+6 <= len(s) && isHex(s[i+2:i+6]) {
				b.WriteString(`\x{` + s[i+2:i+6] + `}`)
				i += 5
				continue
			}
			b.WriteString(s[i : i+2])
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(s string) bool {
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// closingParen returns the index of the parenthesis closing the group that
// opens s, or -1. It skips escapes and character classes.
func closingParen(s string) int {
	depth, inClass := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			// A ']' right after '[' or '[^' is a literal member.
			if i+1 < len(s) && s[i+1] == '^' {
				i++
			}
			if i+1 < len(s) && s[i+1] == ']' {
				i++
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
