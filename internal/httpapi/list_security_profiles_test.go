package httpapi

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestListSecurityProfiles(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "profiles", types.DirectoryTypeConnectManaged)

	var names []string
	pages := 0
	p := connect.NewListSecurityProfilesPaginator(e.client, &connect.ListSecurityProfilesInput{InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(3)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, s := range out.SecurityProfileSummaryList {
			names = append(names, aws.ToString(s.Name))
			if want := f.instanceARN + "/security-profile/" + aws.ToString(s.Id); aws.ToString(s.Arn) != want {
				t.Errorf("Arn = %q, want %q", aws.ToString(s.Arn), want)
			}
			if aws.ToString(s.LastModifiedRegion) != testRegion || s.LastModifiedTime == nil {
				t.Errorf("last modified = %v %q", s.LastModifiedTime, aws.ToString(s.LastModifiedRegion))
			}
		}
	}
	sort.Strings(names)
	if got, want := strings.Join(names, ","), "Admin,Agent,CallCenterManager,QualityAnalyst"; got != want || pages != 2 {
		t.Fatalf("profiles %s in %d pages, want %s in 2", got, pages, want)
	}
}
