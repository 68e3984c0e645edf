package httpapi

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestDeleteUser(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "delete-user", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "doomed")
	kept := e.createUser(t, f, "kept")

	if _, err := e.client.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: aws.String(f.instanceID), UserId: out.UserId}); err != nil {
		t.Fatalf("DeleteUser: %v", err)
	}
	_, err := e.client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: out.UserId})
	wantCode(t, "DescribeUser(deleted)", err, "ResourceNotFoundException")
	list, err := e.client.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(f.instanceID)})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.UserSummaryList) != 1 || aws.ToString(list.UserSummaryList[0].Id) != aws.ToString(kept.UserId) {
		t.Fatalf("ListUsers after delete = %+v, want only %s", list.UserSummaryList, aws.ToString(kept.UserId))
	}

	t.Run("UsernameIsFreeAgain", func(t *testing.T) {
		again := e.createUser(t, f, "doomed")
		if aws.ToString(again.UserId) == aws.ToString(out.UserId) {
			t.Fatalf("the new user got the deleted user's id %s", aws.ToString(again.UserId))
		}
	})
	t.Run("DeleteAgainIsNotFound", func(t *testing.T) {
		_, err := e.client.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: aws.String(f.instanceID), UserId: out.UserId})
		wantCode(t, "DeleteUser(deleted)", err, "ResourceNotFoundException")
	})
	t.Run("UnknownInstanceIsNotFound", func(t *testing.T) {
		_, err := e.client.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: aws.String(unknownID), UserId: kept.UserId})
		wantCode(t, "DeleteUser(unknown instance)", err, "ResourceNotFoundException")
	})
	t.Run("RawAnswerIsEmptyObject", func(t *testing.T) {
		u := e.createUser(t, f, "raw")
		resp, body := e.do(t, "DELETE", "/users/"+f.instanceID+"/"+aws.ToString(u.UserId), nil)
		if resp.StatusCode != http.StatusOK || string(body) != "{}" {
			t.Fatalf("got %d %s, want 200 {}", resp.StatusCode, body)
		}
	})
}
