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

func TestUpdateUserConfig(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "user-config", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "configured")
	id := aws.ToString(out.UserId)
	e.clock.Advance(time.Minute)

	if _, err := e.client.UpdateUserConfig(ctx, &connect.UpdateUserConfigInput{
		InstanceId: aws.String(f.instanceID), UserId: out.UserId,
		AutoAcceptConfigs: []types.AutoAcceptConfig{
			{Channel: types.ChannelVoice, AutoAccept: true, AgentFirstCallbackAutoAccept: aws.Bool(true)},
			{Channel: types.ChannelEmail, AutoAccept: true},
		},
		AfterContactWorkConfigs: []types.AfterContactWorkConfigPerChannel{
			{Channel: types.ChannelVoice, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 120}},
			{Channel: types.ChannelChat, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 30}},
		},
		PhoneNumberConfigs:          []types.PhoneNumberConfig{{Channel: types.ChannelVoice, PhoneType: types.PhoneTypeDeskPhone, PhoneNumber: aws.String("+4930123456")}},
		PersistentConnectionConfigs: []types.PersistentConnectionConfig{{Channel: types.ChannelVoice, PersistentConnection: aws.Bool(true)}},
		VoiceEnhancementConfigs:     []types.VoiceEnhancementConfig{{Channel: types.ChannelVoice, VoiceEnhancementMode: types.VoiceEnhancementModeVoiceIsolation}},
	}); err != nil {
		t.Fatalf("UpdateUserConfig: %v", err)
	}
	u := e.describe(t, f, id)
	e.wantModified(t, u)
	want := types.UserPhoneConfig{PhoneType: types.PhoneTypeDeskPhone, AutoAccept: true, AfterContactWorkTimeLimit: 120,
		DeskPhoneNumber: aws.String("+4930123456"), PersistentConnection: aws.Bool(true)}
	if !reflect.DeepEqual(*u.PhoneConfig, want) {
		t.Errorf("PhoneConfig = %+v, want the VOICE entries %+v", *u.PhoneConfig, want)
	}
	acw := map[types.Channel]int32{}
	for _, c := range u.AfterContactWorkConfigs {
		acw[c.Channel] = c.AfterContactWorkConfig.AfterContactWorkTimeLimit
	}
	if w := map[types.Channel]int32{types.ChannelVoice: 120, types.ChannelChat: 30}; !reflect.DeepEqual(acw, w) {
		t.Errorf("after-contact-work limits = %v, want %v (different per channel)", acw, w)
	}
	if len(u.AutoAcceptConfigs) != 2 || len(u.VoiceEnhancementConfigs) != 1 ||
		u.VoiceEnhancementConfigs[0].VoiceEnhancementMode != types.VoiceEnhancementModeVoiceIsolation {
		t.Errorf("AutoAcceptConfigs %+v, VoiceEnhancementConfigs %+v", u.AutoAcceptConfigs, u.VoiceEnhancementConfigs)
	}

	t.Run("ListsNotSentAreKept", func(t *testing.T) {
		if _, err := e.client.UpdateUserConfig(ctx, &connect.UpdateUserConfigInput{
			InstanceId: aws.String(f.instanceID), UserId: out.UserId,
			AfterContactWorkConfigs: []types.AfterContactWorkConfigPerChannel{
				{Channel: types.ChannelTask, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 7}},
			},
		}); err != nil {
			t.Fatalf("UpdateUserConfig: %v", err)
		}
		u := e.describe(t, f, id)
		acw := map[types.Channel]int32{}
		for _, c := range u.AfterContactWorkConfigs {
			acw[c.Channel] = c.AfterContactWorkConfig.AfterContactWorkTimeLimit
		}
		if w := map[types.Channel]int32{types.ChannelVoice: 120, types.ChannelChat: 30, types.ChannelTask: 7}; !reflect.DeepEqual(acw, w) {
			t.Errorf("after-contact-work limits = %v, want %v", acw, w)
		}
		if len(u.AutoAcceptConfigs) != 2 || u.PhoneConfig.PhoneType != types.PhoneTypeDeskPhone {
			t.Errorf("lists not sent changed: AutoAcceptConfigs %+v, PhoneConfig %+v", u.AutoAcceptConfigs, *u.PhoneConfig)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		tests := []struct {
			name, user, body, code string
			status                 int
		}{
			{"NothingToUpdate", id, `{}`, "InvalidRequestException", http.StatusBadRequest},
			{"ChannelTwice", id, `{"AutoAcceptConfigs":[{"Channel":"CHAT","AutoAccept":true},{"Channel":"CHAT","AutoAccept":false}]}`, "InvalidParameterException", http.StatusBadRequest},
			{"PhoneNumberOnChat", id, `{"PhoneNumberConfigs":[{"Channel":"CHAT","PhoneType":"SOFT_PHONE"}]}`, "InvalidParameterException", http.StatusBadRequest},
			{"DeskPhoneWithoutNumber", id, `{"PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":"DESK_PHONE"}]}`, "InvalidParameterException", http.StatusBadRequest},
			{"LimitTooLarge", id, `{"AfterContactWorkConfigs":[{"Channel":"CHAT","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":2000001}}]}`, "InvalidParameterException", http.StatusBadRequest},
			{"UnknownChannel", id, `{"AutoAcceptConfigs":[{"Channel":"FAX","AutoAccept":true}]}`, "InvalidParameterException", http.StatusBadRequest},
			{"UnknownUser", unknownID, `{"AutoAcceptConfigs":[{"Channel":"CHAT","AutoAccept":true}]}`, "ResourceNotFoundException", http.StatusNotFound},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				resp, body := e.do(t, "POST", "/users/"+f.instanceID+"/"+tc.user+"/config", []byte(tc.body))
				wantAWSError(t, resp, body, tc.status, tc.code)
			})
		}
	})
}
