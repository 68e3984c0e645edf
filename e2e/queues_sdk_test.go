package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// queueDefaults returns the ids of an instance's Basic Hours and BasicQueue.
func queueDefaults(ctx context.Context, t *testing.T, c *connect.Client, inst string) (hours, queue string) {
	t.Helper()
	hs, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: aws.String(inst)})
	if err != nil || len(hs.HoursOfOperationSummaryList) != 1 || aws.ToString(hs.HoursOfOperationSummaryList[0].Name) != "Basic Hours" {
		t.Fatalf("ListHoursOfOperations = %+v, %v; want only Basic Hours", hs, err)
	}
	qs, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String(inst)})
	if err != nil || len(qs.QueueSummaryList) != 1 || aws.ToString(qs.QueueSummaryList[0].Name) != "BasicQueue" {
		t.Fatalf("ListQueues = %+v, %v; want only BasicQueue", qs, err)
	}
	return aws.ToString(hs.HoursOfOperationSummaryList[0].Id), aws.ToString(qs.QueueSummaryList[0].Id)
}

func timeSlice(day types.HoursOfOperationDays, sh, sm, eh, em int32) types.HoursOfOperationConfig {
	return types.HoursOfOperationConfig{
		Day:       day,
		StartTime: &types.HoursOfOperationTimeSlice{Hours: aws.Int32(sh), Minutes: aws.Int32(sm)},
		EndTime:   &types.HoursOfOperationTimeSlice{Hours: aws.Int32(eh), Minutes: aws.Int32(em)},
	}
}

// TestSDKHoursOfOperation covers CreateHoursOfOperation,
// DescribeHoursOfOperation (the default Basic Hours included),
// ListHoursOfOperations across pages, UpdateHoursOfOperation and
// DeleteHoursOfOperation, with their reference errors.
func TestSDKHoursOfOperation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "eu-west-2"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	instARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, inst)
	basicHours, basicQueue := queueDefaults(ctx, t, c, inst)

	t.Run("BasicHoursIsOpenAroundTheClock", func(t *testing.T) {
		d, err := c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(basicHours)})
		if err != nil {
			t.Fatalf("DescribeHoursOfOperation: %v", err)
		}
		h := d.HoursOfOperation
		if aws.ToString(h.HoursOfOperationArn) != instARN+"/operating-hours/"+basicHours || aws.ToString(h.TimeZone) == "" {
			t.Errorf("Basic Hours: Arn %q TimeZone %q", aws.ToString(h.HoursOfOperationArn), aws.ToString(h.TimeZone))
		}
		var days []string
		for _, cfg := range h.Config {
			days = append(days, string(cfg.Day))
			if aws.ToInt32(cfg.StartTime.Hours) != 0 || aws.ToInt32(cfg.StartTime.Minutes) != 0 ||
				aws.ToInt32(cfg.EndTime.Hours) != 0 || aws.ToInt32(cfg.EndTime.Minutes) != 0 || cfg.StartTime.Hours == nil {
				t.Errorf("Basic Hours %s: %+v to %+v, want 00:00 to 00:00", cfg.Day, *cfg.StartTime, *cfg.EndTime)
			}
		}
		sort.Strings(days)
		if want := []string{"FRIDAY", "MONDAY", "SATURDAY", "SUNDAY", "THURSDAY", "TUESDAY", "WEDNESDAY"}; !reflect.DeepEqual(days, want) {
			t.Errorf("Basic Hours days = %v, want %v", days, want)
		}
	})

	in := &connect.CreateHoursOfOperationInput{
		InstanceId:  aws.String(inst),
		Name:        aws.String("Support Hours"),
		Description: aws.String("Weekdays"),
		TimeZone:    aws.String("America/Sao_Paulo"),
		Config: []types.HoursOfOperationConfig{
			timeSlice(types.HoursOfOperationDaysMonday, 8, 30, 18, 0),
			timeSlice(types.HoursOfOperationDaysSaturday, 22, 0, 4, 15),
		},
		Tags: map[string]string{"team": "support"},
	}
	out, err := c.CreateHoursOfOperation(ctx, in)
	if err != nil {
		t.Fatalf("CreateHoursOfOperation: %v", err)
	}
	id := aws.ToString(out.HoursOfOperationId)
	if !uuidRE.MatchString(id) || aws.ToString(out.HoursOfOperationArn) != instARN+"/operating-hours/"+id {
		t.Fatalf("CreateHoursOfOperation = %q %q", id, aws.ToString(out.HoursOfOperationArn))
	}
	describe := func(t *testing.T) *types.HoursOfOperation {
		t.Helper()
		d, err := c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeHoursOfOperation: %v", err)
		}
		return d.HoursOfOperation
	}
	h := describe(t)
	if aws.ToString(h.Name) != "Support Hours" || aws.ToString(h.Description) != "Weekdays" ||
		aws.ToString(h.TimeZone) != "America/Sao_Paulo" || !reflect.DeepEqual(h.Config, in.Config) ||
		!reflect.DeepEqual(h.Tags, in.Tags) || aws.ToString(h.LastModifiedRegion) != region || h.LastModifiedTime == nil {
		t.Fatalf("DescribeHoursOfOperation = %+v, want what was created", h)
	}

	t.Run("Update", func(t *testing.T) {
		cfg := []types.HoursOfOperationConfig{timeSlice(types.HoursOfOperationDaysSunday, 10, 0, 14, 0)}
		if _, err := c.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{
			InstanceId: aws.String(inst), HoursOfOperationId: aws.String(id),
			Name: aws.String("Support Hours (weekend)"), TimeZone: aws.String("Asia/Tokyo"), Config: cfg,
		}); err != nil {
			t.Fatalf("UpdateHoursOfOperation: %v", err)
		}
		h := describe(t)
		if aws.ToString(h.Name) != "Support Hours (weekend)" || aws.ToString(h.Description) != "Weekdays" ||
			aws.ToString(h.TimeZone) != "Asia/Tokyo" || !reflect.DeepEqual(h.Config, cfg) || !reflect.DeepEqual(h.Tags, in.Tags) {
			t.Fatalf("after UpdateHoursOfOperation: %+v", h)
		}
	})

	t.Run("ReferenceErrors", func(t *testing.T) {
		var rnf *types.ResourceNotFoundException
		var dup *types.DuplicateResourceException
		var ipe *types.InvalidParameterException
		checks := []struct {
			name   string
			err    error
			target any
		}{
			{"DescribeUnknownHours", func() error {
				_, err := c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(basicQueue)})
				return err
			}(), &rnf},
			{"UpdateUnknownHours", func() error {
				_, err := c.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(basicQueue), Name: aws.String("x")})
				return err
			}(), &rnf},
			{"DeleteUnknownHours", func() error {
				_, err := c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(basicQueue)})
				return err
			}(), &rnf},
			{"ListOfUnknownInstance", func() error {
				_, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000")})
				return err
			}(), &rnf},
			{"HoursOfAnotherRegion", func() error {
				_, err := newClient(s, "us-east-1").DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(id)})
				return err
			}(), &rnf},
			{"DuplicateName", func() error {
				_, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: aws.String(inst), Name: aws.String("Basic Hours"), TimeZone: aws.String("UTC"), Config: []types.HoursOfOperationConfig{}})
				return err
			}(), &dup},
			{"BadTimeZone", func() error {
				_, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: aws.String(inst), Name: aws.String("tz"), TimeZone: aws.String("Europe/Atlantis"), Config: []types.HoursOfOperationConfig{}})
				return err
			}(), &ipe},
			{"MinuteOutOfRange", func() error {
				_, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: aws.String(inst), Name: aws.String("m"), TimeZone: aws.String("UTC"),
					Config: []types.HoursOfOperationConfig{timeSlice(types.HoursOfOperationDaysMonday, 9, 60, 17, 0)}})
				return err
			}(), &ipe},
		}
		for _, ch := range checks {
			if !errors.As(ch.err, ch.target) {
				t.Errorf("%s: err = %v, want %T", ch.name, ch.err, ch.target)
			}
		}
	})

	t.Run("ListPagesEveryIDOnce", func(t *testing.T) {
		want := map[string]bool{basicHours: true, id: true}
		for i := range 5 {
			o, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
				InstanceId: aws.String(inst), Name: aws.String(fmt.Sprintf("Page %d", i)), TimeZone: aws.String("UTC"),
				Config: []types.HoursOfOperationConfig{timeSlice(types.HoursOfOperationDaysFriday, 9, 0, 17, 0)},
			})
			if err != nil {
				t.Fatalf("CreateHoursOfOperation: %v", err)
			}
			want[aws.ToString(o.HoursOfOperationId)] = true
		}
		got := map[string]bool{}
		pages := 0
		p := connect.NewListHoursOfOperationsPaginator(c, &connect.ListHoursOfOperationsInput{InstanceId: aws.String(inst), MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("ListHoursOfOperations: %v", err)
			}
			pages++
			if len(page.HoursOfOperationSummaryList) > 2 {
				t.Fatalf("page of %d, want at most 2", len(page.HoursOfOperationSummaryList))
			}
			for _, s := range page.HoursOfOperationSummaryList {
				if got[aws.ToString(s.Id)] {
					t.Fatalf("%s listed twice", aws.ToString(s.Id))
				}
				got[aws.ToString(s.Id)] = true
			}
		}
		if !reflect.DeepEqual(got, want) || pages != 4 {
			t.Fatalf("listed %d ids in %d pages, want %d in 4", len(got), pages, len(want))
		}
	})

	t.Run("DeleteInUse", func(t *testing.T) {
		q, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String(inst), Name: aws.String("Uses support hours"), HoursOfOperationId: aws.String(id)})
		if err != nil {
			t.Fatalf("CreateQueue: %v", err)
		}
		// The model lists no ResourceInUseException for
		// DeleteHoursOfOperation, so the SDK reports it as a generic API
		// error; its code and status are AWS's.
		_, err = c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(id)})
		if errorCode(err) != "ResourceInUseException" || httpStatus(err) != http.StatusConflict {
			t.Fatalf("DeleteHoursOfOperation(used by a queue) = %v, want 409 ResourceInUseException", err)
		}
		_, err = c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(basicHours)})
		if errorCode(err) != "ResourceInUseException" {
			t.Fatalf("DeleteHoursOfOperation(Basic Hours) = %v, want ResourceInUseException", err)
		}
		if _, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: aws.String(inst), QueueId: q.QueueId}); err != nil {
			t.Fatalf("DeleteQueue: %v", err)
		}
		if _, err := c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteHoursOfOperation(unused): %v", err)
		}
		var rnf *types.ResourceNotFoundException
		_, err = c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: aws.String(inst), HoursOfOperationId: aws.String(id)})
		if !errors.As(err, &rnf) {
			t.Fatalf("DescribeHoursOfOperation(deleted) = %v, want ResourceNotFoundException", err)
		}
	})
}

// TestSDKQueues covers CreateQueue, DescribeQueue, ListQueues across pages
// and with QueueTypes, every UpdateQueue* operation, ListQueueQuickConnects
// and DeleteQueue, with their reference and in-use errors.
func TestSDKQueues(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	const region = "eu-west-3"
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	instARN := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, defaultAccount, inst)
	basicHours, basicQueue := queueDefaults(ctx, t, c, inst)
	night, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
		InstanceId: aws.String(inst), Name: aws.String("Night"), TimeZone: aws.String("Australia/Sydney"),
		Config: []types.HoursOfOperationConfig{timeSlice(types.HoursOfOperationDaysTuesday, 20, 0, 6, 0)},
	})
	if err != nil {
		t.Fatalf("CreateHoursOfOperation: %v", err)
	}

	in := &connect.CreateQueueInput{
		InstanceId:         aws.String(inst),
		Name:               aws.String("Sales"),
		Description:        aws.String("Sales calls"),
		HoursOfOperationId: aws.String(basicHours),
		MaxContacts:        aws.Int32(30),
		OutboundCallerConfig: &types.OutboundCallerConfig{
			OutboundCallerIdName:     aws.String("Example Corp"),
			OutboundCallerIdNumberId: aws.String("b1b2c3d4-0000-4000-8000-000000000001"),
			OutboundFlowId:           aws.String("b1b2c3d4-0000-4000-8000-000000000002"),
		},
		OutboundEmailConfig: &types.OutboundEmailConfig{OutboundEmailAddressId: aws.String("b1b2c3d4-0000-4000-8000-000000000003")},
		Tags:                map[string]string{"team": "sales", "tier": "1"},
	}
	out, err := c.CreateQueue(ctx, in)
	if err != nil {
		t.Fatalf("CreateQueue: %v", err)
	}
	id := aws.ToString(out.QueueId)
	if !uuidRE.MatchString(id) || aws.ToString(out.QueueArn) != instARN+"/queue/"+id {
		t.Fatalf("CreateQueue = %q %q", id, aws.ToString(out.QueueArn))
	}
	describe := func(t *testing.T, id string) types.Queue {
		t.Helper()
		d, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeQueue: %v", err)
		}
		q := *d.Queue
		if aws.ToString(q.LastModifiedRegion) != region || q.LastModifiedTime == nil {
			t.Errorf("DescribeQueue: LastModified %v %q", q.LastModifiedTime, aws.ToString(q.LastModifiedRegion))
		}
		q.LastModifiedTime, q.LastModifiedRegion = nil, nil
		return q
	}
	want := types.Queue{
		Name: in.Name, QueueArn: out.QueueArn, QueueId: out.QueueId, Description: in.Description,
		OutboundCallerConfig: in.OutboundCallerConfig, OutboundEmailConfig: in.OutboundEmailConfig,
		HoursOfOperationId: in.HoursOfOperationId, MaxContacts: in.MaxContacts, Status: types.QueueStatusEnabled, Tags: in.Tags,
	}
	if got := describe(t, id); !reflect.DeepEqual(got, want) {
		t.Fatalf("DescribeQueue =\n%+v\nwant\n%+v", got, want)
	}

	t.Run("EveryUpdateIsVisible", func(t *testing.T) {
		qid := aws.String(id)
		steps := []struct {
			name   string
			call   func() error
			change func(q *types.Queue)
		}{
			{"UpdateQueueName", func() error {
				_, err := c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: aws.String(inst), QueueId: qid, Name: aws.String("Sales APAC"), Description: aws.String("APAC sales")})
				return err
			}, func(q *types.Queue) { q.Name, q.Description = aws.String("Sales APAC"), aws.String("APAC sales") }},
			{"UpdateQueueHoursOfOperation", func() error {
				_, err := c.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: aws.String(inst), QueueId: qid, HoursOfOperationId: night.HoursOfOperationId})
				return err
			}, func(q *types.Queue) { q.HoursOfOperationId = night.HoursOfOperationId }},
			{"UpdateQueueMaxContacts", func() error {
				_, err := c.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: aws.String(inst), QueueId: qid, MaxContacts: aws.Int32(5)})
				return err
			}, func(q *types.Queue) { q.MaxContacts = aws.Int32(5) }},
			{"UpdateQueueStatus", func() error {
				_, err := c.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: aws.String(inst), QueueId: qid, Status: types.QueueStatusDisabled})
				return err
			}, func(q *types.Queue) { q.Status = types.QueueStatusDisabled }},
			{"UpdateQueueOutboundCallerConfig", func() error {
				_, err := c.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{InstanceId: aws.String(inst), QueueId: qid,
					OutboundCallerConfig: &types.OutboundCallerConfig{OutboundCallerIdName: aws.String("Example APAC")}})
				return err
			}, func(q *types.Queue) {
				q.OutboundCallerConfig = &types.OutboundCallerConfig{OutboundCallerIdName: aws.String("Example APAC")}
			}},
			{"UpdateQueueOutboundEmailConfig", func() error {
				_, err := c.UpdateQueueOutboundEmailConfig(ctx, &connect.UpdateQueueOutboundEmailConfigInput{InstanceId: aws.String(inst), QueueId: qid,
					OutboundEmailConfig: &types.OutboundEmailConfig{}})
				return err
			}, func(q *types.Queue) { q.OutboundEmailConfig = nil }},
			{"UpdateQueueStatusBack", func() error {
				_, err := c.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: aws.String(inst), QueueId: qid, Status: types.QueueStatusEnabled})
				return err
			}, func(q *types.Queue) { q.Status = types.QueueStatusEnabled }},
		}
		cur := want
		for _, step := range steps {
			if err := step.call(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			step.change(&cur)
			if got := describe(t, id); !reflect.DeepEqual(got, cur) {
				t.Fatalf("after %s: DescribeQueue =\n%+v\nwant\n%+v", step.name, got, cur)
			}
		}
	})

	t.Run("ReferenceErrors", func(t *testing.T) {
		var rnf *types.ResourceNotFoundException
		var dup *types.DuplicateResourceException
		var ipe *types.InvalidParameterException
		checks := []struct {
			name   string
			err    error
			target any
		}{
			{"CreateWithUnknownHours", func() error {
				_, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String(inst), Name: aws.String("x"), HoursOfOperationId: aws.String(basicQueue)})
				return err
			}(), &ipe},
			{"UpdateToUnknownHours", func() error {
				_, err := c.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: aws.String(inst), QueueId: aws.String(id), HoursOfOperationId: aws.String("00000000-0000-4000-8000-000000000000")})
				return err
			}(), &ipe},
			{"QuickConnectIds", func() error {
				_, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String(inst), Name: aws.String("qc"), HoursOfOperationId: aws.String(basicHours), QuickConnectIds: []string{"00000000-0000-4000-8000-000000000000"}})
				return err
			}(), &ipe},
			{"DuplicateName", func() error {
				_, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String(inst), Name: aws.String("BasicQueue"), HoursOfOperationId: aws.String(basicHours)})
				return err
			}(), &dup},
			{"RenameToTaken", func() error {
				_, err := c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: aws.String(inst), QueueId: aws.String(id), Name: aws.String("BasicQueue")})
				return err
			}(), &dup},
			{"DescribeUnknown", func() error {
				_, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(basicHours)})
				return err
			}(), &rnf},
			{"UpdateUnknown", func() error {
				_, err := c.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: aws.String(inst), QueueId: aws.String(basicHours), MaxContacts: aws.Int32(1)})
				return err
			}(), &rnf},
			{"CreateInUnknownInstance", func() error {
				_, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000"), Name: aws.String("x"), HoursOfOperationId: aws.String(basicHours)})
				return err
			}(), &rnf},
			{"QuickConnectsOfUnknownQueue", func() error {
				_, err := c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: aws.String(inst), QueueId: aws.String(basicHours)})
				return err
			}(), &rnf},
		}
		for _, ch := range checks {
			if !errors.As(ch.err, ch.target) {
				t.Errorf("%s: err = %v, want %T", ch.name, ch.err, ch.target)
			}
		}
	})

	t.Run("ListPagesEveryIDOnceAndFiltersTypes", func(t *testing.T) {
		want := map[string]bool{basicQueue: true, id: true}
		for i := range 5 {
			o, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String(inst), Name: aws.String(fmt.Sprintf("Page %d", i)), HoursOfOperationId: aws.String(basicHours)})
			if err != nil {
				t.Fatalf("CreateQueue: %v", err)
			}
			want[aws.ToString(o.QueueId)] = true
		}
		for _, qt := range [][]types.QueueType{nil, {types.QueueTypeStandard}} {
			got := map[string]bool{}
			pages := 0
			p := connect.NewListQueuesPaginator(c, &connect.ListQueuesInput{InstanceId: aws.String(inst), QueueTypes: qt, MaxResults: aws.Int32(3)})
			for p.HasMorePages() {
				page, err := p.NextPage(ctx)
				if err != nil {
					t.Fatalf("ListQueues(%v): %v", qt, err)
				}
				pages++
				for _, s := range page.QueueSummaryList {
					if got[aws.ToString(s.Id)] || s.QueueType != types.QueueTypeStandard {
						t.Fatalf("ListQueues(%v): %+v listed twice or not STANDARD", qt, s)
					}
					got[aws.ToString(s.Id)] = true
				}
			}
			if !reflect.DeepEqual(got, want) || pages != 3 {
				t.Fatalf("ListQueues(%v) listed %d ids in %d pages, want %d in 3", qt, len(got), pages, len(want))
			}
		}
		agent, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String(inst), QueueTypes: []types.QueueType{types.QueueTypeAgent}})
		if err != nil || len(agent.QueueSummaryList) != 0 {
			t.Fatalf("ListQueues(AGENT) = %+v, %v; want none (connectlite keeps no agent queues)", agent, err)
		}
		qc, err := c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: aws.String(inst), QueueId: aws.String(id)})
		if err != nil || len(qc.QuickConnectSummaryList) != 0 {
			t.Fatalf("ListQueueQuickConnects = %+v, %v; want an empty list", qc, err)
		}
	})

	t.Run("DeleteInUse", func(t *testing.T) {
		_, routing := instanceProfiles(ctx, t, c, inst)
		_, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(basicQueue)})
		var inUse *types.ResourceInUseException
		if !errors.As(err, &inUse) || httpStatus(err) != http.StatusConflict ||
			aws.ToString(inUse.ResourceId) != instARN+"/routing-profile/"+routing {
			t.Fatalf("DeleteQueue(BasicQueue) = %v, want 409 ResourceInUseException naming the Basic Routing Profile", err)
		}
		if _, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteQueue: %v", err)
		}
		var rnf *types.ResourceNotFoundException
		if _, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(id)}); !errors.As(err, &rnf) {
			t.Fatalf("DescribeQueue(deleted) = %v, want ResourceNotFoundException", err)
		}
		if _, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: aws.String(inst), QueueId: aws.String(id)}); !errors.As(err, &rnf) {
			t.Fatalf("DeleteQueue(again) = %v, want ResourceNotFoundException", err)
		}
	})
}
