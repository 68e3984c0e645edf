package awscli

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// validateParams checks params against the input shape as botocore's
// ParamValidator does before every request: required members, unknown
// members, types, and minimum lengths and values (botocore checks no
// maximums, patterns or enums; the service does). It returns the report,
// one line per problem, or "" when params are valid.
func validateParams(params any, s shape) string {
	v := &paramValidator{}
	v.validate(params, s, "")
	return strings.Join(v.errors, "\n")
}

type paramValidator struct{ errors []string }

func (v *paramValidator) report(msg string) { v.errors = append(v.errors, msg) }

func displayName(name string) string {
	switch {
	case name == "":
		return "input"
	case strings.HasPrefix(name, "."):
		return name[1:]
	}
	return name
}

func (v *paramValidator) invalidType(name string, param any, valid ...string) {
	v.report(fmt.Sprintf("Invalid type for parameter %s, value: %s, type: %s, valid types: %s",
		displayName(name), pyStr(param), pyTypeName(param), strings.Join(valid, ", ")))
}

// rangeCheck reports a value under the shape's minimum.
func (v *paramValidator) rangeCheck(name string, value float64, s shape, kind string) {
	if s.Min == nil || value >= *s.Min {
		return
	}
	minText := strconv.FormatInt(int64(*s.Min), 10)
	if s.Type == "float" || s.Type == "double" {
		minText = pyFloatRepr(*s.Min)
	}
	var valText string
	if kind == "invalid length" {
		valText = strconv.FormatInt(int64(value), 10)
	}
	switch kind {
	case "invalid length":
		v.report(fmt.Sprintf("Invalid length for parameter %s, value: %s, valid min length: %s", displayName(name), valText, minText))
	default:
		v.report(fmt.Sprintf("Invalid value for parameter %s, value: %s, valid min value: %s", displayName(name), valueText(value, s), minText))
	}
}

func valueText(f float64, s shape) string {
	if s.Type == "float" || s.Type == "double" {
		return pyFloatRepr(f)
	}
	return strconv.FormatInt(int64(f), 10)
}

const (
	pyDict  = "<class 'dict'>"
	pyList  = "<class 'list'>"
	pyTuple = "<class 'tuple'>"
	pyStrT  = "<class 'str'>"
	pyIntT  = "<class 'int'>"
	pyBoolT = "<class 'bool'>"
)

func (v *paramValidator) validate(param any, s shape, name string) {
	switch s.Type {
	case "structure":
		o, ok := param.(*Object)
		if !ok {
			v.invalidType(name, param, pyDict)
			return
		}
		if s.Union {
			members := strings.Join(s.MemberOrder, ", ")
			switch {
			case o.Len() == 0:
				v.report(fmt.Sprintf("Must set one of the following keys for tagged unionstructure %s: %s.", displayName(name), members))
			case o.Len() > 1:
				v.report(fmt.Sprintf("Invalid number of parameters set for tagged union structure %s. Can only set one of the following keys: %s.", displayName(name), members))
			}
		}
		for _, r := range s.Required {
			if !o.Has(r) {
				v.report(fmt.Sprintf("Missing required parameter in %s: \"%s\"", displayName(name), r))
			}
		}
		var known []string
		for _, k := range o.Keys() {
			if _, ok := s.Members[k]; !ok {
				v.report(fmt.Sprintf("Unknown parameter in %s: \"%s\", must be one of: %s", displayName(name), k, strings.Join(s.MemberOrder, ", ")))
				continue
			}
			known = append(known, k)
		}
		for _, k := range known {
			m, _ := s.member(k)
			mv, _ := o.Get(k)
			v.validate(mv, m, name+"."+k)
		}
	case "list":
		l, ok := param.([]any)
		if !ok {
			v.invalidType(name, param, pyList, pyTuple)
			return
		}
		v.rangeCheck(name, float64(len(l)), s, "invalid length")
		for i, e := range l {
			v.validate(e, s.listMember(), fmt.Sprintf("%s[%d]", name, i))
		}
	case "map":
		o, ok := param.(*Object)
		if !ok {
			v.invalidType(name, param, pyDict)
			return
		}
		for _, k := range o.Keys() {
			mv, _ := o.Get(k)
			v.validate(k, s.mapKey(), fmt.Sprintf("%s (key: %s)", name, k))
			v.validate(mv, s.mapValue(), name+"."+k)
		}
	case "string":
		str, ok := param.(string)
		if !ok {
			v.invalidType(name, param, pyStrT)
			return
		}
		v.rangeCheck(name, float64(utf8.RuneCountInString(str)), s, "invalid length")
	case "integer", "long":
		switch x := param.(type) {
		case int64:
			v.rangeCheck(name, float64(x), s, "invalid range")
		case bool: // Python's bool is an int
			if x {
				v.rangeCheck(name, 1, s, "invalid range")
			} else {
				v.rangeCheck(name, 0, s, "invalid range")
			}
		default:
			v.invalidType(name, param, pyIntT)
		}
	case "float", "double":
		switch x := param.(type) {
		case float64:
			v.rangeCheck(name, x, s, "invalid range")
		case int64:
			v.rangeCheck(name, float64(x), s, "invalid range")
		case bool:
		default:
			v.invalidType(name, param, "<class 'float'>", "<class 'decimal.Decimal'>", pyIntT)
		}
	case "boolean":
		if _, ok := param.(bool); !ok {
			v.invalidType(name, param, pyBoolT)
		}
	case "timestamp":
		if _, err := parseTimestampInput(param); err != nil {
			v.invalidType(name, param, "<class 'datetime.datetime'>", "timestamp-string")
		}
	case "blob":
		switch param.(type) {
		case []byte, string:
		default:
			v.invalidType(name, param, "<class 'bytes'>", "<class 'bytearray'>", "file-like object")
		}
	}
}
