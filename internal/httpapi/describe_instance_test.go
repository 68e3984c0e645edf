package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestDescribeInstance(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "example-corp", types.DirectoryTypeConnectManaged)

	out, err := e.client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(f.instanceID)})
	if err != nil {
		t.Fatalf("DescribeInstance: %v", err)
	}
	inst := out.Instance
	checks := []struct{ field, got, want string }{
		{"Id", aws.ToString(inst.Id), f.instanceID},
		{"Arn", aws.ToString(inst.Arn), f.instanceARN},
		{"IdentityManagementType", string(inst.IdentityManagementType), "CONNECT_MANAGED"},
		{"InstanceAlias", aws.ToString(inst.InstanceAlias), "example-corp"},
		{"InstanceStatus", string(inst.InstanceStatus), "ACTIVE"},
		{"InstanceAccessUrl", aws.ToString(inst.InstanceAccessUrl), "https://example-corp.my.connect.aws/"},
		{"ServiceRole", aws.ToString(inst.ServiceRole), "arn:aws:iam::123456789012:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if !aws.ToBool(inst.InboundCallsEnabled) || aws.ToBool(inst.OutboundCallsEnabled) {
		t.Errorf("calls enabled = %v/%v, want true/false", aws.ToBool(inst.InboundCallsEnabled), aws.ToBool(inst.OutboundCallsEnabled))
	}
	if got, want := aws.ToTime(inst.CreatedTime), e.clock.Now(); !got.Equal(want) {
		t.Errorf("CreatedTime = %v, want %v", got, want)
	}

	t.Run("RawShape", func(t *testing.T) {
		resp, body := e.do(t, "GET", "/instance/"+f.instanceID, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		var raw struct{ Instance map[string]any }
		if err := json.Unmarshal(body, &raw); err != nil {
			t.Fatal(err)
		}
		if _, ok := raw.Instance["OutboundCallsEnabled"]; !ok {
			t.Errorf("OutboundCallsEnabled=false omitted: %s", body)
		}
		ct, ok := raw.Instance["CreatedTime"].(float64)
		if !ok || time.UnixMilli(int64(ct*1000+0.5)).UTC() != e.clock.Now() {
			t.Errorf("CreatedTime = %v, want epoch seconds of %v", raw.Instance["CreatedTime"], e.clock.Now())
		}
	})
	t.Run("ByARN", func(t *testing.T) {
		// The SDK percent-encodes ':' and '/' of the ARN in the path.
		out, err := e.client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(f.instanceARN)})
		if err != nil {
			t.Fatalf("DescribeInstance by ARN: %v", err)
		}
		if aws.ToString(out.Instance.Id) != f.instanceID {
			t.Fatalf("Id = %q, want %q", aws.ToString(out.Instance.Id), f.instanceID)
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		_, err := e.client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000")})
		var rnf *types.ResourceNotFoundException
		if !errors.As(err, &rnf) {
			t.Fatalf("err = %v, want ResourceNotFoundException", err)
		}
	})
	t.Run("OtherRegion", func(t *testing.T) {
		c := connect.New(connect.Options{}, func(o *connect.Options) {
			*o = e.client.Options()
			o.Region = "eu-west-2"
		})
		_, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(f.instanceID)})
		var rnf *types.ResourceNotFoundException
		if !errors.As(err, &rnf) {
			t.Fatalf("err = %v, want ResourceNotFoundException from another region", err)
		}
	})
}
