package awscli

import (
	"math"
	"reflect"
	"sort"

	jmespath "github.com/jmespath-community/go-jmespath"
	"github.com/jmespath-community/go-jmespath/pkg/functions"
	"github.com/jmespath-community/go-jmespath/pkg/parsing"
)

// query is a compiled --query expression. The JMESPath library works on
// map[string]any and float64, so search converts our ordered values in
// and out, restoring what Python's jmespath keeps: the key order of
// objects taken from the response, the order of multi-select hashes as
// written in the expression, and integers.
type query struct {
	text   string
	hashes [][]string // key lists of the expression's multi-select hashes
}

func compileQuery(expr string) (*query, error) {
	if _, err := jmespath.Compile(expr); err != nil {
		return nil, err
	}
	ast, err := parsing.NewParser().Parse(expr)
	if err != nil {
		return nil, err
	}
	q := &query{text: expr}
	var walk func(n parsing.ASTNode)
	walk = func(n parsing.ASTNode) {
		if n.NodeType == parsing.ASTMultiSelectHash {
			var keys []string
			for _, c := range n.Children {
				if k, ok := c.Value.(string); ok {
					keys = append(keys, k)
				}
			}
			q.hashes = append(q.hashes, keys)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(ast)
	return q, nil
}

// queryState remembers, while one search runs, where the library's values
// came from: a map or slice the library returns unchanged stands for the
// object or list it was made from, which is returned as it was.
type queryState struct {
	objs   map[uintptr]*Object  // maps made from objects, by identity
	lists  map[listID]madeList  // slices made from lists, by identity
	made   map[uintptr][]string // key order of maps our functions made
	order  [][]string           // key orders of all objects met
	ints   map[float64]bool     // numbers that were integers
	floats map[float64]bool     // numbers that were floats
}

// madeList is a list and a snapshot of the slice made from it: functions
// such as sort_by sort the slice in place, so identity alone is not proof.
type madeList struct {
	orig  []any
	plain []any
}

type listID struct {
	data uintptr
	n    int
}

func sliceID(l []any) listID { return listID{reflect.ValueOf(l).Pointer(), len(l)} }

func (q *query) search(v any) (any, error) {
	st := &queryState{objs: map[uintptr]*Object{}, lists: map[listID]madeList{}, made: map[uintptr][]string{}, ints: map[float64]bool{}, floats: map[float64]bool{}}
	// keys(), values() and merge() follow the objects' key order, as
	// Python's dicts do; the library's versions iterate Go maps.
	obj := []functions.ArgSpec{{Types: []functions.JpType{functions.JpObject}}}
	// The library's sort_by sorts its argument in place, which would
	// change the data for the rest of the expression; sort a copy.
	var sortBy functions.FunctionEntry
	for _, f := range functions.GetDefaultFunctions() {
		if f.Name == "sort_by" {
			sortBy = f
			inner := f.Handler
			sortBy.Handler = func(args []any) (any, error) {
				args = append([]any(nil), args...)
				if l, ok := args[0].([]any); ok {
					args[0] = append([]any(nil), l...)
				}
				return inner(args)
			}
		}
	}
	compiled, err := jmespath.Compile(q.text, sortBy,
		functions.FunctionEntry{Name: "keys", Arguments: obj, Handler: func(args []any) (any, error) {
			m := args[0].(map[string]any)
			out := []any{}
			for _, k := range st.keysOf(m) {
				out = append(out, k)
			}
			return out, nil
		}},
		functions.FunctionEntry{Name: "values", Arguments: obj, Handler: func(args []any) (any, error) {
			m := args[0].(map[string]any)
			out := []any{}
			for _, k := range st.keysOf(m) {
				out = append(out, m[k])
			}
			return out, nil
		}},
		functions.FunctionEntry{Name: "merge", Arguments: []functions.ArgSpec{{Types: []functions.JpType{functions.JpObject}, Variadic: true}}, Handler: func(args []any) (any, error) {
			out := map[string]any{}
			var order []string
			for _, a := range args {
				m := a.(map[string]any)
				for _, k := range st.keysOf(m) {
					if _, ok := out[k]; !ok {
						order = append(order, k)
					}
					out[k] = m[k]
				}
			}
			st.made[mapID(out)] = order
			return out, nil
		}},
	)
	if err != nil {
		return nil, err
	}
	res, err := compiled.Search(st.toPlain(v))
	if err != nil {
		return nil, err
	}
	return st.fromPlain(res, q.hashes), nil
}

func mapID(m map[string]any) uintptr { return reflect.ValueOf(m).Pointer() }

func (st *queryState) toPlain(v any) any {
	switch x := v.(type) {
	case *Object:
		m := make(map[string]any, x.Len())
		for _, k := range x.Keys() {
			mv, _ := x.Get(k)
			m[k] = st.toPlain(mv)
		}
		st.objs[mapID(m)] = x
		st.order = append(st.order, x.Keys())
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = st.toPlain(e)
		}
		if len(l) > 0 {
			st.lists[sliceID(l)] = madeList{orig: x, plain: append([]any(nil), l...)}
		}
		return l
	case int64:
		f := float64(x)
		st.ints[f] = true
		return f
	case float64:
		st.floats[x] = true
		return x
	case []byte:
		return base64Std(x)
	}
	return v
}

func (st *queryState) fromPlain(v any, hashes [][]string) any {
	switch x := v.(type) {
	case map[string]any:
		if o, ok := st.objs[mapID(x)]; ok {
			return deepCopy(o)
		}
		keys := st.made[mapID(x)]
		if keys == nil {
			for _, h := range hashes {
				if sameKeys(h, x) {
					keys = h
					break
				}
			}
		}
		if keys == nil {
			keys = st.likelyOrder(x)
		}
		o := NewObject()
		for _, k := range keys {
			o.Set(k, st.fromPlain(x[k], hashes))
		}
		return o
	case []any:
		if len(x) > 0 {
			if l, ok := st.lists[sliceID(x)]; ok && samePlain(l.plain, x) {
				return deepCopy(l.orig)
			}
		}
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = st.fromPlain(e, hashes)
		}
		return l
	case float64:
		// A copied or computed number: whole numbers are integers unless
		// only floats of the input had that value.
		if x == math.Trunc(x) && !math.IsInf(x, 0) && math.Abs(x) < 1<<53 && (st.ints[x] || !st.floats[x]) {
			return int64(x)
		}
		return x
	case int:
		return int64(x)
	}
	return v
}

// keysOf returns a map's keys in the order of the object it came from.
func (st *queryState) keysOf(m map[string]any) []string {
	if o, ok := st.objs[mapID(m)]; ok {
		return o.Keys()
	}
	if keys, ok := st.made[mapID(m)]; ok {
		return keys
	}
	return st.likelyOrder(m)
}

// likelyOrder orders the keys of a map the library made (merge(), for
// one): the keys of the largest object whose keys it contains first, in
// that object's order, then the others sorted.
func (st *queryState) likelyOrder(m map[string]any) []string {
	var best []string
	for _, keys := range st.order {
		if len(keys) <= len(best) {
			continue
		}
		contained := true
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				contained = false
				break
			}
		}
		if contained {
			best = keys
		}
	}
	seen := map[string]bool{}
	out := append([]string(nil), best...)
	for _, k := range best {
		seen[k] = true
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// samePlain reports whether two library slices hold the same elements,
// comparing maps and slices by identity.
func samePlain(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		switch x := a[i].(type) {
		case map[string]any:
			y, ok := b[i].(map[string]any)
			if !ok || mapID(x) != mapID(y) {
				return false
			}
		case []any:
			y, ok := b[i].([]any)
			if !ok || sliceID(x) != sliceID(y) {
				return false
			}
		default:
			if a[i] != b[i] {
				return false
			}
		}
	}
	return true
}

func sameKeys(keys []string, m map[string]any) bool {
	if len(keys) != len(m) {
		return false
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}
