package connectlite

import (
	"reflect"
	"strings"
	"testing"
)

// noError marks table rows that must pass.
const noError Kind = 255

func sp(s string) *string { return &s }
func bp(b bool) *bool     { return &b }
func ip(i int32) *int32   { return &i }

// seed000 is the input of the seed 000 example (aws connect create-user).
func seed000() CreateUserInput {
	return CreateUserInput{
		InstanceID:   "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
		Username:     "Mary",
		Password:     sp("Pass@Word1"),
		IdentityInfo: &IdentityInfo{FirstName: "Mary", LastName: "Major"},
		PhoneConfig: &PhoneConfigInput{
			PhoneType: sp(PhoneTypeDesk), AutoAccept: bp(true),
			AfterContactWorkTimeLimit: ip(60), DeskPhoneNumber: sp("+15555551212"),
		},
		SecurityProfileIDs: []string{"12345678-1111-2222-aaaa-a1b2c3d4f5g7"},
		RoutingProfileID:   "87654321-9999-3434-abcd-x1y2z3a1b2c3",
	}
}

// seed returns the seed 000 input changed by mods.
func seed(mods ...func(*CreateUserInput)) CreateUserInput {
	in := seed000()
	for _, m := range mods {
		m(&in)
	}
	return in
}

// noPassword suits the seed input to SAML and EXISTING_DIRECTORY instances.
func noPassword(in *CreateUserInput) { in.Password = nil }

func username(s string) func(*CreateUserInput) { return func(in *CreateUserInput) { in.Username = s } }
func password(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.Password = sp(s) }
}
func identity(f func(*IdentityInfo)) func(*CreateUserInput) {
	return func(in *CreateUserInput) { f(in.IdentityInfo) }
}
func phone(f func(*PhoneConfigInput)) func(*CreateUserInput) {
	return func(in *CreateUserInput) { f(in.PhoneConfig) }
}
func noPhoneConfig(in *CreateUserInput) { in.PhoneConfig = nil }

func instance(t IdentityManagementType) *Instance {
	return &Instance{ID: "i-1", IdentityManagementType: t, Region: "us-west-2", AccountID: "123456789012"}
}

func TestNewUserRules(t *testing.T) {
	const (
		cm   = IdentityConnectManaged
		saml = IdentitySAML
		dir  = IdentityExistingDirectory
	)
	tests := []struct {
		name string
		inst IdentityManagementType
		in   CreateUserInput
		want Kind
	}{
		{"Seed000", cm, seed(), noError},

		// Username characters, e-mail form and length by identity type.
		{"UsernameAllowedPunctuation", cm, seed(username("a_b-c.d")), noError},
		{"UsernameEmailForm", cm, seed(username("testuser@example.com")), noError},
		{"UsernameEmailWithoutDot", cm, seed(username("testuser@example")), KindInvalidParameter},
		{"UsernameEmailEmptyLocal", cm, seed(username("@example.com")), KindInvalidParameter},
		{"UsernameEmailTwoAt", cm, seed(username("a@b@example.com")), KindInvalidParameter},
		{"UsernameEmailEmptyLabel", cm, seed(username("a@example..com")), KindInvalidParameter},
		{"UsernameEmailShortTLD", cm, seed(username("a@example.c")), KindInvalidParameter},
		{"UsernameEmailNumericTLD", cm, seed(username("a@example.12")), KindInvalidParameter},
		{"UsernameStar", cm, seed(username("mary*")), KindInvalidParameter},
		{"UsernameSpace", cm, seed(username("mary major")), KindInvalidParameter},
		{"UsernameNonASCII", cm, seed(username("marié")), KindInvalidParameter},
		{"UsernameEmpty", cm, seed(username("")), KindInvalidParameter},
		{"Username20", cm, seed(username(strings.Repeat("a", 20))), noError},
		{"Username21", cm, seed(username(strings.Repeat("a", 21))), KindInvalidParameter},
		{"Username21ExistingDirectory", dir, seed(noPassword, username(strings.Repeat("a", 21))), KindInvalidParameter},
		{"Username21SAML", saml, seed(noPassword, username(strings.Repeat("a", 21))), noError},
		{"Username64SAML", saml, seed(noPassword, username(strings.Repeat("a", 64))), noError},
		{"Username65SAML", saml, seed(noPassword, username(strings.Repeat("a", 65))), KindInvalidParameter},
		{"UsernameEmailSAML", saml, seed(noPassword, username("first.last@sub.example.co.uk")), noError},

		// Password by identity type, and its character rules.
		{"PasswordMissing", cm, seed(noPassword), KindInvalidParameter},
		{"PasswordSAML", saml, seed(), KindInvalidRequest},
		{"PasswordEmptySAML", saml, seed(password("")), KindInvalidRequest},
		{"PasswordExistingDirectory", dir, seed(), KindInvalidRequest},
		{"NoPasswordSAML", saml, seed(noPassword), noError},
		{"NoPasswordExistingDirectory", dir, seed(noPassword), noError},
		{"Password8", cm, seed(password("aB3aB3aB")), noError},
		{"Password64", cm, seed(password("aB3" + strings.Repeat("x", 61))), noError},
		{"Password65", cm, seed(password("aB3" + strings.Repeat("x", 62))), KindInvalidParameter},
		{"Password7", cm, seed(password("aB3aB3a")), KindInvalidParameter},
		{"PasswordNoUpper", cm, seed(password("password1")), KindInvalidParameter},
		{"PasswordNoLower", cm, seed(password("PASSWORD1")), KindInvalidParameter},
		{"PasswordNoDigit", cm, seed(password("PassWord!")), KindInvalidParameter},
		{"PasswordSpace", cm, seed(password("Pass Word1")), KindInvalidParameter},
		{"PasswordTab", cm, seed(password("Pass\tWord1")), KindInvalidParameter},
		{"PasswordNonASCII", cm, seed(password("Pässwörd1")), noError},

		// Names required for CONNECT_MANAGED and SAML, NFC everywhere.
		{"NoIdentityInfo", cm, seed(func(in *CreateUserInput) { in.IdentityInfo = nil }), KindInvalidParameter},
		{"NoFirstName", cm, seed(identity(func(i *IdentityInfo) { i.FirstName = "" })), KindInvalidParameter},
		{"NoLastName", cm, seed(identity(func(i *IdentityInfo) { i.LastName = "" })), KindInvalidParameter},
		{"NoNamesSAML", saml, seed(noPassword, identity(func(i *IdentityInfo) { *i = IdentityInfo{} })), KindInvalidParameter},
		{"NoIdentityExistingDirectory", dir, seed(noPassword, func(in *CreateUserInput) { in.IdentityInfo = nil }), noError},
		{"FirstNameNFC", cm, seed(identity(func(i *IdentityInfo) { i.FirstName = "Zo\u00e9" })), noError},
		{"FirstNameNFD", cm, seed(identity(func(i *IdentityInfo) { i.FirstName = "Zoe\u0301" })), KindInvalidParameter},
		{"LastNameNFD", cm, seed(identity(func(i *IdentityInfo) { i.LastName = "Mu\u0308ller" })), KindInvalidParameter},
		{"FirstNameInvalidUTF8", cm, seed(identity(func(i *IdentityInfo) { i.FirstName = "M\xffry" })), KindInvalidParameter},

		// Email: fine for CONNECT_MANAGED, an error with SAML.
		{"EmailConnectManaged", cm, seed(identity(func(i *IdentityInfo) { i.Email = "mary@example.com" })), noError},
		{"EmailSAML", saml, seed(noPassword, identity(func(i *IdentityInfo) { i.Email = "mary@example.com" })), KindInvalidRequest},

		// SecondaryEmail: documented pattern, 265 characters at most.
		{"SecondaryEmail", cm, seed(identity(func(i *IdentityInfo) { i.SecondaryEmail = "m.major+1@mail.example.org" })), noError},
		{"SecondaryEmailNoTLD", cm, seed(identity(func(i *IdentityInfo) { i.SecondaryEmail = "mary@example" })), KindInvalidParameter},
		{"SecondaryEmailSpace", cm, seed(identity(func(i *IdentityInfo) { i.SecondaryEmail = "mary major@example.com" })), KindInvalidParameter},
		{"SecondaryEmailTrailingText", cm, seed(identity(func(i *IdentityInfo) { i.SecondaryEmail = "mary@example.com and more" })), KindInvalidParameter},
		{"SecondaryEmail265", cm, seed(identity(func(i *IdentityInfo) { i.SecondaryEmail = strings.Repeat("a", 253) + "@example.com" })), noError},
		{"SecondaryEmail266", cm, seed(identity(func(i *IdentityInfo) { i.SecondaryEmail = strings.Repeat("a", 254) + "@example.com" })), KindInvalidParameter},

		// Mobile: E.164.
		{"Mobile", cm, seed(identity(func(i *IdentityInfo) { i.Mobile = "+447700900123" })), noError},
		{"MobileNoPlus", cm, seed(identity(func(i *IdentityInfo) { i.Mobile = "447700900123" })), KindInvalidParameter},
		{"MobileLeadingZero", cm, seed(identity(func(i *IdentityInfo) { i.Mobile = "+0447700900" })), KindInvalidParameter},
		{"Mobile16Digits", cm, seed(identity(func(i *IdentityInfo) { i.Mobile = "+1234567890123456" })), KindInvalidParameter},

		// DirectoryUserId: an error with SAML.
		{"DirectoryUserIdSAML", saml, seed(noPassword, func(in *CreateUserInput) { in.DirectoryUserID = sp("u-1") }), KindInvalidRequest},
		{"DirectoryUserIdExistingDirectory", dir, seed(noPassword, func(in *CreateUserInput) { in.DirectoryUserID = sp("u-1") }), noError},

		// Security profiles and routing profile.
		{"TwoSecurityProfiles", cm, seed(func(in *CreateUserInput) { in.SecurityProfileIDs = []string{"a", "b"} }), noError},
		{"DuplicateSecurityProfiles", cm, seed(func(in *CreateUserInput) { in.SecurityProfileIDs = []string{"a", "b", "a"} }), KindInvalidParameter},
		{"NoSecurityProfiles", cm, seed(func(in *CreateUserInput) { in.SecurityProfileIDs = nil }), KindInvalidParameter},
		{"NoRoutingProfile", cm, seed(func(in *CreateUserInput) { in.RoutingProfileID = "" }), KindInvalidParameter},
		{"TagAwsPrefix", cm, seed(func(in *CreateUserInput) { in.Tags = map[string]string{"aws:x": "y"} }), KindInvalidParameter},
		{"Tags", cm, seed(func(in *CreateUserInput) { in.Tags = map[string]string{"team": "blue"} }), noError},

		// PhoneConfig on its own.
		{"NoConfigAtAll", cm, seed(noPhoneConfig), KindInvalidRequest},
		{"EmptyListsOnly", cm, seed(noPhoneConfig, func(in *CreateUserInput) { in.AutoAcceptConfigs = []AutoAcceptConfig{} }), KindInvalidRequest},
		{"EmptyPhoneConfig", cm, seed(phone(func(p *PhoneConfigInput) { *p = PhoneConfigInput{} })), noError},
		{"SoftPhoneWithoutNumber", cm, seed(phone(func(p *PhoneConfigInput) { p.PhoneType, p.DeskPhoneNumber = sp(PhoneTypeSoft), nil })), noError},
		{"DeskPhoneWithoutNumber", cm, seed(phone(func(p *PhoneConfigInput) { p.DeskPhoneNumber = nil })), KindInvalidParameter},
		{"DeskPhoneEmptyNumber", cm, seed(phone(func(p *PhoneConfigInput) { p.DeskPhoneNumber = sp("") })), KindInvalidParameter},
		{"DeskPhoneBadNumber", cm, seed(phone(func(p *PhoneConfigInput) { p.DeskPhoneNumber = sp("555-1212") })), KindInvalidParameter},
		{"PhoneTypeUnknown", cm, seed(phone(func(p *PhoneConfigInput) { p.PhoneType = sp("CELL_PHONE") })), KindInvalidParameter},
		{"ACWZero", cm, seed(phone(func(p *PhoneConfigInput) { p.AfterContactWorkTimeLimit = ip(0) })), noError},
		{"ACWMax", cm, seed(phone(func(p *PhoneConfigInput) { p.AfterContactWorkTimeLimit = ip(2_000_000) })), noError},
		{"ACWOverMax", cm, seed(phone(func(p *PhoneConfigInput) { p.AfterContactWorkTimeLimit = ip(2_000_001) })), KindInvalidParameter},
		{"ACWNegative", cm, seed(phone(func(p *PhoneConfigInput) { p.AfterContactWorkTimeLimit = ip(-1) })), KindInvalidParameter},
		{"PersistentConnection", cm, seed(phone(func(p *PhoneConfigInput) { p.PersistentConnection = bp(true) })), noError},

		// PhoneConfig members against the per-channel lists they duplicate.
		{"ConflictAutoAccept", cm, seed(func(in *CreateUserInput) {
			in.AutoAcceptConfigs = []AutoAcceptConfig{{Channel: ChannelChat, AutoAccept: true}}
		}), KindInvalidRequest},
		{"ConflictACW", cm, seed(func(in *CreateUserInput) {
			in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(5)}}}
		}), KindInvalidRequest},
		{"ConflictPhoneType", cm, seed(func(in *CreateUserInput) {
			in.PhoneConfig = &PhoneConfigInput{PhoneType: sp(PhoneTypeSoft)}
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeSoft}}
		}), KindInvalidRequest},
		{"ConflictDeskPhoneNumber", cm, seed(func(in *CreateUserInput) {
			in.PhoneConfig = &PhoneConfigInput{DeskPhoneNumber: sp("+15555551212")}
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeSoft}}
		}), KindInvalidRequest},
		{"ConflictPersistentConnection", cm, seed(func(in *CreateUserInput) {
			in.PhoneConfig.PersistentConnection = bp(true)
			in.PersistentConnectionConfigs = []PersistentConnectionConfig{{Channel: ChannelVoice, PersistentConnection: true}}
		}), KindInvalidRequest},
		{"PhoneConfigBesideOtherLists", cm, seed(func(in *CreateUserInput) {
			in.PhoneConfig = &PhoneConfigInput{AutoAccept: bp(true)}
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeDesk, PhoneNumber: "+15555551212"}}
			in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelChat, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(30)}}}
			in.VoiceEnhancementConfigs = []VoiceEnhancementConfig{{Channel: ChannelVoice, VoiceEnhancementMode: VoiceEnhancementNone}}
		}), noError},

		// Per-channel lists without PhoneConfig.
		{"ChannelListsOnly", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AutoAcceptConfigs = []AutoAcceptConfig{{Channel: ChannelVoice, AutoAccept: true, AgentFirstCallbackAutoAccept: bp(true)}, {Channel: ChannelChat}}
		}), noError},
		{"UnknownChannel", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AutoAcceptConfigs = []AutoAcceptConfig{{Channel: "SMS", AutoAccept: true}}
		}), KindInvalidParameter},
		{"DuplicateChannel", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AutoAcceptConfigs = []AutoAcceptConfig{{Channel: ChannelVoice, AutoAccept: true}, {Channel: ChannelVoice}}
		}), KindInvalidParameter},
		{"DuplicateChannelACW", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelTask}, {Channel: ChannelTask}}
		}), KindInvalidParameter},
		{"CallbackAutoAcceptOnChat", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AutoAcceptConfigs = []AutoAcceptConfig{{Channel: ChannelChat, AutoAccept: true, AgentFirstCallbackAutoAccept: bp(false)}}
		}), KindInvalidParameter},
		{"CallbackACWOnVoice", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(10)},
				AgentFirstCallbackAfterContactWorkConfig: &AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(20)}}}
		}), noError},
		{"CallbackACWOnTask", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelTask, AgentFirstCallbackAfterContactWorkConfig: &AfterContactWorkConfig{}}}
		}), KindInvalidParameter},
		{"PerChannelACWOverMax", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelEmail, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(2_000_001)}}}
		}), KindInvalidParameter},
		{"CallbackACWNegative", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelVoice, AgentFirstCallbackAfterContactWorkConfig: &AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(-1)}}}
		}), KindInvalidParameter},
		{"PhoneNumberConfigsChat", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelChat, PhoneType: PhoneTypeSoft}}
		}), KindInvalidParameter},
		{"PhoneNumberConfigsDeskWithoutNumber", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeDesk}}
		}), KindInvalidParameter},
		{"PhoneNumberConfigsBadNumber", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeDesk, PhoneNumber: "+1 555 555 1212"}}
		}), KindInvalidParameter},
		{"PhoneNumberConfigsBadType", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: "PAGER"}}
		}), KindInvalidParameter},
		{"PersistentConnectionConfigsVoice", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.PersistentConnectionConfigs = []PersistentConnectionConfig{{Channel: ChannelVoice, PersistentConnection: true}}
		}), noError},
		{"PersistentConnectionConfigsTask", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.PersistentConnectionConfigs = []PersistentConnectionConfig{{Channel: ChannelTask, PersistentConnection: true}}
		}), KindInvalidParameter},
		{"VoiceEnhancementConfigsEmail", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.VoiceEnhancementConfigs = []VoiceEnhancementConfig{{Channel: ChannelEmail, VoiceEnhancementMode: VoiceEnhancementNone}}
		}), KindInvalidParameter},
		{"VoiceEnhancementModeUnknown", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.VoiceEnhancementConfigs = []VoiceEnhancementConfig{{Channel: ChannelVoice, VoiceEnhancementMode: "LOUD"}}
		}), KindInvalidParameter},
		{"VoiceEnhancementOnly", cm, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.VoiceEnhancementConfigs = []VoiceEnhancementConfig{{Channel: ChannelVoice, VoiceEnhancementMode: VoiceEnhancementIsolation}}
		}), noError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			u, err := NewUser(instance(tt.inst), &in)
			if tt.want == noError {
				if err != nil {
					t.Fatalf("NewUser: %v (kind %v), want no error", err, KindOf(err))
				}
				if u == nil || u.Username != in.Username {
					t.Fatalf("NewUser = %+v, want a user named %q", u, in.Username)
				}
				return
			}
			if got := KindOf(err); got != tt.want {
				t.Fatalf("NewUser: kind = %v, want %v (err: %v)", got, tt.want, err)
			}
			if u != nil {
				t.Errorf("NewUser returned a user with error %v", err)
			}
		})
	}
}

func TestNewUserSeed000(t *testing.T) {
	in := seed000()
	u, err := NewUser(instance(IdentityConnectManaged), &in)
	if err != nil {
		t.Fatalf("NewUser: %v", err)
	}
	acw := int32(60)
	want := &User{
		InstanceID:   "i-1",
		Username:     "Mary",
		IdentityInfo: IdentityInfo{FirstName: "Mary", LastName: "Major"},
		PhoneConfig: PhoneConfig{
			PhoneType: PhoneTypeDesk, AutoAccept: true, AfterContactWorkTimeLimit: 60, DeskPhoneNumber: "+15555551212",
		},
		AutoAcceptConfigs:       []AutoAcceptConfig{{Channel: ChannelVoice, AutoAccept: true}},
		AfterContactWorkConfigs: []AfterContactWorkConfigPerChannel{{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: &acw}}},
		PhoneNumberConfigs:      []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeDesk, PhoneNumber: "+15555551212"}},
		SecurityProfileIDs:      []string{"12345678-1111-2222-aaaa-a1b2c3d4f5g7"},
		RoutingProfileID:        "87654321-9999-3434-abcd-x1y2z3a1b2c3",
	}
	if !reflect.DeepEqual(u, want) {
		t.Errorf("NewUser =\n %+v\nwant\n %+v", u, want)
	}
	in.SecurityProfileIDs[0] = "changed"
	if u.SecurityProfileIDs[0] == "changed" {
		t.Error("the user shares SecurityProfileIds with the input")
	}
}

func TestNewUserDerivesPhoneConfigFromChannels(t *testing.T) {
	in := seed(noPhoneConfig, func(in *CreateUserInput) {
		in.AutoAcceptConfigs = []AutoAcceptConfig{{Channel: ChannelChat, AutoAccept: true}, {Channel: ChannelVoice, AutoAccept: true, AgentFirstCallbackAutoAccept: bp(false)}}
		in.AfterContactWorkConfigs = []AfterContactWorkConfigPerChannel{{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(45)}}}
		in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeDesk, PhoneNumber: "+15555550100"}}
		in.PersistentConnectionConfigs = []PersistentConnectionConfig{{Channel: ChannelVoice, PersistentConnection: true}}
	})
	u, err := NewUser(instance(IdentityConnectManaged), &in)
	if err != nil {
		t.Fatalf("NewUser: %v", err)
	}
	pc := u.PhoneConfig
	if pc.PhoneType != PhoneTypeDesk || !pc.AutoAccept || pc.AfterContactWorkTimeLimit != 45 || pc.DeskPhoneNumber != "+15555550100" ||
		pc.PersistentConnection == nil || !*pc.PersistentConnection {
		t.Errorf("PhoneConfig = %+v, want DESK_PHONE +15555550100, auto-accept, ACW 45, persistent connection", pc)
	}
	if got := len(u.AutoAcceptConfigs); got != 2 || u.AutoAcceptConfigs[1].AgentFirstCallbackAutoAccept == nil {
		t.Errorf("AutoAcceptConfigs = %+v, want both channels with the VOICE callback setting kept", u.AutoAcceptConfigs)
	}
	in.AutoAcceptConfigs[1].AgentFirstCallbackAutoAccept = bp(true)
	if *u.AutoAcceptConfigs[1].AgentFirstCallbackAutoAccept {
		t.Error("the user shares AgentFirstCallbackAutoAccept with the input")
	}

	// Only a CHAT setting: PhoneConfig gets defaults and VOICE entries mirror them.
	in = seed(noPhoneConfig, func(in *CreateUserInput) {
		in.AutoAcceptConfigs = []AutoAcceptConfig{{Channel: ChannelChat, AutoAccept: true}}
	})
	u, err = NewUser(instance(IdentityConnectManaged), &in)
	if err != nil {
		t.Fatalf("NewUser: %v", err)
	}
	if u.PhoneConfig.PhoneType != PhoneTypeSoft || u.PhoneConfig.AutoAccept {
		t.Errorf("PhoneConfig = %+v, want SOFT_PHONE without auto-accept", u.PhoneConfig)
	}
	wantAuto := []AutoAcceptConfig{{Channel: ChannelChat, AutoAccept: true}, {Channel: ChannelVoice}}
	if !reflect.DeepEqual(u.AutoAcceptConfigs, wantAuto) {
		t.Errorf("AutoAcceptConfigs = %+v, want %+v", u.AutoAcceptConfigs, wantAuto)
	}
	if len(u.PersistentConnectionConfigs) != 0 || u.PhoneConfig.PersistentConnection != nil {
		t.Errorf("persistent connection set without being asked: %+v / %v", u.PersistentConnectionConfigs, u.PhoneConfig.PersistentConnection)
	}
}

func TestApplyUserConfigsUpdates(t *testing.T) {
	base := func(t *testing.T) *User {
		t.Helper()
		in := seed(func(in *CreateUserInput) { in.PhoneConfig.PersistentConnection = bp(false) })
		u, err := NewUser(instance(IdentityConnectManaged), &in)
		if err != nil {
			t.Fatalf("NewUser: %v", err)
		}
		return u
	}

	t.Run("PhoneConfigUpdateKeepsPhone", func(t *testing.T) {
		u := base(t)
		// An older SDK omits false and 0: AutoAccept and ACW reset, the
		// desk phone stays.
		if err := ApplyUserConfigs(u, &UserConfigInput{PhoneConfig: &PhoneConfigInput{}}); err != nil {
			t.Fatalf("ApplyUserConfigs: %v", err)
		}
		if pc := u.PhoneConfig; pc.AutoAccept || pc.AfterContactWorkTimeLimit != 0 || pc.PhoneType != PhoneTypeDesk || pc.DeskPhoneNumber != "+15555551212" {
			t.Errorf("PhoneConfig = %+v", pc)
		}
		if u.AutoAcceptConfigs[0].AutoAccept || *u.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit != 0 {
			t.Errorf("VOICE entries not updated: %+v %+v", u.AutoAcceptConfigs, u.AfterContactWorkConfigs)
		}
	})
	t.Run("ChannelUpdateMergesByChannel", func(t *testing.T) {
		u := base(t)
		err := ApplyUserConfigs(u, &UserConfigInput{
			AutoAcceptConfigs:       []AutoAcceptConfig{{Channel: ChannelChat, AutoAccept: true}},
			AfterContactWorkConfigs: []AfterContactWorkConfigPerChannel{{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: ip(120)}}},
			PhoneNumberConfigs:      []PhoneNumberConfig{{Channel: ChannelVoice, PhoneType: PhoneTypeSoft}},
		})
		if err != nil {
			t.Fatalf("ApplyUserConfigs: %v", err)
		}
		wantAuto := []AutoAcceptConfig{{Channel: ChannelVoice, AutoAccept: true}, {Channel: ChannelChat, AutoAccept: true}}
		if !reflect.DeepEqual(u.AutoAcceptConfigs, wantAuto) {
			t.Errorf("AutoAcceptConfigs = %+v, want %+v", u.AutoAcceptConfigs, wantAuto)
		}
		if pc := u.PhoneConfig; !pc.AutoAccept || pc.AfterContactWorkTimeLimit != 120 || pc.PhoneType != PhoneTypeSoft || pc.DeskPhoneNumber != "" {
			t.Errorf("PhoneConfig = %+v, want auto-accept kept, ACW 120, SOFT_PHONE without number", pc)
		}
	})
	t.Run("ErrorChangesNothing", func(t *testing.T) {
		u := base(t)
		before := base(t)
		err := ApplyUserConfigs(u, &UserConfigInput{PhoneConfig: &PhoneConfigInput{AutoAccept: bp(true)}, AutoAcceptConfigs: []AutoAcceptConfig{{Channel: ChannelVoice}}})
		if got := KindOf(err); got != KindInvalidRequest {
			t.Fatalf("ApplyUserConfigs: kind = %v, want InvalidRequest (err: %v)", got, err)
		}
		// A final state of DESK_PHONE without number is refused too.
		err = ApplyUserConfigs(u, &UserConfigInput{PhoneConfig: &PhoneConfigInput{DeskPhoneNumber: sp("")}})
		if got := KindOf(err); got != KindInvalidParameter {
			t.Fatalf("ApplyUserConfigs: kind = %v, want InvalidParameter (err: %v)", got, err)
		}
		if !reflect.DeepEqual(u, before) {
			t.Errorf("user changed by failed updates:\n %+v\nwant\n %+v", u, before)
		}
	})
	t.Run("NothingToApply", func(t *testing.T) {
		u := base(t)
		if got := KindOf(ApplyUserConfigs(u, &UserConfigInput{})); got != KindInvalidRequest {
			t.Errorf("kind = %v, want InvalidRequest", got)
		}
	})
}

func TestValidateCreateInstance(t *testing.T) {
	tests := []struct {
		name string
		in   CreateInstanceInput
		want Kind
	}{
		{"ConnectManaged", CreateInstanceInput{IdentityManagementType: IdentityConnectManaged, InstanceAlias: "acme"}, noError},
		{"SAML", CreateInstanceInput{IdentityManagementType: IdentitySAML, InstanceAlias: "acme"}, noError},
		{"ExistingDirectory", CreateInstanceInput{IdentityManagementType: IdentityExistingDirectory, DirectoryID: "d-0123456789"}, noError},
		{"ExistingDirectoryWithAlias", CreateInstanceInput{IdentityManagementType: IdentityExistingDirectory, DirectoryID: "d-0123456789", InstanceAlias: "acme"}, noError},
		{"ConnectManagedNoAlias", CreateInstanceInput{IdentityManagementType: IdentityConnectManaged}, KindInvalidRequest},
		{"SAMLNoAlias", CreateInstanceInput{IdentityManagementType: IdentitySAML}, KindInvalidRequest},
		{"ExistingDirectoryNoDirectory", CreateInstanceInput{IdentityManagementType: IdentityExistingDirectory}, KindInvalidRequest},
		{"ConnectManagedWithDirectory", CreateInstanceInput{IdentityManagementType: IdentityConnectManaged, InstanceAlias: "acme", DirectoryID: "d-0123456789"}, KindInvalidRequest},
		{"SAMLWithDirectory", CreateInstanceInput{IdentityManagementType: IdentitySAML, InstanceAlias: "acme", DirectoryID: "d-0123456789"}, KindInvalidRequest},
		{"UnknownType", CreateInstanceInput{IdentityManagementType: "LDAP", InstanceAlias: "acme"}, KindInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateCreateInstance(&tt.in)
			if tt.want == noError {
				if err != nil {
					t.Fatalf("ValidateCreateInstance: %v, want no error", err)
				}
				return
			}
			if got := KindOf(err); got != tt.want {
				t.Fatalf("ValidateCreateInstance: kind = %v, want %v (err: %v)", got, tt.want, err)
			}
		})
	}
}

func TestValidateIdentityInfo(t *testing.T) {
	names := IdentityInfo{FirstName: "Mary", LastName: "Major"}
	with := func(f func(*IdentityInfo)) *IdentityInfo {
		i := names
		f(&i)
		return &i
	}
	tests := []struct {
		name string
		inst IdentityManagementType
		info *IdentityInfo
		want Kind
	}{
		{"Names", IdentityConnectManaged, &names, noError},
		{"Missing", IdentityConnectManaged, nil, KindInvalidParameter},
		{"MissingExistingDirectory", IdentityExistingDirectory, nil, KindInvalidParameter},
		{"EmptyExistingDirectory", IdentityExistingDirectory, &IdentityInfo{}, noError},
		{"NoFirstName", IdentityConnectManaged, with(func(i *IdentityInfo) { i.FirstName = "" }), KindInvalidParameter},
		{"NoLastNameSAML", IdentitySAML, with(func(i *IdentityInfo) { i.LastName = "" }), KindInvalidParameter},
		{"EveryMember", IdentityConnectManaged, with(func(i *IdentityInfo) {
			i.Email, i.SecondaryEmail, i.Mobile = "mary@example.com", "mary.major@example.org", "+15555551212"
		}), noError},
		{"EmailSAML", IdentitySAML, with(func(i *IdentityInfo) { i.Email = "mary@example.com" }), KindInvalidRequest},
		{"SecondaryEmailSAML", IdentitySAML, with(func(i *IdentityInfo) { i.SecondaryEmail = "mary@example.com" }), noError},
		{"NFD", IdentityExistingDirectory, with(func(i *IdentityInfo) { i.LastName = "Mu\u0308ller" }), KindInvalidParameter},
		{"BadSecondaryEmail", IdentitySAML, with(func(i *IdentityInfo) { i.SecondaryEmail = "mary@" }), KindInvalidParameter},
		{"BadMobile", IdentityExistingDirectory, &IdentityInfo{Mobile: "+1"}, KindInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateIdentityInfo(instance(tt.inst), tt.info)
			if tt.want == noError {
				if err != nil {
					t.Fatalf("ValidateIdentityInfo: %v, want no error", err)
				}
				return
			}
			if got := KindOf(err); got != tt.want {
				t.Fatalf("ValidateIdentityInfo: kind = %v, want %v (err: %v)", got, tt.want, err)
			}
		})
	}
}

func TestValidationMessages(t *testing.T) {
	tests := []struct {
		name string
		inst IdentityManagementType
		in   CreateUserInput
		want string
	}{
		{"UsernameLength", IdentityConnectManaged, seed(username("abcdefghijklmnopqrstuvw")),
			"Username must be at most 20 characters for an instance that does not use SAML, got 23"},
		{"UsernameLengthSAML", IdentitySAML, seed(noPassword, username(strings.Repeat("x", 70))),
			"Username must be at most 64 characters for an instance that uses SAML, got 70"},
		{"Conflict", IdentityConnectManaged, seed(func(in *CreateUserInput) {
			in.PersistentConnectionConfigs = []PersistentConnectionConfig{{Channel: ChannelVoice}}
			in.PhoneConfig.PersistentConnection = bp(false)
		}), "PhoneConfig.PersistentConnection and PersistentConnectionConfigs cannot be set together; use PersistentConnectionConfigs for per-channel settings"},
		{"Required", IdentityConnectManaged, seed(noPhoneConfig), "PhoneConfig or per-channel configurations are required"},
		{"VoiceOnly", IdentityConnectManaged, seed(noPhoneConfig, func(in *CreateUserInput) {
			in.PhoneNumberConfigs = []PhoneNumberConfig{{Channel: ChannelChat, PhoneType: PhoneTypeSoft}}
		}), "PhoneNumberConfigs supports only channel VOICE, got CHAT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewUser(instance(tt.inst), &tt.in)
			if err == nil || err.Error() != tt.want {
				t.Errorf("NewUser error = %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestMessagesNeverContainSecrets(t *testing.T) {
	secrets := []struct {
		value string
		mod   func(*CreateUserInput)
		inst  IdentityManagementType
	}{
		{"hunter2hunter2", password("hunter2hunter2"), IdentityConnectManaged},
		{"Secret Pass1", password("Secret Pass1"), IdentityConnectManaged},
		{"Sup3rSecretPw", password("Sup3rSecretPw"), IdentitySAML},
		{"Zoe\u0301", identity(func(i *IdentityInfo) { i.FirstName = "Zoe\u0301" }), IdentityConnectManaged},
		{"private@example", identity(func(i *IdentityInfo) { i.SecondaryEmail = "private@example" }), IdentityConnectManaged},
		{"mary@example.com", identity(func(i *IdentityInfo) { i.Email = "mary@example.com" }), IdentitySAML},
		{"0612345678", identity(func(i *IdentityInfo) { i.Mobile = "0612345678" }), IdentityConnectManaged},
		{"555-0100", phone(func(p *PhoneConfigInput) { p.DeskPhoneNumber = sp("555-0100") }), IdentityConnectManaged},
	}
	for _, s := range secrets {
		in := seed(s.mod)
		if s.inst != IdentityConnectManaged && s.value != "Sup3rSecretPw" {
			in.Password = nil
		}
		_, err := NewUser(instance(s.inst), &in)
		if err == nil {
			t.Errorf("NewUser with %q: no error", s.value)
			continue
		}
		if strings.Contains(err.Error(), s.value) {
			t.Errorf("message %q contains %q", err, s.value)
		}
	}
}
