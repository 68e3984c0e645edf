package awscli

import (
	"regexp"
	"strings"

	"github.com/connectlite/connectlite/internal/awsmodel"
)

// shape is a model shape as botocore presents it to the aws CLI: the
// target shape with the traits of the reference that reached it (a member's
// documentation and location override the shape's).
type shape struct {
	*awsmodel.Shape
	ref   *awsmodel.ShapeRef // nil for an operation's input or output
	model *awsmodel.Model
}

// resolve returns the shape ref points to.
func resolve(m *awsmodel.Model, ref *awsmodel.ShapeRef) shape {
	return shape{Shape: m.Shapes[ref.Shape], ref: ref, model: m}
}

// valid reports whether s refers to a shape.
func (s shape) valid() bool { return s.Shape != nil }

// doc is the documentation botocore gives the shape.
func (s shape) doc() string {
	if s.ref != nil && s.ref.Documentation != "" {
		return s.ref.Documentation
	}
	return s.Shape.Documentation
}

func (s shape) location() string {
	if s.ref == nil {
		return ""
	}
	return s.ref.Location
}

func (s shape) locationName() string {
	if s.ref == nil {
		return ""
	}
	return s.ref.LocationName
}

// namedShape is one member of a structure.
type namedShape struct {
	name string
	shape
}

// members returns a structure's members in model order.
func (s shape) members() []namedShape {
	out := make([]namedShape, 0, len(s.MemberOrder))
	for _, name := range s.MemberOrder {
		out = append(out, namedShape{name, resolve(s.model, s.Members[name])})
	}
	return out
}

// member returns the named member of a structure.
func (s shape) member(name string) (shape, bool) {
	ref, ok := s.Members[name]
	if !ok {
		return shape{}, false
	}
	return resolve(s.model, ref), true
}

// listMember returns the element shape of a list.
func (s shape) listMember() shape { return resolve(s.model, s.Member) }

// mapKey and mapValue return the key and value shapes of a map.
func (s shape) mapKey() shape   { return resolve(s.model, s.Key) }
func (s shape) mapValue() shape { return resolve(s.model, s.Value) }

func (s shape) isScalar() bool {
	switch s.Type {
	case "structure", "list", "map":
		return false
	}
	return true
}

// xformName is botocore's xform_name: "CreateUser" becomes "create-user"
// with sep "-". Names that already contain sep are returned unchanged.
func xformName(name, sep string) string {
	if strings.Contains(name, sep) {
		return name
	}
	if m := specialCaseRE.FindString(name); m != "" {
		name = name[:len(name)-len(m)] + sep + strings.ToLower(m)
	}
	s1 := firstCapRE.ReplaceAllString(name, "${1}"+sep+"${2}")
	// Python's re.sub does not re-scan replaced text, and neither does
	// ReplaceAllString, but Go has no overlapping matches either: the
	// patterns need one pass each, as in botocore.
	return strings.ToLower(endCapRE.ReplaceAllString(s1, "${1}"+sep+"${2}"))
}

var (
	firstCapRE    = regexp.MustCompile(`(.)([A-Z][a-z]+)`)
	endCapRE      = regexp.MustCompile(`([a-z0-9])([A-Z])`)
	specialCaseRE = regexp.MustCompile(`[A-Z]{2,}s$`)
)
