package httpapi

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestUntagResource(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	n := e.storeInstance(t, "untag")
	for typ, arn := range e.taggableARNs(t, n) {
		t.Run(typ, func(t *testing.T) {
			if _, err := e.client.TagResource(ctx, &connect.TagResourceInput{
				ResourceArn: aws.String(arn), Tags: map[string]string{"a": "1", "b": "2", "c": "3"},
			}); err != nil {
				t.Fatalf("TagResource: %v", err)
			}
			// Keys the resource does not carry are ignored.
			if _, err := e.client.UntagResource(ctx, &connect.UntagResourceInput{
				ResourceArn: aws.String(arn), TagKeys: []string{"a", "c", "never-set"},
			}); err != nil {
				t.Fatalf("UntagResource: %v", err)
			}
			if got, want := e.listTags(t, arn), map[string]string{"b": "2"}; !maps.Equal(got, want) {
				t.Fatalf("tags = %v, want %v", got, want)
			}
			if _, err := e.client.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"b"}}); err != nil {
				t.Fatalf("UntagResource: %v", err)
			}
			if got := e.listTags(t, arn); len(got) != 0 {
				t.Fatalf("tags = %v, want none", got)
			}
		})
	}

	f := e.newInstance(t, "untag-user", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "untagged")
	arn := aws.ToString(out.UserArn)
	if _, err := e.client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(arn), Tags: map[string]string{"x": "1", "y": "2"}}); err != nil {
		t.Fatal(err)
	}
	t.Run("VisibleInDescribeUser", func(t *testing.T) {
		e.clock.Advance(time.Hour)
		if _, err := e.client.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"x"}}); err != nil {
			t.Fatal(err)
		}
		u := e.describe(t, f, aws.ToString(out.UserId))
		e.wantModified(t, u)
		if want := map[string]string{"y": "2"}; !maps.Equal(u.Tags, want) {
			t.Fatalf("DescribeUser Tags = %v, want %v", u.Tags, want)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		path := "/tags/" + url.PathEscape(arn)
		tests := []struct {
			name, query string
		}{
			{"NoTagKeys", ""},
			{"AWSPrefix", "?tagKeys=aws%3Aname"},
			{"EmptyKey", "?tagKeys="},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				resp, body := e.do(t, "DELETE", path+tc.query, nil)
				wantAWSError(t, resp, body, http.StatusBadRequest, "InvalidParameterException")
			})
		}
		if got := e.listTags(t, arn); !maps.Equal(got, map[string]string{"y": "2"}) {
			t.Fatalf("tags after rejected untags = %v", got)
		}
	})
	t.Run("RawAnswerIsEmptyObject", func(t *testing.T) {
		resp, body := e.do(t, "DELETE", "/tags/"+url.PathEscape(arn)+"?tagKeys=y&tagKeys=z", nil)
		if resp.StatusCode != http.StatusOK || string(body) != "{}" {
			t.Fatalf("got %d %s, want 200 {}", resp.StatusCode, body)
		}
		if got := e.listTags(t, arn); len(got) != 0 {
			t.Fatalf("tags = %v, want none", got)
		}
	})
}
