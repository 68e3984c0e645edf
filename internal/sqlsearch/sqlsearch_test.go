package sqlsearch

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/connectlite/connectlite"
)

func TestPrefixEnd(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ab", "ac"},
		{"a", "b"},
		{"a/", "a0"},
		{"é", "ê"},
		{"a\U0010FFFF", "b"},
		{"\U0010FFFF", ""},
		{"\uD7FF", "\uE000"},
		{"z\u00ff", "z\u0100"},
	}
	for _, tc := range tests {
		got := PrefixEnd(tc.in)
		if got != tc.want || !utf8.ValidString(got) {
			t.Errorf("PrefixEnd(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Every string that starts with the prefix sorts below the end, byte by
	// byte, and the end itself does not start with the prefix.
	for _, p := range []string{"ab", "é", "a\U0010FFFF", "x\uD7FF"} {
		end := PrefixEnd(p)
		for _, s := range []string{p, p + "\x00", p + "zzz", p + "\U0010FFFF\U0010FFFF"} {
			if !(s >= p && s < end) {
				t.Errorf("%q is outside [%q, %q)", s, p, end)
			}
		}
		if strings.HasPrefix(end, p) {
			t.Errorf("PrefixEnd(%q) = %q starts with the prefix", p, end)
		}
	}
}

var placeholder = regexp.MustCompile(`\$(\d+)`)

// TestPostgresPlaceholdersMatchArgs checks that each statement numbers its
// arguments 1..n in the order of its text, for every kind of node.
func TestPostgresPlaceholdersMatchArgs(t *testing.T) {
	v := "v"
	q := &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
		{Op: connectlite.QueryString, Field: connectlite.FieldFirstName, Match: connectlite.MatchStartsWith, Value: "ab"},
		{Op: connectlite.QueryOr, Conditions: []connectlite.UserQuery{
			{Op: connectlite.QueryString, Field: connectlite.FieldSecurityProfileID, Match: connectlite.MatchContains, Value: "sp"},
			{Op: connectlite.QueryHierarchyGroup, GroupID: "g", WithChildGroups: true},
			{Op: connectlite.QueryHierarchyGroup, GroupID: "h"},
			{Op: connectlite.QueryTag, TagKey: "k", TagValue: &v},
			{Op: connectlite.QueryTag, TagKey: "k2"},
			{Op: connectlite.QueryString, Field: connectlite.FieldResourceID, Match: connectlite.MatchExact, Value: "id"},
		}},
	}}
	joined := &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
		{Op: connectlite.QueryString, Field: connectlite.FieldRoutingProfileID, Match: connectlite.MatchExact, Value: "r"},
		{Op: connectlite.QueryTag, TagKey: "k", TagValue: &v},
		{Op: connectlite.QueryHierarchyGroup, GroupID: "g", WithChildGroups: true},
	}}
	for _, tc := range []struct {
		q     *connectlite.UserQuery
		after string
	}{
		{q, ""}, {q, `["abc","x"]`}, {joined, ""}, {joined, `["x"]`}, {&joined.Conditions[1], ""}, {&joined.Conditions[1], `["x"]`},
	} {
		q, after := tc.q, tc.after
		p, err := Build(Postgres(), "SELECT u.id", "inst", q, after, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []Statement{p.Page, p.Count} {
			m := placeholder.FindAllStringSubmatch(st.SQL, -1)
			if len(m) != len(st.Args) {
				t.Fatalf("%d placeholders, %d args: %s", len(m), len(st.Args), st.SQL)
			}
			for i, x := range m {
				if x[1] != strconv.Itoa(i+1) {
					t.Fatalf("placeholder %d is $%s: %s", i+1, x[1], st.SQL)
				}
			}
		}
		if got := p.Page.Args[len(p.Page.Args)-1]; got != 11 {
			t.Errorf("LIMIT argument = %v, want limit+1 = 11", got)
		}
		if got := p.Count.Args[len(p.Count.Args)-1]; got != connectlite.MaxSearchTotalCount {
			t.Errorf("count cap = %v, want %d", got, connectlite.MaxSearchTotalCount)
		}
	}
}

func TestOrderAndCursor(t *testing.T) {
	str := func(f connectlite.UserField, m connectlite.StringMatch) connectlite.UserQuery {
		return connectlite.UserQuery{Op: connectlite.QueryString, Field: f, Match: m, Value: "ab"}
	}
	tag := connectlite.UserQuery{Op: connectlite.QueryTag, TagKey: "k"}
	tests := []struct {
		name    string
		q       *connectlite.UserQuery
		column  string
		orderBy string
	}{
		{"All", nil, "", "ORDER BY u.id LIMIT"},
		{"UsernameIsUnique", ptr(str(connectlite.FieldUsername, connectlite.MatchStartsWith)), "u.username_key", "ORDER BY u.username_key LIMIT"},
		{"FirstName", ptr(str(connectlite.FieldFirstName, connectlite.MatchExact)), "u.first_name_key", "ORDER BY u.first_name_key, u.id LIMIT"},
		{"ContainsIsNoDriver", ptr(str(connectlite.FieldLastName, connectlite.MatchContains)), "", "ORDER BY u.id LIMIT"},
		{"AndTakesTheFirstDriver", &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
			tag, str(connectlite.FieldLastName, connectlite.MatchStartsWith), str(connectlite.FieldFirstName, connectlite.MatchStartsWith)}},
			"u.last_name_key", "ORDER BY u.last_name_key, u.id LIMIT"},
		{"TagDrivesThroughItsIndex", &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
			str(connectlite.FieldRoutingProfileID, connectlite.MatchExact), {Op: connectlite.QueryTag, TagKey: "k", TagValue: ptr("v")}}},
			"", "ORDER BY d.user_id LIMIT"},
		{"TagWithoutValueIsNoDriver", &connectlite.UserQuery{Op: connectlite.QueryTag, TagKey: "k"}, "", "ORDER BY u.id LIMIT"},
		{"NameBeatsTag", &connectlite.UserQuery{Op: connectlite.QueryAnd, Conditions: []connectlite.UserQuery{
			{Op: connectlite.QueryTag, TagKey: "k", TagValue: ptr("v")}, str(connectlite.FieldFirstName, connectlite.MatchStartsWith)}},
			"u.first_name_key", "ORDER BY u.first_name_key, u.id LIMIT"},
		{"OrHasNoDriver", &connectlite.UserQuery{Op: connectlite.QueryOr, Conditions: []connectlite.UserQuery{
			str(connectlite.FieldLastName, connectlite.MatchStartsWith), str(connectlite.FieldFirstName, connectlite.MatchStartsWith)}},
			"", "ORDER BY u.id LIMIT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Build(Postgres(), "SELECT u.id", "i", tc.q, "", 10)
			if err != nil {
				t.Fatal(err)
			}
			if p.Order.Column != tc.column || !strings.Contains(p.Page.SQL, tc.orderBy) {
				t.Fatalf("order %+v, SQL %s; want column %q and %q", p.Order, p.Page.SQL, tc.column, tc.orderBy)
			}
			// A cursor the plan issues opens the next page.
			cur := p.Cursor("ab", "id-1")
			if _, err := Build(Postgres(), "SELECT u.id", "i", tc.q, cur, 10); err != nil {
				t.Fatalf("Build(after its own cursor %s): %v", cur, err)
			}
		})
	}
	t.Run("ForeignCursors", func(t *testing.T) {
		prefix := ptr(str(connectlite.FieldFirstName, connectlite.MatchStartsWith))
		exact := ptr(str(connectlite.FieldFirstName, connectlite.MatchExact))
		for _, tc := range []struct {
			q     *connectlite.UserQuery
			after string
		}{
			{prefix, `not json`},
			{prefix, `["x"]`},          // an id-order cursor
			{nil, `["abc","x"]`},       // a key-order cursor
			{prefix, `["zz","x"]`},     // a key outside the prefix
			{exact, `["abc","x"]`},     // a key other than the value
			{prefix, `["abc","x",""]`}, // too long
		} {
			_, err := Build(SQLite(), "SELECT u.id", "i", tc.q, tc.after, 10)
			if connectlite.KindOf(err) != connectlite.KindInvalidParameter {
				t.Errorf("Build(after %s) = %v, want InvalidParameter", tc.after, err)
			}
		}
	})
}

func ptr[T any](v T) *T { return &v }
