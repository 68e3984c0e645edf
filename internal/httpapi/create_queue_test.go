package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

func TestQueueLifecycle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "queues", types.DirectoryTypeConnectManaged)
	basicHours, basicQueue := e.defaultHoursAndQueue(t, f)
	inst := aws.String(f.instanceID)

	other, err := e.client.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
		InstanceId: inst, Name: aws.String("Night"), TimeZone: aws.String("UTC"),
		Config: []types.HoursOfOperationConfig{hoursSlice(types.HoursOfOperationDaysMonday, 20, 0, 6, 0)},
	})
	if err != nil {
		t.Fatalf("CreateHoursOfOperation: %v", err)
	}
	in := &connect.CreateQueueInput{
		InstanceId:         inst,
		Name:               aws.String("Sales"),
		Description:        aws.String("Sales calls"),
		HoursOfOperationId: aws.String(basicHours),
		MaxContacts:        aws.Int32(12),
		OutboundCallerConfig: &types.OutboundCallerConfig{
			OutboundCallerIdName:     aws.String("Example Corp"),
			OutboundCallerIdNumberId: aws.String("a1b2c3d4-0000-4000-8000-000000000001"),
			OutboundFlowId:           aws.String("a1b2c3d4-0000-4000-8000-000000000002"),
		},
		OutboundEmailConfig: &types.OutboundEmailConfig{OutboundEmailAddressId: aws.String("a1b2c3d4-0000-4000-8000-000000000003")},
		Tags:                map[string]string{"team": "sales"},
	}
	out, err := e.client.CreateQueue(ctx, in)
	if err != nil {
		t.Fatalf("CreateQueue: %v", err)
	}
	id := aws.ToString(out.QueueId)
	if !uuidRE.MatchString(id) || aws.ToString(out.QueueArn) != f.instanceARN+"/queue/"+id {
		t.Fatalf("CreateQueue = %q %q", id, aws.ToString(out.QueueArn))
	}
	describe := func(t *testing.T, id string) *types.Queue {
		t.Helper()
		d, err := e.client.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: inst, QueueId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeQueue: %v", err)
		}
		return d.Queue
	}
	q := describe(t, id)
	want := types.Queue{
		Name: in.Name, QueueArn: out.QueueArn, QueueId: out.QueueId, Description: in.Description,
		OutboundCallerConfig: in.OutboundCallerConfig, OutboundEmailConfig: in.OutboundEmailConfig,
		HoursOfOperationId: in.HoursOfOperationId, MaxContacts: in.MaxContacts, Status: types.QueueStatusEnabled,
		Tags: in.Tags, LastModifiedTime: aws.Time(e.clock.Now()), LastModifiedRegion: aws.String(testRegion),
	}
	if !reflect.DeepEqual(*q, want) {
		t.Fatalf("DescribeQueue =\n%+v\nwant\n%+v", *q, want)
	}

	t.Run("BasicQueueOnTheWire", func(t *testing.T) {
		resp, body := e.do(t, http.MethodGet, "/queues/"+f.instanceID+"/"+basicQueue, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("DescribeQueue: %d %s", resp.StatusCode, body)
		}
		var raw struct{ Queue map[string]json.RawMessage }
		if err := json.Unmarshal(body, &raw); err != nil {
			t.Fatal(err)
		}
		for k, want := range map[string]string{
			"Name": `"BasicQueue"`, "Status": `"ENABLED"`, "MaxContacts": `0`,
			"HoursOfOperationId": `"` + basicHours + `"`, "QueueArn": `"` + f.instanceARN + "/queue/" + basicQueue + `"`,
		} {
			if string(raw.Queue[k]) != want {
				t.Errorf("%s = %s, want %s", k, raw.Queue[k], want)
			}
		}
		// Not set, so left out: a Terraform configuration without them
		// must plan no change.
		for _, k := range []string{"OutboundCallerConfig", "OutboundEmailConfig"} {
			if v, ok := raw.Queue[k]; ok {
				t.Errorf("%s = %s, want it left out", k, v)
			}
		}
	})

	t.Run("EveryUpdateIsVisible", func(t *testing.T) {
		steps := []struct {
			name   string
			call   func() error
			change func(q *types.Queue)
		}{
			{"UpdateQueueName", func() error {
				_, err := e.client.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: inst, QueueId: aws.String(id), Name: aws.String("Sales EMEA")})
				return err
			}, func(q *types.Queue) { q.Name = aws.String("Sales EMEA") }},
			{"UpdateQueueNameDescriptionOnly", func() error {
				_, err := e.client.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: inst, QueueId: aws.String(id), Description: aws.String("EMEA sales")})
				return err
			}, func(q *types.Queue) { q.Description = aws.String("EMEA sales") }},
			{"UpdateQueueHoursOfOperation", func() error {
				_, err := e.client.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: inst, QueueId: aws.String(id), HoursOfOperationId: other.HoursOfOperationId})
				return err
			}, func(q *types.Queue) { q.HoursOfOperationId = other.HoursOfOperationId }},
			{"UpdateQueueMaxContacts", func() error {
				_, err := e.client.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: inst, QueueId: aws.String(id), MaxContacts: aws.Int32(40)})
				return err
			}, func(q *types.Queue) { q.MaxContacts = aws.Int32(40) }},
			{"UpdateQueueMaxContactsRemoved", func() error {
				_, err := e.client.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: inst, QueueId: aws.String(id)})
				return err
			}, func(q *types.Queue) { q.MaxContacts = aws.Int32(0) }},
			{"UpdateQueueStatus", func() error {
				_, err := e.client.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: inst, QueueId: aws.String(id), Status: types.QueueStatusDisabled})
				return err
			}, func(q *types.Queue) { q.Status = types.QueueStatusDisabled }},
			{"UpdateQueueOutboundCallerConfigReplaces", func() error {
				_, err := e.client.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{
					InstanceId: inst, QueueId: aws.String(id),
					OutboundCallerConfig: &types.OutboundCallerConfig{OutboundFlowId: aws.String("flow-2")},
				})
				return err
			}, func(q *types.Queue) {
				q.OutboundCallerConfig = &types.OutboundCallerConfig{OutboundFlowId: aws.String("flow-2")}
			}},
			{"UpdateQueueOutboundEmailConfig", func() error {
				_, err := e.client.UpdateQueueOutboundEmailConfig(ctx, &connect.UpdateQueueOutboundEmailConfigInput{
					InstanceId: inst, QueueId: aws.String(id),
					OutboundEmailConfig: &types.OutboundEmailConfig{OutboundEmailAddressId: aws.String("email-2")},
				})
				return err
			}, func(q *types.Queue) {
				q.OutboundEmailConfig = &types.OutboundEmailConfig{OutboundEmailAddressId: aws.String("email-2")}
			}},
			{"UpdateQueueOutboundCallerConfigCleared", func() error {
				_, err := e.client.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{
					InstanceId: inst, QueueId: aws.String(id), OutboundCallerConfig: &types.OutboundCallerConfig{},
				})
				return err
			}, func(q *types.Queue) { q.OutboundCallerConfig = nil }},
		}
		cur := want
		for _, step := range steps {
			e.clock.Advance(time.Second)
			if err := step.call(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			step.change(&cur)
			cur.LastModifiedTime = aws.Time(e.clock.Now())
			if got := describe(t, id); !reflect.DeepEqual(*got, cur) {
				t.Fatalf("after %s: DescribeQueue =\n%+v\nwant\n%+v", step.name, *got, cur)
			}
		}
	})

	t.Run("Errors", func(t *testing.T) {
		tests := []struct {
			name string
			call func() error
			code string
		}{
			{"DuplicateName", func() error {
				_, err := e.client.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: inst, Name: aws.String("BasicQueue"), HoursOfOperationId: aws.String(basicHours)})
				return err
			}, "DuplicateResourceException"},
			{"RenameToTakenName", func() error {
				_, err := e.client.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: inst, QueueId: aws.String(id), Name: aws.String("BasicQueue")})
				return err
			}, "DuplicateResourceException"},
			{"UnknownHours", func() error {
				_, err := e.client.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: inst, Name: aws.String("x"), HoursOfOperationId: aws.String(basicQueue)})
				return err
			}, "InvalidParameterException"},
			{"UpdateToUnknownHours", func() error {
				_, err := e.client.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: inst, QueueId: aws.String(id), HoursOfOperationId: aws.String(basicQueue)})
				return err
			}, "InvalidParameterException"},
			{"QuickConnects", func() error {
				_, err := e.client.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: inst, Name: aws.String("qc"), HoursOfOperationId: aws.String(basicHours), QuickConnectIds: []string{"qc-1"}})
				return err
			}, "InvalidParameterException"},
			{"EmptyOutboundFlowID", func() error {
				_, err := e.client.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{
					InstanceId: inst, QueueId: aws.String(id), OutboundCallerConfig: &types.OutboundCallerConfig{OutboundFlowId: aws.String("")},
				})
				return err
			}, "InvalidParameterException"},
			{"NegativeMaxContacts", func() error {
				_, err := e.client.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: inst, QueueId: aws.String(id), MaxContacts: aws.Int32(-1)})
				return err
			}, "InvalidParameterException"},
			{"BadStatus", func() error {
				_, err := e.client.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: inst, QueueId: aws.String(id), Status: "PAUSED"})
				return err
			}, "InvalidParameterException"},
			{"BadQueueType", func() error {
				_, err := e.client.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: inst, QueueTypes: []types.QueueType{"PERSONAL"}})
				return err
			}, "InvalidParameterException"},
			{"UnknownInstance", func() error {
				_, err := e.client.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000"), Name: aws.String("x"), HoursOfOperationId: aws.String(basicHours)})
				return err
			}, "ResourceNotFoundException"},
			{"DescribeUnknown", func() error {
				_, err := e.client.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: inst, QueueId: aws.String(basicHours)})
				return err
			}, "ResourceNotFoundException"},
			{"UpdateUnknown", func() error {
				_, err := e.client.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: inst, QueueId: aws.String(basicHours), Status: types.QueueStatusEnabled})
				return err
			}, "ResourceNotFoundException"},
			{"QuickConnectsOfUnknownQueue", func() error {
				_, err := e.client.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: inst, QueueId: aws.String(basicHours)})
				return err
			}, "ResourceNotFoundException"},
		}
		before := describe(t, id)
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				if got := apiErrorCode(tc.call()); got != tc.code {
					t.Fatalf("error code = %q, want %s", got, tc.code)
				}
			})
		}
		if after := describe(t, id); !reflect.DeepEqual(after, before) {
			t.Fatalf("failed calls changed the queue:\n%+v\nwas\n%+v", *after, *before)
		}
	})

	t.Run("ListQueuesAndQuickConnects", func(t *testing.T) {
		for _, tc := range []struct {
			types []types.QueueType
			want  int
		}{
			{nil, 2},
			{[]types.QueueType{types.QueueTypeStandard}, 2},
			{[]types.QueueType{types.QueueTypeAgent}, 0},
			{[]types.QueueType{types.QueueTypeAgent, types.QueueTypeStandard}, 2},
		} {
			out, err := e.client.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: inst, QueueTypes: tc.types})
			if err != nil || len(out.QueueSummaryList) != tc.want {
				t.Fatalf("ListQueues(%v) = %v, %v; want %d queues", tc.types, out, err, tc.want)
			}
			for _, s := range out.QueueSummaryList {
				if s.QueueType != types.QueueTypeStandard || aws.ToString(s.Arn) != f.instanceARN+"/queue/"+aws.ToString(s.Id) {
					t.Errorf("summary %+v", s)
				}
			}
		}
		qc, err := e.client.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: inst, QueueId: aws.String(id)})
		if err != nil || len(qc.QuickConnectSummaryList) != 0 || qc.NextToken != nil {
			t.Fatalf("ListQueueQuickConnects = %+v, %v; want an empty list", qc, err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		_, err := e.client.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: inst, QueueId: aws.String(basicQueue)})
		var inUse *types.ResourceInUseException
		if !errors.As(err, &inUse) || inUse.ResourceType != "ROUTING_PROFILE" || aws.ToString(inUse.ResourceId) != f.instanceARN+"/routing-profile/"+f.routingProfileID {
			t.Fatalf("DeleteQueue(BasicQueue) = %v, want ResourceInUseException naming the default routing profile", err)
		}
		if re := (*awshttp.ResponseError)(nil); !errors.As(err, &re) || re.HTTPStatusCode() != http.StatusConflict {
			t.Errorf("DeleteQueue(BasicQueue): want status 409 (err: %v)", err)
		}
		if _, err := e.client.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: inst, QueueId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteQueue: %v", err)
		}
		var rnf *types.ResourceNotFoundException
		if _, err := e.client.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: inst, QueueId: aws.String(id)}); !errors.As(err, &rnf) {
			t.Fatalf("DescribeQueue(deleted) = %v, want ResourceNotFoundException", err)
		}
		if _, err := e.client.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: inst, QueueId: aws.String(id)}); !errors.As(err, &rnf) {
			t.Fatalf("DeleteQueue(again) = %v, want ResourceNotFoundException", err)
		}
		// With the queue gone, its hours of operation can go too.
		if _, err := e.client.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: other.HoursOfOperationId}); err != nil {
			t.Fatalf("DeleteHoursOfOperation(no longer used): %v", err)
		}
	})
}
