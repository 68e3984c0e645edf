package e2e

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// The user lifecycle after CreateUser (DeleteUser and the UpdateUser*
// operations) and the tag operations on every resource type, through
// aws-sdk-go-v2 against the real binary.

// lifecycleNow is a lower bound for a LastModifiedTime set from now on: the
// wire carries milliseconds.
func lifecycleNow() time.Time { return time.Now().Truncate(time.Millisecond) }

// lifecycleIDs returns the ids of the default hours of operation and queue
// of an instance.
func lifecycleIDs(ctx context.Context, t *testing.T, c *connect.Client, inst string) (hours, queue string) {
	t.Helper()
	hs, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: aws.String(inst)})
	if err != nil || len(hs.HoursOfOperationSummaryList) == 0 {
		t.Fatalf("ListHoursOfOperations: %+v, %v", hs, err)
	}
	qs, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String(inst), QueueTypes: []types.QueueType{types.QueueTypeStandard}})
	if err != nil || len(qs.QueueSummaryList) == 0 {
		t.Fatalf("ListQueues: %+v, %v", qs, err)
	}
	return aws.ToString(hs.HoursOfOperationSummaryList[0].Id), aws.ToString(qs.QueueSummaryList[0].Id)
}

// searchIDs returns the ids of the instance's users SearchUsers finds with
// criteria (and filter, if not nil), across pages.
func searchIDs(ctx context.Context, t *testing.T, c *connect.Client, inst string, criteria *types.UserSearchCriteria, filter *types.UserSearchFilter) map[string]types.UserSearchSummary {
	t.Helper()
	found := map[string]types.UserSearchSummary{}
	p := connect.NewSearchUsersPaginator(c, &connect.SearchUsersInput{
		InstanceId: aws.String(inst), SearchCriteria: criteria, SearchFilter: filter,
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("SearchUsers: %v", err)
		}
		for _, u := range page.Users {
			found[aws.ToString(u.Id)] = u
		}
	}
	return found
}

// exact is a StringCondition EXACT on field.
func exact(field, value string) *types.UserSearchCriteria {
	return &types.UserSearchCriteria{StringCondition: &types.StringCondition{
		FieldName: aws.String(field), Value: aws.String(value), ComparisonType: types.StringComparisonTypeExact,
	}}
}

// wantErrorCode fails unless err is the AWS error code.
func wantErrorCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := errorCode(err); got != code {
		t.Fatalf("%s: err = %v, want %s", what, err, code)
	}
}

// TestSDKUserLifecycle updates one user through every UpdateUser*
// operation, checks each change in DescribeUser, the reference errors, and
// deletes it.
func TestSDKUserLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "eu-west-2"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	username := unique("life")
	out, err := c.CreateUser(ctx, basicUser(inst, username, sec["Agent"], routing))
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	id := aws.ToString(out.UserId)
	userID := aws.String(id)
	_, queue := lifecycleIDs(ctx, t, c, inst)
	rp, err := c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{
		InstanceId: aws.String(inst), Name: aws.String("Sales"), Description: aws.String("Sales"),
		DefaultOutboundQueueId: aws.String(queue),
		MediaConcurrencies:     []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}},
	})
	if err != nil {
		t.Fatalf("CreateRoutingProfile: %v", err)
	}
	sales := aws.ToString(rp.RoutingProfileId)
	// found reports whether SearchUsers finds the user with criteria.
	found := func(t *testing.T, criteria *types.UserSearchCriteria, filter *types.UserSearchFilter) (types.UserSearchSummary, bool) {
		t.Helper()
		u, ok := searchIDs(ctx, t, c, inst, criteria, filter)[id]
		return u, ok
	}

	t.Run("UpdateUserSecurityProfiles", func(t *testing.T) {
		before := lifecycleNow()
		want := []string{sec["Admin"], sec["QualityAnalyst"]}
		if _, err := c.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{
			InstanceId: aws.String(inst), UserId: userID, SecurityProfileIds: want,
		}); err != nil {
			t.Fatalf("UpdateUserSecurityProfiles: %v", err)
		}
		if got := describe(ctx, t, c, inst, id, region, before).SecurityProfileIds; !reflect.DeepEqual(got, want) {
			t.Fatalf("SecurityProfileIds = %v, want %v (the set is replaced)", got, want)
		}
		if _, ok := found(t, exact("SecurityProfileId", sec["QualityAnalyst"]), nil); !ok {
			t.Errorf("SearchUsers(SecurityProfileId EXACT the new profile) does not find the user")
		}
		if _, ok := found(t, exact("SecurityProfileId", sec["Agent"]), nil); ok {
			t.Errorf("SearchUsers(SecurityProfileId EXACT the replaced profile) still finds the user")
		}
		for _, ids := range [][]string{{sec["Agent"], "00000000-0000-4000-8000-000000000000"}, {}} {
			_, err := c.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{
				InstanceId: aws.String(inst), UserId: userID, SecurityProfileIds: ids,
			})
			var ipe *types.InvalidParameterException
			if !errors.As(err, &ipe) {
				t.Fatalf("UpdateUserSecurityProfiles(%v): err = %v, want InvalidParameterException", ids, err)
			}
		}
	})
	t.Run("UpdateUserRoutingProfile", func(t *testing.T) {
		before := lifecycleNow()
		if _, err := c.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{
			InstanceId: aws.String(inst), UserId: userID, RoutingProfileId: aws.String(sales),
		}); err != nil {
			t.Fatalf("UpdateUserRoutingProfile: %v", err)
		}
		if got := aws.ToString(describe(ctx, t, c, inst, id, region, before).RoutingProfileId); got != sales {
			t.Fatalf("RoutingProfileId = %s, want %s", got, sales)
		}
		if u, ok := found(t, exact("RoutingProfileId", sales), nil); !ok || aws.ToString(u.RoutingProfileId) != sales {
			t.Errorf("SearchUsers(RoutingProfileId EXACT Sales) = %+v, %v; want the user with RoutingProfileId %s", u, ok, sales)
		}
		if _, ok := found(t, exact("RoutingProfileId", routing), nil); ok {
			t.Errorf("SearchUsers(RoutingProfileId EXACT the old profile) still finds the user")
		}
		_, err := c.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{
			InstanceId: aws.String(inst), UserId: userID, RoutingProfileId: aws.String(sec["Agent"]),
		})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("UpdateUserRoutingProfile(a security profile id): err = %v, want InvalidParameterException", err)
		}
	})
	t.Run("UpdateUserHierarchy", func(t *testing.T) {
		_, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{
			InstanceId: aws.String(inst), UserId: userID, HierarchyGroupId: aws.String("00000000-0000-4000-8000-000000000000"),
		})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("UpdateUserHierarchy(unknown group): err = %v, want InvalidParameterException", err)
		}
		before := lifecycleNow()
		if _, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: aws.String(inst), UserId: userID}); err != nil {
			t.Fatalf("UpdateUserHierarchy(no group): %v", err)
		}
		if u := describe(ctx, t, c, inst, id, region, before); u.HierarchyGroupId != nil {
			t.Fatalf("HierarchyGroupId = %q, want none", aws.ToString(u.HierarchyGroupId))
		}
	})
	t.Run("UpdateUserConfig", func(t *testing.T) {
		before := lifecycleNow()
		if _, err := c.UpdateUserConfig(ctx, &connect.UpdateUserConfigInput{
			InstanceId: aws.String(inst), UserId: userID,
			AutoAcceptConfigs: []types.AutoAcceptConfig{{Channel: types.ChannelChat, AutoAccept: true}},
			AfterContactWorkConfigs: []types.AfterContactWorkConfigPerChannel{
				{Channel: types.ChannelVoice, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 90}},
				{Channel: types.ChannelTask, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 15}},
			},
			VoiceEnhancementConfigs: []types.VoiceEnhancementConfig{{Channel: types.ChannelVoice, VoiceEnhancementMode: types.VoiceEnhancementModeNoiseSuppression}},
		}); err != nil {
			t.Fatalf("UpdateUserConfig: %v", err)
		}
		u := describe(ctx, t, c, inst, id, region, before)
		if u.PhoneConfig == nil || u.PhoneConfig.AfterContactWorkTimeLimit != 90 {
			t.Errorf("PhoneConfig = %+v, want the VOICE limit 90", u.PhoneConfig)
		}
		if got := acwByChannel(u); !reflect.DeepEqual(got, map[types.Channel]int32{types.ChannelVoice: 90, types.ChannelTask: 15}) {
			t.Errorf("after-contact-work limits = %v, want VOICE 90 and TASK 15", got)
		}
		if len(u.VoiceEnhancementConfigs) != 1 || u.VoiceEnhancementConfigs[0].VoiceEnhancementMode != types.VoiceEnhancementModeNoiseSuppression {
			t.Errorf("VoiceEnhancementConfigs = %+v", u.VoiceEnhancementConfigs)
		}
		_, err := c.UpdateUserConfig(ctx, &connect.UpdateUserConfigInput{
			InstanceId: aws.String(inst), UserId: userID,
			PhoneNumberConfigs: []types.PhoneNumberConfig{{Channel: types.ChannelChat, PhoneType: types.PhoneTypeSoftPhone}},
		})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("UpdateUserConfig(PhoneNumberConfigs on CHAT): err = %v, want InvalidParameterException", err)
		}
	})
	t.Run("UpdateUserPhoneConfig", func(t *testing.T) {
		before := lifecycleNow()
		pc := &types.UserPhoneConfig{PhoneType: types.PhoneTypeDeskPhone, AutoAccept: true, AfterContactWorkTimeLimit: 33,
			DeskPhoneNumber: aws.String("+442071838750")}
		if _, err := c.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{
			InstanceId: aws.String(inst), UserId: userID, PhoneConfig: pc,
		}); err != nil {
			t.Fatalf("UpdateUserPhoneConfig: %v", err)
		}
		u := describe(ctx, t, c, inst, id, region, before)
		if !reflect.DeepEqual(*u.PhoneConfig, *pc) {
			t.Errorf("PhoneConfig = %+v, want %+v", *u.PhoneConfig, *pc)
		}
		// "The same ACW timeouts to all channels the user handles".
		if got := acwByChannel(u); !reflect.DeepEqual(got, map[types.Channel]int32{types.ChannelVoice: 33, types.ChannelTask: 33}) {
			t.Errorf("after-contact-work limits = %v, want 33 on every channel", got)
		}
		// SearchUsers reports the limit in milliseconds.
		if su, ok := found(t, exact("resourceId", id), nil); !ok || su.PhoneConfig == nil ||
			su.PhoneConfig.PhoneType != types.PhoneTypeDeskPhone || su.PhoneConfig.AfterContactWorkTimeLimit != 33000 {
			t.Errorf("SearchUsers(resourceId) = %+v, %v; want the user with DESK_PHONE and 33000 ms", su.PhoneConfig, ok)
		}
		_, err := c.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{
			InstanceId: aws.String(inst), UserId: userID, PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeDeskPhone},
		})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("UpdateUserPhoneConfig(DESK_PHONE without number): err = %v, want InvalidParameterException", err)
		}
	})
	t.Run("UnknownUserIsNotFound", func(t *testing.T) {
		unknown := aws.String("00000000-0000-4000-8000-000000000000")
		calls := map[string]func() error{
			"UpdateUserSecurityProfiles": func() error {
				_, err := c.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: aws.String(inst), UserId: unknown, SecurityProfileIds: []string{sec["Agent"]}})
				return err
			},
			"UpdateUserRoutingProfile": func() error {
				_, err := c.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: aws.String(inst), UserId: unknown, RoutingProfileId: aws.String(routing)})
				return err
			},
			"UpdateUserHierarchy": func() error {
				_, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: aws.String(inst), UserId: unknown})
				return err
			},
			"UpdateUserConfig": func() error {
				_, err := c.UpdateUserConfig(ctx, &connect.UpdateUserConfigInput{InstanceId: aws.String(inst), UserId: unknown,
					AutoAcceptConfigs: []types.AutoAcceptConfig{{Channel: types.ChannelChat}}})
				return err
			},
			"UpdateUserPhoneConfig": func() error {
				_, err := c.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{InstanceId: aws.String(inst), UserId: unknown,
					PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone}})
				return err
			},
			"DeleteUser": func() error {
				_, err := c.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: aws.String(inst), UserId: unknown})
				return err
			},
		}
		for name, call := range calls {
			var rnf *types.ResourceNotFoundException
			if err := call(); !errors.As(err, &rnf) {
				t.Errorf("%s(unknown user): err = %v, want ResourceNotFoundException", name, err)
			}
		}
	})
	t.Run("TagsInSearchUsers", func(t *testing.T) {
		if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: out.UserArn, Tags: map[string]string{"lifecycle": "yes"}}); err != nil {
			t.Fatalf("TagResource: %v", err)
		}
		filter := &types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{
			TagCondition: &types.TagCondition{TagKey: aws.String("lifecycle"), TagValue: aws.String("yes")},
		}}
		if u, ok := found(t, nil, filter); !ok || u.Tags["lifecycle"] != "yes" {
			t.Fatalf("SearchUsers(TagFilter lifecycle=yes) = %+v, %v; want the user with the tag", u, ok)
		}
		if _, err := c.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: out.UserArn, TagKeys: []string{"lifecycle"}}); err != nil {
			t.Fatalf("UntagResource: %v", err)
		}
		if _, ok := found(t, nil, filter); ok {
			t.Fatalf("SearchUsers(TagFilter lifecycle=yes) still finds the user after UntagResource")
		}
	})
	t.Run("DeleteUser", func(t *testing.T) {
		if _, err := c.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: aws.String(inst), UserId: userID}); err != nil {
			t.Fatalf("DeleteUser: %v", err)
		}
		_, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: userID})
		var rnf *types.ResourceNotFoundException
		if !errors.As(err, &rnf) {
			t.Fatalf("DescribeUser(deleted): err = %v, want ResourceNotFoundException", err)
		}
		_, err = c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: out.UserArn})
		if !errors.As(err, &rnf) {
			t.Fatalf("ListTagsForResource(deleted user): err = %v, want ResourceNotFoundException", err)
		}
		again, err := c.CreateUser(ctx, basicUser(inst, username, sec["Agent"], routing))
		if err != nil {
			t.Fatalf("CreateUser(the deleted user's username): %v", err)
		}
		if aws.ToString(again.UserId) == id {
			t.Fatalf("the new user got the deleted user's id")
		}
		if _, ok := found(t, exact("resourceId", id), nil); ok {
			t.Fatalf("SearchUsers still finds the deleted user")
		}
	})
}

func acwByChannel(u types.User) map[types.Channel]int32 {
	m := map[types.Channel]int32{}
	for _, c := range u.AfterContactWorkConfigs {
		if c.AfterContactWorkConfig != nil {
			m[c.Channel] = c.AfterContactWorkConfig.AfterContactWorkTimeLimit
		}
	}
	return m
}

// TestSDKTagsEveryResource tags, lists and untags every resource type an
// instance holds, and checks the tags in the resources' Describe answers,
// the 50-tag rule, the aws: prefix and the ARN errors.
func TestSDKTagsEveryResource(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "ap-south-1"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	hours, queue := lifecycleIDs(ctx, t, c, inst)
	user, err := c.CreateUser(ctx, basicUser(inst, unique("tag"), sec["Agent"], routing))
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	instARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, inst)
	arns := map[string]string{
		"instance":         instARN,
		"agent":            aws.ToString(user.UserArn),
		"security-profile": instARN + "/security-profile/" + sec["CallCenterManager"],
		"routing-profile":  instARN + "/routing-profile/" + routing,
		"queue":            instARN + "/queue/" + queue,
		"operating-hours":  instARN + "/operating-hours/" + hours,
	}
	listTags := func(t *testing.T, arn string) map[string]string {
		t.Helper()
		out, err := c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
		if err != nil {
			t.Fatalf("ListTagsForResource(%s): %v", arn, err)
		}
		return out.Tags
	}
	for typ, arn := range arns {
		t.Run(typ, func(t *testing.T) {
			if got := listTags(t, arn); len(got) != 0 {
				t.Fatalf("tags of a new %s = %v, want none", typ, got)
			}
			for _, tags := range []map[string]string{{"team": "blue", "cost-center": "42"}, {"team": "red", "env": "e2e"}} {
				if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(arn), Tags: tags}); err != nil {
					t.Fatalf("TagResource: %v", err)
				}
			}
			want := map[string]string{"team": "red", "cost-center": "42", "env": "e2e"}
			if got := listTags(t, arn); !maps.Equal(got, want) {
				t.Fatalf("tags = %v, want %v", got, want)
			}
			if got := describedTags(ctx, t, c, inst, typ, arn); !maps.Equal(got, want) {
				t.Fatalf("Describe of the %s: Tags = %v, want %v", typ, got, want)
			}
			if _, err := c.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"cost-center", "absent"}}); err != nil {
				t.Fatalf("UntagResource: %v", err)
			}
			if got := listTags(t, arn); !maps.Equal(got, map[string]string{"team": "red", "env": "e2e"}) {
				t.Fatalf("tags after UntagResource = %v", got)
			}
		})
	}

	userARN := aws.String(arns["agent"])
	t.Run("FiftyTagLimit", func(t *testing.T) {
		tags := map[string]string{}
		for i := range 48 { // the user has 2
			tags[fmt.Sprintf("k%02d", i)] = "v"
		}
		if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: userARN, Tags: tags}); err != nil {
			t.Fatalf("TagResource(to 50 tags): %v", err)
		}
		_, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: userARN, Tags: map[string]string{"one-more": "v"}})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) || !strings.Contains(aws.ToString(ipe.Message), "at most 50 tags") {
			t.Fatalf("TagResource(51st tag): err = %v, want InvalidParameterException naming the 50-tag rule", err)
		}
		if got := len(listTags(t, *userARN)); got != 50 {
			t.Fatalf("%d tags, want 50", got)
		}
	})
	t.Run("AWSPrefixIsReserved", func(t *testing.T) {
		_, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: userARN, Tags: map[string]string{"aws:cloudformation:stack": "x"}})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("TagResource(aws: key): err = %v, want InvalidParameterException", err)
		}
		_, err = c.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: userARN, TagKeys: []string{"aws:x"}})
		if !errors.As(err, &ipe) {
			t.Fatalf("UntagResource(aws: key): err = %v, want InvalidParameterException", err)
		}
	})
	t.Run("ARNErrors", func(t *testing.T) {
		tests := []struct {
			name, arn, code string
		}{
			{"Malformed", "not-an-arn", "InvalidParameterException"},
			{"UntaggableType", instARN + "/contact-flow/" + queue, "InvalidParameterException"},
			{"OtherRegion", strings.Replace(instARN, region, "us-east-1", 1), "ResourceNotFoundException"},
			{"UnknownUser", instARN + "/agent/00000000-0000-4000-8000-000000000000", "ResourceNotFoundException"},
			{"UnknownHierarchyGroup", instARN + "/agent-group/00000000-0000-4000-8000-000000000000", "ResourceNotFoundException"},
		}
		for _, tc := range tests {
			_, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(tc.arn), Tags: map[string]string{"k": "v"}})
			wantErrorCode(t, "TagResource("+tc.name+")", err, tc.code)
			_, err = c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: aws.String(tc.arn)})
			wantErrorCode(t, "ListTagsForResource("+tc.name+")", err, tc.code)
		}
	})
}

// describedTags returns the Tags member of the resource's Describe answer
// (an empty map for none).
func describedTags(ctx context.Context, t *testing.T, c *connect.Client, inst, typ, arn string) map[string]string {
	t.Helper()
	id := arn[strings.LastIndexByte(arn, '/')+1:]
	var (
		tags map[string]string
		err  error
	)
	switch typ {
	case "instance":
		var out *connect.DescribeInstanceOutput
		if out, err = c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(inst)}); err == nil {
			tags = out.Instance.Tags
		}
	case "agent":
		var out *connect.DescribeUserOutput
		if out, err = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String(id)}); err == nil {
			tags = out.User.Tags
		}
	case "security-profile":
		var out *connect.DescribeSecurityProfileOutput
		if out, err = c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: aws.String(inst), SecurityProfileId: aws.String(id)}); err == nil {
			tags = out.SecurityProfile.Tags
		}
	case "routing-profile":
		var out *connect.DescribeRoutingProfileOutput
		if out, err = c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: aws.String(inst), RoutingProfileId: aws.String(id)}); err == nil {
			tags = out.RoutingProfile.Tags
		}
	case "queue":
		var out *connect.DescribeQueueOutput
		if out, err = c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(id)}); err == nil {
			tags = out.Queue.Tags
		}
	case "operating-hours":
		var out *connect.DescribeHoursOfOperationOutput
		if out, err = c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(id)}); err == nil {
			tags = out.HoursOfOperation.Tags
		}
	default:
		t.Fatalf("describedTags: no Describe for type %s", typ)
	}
	if err != nil {
		t.Fatalf("Describe %s: %v", typ, err)
	}
	if tags == nil {
		tags = map[string]string{}
	}
	return tags
}
