// Package sqlsearch translates a SearchUsers query (connectlite.UserQuery)
// into parameterised SQL over the users table and its child tables
// (user_security_profiles, user_tags, hierarchy_groups), which the SQLite and
// PostgreSQL stores share. A Dialect holds the little that differs.
//
// How each condition uses the schema of migration 0001:
//   - Username, FirstName, LastName compare the lower-cased key columns
//     (username_key, first_name_key, last_name_key). EXACT is an equality
//     and STARTS_WITH a range, key >= prefix AND key < successor(prefix),
//     so both are a range of the (instance_id, key) indexes. CONTAINS is a
//     substring test evaluated row by row: a scan.
//   - RoutingProfileId and resourceId compare users.routing_profile_id and
//     users.id; SecurityProfileId is an EXISTS over the user's rows of
//     user_security_profiles (a primary-key lookup per user).
//   - A hierarchy group is an equality on users.hierarchy_group_id;
//     WITH_CHILD_GROUPS takes the ids of the groups whose path starts with
//     the group's path, a range scan of hierarchy_groups_path.
//   - A tag is an EXISTS over user_tags by primary key.
//
// Pages are keyset pages, never OFFSET. One condition that every match
// satisfies (the query itself or an operand of its AND) drives the scan,
// chosen in this order:
//   - an id (resourceId EXACT): one primary-key lookup, id order;
//   - an EXACT or STARTS_WITH name condition: a range of the name's index,
//     ordered by the key column, then id, so the page stops after its last
//     row however broad the range;
//   - a tag with a value or a SecurityProfileId EXACT: the child table's
//     (instance, value, user) index, joined to users, in id order;
//   - a hierarchy group or RoutingProfileId EXACT: the users index of that
//     column, in id order.
//
// Without one the scan is the primary key in id order, each user tested
// against the whole condition: a page costs as many users as it takes to
// fill it, and ApproximateTotalCount as many as it takes to find
// connectlite.MaxSearchTotalCount matches or to reach the end.
package sqlsearch

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode"

	"github.com/connectlite/connectlite"
)

// Dialect is what differs between the SQL of the stores.
type Dialect struct {
	// Param returns the placeholder of the n-th argument, counting from 1.
	Param func(n int) string
	// Contains returns a condition that holds when needle occurs in
	// haystack, both SQL expressions, comparing bytes exactly.
	Contains func(haystack, needle string) string
	// IndexedBy returns the clause after "FROM users u" that makes the
	// database scan the index of the given users column (Order.Index), or
	// "" to leave the choice to the planner.
	IndexedBy func(column string) string
}

// SQLite is the dialect of SQLite. Its planner has no statistics (nobody
// runs ANALYZE), so it takes instance_id = ? for a selective condition and
// would rather filter the primary key of an instance's users than read a
// name index range that it must then look up in the table; INDEXED BY
// names the index the driving condition needs. (CROSS JOIN, which the
// joined drivers use, is SQLite's way of fixing the join order.)
func SQLite() Dialect {
	return Dialect{
		Param:    func(int) string { return "?" },
		Contains: func(h, n string) string { return "instr(" + h + ", " + n + ") > 0" },
		IndexedBy: func(column string) string {
			switch column {
			case "u.username_key":
				// The index of UNIQUE (instance_id, username_key), the
				// second constraint of the table in migration 0001.
				return " INDEXED BY sqlite_autoindex_users_2"
			case "u.first_name_key":
				return " INDEXED BY users_first_name"
			case "u.last_name_key":
				return " INDEXED BY users_last_name"
			case "u.routing_profile_id":
				return " INDEXED BY users_routing_profile"
			case "u.hierarchy_group_id":
				return " INDEXED BY users_hierarchy_group"
			}
			return ""
		},
	}
}

// Postgres is the dialect of PostgreSQL, whose planner has statistics.
func Postgres() Dialect {
	return Dialect{
		Param:     func(n int) string { return "$" + strconv.Itoa(n) },
		Contains:  func(h, n string) string { return "strpos(" + h + ", " + n + ") > 0" },
		IndexedBy: func(string) string { return "" },
	}
}

// Statement is SQL with its arguments.
type Statement struct {
	SQL  string
	Args []any
}

// Order is how a query's pages are scanned and sorted.
type Order struct {
	// Column is the key column ordered by before id; "" orders by id.
	// Unique says it is unique within an instance, so id breaks no ties.
	Column string
	Unique bool
	// Index is the users column whose index the scan reads ("" for the
	// primary key, or when Join is set).
	Index string
	// Join is the child table the scan reads in user id order, aliased d
	// and joined to users: "user_tags" or "user_security_profiles", or "".
	Join string
}

// Plan is one page of a SearchUsers query in SQL.
type Plan struct {
	// Page selects the caller's columns followed by the sort key (the
	// Order's column, or u.id), limit+1 rows in the order of Order.
	Page Statement
	// Count counts the matching users, up to connectlite.MaxSearchTotalCount.
	Count Statement
	Order Order
}

// Cursor returns the cursor of the page that follows a row with this sort
// key and id.
func (p *Plan) Cursor(key, id string) string {
	c := []string{id}
	if p.Order.Column != "" {
		c = []string{key, id}
	}
	b, _ := json.Marshal(c) // cannot fail: strings only
	return string(b)
}

// invalidCursor is what a cursor of another query or store gets; the
// signed tokens of the Service make it unreachable from clients.
func invalidCursor() error {
	return connectlite.Errorf(connectlite.KindInvalidParameter, "NextToken is not valid for this request")
}

// Build returns the plan of a page of q (nil matches every user) in the
// instance, after the cursor after ("" for the first page). head is the
// start of the page's SELECT list, e.g. "SELECT u.id, u.username", over the
// users table aliased u (qualify the columns: a joined driver brings a
// second table); Build appends the sort key and the rest. It returns
// KindInvalidParameter if after is not a cursor of q.
func Build(d Dialect, head, instanceID string, q *connectlite.UserQuery, after string, limit int) (*Plan, error) {
	order, drive := orderOf(q)
	page := &builder{d: d, instanceID: instanceID}
	idColumn := "u.id"
	if order.Join != "" {
		idColumn = "d.user_id"
		page.skip = drive // the join is the condition
	}
	var keyset func() string
	if after != "" {
		var c []string
		if err := json.Unmarshal([]byte(after), &c); err != nil {
			return nil, invalidCursor()
		}
		switch {
		case order.Column == "" && len(c) == 1:
			keyset = func() string { return idColumn + " > " + page.arg(c[0]) }
		case order.Column != "" && len(c) == 2:
			key, id := c[0], c[1]
			// The driving condition's lower bound gives way to the
			// cursor, so the index range starts where the last page ended;
			// the cursor's key matched it, so nothing else changes.
			page.skip = drive
			switch {
			case drive.Match == connectlite.MatchExact && key != drive.Value,
				drive.Match == connectlite.MatchStartsWith && !strings.HasPrefix(key, drive.Value):
				return nil, invalidCursor()
			case order.Unique:
				keyset = func() string { return order.Column + " > " + page.arg(key) }
			case drive.Match == connectlite.MatchExact:
				keyset = func() string { return "u.id > " + page.arg(id) }
			default:
				keyset = func() string {
					return "(" + order.Column + ", u.id) > (" + page.arg(key) + ", " + page.arg(id) + ")"
				}
			}
		default:
			return nil, invalidCursor()
		}
	}
	sortKey, orderBy := "u.id", idColumn
	switch {
	case order.Unique:
		sortKey, orderBy = order.Column, order.Column
	case order.Column != "":
		sortKey, orderBy = order.Column, order.Column+", u.id"
	}

	var sql strings.Builder
	sql.WriteString(head + ", " + sortKey + page.from(order, drive) + page.where(q))
	if keyset != nil {
		sql.WriteString(" AND " + keyset())
	}
	sql.WriteString(" ORDER BY " + orderBy + " LIMIT " + page.arg(limit+1))

	count := &builder{d: d, instanceID: instanceID}
	var countSQL string
	if order.Join != "" && q == drive {
		// The condition is the driver alone: its index has the answer.
		countSQL = "SELECT count(*) FROM (SELECT 1 FROM " + order.Join + " d WHERE " + count.driver(drive) +
			" LIMIT " + count.arg(connectlite.MaxSearchTotalCount) + ") AS matches"
	} else {
		if order.Join != "" {
			count.skip = drive
		}
		countSQL = "SELECT count(*) FROM (SELECT 1" + count.from(order, drive) + count.where(q) +
			" LIMIT " + count.arg(connectlite.MaxSearchTotalCount) + ") AS matches"
	}
	return &Plan{
		Page:  Statement{SQL: sql.String(), Args: page.args},
		Count: Statement{SQL: countSQL, Args: count.args},
		Order: order,
	}, nil
}

// orderOf picks the condition that drives q's scan (see the package
// documentation) and the order it gives; nil when the primary key does.
func orderOf(q *connectlite.UserQuery) (Order, *connectlite.UserQuery) {
	if q == nil {
		return Order{}, nil
	}
	conds := []*connectlite.UserQuery{q}
	if q.Op == connectlite.QueryAnd {
		conds = conds[:0]
		for i := range q.Conditions {
			conds = append(conds, &q.Conditions[i])
		}
	}
	str := func(c *connectlite.UserQuery, f connectlite.UserField, m connectlite.StringMatch) bool {
		return c.Op == connectlite.QueryString && c.Field == f && c.Match == m
	}
	for _, c := range conds {
		if str(c, connectlite.FieldResourceID, connectlite.MatchExact) {
			return Order{}, nil
		}
	}
	for _, c := range conds {
		if c.Op != connectlite.QueryString || c.Match == connectlite.MatchContains {
			continue
		}
		switch c.Field {
		case connectlite.FieldUsername:
			return Order{Column: "u.username_key", Unique: true, Index: "u.username_key"}, c
		case connectlite.FieldFirstName:
			return Order{Column: "u.first_name_key", Index: "u.first_name_key"}, c
		case connectlite.FieldLastName:
			return Order{Column: "u.last_name_key", Index: "u.last_name_key"}, c
		}
	}
	for _, c := range conds {
		switch {
		case c.Op == connectlite.QueryTag && c.TagValue != nil:
			return Order{Join: "user_tags"}, c
		case str(c, connectlite.FieldSecurityProfileID, connectlite.MatchExact):
			return Order{Join: "user_security_profiles"}, c
		}
	}
	for _, c := range conds {
		switch {
		case c.Op == connectlite.QueryHierarchyGroup && !c.WithChildGroups:
			return Order{Index: "u.hierarchy_group_id"}, c
		case str(c, connectlite.FieldRoutingProfileID, connectlite.MatchExact):
			return Order{Index: "u.routing_profile_id"}, c
		}
	}
	return Order{}, nil
}

// builder writes one statement's conditions, numbering its arguments in the
// order they appear in the text.
type builder struct {
	d          Dialect
	instanceID string
	args       []any
	// skip is the driving condition when the scan already applies it: a
	// joined driver, or the lower bound of a name range that a cursor
	// replaces.
	skip *connectlite.UserQuery
}

func (b *builder) arg(v any) string {
	b.args = append(b.args, v)
	return b.d.Param(len(b.args))
}

// from returns the FROM clause of the scan, up to and including WHERE and
// the join's conditions.
func (b *builder) from(o Order, drive *connectlite.UserQuery) string {
	if o.Join == "" {
		return " FROM users u" + b.d.IndexedBy(o.Index) + " WHERE "
	}
	return " FROM " + o.Join + " d CROSS JOIN users u WHERE " + b.driver(drive) +
		" AND u.instance_id = d.instance_id AND u.id = d.user_id AND "
}

// driver returns the condition of a joined driver on its table d.
func (b *builder) driver(q *connectlite.UserQuery) string {
	s := "d.instance_id = " + b.arg(b.instanceID)
	if q.Op == connectlite.QueryTag {
		return s + " AND d.key = " + b.arg(q.TagKey) + " AND d.value = " + b.arg(*q.TagValue)
	}
	return s + " AND d.security_profile_id = " + b.arg(q.Value)
}

// where returns the instance condition and q's.
func (b *builder) where(q *connectlite.UserQuery) string {
	w := "u.instance_id = " + b.arg(b.instanceID)
	if q != nil && !(q == b.skip && b.skipAll()) {
		w += " AND " + b.cond(q)
	}
	return w
}

// skipAll reports whether the skipped condition is applied in full by the
// scan (a joined driver) rather than in part (a name range's lower bound).
func (b *builder) skipAll() bool {
	return b.skip != nil && (b.skip.Op == connectlite.QueryTag || b.skip.Field == connectlite.FieldSecurityProfileID)
}

// cond returns q as an SQL condition over users u.
func (b *builder) cond(q *connectlite.UserQuery) string {
	if q == b.skip && b.skipAll() {
		return "1 = 1"
	}
	switch q.Op {
	case connectlite.QueryAnd, connectlite.QueryOr:
		sep := " AND "
		if q.Op == connectlite.QueryOr {
			sep = " OR "
		}
		parts := make([]string, len(q.Conditions))
		for i := range q.Conditions {
			parts[i] = b.cond(&q.Conditions[i])
		}
		return "(" + strings.Join(parts, sep) + ")"
	case connectlite.QueryString:
		return b.stringCond(q)
	case connectlite.QueryHierarchyGroup:
		if !q.WithChildGroups {
			return "u.hierarchy_group_id = " + b.arg(q.GroupID)
		}
		// The group and its descendants: the group's own path, and every
		// path that continues it after a '/' ('0' is the byte after '/').
		return "u.hierarchy_group_id IN (SELECT g.id FROM hierarchy_groups r JOIN hierarchy_groups g" +
			" ON g.instance_id = r.instance_id AND (g.path = r.path OR (g.path >= (r.path || '/') AND g.path < (r.path || '0')))" +
			" WHERE r.instance_id = " + b.arg(b.instanceID) + " AND r.id = " + b.arg(q.GroupID) + ")"
	case connectlite.QueryTag:
		s := "EXISTS (SELECT 1 FROM user_tags t WHERE t.instance_id = u.instance_id AND t.user_id = u.id AND t.key = " + b.arg(q.TagKey)
		if q.TagValue != nil {
			s += " AND t.value = " + b.arg(*q.TagValue)
		}
		return s + ")"
	}
	// CompileUserSearch builds no other node; match nothing rather than all.
	return "1 = 0"
}

// stringCond compares one field.
func (b *builder) stringCond(q *connectlite.UserQuery) string {
	var col string
	switch q.Field {
	case connectlite.FieldUsername:
		col = "u.username_key"
	case connectlite.FieldFirstName:
		col = "u.first_name_key"
	case connectlite.FieldLastName:
		col = "u.last_name_key"
	case connectlite.FieldRoutingProfileID:
		col = "u.routing_profile_id"
	case connectlite.FieldResourceID:
		col = "u.id"
	case connectlite.FieldSecurityProfileID:
		return "EXISTS (SELECT 1 FROM user_security_profiles p WHERE p.instance_id = u.instance_id AND p.user_id = u.id AND " +
			b.compare("p.security_profile_id", q) + ")"
	default:
		return "1 = 0"
	}
	return b.compare(col, q)
}

// compare applies q's comparison to col.
func (b *builder) compare(col string, q *connectlite.UserQuery) string {
	switch q.Match {
	case connectlite.MatchExact:
		return col + " = " + b.arg(q.Value)
	case connectlite.MatchStartsWith:
		end := PrefixEnd(q.Value)
		switch {
		case q == b.skip && end == "":
			return "1 = 1"
		case q == b.skip:
			return col + " < " + b.arg(end)
		case end == "":
			return col + " >= " + b.arg(q.Value)
		}
		return "(" + col + " >= " + b.arg(q.Value) + " AND " + col + " < " + b.arg(end) + ")"
	case connectlite.MatchContains:
		return b.d.Contains(col, b.arg(q.Value))
	}
	return "1 = 0"
}

// PrefixEnd returns the least string greater than every string that starts
// with prefix, in byte order (the order of SQLite's BINARY and
// PostgreSQL's "C" collation), or "" if there is none. It increments the
// last code point that can be incremented; UTF-8 keeps code point order, so
// the result stays valid UTF-8 and the range [prefix, PrefixEnd(prefix))
// holds exactly the strings that start with prefix.
func PrefixEnd(prefix string) string {
	r := []rune(prefix)
	for i := len(r) - 1; i >= 0; i-- {
		next := r[i] + 1
		if next == 0xD800 { // skip the surrogates, which UTF-8 cannot encode
			next = 0xE000
		}
		if next <= unicode.MaxRune {
			r[i] = next
			return string(r[:i+1])
		}
	}
	return ""
}
