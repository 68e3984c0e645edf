package httpapi

import (
	"context"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestUpdateUserPhoneConfig(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "phone-config", types.DirectoryTypeConnectManaged)
	in := basicUser(f, "phoned")
	in.PhoneConfig = nil
	in.AfterContactWorkConfigs = []types.AfterContactWorkConfigPerChannel{
		{Channel: types.ChannelVoice, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 10},
			AgentFirstCallbackAfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 5}},
		{Channel: types.ChannelChat, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 20}},
		{Channel: types.ChannelTask, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 30}},
	}
	in.AutoAcceptConfigs = []types.AutoAcceptConfig{{Channel: types.ChannelChat, AutoAccept: true}}
	out, err := e.client.CreateUser(ctx, in)
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	id := aws.ToString(out.UserId)
	e.clock.Advance(time.Minute)

	pc := &types.UserPhoneConfig{
		PhoneType: types.PhoneTypeDeskPhone, AutoAccept: true, AfterContactWorkTimeLimit: 45,
		DeskPhoneNumber: aws.String("+15555550199"), PersistentConnection: aws.Bool(true),
	}
	if _, err := e.client.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{
		InstanceId: aws.String(f.instanceID), UserId: out.UserId, PhoneConfig: pc,
	}); err != nil {
		t.Fatalf("UpdateUserPhoneConfig: %v", err)
	}
	u := e.describe(t, f, id)
	e.wantModified(t, u)
	if !reflect.DeepEqual(*u.PhoneConfig, *pc) {
		t.Errorf("PhoneConfig = %+v, want %+v", *u.PhoneConfig, *pc)
	}
	// The same limit on every channel; the VOICE callback limit is kept.
	acw := map[types.Channel]int32{}
	for _, c := range u.AfterContactWorkConfigs {
		acw[c.Channel] = c.AfterContactWorkConfig.AfterContactWorkTimeLimit
		if c.Channel == types.ChannelVoice {
			if cb := c.AgentFirstCallbackAfterContactWorkConfig; cb == nil || cb.AfterContactWorkTimeLimit != 5 {
				t.Errorf("VOICE AgentFirstCallbackAfterContactWorkConfig = %+v, want limit 5 kept", cb)
			}
		}
	}
	if want := map[types.Channel]int32{types.ChannelVoice: 45, types.ChannelChat: 45, types.ChannelTask: 45}; !reflect.DeepEqual(acw, want) {
		t.Errorf("after-contact-work limits by channel = %v, want %v", acw, want)
	}
	// The VOICE entries mirror PhoneConfig; CHAT's auto-accept is untouched.
	auto := map[types.Channel]bool{}
	for _, c := range u.AutoAcceptConfigs {
		auto[c.Channel] = c.AutoAccept
	}
	if want := map[types.Channel]bool{types.ChannelVoice: true, types.ChannelChat: true}; !reflect.DeepEqual(auto, want) {
		t.Errorf("auto-accept by channel = %v, want %v", auto, want)
	}
	if want := []types.PhoneNumberConfig{{Channel: types.ChannelVoice, PhoneType: types.PhoneTypeDeskPhone, PhoneNumber: aws.String("+15555550199")}}; !reflect.DeepEqual(u.PhoneNumberConfigs, want) {
		t.Errorf("PhoneNumberConfigs = %+v, want %+v", u.PhoneNumberConfigs, want)
	}
	if want := []types.PersistentConnectionConfig{{Channel: types.ChannelVoice, PersistentConnection: aws.Bool(true)}}; !reflect.DeepEqual(u.PersistentConnectionConfigs, want) {
		t.Errorf("PersistentConnectionConfigs = %+v, want %+v", u.PersistentConnectionConfigs, want)
	}

	t.Run("AbsentAutoAcceptAndLimitMeanFalseAndZero", func(t *testing.T) {
		resp, body := e.do(t, "POST", "/users/"+f.instanceID+"/"+id+"/phone-config", []byte(`{"PhoneConfig":{"PhoneType":"SOFT_PHONE"}}`))
		if resp.StatusCode != http.StatusOK || string(body) != "{}" {
			t.Fatalf("got %d %s, want 200 {}", resp.StatusCode, body)
		}
		u := e.describe(t, f, id)
		want := types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, DeskPhoneNumber: aws.String("+15555550199"), PersistentConnection: aws.Bool(true)}
		if !reflect.DeepEqual(*u.PhoneConfig, want) {
			t.Errorf("PhoneConfig = %+v, want %+v (absent members kept or zeroed as documented)", *u.PhoneConfig, want)
		}
		for _, c := range u.AfterContactWorkConfigs {
			if c.AfterContactWorkConfig.AfterContactWorkTimeLimit != 0 {
				t.Errorf("%s after-contact-work limit = %d, want 0", c.Channel, c.AfterContactWorkConfig.AfterContactWorkTimeLimit)
			}
		}
	})
	t.Run("Errors", func(t *testing.T) {
		tests := []struct {
			name, user, body, code string
		}{
			{"MissingPhoneConfig", id, `{}`, "InvalidParameterException"},
			{"DeskPhoneWithoutNumber", id, `{"PhoneConfig":{"PhoneType":"DESK_PHONE"}}`, "InvalidParameterException"},
			{"BadPhoneType", id, `{"PhoneConfig":{"PhoneType":"CELL_PHONE"}}`, "InvalidParameterException"},
			{"NegativeLimit", id, `{"PhoneConfig":{"AfterContactWorkTimeLimit":-1}}`, "InvalidParameterException"},
			{"UnknownUser", unknownID, `{"PhoneConfig":{"PhoneType":"SOFT_PHONE"}}`, "ResourceNotFoundException"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				resp, body := e.do(t, "POST", "/users/"+f.instanceID+"/"+tc.user+"/phone-config", []byte(tc.body))
				status := http.StatusBadRequest
				if tc.code == "ResourceNotFoundException" {
					status = http.StatusNotFound
				}
				wantAWSError(t, resp, body, status, tc.code)
			})
		}
		if got := e.describe(t, f, id).PhoneConfig.PhoneType; got != types.PhoneTypeSoftPhone {
			t.Errorf("PhoneType after rejected updates = %s, want SOFT_PHONE", got)
		}
	})
}
