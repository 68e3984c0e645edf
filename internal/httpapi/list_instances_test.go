package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestListInstances(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	want := map[string]bool{}
	for i := range 3 {
		f := e.newInstance(t, fmt.Sprintf("list-%d", i), types.DirectoryTypeSaml)
		want[f.instanceID] = true
	}

	t.Run("DefaultPageHoldsAll", func(t *testing.T) {
		out, err := e.client.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.InstanceSummaryList) != 3 || out.NextToken != nil {
			t.Fatalf("got %d instances, NextToken %v; want 3 and none", len(out.InstanceSummaryList), out.NextToken)
		}
		s := out.InstanceSummaryList[0]
		if s.InstanceStatus != types.InstanceStatusActive || s.IdentityManagementType != types.DirectoryTypeSaml || s.CreatedTime == nil || s.Arn == nil {
			t.Errorf("summary = %+v", s)
		}
	})
	t.Run("Paginated", func(t *testing.T) {
		got := map[string]bool{}
		pages := 0
		p := connect.NewListInstancesPaginator(e.client, &connect.ListInstancesInput{MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if len(out.InstanceSummaryList) > 2 {
				t.Fatalf("page of %d, want at most 2", len(out.InstanceSummaryList))
			}
			for _, s := range out.InstanceSummaryList {
				got[aws.ToString(s.Id)] = true
			}
		}
		if pages != 2 || len(got) != 3 {
			t.Fatalf("%d pages, %d instances; want 2 pages, 3 instances", pages, len(got))
		}
		for id := range want {
			if !got[id] {
				t.Errorf("instance %s missing", id)
			}
		}
	})
	t.Run("MaxResultsAboveModelMaximum", func(t *testing.T) {
		// ListInstances models no InvalidParameterException.
		resp, body := e.do(t, "GET", "/instance?maxResults=11", nil)
		wantAWSError(t, resp, body, http.StatusBadRequest, "InvalidRequestException")
	})
	t.Run("MaxResultsNotANumber", func(t *testing.T) {
		resp, body := e.do(t, "GET", "/instance?maxResults=ten", nil)
		wantAWSError(t, resp, body, http.StatusBadRequest, "SerializationException")
	})
	t.Run("ForgedToken", func(t *testing.T) {
		_, err := e.client.ListInstances(ctx, &connect.ListInstancesInput{NextToken: aws.String("forged.token")})
		var ire *types.InvalidRequestException
		if !errors.As(err, &ire) {
			t.Fatalf("err = %v, want InvalidRequestException", err)
		}
	})
}
