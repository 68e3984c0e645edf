package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// defaultHoursAndQueue returns the ids of the instance's Basic Hours and
// BasicQueue.
func (e *env) defaultHoursAndQueue(t *testing.T, f fixture) (hoursID, queueID string) {
	t.Helper()
	ctx := context.Background()
	hs, err := e.client.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: aws.String(f.instanceID)})
	if err != nil || len(hs.HoursOfOperationSummaryList) != 1 {
		t.Fatalf("ListHoursOfOperations: %v (%+v), want the one default", err, hs)
	}
	qs, err := e.client.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String(f.instanceID)})
	if err != nil || len(qs.QueueSummaryList) != 1 {
		t.Fatalf("ListQueues: %v (%+v), want the one default", err, qs)
	}
	return aws.ToString(hs.HoursOfOperationSummaryList[0].Id), aws.ToString(qs.QueueSummaryList[0].Id)
}

func hoursSlice(day types.HoursOfOperationDays, sh, sm, eh, em int32) types.HoursOfOperationConfig {
	return types.HoursOfOperationConfig{
		Day:       day,
		StartTime: &types.HoursOfOperationTimeSlice{Hours: aws.Int32(sh), Minutes: aws.Int32(sm)},
		EndTime:   &types.HoursOfOperationTimeSlice{Hours: aws.Int32(eh), Minutes: aws.Int32(em)},
	}
}

func TestDescribeBasicHoursIsOpenAllWeek(t *testing.T) {
	e := newEnv(t)
	f := e.newInstance(t, "basichours", types.DirectoryTypeConnectManaged)
	hoursID, _ := e.defaultHoursAndQueue(t, f)

	resp, body := e.do(t, http.MethodGet, "/hours-of-operations/"+f.instanceID+"/"+hoursID, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("DescribeHoursOfOperation: %d %s", resp.StatusCode, body)
	}
	var raw struct {
		HoursOfOperation map[string]json.RawMessage
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	h := raw.HoursOfOperation
	var config []map[string]any
	if err := json.Unmarshal(h["Config"], &config); err != nil {
		t.Fatalf("Config %s: %v", h["Config"], err)
	}
	var days []string
	for _, c := range config {
		days = append(days, c["Day"].(string))
		for _, k := range []string{"StartTime", "EndTime"} {
			if !reflect.DeepEqual(c[k], map[string]any{"Hours": 0.0, "Minutes": 0.0}) {
				t.Errorf("%s %s = %v, want {Hours: 0, Minutes: 0} written out", c["Day"], k, c[k])
			}
		}
	}
	slices.Sort(days)
	if want := []string{"FRIDAY", "MONDAY", "SATURDAY", "SUNDAY", "THURSDAY", "TUESDAY", "WEDNESDAY"}; !slices.Equal(days, want) {
		t.Errorf("days = %v, want %v", days, want)
	}
	for k, want := range map[string]string{
		"HoursOfOperationId":  `"` + hoursID + `"`,
		"HoursOfOperationArn": `"` + f.instanceARN + "/operating-hours/" + hoursID + `"`,
		"Name":                `"Basic Hours"`,
		"TimeZone":            `"America/New_York"`,
		"LastModifiedRegion":  `"` + testRegion + `"`,
	} {
		if string(h[k]) != want {
			t.Errorf("%s = %s, want %s", k, h[k], want)
		}
	}
}

func TestHoursOfOperationLifecycle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "hours", types.DirectoryTypeConnectManaged)
	basicHours, basicQueue := e.defaultHoursAndQueue(t, f)
	inst := aws.String(f.instanceID)

	in := &connect.CreateHoursOfOperationInput{
		InstanceId:  inst,
		Name:        aws.String("Support Hours"),
		Description: aws.String("Weekdays"),
		TimeZone:    aws.String("Europe/Lisbon"),
		Config: []types.HoursOfOperationConfig{
			hoursSlice(types.HoursOfOperationDaysMonday, 9, 0, 17, 30),
			hoursSlice(types.HoursOfOperationDaysFriday, 22, 15, 2, 0),
		},
		Tags: map[string]string{"team": "support"},
	}
	out, err := e.client.CreateHoursOfOperation(ctx, in)
	if err != nil {
		t.Fatalf("CreateHoursOfOperation: %v", err)
	}
	id := aws.ToString(out.HoursOfOperationId)
	if !uuidRE.MatchString(id) || aws.ToString(out.HoursOfOperationArn) != f.instanceARN+"/operating-hours/"+id {
		t.Fatalf("CreateHoursOfOperation = %q %q", id, aws.ToString(out.HoursOfOperationArn))
	}
	describe := func(t *testing.T) *types.HoursOfOperation {
		t.Helper()
		d, err := e.client.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeHoursOfOperation: %v", err)
		}
		return d.HoursOfOperation
	}
	h := describe(t)
	if aws.ToString(h.Name) != "Support Hours" || aws.ToString(h.Description) != "Weekdays" || aws.ToString(h.TimeZone) != "Europe/Lisbon" ||
		!reflect.DeepEqual(h.Config, in.Config) || !reflect.DeepEqual(h.Tags, in.Tags) ||
		aws.ToString(h.HoursOfOperationArn) != aws.ToString(out.HoursOfOperationArn) {
		t.Fatalf("DescribeHoursOfOperation = %+v, want what was created", h)
	}
	if !aws.ToTime(h.LastModifiedTime).Equal(e.clock.Now()) || aws.ToString(h.LastModifiedRegion) != testRegion {
		t.Errorf("last modified %v %q, want %v %s", aws.ToTime(h.LastModifiedTime), aws.ToString(h.LastModifiedRegion), e.clock.Now(), testRegion)
	}

	t.Run("UpdateChangesOnlyWhatIsSent", func(t *testing.T) {
		e.clock.Advance(time.Minute)
		if _, err := e.client.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{
			InstanceId: inst, HoursOfOperationId: aws.String(id), Name: aws.String("Support Hours v2"),
		}); err != nil {
			t.Fatalf("UpdateHoursOfOperation(name): %v", err)
		}
		h := describe(t)
		if aws.ToString(h.Name) != "Support Hours v2" || aws.ToString(h.Description) != "Weekdays" || len(h.Config) != 2 ||
			!aws.ToTime(h.LastModifiedTime).Equal(e.clock.Now()) {
			t.Fatalf("after renaming: %+v", h)
		}
		cfg := []types.HoursOfOperationConfig{hoursSlice(types.HoursOfOperationDaysSunday, 0, 0, 0, 0)}
		if _, err := e.client.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{
			InstanceId: inst, HoursOfOperationId: aws.String(id), Description: aws.String(""),
			TimeZone: aws.String("UTC"), Config: cfg,
		}); err != nil {
			t.Fatalf("UpdateHoursOfOperation(all but name): %v", err)
		}
		h = describe(t)
		if aws.ToString(h.Name) != "Support Hours v2" || h.Description != nil || aws.ToString(h.TimeZone) != "UTC" || !reflect.DeepEqual(h.Config, cfg) {
			t.Fatalf("after updating the rest: %+v", h)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		tests := []struct {
			name string
			call func() error
			code string
		}{
			{"DuplicateName", func() error {
				_, err := e.client.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
					InstanceId: inst, Name: aws.String("Basic Hours"), TimeZone: aws.String("UTC"), Config: []types.HoursOfOperationConfig{},
				})
				return err
			}, "DuplicateResourceException"},
			{"RenameToTakenName", func() error {
				_, err := e.client.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{
					InstanceId: inst, HoursOfOperationId: aws.String(id), Name: aws.String("Basic Hours"),
				})
				return err
			}, "DuplicateResourceException"},
			{"UnknownTimeZone", func() error {
				_, err := e.client.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
					InstanceId: inst, Name: aws.String("tz"), TimeZone: aws.String("Mars/Olympus"), Config: []types.HoursOfOperationConfig{},
				})
				return err
			}, "InvalidParameterException"},
			{"UpdateUnknownTimeZone", func() error {
				_, err := e.client.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{
					InstanceId: inst, HoursOfOperationId: aws.String(id), TimeZone: aws.String("Local"),
				})
				return err
			}, "InvalidParameterException"},
			{"Hour24", func() error {
				_, err := e.client.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
					InstanceId: inst, Name: aws.String("h24"), TimeZone: aws.String("UTC"),
					Config: []types.HoursOfOperationConfig{hoursSlice(types.HoursOfOperationDaysMonday, 24, 0, 1, 0)},
				})
				return err
			}, "InvalidParameterException"},
			{"UnknownDay", func() error {
				_, err := e.client.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
					InstanceId: inst, Name: aws.String("day"), TimeZone: aws.String("UTC"),
					Config: []types.HoursOfOperationConfig{hoursSlice("HOLIDAY", 9, 0, 17, 0)},
				})
				return err
			}, "InvalidParameterException"},
			{"UnknownInstance", func() error {
				_, err := e.client.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
					InstanceId: aws.String("00000000-0000-4000-8000-000000000000"), Name: aws.String("x"),
					TimeZone: aws.String("UTC"), Config: []types.HoursOfOperationConfig{},
				})
				return err
			}, "ResourceNotFoundException"},
			{"DescribeUnknown", func() error {
				_, err := e.client.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{
					InstanceId: inst, HoursOfOperationId: aws.String(basicQueue),
				})
				return err
			}, "ResourceNotFoundException"},
			{"UpdateUnknown", func() error {
				_, err := e.client.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{
					InstanceId: inst, HoursOfOperationId: aws.String(basicQueue), Name: aws.String("x"),
				})
				return err
			}, "ResourceNotFoundException"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				if got := apiErrorCode(tc.call()); got != tc.code {
					t.Fatalf("error code = %q, want %s", got, tc.code)
				}
			})
		}
		// Nothing above changed the hours of operation.
		if got := aws.ToString(describe(t).Name); got != "Support Hours v2" {
			t.Fatalf("name after failed calls = %q", got)
		}
	})

	t.Run("DeleteInUseIsResourceInUse", func(t *testing.T) {
		resp, body := e.do(t, http.MethodDelete, "/hours-of-operations/"+f.instanceID+"/"+basicHours, nil)
		eb := wantAWSError(t, resp, body, http.StatusConflict, "ResourceInUseException")
		if eb.ResourceType != "QUEUE" || eb.ResourceID != f.instanceARN+"/queue/"+basicQueue {
			t.Fatalf("ResourceInUseException names %s %s, want QUEUE and BasicQueue's ARN", eb.ResourceType, eb.ResourceID)
		}
		// The model lists no ResourceInUseException for this operation:
		// the Go SDK reports it as a generic API error with its code.
		_, err := e.client.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: aws.String(basicHours)})
		if got := apiErrorCode(err); got != "ResourceInUseException" {
			t.Fatalf("DeleteHoursOfOperation(Basic Hours) = %v, want ResourceInUseException", err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		if _, err := e.client.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteHoursOfOperation: %v", err)
		}
		var rnf *types.ResourceNotFoundException
		_, err := e.client.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: aws.String(id)})
		if !errors.As(err, &rnf) {
			t.Fatalf("DescribeHoursOfOperation(deleted) = %v, want ResourceNotFoundException", err)
		}
		_, err = e.client.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: aws.String(id)})
		if !errors.As(err, &rnf) {
			t.Fatalf("DeleteHoursOfOperation(again) = %v, want ResourceNotFoundException", err)
		}
	})
}

func TestListHoursOfOperationsPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "hourspages", types.DirectoryTypeConnectManaged)
	basicHours, _ := e.defaultHoursAndQueue(t, f)
	want := map[string]string{basicHours: "Basic Hours"}
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		out, err := e.client.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{
			InstanceId: aws.String(f.instanceID), Name: aws.String(name), TimeZone: aws.String("UTC"),
			Config: []types.HoursOfOperationConfig{hoursSlice(types.HoursOfOperationDaysMonday, 9, 0, 17, 0)},
		})
		if err != nil {
			t.Fatalf("CreateHoursOfOperation(%s): %v", name, err)
		}
		want[aws.ToString(out.HoursOfOperationId)] = name
	}
	got := map[string]string{}
	pages := 0
	p := connect.NewListHoursOfOperationsPaginator(e.client, &connect.ListHoursOfOperationsInput{
		InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(2),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListHoursOfOperations page %d: %v", pages, err)
		}
		pages++
		for _, s := range page.HoursOfOperationSummaryList {
			if _, dup := got[aws.ToString(s.Id)]; dup {
				t.Fatalf("id %s listed twice", aws.ToString(s.Id))
			}
			got[aws.ToString(s.Id)] = aws.ToString(s.Name)
			if aws.ToString(s.Arn) != f.instanceARN+"/operating-hours/"+aws.ToString(s.Id) || s.LastModifiedTime == nil {
				t.Errorf("summary %+v", s)
			}
		}
	}
	if !reflect.DeepEqual(got, want) || pages != 3 {
		t.Fatalf("listed %v in %d pages, want %v in 3", got, pages, want)
	}
	// A token is bound to its listing.
	first, err := e.client.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: aws.String(f.instanceID), MaxResults: aws.Int32(1)})
	if err != nil || first.NextToken == nil {
		t.Fatalf("ListHoursOfOperations: %v, NextToken %v", err, first.NextToken)
	}
	_, err = e.client.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String(f.instanceID), NextToken: first.NextToken})
	if got := apiErrorCode(err); got != "InvalidParameterException" {
		t.Fatalf("ListQueues with a ListHoursOfOperations token = %v, want InvalidParameterException", err)
	}
}
