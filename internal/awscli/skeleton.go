package awscli

import (
	"strings"
)

// skeletonGenerator is botocore's ArgumentGenerator: a sample value of a
// shape, one element per list, "KeyName" per map, recursion cut after the
// second visit of a structure. With memberNames, strings hold their member
// name (the output skeleton); otherwise they are "" or, for an enum, its
// first value (botocore picks one at random).
type skeletonGenerator struct {
	memberNames bool
	yaml        bool // the yaml-input skeleton: comments, datetimes as YAML
	stack       []string
}

func (g *skeletonGenerator) generate(s shape, name string) any {
	g.stack = append(g.stack, s.Name)
	defer func() { g.stack = g.stack[:len(g.stack)-1] }()
	switch s.Type {
	case "structure":
		count := 0
		for _, n := range g.stack {
			if n == s.Name {
				count++
			}
		}
		if count > 1 {
			return NewObject()
		}
		o := NewObject()
		comments := map[string]string{}
		for _, m := range s.members() {
			o.Set(m.name, g.generate(m.shape, m.name))
			if g.yaml {
				comments[m.name] = skeletonComment(m, s.IsRequired(m.name))
			}
		}
		if g.yaml {
			return &commentedObject{Object: o, comments: comments}
		}
		return o
	case "list":
		elemName := ""
		if g.memberNames {
			elemName = s.listMember().Name
		}
		return []any{g.generate(s.listMember(), elemName)}
	case "map":
		o := NewObject()
		o.Set("KeyName", g.generate(s.mapValue(), ""))
		return o
	case "string":
		if g.memberNames {
			return name
		}
		if len(s.Enum) > 0 {
			return s.Enum[0]
		}
		return ""
	case "integer", "long":
		return int64(0)
	case "float", "double":
		return 0.0
	case "boolean":
		return true
	case "timestamp":
		if g.yaml {
			return yamlTimestamp("1970-01-01 00:00:00")
		}
		return "1970-01-01T00:00:00"
	case "blob":
		return ""
	}
	return nil
}

// yamlTimestamp is a datetime in a YAML document, written bare.
type yamlTimestamp string

// skeletonComment is the end-of-line comment of a member in the
// yaml-input skeleton: [REQUIRED], the first sentence of its
// documentation and its enum values.
func skeletonComment(m namedShape, required bool) string {
	var parts []string
	if required {
		parts = append(parts, "[REQUIRED]")
	}
	if overview := docOverview(m.doc()); overview != "" {
		parts = append(parts, overview)
	}
	if len(m.Enum) > 0 {
		parts = append(parts, "Valid values are: "+strings.Join(m.Enum, ", ")+".")
	}
	c := strings.Join(parts, " ")
	if strings.TrimSpace(c) == "" {
		return ""
	}
	return "# " + c
}

// docOverview is the first sentence of a member's documentation, as plain
// text on one line.
func docOverview(html string) string {
	text := strings.Join(strings.Fields(htmlToText(html)), " ")
	if i := strings.Index(text, ". "); i >= 0 {
		text = text[:i+1]
	}
	return text
}

func inputSkeleton(op *opCommand) any {
	if !op.input.valid() {
		return NewObject()
	}
	g := &skeletonGenerator{}
	return g.generate(op.input, "")
}

func outputSkeleton(op *opCommand) *Object {
	if !op.output.valid() {
		return NewObject()
	}
	g := &skeletonGenerator{memberNames: true}
	o, _ := g.generate(op.output, "").(*Object)
	return o
}

func yamlInputSkeleton(op *opCommand) string {
	if !op.input.valid() {
		return "{}\n"
	}
	g := &skeletonGenerator{yaml: true}
	return emitYAML(g.generate(op.input, ""), true)
}
