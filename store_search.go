package connectlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// UserSearchStore answers SearchUsers. Both SQL stores translate a
// UserQuery into one parameterised statement that the database answers from
// its indexes.
type UserSearchStore interface {
	// SearchUsers returns one page of the instance's users that satisfy q (nil
	// matches every user), with their security profiles and tags. The store
	// chooses the order from the shape of q and keeps it for every page of
	// the same q; next is the opaque cursor of the following page ("" after
	// the last) and is valid only with the same q. total is the number of
	// users that match q, counted up to MaxSearchTotalCount: a larger count
	// is reported as MaxSearchTotalCount. It returns KindNotFound if the
	// instance does not exist and KindInvalidParameter if p.After is not a
	// cursor the store issued.
	SearchUsers(ctx context.Context, instanceID string, q *UserQuery, p PageRequest) (users []User, next string, total int64, err error)
}

// Limits of SearchUsers.
const (
	// MaxSearchResults is the largest MaxResults (model: MaxResult500);
	// DefaultSearchResults the page size when MaxResults is not sent.
	MaxSearchResults     = 500
	DefaultSearchResults = 100
	// MaxSearchTotalCount caps ApproximateTotalCount. Counting every match
	// of a broad prefix in a million users costs more than the page itself,
	// so stores stop counting here, as OpenSearch's track_total_hits does by
	// default (inferred: AWS documents the count only as approximate).
	MaxSearchTotalCount = 10_000
	// MaxSearchDepth bounds the nesting of OrConditions and AndConditions,
	// and MaxSearchConditions the leaf conditions of a whole request
	// (inferred: AWS documents no limit for SearchCriteria; these keep the
	// generated SQL small).
	MaxSearchDepth      = 10
	MaxSearchConditions = 100
	// MaxAttributeTagConditions and MaxAttributeHierarchyConditions are the
	// documented limits of a UserAttributeFilter.
	MaxAttributeTagConditions       = 25
	MaxAttributeHierarchyConditions = 20
)

// UserQueryOp is what a UserQuery node tests.
type UserQueryOp uint8

// The operators of a UserQuery.
const (
	QueryAnd            UserQueryOp = iota + 1 // every condition holds
	QueryOr                                    // at least one condition holds
	QueryString                                // a field matches a string
	QueryHierarchyGroup                        // the user is in a hierarchy group (or below it)
	QueryTag                                   // the user has a tag
)

// UserField is a field a StringCondition compares.
type UserField uint8

// The fields of the SearchUsers StringCondition.
const (
	FieldUsername UserField = iota + 1
	FieldFirstName
	FieldLastName
	FieldRoutingProfileID
	FieldSecurityProfileID // matches if any of the user's profiles matches
	FieldResourceID        // the user's id
)

// CaseInsensitive reports whether the field ignores letter case: the three
// name fields do, identifiers do not.
func (f UserField) CaseInsensitive() bool {
	return f == FieldUsername || f == FieldFirstName || f == FieldLastName
}

// StringMatch is the ComparisonType of a StringCondition.
type StringMatch uint8

// The comparison types of the model's StringComparisonType enum.
const (
	MatchExact      StringMatch = iota + 1 // the whole value
	MatchStartsWith                        // a prefix
	MatchContains                          // a substring
)

// UserQuery is a validated SearchUsers query: a tree of conditions over an
// instance's users, built by CompileUserSearch from the SearchCriteria and
// SearchFilter of a request. Op says which fields of a node are set.
type UserQuery struct {
	Op UserQueryOp
	// Conditions are the operands of QueryAnd and QueryOr (at least two).
	Conditions []UserQuery
	// Field, Match and Value are a QueryString. For a CaseInsensitive field
	// Value is already folded with FoldCase, the folding the stores apply to
	// the lower-cased key columns they compare it with.
	Field UserField
	Match StringMatch
	Value string
	// GroupID is the hierarchy group of a QueryHierarchyGroup;
	// WithChildGroups also matches the users of every group below it.
	GroupID         string
	WithChildGroups bool
	// TagKey and TagValue are a QueryTag; a nil TagValue matches any value.
	TagKey   string
	TagValue *string
}

// FoldCase is how SearchUsers ignores letter case: a name matches when its
// FoldCase starts with, contains or equals the FoldCase of the value. Stores
// keep FoldCase of each name in a key column.
func FoldCase(s string) string { return strings.ToLower(s) }

// Fingerprint returns a digest of q that differs for queries that match
// differently; nil has one too. Pagination tokens are bound to it, so a
// token of one query cannot continue another.
func (q *UserQuery) Fingerprint() string {
	var b strings.Builder
	q.canonical(&b)
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

// canonical writes an unambiguous text form of q.
func (q *UserQuery) canonical(b *strings.Builder) {
	if q == nil {
		b.WriteString("all")
		return
	}
	switch q.Op {
	case QueryAnd, QueryOr:
		b.WriteString(map[UserQueryOp]string{QueryAnd: "and(", QueryOr: "or("}[q.Op])
		for i := range q.Conditions {
			if i > 0 {
				b.WriteByte(',')
			}
			q.Conditions[i].canonical(b)
		}
		b.WriteByte(')')
	case QueryString:
		b.WriteString("str(" + strconv.Itoa(int(q.Field)) + "," + strconv.Itoa(int(q.Match)) + "," + strconv.Quote(q.Value) + ")")
	case QueryHierarchyGroup:
		b.WriteString("group(" + strconv.Quote(q.GroupID) + "," + strconv.FormatBool(q.WithChildGroups) + ")")
	case QueryTag:
		b.WriteString("tag(" + strconv.Quote(q.TagKey))
		if q.TagValue != nil {
			b.WriteString("," + strconv.Quote(*q.TagValue))
		}
		b.WriteByte(')')
	default:
		b.WriteString("op" + strconv.Itoa(int(q.Op)))
	}
}
