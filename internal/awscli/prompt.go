package awscli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/term"
)

// --cli-auto-prompt: a terminal dialogue that asks for the operation (when
// none was given) and walks its parameters, required ones first, showing
// each one's documentation, constraints, enum choices (Tab completes them)
// and shorthand and JSON syntax, checks every answer with the same parser
// the command line uses, and finally runs the assembled command or prints
// it.

// errNotTerminal is the message when standard input is not a terminal.
const errNotTerminal = "--cli-auto-prompt needs an interactive terminal, but standard input is not a terminal; run the command without --cli-auto-prompt, or from a terminal"

type promptIO struct {
	io.Reader
	io.Writer
}

func (c *Command) autoPrompt(ctx context.Context, cmds *commandTable, op *opCommand, g *globals, globalArgs, args []string) error {
	f, ok := c.Stdin.(interface{ Fd() uintptr })
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &cliError{msg: errNotTerminal, code: 255, style: "plain"}
	}
	fd := int(f.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return exception("--cli-auto-prompt: %v", err)
	}
	restored := false
	restore := func() {
		if !restored {
			_ = term.Restore(fd, state)
			restored = true
		}
	}
	defer restore()
	t := term.NewTerminal(promptIO{c.Stdin, c.Stdout}, "")
	p := &prompter{t: t}

	if op == nil {
		name, err := p.chooseOperation(cmds)
		if err != nil {
			return p.abort(err)
		}
		op = cmds.byName[name]
	}
	final, run, err := p.walk(op, c, args)
	if err != nil {
		return p.abort(err)
	}
	command := c.prog() + " " + op.name
	for _, a := range append(append([]string(nil), globalArgs...), final...) {
		command += " " + shellQuote(a)
	}
	restore()
	if !run {
		fmt.Fprintln(c.Stdout, command)
		return nil
	}
	fmt.Fprintln(c.Stdout, command)
	return c.runOperation(ctx, op, g, final)
}

// prompter asks questions on the terminal.
type prompter struct{ t *term.Terminal }

var errAborted = errors.New("aborted")

func (p *prompter) abort(err error) error {
	if errors.Is(err, errAborted) || errors.Is(err, io.EOF) {
		p.t.SetPrompt("")
		fmt.Fprint(p.t, "\nAborted.\n")
		return &ExitError{Code: 130}
	}
	return err
}

func (p *prompter) say(format string, args ...any) {
	fmt.Fprintf(p.t, format, args...)
}

// ask reads one line, offering completions from choices on Tab.
func (p *prompter) ask(prompt string, choices []string) (string, error) {
	p.t.SetPrompt(prompt)
	if len(choices) > 0 {
		p.t.AutoCompleteCallback = func(line string, pos int, key rune) (string, int, bool) {
			if key != '\t' {
				return "", 0, false
			}
			var hits []string
			for _, c := range choices {
				if strings.HasPrefix(c, line) {
					hits = append(hits, c)
				}
			}
			if len(hits) == 1 {
				return hits[0], len(hits[0]), true
			}
			if len(hits) > 1 {
				common := hits[0]
				for _, h := range hits[1:] {
					for !strings.HasPrefix(h, common) {
						common = common[:len(common)-1]
					}
				}
				return common, len(common), true
			}
			return "", 0, false
		}
	} else {
		p.t.AutoCompleteCallback = nil
	}
	line, err := p.t.ReadLine()
	p.t.AutoCompleteCallback = nil
	return strings.TrimSpace(line), err
}

func (p *prompter) chooseOperation(cmds *commandTable) (string, error) {
	p.say("Operations: %s\n", strings.Join(cmds.names(), ", "))
	for {
		name, err := p.ask("operation (Tab completes)> ", cmds.names())
		if err != nil {
			return "", err
		}
		if _, ok := cmds.byName[name]; ok {
			return name, nil
		}
		p.say("Unknown operation %q.\n", name)
	}
}

// walk asks for the parameters the command line did not give and returns
// the operation's full argument list and whether to run it.
func (p *prompter) walk(op *opCommand, c *Command, given []string) ([]string, bool, error) {
	final := append([]string(nil), given...)
	ns, _, err := op.parser(true).parseKnownArgs(given)
	if err != nil {
		ns = parsed{}
	}
	var required, optional []*cliArg
	for _, a := range op.args {
		if a.negative || a.undocumented {
			continue
		}
		switch a.kind {
		case kindMember, kindList, kindBool:
		default:
			continue
		}
		if ns[a.dest()] != nil {
			continue
		}
		if a.required {
			required = append(required, a)
		} else {
			optional = append(optional, a)
		}
	}
	p.say("%s: %s\n\n", op.name, docOverview(op.op.Documentation))
	for _, a := range required {
		vals, err := p.askArg(op, c, a, true)
		if err != nil {
			return nil, false, err
		}
		final = append(final, vals...)
	}
	if len(optional) > 0 {
		ans, err := p.ask(fmt.Sprintf("Set optional parameters too (%d; Enter skips each)? [y/N] ", len(optional)), []string{"yes", "no"})
		if err != nil {
			return nil, false, err
		}
		if strings.HasPrefix(strings.ToLower(ans), "y") {
			for _, a := range optional {
				vals, err := p.askArg(op, c, a, false)
				if err != nil {
					return nil, false, err
				}
				final = append(final, vals...)
			}
		}
	}
	for {
		p.say("\n%s %s\n", op.name, strings.Join(quoteAll(final), " "))
		ans, err := p.ask("Run this command? [Y]es, [n]o, [p]rint it only: ", []string{"yes", "no", "print"})
		if err != nil {
			return nil, false, err
		}
		switch strings.ToLower(ans) {
		case "", "y", "yes":
			return final, true, nil
		case "p", "print":
			return final, false, nil
		case "n", "no":
			return nil, false, errAborted
		}
	}
}

// askArg describes one parameter and reads its value until it parses; it
// returns the command-line words that set it (none when skipped).
func (p *prompter) askArg(op *opCommand, c *Command, a *cliArg, required bool) ([]string, error) {
	p.say("%s (%s)", a.cliName(), a.typeName())
	if required {
		p.say(" [required]")
	}
	p.say("\n")
	if d := strings.TrimSpace(htmlToText(a.doc)); d != "" {
		for _, line := range strings.Split(d, "\n") {
			if line != "" {
				p.say("  %s\n", line)
			}
		}
	}
	var choices []string
	s := a.shape
	switch {
	case a.kind == kindBool:
		p.say("  Answer yes or no")
		if !required {
			p.say(", or press Enter to leave it unset")
		}
		p.say(".\n")
		choices = []string{"yes", "no"}
	case len(s.Enum) > 0:
		p.say("  Possible values (Tab completes): %s\n", strings.Join(s.Enum, ", "))
		choices = s.Enum
	case s.Type == "list" && s.listMember().isScalar():
		if el := s.listMember(); len(el.Enum) > 0 {
			p.say("  Possible values (Tab completes): %s\n", strings.Join(el.Enum, ", "))
			choices = el.Enum
		}
		p.say("  Give one or more values separated by spaces (quote a value that contains spaces).\n")
	case !s.isScalar():
		if sh, ok := shorthandExample(s); ok && sh != "" {
			p.say("  Shorthand syntax: %s\n", strings.ReplaceAll(sh, "\n", " "))
		}
		var b strings.Builder
		jsonExample(&b, s, 0, nil)
		p.say("  JSON syntax: %s\n", strings.Join(strings.Fields(b.String()), " "))
		p.say("  A file:// reference reads the value from a file.\n")
	}
	if s.Min != nil || s.Max != nil || s.Pattern != "" {
		var parts []string
		if s.Min != nil {
			parts = append(parts, "min "+numText(*s.Min))
		}
		if s.Max != nil {
			parts = append(parts, "max "+numText(*s.Max))
		}
		if s.Pattern != "" {
			parts = append(parts, "pattern "+s.Pattern)
		}
		p.say("  Constraints: %s\n", strings.Join(parts, ", "))
	}
	for {
		line, err := p.ask(a.name+"> ", choices)
		if err != nil {
			return nil, err
		}
		if line == "" {
			if required {
				p.say("  A value is required.\n")
				continue
			}
			p.say("\n")
			return nil, nil
		}
		var words []string
		switch {
		case a.kind == kindBool:
			switch strings.ToLower(line) {
			case "y", "yes", "true":
				words = []string{a.cliName()}
			case "n", "no", "false":
				words = []string{"--no-" + a.name}
			default:
				p.say("  Answer yes or no.\n")
				continue
			}
		case a.kind == kindList:
			vals, err := shellSplit(line)
			if err != nil {
				p.say("  %v\n", err)
				continue
			}
			words = append([]string{a.cliName()}, vals...)
		default:
			words = []string{a.cliName(), line}
		}
		if err := checkArgWords(c, op, a, words); err != nil {
			p.say("  %s\n", strings.ReplaceAll(err.Error(), "\n", "\n  "))
			continue
		}
		p.say("\n")
		return words, nil
	}
}

// checkArgWords parses words as the command line would and unpacks the
// parameter's value, so the dialogue rejects what the command would.
func checkArgWords(c *Command, op *opCommand, a *cliArg, words []string) error {
	ns, rest, err := op.parser(true).parseKnownArgs(words)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected %s", strings.Join(rest, " "))
	}
	v := ns[a.dest()]
	if v == nil || a.kind == kindBool {
		return nil
	}
	return c.addMemberArg(NewObject(), a, v, c.paramFileLoader())
}

var safeWordRE = regexp.MustCompile(`^[A-Za-z0-9_@%+=:,./-]+$`)

func shellQuote(s string) string {
	if safeWordRE.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
}

func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = shellQuote(w)
	}
	return out
}

// shellSplit splits a line into words as a POSIX shell would for quoting
// (single quotes, double quotes with backslash escapes, backslashes).
func shellSplit(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case ch == ' ' || ch == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case ch == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated single quote")
			}
			cur.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case ch == '"':
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) && strings.IndexByte(`"\$`+"`", line[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(line[i])
			}
			if i >= len(line) {
				return nil, errors.New("unterminated double quote")
			}
			inWord = true
		case ch == '\\' && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
			inWord = true
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
