package storecodec

import (
	"maps"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/connectlite/connectlite"
)

func fullUser() *connectlite.User {
	return &connectlite.User{
		ID: "u1",
		AutoAcceptConfigs: []connectlite.AutoAcceptConfig{
			{Channel: "VOICE", AutoAccept: true, AgentFirstCallbackAutoAccept: new(false)},
			{Channel: "CHAT"},
		},
		AfterContactWorkConfigs: []connectlite.AfterContactWorkConfigPerChannel{
			{Channel: "VOICE", AfterContactWorkConfig: connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: new(int32(30))},
				AgentFirstCallbackAfterContactWorkConfig: &connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: new(int32(5))}},
			{Channel: "CHAT"},
		},
		PhoneNumberConfigs:          []connectlite.PhoneNumberConfig{{Channel: "VOICE", PhoneType: "DESK_PHONE", PhoneNumber: "+15555550100"}},
		PersistentConnectionConfigs: []connectlite.PersistentConnectionConfig{{Channel: "VOICE", PersistentConnection: true}},
		VoiceEnhancementConfigs:     []connectlite.VoiceEnhancementConfig{{Channel: "VOICE", VoiceEnhancementMode: "VOICE_ISOLATION"}},
	}
}

// TestUserShapes pins the stored JSON: both stores' existing rows hold it.
func TestUserShapes(t *testing.T) {
	j, err := EncodeUser[string](fullUser())
	if err != nil {
		t.Fatalf("EncodeUser: %v", err)
	}
	for _, tc := range []struct{ name, got, want string }{
		{"AutoAccept", j.AutoAcceptConfigs, `[{"channel":"VOICE","auto_accept":true,"agent_first_callback_auto_accept":false},{"channel":"CHAT","auto_accept":false}]`},
		{"ACW", j.AfterContactWorkConfigs, `[{"channel":"VOICE","config":{"limit":30},"agent_first_callback":{"limit":5}},{"channel":"CHAT","config":{}}]`},
		{"PhoneNumber", j.PhoneNumberConfigs, `[{"channel":"VOICE","phone_type":"DESK_PHONE","phone_number":"+15555550100"}]`},
		{"Persistent", j.PersistentConnectionConfigs, `[{"channel":"VOICE","persistent_connection":true}]`},
		{"Voice", j.VoiceEnhancementConfigs, `[{"channel":"VOICE","mode":"VOICE_ISOLATION"}]`},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %s, want %s", tc.name, tc.got, tc.want)
		}
	}
}

func TestUserRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   *connectlite.User
	}{
		{"Full", fullUser()},
		{"Empty", &connectlite.User{ID: "u2"}},
	} {
		t.Run(tc.name+"/string", func(t *testing.T) { roundTripUser[string](t, tc.in) })
		t.Run(tc.name+"/bytes", func(t *testing.T) { roundTripUser[[]byte](t, tc.in) })
	}
}

func roundTripUser[S Text](t *testing.T, in *connectlite.User) {
	t.Helper()
	j, err := EncodeUser[S](in)
	if err != nil {
		t.Fatalf("EncodeUser: %v", err)
	}
	got := &connectlite.User{ID: in.ID}
	if err := j.Decode(got); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("round trip = %+v, want %+v", got, in)
	}
}

func TestUserDecodeErrorNamesUser(t *testing.T) {
	j := UserJSON[[]byte]{
		AutoAcceptConfigs: []byte("[]"), AfterContactWorkConfigs: []byte("[]"), PhoneNumberConfigs: []byte("{"),
		PersistentConnectionConfigs: []byte("[]"), VoiceEnhancementConfigs: []byte("[]"),
	}
	err := j.Decode(&connectlite.User{ID: "u9"})
	if err == nil || !strings.Contains(err.Error(), "user u9 phone number configs") {
		t.Fatalf("Decode: err = %v, want one naming user u9 phone number configs", err)
	}
}

func TestSecurityProfileRoundTrip(t *testing.T) {
	in := &connectlite.SecurityProfile{
		ID:                              "sp1",
		Permissions:                     []string{"Users.View", "Users.Edit"},
		Tags:                            map[string]string{"team": "a"},
		AllowedAccessControlTags:        map[string]string{"dept": "x"},
		TagRestrictedResources:          []string{"User"},
		HierarchyRestrictedResources:    []string{"User"},
		Applications:                    []connectlite.Application{{Namespace: "ns", ApplicationPermissions: []string{"p"}, Type: "THIRD_PARTY_APPLICATION"}},
		AllowedFlowModules:              []connectlite.FlowModule{{Type: "MCP", FlowModuleID: "m1"}},
		DataTablePrimaryAttributeValues: []connectlite.PrimaryAttributeValue{{AccessType: "ALLOW", AttributeName: "a", Values: []string{"v"}}},
	}
	j, err := EncodeSecurityProfile[[]byte](in)
	if err != nil {
		t.Fatalf("EncodeSecurityProfile: %v", err)
	}
	if got, want := string(j.Applications), `[{"namespace":"ns","permissions":["p"],"type":"THIRD_PARTY_APPLICATION"}]`; got != want {
		t.Errorf("Applications = %s, want %s", got, want)
	}
	got := &connectlite.SecurityProfile{ID: in.ID}
	if err := j.Decode(got); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("round trip = %+v, want %+v", got, in)
	}

	empty, err := EncodeSecurityProfile[string](&connectlite.SecurityProfile{ID: "sp2"})
	if err != nil {
		t.Fatalf("EncodeSecurityProfile(empty): %v", err)
	}
	if empty.Permissions != "[]" || empty.Tags != "{}" || empty.Applications != "[]" {
		t.Errorf("empty profile = %+v, want [] lists and {} tags", empty)
	}
	bad := empty
	bad.Tags, bad.Applications = "[", "{"
	err = bad.Decode(&connectlite.SecurityProfile{ID: "sp2"})
	if err == nil || !strings.Contains(err.Error(), "security profile sp2") || !strings.Contains(err.Error(), "decode tags") ||
		!strings.Contains(err.Error(), "decode list") {
		t.Errorf("Decode(bad): err = %v, want both column errors naming sp2", err)
	}
}

func TestRoutingProfileAndHoursRoundTrip(t *testing.T) {
	rp := &connectlite.RoutingProfile{ID: "rp1", Tags: map[string]string{"k": "v"},
		MediaConcurrencies: []connectlite.MediaConcurrency{{Channel: "VOICE", Concurrency: 1, CrossChannelBehavior: "ROUTE_ANY_CHANNEL"}}}
	rj, err := EncodeRoutingProfile[string](rp)
	if err != nil {
		t.Fatalf("EncodeRoutingProfile: %v", err)
	}
	if got, want := rj.MediaConcurrencies, `[{"channel":"VOICE","concurrency":1,"cross_channel_behavior":"ROUTE_ANY_CHANNEL"}]`; got != want {
		t.Errorf("MediaConcurrencies = %s, want %s", got, want)
	}
	gotRP := &connectlite.RoutingProfile{ID: rp.ID}
	if err := rj.Decode(gotRP); err != nil || !reflect.DeepEqual(gotRP, rp) {
		t.Errorf("routing profile round trip = %+v, %v; want %+v", gotRP, err, rp)
	}

	h := &connectlite.HoursOfOperation{ID: "h1",
		Config: []connectlite.HoursOfOperationConfig{{Day: "MONDAY", StartHours: 9, EndHours: 17, EndMinutes: 30}}}
	hj, err := EncodeHours[[]byte](h)
	if err != nil {
		t.Fatalf("EncodeHours: %v", err)
	}
	if got, want := string(hj.Config), `[{"day":"MONDAY","start_hours":9,"start_minutes":0,"end_hours":17,"end_minutes":30}]`; got != want {
		t.Errorf("Config = %s, want %s", got, want)
	}
	gotH := &connectlite.HoursOfOperation{ID: h.ID}
	if err := hj.Decode(gotH); err != nil || !reflect.DeepEqual(gotH, h) {
		t.Errorf("hours round trip = %+v, %v; want %+v", gotH, err, h)
	}
	hj.Config = []byte("x")
	if err := hj.Decode(gotH); err == nil || !strings.Contains(err.Error(), "hours of operation h1 config") {
		t.Errorf("Decode(bad config): err = %v, want one naming hours of operation h1 config", err)
	}
}

func TestDecodeTags(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"Empty", "", nil, false},
		{"NoTags", "{}", nil, false},
		{"Tags", `{"a":"1","b":"2"}`, map[string]string{"a": "1", "b": "2"}, false},
		{"Invalid", `{"a":`, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, got := range []func() (map[string]string, error){
				func() (map[string]string, error) { return DecodeTags(tc.in) },
				func() (map[string]string, error) { return DecodeTags([]byte(tc.in)) },
			} {
				m, err := got()
				if (err != nil) != tc.wantErr || !maps.Equal(m, tc.want) || (tc.want == nil && m != nil) {
					t.Errorf("DecodeTags(%q) = %v, %v; want %v, error %v", tc.in, m, err, tc.want, tc.wantErr)
				}
			}
		})
	}
	if got, err := EncodeTags[string](nil); got != "{}" || err != nil {
		t.Errorf("EncodeTags(nil) = %q, %v; want {}", got, err)
	}
}

func TestEmptyListsDecodeWithoutAllocating(t *testing.T) {
	s, b := "[]", []byte("[]")
	if n := testing.AllocsPerRun(100, func() { _, _ = DecodeStrings(s); _, _ = DecodeStrings(b) }); n != 0 {
		t.Errorf("DecodeStrings([]) allocates %v times, want 0", n)
	}
}

func TestMigrations(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	for _, tc := range []struct {
		name    string
		fsys    fstest.MapFS
		want    []Migration
		wantErr string
	}{
		{"Ordered", fstest.MapFS{"m/0003_c.sql": file("C"), "m/0001_a.sql": file("A")},
			[]Migration{{1, "0001_a.sql", "A"}, {3, "0003_c.sql", "C"}}, ""},
		{"BadName", fstest.MapFS{"m/1_a.sql": file("A")}, nil, "name must be NNNN_words.sql"},
		{"SharedVersion", fstest.MapFS{"m/0001_a.sql": file("A"), "m/0001_b.sql": file("B")}, nil, "share version 1"},
		{"NoDirectory", fstest.MapFS{}, nil, "read migrations"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Migrations(tc.fsys, "m")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Migrations: err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Migrations = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestCheckLevels(t *testing.T) {
	lv := func(n int, id string) connectlite.HierarchyLevel { return connectlite.HierarchyLevel{Level: n, ID: id} }
	for _, tc := range []struct {
		name   string
		levels []connectlite.HierarchyLevel
		ok     bool
	}{
		{"None", nil, true},
		{"InOrder", []connectlite.HierarchyLevel{lv(1, "a"), lv(2, "b")}, true},
		{"Gap", []connectlite.HierarchyLevel{lv(1, "a"), lv(3, "b")}, false},
		{"NoID", []connectlite.HierarchyLevel{lv(1, "")}, false},
		{"TooMany", []connectlite.HierarchyLevel{lv(1, "a"), lv(2, "b"), lv(3, "c"), lv(4, "d"), lv(5, "e"), lv(6, "f")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := CheckLevels("i1", tc.levels); (err == nil) != tc.ok {
				t.Errorf("CheckLevels: err = %v, want ok %v", err, tc.ok)
			}
		})
	}
}
