package httpapi

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestUpdateUserRoutingProfile(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	n := e.storeInstance(t, "routing")
	f := fixtureOf(n)
	other := e.newInstance(t, "other-routing", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "routed")
	id := aws.ToString(out.UserId)
	e.clock.Advance(time.Minute)

	update := func(user, profile string) error {
		_, err := e.client.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{
			InstanceId: aws.String(f.instanceID), UserId: aws.String(user), RoutingProfileId: aws.String(profile),
		})
		return err
	}
	sales := n.RoutingProfiles[1].ID
	if err := update(id, sales); err != nil {
		t.Fatalf("UpdateUserRoutingProfile: %v", err)
	}
	u := e.describe(t, f, id)
	e.wantModified(t, u)
	if got := aws.ToString(u.RoutingProfileId); got != sales {
		t.Fatalf("RoutingProfileId = %s, want %s", got, sales)
	}

	tests := []struct {
		name, user, profile, code string
	}{
		{"UnknownProfile", id, unknownID, "InvalidParameterException"},
		{"ProfileOfAnotherInstance", id, other.routingProfileID, "InvalidParameterException"},
		{"UnknownUser", unknownID, f.routingProfileID, "ResourceNotFoundException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantCode(t, "UpdateUserRoutingProfile", update(tc.user, tc.profile), tc.code)
		})
	}
	t.Run("MissingProfile", func(t *testing.T) {
		resp, body := e.do(t, "POST", "/users/"+f.instanceID+"/"+id+"/routing-profile", []byte(`{}`))
		wantAWSError(t, resp, body, 400, "InvalidParameterException")
	})
	if got := aws.ToString(e.describe(t, f, id).RoutingProfileId); got != sales {
		t.Fatalf("RoutingProfileId after rejected updates = %s, want %s", got, sales)
	}
}
