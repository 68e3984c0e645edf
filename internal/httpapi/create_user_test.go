package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectlite/connectlite"
)

func TestCreateUser(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "create-user", types.DirectoryTypeConnectManaged)

	out := e.createUser(t, f, "mary")
	id := aws.ToString(out.UserId)
	if !uuidRE.MatchString(id) {
		t.Errorf("UserId = %q, want a lowercase UUID", id)
	}
	if got, want := aws.ToString(out.UserArn), f.instanceARN+"/agent/"+id; got != want {
		t.Errorf("UserArn = %q, want %q", got, want)
	}

	t.Run("RawResponse", func(t *testing.T) {
		in := basicUser(f, "raw")
		body, _ := json.Marshal(map[string]any{
			"Username": "raw", "Password": "Pass@Word1",
			"IdentityInfo":       map[string]string{"FirstName": "R", "LastName": "W", "Email": "raw@example.com"},
			"PhoneConfig":        map[string]any{"PhoneType": "SOFT_PHONE"},
			"SecurityProfileIds": in.SecurityProfileIds, "RoutingProfileId": in.RoutingProfileId,
		})
		resp, b := e.do(t, "PUT", "/users/"+f.instanceID, body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got["UserId"] == nil || got["UserArn"] == nil {
			t.Fatalf("body = %s, want exactly UserId and UserArn", b)
		}
		if resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("Content-Type = %q", resp.Header.Get("Content-Type"))
		}
		wantRequestID(t, resp.Header.Get(headerRequestID))
	})
	t.Run("DuplicateUsername", func(t *testing.T) {
		_, err := e.client.CreateUser(ctx, basicUser(f, "MARY"))
		var dre *types.DuplicateResourceException
		if !errors.As(err, &dre) {
			t.Fatalf("err = %v, want DuplicateResourceException", err)
		}
	})
	t.Run("UnknownInstance", func(t *testing.T) {
		g := f
		g.instanceID = "00000000-0000-4000-8000-000000000000"
		_, err := e.client.CreateUser(ctx, basicUser(g, "nobody"))
		var rnf *types.ResourceNotFoundException
		if !errors.As(err, &rnf) {
			t.Fatalf("err = %v, want ResourceNotFoundException", err)
		}
	})
	t.Run("ModelViolation", func(t *testing.T) {
		_, err := e.client.CreateUser(ctx, basicUser(f, strings.Repeat("u", 101)))
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) || !strings.Contains(aws.ToString(ipe.Message), "Username") {
			t.Fatalf("err = %v, want InvalidParameterException naming Username", err)
		}
	})
	t.Run("DomainRuleIsInvalidRequest", func(t *testing.T) {
		in := basicUser(f, "conflict")
		in.PhoneConfig = &types.UserPhoneConfig{AutoAccept: true}
		in.AutoAcceptConfigs = []types.AutoAcceptConfig{{Channel: types.ChannelVoice, AutoAccept: true}}
		_, err := e.client.CreateUser(ctx, in)
		var ire *types.InvalidRequestException
		if !errors.As(err, &ire) {
			t.Fatalf("err = %v, want InvalidRequestException", err)
		}
	})
	t.Run("UnknownHierarchyGroup", func(t *testing.T) {
		in := basicUser(f, "grouped")
		in.HierarchyGroupId = aws.String("00000000-0000-4000-8000-000000000000")
		_, err := e.client.CreateUser(ctx, in)
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("err = %v, want InvalidParameterException", err)
		}
	})
	t.Run("RejectedRequestsLeaveNothing", func(t *testing.T) {
		out, err := e.client.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(f.instanceID)})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(out.UserSummaryList); got != 2 { // mary and raw
			t.Fatalf("%d users, want 2", got)
		}
	})
}

func TestCreateUserConcurrentSameUsername(t *testing.T) {
	e := newEnv(t)
	f := e.newInstance(t, "race", types.DirectoryTypeConnectManaged)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = e.client.CreateUser(context.Background(), basicUser(f, "same"))
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		var dre *types.DuplicateResourceException
		switch {
		case err == nil:
			ok++
		case !errors.As(err, &dre):
			t.Errorf("err = %v, want DuplicateResourceException", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d creates succeeded, want 1", ok)
	}
}

// throttledHasher is a hasher whose queue is always full.
type throttledHasher struct{}

func (throttledHasher) Hash(context.Context, string) (string, error) {
	return "", connectlite.Errorf(connectlite.KindThrottled, "Too many password hashes are being computed; retry later")
}

func TestCreateUserThrottled(t *testing.T) {
	e := newEnv(t, withHasher(throttledHasher{}))
	f := e.newInstance(t, "throttle", types.DirectoryTypeConnectManaged)
	_, err := e.client.CreateUser(context.Background(), basicUser(f, "busy"))
	var te *types.ThrottlingException
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want ThrottlingException", err)
	}
	resp, body := e.do(t, "PUT", "/users/"+f.instanceID, []byte(`{"Username":"busy","Password":"Pass@Word1",`+
		`"IdentityInfo":{"FirstName":"a","LastName":"b","Email":"a@example.com"},"PhoneConfig":{"PhoneType":"SOFT_PHONE"},`+
		`"SecurityProfileIds":["`+f.agentProfileID+`"],"RoutingProfileId":"`+f.routingProfileID+`"}`))
	wantAWSError(t, resp, body, http.StatusTooManyRequests, "ThrottlingException")
}
