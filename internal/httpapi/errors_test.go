package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"

	"github.com/connectlite/connectlite"
)

// faultStore fails User, CreateUser and the creation of the instance
// aliased "faulty" (with or without a ClientToken) with a fixed error.
type faultStore struct {
	connectlite.Store
	err error
}

func (f *faultStore) User(context.Context, string, string) (*connectlite.User, error) {
	return nil, f.err
}

func (f *faultStore) CreateUser(context.Context, *connectlite.User, string) error { return f.err }

func (f *faultStore) CreateInstance(ctx context.Context, n *connectlite.NewInstance) error {
	if n.Instance.Alias == "faulty" {
		return f.err
	}
	return f.Store.CreateInstance(ctx, n)
}

// CreateInstanceWithToken serves the CreateInstance requests that carry a
// ClientToken, which SDKs always send.
func (f *faultStore) CreateInstanceWithToken(ctx context.Context, n *connectlite.NewInstance, fingerprint string) (*connectlite.Instance, string, error) {
	if n.Instance.Alias == "faulty" {
		return nil, "", f.err
	}
	return f.Store.CreateInstanceWithToken(ctx, n, fingerprint)
}

// TestErrorMappingThroughSDK checks every kind as aws-sdk-go-v2 sees it,
// through an operation whose model lists the exception (so the SDK returns
// its typed error) where one of ours does; otherwise by code.
func TestErrorMappingThroughSDK(t *testing.T) {
	inUse := &connectlite.Error{Kind: connectlite.KindResourceInUse, Message: "in use", ResourceType: "USER", ResourceID: "u-1"}
	typed := func(target any) func(error) bool {
		return func(err error) bool { return errors.As(err, target) }
	}
	code := func(want string) func(error) bool {
		return func(err error) bool {
			var g *smithy.GenericAPIError
			return errors.As(err, &g) && g.Code == want
		}
	}
	tests := []struct {
		name    string
		op      string // DescribeUser, CreateUser or CreateInstance
		err     error
		status  int
		check   func(error) bool
		message string // "" means the error's own message
	}{
		{"InvalidParameter", "DescribeUser", connectlite.Errorf(connectlite.KindInvalidParameter, "bad p"), 400, typed(new(*types.InvalidParameterException)), ""},
		{"InvalidRequest", "DescribeUser", connectlite.Errorf(connectlite.KindInvalidRequest, "bad r"), 400, typed(new(*types.InvalidRequestException)), ""},
		{"NotFound", "DescribeUser", connectlite.Errorf(connectlite.KindNotFound, "gone"), 404, typed(new(*types.ResourceNotFoundException)), ""},
		{"Duplicate", "CreateUser", connectlite.Errorf(connectlite.KindDuplicate, "twice"), 409, typed(new(*types.DuplicateResourceException)), ""},
		{"LimitExceeded", "CreateUser", connectlite.Errorf(connectlite.KindLimitExceeded, "too many"), 429, typed(new(*types.LimitExceededException)), ""},
		{"Throttled", "DescribeUser", connectlite.Errorf(connectlite.KindThrottled, "slow down"), 429, typed(new(*types.ThrottlingException)), ""},
		{"ServiceQuotaExceeded", "CreateInstance", connectlite.Errorf(connectlite.KindServiceQuotaExceeded, "quota"), 402, typed(new(*types.ServiceQuotaExceededException)), ""},
		{"ResourceInUse", "DescribeUser", inUse, 409, code("ResourceInUseException"), ""},
		{"AccessDenied", "DescribeUser", connectlite.Errorf(connectlite.KindAccessDenied, "no"), 403, code("AccessDeniedException"), ""},
		{"ConditionFailed", "DescribeUser", connectlite.Errorf(connectlite.KindConditionFailed, "raced"), 409, code("ConditionalOperationFailedException"), ""},
		{"Unavailable", "DescribeUser", fmt.Errorf("read user: %w", connectlite.Errorf(connectlite.KindUnavailable, "database is locked")), 500,
			typed(new(*types.InternalServiceException)), genericInternalMessage},
		{"Internal", "DescribeUser", errors.New("disk on fire at /var/lib/x"), 500, typed(new(*types.InternalServiceException)), genericInternalMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, withStore(func(s connectlite.Store) connectlite.Store { return &faultStore{Store: s, err: tt.err} }))
			f := e.newInstance(t, "faults", types.DirectoryTypeConnectManaged)
			ctx := context.Background()
			var err error
			switch tt.op {
			case "DescribeUser":
				_, err = e.client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(f.instanceID), UserId: aws.String("u-1")})
			case "CreateUser":
				_, err = e.client.CreateUser(ctx, basicUser(f, "someone"))
			case "CreateInstance":
				_, err = e.client.CreateInstance(ctx, &connect.CreateInstanceInput{
					IdentityManagementType: types.DirectoryTypeSaml, InstanceAlias: aws.String("faulty"),
					InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
				})
			}
			if err == nil || !tt.check(err) {
				t.Fatalf("err = %v, want %s", err, tt.name)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != tt.status {
				t.Fatalf("status = %v, want %d", err, tt.status)
			}
			want := tt.message
			if want == "" {
				want = tt.err.Error()
			}
			if !strings.Contains(err.Error(), want) {
				t.Errorf("message: %v, want %q", err, want)
			}
			if tt.message == genericInternalMessage {
				if strings.Contains(err.Error(), "disk on fire") || strings.Contains(err.Error(), "locked") {
					t.Errorf("internal detail leaked: %v", err)
				}
				if logs := e.logs.String(); !strings.Contains(logs, "request failed") || !strings.Contains(logs, re.ServiceRequestID()) {
					t.Errorf("internal error not logged with request id %s:\n%s", re.ServiceRequestID(), logs)
				}
			}
		})
	}
}

func TestResourceInUseMembers(t *testing.T) {
	inUse := &connectlite.Error{Kind: connectlite.KindResourceInUse, Message: "in use", ResourceType: "USER", ResourceID: "u-1"}
	e := newEnv(t, withStore(func(s connectlite.Store) connectlite.Store { return &faultStore{Store: s, err: inUse} }))
	f := e.newInstance(t, "in-use", types.DirectoryTypeConnectManaged)
	resp, body := e.do(t, "GET", "/users/"+f.instanceID+"/u-1", nil)
	eb := wantAWSError(t, resp, body, http.StatusConflict, "ResourceInUseException")
	if eb.ResourceType != "USER" || eb.ResourceID != "u-1" {
		t.Fatalf("body = %s, want ResourceType USER and ResourceId u-1", body)
	}
}

func TestEveryKindHasAnException(t *testing.T) {
	for k := connectlite.KindInternal; k <= connectlite.KindConditionFailed; k++ {
		if _, ok := exceptions[k]; !ok {
			t.Errorf("kind %v has no exception", k)
		}
	}
	for f := AuthMissing; f <= AuthTooLarge; f++ {
		if _, ok := authExceptions[f]; !ok {
			t.Errorf("auth failure %d has no exception", f)
		}
	}
}

func TestWriteErrorFormat(t *testing.T) {
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/x", nil)
	writeError(w, r, nil, &connectlite.Error{Kind: connectlite.KindResourceInUse, Message: "m", ResourceType: "USER", ResourceID: "id"})
	if w.Code != http.StatusConflict {
		t.Errorf("status = %d", w.Code)
	}
	if got := w.Header()[headerErrorType]; len(got) != 1 || got[0] != "ResourceInUseException" {
		t.Errorf("x-amzn-ErrorType = %v", got)
	}
	if got, want := w.Body.String(), `{"__type":"ResourceInUseException","Message":"m","ResourceType":"USER","ResourceId":"id"}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
}

func TestSubstitute(t *testing.T) {
	ipe, ire := exceptions[connectlite.KindInvalidParameter], exceptions[connectlite.KindInvalidRequest]
	tests := []struct {
		name   string
		ex     exception
		errors []string
		want   exception
	}{
		{"Unknown", ipe, nil, ipe},
		{"Listed", ipe, []string{"InvalidParameterException", "InvalidRequestException"}, ipe},
		{"NotListed", ipe, []string{"InvalidRequestException"}, ire},
		{"NeitherListed", ipe, []string{"InternalServiceException"}, ipe},
		{"OtherException", exceptions[connectlite.KindNotFound], []string{"InvalidRequestException"}, exceptions[connectlite.KindNotFound]},
	}
	for _, tt := range tests {
		if got := substitute(tt.ex, tt.errors); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
