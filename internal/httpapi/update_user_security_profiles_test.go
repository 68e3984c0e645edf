package httpapi

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestUpdateUserSecurityProfiles(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "user-profiles", types.DirectoryTypeConnectManaged)
	other := e.newInstance(t, "other-profiles", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "profiled")
	id := aws.ToString(out.UserId)
	e.clock.Advance(time.Minute)

	update := func(ids ...string) error {
		_, err := e.client.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{
			InstanceId: aws.String(f.instanceID), UserId: aws.String(id), SecurityProfileIds: ids,
		})
		return err
	}
	want := []string{f.adminProfileID, f.agentProfileID}
	if err := update(want...); err != nil {
		t.Fatalf("UpdateUserSecurityProfiles: %v", err)
	}
	u := e.describe(t, f, id)
	e.wantModified(t, u)
	if !reflect.DeepEqual(u.SecurityProfileIds, want) {
		t.Fatalf("SecurityProfileIds = %v, want %v", u.SecurityProfileIds, want)
	}
	// The set is replaced, not merged.
	if err := update(f.adminProfileID); err != nil {
		t.Fatalf("UpdateUserSecurityProfiles: %v", err)
	}
	if got := e.describe(t, f, id).SecurityProfileIds; !reflect.DeepEqual(got, []string{f.adminProfileID}) {
		t.Fatalf("SecurityProfileIds = %v, want only %s", got, f.adminProfileID)
	}

	tests := []struct {
		name string
		ids  []string
		code string
	}{
		{"UnknownProfile", []string{f.agentProfileID, unknownID}, "InvalidParameterException"},
		{"ProfileOfAnotherInstance", []string{other.agentProfileID}, "InvalidParameterException"},
		{"Empty", []string{}, "InvalidParameterException"},
		{"Repeated", []string{f.agentProfileID, f.agentProfileID}, "InvalidParameterException"},
		{"MoreThanTen", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}, "InvalidParameterException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantCode(t, "UpdateUserSecurityProfiles", update(tc.ids...), tc.code)
		})
	}
	if got := e.describe(t, f, id).SecurityProfileIds; !reflect.DeepEqual(got, []string{f.adminProfileID}) {
		t.Fatalf("SecurityProfileIds after rejected updates = %v, want %s", got, f.adminProfileID)
	}
	t.Run("UnknownUser", func(t *testing.T) {
		_, err := e.client.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{
			InstanceId: aws.String(f.instanceID), UserId: aws.String(unknownID), SecurityProfileIds: []string{f.agentProfileID},
		})
		wantCode(t, "UpdateUserSecurityProfiles(unknown user)", err, "ResourceNotFoundException")
	})
}
