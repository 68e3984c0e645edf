package bench

import (
	"testing"
)

func TestParseMix(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    map[string]int
		wantErr bool
	}{
		{"Default", DefaultMix, map[string]int{OpDescribeUser: 50, OpUpdateIdentityInfo: 20, OpCreateUser: 15, OpListUsers: 5}, false},
		{"Spaces", " describe-user=1 , list-users=2 ", map[string]int{OpDescribeUser: 1, OpListUsers: 2}, false},
		{"NoWeight", "describe-user", nil, true},
		{"NegativeWeight", "describe-user=-1", nil, true},
		{"Recursive", "mix=1", nil, true},
		{"Empty", "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMix(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseMix(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("ParseMix(%q) = %v, want %v", tt.in, got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("ParseMix(%q)[%s] = %d, want %d", tt.in, k, got[k], v)
				}
			}
		})
	}
}

func TestNextToken(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"Last", `{"UserSummaryList":[{"Id":"a"}],"NextToken":"abc.def"}`, "abc.def"},
		{"First", `{"NextToken": "tok-1", "Users":[]}`, "tok-1"},
		{"Absent", `{"UserSummaryList":[]}`, ""},
		{"Null", `{"NextToken":null}`, ""},
		{"Truncated", `{"NextToken":"abc`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nextToken([]byte(tt.body)); got != tt.want {
				t.Errorf("nextToken(%s) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestUsernamesFitNonSAMLLimit(t *testing.T) {
	f := NewFixture()
	f.counter.Store(1<<40 - 2)
	for _, name := range []string{f.newUsername('p'), f.SeedUsername(9_999_999)} {
		if len(name) > 20 {
			t.Errorf("username %q has %d characters, want at most 20", name, len(name))
		}
	}
}

func TestFixtureSampleIsBounded(t *testing.T) {
	f := NewFixture()
	for i := range maxSample + 1000 {
		f.AddUser(string(rune('a' + i%26)))
	}
	if got := f.Users(); got != maxSample {
		t.Errorf("Users() = %d, want %d", got, maxSample)
	}
}
