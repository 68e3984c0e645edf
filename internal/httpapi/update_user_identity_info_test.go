package httpapi

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestUpdateUserIdentityInfo(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "update", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "ann")
	e.clock.Advance(time.Minute)

	info := &types.UserIdentityInfo{
		FirstName: aws.String("Ann"), LastName: aws.String("Other"), Email: aws.String("ann@example.com"),
		SecondaryEmail: aws.String("ann@example.org"), Mobile: aws.String("+15555550123"),
	}
	if _, err := e.client.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{
		InstanceId: aws.String(f.instanceID), UserId: out.UserId, IdentityInfo: info,
	}); err != nil {
		t.Fatalf("UpdateUserIdentityInfo: %v", err)
	}
	d, err := e.client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: out.UserId})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*d.User.IdentityInfo, *info) {
		t.Errorf("IdentityInfo = %+v, want %+v", *d.User.IdentityInfo, *info)
	}
	if got := aws.ToTime(d.User.LastModifiedTime); !got.Equal(e.clock.Now()) {
		t.Errorf("LastModifiedTime = %v, want %v", got, e.clock.Now())
	}

	t.Run("EmptyBodyAnswer", func(t *testing.T) {
		resp, body := e.do(t, "POST", "/users/"+f.instanceID+"/"+aws.ToString(out.UserId)+"/identity-info",
			[]byte(`{"IdentityInfo":{"FirstName":"Ann","LastName":"Other","Email":"ann@example.com"}}`))
		if resp.StatusCode != http.StatusOK || string(body) != "{}" {
			t.Fatalf("got %d %s, want 200 {}", resp.StatusCode, body)
		}
	})
	t.Run("MissingIdentityInfo", func(t *testing.T) {
		resp, body := e.do(t, "POST", "/users/"+f.instanceID+"/"+aws.ToString(out.UserId)+"/identity-info", []byte(`{}`))
		wantAWSError(t, resp, body, http.StatusBadRequest, "InvalidParameterException")
	})
	t.Run("BadMobile", func(t *testing.T) {
		_, err := e.client.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{
			InstanceId: aws.String(f.instanceID), UserId: out.UserId,
			IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("A"), LastName: aws.String("B"), Email: aws.String("a@example.com"), Mobile: aws.String("555")},
		})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("err = %v, want InvalidParameterException", err)
		}
	})
	t.Run("UnknownUser", func(t *testing.T) {
		_, err := e.client.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{
			InstanceId: aws.String(f.instanceID), UserId: aws.String("00000000-0000-4000-8000-000000000000"), IdentityInfo: info,
		})
		var rnf *types.ResourceNotFoundException
		if !errors.As(err, &rnf) {
			t.Fatalf("err = %v, want ResourceNotFoundException", err)
		}
	})
}
