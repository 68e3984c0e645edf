package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// profileQueues returns the instance's BasicQueue id and creates n more
// queues, returning their ids.
func (e *env) profileQueues(t *testing.T, f fixture, n int) (string, []string) {
	t.Helper()
	ctx := context.Background()
	hours, err := e.client.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: aws.String(f.instanceID)})
	if err != nil || len(hours.HoursOfOperationSummaryList) == 0 {
		t.Fatalf("ListHoursOfOperations: %v", err)
	}
	queues, err := e.client.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String(f.instanceID)})
	if err != nil || len(queues.QueueSummaryList) != 1 {
		t.Fatalf("ListQueues: %v", err)
	}
	var ids []string
	for i := range n {
		out, err := e.client.CreateQueue(ctx, &connect.CreateQueueInput{
			InstanceId: aws.String(f.instanceID), Name: aws.String(string(rune('A'+i)) + " queue"),
			HoursOfOperationId: hours.HoursOfOperationSummaryList[0].Id,
		})
		if err != nil {
			t.Fatalf("CreateQueue: %v", err)
		}
		ids = append(ids, aws.ToString(out.QueueId))
	}
	return aws.ToString(queues.QueueSummaryList[0].Id), ids
}

func queueConfig(queue string, ch types.Channel, priority, delay int32) types.RoutingProfileQueueConfig {
	return types.RoutingProfileQueueConfig{
		QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(queue), Channel: ch},
		Priority:       aws.Int32(priority), Delay: aws.Int32(delay),
	}
}

func TestRoutingProfileLifecycle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "routingprofiles", types.DirectoryTypeConnectManaged)
	inst := aws.String(f.instanceID)
	basic, qs := e.profileQueues(t, f, 2)

	out, err := e.client.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{
		InstanceId: inst, Name: aws.String("Sales"), Description: aws.String("sales"),
		DefaultOutboundQueueId: aws.String(qs[0]),
		MediaConcurrencies: []types.MediaConcurrency{
			{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)},
			{Channel: types.ChannelChat, Concurrency: aws.Int32(3), CrossChannelBehavior: &types.CrossChannelBehavior{BehaviorType: types.BehaviorTypeRouteAnyChannel}},
		},
		QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(qs[0], types.ChannelVoice, 1, 0), queueConfig(qs[0], types.ChannelChat, 2, 5)},
		ManualAssignmentQueueConfigs: []types.RoutingProfileManualAssignmentQueueConfig{
			{QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(basic), Channel: types.ChannelTask}},
		},
		Tags: map[string]string{"dept": "sales"},
	})
	if err != nil {
		t.Fatalf("CreateRoutingProfile: %v", err)
	}
	id := aws.String(aws.ToString(out.RoutingProfileId))
	if want := f.instanceARN + "/routing-profile/" + *id; aws.ToString(out.RoutingProfileArn) != want {
		t.Errorf("RoutingProfileArn = %q, want %q", aws.ToString(out.RoutingProfileArn), want)
	}

	// The raw Describe: defaults are spelled out.
	resp, body := e.do(t, http.MethodGet, "/routing-profiles/"+f.instanceID+"/"+*id, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("DescribeRoutingProfile: %d %s", resp.StatusCode, body)
	}
	var raw struct {
		RoutingProfile map[string]any
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	rp := raw.RoutingProfile
	if rp["AgentAvailabilityTimer"] != "TIME_SINCE_LAST_ACTIVITY" || rp["IsDefault"] != false ||
		rp["NumberOfAssociatedQueues"] != 1.0 || rp["NumberOfAssociatedManualAssignmentQueues"] != 1.0 ||
		rp["NumberOfAssociatedUsers"] != 0.0 || rp["InstanceId"] != f.instanceID {
		t.Errorf("DescribeRoutingProfile = %s", body)
	}
	media, _ := rp["MediaConcurrencies"].([]any)
	if len(media) != 2 || media[0].(map[string]any)["CrossChannelBehavior"].(map[string]any)["BehaviorType"] != "ROUTE_CURRENT_CHANNEL_ONLY" {
		t.Errorf("MediaConcurrencies = %v, want the default behavior spelled out", media)
	}

	// The default profile is the default.
	d, err := e.client.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: inst, RoutingProfileId: aws.String(f.routingProfileID)})
	if err != nil || !d.RoutingProfile.IsDefault || aws.ToString(d.RoutingProfile.DefaultOutboundQueueId) != basic {
		t.Fatalf("DescribeRoutingProfile(Basic) = %+v, %v", d, err)
	}

	// Associate, update, disassociate.
	if _, err := e.client.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{
		InstanceId: inst, RoutingProfileId: id, QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(qs[1], types.ChannelTask, 9, 9)}}); err != nil {
		t.Fatalf("AssociateRoutingProfileQueues: %v", err)
	}
	if _, err := e.client.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{
		InstanceId: inst, RoutingProfileId: id, QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(qs[0], types.ChannelChat, 7, 70)}}); err != nil {
		t.Fatalf("UpdateRoutingProfileQueues: %v", err)
	}
	if _, err := e.client.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{
		InstanceId: inst, RoutingProfileId: id,
		QueueReferences: []types.RoutingProfileQueueReference{{QueueId: aws.String(qs[0]), Channel: types.ChannelVoice}}}); err != nil {
		t.Fatalf("DisassociateRoutingProfileQueues: %v", err)
	}
	list, err := e.client.ListRoutingProfileQueues(ctx, &connect.ListRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: id})
	if err != nil {
		t.Fatalf("ListRoutingProfileQueues: %v", err)
	}
	var got []string
	for _, s := range list.RoutingProfileQueueConfigSummaryList {
		got = append(got, aws.ToString(s.QueueName)+"/"+string(s.Channel)+"/"+string(rune('0'+aws.ToInt32(s.Priority))))
		if aws.ToString(s.QueueArn) != f.instanceARN+"/queue/"+aws.ToString(s.QueueId) {
			t.Errorf("QueueArn = %q", aws.ToString(s.QueueArn))
		}
	}
	slices.Sort(got)
	if want := []string{"A queue/CHAT/7", "B queue/TASK/9"}; !slices.Equal(got, want) {
		t.Errorf("ListRoutingProfileQueues = %v, want %v", got, want)
	}

	// Name, concurrency, outbound queue and timer.
	if _, err := e.client.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: inst, RoutingProfileId: id, Name: aws.String("Sales 2")}); err != nil {
		t.Fatalf("UpdateRoutingProfileName: %v", err)
	}
	if _, err := e.client.UpdateRoutingProfileConcurrency(ctx, &connect.UpdateRoutingProfileConcurrencyInput{InstanceId: inst, RoutingProfileId: id,
		MediaConcurrencies: []types.MediaConcurrency{{Channel: types.ChannelEmail, Concurrency: aws.Int32(10)}}}); err != nil {
		t.Fatalf("UpdateRoutingProfileConcurrency: %v", err)
	}
	if _, err := e.client.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: inst, RoutingProfileId: id,
		DefaultOutboundQueueId: aws.String(basic)}); err != nil {
		t.Fatalf("UpdateRoutingProfileDefaultOutboundQueue: %v", err)
	}
	if _, err := e.client.UpdateRoutingProfileAgentAvailabilityTimer(ctx, &connect.UpdateRoutingProfileAgentAvailabilityTimerInput{InstanceId: inst, RoutingProfileId: id,
		AgentAvailabilityTimer: types.AgentAvailabilityTimerTimeSinceLastInbound}); err != nil {
		t.Fatalf("UpdateRoutingProfileAgentAvailabilityTimer: %v", err)
	}
	d, err = e.client.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: inst, RoutingProfileId: id})
	if err != nil {
		t.Fatal(err)
	}
	p := d.RoutingProfile
	if aws.ToString(p.Name) != "Sales 2" || aws.ToString(p.Description) != "sales" || aws.ToString(p.DefaultOutboundQueueId) != basic ||
		len(p.MediaConcurrencies) != 1 || p.MediaConcurrencies[0].Channel != types.ChannelEmail ||
		p.AgentAvailabilityTimer != types.AgentAvailabilityTimerTimeSinceLastInbound || aws.ToInt64(p.NumberOfAssociatedQueues) != 2 {
		t.Errorf("DescribeRoutingProfile after updates = %+v", p)
	}

	// In use by a user, then deleted.
	u := basicUser(f, "salesagent")
	u.RoutingProfileId = id
	created, err := e.client.CreateUser(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.client.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: inst, RoutingProfileId: id})
	var inUse *types.ResourceInUseException
	if !errors.As(err, &inUse) || inUse.ResourceType != types.ResourceTypeUser || aws.ToString(inUse.ResourceId) != aws.ToString(created.UserId) {
		t.Fatalf("DeleteRoutingProfile(in use) = %v", err)
	}
}

func TestRoutingProfileErrors(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "routingerrors", types.DirectoryTypeConnectManaged)
	inst := aws.String(f.instanceID)
	basic, qs := e.profileQueues(t, f, 1)
	voice := []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}}
	create := func(mod func(in *connect.CreateRoutingProfileInput)) error {
		in := &connect.CreateRoutingProfileInput{InstanceId: inst, Name: aws.String("p"), Description: aws.String("d"),
			DefaultOutboundQueueId: aws.String(basic), MediaConcurrencies: voice}
		mod(in)
		_, err := e.client.CreateRoutingProfile(ctx, in)
		return err
	}
	tests := []struct {
		name string
		mod  func(in *connect.CreateRoutingProfileInput)
		code string
	}{
		{"DuplicateName", func(in *connect.CreateRoutingProfileInput) { in.Name = aws.String("Basic Routing Profile") }, "DuplicateResourceException"},
		{"VoiceConcurrencyAboveOne", func(in *connect.CreateRoutingProfileInput) {
			in.MediaConcurrencies = []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(2)}}
		}, "InvalidParameterException"},
		{"RepeatedChannel", func(in *connect.CreateRoutingProfileInput) { in.MediaConcurrencies = append(voice, voice...) }, "InvalidParameterException"},
		{"NoChannel", func(in *connect.CreateRoutingProfileInput) { in.MediaConcurrencies = []types.MediaConcurrency{} }, "InvalidParameterException"},
		{"UnknownDefaultQueue", func(in *connect.CreateRoutingProfileInput) { in.DefaultOutboundQueueId = aws.String(unknownID) }, "InvalidParameterException"},
		{"UnknownConfigQueue", func(in *connect.CreateRoutingProfileInput) {
			in.QueueConfigs = []types.RoutingProfileQueueConfig{queueConfig(unknownID, types.ChannelVoice, 1, 0)}
		}, "InvalidParameterException"},
		{"RepeatedQueueChannel", func(in *connect.CreateRoutingProfileInput) {
			in.QueueConfigs = []types.RoutingProfileQueueConfig{queueConfig(basic, types.ChannelVoice, 1, 0), queueConfig(basic, types.ChannelVoice, 2, 0)}
		}, "InvalidParameterException"},
		{"ManualVoice", func(in *connect.CreateRoutingProfileInput) {
			in.ManualAssignmentQueueConfigs = []types.RoutingProfileManualAssignmentQueueConfig{
				{QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(basic), Channel: types.ChannelVoice}}}
		}, "InvalidParameterException"},
		{"PriorityOutOfRange", func(in *connect.CreateRoutingProfileInput) {
			in.QueueConfigs = []types.RoutingProfileQueueConfig{queueConfig(basic, types.ChannelVoice, 100, 0)}
		}, "InvalidParameterException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantProfileErr(t, "CreateRoutingProfile", create(tt.mod), tt.code) })
	}

	rp := aws.String(f.routingProfileID)
	_, err := e.client.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: inst, RoutingProfileId: rp})
	wantProfileErr(t, "UpdateRoutingProfileName(nothing)", err, "InvalidParameterException")
	if err := create(func(in *connect.CreateRoutingProfileInput) { in.Name = aws.String("Taken") }); err != nil {
		t.Fatal(err)
	}
	_, err = e.client.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: inst, RoutingProfileId: rp, Name: aws.String("Taken")})
	wantProfileErr(t, "UpdateRoutingProfileName(taken)", err, "DuplicateResourceException")
	_, err = e.client.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: rp,
		QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(basic, types.ChannelVoice, 1, 0)}})
	wantProfileErr(t, "AssociateRoutingProfileQueues(already there)", err, "InvalidParameterException")
	_, err = e.client.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: rp,
		QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(unknownID, types.ChannelVoice, 1, 0)}})
	wantProfileErr(t, "AssociateRoutingProfileQueues(unknown queue)", err, "InvalidParameterException")
	_, err = e.client.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: rp,
		QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(qs[0], types.ChannelVoice, 1, 0)}})
	wantProfileErr(t, "UpdateRoutingProfileQueues(not associated)", err, "InvalidParameterException")
	var refs []types.RoutingProfileQueueReference
	for range 11 {
		refs = append(refs, types.RoutingProfileQueueReference{QueueId: aws.String(basic), Channel: types.ChannelVoice})
	}
	_, err = e.client.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: rp, QueueReferences: refs})
	wantProfileErr(t, "DisassociateRoutingProfileQueues(11)", err, "InvalidParameterException")
	_, err = e.client.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: rp,
		QueueReferences: []types.RoutingProfileQueueReference{{QueueId: aws.String(qs[0]), Channel: types.ChannelVoice}}})
	wantProfileErr(t, "DisassociateRoutingProfileQueues(not associated)", err, "InvalidParameterException")
	_, err = e.client.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: inst, RoutingProfileId: rp,
		DefaultOutboundQueueId: aws.String(unknownID)})
	wantProfileErr(t, "UpdateRoutingProfileDefaultOutboundQueue(unknown)", err, "InvalidParameterException")
	_, err = e.client.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: inst, RoutingProfileId: aws.String(unknownID)})
	wantProfileErr(t, "DescribeRoutingProfile(unknown)", err, "ResourceNotFoundException")
	_, err = e.client.ListRoutingProfileQueues(ctx, &connect.ListRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: aws.String(unknownID)})
	wantProfileErr(t, "ListRoutingProfileQueues(unknown)", err, "ResourceNotFoundException")
	_, err = e.client.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: inst, RoutingProfileId: aws.String(unknownID)})
	wantProfileErr(t, "DeleteRoutingProfile(unknown)", err, "ResourceNotFoundException")
}
