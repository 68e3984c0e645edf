package awscli

import (
	"io"
	"sort"
	"strings"
)

// formatText writes v in the aws CLI's text format (awscli/text.py):
// scalars of a dict on one tab-separated line in key order, nested values
// on following lines headed by their upper-cased key.
func formatText(w io.Writer, v any) {
	var b strings.Builder
	textItem(&b, v, "", nil)
	io.WriteString(w, b.String())
}

func textItem(b *strings.Builder, item any, identifier string, scalarKeys []string) {
	switch x := item.(type) {
	case *Object:
		textDict(b, scalarKeys, x, identifier)
	case []any:
		textList(b, x, identifier)
	default:
		b.WriteString(pyStr(item))
		b.WriteString("\n")
	}
}

func textList(b *strings.Builder, l []any, identifier string) {
	if len(l) == 0 {
		return
	}
	hasDict, hasList := false, false
	for _, e := range l {
		switch e.(type) {
		case *Object:
			hasDict = true
		case []any:
			hasList = true
		}
	}
	switch {
	case hasDict:
		keys := allScalarKeys(l)
		for _, e := range l {
			textItem(b, e, identifier, keys)
		}
	case hasList:
		var scalars, others []any
		for _, e := range l {
			if isScalar(e) {
				scalars = append(scalars, e)
			} else {
				others = append(others, e)
			}
		}
		if len(scalars) > 0 {
			textScalarList(b, scalars, identifier)
		}
		for _, e := range others {
			textItem(b, e, identifier, nil)
		}
	default:
		textScalarList(b, l, identifier)
	}
}

func textScalarList(b *strings.Builder, l []any, identifier string) {
	if identifier != "" {
		for _, e := range l {
			b.WriteString(strings.ToUpper(identifier) + "\t" + pyStr(e) + "\n")
		}
		return
	}
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = pyStr(e)
	}
	b.WriteString(strings.Join(parts, "\t") + "\n")
}

func textDict(b *strings.Builder, scalarKeys []string, o *Object, identifier string) {
	var scalars []string
	type nonScalar struct {
		key string
		v   any
	}
	var others []nonScalar
	if scalarKeys == nil {
		for _, k := range sortedKeys(o) {
			v, _ := o.Get(k)
			if isScalar(v) {
				scalars = append(scalars, pyStr(v))
			} else {
				others = append(others, nonScalar{k, v})
			}
		}
	} else {
		known := map[string]bool{}
		for _, k := range scalarKeys {
			known[k] = true
			if v, ok := o.Get(k); ok {
				scalars = append(scalars, pyStr(v))
			} else {
				scalars = append(scalars, "")
			}
		}
		var rest []string
		for _, k := range o.Keys() {
			if !known[k] {
				rest = append(rest, k)
			}
		}
		sort.Strings(rest)
		for _, k := range rest {
			v, _ := o.Get(k)
			others = append(others, nonScalar{k, v})
		}
	}
	if len(scalars) > 0 {
		if identifier != "" {
			scalars = append([]string{strings.ToUpper(identifier)}, scalars...)
		}
		b.WriteString(strings.Join(scalars, "\t") + "\n")
	}
	for _, n := range others {
		textItem(b, n.v, n.key, nil)
	}
}

func allScalarKeys(l []any) []string {
	seen := map[string]bool{}
	for _, e := range l {
		o, ok := e.(*Object)
		if !ok {
			continue
		}
		for _, k := range o.Keys() {
			v, _ := o.Get(k)
			if isScalar(v) {
				seen[k] = true
			}
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
