package httpapi

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestListTagsForResource(t *testing.T) {
	e := newEnv(t)
	f := e.newInstance(t, "list-tags", types.DirectoryTypeConnectManaged)
	in := basicUser(f, "listed")
	in.Tags = map[string]string{"from": "create"}
	out, err := e.client.CreateUser(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("TagsOfCreateUser", func(t *testing.T) {
		resp, body := e.do(t, "GET", "/tags/"+url.PathEscape(aws.ToString(out.UserArn)), nil)
		if resp.StatusCode != http.StatusOK || string(body) != `{"tags":{"from":"create"}}` {
			t.Fatalf("got %d %s", resp.StatusCode, body)
		}
	})
	t.Run("NoTagsIsEmptyObject", func(t *testing.T) {
		resp, body := e.do(t, "GET", "/tags/"+url.PathEscape(f.instanceARN), nil)
		if resp.StatusCode != http.StatusOK || string(body) != `{"tags":{}}` {
			t.Fatalf("got %d %s, want 200 {\"tags\":{}}", resp.StatusCode, body)
		}
	})
}
