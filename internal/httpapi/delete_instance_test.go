package httpapi

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestDeleteInstance(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "doomed", types.DirectoryTypeConnectManaged)
	e.createUser(t, f, "victim")

	resp, body := e.do(t, "DELETE", "/instance/"+f.instanceID+"?clientToken=abc", nil)
	if resp.StatusCode != http.StatusOK || string(body) != "{}" {
		t.Fatalf("DeleteInstance: %d %s, want 200 {}", resp.StatusCode, body)
	}
	_, err := e.client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(f.instanceID)})
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) {
		t.Fatalf("DescribeInstance after delete: %v, want ResourceNotFoundException", err)
	}
	_, err = e.client.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: aws.String(f.instanceID)})
	if !errors.As(err, &rnf) {
		t.Fatalf("second DeleteInstance: %v, want ResourceNotFoundException", err)
	}
}
