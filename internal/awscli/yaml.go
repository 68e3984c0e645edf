package awscli

import (
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The yaml and yaml-stream outputs of aws-cli version 2, written the way
// PyYAML's safe_dump(default_flow_style=False, allow_unicode=True) writes
// them: block style, sorted keys, two-space indentation, sequences in a
// mapping not indented, the same quoting decisions and line folding at 80
// columns.

// yamlEmitter is a port of the parts of PyYAML's Emitter that block-style
// documents use.
type yamlEmitter struct {
	b          strings.Builder
	indent     int
	indents    []int
	column     int
	whitespace bool
	indention  bool
	openEnded  bool
	mapping    bool // mapping_context
	simpleKey  bool // simple_key_context
	root       bool // root_context
	unsorted   bool // keep mapping order (the round-trip dumper of skeletons)
}

// commentedObject is a mapping whose keys carry end-of-line comments (the
// yaml-input skeleton).
type commentedObject struct {
	*Object
	comments map[string]string
}

const yamlBestWidth = 80

// writeYAML returns v as one YAML document.
func writeYAML(v any) string {
	return emitYAML(v, false)
}

func emitYAML(v any, unsorted bool) string {
	e := &yamlEmitter{indent: -1, whitespace: true, indention: true, unsorted: unsorted}
	e.root = true
	e.node(v, false, false)
	e.root = false
	// expect_document_end
	e.writeIndent()
	if e.openEnded {
		e.writeIndicator("...", true, false, false)
		e.writeIndent()
	}
	return e.b.String()
}

func (e *yamlEmitter) increaseIndent(flow, indentless bool) {
	e.indents = append(e.indents, e.indent)
	if e.indent < 0 {
		if flow {
			e.indent = 2
		} else {
			e.indent = 0
		}
	} else if !indentless {
		e.indent += 2
	}
}

func (e *yamlEmitter) popIndent() {
	e.indent = e.indents[len(e.indents)-1]
	e.indents = e.indents[:len(e.indents)-1]
}

func (e *yamlEmitter) write(s string) {
	e.b.WriteString(s)
	e.column += len([]rune(s))
}

func (e *yamlEmitter) writeIndicator(ind string, needWhitespace, whitespace, indention bool) {
	data := ind
	if !e.whitespace && needWhitespace {
		data = " " + ind
	}
	e.whitespace = whitespace
	e.indention = e.indention && indention
	e.openEnded = false
	e.write(data)
}

func (e *yamlEmitter) writeIndent() {
	indent := max(e.indent, 0)
	if !e.indention || e.column > indent || (e.column == indent && !e.whitespace) {
		e.writeLineBreak("\n")
	}
	if e.column < indent {
		e.whitespace = true
		e.write(strings.Repeat(" ", indent-e.column))
		e.column = indent
	}
}

func (e *yamlEmitter) writeLineBreak(br string) {
	e.whitespace = true
	e.indention = true
	e.b.WriteString(br)
	e.column = 0
}

// node emits one node (expect_node).
func (e *yamlEmitter) node(v any, mapping, simpleKey bool) {
	saveRoot := e.root
	e.mapping, e.simpleKey = mapping, simpleKey
	switch x := v.(type) {
	case *commentedObject:
		if x.Len() == 0 {
			e.flowEmpty("{", "}")
		} else {
			e.blockMapping(x.Object, x.comments)
		}
	case *Object:
		if x.Len() == 0 {
			e.flowEmpty("{", "}")
		} else {
			e.blockMapping(x, nil)
		}
	case []any:
		if len(x) == 0 {
			e.flowEmpty("[", "]")
		} else {
			e.blockSequence(x)
		}
	default:
		e.increaseIndent(true, false)
		e.scalar(v)
		e.popIndent()
	}
	e.root = saveRoot
}

func (e *yamlEmitter) flowEmpty(open, close string) {
	e.writeIndicator(open, true, true, false)
	e.increaseIndent(true, false)
	e.popIndent()
	e.writeIndicator(close, false, false, false)
}

func (e *yamlEmitter) blockMapping(o *Object, comments map[string]string) {
	e.increaseIndent(false, false)
	keys := sortedKeys(o)
	if e.unsorted {
		keys = o.Keys()
	}
	for _, k := range keys {
		e.root = false
		e.writeIndent()
		if e.checkSimpleKey(k) {
			e.node(k, true, true)
			e.writeIndicator(":", false, false, false)
		} else {
			e.writeIndicator("?", true, false, true)
			e.node(k, true, false)
			e.writeIndent()
			e.writeIndicator(":", true, false, true)
		}
		v, _ := o.Get(k)
		c := comments[k]
		if c != "" && !isEmptyOrScalar(v) {
			// A nested block starts on the next line; the comment stays
			// on the key's line.
			e.write(" " + c)
			c = ""
		}
		e.node(v, true, false)
		if c != "" {
			e.write(" " + c)
		}
	}
	e.popIndent()
}

func isEmptyOrScalar(v any) bool {
	switch x := v.(type) {
	case *commentedObject:
		return x.Len() == 0
	case *Object:
		return x.Len() == 0
	case []any:
		return len(x) == 0
	}
	return true
}

func (e *yamlEmitter) checkSimpleKey(k string) bool {
	return len([]rune(k)) < 128 && k != "" && !analyzeScalar(k).multiline
}

func (e *yamlEmitter) blockSequence(l []any) {
	indentless := e.mapping && !e.indention
	e.increaseIndent(false, indentless)
	for _, item := range l {
		e.root = false
		e.writeIndent()
		e.writeIndicator("-", true, false, true)
		e.node(item, false, false)
	}
	e.popIndent()
}

// scalar emits a scalar (process_scalar), choosing the style as PyYAML's
// choose_scalar_style does.
func (e *yamlEmitter) scalar(v any) {
	text, isStr := yamlScalarText(v)
	if !isStr {
		e.writePlain(text, !e.simpleKey)
		return
	}
	a := analyzeScalar(text)
	implicit := yamlResolvesToString(text)
	switch {
	case implicit && !(e.simpleKey && (a.empty || a.multiline)) && a.allowBlockPlain:
		e.writePlain(text, !e.simpleKey)
	case a.allowSingleQuoted && !(e.simpleKey && a.multiline):
		e.writeSingleQuoted(text, !e.simpleKey)
	default:
		e.writeDoubleQuoted(text, !e.simpleKey)
	}
}

// yamlScalarText is SafeRepresenter's text for a scalar; isStr reports a
// string (whose quoting depends on its content).
func yamlScalarText(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "null", false
	case bool:
		if x {
			return "true", false
		}
		return "false", false
	case int64:
		return strconv.FormatInt(x, 10), false
	case float64:
		switch {
		case math.IsNaN(x):
			return ".nan", false
		case math.IsInf(x, 1):
			return ".inf", false
		case math.IsInf(x, -1):
			return "-.inf", false
		}
		s := strings.ToLower(pyFloatRepr(x))
		if !strings.Contains(s, ".") && strings.Contains(s, "e") {
			s = strings.Replace(s, "e", ".0e", 1)
		}
		return s, false
	case string:
		return x, true
	case []byte:
		return base64.StdEncoding.EncodeToString(x), true
	case yamlTimestamp:
		return string(x), false
	}
	return fmt.Sprint(v), true
}

// YAML 1.1 implicit resolvers (PyYAML's Resolver): a string matching one
// of them must be quoted to stay a string.
var (
	yamlBoolRE  = regexp.MustCompile(`^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	yamlFloatRE = regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	yamlIntRE   = regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	yamlNullRE  = regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)
	yamlTimeRE  = regexp.MustCompile(`^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$`)
)

// yamlResolvesToString reports whether a plain scalar with this text would
// read back as a string.
func yamlResolvesToString(s string) bool {
	if s == "" {
		return false
	}
	first := s[0]
	switch {
	case strings.IndexByte("yYnNtTfFoO", first) >= 0 && yamlBoolRE.MatchString(s):
		return false
	case strings.IndexByte("-+0123456789.", first) >= 0 && yamlFloatRE.MatchString(s):
		return false
	case strings.IndexByte("-+0123456789", first) >= 0 && yamlIntRE.MatchString(s):
		return false
	case first == '<' && s == "<<":
		return false
	case strings.IndexByte("~nN", first) >= 0 && yamlNullRE.MatchString(s):
		return false
	case first >= '0' && first <= '9' && yamlTimeRE.MatchString(s):
		return false
	case first == '=' && s == "=":
		return false
	}
	return true
}

type scalarAnalysis struct {
	empty, multiline                               bool
	allowBlockPlain, allowSingleQuoted, allowBlock bool
}

func isYAMLBreak(r rune) bool { return r == '\n' || r == 0x85 || r == 0x2028 || r == 0x2029 }

func isYAMLSpaceOrBreak(r rune) bool {
	return r == 0 || r == ' ' || r == '\t' || r == '\r' || isYAMLBreak(r)
}

// analyzeScalar is PyYAML's Emitter.analyze_scalar with allow_unicode.
func analyzeScalar(s string) scalarAnalysis {
	if s == "" {
		return scalarAnalysis{empty: true, allowBlockPlain: true, allowSingleQuoted: true}
	}
	rs := []rune(s)
	var blockInd, lineBreaks, special bool
	var leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak bool
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		blockInd = true
	}
	preceded := true
	followed := len(rs) == 1 || isYAMLSpaceOrBreak(rs[1])
	prevSpace, prevBreak := false, false
	for i, ch := range rs {
		if i == 0 {
			if strings.ContainsRune("#,[]{}&*!|>'\"%@`", ch) {
				blockInd = true
			}
			if (ch == '?' || ch == ':') && followed {
				blockInd = true
			}
			if ch == '-' && followed {
				blockInd = true
			}
		} else {
			if ch == ':' && followed {
				blockInd = true
			}
			if ch == '#' && preceded {
				blockInd = true
			}
		}
		if isYAMLBreak(ch) {
			lineBreaks = true
		}
		if !(ch == '\n' || (ch >= 0x20 && ch <= 0x7e)) {
			unicodeOK := (ch == 0x85 || (ch >= 0xa0 && ch <= 0xd7ff) || (ch >= 0xe000 && ch <= 0xfffd) || (ch >= 0x10000 && ch < 0x10ffff)) && ch != 0xfeff
			if !unicodeOK {
				special = true
			}
		}
		switch {
		case ch == ' ':
			if i == 0 {
				leadingSpace = true
			}
			if i == len(rs)-1 {
				trailingSpace = true
			}
			if prevBreak {
				breakSpace = true
			}
			prevSpace, prevBreak = true, false
		case isYAMLBreak(ch):
			if i == 0 {
				leadingBreak = true
			}
			if i == len(rs)-1 {
				trailingBreak = true
			}
			if prevSpace {
				spaceBreak = true
			}
			prevSpace, prevBreak = false, true
		default:
			prevSpace, prevBreak = false, false
		}
		preceded = isYAMLSpaceOrBreak(ch)
		followed = i+2 >= len(rs) || isYAMLSpaceOrBreak(rs[i+2])
	}
	a := scalarAnalysis{multiline: lineBreaks, allowBlockPlain: true, allowSingleQuoted: true, allowBlock: true}
	if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
		a.allowBlockPlain = false
	}
	if trailingSpace {
		a.allowBlock = false
	}
	if breakSpace {
		a.allowBlockPlain, a.allowSingleQuoted = false, false
	}
	if spaceBreak || special {
		a.allowBlockPlain, a.allowSingleQuoted, a.allowBlock = false, false, false
	}
	if lineBreaks || blockInd {
		a.allowBlockPlain = false
	}
	return a
}

func (e *yamlEmitter) writePlain(text string, split bool) {
	if e.root {
		e.openEnded = true
	}
	if text == "" {
		return
	}
	if !e.whitespace {
		e.write(" ")
	}
	e.whitespace, e.indention = false, false
	rs := []rune(text)
	spaces, breaks := false, false
	start := 0
	for end := 0; end <= len(rs); end++ {
		var ch rune = -1
		if end < len(rs) {
			ch = rs[end]
		}
		switch {
		case spaces:
			if ch != ' ' {
				if start+1 == end && e.column > yamlBestWidth && split {
					e.writeIndent()
					e.whitespace, e.indention = false, false
				} else {
					e.write(string(rs[start:end]))
				}
				start = end
			}
		case breaks:
			if !isYAMLBreak(ch) {
				if rs[start] == '\n' {
					e.writeLineBreak("\n")
				}
				for _, br := range rs[start:end] {
					e.writeLineBreak(string(br))
				}
				e.writeIndent()
				e.whitespace, e.indention = false, false
				start = end
			}
		default:
			if ch == -1 || ch == ' ' || isYAMLBreak(ch) {
				e.write(string(rs[start:end]))
				start = end
			}
		}
		if ch != -1 {
			spaces = ch == ' '
			breaks = isYAMLBreak(ch)
		}
	}
}

func (e *yamlEmitter) writeSingleQuoted(text string, split bool) {
	e.writeIndicator("'", true, false, false)
	rs := []rune(text)
	spaces, breaks := false, false
	start := 0
	for end := 0; end <= len(rs); end++ {
		var ch rune = -1
		if end < len(rs) {
			ch = rs[end]
		}
		switch {
		case spaces:
			if ch == -1 || ch != ' ' {
				if start+1 == end && e.column > yamlBestWidth && split && start != 0 && end != len(rs) {
					e.writeIndent()
				} else {
					e.write(string(rs[start:end]))
				}
				start = end
			}
		case breaks:
			if ch == -1 || !isYAMLBreak(ch) {
				if rs[start] == '\n' {
					e.writeLineBreak("\n")
				}
				for _, br := range rs[start:end] {
					e.writeLineBreak(string(br))
				}
				e.writeIndent()
				start = end
			}
		default:
			if ch == -1 || ch == ' ' || isYAMLBreak(ch) || ch == '\'' {
				if start < end {
					e.write(string(rs[start:end]))
					start = end
				}
			}
		}
		if ch == '\'' {
			e.write("''")
			start = end + 1
		}
		if ch != -1 {
			spaces = ch == ' '
			breaks = isYAMLBreak(ch)
		}
	}
	e.writeIndicator("'", false, false, false)
}

func (e *yamlEmitter) writeDoubleQuoted(text string, split bool) {
	escapes := map[rune]string{0: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e", '"': "\"", '\\': "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P"}
	e.writeIndicator("\"", true, false, false)
	rs := []rune(text)
	start := 0
	for end := 0; end <= len(rs); end++ {
		var ch rune = -1
		if end < len(rs) {
			ch = rs[end]
		}
		printable := ch >= 0x20 && ch <= 0x7e || (ch >= 0xa0 && ch <= 0xd7ff) || (ch >= 0xe000 && ch <= 0xfffd)
		if ch == -1 || ch == '"' || ch == '\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xfeff || !printable {
			if start < end {
				e.write(string(rs[start:end]))
				start = end
			}
			if ch != -1 {
				var data string
				if r, ok := escapes[ch]; ok {
					data = "\\" + r
				} else if ch <= 0xff {
					data = fmt.Sprintf("\\x%02X", ch)
				} else if ch <= 0xffff {
					data = fmt.Sprintf("\\u%04X", ch)
				} else {
					data = fmt.Sprintf("\\U%08X", ch)
				}
				e.write(data)
				start = end + 1
			}
		}
		if end > 0 && end < len(rs)-1 && (ch == ' ' || start >= end) && e.column+(end-start) > yamlBestWidth && split {
			data := string(rs[start:end]) + "\\"
			if start < end {
				start = end
			}
			e.write(data)
			e.writeIndent()
			e.whitespace, e.indention = false, false
			if rs[start] == ' ' {
				e.write("\\")
			}
		}
	}
	e.writeIndicator("\"", false, false, false)
}

// decodeYAML reads a --cli-input-yaml document, keeping mapping order.
func decodeYAML(s string) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(s), &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		return nil, nil
	}
	return yamlNodeValue(&doc)
}

func yamlNodeValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return yamlNodeValue(n.Content[0])
	case yaml.AliasNode:
		return yamlNodeValue(n.Alias)
	case yaml.MappingNode:
		o := NewObject()
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, err := yamlNodeValue(n.Content[i])
			if err != nil {
				return nil, err
			}
			v, err := yamlNodeValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			if n.Content[i].Tag == "!!merge" {
				if mo, ok := v.(*Object); ok {
					for _, mk := range mo.Keys() {
						if !o.Has(mk) {
							mv, _ := mo.Get(mk)
							o.Set(mk, mv)
						}
					}
				}
				continue
			}
			o.Set(pyStr(k), v)
		}
		return o, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := yamlNodeValue(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			err := n.Decode(&b)
			return b, err
		case "!!int":
			var i int64
			if err := n.Decode(&i); err != nil {
				var f float64
				err2 := n.Decode(&f)
				return f, err2
			}
			return i, nil
		case "!!float":
			var f float64
			err := n.Decode(&f)
			return f, err
		case "!!binary":
			b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(n.Value), ""))
			return b, err
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("unsupported YAML node")
}
