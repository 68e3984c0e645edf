package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The operations the generator knows, by the names the CLI accepts.
const (
	OpCreateUser         = "create-user"          // CreateUser without password, SAML instance (T1)
	OpCreateUserPassword = "create-user-password" // CreateUser with password, CONNECT_MANAGED instance (T2)
	OpDescribeUser       = "describe-user"        // DescribeUser of a seeded user (T3)
	OpUpdateIdentityInfo = "update-identity-info" // UpdateUserIdentityInfo of a seeded user
	OpListUsers          = "list-users"           // ListUsers, walking the pages
	OpSearchUsers        = "search-users"         // SearchUsers, Username STARTS_WITH
	OpMix                = "mix"                  // a weighted mix of the above
)

// Operations lists the single operations in a stable order.
var Operations = []string{OpCreateUser, OpCreateUserPassword, OpDescribeUser, OpUpdateIdentityInfo, OpListUsers, OpSearchUsers}

// DefaultMix is a provisioning-and-test-suite workload: mostly reads, some
// writes, occasional listing. SearchUsers joins it with --search.
const DefaultMix = "describe-user=50,update-identity-info=20,create-user=15,list-users=5"

// BenchPassword satisfies the model's password pattern.
const BenchPassword = "BenchPass1x"

// seedDigits is the width of the index in seeded usernames; searches use a
// prefix of all but the last three digits, so each matches up to 1000 users.
const seedDigits = 7

// Instance is an instance the generator uses, with ids to create users with.
type Instance struct {
	ID                string
	SecurityProfileID string
	RoutingProfileID  string
	// EmailAllowed says whether CreateUser accepts IdentityInfo.Email here
	// (documentation disagrees for SAML instances; setup asks the server).
	EmailAllowed bool
}

// Fixture is the state operations share: the instances, the seeded users
// and the counters that keep generated usernames unique.
type Fixture struct {
	RunTag   string    // short random tag that keeps usernames of runs apart
	SAML     *Instance // users without password
	Managed  *Instance // users with password; nil if not set up
	Seeded   uint64    // users seeded as RunTag+"s"+index, index in [0, Seeded)
	ListPage int       // MaxResults of ListUsers
	// SearchPage is the MaxResults of SearchUsers.
	SearchPage int

	counter atomic.Uint64
	mu      sync.Mutex
	sample  []string // user ids of seeded users, a bounded reservoir
	seen    uint64
}

// maxSample bounds the user ids kept for DescribeUser and updates.
const maxSample = 100_000

// NewFixture returns an empty fixture with a fresh run tag.
func NewFixture() *Fixture {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	tag := make([]byte, 4)
	for i := range tag {
		tag[i] = letters[rand.IntN(26)]
		if i > 0 {
			tag[i] = letters[rand.IntN(len(letters))]
		}
	}
	return &Fixture{RunTag: string(tag), ListPage: 1000, SearchPage: 100}
}

// UseCeiling points the fixture at made-up ids, which is all the reference
// ceiling needs: it creates no instance and looks nothing up.
func (f *Fixture) UseCeiling() {
	f.SAML = &Instance{ID: newUUID(), SecurityProfileID: newUUID(), RoutingProfileID: newUUID()}
	f.Managed = f.SAML
	f.AddUser(newUUID())
}

// AddUser remembers a created user id as a target for reads and updates,
// keeping a uniform sample of at most maxSample ids.
func (f *Fixture) AddUser(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen++
	if len(f.sample) < maxSample {
		f.sample = append(f.sample, id)
		return
	}
	if j := rand.Uint64N(f.seen); j < maxSample {
		f.sample[j] = id
	}
}

// Users returns how many user ids the fixture can target.
func (f *Fixture) Users() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sample)
}

func (f *Fixture) randomUser(r *rand.Rand) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.sample) == 0 {
		return "00000000-0000-0000-0000-000000000000"
	}
	return f.sample[r.IntN(len(f.sample))]
}

// SeedUsername is the username of the seeded user with index n.
func (f *Fixture) SeedUsername(n uint64) string {
	return fmt.Sprintf("%ss%0*d", f.RunTag, seedDigits, n)
}

// newUsername returns a fresh username of at most 20 characters, the limit
// of non-SAML instances.
func (f *Fixture) newUsername(kind byte) string {
	return f.RunTag + string(kind) + strconv.FormatUint(f.counter.Add(1), 10)
}

// Worker is the state of one simulated client.
type Worker struct {
	ID   int
	Rand *rand.Rand
	// tokens holds each operation's pagination position.
	tokens map[string]string
	// throttled counts the throttling answers in a row, for the backoff.
	throttled int
}

func newWorker(id int) *Worker {
	return &Worker{ID: id, Rand: rand.New(rand.NewPCG(rand.Uint64(), uint64(id))), tokens: map[string]string{}}
}

// Op is an operation the generator can run: it builds the n-th request of a
// run for a worker and sees each successful response.
type Op struct {
	Name string
	Next func(w *Worker, n uint64) *Request
	Done func(w *Worker, req *Request, resp *Response)
}

type identityInfo struct {
	FirstName string `json:"FirstName,omitempty"`
	LastName  string `json:"LastName,omitempty"`
	Email     string `json:"Email,omitempty"`
}

type phoneConfig struct {
	PhoneType                 string `json:"PhoneType"`
	AutoAccept                bool   `json:"AutoAccept"`
	AfterContactWorkTimeLimit int32  `json:"AfterContactWorkTimeLimit"`
}

type createUserBody struct {
	Username           string        `json:"Username"`
	Password           string        `json:"Password,omitempty"`
	IdentityInfo       *identityInfo `json:"IdentityInfo,omitempty"`
	PhoneConfig        *phoneConfig  `json:"PhoneConfig,omitempty"`
	SecurityProfileIds []string      `json:"SecurityProfileIds"`
	RoutingProfileId   string        `json:"RoutingProfileId"`
}

type createUserOutput struct {
	UserId  string `json:"UserId"`
	UserArn string `json:"UserArn"`
}

type stringCondition struct {
	FieldName      string `json:"FieldName"`
	Value          string `json:"Value"`
	ComparisonType string `json:"ComparisonType"`
}

type searchCriteria struct {
	StringCondition *stringCondition `json:"StringCondition,omitempty"`
}

type searchUsersBody struct {
	InstanceId     string          `json:"InstanceId"`
	MaxResults     int             `json:"MaxResults"`
	NextToken      string          `json:"NextToken,omitempty"`
	SearchCriteria *searchCriteria `json:"SearchCriteria,omitempty"`
}

type pageOutput struct {
	NextToken string `json:"NextToken"`
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own plain structs are marshalled
	}
	return b
}

func identity(inst *Instance, first, last string) *identityInfo {
	id := &identityInfo{FirstName: first, LastName: last}
	if inst.EmailAllowed {
		id.Email = strings.ToLower(first) + "." + strings.ToLower(last) + "@example.com"
	}
	return id
}

// createUserRequest builds a CreateUser request like the documentation's
// example: names, a soft phone, one security profile, the routing profile.
func createUserRequest(inst *Instance, username, password string) *Request {
	body := createUserBody{
		Username:           username,
		Password:           password,
		IdentityInfo:       identity(inst, "Bench", "User"+username),
		PhoneConfig:        &phoneConfig{PhoneType: "SOFT_PHONE"},
		SecurityProfileIds: []string{inst.SecurityProfileID},
		RoutingProfileId:   inst.RoutingProfileID,
	}
	return &Request{Op: "CreateUser", Method: "PUT", Path: "/users/" + url.PathEscape(inst.ID), Body: mustJSON(body)}
}

func rememberUser(f *Fixture) func(*Worker, *Request, *Response) {
	return func(_ *Worker, _ *Request, resp *Response) {
		var out createUserOutput
		if json.Unmarshal(resp.Body, &out) == nil && out.UserId != "" {
			f.AddUser(out.UserId)
		}
	}
}

// SeedOp creates the n-th seeded user of the SAML instance (T1's path) and
// remembers its id.
func (f *Fixture) SeedOp() *Op {
	return &Op{
		Name: "CreateUser",
		Next: func(_ *Worker, n uint64) *Request {
			return createUserRequest(f.SAML, f.SeedUsername(n), "")
		},
		Done: rememberUser(f),
	}
}

// NewOp returns the operation named name (one of Operations or OpMix); mix
// is the weight list of OpMix, as "op=weight,...".
func (f *Fixture) NewOp(name, mix string) (*Op, error) {
	switch name {
	case OpCreateUser:
		return &Op{Name: "CreateUser", Next: func(*Worker, uint64) *Request {
			return createUserRequest(f.SAML, f.newUsername('c'), "")
		}}, nil
	case OpCreateUserPassword:
		if f.Managed == nil {
			return nil, fmt.Errorf("%s needs a CONNECT_MANAGED instance", name)
		}
		return &Op{Name: "CreateUser+password", Next: func(*Worker, uint64) *Request {
			r := createUserRequest(f.Managed, f.newUsername('p'), BenchPassword)
			r.Op = "CreateUser+password"
			return r
		}}, nil
	case OpDescribeUser:
		return &Op{Name: "DescribeUser", Next: func(w *Worker, _ uint64) *Request {
			return &Request{Op: "DescribeUser", Method: "GET",
				Path: "/users/" + url.PathEscape(f.SAML.ID) + "/" + url.PathEscape(f.randomUser(w.Rand))}
		}}, nil
	case OpUpdateIdentityInfo:
		return &Op{Name: "UpdateUserIdentityInfo", Next: func(w *Worker, n uint64) *Request {
			body := struct {
				IdentityInfo *identityInfo `json:"IdentityInfo"`
			}{identity(f.SAML, "Updated", "Name"+strconv.FormatUint(n, 10))}
			return &Request{Op: "UpdateUserIdentityInfo", Method: "POST",
				Path: "/users/" + url.PathEscape(f.SAML.ID) + "/" + url.PathEscape(f.randomUser(w.Rand)) + "/identity-info",
				Body: mustJSON(body)}
		}}, nil
	case OpListUsers:
		return &Op{Name: "ListUsers", Next: func(w *Worker, _ uint64) *Request {
			q := url.Values{"maxResults": {strconv.Itoa(f.ListPage)}}
			if t := w.tokens["ListUsers"]; t != "" {
				q.Set("nextToken", t)
			}
			return &Request{Op: "ListUsers", Method: "GET", Path: "/users-summary/" + url.PathEscape(f.SAML.ID), Query: q}
		}, Done: keepToken("ListUsers")}, nil
	case OpSearchUsers:
		return &Op{Name: "SearchUsers", Next: f.searchRequest, Done: keepToken("SearchUsers")}, nil
	case OpMix:
		return f.mixOp(mix)
	}
	return nil, fmt.Errorf("unknown operation %q (want one of %s, %s)", name, strings.Join(Operations, ", "), OpMix)
}

// searchRequest asks for the users whose name starts with a seeded prefix
// that matches up to 1000 users; a worker follows NextToken for one more
// page before it picks a new prefix.
func (f *Fixture) searchRequest(w *Worker, _ uint64) *Request {
	body := searchUsersBody{InstanceId: f.SAML.ID, MaxResults: f.SearchPage}
	prefix := w.tokens["SearchUsers/prefix"]
	if t := w.tokens["SearchUsers"]; t != "" && prefix != "" {
		body.NextToken = t
	} else {
		groups := max((f.Seeded+999)/1000, 1)
		prefix = fmt.Sprintf("%ss%0*d", f.RunTag, seedDigits-3, w.Rand.Uint64N(groups))
		w.tokens["SearchUsers/prefix"] = prefix
	}
	body.SearchCriteria = &searchCriteria{StringCondition: &stringCondition{
		FieldName: "Username", Value: prefix, ComparisonType: "STARTS_WITH"}}
	return &Request{Op: "SearchUsers", Method: "POST", Path: "/search-users", Body: mustJSON(body)}
}

// keepToken makes the worker continue from the page's NextToken, starting
// over after the last page. A search follows one NextToken per prefix.
func keepToken(op string) func(*Worker, *Request, *Response) {
	return func(w *Worker, _ *Request, resp *Response) {
		next := nextToken(resp.Body)
		if op == "SearchUsers" {
			if next == "" || w.tokens["SearchUsers/followed"] != "" {
				w.tokens[op], w.tokens["SearchUsers/followed"] = "", ""
				return
			}
			w.tokens["SearchUsers/followed"] = "1"
		}
		w.tokens[op] = next
	}
}

// nextToken finds the NextToken member of a page without decoding its items,
// which would cost the generator more than the server spends encoding them.
func nextToken(body []byte) string {
	i := bytes.LastIndex(body, []byte(`"NextToken"`))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(body[i+len(`"NextToken"`):], " \t\r\n")
	rest, ok := bytes.CutPrefix(rest, []byte(":"))
	if !ok {
		return ""
	}
	rest = bytes.TrimLeft(rest, " \t\r\n")
	if end := bytes.IndexByte(rest[min(1, len(rest)):], '"'); len(rest) > 0 && rest[0] == '"' && end >= 0 {
		var tok string
		if json.Unmarshal(rest[:end+2], &tok) == nil {
			return tok
		}
	}
	return ""
}

// ParseMix parses "op=weight,..." into weights by operation name.
func ParseMix(s string) (map[string]int, error) {
	weights := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, ws, ok := strings.Cut(part, "=")
		w, err := strconv.Atoi(ws)
		if !ok || err != nil || w < 0 {
			return nil, fmt.Errorf("mix entry %q: want op=weight with a whole weight", part)
		}
		if name == OpMix {
			return nil, fmt.Errorf("mix entry %q: a mix cannot contain itself", part)
		}
		weights[name] = w
	}
	if len(weights) == 0 {
		return nil, fmt.Errorf("empty mix")
	}
	return weights, nil
}

func (f *Fixture) mixOp(spec string) (*Op, error) {
	if spec == "" {
		spec = DefaultMix
	}
	weights, err := ParseMix(spec)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(weights))
	for name := range weights {
		names = append(names, name)
	}
	sort.Strings(names)
	type entry struct {
		op  *Op
		cum int
	}
	var entries []entry
	total := 0
	byName := map[string]*Op{}
	for _, name := range names {
		if weights[name] == 0 {
			continue
		}
		op, err := f.NewOp(name, "")
		if err != nil {
			return nil, fmt.Errorf("mix: %w", err)
		}
		total += weights[name]
		entries = append(entries, entry{op, total})
		byName[op.Name] = op
	}
	if total == 0 {
		return nil, fmt.Errorf("mix %q has no positive weight", spec)
	}
	return &Op{
		Name: "Mix",
		Next: func(w *Worker, n uint64) *Request {
			x := w.Rand.IntN(total)
			for _, e := range entries {
				if x < e.cum {
					return e.op.Next(w, n)
				}
			}
			return entries[len(entries)-1].op.Next(w, n)
		},
		Done: func(w *Worker, req *Request, resp *Response) {
			if op := byName[req.Op]; op != nil && op.Done != nil {
				op.Done(w, req, resp)
			}
		},
	}, nil
}
