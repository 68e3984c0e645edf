package awscli

import (
	"fmt"
	"strconv"
	"strings"
)

// The aws CLI parses its command line with Python's argparse, in two
// stages (global options, then the operation's options), both with
// parse_known_args and prefix abbreviations. This file reimplements the
// part of argparse those parsers use, so that abbreviations, ambiguous
// prefixes, values that look like options and the error messages behave
// the same.

// nargs says how many values an option takes.
type nargs int

const (
	nargsOne        nargs = iota // exactly one value
	nargsZero                    // a flag (store_true, store_false, store_const)
	nargsOptional                // "?": zero or one value
	nargsZeroOrMore              // "*"
	nargsOneOrMore               // "+"
)

// argAction is one option or positional of a parser.
type argAction struct {
	dest     string   // key in the parsed namespace
	options  []string // option strings; empty for a positional
	nargs    nargs
	constVal any // value stored by a flag, or by "?" given without a value
	def      any // value when the option is absent
	choices  []string
	required bool
	// convert turns a string into the option's type; typeName names the
	// type in argparse's "invalid int value" message.
	convert  func(string) (any, error)
	typeName string
	metavar  string // name of a positional in messages
}

// argError is an error argparse reports with the usage text, exiting 2.
type argError struct{ msg string }

func (e *argError) Error() string { return e.msg }

// argParser is an argparse.ArgumentParser with allow_abbrev and
// parse_known_args.
type argParser struct {
	actions     []*argAction
	byOption    map[string]*argAction
	optionOrder []string // option strings in the order they were added
	positionals []*argAction
	// choiceError formats an invalid choice; the aws CLI replaces
	// argparse's message with its own table of choices.
	choiceError func(a *argAction, value string) string
}

func newArgParser() *argParser {
	return &argParser{byOption: map[string]*argAction{}, choiceError: awsChoiceError}
}

// add registers a; a later option with the same string replaces the
// earlier one (conflict_handler="resolve").
func (p *argParser) add(a *argAction) {
	if len(a.options) == 0 {
		p.positionals = append(p.positionals, a)
		p.actions = append(p.actions, a)
		return
	}
	for _, o := range a.options {
		if old, ok := p.byOption[o]; ok {
			p.removeOption(old, o)
			for i, s := range p.optionOrder {
				if s == o {
					p.optionOrder = append(p.optionOrder[:i:i], p.optionOrder[i+1:]...)
					break
				}
			}
		}
		p.optionOrder = append(p.optionOrder, o)
		p.byOption[o] = a
	}
	p.actions = append(p.actions, a)
}

func (p *argParser) removeOption(a *argAction, o string) {
	var kept []string
	for _, s := range a.options {
		if s != o {
			kept = append(kept, s)
		}
	}
	a.options = kept
	if len(kept) == 0 {
		for i, x := range p.actions {
			if x == a {
				p.actions = append(p.actions[:i:i], p.actions[i+1:]...)
				break
			}
		}
	}
}

// optionMatch is the result of classifying one command-line string.
type optionMatch struct {
	action      *argAction // nil for an unknown option
	option      string
	explicitArg *string
}

// parseOptional is argparse's _parse_optional: it returns nil when s is a
// positional value.
func (p *argParser) parseOptional(s string) (*optionMatch, error) {
	if s == "" || s[0] != '-' {
		return nil, nil
	}
	if a, ok := p.byOption[s]; ok {
		return &optionMatch{action: a, option: s}, nil
	}
	if len(s) == 1 {
		return nil, nil
	}
	if opt, arg, ok := strings.Cut(s, "="); ok {
		if a, ok := p.byOption[opt]; ok {
			return &optionMatch{action: a, option: opt, explicitArg: &arg}, nil
		}
	}
	tuples := p.optionTuples(s)
	if len(tuples) > 1 {
		names := make([]string, len(tuples))
		for i, t := range tuples {
			names[i] = t.option
		}
		return nil, &argError{fmt.Sprintf("ambiguous option: %s could match %s", s, strings.Join(names, ", "))}
	}
	if len(tuples) == 1 {
		return &tuples[0], nil
	}
	if isNegativeNumber(s) {
		return nil, nil
	}
	if strings.Contains(s, " ") {
		return nil, nil
	}
	return &optionMatch{option: s}, nil
}

// optionTuples lists the options s abbreviates (_get_option_tuples).
func (p *argParser) optionTuples(s string) []optionMatch {
	var out []optionMatch
	if strings.HasPrefix(s, "--") {
		prefix, arg, hasArg := strings.Cut(s, "=")
		for _, o := range p.optionOrder {
			if strings.HasPrefix(o, prefix) {
				m := optionMatch{action: p.byOption[o], option: o}
				if hasArg {
					a := arg
					m.explicitArg = &a
				}
				out = append(out, m)
			}
		}
		return out
	}
	short, shortArg := s[:2], s[2:]
	for _, o := range p.optionOrder {
		if o == short {
			a := shortArg
			out = append(out, optionMatch{action: p.byOption[o], option: o, explicitArg: &a})
		} else if strings.HasPrefix(o, s) {
			out = append(out, optionMatch{action: p.byOption[o], option: o})
		}
	}
	return out
}

func isNegativeNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	body := s[1:]
	allDigits := func(t string) bool {
		for _, c := range t {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	if allDigits(body) {
		return true
	}
	intPart, frac, ok := strings.Cut(body, ".")
	return ok && frac != "" && allDigits(intPart) && allDigits(frac)
}

// parsed is the namespace argparse returns.
type parsed map[string]any

func (n parsed) str(k string) (string, bool) {
	s, ok := n[k].(string)
	return s, ok
}

// parseKnownArgs parses args, returning the namespace and the strings it
// did not recognise, in order.
func (p *argParser) parseKnownArgs(args []string) (parsed, []string, error) {
	ns := parsed{}
	for _, a := range p.actions {
		if _, ok := ns[a.dest]; !ok {
			ns[a.dest] = a.def
		}
	}
	// Classify every string first, as argparse does: 'O' for an option,
	// 'A' for a value; everything after "--" is a value.
	matches := make([]*optionMatch, len(args))
	var pattern strings.Builder
	var optionIndices []int
	rest := false
	for i, s := range args {
		if rest {
			pattern.WriteByte('A')
			continue
		}
		if s == "--" {
			pattern.WriteByte('-')
			rest = true
			continue
		}
		m, err := p.parseOptional(s)
		if err != nil {
			return nil, nil, err
		}
		if m == nil {
			pattern.WriteByte('A')
			continue
		}
		matches[i] = m
		optionIndices = append(optionIndices, i)
		pattern.WriteByte('O')
	}
	pat := pattern.String()

	var extras []string
	seen := map[*argAction]bool{}
	positionals := p.positionals

	take := func(a *argAction, values []string, option string) error {
		seen[a] = true
		v, err := p.values(a, values, option != "")
		if err != nil {
			return err
		}
		ns[a.dest] = v
		return nil
	}

	consumeOptional := func(start int) (int, error) {
		m := matches[start]
		if m.action == nil {
			extras = append(extras, args[start])
			return start + 1, nil
		}
		a := m.action
		if m.explicitArg != nil {
			if a.nargs == nargsZero {
				return 0, &argError{fmt.Sprintf("argument %s: ignored explicit argument %s", actionName(a), pyStringRepr(*m.explicitArg))}
			}
			return start + 1, take(a, []string{*m.explicitArg}, m.option)
		}
		n, ok := matchNargs(a.nargs, pat[start+1:])
		if !ok {
			return 0, &argError{fmt.Sprintf("argument %s: %s", actionName(a), nargsError(a.nargs))}
		}
		vals := valuesOf(args[start+1:start+1+n], pat[start+1:start+1+n])
		return start + 1 + n, take(a, vals, m.option)
	}

	consumePositionals := func(start int) (int, error) {
		counts := matchPartial(positionals, pat[start:])
		for i, n := range counts {
			a := positionals[i]
			vals := valuesOf(args[start:start+n], pat[start:start+n])
			if err := take(a, vals, ""); err != nil {
				return 0, err
			}
			start += n
		}
		positionals = positionals[len(counts):]
		return start, nil
	}

	start := 0
	maxOption := -1
	if len(optionIndices) > 0 {
		maxOption = optionIndices[len(optionIndices)-1]
	}
	for start <= maxOption {
		next := -1
		for _, i := range optionIndices {
			if i >= start {
				next = i
				break
			}
		}
		if start != next {
			end, err := consumePositionals(start)
			if err != nil {
				return nil, nil, err
			}
			if end > start {
				start = end
				continue
			}
			start = end
		}
		if !isIndexIn(start, optionIndices) {
			extras = append(extras, args[start:next]...)
			start = next
		}
		var err error
		if start, err = consumeOptional(start); err != nil {
			return nil, nil, err
		}
	}
	stop, err := consumePositionals(start)
	if err != nil {
		return nil, nil, err
	}
	extras = append(extras, args[stop:]...)

	var missing []string
	for _, a := range p.actions {
		if a.required && !seen[a] {
			missing = append(missing, actionName(a))
		}
	}
	if len(missing) > 0 {
		return nil, nil, &argError{"the following arguments are required: " + strings.Join(missing, ", ")}
	}
	return ns, extras, nil
}

func isIndexIn(i int, list []int) bool {
	for _, x := range list {
		if x == i {
			return true
		}
	}
	return false
}

// valuesOf drops the "--" markers from a slice of arguments.
func valuesOf(args []string, pat string) []string {
	var out []string
	for i, s := range args {
		if pat[i] == 'A' {
			out = append(out, s)
		}
	}
	return out
}

// matchNargs returns how many strings of pat (counting "--" markers) the
// nargs pattern consumes from its start.
func matchNargs(n nargs, pat string) (int, bool) {
	i := 0
	skipDashes := func() {
		for i < len(pat) && pat[i] == '-' {
			i++
		}
	}
	switch n {
	case nargsZero:
		skipDashes()
		return i, true
	case nargsOne:
		skipDashes()
		if i >= len(pat) || pat[i] != 'A' {
			return 0, false
		}
		i++
		skipDashes()
		return i, true
	case nargsOptional:
		skipDashes()
		if i < len(pat) && pat[i] == 'A' {
			i++
		}
		skipDashes()
		return i, true
	case nargsZeroOrMore:
		for i < len(pat) && (pat[i] == 'A' || pat[i] == '-') {
			i++
		}
		return i, true
	case nargsOneOrMore:
		skipDashes()
		if i >= len(pat) || pat[i] != 'A' {
			return 0, false
		}
		for i < len(pat) && (pat[i] == 'A' || pat[i] == '-') {
			i++
		}
		return i, true
	}
	return 0, false
}

// matchPartial matches as many positionals as possible against pat, as
// argparse's _match_arguments_partial does (the regex of all of them
// together, dropping the last one until it matches).
func matchPartial(ps []*argAction, pat string) []int {
	for k := len(ps); k > 0; k-- {
		if counts, ok := matchSequence(ps[:k], pat); ok {
			return counts
		}
	}
	return nil
}

// matchSequence matches the positionals in order from the start of pat,
// each greedily, backtracking like a regular expression would.
func matchSequence(ps []*argAction, pat string) ([]int, bool) {
	if len(ps) == 0 {
		return nil, true
	}
	// The candidate lengths for the first positional, longest first.
	var cands []int
	maxLen := len(pat)
	for n := maxLen; n >= 0; n-- {
		if fitsNargs(ps[0].nargs, pat[:n]) {
			cands = append(cands, n)
		}
	}
	for _, n := range cands {
		if rest, ok := matchSequence(ps[1:], pat[n:]); ok {
			return append([]int{n}, rest...), true
		}
	}
	return nil, false
}

// fitsNargs reports whether the whole of seg matches the nargs pattern.
func fitsNargs(n nargs, seg string) bool {
	as := strings.Count(seg, "A")
	if strings.Trim(seg, "A-") != "" {
		return false
	}
	switch n {
	case nargsOne:
		return as == 1 && (len(seg) == 1 || strings.Trim(seg, "-") == "A")
	case nargsOptional:
		return as <= 1 && (as == 0 || strings.Trim(seg, "-") == "A")
	case nargsZeroOrMore:
		return true
	case nargsOneOrMore:
		return as >= 1 && strings.TrimLeft(seg, "-")[0] == 'A'
	case nargsZero:
		return as == 0
	}
	return false
}

func nargsError(n nargs) string {
	switch n {
	case nargsOptional:
		return "expected at most one argument"
	case nargsOneOrMore:
		return "expected at least one argument"
	default:
		return "expected one argument"
	}
}

// actionName names an action in messages (_get_action_name).
func actionName(a *argAction) string {
	if len(a.options) > 0 {
		return strings.Join(a.options, "/")
	}
	if a.metavar != "" {
		return a.metavar
	}
	return a.dest
}

// values converts the strings given to a (_get_values).
func (p *argParser) values(a *argAction, vals []string, isOption bool) (any, error) {
	conv := func(s string) (any, error) {
		if a.convert == nil {
			return s, nil
		}
		v, err := a.convert(s)
		if err != nil {
			return nil, &argError{fmt.Sprintf("argument %s: invalid %s value: %s", actionName(a), a.typeName, pyStringRepr(s))}
		}
		return v, nil
	}
	check := func(s string) error {
		if len(a.choices) == 0 {
			return nil
		}
		for _, c := range a.choices {
			if c == s {
				return nil
			}
		}
		return &argError{fmt.Sprintf("argument %s: %s", actionName(a), p.choiceError(a, s))}
	}
	switch a.nargs {
	case nargsZero:
		return a.constVal, nil
	case nargsOptional:
		if len(vals) == 0 {
			if isOption {
				return a.constVal, nil
			}
			return a.def, nil
		}
		fallthrough
	case nargsOne:
		v, err := conv(vals[0])
		if err != nil {
			return nil, err
		}
		return v, check(vals[0])
	default:
		out := make([]any, 0, len(vals))
		for _, s := range vals {
			v, err := conv(s)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		for _, s := range vals {
			if err := check(s); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
}

// awsChoiceError is the aws CLI's message for an invalid choice
// (CLIArgParser._check_value): the choices two to a line, then close
// matches.
func awsChoiceError(a *argAction, value string) string {
	var b strings.Builder
	b.WriteString("Invalid choice, valid choices are:\n")
	lines := []string{b.String()}
	for i := 0; i < len(a.choices); i += 2 {
		var row []string
		for _, c := range a.choices[i:min(i+2, len(a.choices))] {
			row = append(row, fmt.Sprintf("%-40s", c))
		}
		lines = append(lines, strings.Join(row, " | "))
	}
	if close := closeMatches(value, a.choices, 3, 0.8); len(close) > 0 {
		lines = append(lines, fmt.Sprintf("\n\nInvalid choice: %s, maybe you meant:\n", pyStringRepr(value)))
		for _, c := range close {
			lines = append(lines, "  * "+c)
		}
	}
	return strings.Join(lines, "\n")
}

// intValue converts like Python's int() applied to a command-line string.
func intValue(s string) (any, error) {
	t := strings.TrimFunc(s, pyIsSpace)
	t = strings.ReplaceAll(t, "_", "")
	if strings.HasPrefix(t, "_") || strings.HasSuffix(t, "_") || strings.Contains(s, "__") {
		return nil, fmt.Errorf("invalid literal for int() with base 10: %s", pyStringRepr(s))
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("invalid literal for int() with base 10: %s", pyStringRepr(s))
	}
	return n, nil
}

// floatValue converts like Python's float().
func floatValue(s string) (any, error) {
	t := strings.ToLower(strings.TrimFunc(s, pyIsSpace))
	switch strings.TrimLeft(t, "+-") {
	case "inf", "infinity", "nan":
		f, _ := strconv.ParseFloat(t, 64)
		return f, nil
	}
	if strings.HasPrefix(strings.TrimLeft(t, "+-"), "0x") {
		return nil, fmt.Errorf("could not convert string to float: %s", pyStringRepr(s))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return nil, fmt.Errorf("could not convert string to float: %s", pyStringRepr(s))
	}
	return f, nil
}
