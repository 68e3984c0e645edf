package e2e

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// TestSDKInstance covers CreateInstance, DescribeInstance, ListSecurityProfiles,
// ListRoutingProfiles and DeleteInstance, and that an instance is visible only
// in its region.
func TestSDKInstance(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "us-east-1"
	c := newClient(s, region)

	alias := unique("inst")
	before := time.Now().Add(-time.Minute)
	out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias:          aws.String(alias),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(false),
		Tags:                   map[string]string{"team": "e2e"},
	})
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	id := aws.ToString(out.Id)
	if !uuidRE.MatchString(id) {
		t.Errorf("CreateInstance: Id = %q, want a lowercase UUID", id)
	}
	wantARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, id)
	if got := aws.ToString(out.Arn); got != wantARN {
		t.Errorf("CreateInstance: Arn = %q, want %q", got, wantARN)
	}

	d, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeInstance: %v", err)
	}
	inst := d.Instance
	if inst == nil {
		t.Fatal("DescribeInstance: no Instance")
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Id", aws.ToString(inst.Id), id},
		{"Arn", aws.ToString(inst.Arn), wantARN},
		{"IdentityManagementType", inst.IdentityManagementType, types.DirectoryTypeConnectManaged},
		{"InstanceAlias", aws.ToString(inst.InstanceAlias), alias},
		{"InstanceStatus", inst.InstanceStatus, types.InstanceStatusActive},
		{"InboundCallsEnabled", aws.ToBool(inst.InboundCallsEnabled), true},
		{"OutboundCallsEnabled", aws.ToBool(inst.OutboundCallsEnabled), false},
		{"Tags", fmt.Sprint(inst.Tags), fmt.Sprint(map[string]string{"team": "e2e"})},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("DescribeInstance: %s = %v, want %v", ck.name, ck.got, ck.want)
		}
	}
	if inst.CreatedTime == nil || inst.CreatedTime.Before(before) || inst.CreatedTime.After(time.Now().Add(time.Minute)) {
		t.Errorf("DescribeInstance: CreatedTime = %v, want about now", inst.CreatedTime)
	}

	// A new instance holds AWS's default security profiles and routing profile.
	sp, err := c.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: aws.String(id)})
	if err != nil {
		t.Fatalf("ListSecurityProfiles: %v", err)
	}
	var names []string
	for _, p := range sp.SecurityProfileSummaryList {
		names = append(names, aws.ToString(p.Name))
		pid := aws.ToString(p.Id)
		if want := wantARN + "/security-profile/" + pid; aws.ToString(p.Arn) != want {
			t.Errorf("security profile %s: Arn = %q, want %q", aws.ToString(p.Name), aws.ToString(p.Arn), want)
		}
		if !uuidRE.MatchString(pid) {
			t.Errorf("security profile %s: Id = %q, want a lowercase UUID", aws.ToString(p.Name), pid)
		}
	}
	sort.Strings(names)
	if got, want := strings.Join(names, ","), "Admin,Agent,CallCenterManager,QualityAnalyst"; got != want {
		t.Errorf("ListSecurityProfiles: names = %s, want %s", got, want)
	}
	// Paging through one profile at a time yields each exactly once.
	seen := map[string]int{}
	pages := 0
	pg := connect.NewListSecurityProfilesPaginator(c, &connect.ListSecurityProfilesInput{InstanceId: aws.String(id), MaxResults: aws.Int32(1)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListSecurityProfiles page %d: %v", pages+1, err)
		}
		pages++
		for _, p := range page.SecurityProfileSummaryList {
			seen[aws.ToString(p.Name)]++
		}
	}
	if len(seen) != 4 || pages < 4 {
		t.Errorf("ListSecurityProfiles with MaxResults 1: %d pages, names %v; want 4 distinct names over at least 4 pages", pages, seen)
	}
	for n, k := range seen {
		if k != 1 {
			t.Errorf("ListSecurityProfiles with MaxResults 1: %s listed %d times, want once", n, k)
		}
	}

	rp, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: aws.String(id)})
	if err != nil {
		t.Fatalf("ListRoutingProfiles: %v", err)
	}
	if len(rp.RoutingProfileSummaryList) != 1 || aws.ToString(rp.RoutingProfileSummaryList[0].Name) != "Basic Routing Profile" {
		t.Errorf("ListRoutingProfiles = %+v, want one \"Basic Routing Profile\"", rp.RoutingProfileSummaryList)
	} else if r := rp.RoutingProfileSummaryList[0]; aws.ToString(r.Arn) != wantARN+"/routing-profile/"+aws.ToString(r.Id) {
		t.Errorf("routing profile Arn = %q, want %q", aws.ToString(r.Arn), wantARN+"/routing-profile/"+aws.ToString(r.Id))
	}

	// Another region does not see the instance.
	other := newClient(s, "eu-west-1")
	_, err = other.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(id)})
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) {
		t.Errorf("DescribeInstance from eu-west-1: err = %v, want ResourceNotFoundException", err)
	}

	if _, err := c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: aws.String(id)}); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, err = c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(id)})
	if !errors.As(err, &rnf) || httpStatus(err) != 404 {
		t.Errorf("DescribeInstance after delete: err = %v (status %d), want ResourceNotFoundException 404", err, httpStatus(err))
	}
	_, err = c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: aws.String(id)})
	if !errors.As(err, &rnf) {
		t.Errorf("DeleteInstance again: err = %v, want ResourceNotFoundException", err)
	}
}

// TestSDKUserRoundTrip creates users with every member through
// aws-sdk-go-v2, reads them back, updates their identity info and reads them
// again. PhoneConfig and the per-channel configs conflict, so each gets a
// user of its own; DirectoryUserId is allowed only on an EXISTING_DIRECTORY
// instance and Password only on CONNECT_MANAGED. HierarchyGroupId is not
// covered: no operation creates a hierarchy group yet.
func TestSDKUserRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "us-east-1"
	c := newClient(s, region)

	managed := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	saml := createInstance(ctx, t, c, types.DirectoryTypeSaml)
	directory := createInstance(ctx, t, c, types.DirectoryTypeExistingDirectory)

	identity := func(p string) *types.UserIdentityInfo {
		return &types.UserIdentityInfo{
			FirstName:      aws.String(p + "Zoë"),
			LastName:       aws.String(p + "Ågren-Ñúñez"),
			Email:          aws.String(strings.ToLower(p) + "zoe@example.com"),
			SecondaryEmail: aws.String(strings.ToLower(p) + "zoe.alt@example.org"),
			Mobile:         aws.String("+447700900123"),
		}
	}

	tests := []struct {
		name     string
		instance string
		in       func(sec map[string]string, routing string) *connect.CreateUserInput
		update   *types.UserIdentityInfo
	}{
		{
			name:     "PerChannelConfigs",
			instance: managed,
			in: func(sec map[string]string, routing string) *connect.CreateUserInput {
				return &connect.CreateUserInput{
					Username:     aws.String(unique("pc.")),
					Password:     aws.String("Sup3r-Secret!"),
					IdentityInfo: identity(""),
					AutoAcceptConfigs: []types.AutoAcceptConfig{
						{Channel: types.ChannelVoice, AutoAccept: true, AgentFirstCallbackAutoAccept: aws.Bool(true)},
						{Channel: types.ChannelChat, AutoAccept: false},
						{Channel: types.ChannelTask, AutoAccept: true},
						{Channel: types.ChannelEmail, AutoAccept: false},
					},
					AfterContactWorkConfigs: []types.AfterContactWorkConfigPerChannel{
						{
							Channel:                                  types.ChannelVoice,
							AfterContactWorkConfig:                   &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 30},
							AgentFirstCallbackAfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 15},
						},
						{Channel: types.ChannelChat, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 120}},
						{Channel: types.ChannelEmail, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 2000000}},
					},
					PhoneNumberConfigs: []types.PhoneNumberConfig{
						{Channel: types.ChannelVoice, PhoneType: types.PhoneTypeDeskPhone, PhoneNumber: aws.String("+15555550100")},
					},
					PersistentConnectionConfigs: []types.PersistentConnectionConfig{
						{Channel: types.ChannelVoice, PersistentConnection: aws.Bool(true)},
					},
					VoiceEnhancementConfigs: []types.VoiceEnhancementConfig{
						{Channel: types.ChannelVoice, VoiceEnhancementMode: types.VoiceEnhancementModeNoiseSuppression},
					},
					SecurityProfileIds: []string{sec["Agent"], sec["CallCenterManager"]},
					RoutingProfileId:   aws.String(routing),
					Tags:               map[string]string{"team": "blue", "cost-center": "42", "empty": ""},
				}
			},
			update: identity("New"),
		},
		{
			name:     "PhoneConfig",
			instance: managed,
			in: func(sec map[string]string, routing string) *connect.CreateUserInput {
				return &connect.CreateUserInput{
					Username:     aws.String(unique("ph-")),
					Password:     aws.String("An0ther-Passw0rd"),
					IdentityInfo: identity(""),
					PhoneConfig: &types.UserPhoneConfig{
						PhoneType:                 types.PhoneTypeDeskPhone,
						AutoAccept:                true,
						AfterContactWorkTimeLimit: 45,
						DeskPhoneNumber:           aws.String("+15555551212"),
						PersistentConnection:      aws.Bool(true),
					},
					SecurityProfileIds: []string{sec["Admin"], sec["Agent"], sec["CallCenterManager"], sec["QualityAnalyst"]},
					RoutingProfileId:   aws.String(routing),
					Tags:               map[string]string{"k": "v"},
				}
			},
			update: identity("Upd"),
		},
		{
			name:     "SAMLUsername64",
			instance: saml,
			in: func(sec map[string]string, routing string) *connect.CreateUserInput {
				// 64 characters in email form: the SAML limit.
				name := unique("saml.user_") + "@" + strings.Repeat("x", 64-len("saml.user_12345678@")-len(".com")) + ".com"
				info := identity("")
				info.Email = nil // an error on SAML instances
				return &connect.CreateUserInput{
					Username:           aws.String(name),
					IdentityInfo:       info,
					PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AfterContactWorkTimeLimit: 1},
					SecurityProfileIds: []string{sec["Agent"]},
					RoutingProfileId:   aws.String(routing),
				}
			},
			update: func() *types.UserIdentityInfo { i := identity("S"); i.Email = nil; return i }(),
		},
		{
			name:     "DirectoryUserId",
			instance: directory,
			in: func(sec map[string]string, routing string) *connect.CreateUserInput {
				return &connect.CreateUserInput{
					Username:           aws.String(unique("dir_")),
					IdentityInfo:       identity(""),
					DirectoryUserId:    aws.String(unique("S-1-5-21-")),
					PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
					SecurityProfileIds: []string{sec["QualityAnalyst"]},
					RoutingProfileId:   aws.String(routing),
					Tags:               map[string]string{"src": "ad"},
				}
			},
			update: identity("D"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sec, routing := instanceProfiles(ctx, t, c, tt.instance)
			in := tt.in(sec, routing)
			in.InstanceId = aws.String(tt.instance)
			start := time.Now().Add(-time.Minute)

			out, err := c.CreateUser(ctx, in)
			if err != nil {
				t.Fatalf("CreateUser: %v", err)
			}
			id := aws.ToString(out.UserId)
			if !uuidRE.MatchString(id) {
				t.Errorf("CreateUser: UserId = %q, want a lowercase UUID", id)
			}
			wantARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s/agent/%s", region, defaultAccount, tt.instance, id)
			if got := aws.ToString(out.UserArn); got != wantARN {
				t.Errorf("CreateUser: UserArn = %q, want %q", got, wantARN)
			}

			want := types.User{
				Id: aws.String(id), Arn: aws.String(wantARN), Username: in.Username,
				IdentityInfo: in.IdentityInfo, PhoneConfig: in.PhoneConfig, DirectoryUserId: in.DirectoryUserId,
				SecurityProfileIds: in.SecurityProfileIds, RoutingProfileId: in.RoutingProfileId, Tags: in.Tags,
				AutoAcceptConfigs: in.AutoAcceptConfigs, AfterContactWorkConfigs: in.AfterContactWorkConfigs,
				PhoneNumberConfigs: in.PhoneNumberConfigs, PersistentConnectionConfigs: in.PersistentConnectionConfigs,
				VoiceEnhancementConfigs: in.VoiceEnhancementConfigs,
			}
			got := describe(ctx, t, c, tt.instance, id, region, start)
			// Members the request did not send may be derived by the server
			// (the legacy PhoneConfig from the VOICE entries and back, a
			// generated DirectoryUserId); only sent members must round-trip.
			fillUnsent(&want, got, in)
			if g, w := normalized(t, got), normalized(t, want); g != w {
				t.Errorf("DescribeUser after CreateUser:\n got %s\nwant %s", g, w)
			}

			// UpdateUserIdentityInfo replaces the identity info and nothing else.
			prev := aws.ToTime(got.LastModifiedTime)
			if _, err := c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{
				InstanceId: aws.String(tt.instance), UserId: aws.String(id), IdentityInfo: tt.update,
			}); err != nil {
				t.Fatalf("UpdateUserIdentityInfo: %v", err)
			}
			after := describe(ctx, t, c, tt.instance, id, region, start)
			if lm := aws.ToTime(after.LastModifiedTime); lm.Before(prev) {
				t.Errorf("LastModifiedTime went back from %v to %v after UpdateUserIdentityInfo", prev, lm)
			}
			want2 := got
			want2.IdentityInfo = tt.update
			want2.LastModifiedTime = after.LastModifiedTime
			if g, w := normalized(t, after), normalized(t, want2); g != w {
				t.Errorf("DescribeUser after UpdateUserIdentityInfo:\n got %s\nwant %s", g, w)
			}
		})
	}
}

// describe returns the user with LastModified* checked and cleared.
func describe(ctx context.Context, t *testing.T, c *connect.Client, inst, id, region string, notBefore time.Time) types.User {
	t.Helper()
	d, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeUser: %v", err)
	}
	if d.User == nil {
		t.Fatal("DescribeUser: no User")
	}
	u := *d.User
	if got := aws.ToString(u.LastModifiedRegion); got != region {
		t.Errorf("DescribeUser: LastModifiedRegion = %q, want %q", got, region)
	}
	if lm := aws.ToTime(u.LastModifiedTime); lm.Before(notBefore) || lm.After(time.Now().Add(time.Minute)) {
		t.Errorf("DescribeUser: LastModifiedTime = %v, want about now", u.LastModifiedTime)
	}
	u.LastModifiedRegion = nil
	return u
}

// fillUnsent copies into want the members of got that in did not send.
func fillUnsent(want *types.User, got types.User, in *connect.CreateUserInput) {
	want.LastModifiedTime = got.LastModifiedTime
	if in.PhoneConfig == nil {
		want.PhoneConfig = got.PhoneConfig
	}
	if in.AutoAcceptConfigs == nil {
		want.AutoAcceptConfigs = got.AutoAcceptConfigs
	}
	if in.AfterContactWorkConfigs == nil {
		want.AfterContactWorkConfigs = got.AfterContactWorkConfigs
	}
	if in.PhoneNumberConfigs == nil {
		want.PhoneNumberConfigs = got.PhoneNumberConfigs
	}
	if in.PersistentConnectionConfigs == nil {
		want.PersistentConnectionConfigs = got.PersistentConnectionConfigs
	}
	if in.VoiceEnhancementConfigs == nil {
		want.VoiceEnhancementConfigs = got.VoiceEnhancementConfigs
	}
	if in.DirectoryUserId == nil {
		want.DirectoryUserId = got.DirectoryUserId
	}
}

// TestSDKTypedErrors checks that each rejection reaches aws-sdk-go-v2 as
// the typed exception with its HTTP status.
func TestSDKTypedErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	c := newClient(s, "us-east-1")
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	saml := createInstance(ctx, t, c, types.DirectoryTypeSaml)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	samlSec, samlRouting := instanceProfiles(ctx, t, c, saml)

	taken := unique("Dup")
	out, err := c.CreateUser(ctx, basicUser(inst, taken, sec["Agent"], routing))
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	userID := aws.ToString(out.UserId)

	type check func(error) bool
	var (
		rnf *types.ResourceNotFoundException
		dup *types.DuplicateResourceException
		ipe *types.InvalidParameterException
		ire *types.InvalidRequestException
	)
	isRNF := func(err error) bool { return errors.As(err, &rnf) }
	isDup := func(err error) bool { return errors.As(err, &dup) }
	isIPE := func(err error) bool { return errors.As(err, &ipe) }
	isIRE := func(err error) bool { return errors.As(err, &ire) }

	tests := []struct {
		name   string
		call   func() error
		is     check
		code   string
		status int
	}{
		{"DescribeUnknownUser", func() error {
			_, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String("00000000-0000-4000-8000-000000000000")})
			return err
		}, isRNF, "ResourceNotFoundException", 404},
		{"DescribeUserUnknownInstance", func() error {
			_, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000001"), UserId: aws.String(userID)})
			return err
		}, isRNF, "ResourceNotFoundException", 404},
		{"DescribeUserOtherRegion", func() error {
			_, err := newClient(s, "eu-central-1").DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String(userID)})
			return err
		}, isRNF, "ResourceNotFoundException", 404},
		{"UpdateIdentityUnknownUser", func() error {
			_, err := c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{
				InstanceId: aws.String(inst), UserId: aws.String("00000000-0000-4000-8000-000000000002"),
				IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("A"), LastName: aws.String("B")},
			})
			return err
		}, isRNF, "ResourceNotFoundException", 404},
		{"CreateUserUnknownInstance", func() error {
			_, err := c.CreateUser(ctx, basicUser("00000000-0000-4000-8000-000000000003", unique("u"), sec["Agent"], routing))
			return err
		}, isRNF, "ResourceNotFoundException", 404},
		{"DuplicateUsernameOtherCase", func() error {
			_, err := c.CreateUser(ctx, basicUser(inst, strings.ToUpper(taken), sec["Agent"], routing))
			return err
		}, isDup, "DuplicateResourceException", 409},
		{"DuplicateUsernameSameCase", func() error {
			_, err := c.CreateUser(ctx, basicUser(inst, taken, sec["Admin"], routing))
			return err
		}, isDup, "DuplicateResourceException", 409},
		{"PasswordWithoutDigit", func() error {
			in := basicUser(inst, unique("u"), sec["Agent"], routing)
			in.Password = aws.String("NoDigitsHere")
			_, err := c.CreateUser(ctx, in)
			return err
		}, isIPE, "InvalidParameterException", 400},
		{"UnknownSecurityProfile", func() error {
			_, err := c.CreateUser(ctx, basicUser(inst, unique("u"), "00000000-0000-4000-8000-000000000004", routing))
			return err
		}, isIPE, "InvalidParameterException", 400},
		{"SecurityProfileOfAnotherInstance", func() error {
			_, err := c.CreateUser(ctx, basicUser(inst, unique("u"), samlSec["Agent"], routing))
			return err
		}, isIPE, "InvalidParameterException", 400},
		{"UnknownRoutingProfile", func() error {
			_, err := c.CreateUser(ctx, basicUser(inst, unique("u"), sec["Agent"], "00000000-0000-4000-8000-000000000005"))
			return err
		}, isIPE, "InvalidParameterException", 400},
		{"UnknownHierarchyGroup", func() error {
			in := basicUser(inst, unique("u"), sec["Agent"], routing)
			in.HierarchyGroupId = aws.String("00000000-0000-4000-8000-000000000006")
			_, err := c.CreateUser(ctx, in)
			return err
		}, isIPE, "InvalidParameterException", 400},
		{"AutoAcceptConflict", func() error {
			in := basicUser(inst, unique("u"), sec["Agent"], routing)
			in.PhoneConfig.AutoAccept = true
			in.AutoAcceptConfigs = []types.AutoAcceptConfig{{Channel: types.ChannelVoice, AutoAccept: true}}
			_, err := c.CreateUser(ctx, in)
			return err
		}, isIRE, "InvalidRequestException", 400},
		{"PasswordOnSAML", func() error {
			in := basicUser(saml, unique("u"), samlSec["Agent"], samlRouting)
			_, err := c.CreateUser(ctx, in)
			return err
		}, isIRE, "InvalidRequestException", 400},
		{"EmailOnSAMLUpdate", func() error {
			in := basicUser(saml, unique("u"), samlSec["Agent"], samlRouting)
			in.Password = nil
			out, err := c.CreateUser(ctx, in)
			if err != nil {
				return fmt.Errorf("setup: %w", err)
			}
			_, err = c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{
				InstanceId: aws.String(saml), UserId: out.UserId,
				IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("A"), LastName: aws.String("B"), Email: aws.String("a@example.com")},
			})
			return err
		}, isIRE, "InvalidRequestException", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatalf("err = nil, want %s", tt.code)
			}
			if !tt.is(err) {
				t.Errorf("err = %v (%T), want *types.%s", err, err, tt.code)
			}
			if got := errorCode(err); got != tt.code {
				t.Errorf("ErrorCode() = %q, want %q", got, tt.code)
			}
			if got := httpStatus(err); got != tt.status {
				t.Errorf("HTTP status = %d, want %d", got, tt.status)
			}
		})
	}

	// None of the rejected creates left a user behind.
	users, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("ListUsers: %v", err)
	}
	if len(users.UserSummaryList) != 1 || aws.ToString(users.UserSummaryList[0].Id) != userID {
		t.Errorf("ListUsers after rejected creates = %+v, want only %s", users.UserSummaryList, userID)
	}
}

// TestSDKListUsersPagination pages through an instance's users a few at a
// time and expects each exactly once.
func TestSDKListUsersPagination(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "ca-central-1"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)

	created := map[string]string{} // id -> username
	for i := 0; i < 7; i++ {
		name := fmt.Sprintf("page%d_%s", i, unique(""))
		out, err := c.CreateUser(ctx, basicUser(inst, name, sec["Agent"], routing))
		if err != nil {
			t.Fatalf("CreateUser %s: %v", name, err)
		}
		created[aws.ToString(out.UserId)] = name
	}

	seen := map[string]int{}
	pages := 0
	p := connect.NewListUsersPaginator(c, &connect.ListUsersInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(3)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListUsers page %d: %v", pages+1, err)
		}
		pages++
		if len(page.UserSummaryList) > 3 {
			t.Errorf("page %d has %d users, want at most 3", pages, len(page.UserSummaryList))
		}
		for _, u := range page.UserSummaryList {
			id := aws.ToString(u.Id)
			seen[id]++
			if got, want := aws.ToString(u.Username), created[id]; got != want {
				t.Errorf("user %s: Username = %q, want %q", id, got, want)
			}
			if got, want := aws.ToString(u.Arn), fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s/agent/%s", region, defaultAccount, inst, id); got != want {
				t.Errorf("user %s: Arn = %q, want %q", id, got, want)
			}
			if aws.ToString(u.LastModifiedRegion) != region || u.LastModifiedTime == nil {
				t.Errorf("user %s: LastModifiedRegion = %q, LastModifiedTime = %v; want %q and a time", id, aws.ToString(u.LastModifiedRegion), u.LastModifiedTime, region)
			}
		}
	}
	if pages != 3 {
		t.Errorf("7 users with MaxResults 3 came in %d pages, want 3", pages)
	}
	for id := range created {
		if seen[id] != 1 {
			t.Errorf("user %s listed %d times, want once", id, seen[id])
		}
	}
	for id := range seen {
		if _, ok := created[id]; !ok {
			t.Errorf("ListUsers returned %s, which this test did not create", id)
		}
	}

	// Without MaxResults the default page (100) holds them all.
	all, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("ListUsers: %v", err)
	}
	if len(all.UserSummaryList) != len(created) || aws.ToString(all.NextToken) != "" {
		t.Errorf("ListUsers without MaxResults: %d users, NextToken %q; want %d and none", len(all.UserSummaryList), aws.ToString(all.NextToken), len(created))
	}

	// A token is bound to its listing: one from another instance is refused.
	other := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	first, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(1)})
	if err != nil {
		t.Fatalf("ListUsers: %v", err)
	}
	_, err = c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(other), NextToken: first.NextToken})
	var ipe *types.InvalidParameterException
	if !errors.As(err, &ipe) {
		t.Errorf("ListUsers with another instance's token: err = %v, want InvalidParameterException", err)
	}
}

// TestSDKListInstancesPagination pages through a region's instances (at most
// 10 a page) and expects each exactly once. ListInstances sees every
// instance of the region, so the test has a server of its own: the listing
// then holds exactly its instances.
func TestSDKListInstancesPagination(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := startServer(t, "--bcrypt-cost", "4")
	c := newClient(s, "ap-southeast-2")

	created := map[string]bool{}
	for i := 0; i < 12; i++ {
		created[createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)] = true
	}
	for _, limit := range []int32{5, 10} {
		seen := map[string]int{}
		pages := 0
		p := connect.NewListInstancesPaginator(c, &connect.ListInstancesInput{MaxResults: aws.Int32(limit)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListInstances(MaxResults %d) page %d: %v", limit, pages+1, err)
			}
			pages++
			if len(page.InstanceSummaryList) > int(limit) {
				t.Errorf("MaxResults %d: page %d has %d instances", limit, pages, len(page.InstanceSummaryList))
			}
			for _, in := range page.InstanceSummaryList {
				seen[aws.ToString(in.Id)]++
				if in.InstanceStatus != types.InstanceStatusActive || in.IdentityManagementType != types.DirectoryTypeConnectManaged {
					t.Errorf("instance %s: status %q, type %q; want ACTIVE CONNECT_MANAGED", aws.ToString(in.Id), in.InstanceStatus, in.IdentityManagementType)
				}
			}
		}
		if want := (len(created) + int(limit) - 1) / int(limit); pages != want {
			t.Errorf("MaxResults %d: %d pages, want %d", limit, pages, want)
		}
		if len(seen) != len(created) {
			t.Errorf("MaxResults %d: listed %d instances, want %d", limit, len(seen), len(created))
		}
		for id, n := range seen {
			if !created[id] || n != 1 {
				t.Errorf("MaxResults %d: instance %s listed %d times (created here: %v), want once", limit, id, n, created[id])
			}
		}
	}
}

// TestSDKSignature checks that requests signed with the wrong key are
// refused with 403 and the AWS error code the SDK expects.
func TestSDKSignature(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	tests := []struct {
		name         string
		akid, secret string
		codes        []string // the codes AWS services use for this failure
	}{
		{"WrongSecret", "test", "not-the-secret", []string{"InvalidSignatureException", "SignatureDoesNotMatch"}},
		{"UnknownAccessKey", "AKIDUNKNOWN000000000", "whatever", []string{"UnrecognizedClientException", "InvalidClientTokenId"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClientWithKey(s, "us-east-1", tt.akid, tt.secret)
			_, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
			if err == nil {
				t.Fatal("ListInstances: err = nil, want a 403")
			}
			if got := httpStatus(err); got != 403 {
				t.Errorf("HTTP status = %d, want 403 (err: %v)", got, err)
			}
			code := errorCode(err)
			ok := false
			for _, want := range tt.codes {
				ok = ok || code == want
			}
			if !ok {
				t.Errorf("ErrorCode() = %q, want one of %v (err: %v)", code, tt.codes, err)
			}
		})
	}
	if _, err := newClient(s, "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Errorf("ListInstances with test/test: %v", err)
	}
}
