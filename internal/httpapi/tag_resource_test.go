package httpapi

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectlite/connectlite"
)

// taggableARNs returns an ARN of every taggable type in n, with a user
// created for the occasion.
func (e *env) taggableARNs(t *testing.T, n *connectlite.NewInstance) map[string]string {
	t.Helper()
	u := e.createUser(t, fixtureOf(n), "tagged")
	inst := &n.Instance
	arns := map[string]string{
		connectlite.ARNInstance:         inst.ARN(),
		connectlite.ARNAgent:            aws.ToString(u.UserArn),
		connectlite.ARNSecurityProfile:  inst.ResourceARN(connectlite.ARNSecurityProfile, n.SecurityProfiles[0].ID),
		connectlite.ARNRoutingProfile:   inst.ResourceARN(connectlite.ARNRoutingProfile, n.RoutingProfiles[0].ID),
		connectlite.ARNQueue:            inst.ResourceARN(connectlite.ARNQueue, n.Queues[0].ID),
		connectlite.ARNHoursOfOperation: inst.ResourceARN(connectlite.ARNHoursOfOperation, n.HoursOfOperations[0].ID),
	}
	return arns
}

func (e *env) listTags(t *testing.T, arn string) map[string]string {
	t.Helper()
	out, err := e.client.ListTagsForResource(context.Background(), &connect.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Fatalf("ListTagsForResource(%s): %v", arn, err)
	}
	return out.Tags
}

func TestTagResourceEveryType(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	n := e.storeInstance(t, "tag-every")
	for typ, arn := range e.taggableARNs(t, n) {
		t.Run(typ, func(t *testing.T) {
			if _, err := e.client.TagResource(ctx, &connect.TagResourceInput{
				ResourceArn: aws.String(arn), Tags: map[string]string{"team": "blue", "cost/center": "42", "empty": ""},
			}); err != nil {
				t.Fatalf("TagResource: %v", err)
			}
			// A second call merges, replacing the value of a key it repeats.
			if _, err := e.client.TagResource(ctx, &connect.TagResourceInput{
				ResourceArn: aws.String(arn), Tags: map[string]string{"team": "red", "Ünïcode key:=+-@.": "välue"},
			}); err != nil {
				t.Fatalf("TagResource: %v", err)
			}
			want := map[string]string{"team": "red", "cost/center": "42", "empty": "", "Ünïcode key:=+-@.": "välue"}
			if got := e.listTags(t, arn); !maps.Equal(got, want) {
				t.Fatalf("ListTagsForResource = %v, want %v", got, want)
			}
		})
	}
}

func TestTagResourceVisibleInDescribe(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "tag-describe", types.DirectoryTypeConnectManaged)
	out := e.createUser(t, f, "described")
	e.clock.Advance(time.Hour)
	tags := map[string]string{"env": "test"}
	for _, arn := range []string{aws.ToString(out.UserArn), f.instanceARN} {
		if _, err := e.client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(arn), Tags: tags}); err != nil {
			t.Fatalf("TagResource(%s): %v", arn, err)
		}
	}
	u := e.describe(t, f, aws.ToString(out.UserId))
	e.wantModified(t, u)
	if !maps.Equal(u.Tags, tags) {
		t.Errorf("DescribeUser Tags = %v, want %v", u.Tags, tags)
	}
	d, err := e.client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(f.instanceID)})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(d.Instance.Tags, tags) {
		t.Errorf("DescribeInstance Tags = %v, want %v", d.Instance.Tags, tags)
	}
}

func TestTagResourceLimits(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "tag-limits", types.DirectoryTypeConnectManaged)
	arn := aws.ToString(e.createUser(t, f, "limited").UserArn)
	tag := func(tags map[string]string) error {
		_, err := e.client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(arn), Tags: tags})
		return err
	}
	many := func(prefix string, n int) map[string]string {
		m := map[string]string{}
		for i := range n {
			m[fmt.Sprintf("%s%02d", prefix, i)] = "v"
		}
		return m
	}
	if err := tag(many("a", 30)); err != nil {
		t.Fatalf("TagResource(30 tags): %v", err)
	}

	t.Run("MoreThan50AfterMergeIsRefused", func(t *testing.T) {
		err := tag(many("b", 21))
		wantCode(t, "TagResource(30 + 21 tags)", err, "InvalidParameterException")
		if !strings.Contains(err.Error(), "at most 50 tags") {
			t.Errorf("message %q does not name the rule", err)
		}
		if got := len(e.listTags(t, arn)); got != 30 {
			t.Fatalf("%d tags after a refused TagResource, want 30", got)
		}
	})
	t.Run("Exactly50AfterMergeIsAccepted", func(t *testing.T) {
		// 10 of the 30 keys again plus 20 new ones: 50 in all.
		m := many("b", 20)
		maps.Copy(m, many("a", 10))
		if err := tag(m); err != nil {
			t.Fatalf("TagResource(to 50 tags): %v", err)
		}
		if got := len(e.listTags(t, arn)); got != 50 {
			t.Fatalf("%d tags, want 50", got)
		}
		wantCode(t, "TagResource(the 51st tag)", tag(map[string]string{"one-more": "x"}), "InvalidParameterException")
	})
	t.Run("ModelRules", func(t *testing.T) {
		tests := []struct {
			name string
			tags map[string]string
		}{
			{"AWSPrefix", map[string]string{"aws:reserved": "x"}},
			{"KeyTooLong", map[string]string{strings.Repeat("k", 129): "x"}},
			{"ValueTooLong", map[string]string{"k": strings.Repeat("v", 257)}},
			{"BadKeyCharacter", map[string]string{"semi;colon": "x"}},
			{"EmptyKey", map[string]string{"": "x"}},
			{"NoTags", map[string]string{}},
			{"MoreThan50InOneRequest", many("c", 51)},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				wantCode(t, "TagResource", tag(tc.tags), "InvalidParameterException")
			})
		}
	})
}

func TestTagResourceARNs(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	n := e.storeInstance(t, "tag-arns")
	inst := &n.Instance
	user := aws.ToString(e.createUser(t, fixtureOf(n), "arned").UserArn)
	base := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", testRegion, testAccount, inst.ID)
	tests := []struct {
		name, arn, code string
	}{
		{"NotAnARN", "agent/" + unknownID, "InvalidParameterException"},
		{"OtherPartition", strings.Replace(user, "arn:aws:", "arn:aws-cn:", 1), "InvalidParameterException"},
		{"OtherService", strings.Replace(user, ":connect:", ":s3:", 1), "InvalidParameterException"},
		{"UntaggableType", base + "/contact-flow/" + unknownID, "InvalidParameterException"},
		{"MissingID", base + "/agent", "InvalidParameterException"},
		{"TrailingPart", user + "/extra", "InvalidParameterException"},
		{"NoInstance", fmt.Sprintf("arn:aws:connect:%s:%s:agent/%s", testRegion, testAccount, unknownID), "InvalidParameterException"},
		{"OtherRegion", strings.Replace(user, ":"+testRegion+":", ":eu-west-2:", 1), "ResourceNotFoundException"},
		{"OtherAccount", strings.Replace(user, ":"+testAccount+":", ":210987654321:", 1), "ResourceNotFoundException"},
		{"UnknownInstance", strings.Replace(user, inst.ID, unknownID, 1), "ResourceNotFoundException"},
		{"UnknownUser", base + "/agent/" + unknownID, "ResourceNotFoundException"},
		{"UnknownQueue", base + "/queue/" + unknownID, "ResourceNotFoundException"},
		{"UnknownHierarchyGroup", base + "/agent-group/" + unknownID, "ResourceNotFoundException"},
		{"ResourceOfAnotherType", base + "/queue/" + n.SecurityProfiles[0].ID, "ResourceNotFoundException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(tc.arn), Tags: map[string]string{"k": "v"}})
			wantCode(t, "TagResource", err, tc.code)
			_, err = e.client.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: aws.String(tc.arn)})
			wantCode(t, "ListTagsForResource", err, tc.code)
			_, err = e.client.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: aws.String(tc.arn), TagKeys: []string{"k"}})
			wantCode(t, "UntagResource", err, tc.code)
		})
	}

	// The model's {resourceArn} is a one-segment label: SDKs escape the
	// ARN's '/' (and ':'), and the escaped forms reach the resource with a
	// signature that verifies.
	t.Run("PathEscaping", func(t *testing.T) {
		for _, path := range []string{
			"/tags/" + url.PathEscape(user),                                      // ':' kept, '/' escaped
			"/tags/" + strings.NewReplacer(":", "%3A", "/", "%2F").Replace(user), // everything escaped, as SDKs do
			"/tags/" + strings.NewReplacer(":", "%3a", "/", "%2f").Replace(user), // lower-case escapes
		} {
			resp, body := e.do(t, "POST", path, []byte(`{"tags":{"path":"ok"}}`))
			if resp.StatusCode != http.StatusOK || string(body) != "{}" {
				t.Fatalf("POST %s: %d %s, want 200 {}", path, resp.StatusCode, body)
			}
			resp, body = e.do(t, "GET", path, nil)
			if resp.StatusCode != http.StatusOK || string(body) != `{"tags":{"path":"ok"}}` {
				t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
			}
		}
	})
}
