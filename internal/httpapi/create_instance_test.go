package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestCreateInstance(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	out, err := e.client.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias:          aws.String("acme-support"),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(true),
		Tags:                   map[string]string{"team": "support"},
	})
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	id := aws.ToString(out.Id)
	if !uuidRE.MatchString(id) {
		t.Errorf("Id = %q, want a lowercase UUID", id)
	}
	if got, want := aws.ToString(out.Arn), "arn:aws:connect:us-west-2:123456789012:instance/"+id; got != want {
		t.Errorf("Arn = %q, want %q", got, want)
	}

	t.Run("DuplicateAliasIsInvalidRequest", func(t *testing.T) {
		_, err := e.client.CreateInstance(ctx, &connect.CreateInstanceInput{
			IdentityManagementType: types.DirectoryTypeConnectManaged,
			InstanceAlias:          aws.String("acme-support"),
			InboundCallsEnabled:    aws.Bool(true),
			OutboundCallsEnabled:   aws.Bool(true),
		})
		var ire *types.InvalidRequestException
		if !errors.As(err, &ire) {
			t.Fatalf("err = %v, want InvalidRequestException", err)
		}
	})
	// CreateInstance models no InvalidParameterException: model violations
	// are InvalidRequestException, which the SDK types.
	t.Run("ModelViolationIsInvalidRequest", func(t *testing.T) {
		resp, body := e.do(t, "PUT", "/instance", []byte(`{"IdentityManagementType":"LDAP","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`))
		eb := wantAWSError(t, resp, body, http.StatusBadRequest, "InvalidRequestException")
		if !strings.Contains(eb.Message, "IdentityManagementType") {
			t.Errorf("message %q does not name the member", eb.Message)
		}
	})
	t.Run("MissingRequiredMember", func(t *testing.T) {
		resp, body := e.do(t, "PUT", "/instance", []byte(`{"IdentityManagementType":"SAML","InstanceAlias":"x1"}`))
		eb := wantAWSError(t, resp, body, http.StatusBadRequest, "InvalidRequestException")
		if !strings.Contains(eb.Message, "InboundCallsEnabled") {
			t.Errorf("message %q does not name the member", eb.Message)
		}
	})
}
