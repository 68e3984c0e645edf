package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestDescribeUserEveryMember(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "describe", types.DirectoryTypeConnectManaged)

	t.Run("LegacyPhoneConfig", func(t *testing.T) {
		in := basicUser(f, "legacy")
		in.IdentityInfo = &types.UserIdentityInfo{
			FirstName: aws.String("Mary"), LastName: aws.String("Major"), Email: aws.String("mary@example.com"),
			SecondaryEmail: aws.String("mary.major@example.org"), Mobile: aws.String("+15555550100"),
		}
		in.PhoneConfig = &types.UserPhoneConfig{
			PhoneType: types.PhoneTypeDeskPhone, AutoAccept: true, AfterContactWorkTimeLimit: 60,
			DeskPhoneNumber: aws.String("+15555551212"), PersistentConnection: aws.Bool(true),
		}
		in.SecurityProfileIds = []string{f.agentProfileID, f.adminProfileID}
		in.DirectoryUserId = aws.String("dir-user-1")
		in.Tags = map[string]string{"team": "blue", "cost-center": "42"}
		in.VoiceEnhancementConfigs = []types.VoiceEnhancementConfig{{Channel: types.ChannelVoice, VoiceEnhancementMode: types.VoiceEnhancementModeNoiseSuppression}}
		out, err := e.client.CreateUser(ctx, in)
		if err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		d, err := e.client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: out.UserId})
		if err != nil {
			t.Fatalf("DescribeUser: %v", err)
		}
		u := d.User
		if aws.ToString(u.Id) != aws.ToString(out.UserId) || aws.ToString(u.Arn) != aws.ToString(out.UserArn) || aws.ToString(u.Username) != "legacy" {
			t.Errorf("identity = %q %q %q", aws.ToString(u.Id), aws.ToString(u.Arn), aws.ToString(u.Username))
		}
		if !reflect.DeepEqual(*u.IdentityInfo, *in.IdentityInfo) {
			t.Errorf("IdentityInfo = %+v, want %+v", *u.IdentityInfo, *in.IdentityInfo)
		}
		if !reflect.DeepEqual(*u.PhoneConfig, *in.PhoneConfig) {
			t.Errorf("PhoneConfig = %+v, want %+v", *u.PhoneConfig, *in.PhoneConfig)
		}
		if !reflect.DeepEqual(u.SecurityProfileIds, in.SecurityProfileIds) || aws.ToString(u.RoutingProfileId) != f.routingProfileID {
			t.Errorf("profiles = %v %q", u.SecurityProfileIds, aws.ToString(u.RoutingProfileId))
		}
		if aws.ToString(u.DirectoryUserId) != "dir-user-1" || !reflect.DeepEqual(u.Tags, in.Tags) {
			t.Errorf("DirectoryUserId %q, Tags %v", aws.ToString(u.DirectoryUserId), u.Tags)
		}
		if len(u.VoiceEnhancementConfigs) != 1 || u.VoiceEnhancementConfigs[0].VoiceEnhancementMode != types.VoiceEnhancementModeNoiseSuppression {
			t.Errorf("VoiceEnhancementConfigs = %+v", u.VoiceEnhancementConfigs)
		}
		if !aws.ToTime(u.LastModifiedTime).Equal(e.clock.Now()) || aws.ToString(u.LastModifiedRegion) != testRegion {
			t.Errorf("last modified %v %q, want %v %s", aws.ToTime(u.LastModifiedTime), aws.ToString(u.LastModifiedRegion), e.clock.Now(), testRegion)
		}
	})

	t.Run("PerChannelConfigs", func(t *testing.T) {
		in := basicUser(f, "channels")
		in.PhoneConfig = nil
		in.AutoAcceptConfigs = []types.AutoAcceptConfig{
			{Channel: types.ChannelVoice, AutoAccept: true, AgentFirstCallbackAutoAccept: aws.Bool(false)},
			{Channel: types.ChannelChat, AutoAccept: false},
		}
		in.AfterContactWorkConfigs = []types.AfterContactWorkConfigPerChannel{{
			Channel:                                  types.ChannelVoice,
			AfterContactWorkConfig:                   &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 30},
			AgentFirstCallbackAfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 15},
		}}
		in.PhoneNumberConfigs = []types.PhoneNumberConfig{{Channel: types.ChannelVoice, PhoneType: types.PhoneTypeDeskPhone, PhoneNumber: aws.String("+442071234567")}}
		in.PersistentConnectionConfigs = []types.PersistentConnectionConfig{{Channel: types.ChannelVoice, PersistentConnection: aws.Bool(true)}}
		out, err := e.client.CreateUser(ctx, in)
		if err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		d, err := e.client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: out.UserId})
		if err != nil {
			t.Fatalf("DescribeUser: %v", err)
		}
		u := d.User
		byChannel := map[types.Channel]bool{}
		for _, a := range u.AutoAcceptConfigs {
			byChannel[a.Channel] = a.AutoAccept
		}
		if !byChannel[types.ChannelVoice] || byChannel[types.ChannelChat] || len(u.AutoAcceptConfigs) != 2 {
			t.Errorf("AutoAcceptConfigs = %+v", u.AutoAcceptConfigs)
		}
		if len(u.AfterContactWorkConfigs) != 1 || u.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit != 30 ||
			u.AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig == nil ||
			u.AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit != 15 {
			t.Errorf("AfterContactWorkConfigs = %+v", u.AfterContactWorkConfigs)
		}
		if len(u.PhoneNumberConfigs) != 1 || aws.ToString(u.PhoneNumberConfigs[0].PhoneNumber) != "+442071234567" {
			t.Errorf("PhoneNumberConfigs = %+v", u.PhoneNumberConfigs)
		}
		if len(u.PersistentConnectionConfigs) != 1 || !aws.ToBool(u.PersistentConnectionConfigs[0].PersistentConnection) {
			t.Errorf("PersistentConnectionConfigs = %+v", u.PersistentConnectionConfigs)
		}
		// The legacy PhoneConfig mirrors the VOICE entries.
		pc := u.PhoneConfig
		if pc == nil || pc.PhoneType != types.PhoneTypeDeskPhone || !pc.AutoAccept || pc.AfterContactWorkTimeLimit != 30 {
			t.Errorf("PhoneConfig = %+v", pc)
		}
	})

	t.Run("RawShape", func(t *testing.T) {
		out := e.createUser(t, f, "rawshape")
		resp, body := e.do(t, "GET", "/users/"+f.instanceID+"/"+aws.ToString(out.UserId), nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		var raw struct{ User map[string]json.RawMessage }
		if err := json.Unmarshal(body, &raw); err != nil {
			t.Fatal(err)
		}
		for _, forbidden := range []string{"Password", "PasswordHash"} {
			if _, ok := raw.User[forbidden]; ok {
				t.Errorf("User has %s: %s", forbidden, body)
			}
		}
		var pc map[string]any
		if err := json.Unmarshal(raw.User["PhoneConfig"], &pc); err != nil {
			t.Fatalf("PhoneConfig: %v (%s)", err, body)
		}
		if pc["AutoAccept"] != false || pc["AfterContactWorkTimeLimit"] != float64(0) {
			t.Errorf("PhoneConfig = %v, want AutoAccept false and AfterContactWorkTimeLimit 0 present", pc)
		}
		var ts float64
		if err := json.Unmarshal(raw.User["LastModifiedTime"], &ts); err != nil {
			t.Fatalf("LastModifiedTime %s is not a number", raw.User["LastModifiedTime"])
		}
		if got := time.UnixMilli(int64(ts*1000 + 0.5)).UTC(); !got.Equal(e.clock.Now()) {
			t.Errorf("LastModifiedTime = %s (%v), want %v", raw.User["LastModifiedTime"], got, e.clock.Now())
		}
		if string(raw.User["LastModifiedTime"]) != "1709528767.890" {
			t.Errorf("LastModifiedTime = %s, want 1709528767.890", raw.User["LastModifiedTime"])
		}
		if string(raw.User["LastModifiedRegion"]) != `"us-west-2"` {
			t.Errorf("LastModifiedRegion = %s", raw.User["LastModifiedRegion"])
		}
		for _, omitted := range []string{"HierarchyGroupId", "Tags"} {
			if _, ok := raw.User[omitted]; ok {
				t.Errorf("empty %s not omitted: %s", omitted, body)
			}
		}
	})

	t.Run("UnknownUser", func(t *testing.T) {
		_, err := e.client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: aws.String("00000000-0000-4000-8000-000000000000")})
		var rnf *types.ResourceNotFoundException
		if !errors.As(err, &rnf) {
			t.Fatalf("err = %v, want ResourceNotFoundException", err)
		}
	})
}
