package awscli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/connectlite/connectlite/internal/awsmodel"
)

// argKind says how an argument reaches the request.
type argKind int

const (
	kindMember    argKind = iota // a scalar or complex input member (CLIArgument)
	kindList                     // a list member (ListArgument, nargs "*")
	kindBool                     // a boolean member (BooleanArgument)
	kindPage                     // --starting-token, --page-size, --max-items
	kindInputJSON                // --cli-input-json
	kindInputYAML                // --cli-input-yaml
	kindSkeleton                 // --generate-cli-skeleton
)

// cliArg is one entry of an operation's argument table.
type cliArg struct {
	name         string // option name without "--"
	kind         argKind
	member       string // input member it sets
	shape        shape  // the member's shape (zero for custom arguments)
	required     bool
	negative     bool // the --no- half of a boolean pair
	undocumented bool // hidden from help (the paging members)
	doc          string
	pageType     string // paging arguments: "string" or "integer"
}

func (a *cliArg) cliName() string { return "--" + a.name }

// dest is the parsed-namespace key, Python's py_name.
func (a *cliArg) dest() string {
	name := a.name
	if a.negative {
		name = strings.TrimPrefix(name, "no-")
	}
	return strings.ReplaceAll(name, "-", "_")
}

// typeName is the type shown in help ("string", "list", "structure").
func (a *cliArg) typeName() string {
	switch a.kind {
	case kindPage:
		return a.pageType
	case kindInputJSON, kindInputYAML, kindSkeleton:
		return "string"
	}
	return a.shape.Type
}

// opCommand is one operation's command.
type opCommand struct {
	name   string // "create-user"
	op     *awsmodel.Operation
	model  *awsmodel.Model
	input  shape // invalid when the operation takes no input
	output shape // invalid when it returns nothing
	pag    *awsmodel.Paginator
	args   []*cliArg
}

// newOpCommand builds the command of op and its argument table in the aws
// CLI's order: the input members, --cli-input-json (and -yaml), the paging
// arguments, --generate-cli-skeleton.
func newOpCommand(m *awsmodel.Model, op *awsmodel.Operation) *opCommand {
	c := &opCommand{name: xformName(op.Name, "-"), op: op, model: m, pag: m.Paginator(op.Name)}
	if op.Input != nil {
		c.input = resolve(m, op.Input)
	}
	if op.Output != nil {
		c.output = resolve(m, op.Output)
	}
	if c.input.valid() {
		for _, mem := range c.input.members() {
			a := &cliArg{
				name:     xformName(mem.name, "-"),
				member:   mem.name,
				shape:    mem.shape,
				required: c.input.IsRequired(mem.name) && !mem.ref.IdempotencyToken,
				doc:      mem.doc(),
			}
			switch mem.Type {
			case "list":
				a.kind = kindList
			case "boolean":
				a.kind = kindBool
			}
			c.args = append(c.args, a)
			if a.kind == kindBool {
				neg := *a
				neg.name = "no-" + a.name
				neg.negative = true
				neg.required = false
				c.args = append(c.args, &neg)
			}
		}
	}
	c.args = append(c.args,
		&cliArg{name: "cli-input-json", kind: kindInputJSON, doc: cliInputJSONHelp},
		&cliArg{name: "cli-input-yaml", kind: kindInputYAML, doc: cliInputYAMLHelp})
	if c.pag != nil {
		for _, a := range c.args {
			if a.member != "" && (a.member == c.pag.InputToken || a.member == c.pag.LimitKey) {
				a.undocumented = true
			}
		}
		c.setArg(&cliArg{name: "starting-token", kind: kindPage, pageType: "string", doc: startingTokenHelp})
		if c.pag.LimitKey != "" {
			if ls, ok := c.input.member(c.pag.LimitKey); ok {
				c.setArg(&cliArg{name: "page-size", kind: kindPage, pageType: ls.Type, doc: pageSizeHelp})
			}
		}
		pt := "integer"
		if ls, ok := c.input.member(c.pag.LimitKey); ok {
			pt = ls.Type
		}
		c.setArg(&cliArg{name: "max-items", kind: kindPage, pageType: pt, doc: maxItemsHelp})
	}
	c.args = append(c.args, &cliArg{name: "generate-cli-skeleton", kind: kindSkeleton, doc: skeletonHelp})
	return c
}

// setArg adds a, replacing an argument of the same name in place.
func (c *opCommand) setArg(a *cliArg) {
	for i, x := range c.args {
		if x.name == a.name {
			c.args[i] = a
			return
		}
	}
	c.args = append(c.args, a)
}

func (c *opCommand) arg(name string) *cliArg {
	for _, a := range c.args {
		if a.name == name {
			return a
		}
	}
	return nil
}

// parser builds the operation's argument parser. requiredOff turns the
// required checks off, as --cli-input-json and --generate-cli-skeleton do.
func (c *opCommand) parser(requiredOff bool) *argParser {
	p := newArgParser()
	for _, a := range c.args {
		act := &argAction{dest: a.dest(), options: []string{a.cliName()}, required: a.required && !requiredOff}
		switch a.kind {
		case kindBool:
			act.nargs = nargsZero
			act.constVal = !a.negative
			act.required = false
		case kindList:
			act.nargs = nargsZeroOrMore
		case kindPage:
			if a.pageType != "string" {
				act.convert, act.typeName = intValue, "int"
			}
		case kindSkeleton:
			act.nargs = nargsOptional
			act.constVal = "input"
			act.choices = []string{"input", "output", "yaml-input"}
		case kindMember:
			switch a.shape.Type {
			case "long":
				act.convert, act.typeName = intValue, "int"
			case "float", "double":
				act.convert, act.typeName = floatValue, "float"
			}
		}
		p.add(act)
	}
	p.add(&argAction{dest: "help", metavar: "help", nargs: nargsOptional})
	return p
}

// requiredOff reports whether args turn the required checks off: they
// contain --cli-input-json or --cli-input-yaml, or --generate-cli-skeleton
// not followed by "output" (OverrideRequiredArgsArgument).
func requiredOff(args []string) bool {
	for i, a := range args {
		switch a {
		case "--cli-input-json", "--cli-input-yaml":
			return true
		case "--generate-cli-skeleton":
			if i+1 < len(args) && args[i+1] == "output" {
				continue
			}
			return true
		}
	}
	return false
}

// call is an operation call the command line has put together.
type call struct {
	params     *Object
	pagination *Object // PaginationConfig: StartingToken, PageSize, MaxItems
	skeleton   string  // --generate-cli-skeleton value, "" if absent
	paginate   bool
}

// runOperation parses the operation's options, builds the call and makes
// it, as ServiceOperation.__call__ does.
func (c *Command) runOperation(ctx context.Context, op *opCommand, g *globals, args []string) error {
	if len(args) == 1 && args[0] == "help" {
		return c.writeHelp(operationHelp(op, c.prog()))
	}
	cl, err := c.buildCall(op, g, args)
	if err != nil {
		return err
	}
	if cl == nil {
		return c.writeHelp(operationHelp(op, c.prog()))
	}
	return c.invoke(ctx, op, g, cl)
}

// buildCall turns the operation's command-line arguments into a call. It
// returns nil (and no error) when the arguments ask for help.
func (c *Command) buildCall(op *opCommand, g *globals, args []string) (*call, error) {
	p := op.parser(requiredOff(args))
	ns, remaining, err := p.parseKnownArgs(args)
	if err != nil {
		var ae *argError
		if errors.As(err, &ae) {
			return nil, &cliError{msg: ae.msg, code: 2, style: "usage"}
		}
		return nil, err
	}
	if h, ok := ns.str("help"); ok {
		if h == "help" {
			return nil, nil
		}
		remaining = append(remaining, h)
	}
	if len(remaining) > 0 {
		return nil, &cliError{msg: "Unknown options: " + strings.Join(remaining, ", "), code: 255, style: "unknown"}
	}
	cl := &call{params: NewObject(), pagination: NewObject(), paginate: g.paginate && op.pag != nil}
	if op.pag != nil {
		// Giving the API's own paging members turns pagination off.
		for _, a := range op.args {
			if a.member != "" && (a.member == op.pag.InputToken || a.member == op.pag.LimitKey) && ns[a.dest()] != nil {
				cl.paginate = false
			}
		}
		if !cl.paginate {
			var used []string
			for _, name := range []string{"starting-token", "page-size", "max-items"} {
				if a := op.arg(name); a != nil && a.kind == kindPage && ns[a.dest()] != nil {
					used = append(used, "--"+name)
				}
			}
			if len(used) > 0 {
				return nil, exception("Error during pagination: Cannot specify --no-paginate along with pagination arguments: %s", strings.Join(used, ", "))
			}
		}
	}
	loader := c.paramFileLoader()
	for _, a := range op.args {
		if a.negative {
			continue
		}
		v := ns[a.dest()]
		if v == nil {
			continue
		}
		switch a.kind {
		case kindBool:
			cl.params.Set(a.member, v)
		case kindMember, kindList:
			if err := c.addMemberArg(cl.params, a, v, loader); err != nil {
				return nil, err
			}
		case kindPage:
			key := map[string]string{"starting-token": "StartingToken", "page-size": "PageSize", "max-items": "MaxItems"}[a.name]
			if n, ok := v.(int64); ok && key == "MaxItems" && n <= 0 {
				fmt.Fprint(c.Stderr, "warning: Non-positive values for --max-items may result in undefined behavior.\n")
			}
			cl.pagination.Set(key, v)
		case kindSkeleton:
			cl.skeleton, _ = v.(string)
		}
	}
	// calling-command: the input file fills what the options left out.
	jsonIn, hasJSON := ns.str("cli_input_json")
	yamlIn, hasYAML := ns.str("cli_input_yaml")
	if hasJSON && hasYAML {
		return nil, exception("Only one --cli-input- parameter may be specified.")
	}
	if hasJSON || hasYAML {
		data, err := c.loadCLIInput(jsonIn, yamlIn, hasJSON)
		if err != nil {
			return nil, err
		}
		for _, k := range data.Keys() {
			if !cl.params.Has(k) {
				v, _ := data.Get(k)
				cl.params.Set(k, v)
			}
		}
	}
	return cl, nil
}

// addMemberArg unpacks the command-line value of a member argument into
// params (CLIArgument.add_to_params).
func (c *Command) addMemberArg(params *Object, a *cliArg, v any, loader paramFileLoader) error {
	// load-cli-arg: a file:// or fileb:// value is replaced by the file.
	check := v
	if l, ok := v.([]any); ok && len(l) == 1 {
		check = l[0]
	}
	if s, ok := check.(string); ok {
		data, found, err := loader(s)
		if err != nil {
			return paramError(a.cliName(), err.Error())
		}
		if found {
			v = data
		}
	}
	u, err := unpackArgument(a, v, loader)
	if err != nil {
		return err
	}
	params.Set(a.member, u)
	return nil
}

// loadCLIInput reads --cli-input-json or --cli-input-yaml (a file:// or
// fileb:// reference or the document itself) into an object.
func (c *Command) loadCLIInput(jsonIn, yamlIn string, isJSON bool) (*Object, error) {
	raw := yamlIn
	name := "cli-input-yaml"
	if isJSON {
		raw, name = jsonIn, "cli-input-json"
	}
	if data, found, err := c.paramFileLoader()(raw); err != nil {
		return nil, exception("%v", err)
	} else if found {
		switch d := data.(type) {
		case string:
			raw = d
		case []byte:
			raw = string(d)
		}
	}
	var v any
	var err error
	if isJSON {
		v, err = decodeJSON(raw)
		if err != nil {
			// aws-cli v1 prints the decoder's message and the input.
			return nil, paramError(name, fmt.Sprintf("Invalid JSON: %v\nJSON received: %s", err, raw))
		}
	} else {
		v, err = decodeYAML(raw)
		if err != nil {
			return nil, paramError(name, "Invalid YAML received.")
		}
	}
	o, ok := v.(*Object)
	if !ok {
		if isJSON {
			// aws-cli v1 fails on input_data.keys().
			t := strings.TrimSuffix(strings.TrimPrefix(pyTypeName(v), "<class '"), "'>")
			return nil, exception("'%s' object has no attribute 'keys'", t)
		}
		// The YAML input is version 2's, with its message.
		return nil, paramError("--"+name, "Invalid type: expecting map, received "+pyTypeName(v))
	}
	return o, nil
}
