package awsmodel

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
)

// input builds a ValidateInput argument the way the HTTP layer does: the
// body decoded with UseNumber, plus the path and query members as strings.
func input(t *testing.T, body string, params map[string]any) map[string]any {
	t.Helper()
	in := map[string]any{}
	if body != "" {
		dec := json.NewDecoder(strings.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&in); err != nil {
			t.Fatalf("decode %s: %v", body, err)
		}
	}
	for k, v := range params {
		in[k] = v
	}
	return in
}

const (
	okUser = `"Username":"mary","SecurityProfileIds":["sp"],"RoutingProfileId":"rp"`
	pat164 = `Member must satisfy regular expression pattern: \+[1-9]\d{1,14}$`
	patPwd = `Member must satisfy regular expression pattern: ^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$`
	patTag = `Member must satisfy regular expression pattern: ^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`
)

var inst = map[string]any{"InstanceId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"}

func user(extra string) string { return "{" + okUser + extra + "}" }

// Outcomes of a table row.
const (
	valid = iota
	invalid
	badType
)

func TestValidateInput(t *testing.T) {
	m := mustLoad(t)
	long := func(s string, n int) string { return strings.Repeat(s, n) }
	tags := func(n int) string {
		var b strings.Builder
		b.WriteString(`{`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`"k` + strings.Repeat("x", i) + `":"v"`)
		}
		return b.String() + `}`
	}
	tests := []struct {
		name   string
		op     string
		body   string
		params map[string]any
		want   int
		// violations are the expected Violation strings, in order, for
		// want == invalid; the SerializationError path for want == badType.
		violations []string
	}{
		// CreateUser: required members.
		{name: "CreateUserMinimal", op: OpCreateUser, body: user(""), params: inst},
		{name: "CreateUserSeed000", op: OpCreateUser, params: inst, body: `{"Username":"Mary","Password":"Pass@Word1",
			"IdentityInfo":{"FirstName":"Mary","LastName":"Major"},
			"PhoneConfig":{"PhoneType":"DESK_PHONE","AutoAccept":true,"AfterContactWorkTimeLimit":60,"DeskPhoneNumber":"+15555551212"},
			"SecurityProfileIds":["12345678-1111-2222-aaaa-a1b2c3d4f5g7"],"RoutingProfileId":"87654321-9999-3434-abcd-x1y2z3a1b2c3"}`},
		{name: "CreateUserEveryMember", op: OpCreateUser, params: inst, body: user(`,"Password":"Pass@Word1",
			"IdentityInfo":{"FirstName":"Mary","LastName":"Major","Email":"mary@example.com","SecondaryEmail":"m@example.org","Mobile":"+447700900123"},
			"DirectoryUserId":"d","HierarchyGroupId":"h",
			"AutoAcceptConfigs":[{"Channel":"VOICE","AutoAccept":true,"AgentFirstCallbackAutoAccept":false},{"Channel":"CHAT","AutoAccept":false}],
			"AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":0},"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":30}}],
			"PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":"DESK_PHONE","PhoneNumber":"+15555551212"}],
			"PersistentConnectionConfigs":[{"Channel":"VOICE","PersistentConnection":true}],
			"VoiceEnhancementConfigs":[{"Channel":"VOICE","VoiceEnhancementMode":"NOISE_SUPPRESSION"}],
			"Tags":{"team":"blue","clé":"valeur"}`)},
		{name: "CreateUserMissingRequired", op: OpCreateUser, body: `{}`, want: invalid, violations: []string{
			"Value null at 'Username' failed to satisfy constraint: Member must not be null",
			"Value null at 'SecurityProfileIds' failed to satisfy constraint: Member must not be null",
			"Value null at 'RoutingProfileId' failed to satisfy constraint: Member must not be null",
			"Value null at 'InstanceId' failed to satisfy constraint: Member must not be null",
		}},
		{name: "CreateUserNullRequired", op: OpCreateUser, params: inst, body: `{"Username":null,"SecurityProfileIds":["sp"],"RoutingProfileId":"rp"}`,
			want: invalid, violations: []string{"Value null at 'Username' failed to satisfy constraint: Member must not be null"}},
		{name: "CreateUserUnknownMemberIgnored", op: OpCreateUser, params: inst, body: user(`,"Nickname":42,"IdentityInfo":{"Middle":[1]}`)},
		{name: "CreateUserNullOptional", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":null,"Tags":null`)},

		// String lengths, counted in code points.
		{name: "UsernameEmpty", op: OpCreateUser, params: inst, body: `{"Username":"","SecurityProfileIds":["sp"],"RoutingProfileId":"rp"}`,
			want: invalid, violations: []string{"Value at 'Username' failed to satisfy constraint: Member must have length greater than or equal to 1"}},
		{name: "Username100", op: OpCreateUser, params: inst, body: `{"Username":"` + long("a", 100) + `","SecurityProfileIds":["sp"],"RoutingProfileId":"rp"}`},
		{name: "Username101", op: OpCreateUser, params: inst, body: `{"Username":"` + long("a", 101) + `","SecurityProfileIds":["sp"],"RoutingProfileId":"rp"}`,
			want: invalid, violations: []string{"Value at 'Username' failed to satisfy constraint: Member must have length less than or equal to 100"}},
		{name: "FirstName255CodePoints", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"FirstName":"` + long("é", 255) + `"}`)},
		{name: "FirstName256CodePoints", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"FirstName":"` + long("é", 256) + `"}`),
			want: invalid, violations: []string{"Value at 'IdentityInfo.FirstName' failed to satisfy constraint: Member must have length less than or equal to 255"}},
		{name: "LastName301", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"LastName":"` + long("x", 301) + `"}`),
			want: invalid, violations: []string{"Value at 'IdentityInfo.LastName' failed to satisfy constraint: Member must have length less than or equal to 300"}},

		// List lengths.
		{name: "SecurityProfileIdsEmpty", op: OpCreateUser, params: inst, body: `{"Username":"u","SecurityProfileIds":[],"RoutingProfileId":"rp"}`,
			want: invalid, violations: []string{"Value at 'SecurityProfileIds' failed to satisfy constraint: Member must have length greater than or equal to 1"}},
		{name: "SecurityProfileIds10", op: OpCreateUser, params: inst, body: `{"Username":"u","SecurityProfileIds":["1","2","3","4","5","6","7","8","9","10"],"RoutingProfileId":"rp"}`},
		{name: "SecurityProfileIds11", op: OpCreateUser, params: inst, body: `{"Username":"u","SecurityProfileIds":["1","2","3","4","5","6","7","8","9","10","11"],"RoutingProfileId":"rp"}`,
			want: invalid, violations: []string{"Value at 'SecurityProfileIds' failed to satisfy constraint: Member must have length less than or equal to 10"}},
		{name: "SecurityProfileIdsNullElement", op: OpCreateUser, params: inst, body: `{"Username":"u","SecurityProfileIds":["a",null],"RoutingProfileId":"rp"}`,
			want: invalid, violations: []string{"Value null at 'SecurityProfileIds.2.member' failed to satisfy constraint: Member must not be null"}},

		// Enums and nested required members, with list paths.
		{name: "PhoneTypeEnum", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"PhoneType":"CELL_PHONE"}`),
			want: invalid, violations: []string{"Value at 'PhoneConfig.PhoneType' failed to satisfy constraint: Member must satisfy enum value set: [SOFT_PHONE, DESK_PHONE]"}},
		{name: "ChannelEnumInList", op: OpCreateUser, params: inst, body: user(`,"AutoAcceptConfigs":[{"Channel":"VOICE","AutoAccept":true},{"Channel":"SMS","AutoAccept":true}]`),
			want: invalid, violations: []string{"Value at 'AutoAcceptConfigs.2.member.Channel' failed to satisfy constraint: Member must satisfy enum value set: [VOICE, CHAT, TASK, EMAIL]"}},
		{name: "NestedRequired", op: OpCreateUser, params: inst, body: user(`,"AutoAcceptConfigs":[{"Channel":"VOICE"}],"AfterContactWorkConfigs":[{"Channel":"CHAT"}]`),
			want: invalid, violations: []string{
				"Value null at 'AutoAcceptConfigs.1.member.AutoAccept' failed to satisfy constraint: Member must not be null",
				"Value null at 'AfterContactWorkConfigs.1.member.AfterContactWorkConfig' failed to satisfy constraint: Member must not be null",
			}},

		// Integer ranges.
		{name: "ACWZero", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"AfterContactWorkTimeLimit":0}`)},
		{name: "ACWNegative", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"AfterContactWorkTimeLimit":-1}`),
			want: invalid, violations: []string{"Value at 'PhoneConfig.AfterContactWorkTimeLimit' failed to satisfy constraint: Member must have value greater than or equal to 0"}},
		{name: "ACWPerChannelNegative", op: OpCreateUser, params: inst, body: user(`,"AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":-5}}]`),
			want: invalid, violations: []string{"Value at 'AfterContactWorkConfigs.1.member.AfterContactWorkConfig.AfterContactWorkTimeLimit' failed to satisfy constraint: Member must have value greater than or equal to 0"}},
		{name: "ACWExponentIntegral", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"AfterContactWorkTimeLimit":6e1}`)},

		// Wrong JSON types are serialization errors, whatever else is wrong.
		{name: "BooleanAsString", op: OpCreateUser, params: inst, body: `{"Username":"","SecurityProfileIds":["sp"],"RoutingProfileId":"rp","PhoneConfig":{"AutoAccept":"yes"}}`,
			want: badType, violations: []string{"PhoneConfig.AutoAccept"}},
		{name: "IntegerAsString", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"AfterContactWorkTimeLimit":"60"}`),
			want: badType, violations: []string{"PhoneConfig.AfterContactWorkTimeLimit"}},
		{name: "IntegerWithFraction", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"AfterContactWorkTimeLimit":1.5}`),
			want: badType, violations: []string{"PhoneConfig.AfterContactWorkTimeLimit"}},
		{name: "IntegerOverflow", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"AfterContactWorkTimeLimit":2147483648}`),
			want: badType, violations: []string{"PhoneConfig.AfterContactWorkTimeLimit"}},
		{name: "StringAsNumber", op: OpCreateUser, params: inst, body: `{"Username":42,"SecurityProfileIds":["sp"],"RoutingProfileId":"rp"}`,
			want: badType, violations: []string{"Username"}},
		{name: "StructureAsString", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":"Mary Major"`),
			want: badType, violations: []string{"IdentityInfo"}},
		{name: "ListAsObject", op: OpCreateUser, params: inst, body: `{"Username":"u","SecurityProfileIds":{"a":"b"},"RoutingProfileId":"rp"}`,
			want: badType, violations: []string{"SecurityProfileIds"}},
		{name: "ListElementType", op: OpCreateUser, params: inst, body: `{"Username":"u","SecurityProfileIds":["a",7],"RoutingProfileId":"rp"}`,
			want: badType, violations: []string{"SecurityProfileIds.2.member"}},
		{name: "MapAsList", op: OpCreateUser, params: inst, body: user(`,"Tags":["a"]`),
			want: badType, violations: []string{"Tags"}},
		{name: "MapValueType", op: OpCreateUser, params: inst, body: user(`,"Tags":{"a":true}`),
			want: badType, violations: []string{"Tags.a"}},

		// Password: slashes stripped, look-aheads in code.
		{name: "PasswordSeed", op: OpCreateUser, params: inst, body: user(`,"Password":"Pass@Word1"`)},
		{name: "Password8", op: OpCreateUser, params: inst, body: user(`,"Password":"aB3aB3aB"`)},
		{name: "Password64", op: OpCreateUser, params: inst, body: user(`,"Password":"aB3` + long("x", 61) + `"`)},
		{name: "Password65", op: OpCreateUser, params: inst, body: user(`,"Password":"aB3` + long("x", 62) + `"`),
			want: invalid, violations: []string{"Value at 'Password' failed to satisfy constraint: " + patPwd}},
		{name: "PasswordShort", op: OpCreateUser, params: inst, body: user(`,"Password":"aB3aB3a"`),
			want: invalid, violations: []string{"Value at 'Password' failed to satisfy constraint: " + patPwd}},
		{name: "PasswordNoUpper", op: OpCreateUser, params: inst, body: user(`,"Password":"password1"`),
			want: invalid, violations: []string{"Value at 'Password' failed to satisfy constraint: " + patPwd}},
		{name: "PasswordNoLower", op: OpCreateUser, params: inst, body: user(`,"Password":"PASSWORD1"`),
			want: invalid, violations: []string{"Value at 'Password' failed to satisfy constraint: " + patPwd}},
		{name: "PasswordNoDigit", op: OpCreateUser, params: inst, body: user(`,"Password":"PassWord!"`),
			want: invalid, violations: []string{"Value at 'Password' failed to satisfy constraint: " + patPwd}},
		{name: "PasswordWhitespace", op: OpCreateUser, params: inst, body: user(`,"Password":"Pass Word1"`),
			want: invalid, violations: []string{"Value at 'Password' failed to satisfy constraint: " + patPwd}},

		// Mobile: the double-escaped pattern means E.164, anchored.
		{name: "MobileE164", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"Mobile":"+15555551212"}`)},
		{name: "MobileShortest", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"Mobile":"+12"}`)},
		{name: "MobileNoPlus", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"Mobile":"15555551212"}`),
			want: invalid, violations: []string{"Value at 'IdentityInfo.Mobile' failed to satisfy constraint: " + pat164}},
		{name: "MobileLeadingZero", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"Mobile":"+05555551212"}`),
			want: invalid, violations: []string{"Value at 'IdentityInfo.Mobile' failed to satisfy constraint: " + pat164}},
		{name: "MobileTooLong", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"Mobile":"+1234567890123456"}`),
			want: invalid, violations: []string{"Value at 'IdentityInfo.Mobile' failed to satisfy constraint: " + pat164}},
		{name: "MobileLiteralBackslash", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"Mobile":"\\+15555551212"}`),
			want: invalid, violations: []string{"Value at 'IdentityInfo.Mobile' failed to satisfy constraint: " + pat164}},
		{name: "MobilePrefixAnchored", op: OpCreateUser, params: inst, body: user(`,"IdentityInfo":{"Mobile":"call +15555551212"}`),
			want: invalid, violations: []string{"Value at 'IdentityInfo.Mobile' failed to satisfy constraint: " + pat164}},
		{name: "DeskPhoneBad", op: OpCreateUser, params: inst, body: user(`,"PhoneConfig":{"DeskPhoneNumber":"555-1212"}`),
			want: invalid, violations: []string{"Value at 'PhoneConfig.DeskPhoneNumber' failed to satisfy constraint: " + pat164}},
		{name: "PhoneNumberConfigBad", op: OpCreateUser, params: inst, body: user(`,"PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":"DESK_PHONE","PhoneNumber":"+1555x"}]`),
			want: invalid, violations: []string{"Value at 'PhoneNumberConfigs.1.member.PhoneNumber' failed to satisfy constraint: " + pat164}},

		// Tags: map length, key shape (aws: look-ahead, length, pattern), value length.
		{name: "TagAwsPrefix", op: OpCreateUser, params: inst, body: user(`,"Tags":{"aws:x":"v"}`),
			want: invalid, violations: []string{"Value at 'Tags.aws:x' failed to satisfy constraint: Map keys must satisfy constraint: [" + patTag + "]"}},
		{name: "TagAwsCaseSensitive", op: OpCreateUser, params: inst, body: user(`,"Tags":{"AWS:x":"v","awsx":"v"}`)},
		{name: "TagKeyEmpty", op: OpCreateUser, params: inst, body: user(`,"Tags":{"":"v"}`),
			want: invalid, violations: []string{"Value at 'Tags.' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length greater than or equal to 1]"}},
		{name: "TagKeyBadChar", op: OpCreateUser, params: inst, body: user(`,"Tags":{"a*b":"v"}`),
			want: invalid, violations: []string{"Value at 'Tags.a*b' failed to satisfy constraint: Map keys must satisfy constraint: [" + patTag + "]"}},
		{name: "TagKey129", op: OpCreateUser, params: inst, body: user(`,"Tags":{"` + long("k", 129) + `":"v"}`),
			want: invalid, violations: []string{"Value at 'Tags." + long("k", 129) + "' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128]"}},
		{name: "TagValue257", op: OpCreateUser, params: inst, body: user(`,"Tags":{"k":"` + long("v", 257) + `"}`),
			want: invalid, violations: []string{"Value at 'Tags.k' failed to satisfy constraint: Member must have length less than or equal to 256"}},
		{name: "Tags50", op: OpCreateUser, params: inst, body: user(`,"Tags":` + tags(50))},
		{name: "Tags51", op: OpCreateUser, params: inst, body: user(`,"Tags":` + tags(51)),
			want: invalid, violations: []string{"Value at 'Tags' failed to satisfy constraint: Member must have length less than or equal to 50"}},
		{name: "TagsEmpty", op: OpCreateUser, params: inst, body: user(`,"Tags":{}`),
			want: invalid, violations: []string{"Value at 'Tags' failed to satisfy constraint: Member must have length greater than or equal to 1"}},

		// Several violations are all reported, in model order.
		{name: "SeveralViolations", op: OpCreateUser, params: inst, body: `{"Username":"","Password":"short","SecurityProfileIds":[],"RoutingProfileId":"rp","PhoneConfig":{"PhoneType":"X"}}`,
			want: invalid, violations: []string{
				"Value at 'Username' failed to satisfy constraint: Member must have length greater than or equal to 1",
				"Value at 'Password' failed to satisfy constraint: " + patPwd,
				"Value at 'PhoneConfig.PhoneType' failed to satisfy constraint: Member must satisfy enum value set: [SOFT_PHONE, DESK_PHONE]",
				"Value at 'SecurityProfileIds' failed to satisfy constraint: Member must have length greater than or equal to 1",
			}},

		// CreateInstance: negative look-ahead (?!d-), lengths, enum, required booleans.
		{name: "CreateInstanceOK", op: OpCreateInstance, body: `{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"my-alias-1","InboundCallsEnabled":true,"OutboundCallsEnabled":false}`},
		{name: "CreateInstanceDirectory", op: OpCreateInstance, body: `{"IdentityManagementType":"EXISTING_DIRECTORY","DirectoryId":"d-0123456789","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`},
		{name: "CreateInstanceMissing", op: OpCreateInstance, body: `{"InstanceAlias":"x"}`, want: invalid, violations: []string{
			"Value null at 'IdentityManagementType' failed to satisfy constraint: Member must not be null",
			"Value null at 'InboundCallsEnabled' failed to satisfy constraint: Member must not be null",
			"Value null at 'OutboundCallsEnabled' failed to satisfy constraint: Member must not be null",
		}},
		{name: "CreateInstanceTypeEnum", op: OpCreateInstance, body: `{"IdentityManagementType":"LDAP","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`,
			want: invalid, violations: []string{"Value at 'IdentityManagementType' failed to satisfy constraint: Member must satisfy enum value set: [SAML, CONNECT_MANAGED, EXISTING_DIRECTORY]"}},
		{name: "AliasStartsWithD", op: OpCreateInstance, body: `{"IdentityManagementType":"SAML","InstanceAlias":"d-abc","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`,
			want: invalid, violations: []string{`Value at 'InstanceAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$`}},
		{name: "AliasLeadingHyphen", op: OpCreateInstance, body: `{"IdentityManagementType":"SAML","InstanceAlias":"-abc","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`,
			want: invalid, violations: []string{`Value at 'InstanceAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$`}},
		{name: "Alias46", op: OpCreateInstance, body: `{"IdentityManagementType":"SAML","InstanceAlias":"` + long("a", 46) + `","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`,
			want: invalid, violations: []string{"Value at 'InstanceAlias' failed to satisfy constraint: Member must have length less than or equal to 45"}},
		{name: "DirectoryIdBad", op: OpCreateInstance, body: `{"IdentityManagementType":"EXISTING_DIRECTORY","DirectoryId":"d-012345678Z","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`,
			want: invalid, violations: []string{`Value at 'DirectoryId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^d-[0-9a-f]{10}$`}},
		{name: "DirectoryIdShort", op: OpCreateInstance, body: `{"IdentityManagementType":"EXISTING_DIRECTORY","DirectoryId":"d-01","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`,
			want: invalid, violations: []string{
				"Value at 'DirectoryId' failed to satisfy constraint: Member must have length greater than or equal to 12",
				`Value at 'DirectoryId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^d-[0-9a-f]{10}$`,
			}},
		{name: "CreateInstanceBoolAsString", op: OpCreateInstance, body: `{"IdentityManagementType":"SAML","InboundCallsEnabled":"true","OutboundCallsEnabled":true}`,
			want: badType, violations: []string{"InboundCallsEnabled"}},

		// UpdateUserIdentityInfo: IdentityInfo required, path members as strings.
		{name: "UpdateIdentityOK", op: OpUpdateUserIdentityInfo, body: `{"IdentityInfo":{"FirstName":"Ana","Mobile":"+33612345678"}}`,
			params: map[string]any{"InstanceId": "i", "UserId": "u"}},
		{name: "UpdateIdentityMissing", op: OpUpdateUserIdentityInfo, body: `{}`, params: map[string]any{"InstanceId": "i", "UserId": "u"},
			want: invalid, violations: []string{"Value null at 'IdentityInfo' failed to satisfy constraint: Member must not be null"}},
		{name: "UpdateIdentityBadMobile", op: OpUpdateUserIdentityInfo, body: `{"IdentityInfo":{"Mobile":"0612345678"}}`, params: map[string]any{"InstanceId": "i", "UserId": "u"},
			want: invalid, violations: []string{"Value at 'IdentityInfo.Mobile' failed to satisfy constraint: " + pat164}},
		{name: "UpdateIdentityEmptyInstance", op: OpUpdateUserIdentityInfo, body: `{"IdentityInfo":{}}`, params: map[string]any{"InstanceId": "", "UserId": "u"},
			want: invalid, violations: []string{"Value at 'InstanceId' failed to satisfy constraint: Member must have length greater than or equal to 1"}},

		// TagResource / UntagResource: lower-case members, list query member.
		{name: "TagResourceOK", op: OpTagResource, body: `{"tags":{"team":"blue"}}`, params: map[string]any{"resourceArn": "arn:aws:connect:us-west-2:123456789012:instance/i/agent/u"}},
		{name: "TagResourceAws", op: OpTagResource, body: `{"tags":{"aws:cloudformation:stack":"x","ok":"y"}}`, params: map[string]any{"resourceArn": "arn"},
			want: invalid, violations: []string{"Value at 'tags.aws:cloudformation:stack' failed to satisfy constraint: Map keys must satisfy constraint: [" + patTag + "]"}},
		{name: "TagResourceMissing", op: OpTagResource, body: `{"Tags":{"team":"blue"}}`, params: map[string]any{"resourceArn": "arn"},
			want: invalid, violations: []string{"Value null at 'tags' failed to satisfy constraint: Member must not be null"}},
		{name: "UntagResourceOK", op: OpUntagResource, params: map[string]any{"resourceArn": "arn", "tagKeys": []string{"a", "b"}}},
		{name: "UntagResourceAws", op: OpUntagResource, params: map[string]any{"resourceArn": "arn", "tagKeys": []string{"ok", "aws:x"}},
			want: invalid, violations: []string{"Value at 'tagKeys.2.member' failed to satisfy constraint: " + patTag}},
		{name: "UntagResourceNone", op: OpUntagResource, params: map[string]any{"resourceArn": "arn", "tagKeys": []string{}},
			want: invalid, violations: []string{"Value at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1"}},

		// ListUsers: integer query member given as a string.
		{name: "ListUsersOK", op: OpListUsers, params: map[string]any{"InstanceId": "i", "MaxResults": "1000", "NextToken": "abc"}},
		{name: "ListUsersMax", op: OpListUsers, params: map[string]any{"InstanceId": "i", "MaxResults": "1001"},
			want: invalid, violations: []string{"Value at 'MaxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"}},
		{name: "ListUsersMin", op: OpListUsers, params: map[string]any{"InstanceId": "i", "MaxResults": "0"},
			want: invalid, violations: []string{"Value at 'MaxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"}},
		{name: "ListUsersNotANumber", op: OpListUsers, params: map[string]any{"InstanceId": "i", "MaxResults": "ten"},
			want: badType, violations: []string{"MaxResults"}},

		// SearchUsers: InstanceId in the body, recursive criteria.
		{name: "SearchUsersOK", op: OpSearchUsers, body: `{"InstanceId":"i","MaxResults":500,"SearchCriteria":{"OrConditions":[{"StringCondition":{"FieldName":"Username","Value":"ma","ComparisonType":"STARTS_WITH"}},{"AndConditions":[{"HierarchyGroupCondition":{"Value":"h","HierarchyGroupMatchType":"WITH_CHILD_GROUPS"}}]}]}}`},
		{name: "SearchUsersNoInstance", op: OpSearchUsers, body: `{}`,
			want: invalid, violations: []string{"Value null at 'InstanceId' failed to satisfy constraint: Member must not be null"}},
		{name: "SearchUsersMaxResults", op: OpSearchUsers, body: `{"InstanceId":"i","MaxResults":501,"NextToken":""}`, want: invalid, violations: []string{
			"Value at 'NextToken' failed to satisfy constraint: Member must have length greater than or equal to 1",
			"Value at 'MaxResults' failed to satisfy constraint: Member must have value less than or equal to 500",
		}},
		{name: "SearchUsersDeepEnum", op: OpSearchUsers, body: `{"InstanceId":"i","SearchCriteria":{"OrConditions":[{"AndConditions":[{"StringCondition":{"FieldName":"Username","Value":"x","ComparisonType":"LIKE"}}]}]}}`,
			want: invalid, violations: []string{"Value at 'SearchCriteria.OrConditions.1.member.AndConditions.1.member.StringCondition.ComparisonType' failed to satisfy constraint: Member must satisfy enum value set: [STARTS_WITH, CONTAINS, EXACT]"}},
		{name: "SearchUsersMaxResultsString", op: OpSearchUsers, body: `{"InstanceId":"i","MaxResults":"10"}`,
			want: badType, violations: []string{"MaxResults"}},

		// Unions: more than one member set is refused while decoding.
		{name: "UnionOneMember", op: OpCreatePredefinedAttribute, body: `{"Name":"n","Values":{"StringList":["a"]}}`, params: inst},
		{name: "UnionTwoMembers", op: OpStartAttachedFileUpload, params: inst,
			body: `{"FileName":"f","FileSizeInBytes":1,"FileUseCaseType":"ATTACHMENT","AssociatedResourceArn":"a","CreatedBy":{"ConnectUserArn":"x","AWSIdentityArn":"y"}}`,
			want: badType, violations: []string{"CreatedBy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := m.ValidateInput(tt.op, input(t, tt.body, tt.params))
			var verr *ValidationError
			var serr *SerializationError
			switch tt.want {
			case valid:
				if err != nil {
					t.Fatalf("ValidateInput(%s) = %v, want nil", tt.op, err)
				}
			case invalid:
				if !errors.As(err, &verr) {
					t.Fatalf("ValidateInput(%s) = %v (%T), want *ValidationError", tt.op, err, err)
				}
				var got []string
				for _, v := range verr.Violations {
					got = append(got, v.String())
				}
				if !slices.Equal(got, tt.violations) {
					t.Errorf("violations:\n got  %q\n want %q", got, tt.violations)
				}
			case badType:
				if !errors.As(err, &serr) {
					t.Fatalf("ValidateInput(%s) = %v (%T), want *SerializationError", tt.op, err, err)
				}
				if serr.Path != tt.violations[0] {
					t.Errorf("SerializationError.Path = %q, want %q (%v)", serr.Path, tt.violations[0], serr)
				}
			}
		})
	}
}

func TestValidationErrorMessage(t *testing.T) {
	m := mustLoad(t)
	err := m.ValidateInput(OpCreateUser, input(t, user(`,"IdentityInfo":{"Mobile":"5551212"}`), inst))
	want := `1 validation error detected: Value at 'IdentityInfo.Mobile' failed to satisfy constraint: Member must satisfy regular expression pattern: \+[1-9]\d{1,14}$`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
	err = m.ValidateInput(OpCreateUser, input(t, `{"Username":"u"}`, inst))
	if err == nil || !strings.HasPrefix(err.Error(), "2 validation errors detected: Value null at 'SecurityProfileIds'") {
		t.Errorf("error = %v, want 2 validation errors", err)
	}
}

func TestValidationNeverEchoesValues(t *testing.T) {
	m := mustLoad(t)
	secrets := []string{"hunter2 secret", "Zoë\u0301", "+0123", "not-an-email@", "CELL_PHONEX"}
	body := user(`,"Password":"hunter2 secret","IdentityInfo":{"FirstName":"` + strings.Repeat("Zoë\u0301", 100) +
		`","Mobile":"+0123"},"PhoneConfig":{"PhoneType":"CELL_PHONEX","DeskPhoneNumber":"not-an-email@"}`)
	err := m.ValidateInput(OpCreateUser, input(t, body, inst))
	if err == nil {
		t.Fatal("ValidateInput = nil, want violations")
	}
	for _, s := range secrets {
		if strings.Contains(err.Error(), s) {
			t.Errorf("message %q contains the value %q", err, s)
		}
	}
}

func TestValidateInputUnknownOperation(t *testing.T) {
	m := mustLoad(t)
	err := m.ValidateInput("NoSuchOperation", map[string]any{})
	var verr *ValidationError
	var serr *SerializationError
	if err == nil || errors.As(err, &verr) || errors.As(err, &serr) {
		t.Errorf("ValidateInput(NoSuchOperation) = %v, want a plain error", err)
	}
	if err := m.ValidateInput(OpListInstances, nil); err != nil {
		t.Errorf("ValidateInput(ListInstances, nil) = %v, want nil", err)
	}
}

func TestValidateInputConcurrent(t *testing.T) {
	m := mustLoad(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := input(t, user(`,"Password":"Pass@Word1","IdentityInfo":{"Mobile":"+15555551212"},"Tags":{"a":"b"}`), inst)
			errs <- m.ValidateInput(OpCreateUser, in)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("ValidateInput = %v, want nil", err)
		}
	}
}

func TestModelPatternsAllEnforced(t *testing.T) {
	m := mustLoad(t)
	for _, s := range m.Shapes {
		if s.Pattern == "" {
			continue
		}
		if reason, skipped := m.PatternSkipped(s.Pattern); skipped {
			t.Errorf("pattern of %s (%q) is not enforced: %s", s.Name, s.Pattern, reason)
		}
	}
}

func TestCompilePattern(t *testing.T) {
	tests := []struct {
		name, pattern string
		accept        []string
		reject        []string
		skipped       bool
	}{
		{name: "UnanchoredIsFullMatch", pattern: `[a-z]+`, accept: []string{"abc"}, reject: []string{"abc1", "1abc", ""}},
		{name: "AlternationAnchored", pattern: `^a|b$`, accept: []string{"a", "b"}, reject: []string{"ab", "ax", "xb"}},
		{name: "Slashes", pattern: `/^[0-9]{2}$/`, accept: []string{"12"}, reject: []string{"/12/", "1"}},
		{name: "DoubleEscaped", pattern: `\\d\\.\\d`, accept: []string{"1.2"}, reject: []string{`\d\.\d`, "1x2"}},
		{name: "JavaUnicodeEscape", pattern: `[\u0041-\u0043]+`, accept: []string{"ABC"}, reject: []string{"D"}},
		{name: "NegativeLookaheadAlternatives", pattern: `(?!aws:|connect:)[a-z:]+$`, accept: []string{"foo:bar", "awsx"}, reject: []string{"aws:x", "connect:y"}},
		{name: "NegativeLookaheadExact", pattern: `^(?!\\.$)(?!\\.\\.$)[.a-z]+$`, accept: []string{"...", "a.b"}, reject: []string{".", ".."}},
		{name: "PositiveLookaheadLength", pattern: `(?=^.{0,10}$)[a-z]+@[a-z]+`, accept: []string{"a@b"}, reject: []string{"abcdef@ghijk", "ab"}},
		{name: "LookbehindSkipped", pattern: `a(?<=a)b`, accept: []string{"anything"}, skipped: true},
		{name: "LateLookaheadSkipped", pattern: `a(?=b)b`, accept: []string{"zzz"}, skipped: true},
		{name: "InvalidSkipped", pattern: `[a-`, accept: []string{"zzz"}, skipped: true},
		{name: "PossessiveSkipped", pattern: `a++`, accept: []string{"b"}, skipped: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := compilePattern(tt.pattern)
			if (p.skip != "") != tt.skipped {
				t.Fatalf("compilePattern(%q).skip = %q, want skipped=%v", tt.pattern, p.skip, tt.skipped)
			}
			for _, s := range tt.accept {
				if !p.match(s) {
					t.Errorf("%q rejects %q", tt.pattern, s)
				}
			}
			for _, s := range tt.reject {
				if p.match(s) {
					t.Errorf("%q accepts %q", tt.pattern, s)
				}
			}
		})
	}
}
