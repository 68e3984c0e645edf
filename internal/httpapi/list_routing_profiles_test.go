package httpapi

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestListRoutingProfiles(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "routing", types.DirectoryTypeConnectManaged)

	out, err := e.client.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: aws.String(f.instanceID)})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.RoutingProfileSummaryList) != 1 || out.NextToken != nil {
		t.Fatalf("got %d profiles (NextToken %v), want 1", len(out.RoutingProfileSummaryList), out.NextToken)
	}
	rp := out.RoutingProfileSummaryList[0]
	if aws.ToString(rp.Name) != "Basic Routing Profile" || aws.ToString(rp.Arn) != f.instanceARN+"/routing-profile/"+aws.ToString(rp.Id) {
		t.Errorf("profile = %q %q", aws.ToString(rp.Name), aws.ToString(rp.Arn))
	}

	_, err = e.client.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000")})
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) {
		t.Fatalf("unknown instance: %v, want ResourceNotFoundException", err)
	}
}
