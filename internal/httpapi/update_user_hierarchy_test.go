package httpapi

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// The hierarchy groups a user can join come with CreateUserHierarchyGroup;
// here the rules that need none: an unknown group is refused, and an absent
// or null HierarchyGroupId removes the user from its group.
func TestUpdateUserHierarchy(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "hierarchy", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "grouped")
	id := aws.ToString(out.UserId)

	t.Run("UnknownGroupIsInvalidParameter", func(t *testing.T) {
		_, err := e.client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{
			InstanceId: aws.String(f.instanceID), UserId: out.UserId, HierarchyGroupId: aws.String(unknownID),
		})
		wantCode(t, "UpdateUserHierarchy(unknown group)", err, "InvalidParameterException")
		if u := e.describe(t, f, id); u.HierarchyGroupId != nil {
			t.Fatalf("HierarchyGroupId = %q after a rejected update, want none", aws.ToString(u.HierarchyGroupId))
		}
	})
	for _, body := range []string{`{}`, `{"HierarchyGroupId":null}`, ``} {
		t.Run("RemoveWithBody"+body, func(t *testing.T) {
			e.clock.Advance(time.Minute)
			resp, b := e.do(t, "POST", "/users/"+f.instanceID+"/"+id+"/hierarchy", []byte(body))
			if resp.StatusCode != http.StatusOK || string(b) != "{}" {
				t.Fatalf("got %d %s, want 200 {}", resp.StatusCode, b)
			}
			u := e.describe(t, f, id)
			e.wantModified(t, u)
			if u.HierarchyGroupId != nil {
				t.Fatalf("HierarchyGroupId = %q, want none", aws.ToString(u.HierarchyGroupId))
			}
		})
	}
	t.Run("SDKWithoutGroup", func(t *testing.T) {
		if _, err := e.client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{
			InstanceId: aws.String(f.instanceID), UserId: out.UserId,
		}); err != nil {
			t.Fatalf("UpdateUserHierarchy without a group: %v", err)
		}
	})
	t.Run("UnknownUser", func(t *testing.T) {
		_, err := e.client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{
			InstanceId: aws.String(f.instanceID), UserId: aws.String(unknownID),
		})
		wantCode(t, "UpdateUserHierarchy(unknown user)", err, "ResourceNotFoundException")
	})
}
