package httpapi

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestListUsers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "list-users", types.DirectoryTypeConnectManaged)
	want := map[string]string{}
	for i := range 5 {
		out := e.createUser(t, f, fmt.Sprintf("user%d", i))
		want[aws.ToString(out.UserId)] = fmt.Sprintf("user%d", i)
	}

	got := map[string]string{}
	pages := 0
	p := connect.NewListUsersPaginator(e.client, &connect.ListUsersInput{InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, u := range out.UserSummaryList {
			got[aws.ToString(u.Id)] = aws.ToString(u.Username)
			if aws.ToString(u.Arn) != f.instanceARN+"/agent/"+aws.ToString(u.Id) || u.LastModifiedTime == nil || aws.ToString(u.LastModifiedRegion) != testRegion {
				t.Errorf("summary = %+v", u)
			}
		}
	}
	if pages != 3 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%d pages with %v, want 3 pages with %v", pages, got, want)
	}

	t.Run("TokenOfAnotherListing", func(t *testing.T) {
		sp, err := e.client.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(1)})
		if err != nil || sp.NextToken == nil {
			t.Fatalf("ListSecurityProfiles: %v, token %v", err, sp.NextToken)
		}
		_, err = e.client.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(f.instanceID), NextToken: sp.NextToken})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("err = %v, want InvalidParameterException", err)
		}
	})
	t.Run("MaxResultsOutOfRange", func(t *testing.T) {
		_, err := e.client.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(1001)})
		var ipe *types.InvalidParameterException
		if !errors.As(err, &ipe) {
			t.Fatalf("err = %v, want InvalidParameterException", err)
		}
	})
}
