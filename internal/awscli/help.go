package awscli

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/connectlite/connectlite/internal/awsmodel"
)

// Help pages are rendered from the model's documentation in the layout of
// the aws CLI's reference pages (seed 000): description, synopsis, options
// with their types, member documentation, shorthand and JSON syntax, and
// the output shape.

const (
	cliInputJSONHelp  = "<p>Reads arguments from the JSON string provided. The JSON string follows the format provided by <code>--generate-cli-skeleton</code>. If other arguments are provided on the command line, those values will override the JSON-provided values. It is not possible to pass arbitrary binary values using a JSON-provided value as the string will be taken literally. This may not be specified along with <code>--cli-input-yaml</code>.</p>"
	cliInputYAMLHelp  = "<p>Reads arguments from the YAML string provided. The YAML string follows the format provided by <code>--generate-cli-skeleton yaml-input</code>. If other arguments are provided on the command line, those values will override the YAML-provided values. This may not be specified along with <code>--cli-input-json</code>.</p>"
	skeletonHelp      = "<p>Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value <code>input</code>, prints a sample input JSON that can be used as an argument for <code>--cli-input-json</code>. Similarly, if provided <code>yaml-input</code> it will print a sample input YAML that can be used with <code>--cli-input-yaml</code>. If provided with the value <code>output</code>, it validates the command inputs and returns a sample output JSON for that command.</p>"
	startingTokenHelp = "<p>A token to specify where to start paginating. This is the <code>NextToken</code> from a previously truncated response.</p>"
	maxItemsHelp      = "<p>The total number of items to return in the command's output. If the total number of items available is more than the value specified, a <code>NextToken</code> is provided in the command's output. To resume pagination, provide the <code>NextToken</code> value in the <code>starting-token</code> argument of a subsequent command. <b>Do not</b> use the <code>NextToken</code> response element directly outside of the CLI.</p>"
	pageSizeHelp      = "<p>The size of each page to get in the service call. This does not affect the number of items returned in the command's output. Setting a smaller page size results in more calls to the service, retrieving fewer items in each call. This can help prevent the service calls from timing out.</p>"
	autoPromptHelp    = "<p>Automatically prompt for CLI input parameters: a terminal dialogue walks the operation's parameters, required ones first, then runs or prints the command.</p>"
)

// globalOptionDocs documents the global options, in parser order.
func globalOptionDocs() [][3]string {
	return [][3]string{
		{"--debug", "boolean", "Turn on debug logging."},
		{"--endpoint-url", "string", "Override command's default URL with the given URL. The default is " + DefaultEndpoint + ", the local connectlite server, unless AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL or the shared config name another."},
		{"--no-verify-ssl", "boolean", "By default, SSL certificates are verified when communicating over HTTPS. This option overrides the default behavior of verifying SSL certificates."},
		{"--no-paginate", "boolean", "Disable automatic pagination. If automatic pagination is disabled, only one call is made, for the first page of results."},
		{"--output", "string", "The formatting style for command output: json, text, table, yaml or yaml-stream."},
		{"--query", "string", "A JMESPath query to use in filtering the response data."},
		{"--profile", "string", "Use a specific profile from your credential file."},
		{"--region", "string", "The region to use. Overrides config/env settings."},
		{"--version", "string", "Display the version of this tool."},
		{"--color", "string", "Turn on/off color output: on, off or auto."},
		{"--no-sign-request", "boolean", "Do not sign requests. Credentials will not be loaded if this argument is provided."},
		{"--ca-bundle", "string", "The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings."},
		{"--cli-read-timeout", "int", "The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds."},
		{"--cli-connect-timeout", "int", "The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds."},
		{"--cli-auto-prompt", "boolean", "Automatically prompt for CLI input parameters (needs a terminal)."},
		{"--no-cli-auto-prompt", "boolean", "Disable automatically prompt for CLI input parameters."},
	}
}

func (c *Command) writeHelp(text string) error {
	_, err := io.WriteString(c.Stdout, text)
	return err
}

// helpWriter accumulates a help page.
type helpWriter struct{ b strings.Builder }

func (w *helpWriter) para(s string) {
	w.b.WriteString(s)
	w.b.WriteString("\n\n")
}

func (w *helpWriter) doc(htmlDoc, indent string) {
	for _, line := range strings.Split(strings.TrimRight(htmlToText(htmlDoc), "\n"), "\n") {
		if line == "" {
			w.b.WriteString("\n")
			continue
		}
		w.b.WriteString(indent + line + "\n")
	}
	w.b.WriteString("\n")
}

// providerHelp is `connectlite help`.
func providerHelp(m *awsmodel.Model, cmds *commandTable, prog string) string {
	w := &helpWriter{}
	w.para("[ " + prog + " ]")
	w.para(prog)
	w.para("Description")
	w.para(fmt.Sprintf("%s serves the %s API (API version %s) locally, and its command line speaks the aws CLI's `connect` commands: run `%s <operation> [parameters]` where you would run `aws connect <operation> [parameters]`.",
		prog, m.Metadata.ServiceFullName, m.Metadata.APIVersion, prog))
	w.doc(m.Documentation, "")
	w.para("Synopsis")
	w.para("  " + prog + " [options] <operation> [parameters]")
	w.para(fmt.Sprintf("Use %s <operation> help for information on a specific operation. The synopsis for each operation shows its parameters and their usage. Optional parameters are shown in square brackets.", prog))
	w.para("Global Options")
	for _, o := range globalOptionDocs() {
		w.para(fmt.Sprintf("%s (%s)", o[0], o[1]))
		w.para(o[2])
	}
	w.para("Available Commands")
	for _, n := range cmds.names() {
		w.b.WriteString("* " + n + "\n")
	}
	w.b.WriteString("\n")
	return w.b.String()
}

// operationHelp is `connectlite <operation> help`.
func operationHelp(op *opCommand, prog string) string {
	w := &helpWriter{}
	w.para("[ " + prog + " ]")
	w.para(op.name)
	w.para("Description")
	w.doc(op.op.Documentation, "")
	w.para("See also: AWS API Documentation (https://docs.aws.amazon.com/goto/WebAPI/connect-2017-08-08/" + op.op.Name + ")")
	if op.pag != nil {
		w.para(fmt.Sprintf("%s is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data set of results. You can disable pagination by providing the --no-paginate argument. When using --output text and the --query argument on a paginated response, the --query argument must extract data from the results of the following query expressions: %s",
			op.name, strings.Join(op.pag.ResultKey, ", ")))
	}
	w.para(fmt.Sprintf("See '%s help' for descriptions of global parameters.", prog))
	w.para("Synopsis")
	w.b.WriteString("  " + op.name + "\n")
	for _, a := range op.args {
		if a.undocumented || a.negative || a.kind == kindInputYAML {
			continue
		}
		var s string
		switch a.kind {
		case kindInputJSON:
			s = "[--cli-input-json | --cli-input-yaml]"
		case kindBool:
			s = fmt.Sprintf("[%s | --no-%s]", a.cliName(), a.name)
		default:
			s = a.cliName() + " <value>"
			if !a.required {
				s = "[" + s + "]"
			}
		}
		w.b.WriteString(s + "\n")
	}
	w.b.WriteString("[--cli-auto-prompt <value>]\n\n")
	w.para("Options")
	for _, a := range op.args {
		if a.undocumented || a.negative || a.kind == kindInputYAML {
			continue
		}
		switch a.kind {
		case kindInputJSON:
			w.para("--cli-input-json | --cli-input-yaml (string) " + strings.TrimSpace(htmlToText(a.doc)) + " " + strings.TrimSpace(htmlToText(cliInputYAMLHelp)))
			continue
		case kindSkeleton:
			w.para("--generate-cli-skeleton (string) " + strings.TrimSpace(htmlToText(a.doc)))
			continue
		case kindBool:
			w.para(fmt.Sprintf("%s | --no-%s (boolean)", a.cliName(), a.name))
		default:
			w.para(fmt.Sprintf("%s (%s)", a.cliName(), a.typeName()))
		}
		if a.kind == kindPage {
			w.doc(a.doc, "")
			continue
		}
		w.doc(a.doc, "")
		describeShape(w, a.shape, "", []string{a.shape.Name})
		writeSyntax(w, a)
	}
	w.para("--cli-auto-prompt (boolean) " + strings.TrimSpace(htmlToText(autoPromptHelp)))
	w.para(fmt.Sprintf("See '%s help' for descriptions of global parameters.", prog))
	w.para("Output")
	if op.output.valid() && len(op.output.MemberOrder) > 0 {
		for _, m := range op.output.members() {
			describeMember(w, m, "", []string{op.output.Name})
		}
	} else {
		w.para("None")
	}
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}

// describeShape documents the constraints of a shape and, for complex
// shapes, its members (the "Name -> (type)" lines of the aws CLI).
func describeShape(w *helpWriter, s shape, indent string, stack []string) {
	constraints(w, s, indent)
	switch s.Type {
	case "structure":
		for _, m := range s.members() {
			describeMember(w, m, indent, stack)
		}
	case "list":
		el := s.listMember()
		w.para(indent + "(" + el.Type + ")")
		if d := el.Shape.Documentation; d != "" && !el.isScalar() {
			w.doc(d, indent+"  ")
		}
		if inStack(stack, el.Name) {
			return
		}
		describeShape(w, el, indent+"  ", append(stack, el.Name))
	case "map":
		w.para(indent + "key -> (" + s.mapKey().Type + ")")
		constraints(w, s.mapKey(), indent+"  ")
		v := s.mapValue()
		w.para(indent + "value -> (" + v.Type + ")")
		if !inStack(stack, v.Name) {
			describeShape(w, v, indent+"  ", append(stack, v.Name))
		}
	}
}

func describeMember(w *helpWriter, m namedShape, indent string, stack []string) {
	w.para(fmt.Sprintf("%s%s -> (%s)", indent, m.name, m.Type))
	if d := m.doc(); d != "" {
		w.doc(d, indent+"  ")
	}
	if inStack(stack, m.Name) && !m.isScalar() {
		w.para(indent + "  ( ... recursive ... )")
		return
	}
	describeShape(w, m.shape, indent+"  ", append(stack, m.Name))
}

func inStack(stack []string, name string) bool {
	for _, s := range stack {
		if s == name {
			return true
		}
	}
	return false
}

func constraints(w *helpWriter, s shape, indent string) {
	var lines []string
	if s.Min != nil {
		lines = append(lines, fmt.Sprintf("min: %s", numText(*s.Min)))
	}
	if s.Max != nil {
		lines = append(lines, fmt.Sprintf("max: %s", numText(*s.Max)))
	}
	if s.Pattern != "" {
		lines = append(lines, "pattern: "+s.Pattern)
	}
	if len(lines) > 0 {
		w.para(indent + "Constraints:")
		for _, l := range lines {
			w.b.WriteString(indent + "  " + l + "\n")
		}
		w.b.WriteString("\n")
	}
	if len(s.Enum) > 0 {
		w.para(indent + "Possible values:")
		for _, e := range s.Enum {
			w.b.WriteString(indent + "  " + e + "\n")
		}
		w.b.WriteString("\n")
	}
}

func numText(f float64) string {
	if f == float64(int64(f)) {
		return fmt.Sprint(int64(f))
	}
	return pyFloatRepr(f)
}

// writeSyntax writes the "Shorthand Syntax" and "JSON Syntax" of an
// argument, or the "Syntax" of a list of scalars.
func writeSyntax(w *helpWriter, a *cliArg) {
	s := a.shape
	if s.Type == "list" && s.listMember().isScalar() {
		v := jsonExampleValue(s.listMember())
		w.para("Syntax:")
		w.para(v + " " + v + " ...")
		return
	}
	if s.isScalar() {
		return
	}
	if sh, ok := shorthandExample(s); ok && sh != "" {
		w.para("Shorthand Syntax:")
		w.para(sh)
	}
	w.para("JSON Syntax:")
	var b strings.Builder
	jsonExample(&b, s, 0, nil)
	w.para(b.String())
}

// shorthandExample is ParamShorthandDocGen.generate_shorthand_example.
func shorthandExample(s shape) (string, bool) {
	if !supportsShorthand(s) {
		return "", false
	}
	if s.Type == "structure" && len(s.MemberOrder) == 1 && s.MemberOrder[0] == "Value" {
		if m, _ := s.member("Value"); m.Type == "string" {
			return "", false
		}
	}
	var stack []string
	var out string
	var tooComplex bool
	if s.Type == "list" {
		out = shorthandDocs(s.listMember(), &stack, &tooComplex) + " ..."
	} else {
		out = shorthandDocs(s, &stack, &tooComplex)
	}
	if tooComplex {
		return "", true
	}
	return out, true
}

func shorthandDocs(s shape, stack *[]string, tooComplex *bool) string {
	if len(*stack) > 3 {
		*tooComplex = true
		return ""
	}
	switch s.Type {
	case "structure":
		var parts []string
		for _, m := range s.members() {
			if inStack(*stack, m.Name) {
				parts = append(parts, m.name+"=( ... recursive ... )")
				continue
			}
			*stack = append(*stack, m.Name)
			parts = append(parts, m.name+"="+shorthandDocs(m.shape, stack, tooComplex))
			*stack = (*stack)[:len(*stack)-1]
		}
		inner := strings.Join(parts, ",")
		if len(*stack) == 0 {
			return inner
		}
		return "{" + inner + "}"
	case "list":
		el := s.listMember()
		*stack = append(*stack, el.Name)
		doc := shorthandDocs(el, stack, tooComplex)
		*stack = (*stack)[:len(*stack)-1]
		if !el.isScalar() || len(*stack) > 1 {
			return "[" + doc + "," + doc + "]"
		}
		return doc + "," + doc
	case "map":
		v := s.mapValue()
		*stack = append(*stack, v.Name)
		vd := shorthandDocs(v, stack, tooComplex)
		*stack = (*stack)[:len(*stack)-1]
		start := "KeyName1=" + vd + ",KeyName2=" + vd
		if k := s.mapKey(); len(k.Enum) > 0 && len(*stack) == 0 {
			start += "\n\nWhere valid key names are:\n"
			for _, e := range k.Enum {
				start += "  " + e + "\n"
			}
		} else if len(*stack) > 0 {
			start = "{" + start + "}"
		}
		return start
	}
	return s.Type
}

func jsonExampleValue(s shape) string {
	switch {
	case s.Type == "string" && len(s.Enum) > 0:
		q := make([]string, len(s.Enum))
		for i, e := range s.Enum {
			q[i] = `"` + e + `"`
		}
		return strings.Join(q, "|")
	case s.Type == "string":
		return `"string"`
	case s.Type == "boolean":
		return "true|false"
	}
	return s.Type
}

// jsonExample is the aws CLI's "JSON Syntax" (clidocs._json_example), two
// spaces per level.
func jsonExample(b *strings.Builder, s shape, level int, stack []string) {
	count := 0
	for _, n := range stack {
		if n == s.Name {
			count++
		}
	}
	if count > 1 && s.Type == "structure" {
		b.WriteString("{ ... recursive ... }")
		return
	}
	stack = append(stack, s.Name)
	nl := func(l int) { b.WriteString("\n" + strings.Repeat("  ", l)) }
	switch s.Type {
	case "list":
		b.WriteString("[")
		el := s.listMember()
		if el.isScalar() {
			b.WriteString(jsonExampleValue(el) + ", ...")
		} else {
			nl(level + 1)
			jsonExample(b, el, level+1, stack)
			nl(level + 1)
			b.WriteString("...")
			nl(level)
		}
		b.WriteString("]")
	case "map":
		b.WriteString("{")
		b.WriteString(jsonExampleValue(s.mapKey()) + ": ")
		v := s.mapValue()
		if v.isScalar() {
			b.WriteString(jsonExampleValue(v))
		} else {
			jsonExample(b, v, level+2, stack)
		}
		nl(level + 1)
		b.WriteString("...}")
	case "structure":
		b.WriteString("{")
		members := s.members()
		for i, m := range members {
			nl(level + 1)
			if m.isScalar() {
				fmt.Fprintf(b, "%q: %s", m.name, jsonExampleValue(m.shape))
			} else {
				fmt.Fprintf(b, "%q: ", m.name)
				jsonExample(b, m.shape, level+1, stack)
			}
			if i < len(members)-1 {
				b.WriteString(",")
			}
		}
		nl(level)
		b.WriteString("}")
	default:
		b.WriteString(jsonExampleValue(s))
	}
}

// htmlToText renders the model's documentation HTML as plain text:
// paragraphs separated by blank lines, list items as "* " bullets, notes
// and warnings labelled, inline markup dropped, entities decoded.
func htmlToText(doc string) string {
	var out []string
	var cur strings.Builder
	indent := ""
	pending := "" // a bullet or label to prefix to the next paragraph
	flush := func() {
		text := strings.Join(strings.Fields(html.UnescapeString(cur.String())), " ")
		cur.Reset()
		if text == "" {
			return
		}
		out = append(out, indent+pending+text, "")
		pending = ""
	}
	depth := 0
	for i := 0; i < len(doc); {
		if doc[i] != '<' {
			j := strings.IndexByte(doc[i:], '<')
			if j < 0 {
				j = len(doc) - i
			}
			cur.WriteString(doc[i : i+j])
			i += j
			continue
		}
		j := strings.IndexByte(doc[i:], '>')
		if j < 0 {
			cur.WriteString(doc[i:])
			break
		}
		tag := strings.ToLower(strings.Fields(strings.Trim(doc[i+1:i+j], "/ ") + " x")[0])
		closing := strings.HasPrefix(doc[i+1:], "/")
		i += j + 1
		switch tag {
		case "p", "br", "div", "dt", "dd":
			flush()
		case "ul", "ol":
			flush()
			if closing {
				depth--
			} else {
				depth++
			}
			indent = strings.Repeat("  ", max(depth-1, 0))
		case "li":
			flush()
			if !closing {
				pending = "* "
			}
		case "note", "important":
			flush()
			if !closing {
				label := "Note: "
				if tag == "important" {
					label = "Warning: "
				}
				pending = label
			}
		default:
			// Inline markup (code, b, i, a, ...) keeps only its text; a
			// space stands in for tags that separate words.
		}
	}
	flush()
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n") + "\n"
}
