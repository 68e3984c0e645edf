package connectlite

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file holds the domain rules of CreateInstance, CreateUser,
// UpdateUserIdentityInfo and the phone/channel configuration updates: the
// rules that depend on the instance or tie members together, which the
// botocore model cannot express. The HTTP layer runs the model validator
// (internal/awsmodel) first; the checks here that repeat a model rule
// (password classes, E.164 numbers) are defence in depth for callers that do
// not go through HTTP.
//
// Kinds: a member whose value is wrong or missing is KindInvalidParameter; a
// member that is not allowed in the request's context (with this identity
// management type, or together with another member) is KindInvalidRequest,
// as the CreateUser documentation says for Password and DirectoryUserId with
// SAML. CreateInstance lists no InvalidParameterException in the model, so
// all of its domain errors are KindInvalidRequest.

// Channels of the model's Channel enum.
const (
	ChannelChat  = "CHAT"
	ChannelTask  = "TASK"
	ChannelEmail = "EMAIL"
)

// Voice enhancement modes of the model's VoiceEnhancementMode enum.
const (
	VoiceEnhancementIsolation        = "VOICE_ISOLATION"
	VoiceEnhancementNoiseSuppression = "NOISE_SUPPRESSION"
	VoiceEnhancementNone             = "NONE"
)

// Documented limits that the model does not carry.
const (
	// MaxUsernameLength is the username limit of an instance that does not
	// use SAML; MaxSAMLUsernameLength that of a SAML instance (CreateUser
	// documentation). The model's 1..100 stays with the model validator.
	MaxUsernameLength     = 20
	MaxSAMLUsernameLength = 64
	// MaxAfterContactWorkTimeLimit is the after-contact-work limit, in
	// seconds (24 days).
	MaxAfterContactWorkTimeLimit = 2_000_000
	// MaxSecondaryEmailLength is the length bound of the documented
	// SecondaryEmail pattern's look-ahead (?=^.{0,265}$).
	MaxSecondaryEmailLength = 265
)

var channels = []string{ChannelVoice, ChannelChat, ChannelTask, ChannelEmail}

// secondaryEmailRE is the documented SecondaryEmail pattern without its
// length look-ahead (checked in code), anchored as AWS applies it.
var secondaryEmailRE = regexp.MustCompile(`^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}$`)

// ValidateCreateInstance applies the rules of CreateInstance the model
// cannot express: an alias for CONNECT_MANAGED and SAML instances, and a
// directory exactly for EXISTING_DIRECTORY ones.
func ValidateCreateInstance(in *CreateInstanceInput) error {
	switch in.IdentityManagementType {
	case IdentityConnectManaged, IdentitySAML:
		if in.InstanceAlias == "" {
			return Errorf(KindInvalidRequest, "InstanceAlias is required for an instance with %s identity management", in.IdentityManagementType)
		}
		if in.DirectoryID != "" {
			return Errorf(KindInvalidRequest, "DirectoryId is allowed only with EXISTING_DIRECTORY identity management, not %s", in.IdentityManagementType)
		}
	case IdentityExistingDirectory:
		if in.DirectoryID == "" {
			return Errorf(KindInvalidRequest, "DirectoryId is required for an instance with EXISTING_DIRECTORY identity management")
		}
	default:
		return Errorf(KindInvalidRequest, "IdentityManagementType must be one of SAML, CONNECT_MANAGED, EXISTING_DIRECTORY, got %q", clip(string(in.IdentityManagementType)))
	}
	return nil
}

// NewUser validates in against the instance and builds the user it describes
// (without id, ARN or timestamps). The legacy PhoneConfig and the VOICE
// entries of the per-channel lists are derived from each other, so a client
// reading either sees the same settings. The password is checked but not
// kept: the Service hashes it.
func NewUser(inst *Instance, in *CreateUserInput) (*User, error) {
	if err := ValidateUsername(inst, in.Username); err != nil {
		return nil, err
	}
	if err := validatePasswordFor(inst, in.Password); err != nil {
		return nil, err
	}
	info := IdentityInfo{}
	if in.IdentityInfo != nil {
		info = *in.IdentityInfo
	}
	if err := validateIdentity(inst, &info); err != nil {
		return nil, err
	}
	if in.DirectoryUserID != nil && inst.IdentityManagementType == IdentitySAML {
		return nil, Errorf(KindInvalidRequest, "DirectoryUserId is not allowed for an instance with SAML identity management")
	}
	if len(in.SecurityProfileIDs) == 0 {
		return nil, Errorf(KindInvalidParameter, "SecurityProfileIds must list at least one security profile")
	}
	for i, id := range in.SecurityProfileIDs {
		if id == "" {
			return nil, Errorf(KindInvalidParameter, "SecurityProfileIds must not contain an empty id")
		}
		if slices.Contains(in.SecurityProfileIDs[:i], id) {
			return nil, Errorf(KindInvalidParameter, "SecurityProfileIds lists %s more than once", clip(id))
		}
	}
	if in.RoutingProfileID == "" {
		return nil, Errorf(KindInvalidParameter, "RoutingProfileId is required")
	}
	for k := range in.Tags {
		if strings.HasPrefix(k, "aws:") {
			return nil, Errorf(KindInvalidParameter, "Tags keys must not start with aws:")
		}
	}
	u := &User{
		InstanceID:         inst.ID,
		Username:           in.Username,
		IdentityInfo:       info,
		SecurityProfileIDs: slices.Clone(in.SecurityProfileIDs),
		RoutingProfileID:   in.RoutingProfileID,
	}
	if in.DirectoryUserID != nil {
		u.DirectoryUserID = *in.DirectoryUserID
	}
	if in.HierarchyGroupID != nil {
		u.HierarchyGroupID = *in.HierarchyGroupID
	}
	if len(in.Tags) > 0 {
		u.Tags = make(map[string]string, len(in.Tags))
		for k, v := range in.Tags {
			u.Tags[k] = v
		}
	}
	if err := ApplyUserConfigs(u, &UserConfigInput{
		PhoneConfig:                 in.PhoneConfig,
		AutoAcceptConfigs:           in.AutoAcceptConfigs,
		AfterContactWorkConfigs:     in.AfterContactWorkConfigs,
		PhoneNumberConfigs:          in.PhoneNumberConfigs,
		PersistentConnectionConfigs: in.PersistentConnectionConfigs,
		VoiceEnhancementConfigs:     in.VoiceEnhancementConfigs,
	}); err != nil {
		return nil, err
	}
	return u, nil
}

// ValidateUsername applies the documented username rules of the instance's
// identity management type: characters a-z, A-Z, 0-9, '_', '-', '.', and '@'
// only in an e-mail form (testuser@example.com, not testuser@example); at
// most MaxUsernameLength characters, or MaxSAMLUsernameLength for SAML.
// Being ASCII, a valid username is always in NFC.
func ValidateUsername(inst *Instance, username string) error {
	if username == "" {
		return Errorf(KindInvalidParameter, "Username is required")
	}
	for i, r := range username {
		if !usernameRune(r) && r != '@' {
			return Errorf(KindInvalidParameter, "Username may contain only letters a-z and A-Z, digits, '_', '-', '.' and '@' in an e-mail form; character %d is %q", utf8.RuneCountInString(username[:i])+1, r)
		}
	}
	if strings.Contains(username, "@") && !emailFormUsername(username) {
		return Errorf(KindInvalidParameter, "Username may contain '@' only in an e-mail form such as testuser@example.com")
	}
	n := utf8.RuneCountInString(username)
	if inst.IdentityManagementType == IdentitySAML {
		if n > MaxSAMLUsernameLength {
			return Errorf(KindInvalidParameter, "Username must be at most %d characters for an instance that uses SAML, got %d", MaxSAMLUsernameLength, n)
		}
	} else if n > MaxUsernameLength {
		return Errorf(KindInvalidParameter, "Username must be at most %d characters for an instance that does not use SAML, got %d", MaxUsernameLength, n)
	}
	return nil
}

func usernameRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.'
}

// emailFormUsername reports whether s is local@domain.tld with a non-empty
// local part, non-empty domain labels and a top-level domain of at least two
// letters.
func emailFormUsername(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(domain, "@") {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// validatePasswordFor checks that a password is sent exactly when the
// instance manages its users' passwords, and that it obeys the rules.
func validatePasswordFor(inst *Instance, password *string) error {
	if inst.IdentityManagementType != IdentityConnectManaged {
		if password != nil {
			return Errorf(KindInvalidRequest, "Password is not allowed for an instance with %s identity management", inst.IdentityManagementType)
		}
		return nil
	}
	if password == nil {
		return Errorf(KindInvalidParameter, "Password is required for an instance with CONNECT_MANAGED identity management")
	}
	return ValidatePassword(*password)
}

// ValidatePassword applies the model's Password pattern
// ^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$ in code: 8 to 64
// characters, at least one lower-case letter, one upper-case letter and one
// digit, no whitespace. Its messages never contain the password.
func ValidatePassword(p string) error {
	if n := utf8.RuneCountInString(p); n < 8 || n > 64 {
		return Errorf(KindInvalidParameter, "Password must be 8 to 64 characters long, got %d", n)
	}
	var lower, upper, digit bool
	for _, r := range p {
		switch {
		case unicode.IsSpace(r):
			return Errorf(KindInvalidParameter, "Password must not contain whitespace")
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		}
	}
	if !lower || !upper || !digit {
		return Errorf(KindInvalidParameter, "Password must contain at least one lower-case letter, one upper-case letter and one digit")
	}
	return nil
}

// ValidateIdentityInfo applies the identity rules of the instance's type to
// the IdentityInfo of UpdateUserIdentityInfo, which is required and replaces
// the user's whole identity.
func ValidateIdentityInfo(inst *Instance, info *IdentityInfo) error {
	if info == nil {
		return Errorf(KindInvalidParameter, "IdentityInfo is required")
	}
	return validateIdentity(inst, info)
}

// validateIdentity holds the identity rules CreateUser and
// UpdateUserIdentityInfo share. Messages name members, never their values.
func validateIdentity(inst *Instance, info *IdentityInfo) error {
	t := inst.IdentityManagementType
	if t == IdentityConnectManaged || t == IdentitySAML {
		if info.FirstName == "" {
			return Errorf(KindInvalidParameter, "IdentityInfo.FirstName is required for an instance with %s identity management", t)
		}
		if info.LastName == "" {
			return Errorf(KindInvalidParameter, "IdentityInfo.LastName is required for an instance with %s identity management", t)
		}
	}
	if info.Email != "" && t == IdentitySAML {
		return Errorf(KindInvalidRequest, "IdentityInfo.Email is not allowed for an instance with SAML identity management")
	}
	for _, f := range []struct{ name, value string }{
		{"IdentityInfo.FirstName", info.FirstName},
		{"IdentityInfo.LastName", info.LastName},
	} {
		if !utf8.ValidString(f.value) || !norm.NFC.IsNormalString(f.value) {
			return Errorf(KindInvalidParameter, "%s must be text in Unicode Normalization Form C (NFC); decomposed characters and stray combining marks are not accepted", f.name)
		}
	}
	if s := info.SecondaryEmail; s != "" {
		if utf8.RuneCountInString(s) > MaxSecondaryEmailLength || !secondaryEmailRE.MatchString(s) {
			return Errorf(KindInvalidParameter, "IdentityInfo.SecondaryEmail must be an e-mail address of at most %d characters matching [a-zA-Z0-9._%%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,63}", MaxSecondaryEmailLength)
		}
	}
	if info.Mobile != "" && !IsE164(info.Mobile) {
		return Errorf(KindInvalidParameter, "IdentityInfo.Mobile must be an E.164 phone number: '+' and 2 to 15 digits, the first not 0")
	}
	return nil
}

// IsE164 reports whether s matches ^\+[1-9]\d{1,14}$, the model's phone
// number pattern read as AWS applies it.
func IsE164(s string) bool {
	if len(s) < 3 || len(s) > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// UserConfigInput is the phone and per-channel configuration a request
// sends: all of it for CreateUser, PhoneConfig alone for
// UpdateUserPhoneConfig, the lists alone for UpdateUserConfig. A nil
// PhoneConfig or nil/empty list was not sent.
type UserConfigInput struct {
	PhoneConfig                 *PhoneConfigInput
	AutoAcceptConfigs           []AutoAcceptConfig
	AfterContactWorkConfigs     []AfterContactWorkConfigPerChannel
	PhoneNumberConfigs          []PhoneNumberConfig
	PersistentConnectionConfigs []PersistentConnectionConfig
	VoiceEnhancementConfigs     []VoiceEnhancementConfig
}

// empty reports whether c configures nothing.
func (c *UserConfigInput) empty() bool {
	return c.PhoneConfig == nil && len(c.AutoAcceptConfigs) == 0 && len(c.AfterContactWorkConfigs) == 0 &&
		len(c.PhoneNumberConfigs) == 0 && len(c.PersistentConnectionConfigs) == 0 && len(c.VoiceEnhancementConfigs) == 0
}

// ValidateUserConfigs checks a configuration on its own: something is
// configured; no PhoneConfig member is sent together with the per-channel
// list it duplicates (KindInvalidRequest naming both); phone types, numbers,
// after-contact-work limits, channels (PhoneNumberConfigs,
// PersistentConnectionConfigs and VoiceEnhancementConfigs are VOICE only;
// agent-first callback settings too; each channel at most once per list) and
// voice enhancement modes are valid (KindInvalidParameter).
func ValidateUserConfigs(c *UserConfigInput) error {
	if c.empty() {
		return Errorf(KindInvalidRequest, "PhoneConfig or per-channel configurations are required")
	}
	if pc := c.PhoneConfig; pc != nil {
		conflicts := []struct {
			set       bool
			field     string
			list      string
			listIsSet bool
		}{
			{pc.AutoAccept != nil, "PhoneConfig.AutoAccept", "AutoAcceptConfigs", len(c.AutoAcceptConfigs) > 0},
			{pc.AfterContactWorkTimeLimit != nil, "PhoneConfig.AfterContactWorkTimeLimit", "AfterContactWorkConfigs", len(c.AfterContactWorkConfigs) > 0},
			{pc.PhoneType != nil, "PhoneConfig.PhoneType", "PhoneNumberConfigs", len(c.PhoneNumberConfigs) > 0},
			{pc.DeskPhoneNumber != nil, "PhoneConfig.DeskPhoneNumber", "PhoneNumberConfigs", len(c.PhoneNumberConfigs) > 0},
			{pc.PersistentConnection != nil, "PhoneConfig.PersistentConnection", "PersistentConnectionConfigs", len(c.PersistentConnectionConfigs) > 0},
		}
		for _, cf := range conflicts {
			if cf.set && cf.listIsSet {
				return Errorf(KindInvalidRequest, "%s and %s cannot be set together; use %s for per-channel settings", cf.field, cf.list, cf.list)
			}
		}
		if pc.PhoneType != nil {
			if err := validatePhoneType("PhoneConfig.PhoneType", *pc.PhoneType); err != nil {
				return err
			}
		}
		if pc.DeskPhoneNumber != nil && *pc.DeskPhoneNumber != "" && !IsE164(*pc.DeskPhoneNumber) {
			return Errorf(KindInvalidParameter, "PhoneConfig.DeskPhoneNumber must be an E.164 phone number: '+' and 2 to 15 digits, the first not 0")
		}
		if pc.PhoneType != nil && *pc.PhoneType == PhoneTypeDesk && (pc.DeskPhoneNumber == nil || *pc.DeskPhoneNumber == "") {
			return Errorf(KindInvalidParameter, "PhoneConfig.DeskPhoneNumber is required when PhoneConfig.PhoneType is DESK_PHONE")
		}
		if pc.AfterContactWorkTimeLimit != nil {
			if err := validateACW("PhoneConfig.AfterContactWorkTimeLimit", *pc.AfterContactWorkTimeLimit); err != nil {
				return err
			}
		}
	}
	seen := channelSet{}
	for _, a := range c.AutoAcceptConfigs {
		if err := seen.add("AutoAcceptConfigs", a.Channel, false); err != nil {
			return err
		}
		if a.AgentFirstCallbackAutoAccept != nil && a.Channel != ChannelVoice {
			return Errorf(KindInvalidParameter, "AutoAcceptConfigs: AgentFirstCallbackAutoAccept applies only to channel VOICE, got %s", a.Channel)
		}
	}
	for _, a := range c.AfterContactWorkConfigs {
		if err := seen.add("AfterContactWorkConfigs", a.Channel, false); err != nil {
			return err
		}
		if l := a.AfterContactWorkConfig.AfterContactWorkTimeLimit; l != nil {
			if err := validateACW("AfterContactWorkConfigs ("+a.Channel+"): AfterContactWorkConfig.AfterContactWorkTimeLimit", *l); err != nil {
				return err
			}
		}
		if cb := a.AgentFirstCallbackAfterContactWorkConfig; cb != nil {
			if a.Channel != ChannelVoice {
				return Errorf(KindInvalidParameter, "AfterContactWorkConfigs: AgentFirstCallbackAfterContactWorkConfig applies only to channel VOICE, got %s", a.Channel)
			}
			if cb.AfterContactWorkTimeLimit != nil {
				if err := validateACW("AfterContactWorkConfigs (VOICE): AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", *cb.AfterContactWorkTimeLimit); err != nil {
					return err
				}
			}
		}
	}
	for _, p := range c.PhoneNumberConfigs {
		if err := seen.add("PhoneNumberConfigs", p.Channel, true); err != nil {
			return err
		}
		if err := validatePhoneType("PhoneNumberConfigs (VOICE): PhoneType", p.PhoneType); err != nil {
			return err
		}
		if p.PhoneNumber != "" && !IsE164(p.PhoneNumber) {
			return Errorf(KindInvalidParameter, "PhoneNumberConfigs (VOICE): PhoneNumber must be an E.164 phone number: '+' and 2 to 15 digits, the first not 0")
		}
		if p.PhoneType == PhoneTypeDesk && p.PhoneNumber == "" {
			return Errorf(KindInvalidParameter, "PhoneNumberConfigs (VOICE): PhoneNumber is required when PhoneType is DESK_PHONE")
		}
	}
	for _, p := range c.PersistentConnectionConfigs {
		if err := seen.add("PersistentConnectionConfigs", p.Channel, true); err != nil {
			return err
		}
	}
	for _, v := range c.VoiceEnhancementConfigs {
		if err := seen.add("VoiceEnhancementConfigs", v.Channel, true); err != nil {
			return err
		}
		switch v.VoiceEnhancementMode {
		case VoiceEnhancementIsolation, VoiceEnhancementNoiseSuppression, VoiceEnhancementNone:
		default:
			return Errorf(KindInvalidParameter, "VoiceEnhancementConfigs (VOICE): VoiceEnhancementMode must be one of VOICE_ISOLATION, NOISE_SUPPRESSION, NONE, got %q", clip(v.VoiceEnhancementMode))
		}
	}
	return nil
}

// channelSet checks the channels of the per-channel lists.
type channelSet map[string]bool

func (s channelSet) add(list, channel string, voiceOnly bool) error {
	if !slices.Contains(channels, channel) {
		return Errorf(KindInvalidParameter, "%s: Channel must be one of VOICE, CHAT, TASK, EMAIL, got %q", list, clip(channel))
	}
	if voiceOnly && channel != ChannelVoice {
		return Errorf(KindInvalidParameter, "%s supports only channel VOICE, got %s", list, channel)
	}
	if s[list+"/"+channel] {
		return Errorf(KindInvalidParameter, "%s lists channel %s more than once", list, channel)
	}
	s[list+"/"+channel] = true
	return nil
}

func validatePhoneType(field, t string) error {
	if t != PhoneTypeSoft && t != PhoneTypeDesk {
		return Errorf(KindInvalidParameter, "%s must be one of SOFT_PHONE, DESK_PHONE, got %q", field, clip(t))
	}
	return nil
}

func validateACW(field string, v int32) error {
	if v < 0 || v > MaxAfterContactWorkTimeLimit {
		return Errorf(KindInvalidParameter, "%s must be 0 to %d seconds, got %d", field, MaxAfterContactWorkTimeLimit, v)
	}
	return nil
}

// ApplyUserConfigs validates c with ValidateUserConfigs and applies it to u,
// changing nothing on error. CreateUser applies its configuration to a new
// user; UpdateUserPhoneConfig and UpdateUserConfig apply theirs to the
// stored one.
//
//   - PhoneConfig sets the legacy voice settings. AutoAccept and
//     AfterContactWorkTimeLimit that are absent mean false and 0 (older
//     SDKs omit zero values), unless the matching per-channel list is sent;
//     absent PhoneType, DeskPhoneNumber and PersistentConnection keep their
//     current values.
//   - A per-channel list updates the entries of the channels it names and
//     keeps the others; its VOICE entry sets the matching PhoneConfig
//     members.
//   - Afterwards PhoneConfig and the VOICE entries agree: PhoneConfig's
//     auto-accept, ACW limit and phone type/number appear as the VOICE
//     entries of AutoAcceptConfigs, AfterContactWorkConfigs and
//     PhoneNumberConfigs (and PersistentConnection, once set, in
//     PersistentConnectionConfigs). A user without a phone type gets
//     SOFT_PHONE. A resulting DESK_PHONE without a number is
//     KindInvalidParameter.
func ApplyUserConfigs(u *User, c *UserConfigInput) error {
	if err := ValidateUserConfigs(c); err != nil {
		return err
	}
	pc := u.PhoneConfig
	auto := slices.Clone(u.AutoAcceptConfigs)
	acw := slices.Clone(u.AfterContactWorkConfigs)
	nums := slices.Clone(u.PhoneNumberConfigs)
	pers := slices.Clone(u.PersistentConnectionConfigs)
	voice := slices.Clone(u.VoiceEnhancementConfigs)

	if in := c.PhoneConfig; in != nil {
		if len(c.AutoAcceptConfigs) == 0 {
			pc.AutoAccept = in.AutoAccept != nil && *in.AutoAccept
		}
		if len(c.AfterContactWorkConfigs) == 0 {
			pc.AfterContactWorkTimeLimit = 0
			if in.AfterContactWorkTimeLimit != nil {
				pc.AfterContactWorkTimeLimit = *in.AfterContactWorkTimeLimit
			}
		}
		if in.PhoneType != nil {
			pc.PhoneType = *in.PhoneType
		}
		if in.DeskPhoneNumber != nil {
			pc.DeskPhoneNumber = *in.DeskPhoneNumber
		}
		if in.PersistentConnection != nil {
			pc.PersistentConnection = ptr(*in.PersistentConnection)
		}
	}

	for _, a := range c.AutoAcceptConfigs {
		a.AgentFirstCallbackAutoAccept = clonePtr(a.AgentFirstCallbackAutoAccept)
		auto = upsert(auto, a, func(x AutoAcceptConfig) string { return x.Channel })
		if a.Channel == ChannelVoice {
			pc.AutoAccept = a.AutoAccept
		}
	}
	for _, a := range c.AfterContactWorkConfigs {
		a.AfterContactWorkConfig.AfterContactWorkTimeLimit = clonePtr(a.AfterContactWorkConfig.AfterContactWorkTimeLimit)
		if cb := a.AgentFirstCallbackAfterContactWorkConfig; cb != nil {
			a.AgentFirstCallbackAfterContactWorkConfig = &AfterContactWorkConfig{AfterContactWorkTimeLimit: clonePtr(cb.AfterContactWorkTimeLimit)}
		}
		acw = upsert(acw, a, func(x AfterContactWorkConfigPerChannel) string { return x.Channel })
		if a.Channel == ChannelVoice {
			pc.AfterContactWorkTimeLimit = 0
			if l := a.AfterContactWorkConfig.AfterContactWorkTimeLimit; l != nil {
				pc.AfterContactWorkTimeLimit = *l
			}
		}
	}
	for _, p := range c.PhoneNumberConfigs {
		nums = upsert(nums, p, func(x PhoneNumberConfig) string { return x.Channel })
		pc.PhoneType, pc.DeskPhoneNumber = p.PhoneType, p.PhoneNumber
	}
	for _, p := range c.PersistentConnectionConfigs {
		pers = upsert(pers, p, func(x PersistentConnectionConfig) string { return x.Channel })
		pc.PersistentConnection = ptr(p.PersistentConnection)
	}
	for _, v := range c.VoiceEnhancementConfigs {
		voice = upsert(voice, v, func(x VoiceEnhancementConfig) string { return x.Channel })
	}

	if pc.PhoneType == "" {
		pc.PhoneType = PhoneTypeSoft
	}
	if pc.PhoneType == PhoneTypeDesk && pc.DeskPhoneNumber == "" {
		return Errorf(KindInvalidParameter, "DeskPhoneNumber is required when PhoneType is DESK_PHONE")
	}

	// Mirror PhoneConfig into the VOICE entries, keeping their callback
	// settings.
	if i := indexOf(auto, func(x AutoAcceptConfig) bool { return x.Channel == ChannelVoice }); i >= 0 {
		auto[i].AutoAccept = pc.AutoAccept
	} else {
		auto = append(auto, AutoAcceptConfig{Channel: ChannelVoice, AutoAccept: pc.AutoAccept})
	}
	limit := pc.AfterContactWorkTimeLimit
	if i := indexOf(acw, func(x AfterContactWorkConfigPerChannel) bool { return x.Channel == ChannelVoice }); i >= 0 {
		acw[i].AfterContactWorkConfig.AfterContactWorkTimeLimit = &limit
	} else {
		acw = append(acw, AfterContactWorkConfigPerChannel{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{AfterContactWorkTimeLimit: &limit}})
	}
	nums = upsert(nums, PhoneNumberConfig{Channel: ChannelVoice, PhoneType: pc.PhoneType, PhoneNumber: pc.DeskPhoneNumber},
		func(x PhoneNumberConfig) string { return x.Channel })
	if pc.PersistentConnection != nil {
		pers = upsert(pers, PersistentConnectionConfig{Channel: ChannelVoice, PersistentConnection: *pc.PersistentConnection},
			func(x PersistentConnectionConfig) string { return x.Channel })
	}

	u.PhoneConfig = pc
	u.AutoAcceptConfigs = auto
	u.AfterContactWorkConfigs = acw
	u.PhoneNumberConfigs = nums
	u.PersistentConnectionConfigs = pers
	u.VoiceEnhancementConfigs = voice
	return nil
}

// upsert replaces the entry of list with v's key, or appends v.
func upsert[T any](list []T, v T, key func(T) string) []T {
	k := key(v)
	if i := indexOf(list, func(x T) bool { return key(x) == k }); i >= 0 {
		list[i] = v
		return list
	}
	return append(list, v)
}

func indexOf[T any](list []T, match func(T) bool) int {
	for i, x := range list {
		if match(x) {
			return i
		}
	}
	return -1
}

func ptr[T any](v T) *T { return &v }

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	return ptr(*p)
}

// clip shortens a client-supplied enum-like value for an error message.
func clip(s string) string {
	const max = 64
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "..."
}
