// Package awscli is connectlite's aws-CLI-compatible command line: every
// operation the server supports is a command (`connectlite create-user
// --instance-id ... --username ...`) with the options, value syntax
// (shorthand, JSON, file://), input files, skeletons, output formats,
// pagination, help and error messages of `aws connect`, all derived from
// the embedded botocore model rather than written per operation.
//
// It follows the behaviour of aws-cli version 1 (exit status 2 for
// command-line errors, 255 for everything else), plus the version 2
// additions the issue asks for (--cli-input-yaml, --generate-cli-skeleton
// yaml-input, --output yaml and yaml-stream, --cli-auto-prompt).
package awscli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/connectlite/connectlite/internal/awsmodel"
)

// DefaultEndpoint is where commands are sent when neither --endpoint-url
// nor the AWS_ENDPOINT_URL_CONNECT / AWS_ENDPOINT_URL variables nor the
// shared config name an endpoint: connectlite's default listen address.
const DefaultEndpoint = "http://127.0.0.1:4599"

// ExitError reports the exit status of a command whose messages have
// already been written to its standard error; the caller should exit with
// Code and print nothing more.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// ExitCode returns the status the process should exit with.
func (e *ExitError) ExitCode() int { return e.Code }

// Run runs one command line (without the program name) with the process's
// standard input, environment and shared AWS config files. It returns nil
// on success and an *ExitError otherwise.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := &Command{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr}
	return c.Run(ctx, args)
}

// Help writes the help of the command line: the global options and the
// list of operations with no args, an operation's page with its name
// (`connectlite help create-user`).
func Help(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return Run(ctx, []string{args[0], "help"}, stdout, stderr)
	}
	return Run(ctx, []string{"help"}, stdout, stderr)
}

// Command is one invocation of the command line. Zero fields take the
// process's defaults (os.Stdin, os.Stdout, os.Stderr, os.Getenv).
type Command struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads the environment; aws-sdk-go-v2's config loader reads
	// the process environment directly, so tests that change credentials
	// or regions must do it there too.
	Getenv func(string) string
	// Prog is the program name in messages ("connectlite").
	Prog string
	// Model is the API model; nil loads the embedded one. Loading parses
	// the whole model, so callers that run many commands in one process
	// share one.
	Model *awsmodel.Model
}

// cliError is a failure the aws CLI reports in a particular way.
type cliError struct {
	msg  string
	code int
	// style selects the framing: "usage" (argparse: usage text, then
	// "prog: error: msg"), "unknown" (usage text, then msg), "plain"
	// (msg alone) or "" (an exception: a blank line, then msg).
	style string
}

func (e *cliError) Error() string { return e.msg }

// paramError is the aws CLI's ParamError message.
func paramError(cliName, msg string) error {
	return &cliError{msg: fmt.Sprintf("Error parsing parameter '%s': %s", cliName, msg), code: 255}
}

// exception is an error the aws CLI prints as an uncaught exception: a
// blank line, the message, exit status 255.
func exception(format string, args ...any) error {
	return &cliError{msg: fmt.Sprintf(format, args...), code: 255}
}

func (c *Command) prog() string {
	if c.Prog != "" {
		return c.Prog
	}
	return "connectlite"
}

func (c *Command) getenv(k string) string {
	if c.Getenv != nil {
		return c.Getenv(k)
	}
	return os.Getenv(k)
}

func (c *Command) usage() string {
	p := c.prog()
	return fmt.Sprintf("%s [options] <operation> [parameters]\n"+
		"To see help text, you can run:\n\n"+
		"  %s help\n"+
		"  %s <operation> help\n", p, p, p)
}

// Run runs one command line and reports failures as the aws CLI does.
func (c *Command) Run(ctx context.Context, args []string) error {
	if c.Stdout == nil {
		c.Stdout = os.Stdout
	}
	if c.Stderr == nil {
		c.Stderr = os.Stderr
	}
	if c.Stdin == nil {
		c.Stdin = os.Stdin
	}
	err := c.run(ctx, args)
	if err == nil {
		return nil
	}
	code := 255
	var ce *cliError
	var ee *ExitError
	switch {
	case errors.As(err, &ee):
		return ee
	case errors.As(err, &ce):
		code = ce.code
		switch ce.style {
		case "usage":
			fmt.Fprintf(c.Stderr, "usage: %s\n%s: error: %s\n", strings.TrimRight(c.usage(), "\n"), c.prog(), ce.msg)
		case "unknown":
			fmt.Fprintf(c.Stderr, "usage: %s\n%s\n", c.usage(), ce.msg)
		case "plain":
			fmt.Fprintf(c.Stderr, "%s\n", ce.msg)
		default:
			fmt.Fprintf(c.Stderr, "\n%s\n", ce.msg)
		}
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(c.Stdout)
		code = 130
	default:
		fmt.Fprintf(c.Stderr, "\n%s\n", err)
	}
	return &ExitError{Code: code}
}

// globals are the parsed global options.
type globals struct {
	debug          bool
	endpointURL    string
	verifySSL      bool
	paginate       bool
	output         string
	query          string
	profile        string
	region         string
	color          string
	signRequest    bool
	caBundle       string
	readTimeout    *int64 // seconds; nil for the default, 0 for none
	connectTimeout *int64
	autoPrompt     *bool
}

// globalParser builds the parser of the global options (the aws CLI's
// cli.json, plus --cli-auto-prompt from version 2) and the operation name.
func globalParser(commands []string) *argParser {
	p := newArgParser()
	flag := func(name, dest string, val bool) {
		p.add(&argAction{dest: dest, options: []string{"--" + name}, nargs: nargsZero, constVal: val, def: !val})
	}
	opt := func(name, dest string) *argAction {
		a := &argAction{dest: dest, options: []string{"--" + name}}
		p.add(a)
		return a
	}
	flag("debug", "debug", true)
	opt("endpoint-url", "endpoint_url")
	flag("no-verify-ssl", "verify_ssl", false)
	flag("no-paginate", "paginate", false)
	opt("output", "output").choices = []string{"json", "text", "table", "yaml", "yaml-stream"}
	opt("query", "query")
	opt("profile", "profile")
	opt("region", "region")
	p.add(&argAction{dest: "version", options: []string{"--version"}, nargs: nargsZero, constVal: true, def: false})
	color := opt("color", "color")
	color.choices = []string{"on", "off", "auto"}
	color.def = "auto"
	flag("no-sign-request", "sign_request", false)
	opt("ca-bundle", "ca_bundle")
	for _, name := range []string{"cli-read-timeout", "cli-connect-timeout"} {
		a := opt(name, strings.ReplaceAll(strings.TrimPrefix(name, "cli-"), "-", "_"))
		a.convert, a.typeName = intValue, "int"
	}
	p.add(&argAction{dest: "cli_auto_prompt", options: []string{"--cli-auto-prompt"}, nargs: nargsZero, constVal: true})
	p.add(&argAction{dest: "cli_auto_prompt", options: []string{"--no-cli-auto-prompt"}, nargs: nargsZero, constVal: false})
	p.add(&argAction{dest: "operation", metavar: "operation", choices: commands, required: true})
	return p
}

func (c *Command) run(ctx context.Context, args []string) error {
	model := c.Model
	if model == nil {
		var err error
		if model, err = awsmodel.Load(); err != nil {
			return exception("%v", err)
		}
	}
	cmds, err := newCommandTable(model)
	if err != nil {
		return exception("%v", err)
	}
	choices := append(cmds.names(), "help")
	gp := globalParser(choices)
	for _, a := range args {
		if a == "--cli-auto-prompt" {
			// The dialogue asks for the operation when none is given.
			op := gp.positionals[0]
			op.nargs, op.required = nargsOptional, false
		}
	}
	ns, remaining, err := gp.parseKnownArgs(args)
	if err != nil {
		var ae *argError
		if errors.As(err, &ae) {
			return &cliError{msg: ae.msg, code: 2, style: "usage"}
		}
		return err
	}
	if v, _ := ns["version"].(bool); v {
		fmt.Fprintln(c.Stdout, versionString())
		return nil
	}
	g, err := c.resolveGlobals(ns)
	if err != nil {
		return err
	}
	name, _ := ns.str("operation")
	if name == "help" {
		return c.writeHelp(providerHelp(model, cmds, c.prog()))
	}
	op := cmds.byName[name]
	if g.autoPrompt != nil && *g.autoPrompt {
		return c.autoPrompt(ctx, cmds, op, g, g.args(), remaining)
	}
	return c.runOperation(ctx, op, g, remaining)
}

// resolveGlobals checks and converts the global options
// (top-level-args-parsed in the aws CLI).
func (c *Command) resolveGlobals(ns parsed) (*globals, error) {
	g := &globals{
		debug:       ns["debug"] == true,
		verifySSL:   ns["verify_ssl"] != false,
		paginate:    ns["paginate"] != false,
		signRequest: ns["sign_request"] != false,
	}
	g.output, _ = ns.str("output")
	g.query, _ = ns.str("query")
	g.profile, _ = ns.str("profile")
	g.region, _ = ns.str("region")
	g.color, _ = ns.str("color")
	g.caBundle, _ = ns.str("ca_bundle")
	g.endpointURL, _ = ns.str("endpoint_url")
	if v, ok := ns["read_timeout"].(int64); ok {
		g.readTimeout = &v
	}
	if v, ok := ns["connect_timeout"].(int64); ok {
		g.connectTimeout = &v
	}
	if v, ok := ns["cli_auto_prompt"].(bool); ok {
		g.autoPrompt = &v
	}
	if g.query != "" {
		if _, err := compileQuery(g.query); err != nil {
			return nil, exception("Bad value for --query %s: %v", g.query, err)
		}
	}
	if g.endpointURL != "" {
		if pyURLScheme(g.endpointURL) == "" {
			return nil, exception("Bad value for --endpoint-url \"%s\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/", g.endpointURL)
		}
	}
	return g, nil
}

// args returns the global options as command-line words (for the
// command --cli-auto-prompt prints).
func (g *globals) args() []string {
	var out []string
	add := func(name, v string) {
		if v != "" {
			out = append(out, name, v)
		}
	}
	if g.debug {
		out = append(out, "--debug")
	}
	add("--endpoint-url", g.endpointURL)
	if !g.verifySSL {
		out = append(out, "--no-verify-ssl")
	}
	if !g.paginate {
		out = append(out, "--no-paginate")
	}
	add("--output", g.output)
	add("--query", g.query)
	add("--profile", g.profile)
	add("--region", g.region)
	if g.color != "" && g.color != "auto" {
		add("--color", g.color)
	}
	if !g.signRequest {
		out = append(out, "--no-sign-request")
	}
	add("--ca-bundle", g.caBundle)
	if g.readTimeout != nil {
		add("--cli-read-timeout", fmt.Sprint(*g.readTimeout))
	}
	if g.connectTimeout != nil {
		add("--cli-connect-timeout", fmt.Sprint(*g.connectTimeout))
	}
	return out
}

// pyURLScheme is the scheme Python's urlsplit finds in s ("" if none):
// letters, digits, "+", "-" and "." before the first colon, starting with a
// letter.
func pyURLScheme(s string) string {
	i := strings.IndexByte(s, ':')
	if i <= 0 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return ""
	}
	for _, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return ""
		}
	}
	return strings.ToLower(s[:i])
}

// versionString is what --version prints.
func versionString() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return fmt.Sprintf("connectlite/%s %s %s/%s", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// commandTable maps command names to operations.
type commandTable struct {
	byName map[string]*opCommand
	order  []string
}

func newCommandTable(m *awsmodel.Model) (*commandTable, error) {
	t := &commandTable{byName: map[string]*opCommand{}}
	for _, opName := range supportedOperations() {
		op := m.Operation(opName)
		if op == nil {
			return nil, fmt.Errorf("awscli: operation %s is not in the model", opName)
		}
		cmd := newOpCommand(m, op)
		t.byName[cmd.name] = cmd
		t.order = append(t.order, cmd.name)
	}
	sort.Strings(t.order)
	return t, nil
}

func (t *commandTable) names() []string { return append([]string(nil), t.order...) }
