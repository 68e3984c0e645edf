package e2e

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go/middleware"
)

// TestTerraformApplyDestroyReplay replays, with aws-sdk-go-v2 (the SDK of
// Terraform's AWS provider), the calls the provider's Create, Read and
// Delete functions make for `terraform apply` and then `terraform destroy`
// of this configuration:
//
//	aws_connect_instance                 CONNECT_MANAGED, contact_flow_logs_enabled = true, tags
//	aws_connect_hours_of_operation       two days, tags
//	aws_connect_user_hierarchy_structure three levels
//	aws_connect_queue                    on the hours, max_contacts, tags
//	aws_connect_security_profile         two permissions, tags
//	aws_connect_user_hierarchy_group     "parent" and "child" (parent_group_id), tags
//	aws_connect_routing_profile          default outbound queue, one queue config, VOICE
//	aws_connect_user                     in the child group, with both profiles, tags
//
// Each step follows internal/service/connect/<resource>.go of the provider:
// CreateInstance, then DescribeInstance until ACTIVE (waitInstanceCreated),
// then UpdateInstanceAttribute for each of the seven attributes it manages
// (createInstanceAttributes), then the read (DescribeInstance and
// DescribeInstanceAttribute for each); every other Create is followed by
// its Read (Describe*, and ListQueueQuickConnects,
// ListSecurityProfilePermissions or ListRoutingProfileQueues with
// MaxResults 60). The reads check every attribute against the
// configuration, so a `terraform plan` after the apply would show no
// drift; a plan (refresh) is replayed too. `terraform destroy` refreshes
// every resource, then deletes in reverse dependency order: the hierarchy
// structure by an UpdateUserHierarchyStructure with an empty structure, the
// instance by DeleteInstance and DescribeInstance until
// ResourceNotFoundException (waitInstanceDeleted). After each delete the
// test reads the resource again, as the provider's acceptance tests'
// CheckDestroy does, and expects ResourceNotFoundException. The calls are
// recorded and compared with the sequence above.
func TestTerraformApplyDestroyReplay(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	r := &tfReplay{t: t, ctx: context.Background()}
	r.c = connect.New(connect.Options{
		Region:           "us-west-2",
		BaseEndpoint:     aws.String(s.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("test", "test", ""),
		RetryMaxAttempts: 1,
		APIOptions:       []func(*middleware.Stack) error{r.record},
	})
	cfg := newTFConfig()

	// terraform apply, in dependency order.
	st := &tfState{}
	r.phase("apply")
	r.createInstance(cfg, st)
	r.createHours(cfg, st)
	r.createStructure(cfg, st)
	r.createQueue(cfg, st)
	r.createSecurityProfile(cfg, st)
	r.createGroup(cfg, st, &st.parentGroup, cfg.parentGroup, "")
	r.createGroup(cfg, st, &st.childGroup, cfg.childGroup, st.parentGroup)
	r.createRoutingProfile(cfg, st)
	r.createUser(cfg, st)

	// terraform plan: a refresh that must find no drift.
	r.phase("plan")
	r.refresh(cfg, st)

	// terraform destroy: refresh, then reverse dependency order.
	r.phase("destroy")
	r.refresh(cfg, st)
	r.deleteUser(st)
	r.deleteRoutingProfile(st)
	r.deleteSecurityProfile(st)
	r.deleteGroup(st, st.childGroup)
	r.deleteGroup(st, st.parentGroup)
	r.deleteQueue(st)
	r.deleteStructure(st)
	r.deleteHours(st)
	r.deleteInstance(st)

	r.checkSequence(tfExpectedCalls())
}

// tfExpectedCalls is the sequence of operations the replay must make.
func tfExpectedCalls() []string {
	instanceRead := append([]string{"DescribeInstance"}, repeat("DescribeInstanceAttribute", 7)...)
	refresh := slices.Concat(instanceRead,
		[]string{"DescribeHoursOfOperation", "DescribeUserHierarchyStructure",
			"DescribeQueue", "ListQueueQuickConnects",
			"DescribeSecurityProfile", "ListSecurityProfilePermissions",
			"DescribeUserHierarchyGroup", "DescribeUserHierarchyGroup",
			"DescribeRoutingProfile", "ListRoutingProfileQueues",
			"DescribeUser"})
	apply := slices.Concat(
		[]string{"CreateInstance", "DescribeInstance"}, repeat("UpdateInstanceAttribute", 7), instanceRead,
		[]string{"CreateHoursOfOperation", "DescribeHoursOfOperation",
			"UpdateUserHierarchyStructure", "DescribeUserHierarchyStructure",
			"CreateQueue", "DescribeQueue", "ListQueueQuickConnects",
			"CreateSecurityProfile", "DescribeSecurityProfile", "ListSecurityProfilePermissions",
			"CreateUserHierarchyGroup", "DescribeUserHierarchyGroup",
			"CreateUserHierarchyGroup", "DescribeUserHierarchyGroup",
			"CreateRoutingProfile", "DescribeRoutingProfile", "ListRoutingProfileQueues",
			"CreateUser", "DescribeUser"})
	destroy := slices.Concat(refresh, []string{
		"DeleteUser", "DescribeUser",
		"DeleteRoutingProfile", "DescribeRoutingProfile",
		"DeleteSecurityProfile", "DescribeSecurityProfile",
		"DeleteUserHierarchyGroup", "DescribeUserHierarchyGroup",
		"DeleteUserHierarchyGroup", "DescribeUserHierarchyGroup",
		"DeleteQueue", "DescribeQueue",
		"UpdateUserHierarchyStructure", "DescribeUserHierarchyStructure",
		"DeleteHoursOfOperation", "DescribeHoursOfOperation",
		"DeleteInstance", "DescribeInstance",
	})
	return slices.Concat(apply, refresh, destroy)
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// tfConfig is the configuration being applied, as Terraform holds it.
type tfConfig struct {
	alias         string
	tags          map[string]string
	attributes    map[types.InstanceAttributeType]bool // the instance's seven *_enabled arguments
	hoursName     string
	hoursConfig   []types.HoursOfOperationConfig
	levels        []string
	queueName     string
	maxContacts   int32
	spName        string
	permissions   []string
	parentGroup   string
	childGroup    string
	rpName        string
	concurrencies []types.MediaConcurrency
	username      string
	password      string
	identity      types.UserIdentityInfo
	phone         types.UserPhoneConfig
}

func newTFConfig() *tfConfig {
	slice := func(day types.HoursOfOperationDays) types.HoursOfOperationConfig {
		return types.HoursOfOperationConfig{Day: day,
			StartTime: &types.HoursOfOperationTimeSlice{Hours: aws.Int32(8), Minutes: aws.Int32(0)},
			EndTime:   &types.HoursOfOperationTimeSlice{Hours: aws.Int32(17), Minutes: aws.Int32(30)}}
	}
	return &tfConfig{
		alias: unique("tf"),
		tags:  map[string]string{"Name": "connectlite", "ManagedBy": "terraform"},
		// The provider's defaults, and contact_flow_logs_enabled = true.
		attributes: map[types.InstanceAttributeType]bool{
			types.InstanceAttributeTypeAutoResolveBestVoices: true,
			types.InstanceAttributeTypeContactflowLogs:       true,
			types.InstanceAttributeTypeContactLens:           true,
			types.InstanceAttributeTypeEarlyMedia:            true,
			types.InstanceAttributeTypeInboundCalls:          true,
			types.InstanceAttributeTypeMultiPartyConference:  false,
			types.InstanceAttributeTypeOutboundCalls:         true,
		},
		hoursName:     "Office Hours",
		hoursConfig:   []types.HoursOfOperationConfig{slice(types.HoursOfOperationDaysMonday), slice(types.HoursOfOperationDaysTuesday)},
		levels:        []string{"levelone", "leveltwo", "levelthree"},
		queueName:     "Example Queue",
		maxContacts:   10,
		spName:        "example",
		permissions:   []string{"BasicAgentAccess", "OutboundCallAccess"},
		parentGroup:   "parent",
		childGroup:    "child",
		rpName:        "example",
		concurrencies: []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}},
		username:      unique("tfuser"),
		password:      "Password123",
		identity:      types.UserIdentityInfo{FirstName: aws.String("example"), LastName: aws.String("example2"), Email: aws.String("example@example.com")},
		phone:         types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AfterContactWorkTimeLimit: 0, AutoAccept: false},
	}
}

// tfState is what Terraform records of the created resources.
type tfState struct {
	instance, instanceARN     string
	hours, queue              string
	securityProfile           string
	parentGroup, childGroup   string
	routingProfile, user      string
	levelIDs                  []string
	parentGroupARN, userARN   string
	directoryUserID           string
	queueARN, routingARN      string
	securityProfileARN, hoARN string
}

// tfReplay issues the calls and records their operation names.
type tfReplay struct {
	t   *testing.T
	ctx context.Context
	c   *connect.Client

	mu    sync.Mutex
	calls []string
	step  string
}

// record is an APIOptions function: it adds a middleware that notes the
// name of every operation the client calls.
func (r *tfReplay) record(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("tfReplayRecorder",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			r.mu.Lock()
			r.calls = append(r.calls, middleware.GetOperationName(ctx))
			r.mu.Unlock()
			return next.HandleInitialize(ctx, in)
		}), middleware.Before)
}

func (r *tfReplay) phase(name string) {
	r.t.Logf("terraform %s", name)
	r.step = name
}

// must fails the test with the step and resource of a failed call.
func (r *tfReplay) must(what string, err error) {
	r.t.Helper()
	if err != nil {
		r.t.Fatalf("terraform %s: %s: %v", r.step, what, err)
	}
}

// drift fails the test: a plan after the apply would show a change.
func (r *tfReplay) drift(resource, attr string, got, want any) {
	r.t.Helper()
	if !reflect.DeepEqual(got, want) {
		r.t.Errorf("terraform %s: %s.%s drifts: read %v, configured %v", r.step, resource, attr, got, want)
	}
}

// gone fails unless err is the ResourceNotFoundException Terraform's
// finders turn into "not found".
func (r *tfReplay) gone(what string, err error) {
	r.t.Helper()
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) {
		r.t.Fatalf("terraform %s: %s after delete: err = %v, want ResourceNotFoundException", r.step, what, err)
	}
}

func (r *tfReplay) checkSequence(want []string) {
	r.t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Equal(r.calls, want) {
		for i := range max(len(r.calls), len(want)) {
			got, w := "-", "-"
			if i < len(r.calls) {
				got = r.calls[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if got != w {
				r.t.Fatalf("call %d is %s, want %s\ncalls: %s", i, got, w, strings.Join(r.calls, ", "))
			}
		}
	}
	r.t.Logf("%d calls, as Terraform's provider makes them", len(r.calls))
}

// ---- aws_connect_instance --------------------------------------------------

func (r *tfReplay) createInstance(cfg *tfConfig, st *tfState) {
	out, err := r.c.CreateInstance(r.ctx, &connect.CreateInstanceInput{
		ClientToken:            aws.String(fmt.Sprintf("terraform-%d", time.Now().UnixNano())), // id.UniqueId()
		IdentityManagementType: types.DirectoryTypeConnectManaged,
		InboundCallsEnabled:    aws.Bool(cfg.attributes[types.InstanceAttributeTypeInboundCalls]),
		OutboundCallsEnabled:   aws.Bool(cfg.attributes[types.InstanceAttributeTypeOutboundCalls]),
		InstanceAlias:          aws.String(cfg.alias),
		Tags:                   cfg.tags,
	})
	r.must("CreateInstance", err)
	st.instance = aws.ToString(out.Id)

	// waitInstanceCreated: Pending CREATION_IN_PROGRESS, Target ACTIVE.
	// connectlite creates instances ACTIVE, so the first read ends the
	// wait; Terraform would poll again on CREATION_IN_PROGRESS.
	d, err := r.c.DescribeInstance(r.ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(st.instance)})
	r.must("DescribeInstance (waitInstanceCreated)", err)
	if status := d.Instance.InstanceStatus; status != types.InstanceStatusActive {
		r.t.Fatalf("waitInstanceCreated: status %s, want ACTIVE", status)
	}

	// createInstanceAttributes: every attribute, from d.Get.
	for _, typ := range tfAttributeOrder() {
		_, err := r.c.UpdateInstanceAttribute(r.ctx, &connect.UpdateInstanceAttributeInput{
			AttributeType: typ, InstanceId: aws.String(st.instance),
			Value: aws.String(strconv.FormatBool(cfg.attributes[typ])),
		})
		r.must("UpdateInstanceAttribute "+string(typ), err)
	}
	r.readInstance(cfg, st)
}

// tfAttributeOrder is the order of the provider's instanceAttributeMap; a
// Go map has none, so any order is Terraform's.
func tfAttributeOrder() []types.InstanceAttributeType {
	return []types.InstanceAttributeType{
		types.InstanceAttributeTypeAutoResolveBestVoices, types.InstanceAttributeTypeContactflowLogs,
		types.InstanceAttributeTypeContactLens, types.InstanceAttributeTypeEarlyMedia,
		types.InstanceAttributeTypeInboundCalls, types.InstanceAttributeTypeMultiPartyConference,
		types.InstanceAttributeTypeOutboundCalls,
	}
}

func (r *tfReplay) readInstance(cfg *tfConfig, st *tfState) {
	d, err := r.c.DescribeInstance(r.ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(st.instance)})
	r.must("DescribeInstance", err)
	inst := d.Instance
	st.instanceARN = aws.ToString(inst.Arn)
	r.drift("aws_connect_instance", "arn", st.instanceARN, fmt.Sprintf("arn:aws:connect:us-west-2:%s:instance/%s", defaultAccount, st.instance))
	r.drift("aws_connect_instance", "identity_management_type", inst.IdentityManagementType, types.DirectoryTypeConnectManaged)
	r.drift("aws_connect_instance", "instance_alias", aws.ToString(inst.InstanceAlias), cfg.alias)
	r.drift("aws_connect_instance", "inbound_calls_enabled", aws.ToBool(inst.InboundCallsEnabled), cfg.attributes[types.InstanceAttributeTypeInboundCalls])
	r.drift("aws_connect_instance", "outbound_calls_enabled", aws.ToBool(inst.OutboundCallsEnabled), cfg.attributes[types.InstanceAttributeTypeOutboundCalls])
	r.drift("aws_connect_instance", "status", inst.InstanceStatus, types.InstanceStatusActive)
	r.drift("aws_connect_instance", "tags", inst.Tags, cfg.tags)
	if inst.CreatedTime == nil || aws.ToString(inst.ServiceRole) == "" {
		r.t.Errorf("aws_connect_instance: created_time %v, service_role %q", inst.CreatedTime, aws.ToString(inst.ServiceRole))
	}
	// readInstanceAttributes: DescribeInstanceAttribute and strconv.ParseBool.
	for _, typ := range tfAttributeOrder() {
		a, err := r.c.DescribeInstanceAttribute(r.ctx, &connect.DescribeInstanceAttributeInput{AttributeType: typ, InstanceId: aws.String(st.instance)})
		r.must("DescribeInstanceAttribute "+string(typ), err)
		v, err := strconv.ParseBool(aws.ToString(a.Attribute.Value))
		r.must("ParseBool of attribute "+string(typ), err)
		r.drift("aws_connect_instance", strings.ToLower(string(typ)), v, cfg.attributes[typ])
	}
}

func (r *tfReplay) deleteInstance(st *tfState) {
	_, err := r.c.DeleteInstance(r.ctx, &connect.DeleteInstanceInput{InstanceId: aws.String(st.instance)})
	r.must("DeleteInstance", err)
	// waitInstanceDeleted: Pending ACTIVE, Target none: until not found.
	_, err = r.c.DescribeInstance(r.ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(st.instance)})
	r.gone("DescribeInstance (waitInstanceDeleted)", err)
}

// ---- aws_connect_hours_of_operation ---------------------------------------

func (r *tfReplay) createHours(cfg *tfConfig, st *tfState) {
	out, err := r.c.CreateHoursOfOperation(r.ctx, &connect.CreateHoursOfOperationInput{
		Config: cfg.hoursConfig, InstanceId: aws.String(st.instance), Name: aws.String(cfg.hoursName),
		Tags: cfg.tags, TimeZone: aws.String("America/New_York"), Description: aws.String("Monday and Tuesday"),
	})
	r.must("CreateHoursOfOperation", err)
	st.hours = aws.ToString(out.HoursOfOperationId)
	r.readHours(cfg, st)
}

func (r *tfReplay) readHours(cfg *tfConfig, st *tfState) {
	d, err := r.c.DescribeHoursOfOperation(r.ctx, &connect.DescribeHoursOfOperationInput{
		HoursOfOperationId: aws.String(st.hours), InstanceId: aws.String(st.instance)})
	r.must("DescribeHoursOfOperation", err)
	h := d.HoursOfOperation
	st.hoARN = aws.ToString(h.HoursOfOperationArn)
	r.drift("aws_connect_hours_of_operation", "arn", st.hoARN, st.instanceARN+"/operating-hours/"+st.hours)
	r.drift("aws_connect_hours_of_operation", "config", tfHoursSet(h.Config), tfHoursSet(cfg.hoursConfig))
	r.drift("aws_connect_hours_of_operation", "description", aws.ToString(h.Description), "Monday and Tuesday")
	r.drift("aws_connect_hours_of_operation", "name", aws.ToString(h.Name), cfg.hoursName)
	r.drift("aws_connect_hours_of_operation", "time_zone", aws.ToString(h.TimeZone), "America/New_York")
	r.drift("aws_connect_hours_of_operation", "tags", h.Tags, cfg.tags)
}

// tfHoursSet flattens hours configs as the provider's TypeSet compares them.
func tfHoursSet(cs []types.HoursOfOperationConfig) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %02d:%02d-%02d:%02d", c.Day, aws.ToInt32(c.StartTime.Hours), aws.ToInt32(c.StartTime.Minutes),
			aws.ToInt32(c.EndTime.Hours), aws.ToInt32(c.EndTime.Minutes)))
	}
	sort.Strings(out)
	return out
}

func (r *tfReplay) deleteHours(st *tfState) {
	_, err := r.c.DeleteHoursOfOperation(r.ctx, &connect.DeleteHoursOfOperationInput{
		HoursOfOperationId: aws.String(st.hours), InstanceId: aws.String(st.instance)})
	r.must("DeleteHoursOfOperation", err)
	_, err = r.c.DescribeHoursOfOperation(r.ctx, &connect.DescribeHoursOfOperationInput{
		HoursOfOperationId: aws.String(st.hours), InstanceId: aws.String(st.instance)})
	r.gone("DescribeHoursOfOperation", err)
}

// ---- aws_connect_user_hierarchy_structure ----------------------------------

func (r *tfReplay) createStructure(cfg *tfConfig, st *tfState) {
	_, err := r.c.UpdateUserHierarchyStructure(r.ctx, &connect.UpdateUserHierarchyStructureInput{
		HierarchyStructure: hierUpdate(cfg.levels...), InstanceId: aws.String(st.instance),
	})
	r.must("UpdateUserHierarchyStructure", err)
	r.readStructure(cfg, st)
}

func (r *tfReplay) readStructure(cfg *tfConfig, st *tfState) {
	d, err := r.c.DescribeUserHierarchyStructure(r.ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: aws.String(st.instance)})
	r.must("DescribeUserHierarchyStructure", err)
	if d.HierarchyStructure == nil {
		r.t.Fatalf("terraform %s: DescribeUserHierarchyStructure: empty result", r.step)
	}
	levels := hierLevels(d.HierarchyStructure)
	var names, ids []string
	for i, l := range levels {
		names = append(names, aws.ToString(l.Name))
		ids = append(ids, aws.ToString(l.Id))
		r.drift("aws_connect_user_hierarchy_structure", fmt.Sprintf("hierarchy_structure.level_%d.arn", i+1),
			aws.ToString(l.Arn), fmt.Sprintf("%s/agent-group-level/%d", st.instanceARN, i+1))
	}
	r.drift("aws_connect_user_hierarchy_structure", "hierarchy_structure names", names, cfg.levels)
	if st.levelIDs != nil {
		r.drift("aws_connect_user_hierarchy_structure", "hierarchy_structure ids", ids, st.levelIDs)
	}
	st.levelIDs = ids
}

func (r *tfReplay) deleteStructure(st *tfState) {
	_, err := r.c.UpdateUserHierarchyStructure(r.ctx, &connect.UpdateUserHierarchyStructureInput{
		HierarchyStructure: &types.HierarchyStructureUpdate{}, InstanceId: aws.String(st.instance),
	})
	r.must("UpdateUserHierarchyStructure (delete)", err)
	d, err := r.c.DescribeUserHierarchyStructure(r.ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: aws.String(st.instance)})
	r.must("DescribeUserHierarchyStructure after delete", err)
	if levels := hierLevels(d.HierarchyStructure); len(levels) != 0 {
		r.t.Fatalf("terraform %s: structure after delete = %+v, want no level", r.step, levels)
	}
}

// ---- aws_connect_queue ------------------------------------------------------

func (r *tfReplay) createQueue(cfg *tfConfig, st *tfState) {
	out, err := r.c.CreateQueue(r.ctx, &connect.CreateQueueInput{
		InstanceId: aws.String(st.instance), Name: aws.String(cfg.queueName), Tags: cfg.tags,
		Description: aws.String("Example queue"), HoursOfOperationId: aws.String(st.hours),
		MaxContacts: aws.Int32(cfg.maxContacts),
	})
	r.must("CreateQueue", err)
	st.queue = aws.ToString(out.QueueId)
	r.readQueue(cfg, st)
}

func (r *tfReplay) readQueue(cfg *tfConfig, st *tfState) {
	d, err := r.c.DescribeQueue(r.ctx, &connect.DescribeQueueInput{InstanceId: aws.String(st.instance), QueueId: aws.String(st.queue)})
	r.must("DescribeQueue", err)
	q := d.Queue
	st.queueARN = aws.ToString(q.QueueArn)
	r.drift("aws_connect_queue", "arn", st.queueARN, st.instanceARN+"/queue/"+st.queue)
	r.drift("aws_connect_queue", "description", aws.ToString(q.Description), "Example queue")
	r.drift("aws_connect_queue", "hours_of_operation_id", aws.ToString(q.HoursOfOperationId), st.hours)
	r.drift("aws_connect_queue", "max_contacts", aws.ToInt32(q.MaxContacts), cfg.maxContacts)
	r.drift("aws_connect_queue", "name", aws.ToString(q.Name), cfg.queueName)
	r.drift("aws_connect_queue", "outbound_caller_config", q.OutboundCallerConfig == nil, true)
	r.drift("aws_connect_queue", "status", q.Status, types.QueueStatusEnabled)
	r.drift("aws_connect_queue", "tags", q.Tags, cfg.tags)
	var quick []string
	p := connect.NewListQueueQuickConnectsPaginator(r.c, &connect.ListQueueQuickConnectsInput{
		InstanceId: aws.String(st.instance), MaxResults: aws.Int32(60), QueueId: aws.String(st.queue)})
	for p.HasMorePages() {
		page, err := p.NextPage(r.ctx)
		r.must("ListQueueQuickConnects", err)
		for _, qc := range page.QuickConnectSummaryList {
			quick = append(quick, aws.ToString(qc.Id))
		}
	}
	r.drift("aws_connect_queue", "quick_connect_ids", len(quick), 0)
}

func (r *tfReplay) deleteQueue(st *tfState) {
	// The provider retries a ResourceInUseException for a minute
	// (tfresource.RetryWhenIsA); here the routing profile that used the
	// queue is already gone, so the first attempt must succeed.
	_, err := r.c.DeleteQueue(r.ctx, &connect.DeleteQueueInput{InstanceId: aws.String(st.instance), QueueId: aws.String(st.queue)})
	r.must("DeleteQueue", err)
	_, err = r.c.DescribeQueue(r.ctx, &connect.DescribeQueueInput{InstanceId: aws.String(st.instance), QueueId: aws.String(st.queue)})
	r.gone("DescribeQueue", err)
}

// ---- aws_connect_security_profile -----------------------------------------

func (r *tfReplay) createSecurityProfile(cfg *tfConfig, st *tfState) {
	out, err := r.c.CreateSecurityProfile(r.ctx, &connect.CreateSecurityProfileInput{
		InstanceId: aws.String(st.instance), SecurityProfileName: aws.String(cfg.spName), Tags: cfg.tags,
		Description: aws.String("example description"), Permissions: cfg.permissions,
	})
	r.must("CreateSecurityProfile", err)
	st.securityProfile = aws.ToString(out.SecurityProfileId)
	r.readSecurityProfile(cfg, st)
}

func (r *tfReplay) readSecurityProfile(cfg *tfConfig, st *tfState) {
	d, err := r.c.DescribeSecurityProfile(r.ctx, &connect.DescribeSecurityProfileInput{
		InstanceId: aws.String(st.instance), SecurityProfileId: aws.String(st.securityProfile)})
	r.must("DescribeSecurityProfile", err)
	p := d.SecurityProfile
	st.securityProfileARN = aws.ToString(p.Arn)
	r.drift("aws_connect_security_profile", "arn", st.securityProfileARN, st.instanceARN+"/security-profile/"+st.securityProfile)
	r.drift("aws_connect_security_profile", "description", aws.ToString(p.Description), "example description")
	r.drift("aws_connect_security_profile", "name", aws.ToString(p.SecurityProfileName), cfg.spName)
	r.drift("aws_connect_security_profile", "security_profile_id", aws.ToString(p.Id), st.securityProfile)
	r.drift("aws_connect_security_profile", "tags", p.Tags, cfg.tags)
	var perms []string
	pg := connect.NewListSecurityProfilePermissionsPaginator(r.c, &connect.ListSecurityProfilePermissionsInput{
		InstanceId: aws.String(st.instance), MaxResults: aws.Int32(60), SecurityProfileId: aws.String(st.securityProfile)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(r.ctx)
		r.must("ListSecurityProfilePermissions", err)
		perms = append(perms, page.Permissions...)
	}
	sort.Strings(perms)
	want := slices.Clone(cfg.permissions)
	sort.Strings(want)
	r.drift("aws_connect_security_profile", "permissions", perms, want)
}

func (r *tfReplay) deleteSecurityProfile(st *tfState) {
	_, err := r.c.DeleteSecurityProfile(r.ctx, &connect.DeleteSecurityProfileInput{
		InstanceId: aws.String(st.instance), SecurityProfileId: aws.String(st.securityProfile)})
	r.must("DeleteSecurityProfile", err)
	_, err = r.c.DescribeSecurityProfile(r.ctx, &connect.DescribeSecurityProfileInput{
		InstanceId: aws.String(st.instance), SecurityProfileId: aws.String(st.securityProfile)})
	r.gone("DescribeSecurityProfile", err)
}

// ---- aws_connect_user_hierarchy_group --------------------------------------

func (r *tfReplay) createGroup(cfg *tfConfig, st *tfState, id *string, name, parent string) {
	in := &connect.CreateUserHierarchyGroupInput{InstanceId: aws.String(st.instance), Name: aws.String(name), Tags: cfg.tags}
	if parent != "" {
		in.ParentGroupId = aws.String(parent)
	}
	out, err := r.c.CreateUserHierarchyGroup(r.ctx, in)
	r.must("CreateUserHierarchyGroup "+name, err)
	*id = aws.ToString(out.HierarchyGroupId)
	r.readGroup(cfg, st, *id, name, parent)
}

func (r *tfReplay) readGroup(cfg *tfConfig, st *tfState, id, name, parent string) {
	d, err := r.c.DescribeUserHierarchyGroup(r.ctx, &connect.DescribeUserHierarchyGroupInput{
		HierarchyGroupId: aws.String(id), InstanceId: aws.String(st.instance)})
	r.must("DescribeUserHierarchyGroup "+name, err)
	g := d.HierarchyGroup
	res := "aws_connect_user_hierarchy_group." + name
	r.drift(res, "arn", aws.ToString(g.Arn), st.instanceARN+"/agent-group/"+id)
	r.drift(res, "hierarchy_group_id", aws.ToString(g.Id), id)
	r.drift(res, "name", aws.ToString(g.Name), name)
	r.drift(res, "tags", g.Tags, cfg.tags)
	level, self := "1", g.HierarchyPath.LevelOne
	if parent != "" {
		level, self = "2", g.HierarchyPath.LevelTwo
		if top := g.HierarchyPath.LevelOne; top == nil || aws.ToString(top.Id) != parent || aws.ToString(top.Arn) != st.instanceARN+"/agent-group/"+parent {
			r.t.Errorf("%s: hierarchy_path.0.level_one = %+v, want the parent %s", res, top, parent)
		}
	} else {
		st.parentGroupARN = aws.ToString(g.Arn)
	}
	r.drift(res, "level_id", aws.ToString(g.LevelId), level)
	if self == nil || aws.ToString(self.Id) != id || aws.ToString(self.Name) != name || aws.ToString(self.Arn) != aws.ToString(g.Arn) {
		r.t.Errorf("%s: hierarchy_path at level %s = %+v, want the group itself", res, level, self)
	}
}

func (r *tfReplay) deleteGroup(st *tfState, id string) {
	_, err := r.c.DeleteUserHierarchyGroup(r.ctx, &connect.DeleteUserHierarchyGroupInput{
		HierarchyGroupId: aws.String(id), InstanceId: aws.String(st.instance)})
	r.must("DeleteUserHierarchyGroup", err)
	_, err = r.c.DescribeUserHierarchyGroup(r.ctx, &connect.DescribeUserHierarchyGroupInput{
		HierarchyGroupId: aws.String(id), InstanceId: aws.String(st.instance)})
	r.gone("DescribeUserHierarchyGroup", err)
}

// ---- aws_connect_routing_profile -------------------------------------------

func (r *tfReplay) createRoutingProfile(cfg *tfConfig, st *tfState) {
	out, err := r.c.CreateRoutingProfile(r.ctx, &connect.CreateRoutingProfileInput{
		DefaultOutboundQueueId: aws.String(st.queue), Description: aws.String("example routing profile"),
		InstanceId: aws.String(st.instance), MediaConcurrencies: cfg.concurrencies, Name: aws.String(cfg.rpName),
		Tags: cfg.tags,
		// At most ten queue configs go in the create itself.
		QueueConfigs: []types.RoutingProfileQueueConfig{{
			Delay: aws.Int32(2), Priority: aws.Int32(1),
			QueueReference: &types.RoutingProfileQueueReference{Channel: types.ChannelVoice, QueueId: aws.String(st.queue)},
		}},
	})
	r.must("CreateRoutingProfile", err)
	st.routingProfile = aws.ToString(out.RoutingProfileId)
	r.readRoutingProfile(cfg, st)
}

func (r *tfReplay) readRoutingProfile(cfg *tfConfig, st *tfState) {
	d, err := r.c.DescribeRoutingProfile(r.ctx, &connect.DescribeRoutingProfileInput{
		InstanceId: aws.String(st.instance), RoutingProfileId: aws.String(st.routingProfile)})
	r.must("DescribeRoutingProfile", err)
	p := d.RoutingProfile
	st.routingARN = aws.ToString(p.RoutingProfileArn)
	const res = "aws_connect_routing_profile"
	r.drift(res, "arn", st.routingARN, st.instanceARN+"/routing-profile/"+st.routingProfile)
	r.drift(res, "default_outbound_queue_id", aws.ToString(p.DefaultOutboundQueueId), st.queue)
	r.drift(res, "description", aws.ToString(p.Description), "example routing profile")
	r.drift(res, "name", aws.ToString(p.Name), cfg.rpName)
	r.drift(res, "routing_profile_id", aws.ToString(p.RoutingProfileId), st.routingProfile)
	r.drift(res, "tags", p.Tags, cfg.tags)
	// flattenMediaConcurrencies keeps channel and concurrency.
	var media []string
	for _, m := range p.MediaConcurrencies {
		media = append(media, fmt.Sprintf("%s=%d", m.Channel, aws.ToInt32(m.Concurrency)))
	}
	sort.Strings(media)
	r.drift(res, "media_concurrencies", media, []string{"VOICE=1"})
	var queues []string
	pg := connect.NewListRoutingProfileQueuesPaginator(r.c, &connect.ListRoutingProfileQueuesInput{
		InstanceId: aws.String(st.instance), MaxResults: aws.Int32(60), RoutingProfileId: aws.String(st.routingProfile)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(r.ctx)
		r.must("ListRoutingProfileQueues", err)
		for _, q := range page.RoutingProfileQueueConfigSummaryList {
			queues = append(queues, fmt.Sprintf("%s %s delay=%d priority=%d arn=%s name=%s", aws.ToString(q.QueueId), q.Channel,
				q.Delay, aws.ToInt32(q.Priority), aws.ToString(q.QueueArn), aws.ToString(q.QueueName)))
		}
	}
	r.drift(res, "queue_configs", queues, []string{fmt.Sprintf("%s VOICE delay=2 priority=1 arn=%s name=%s", st.queue, st.queueARN, cfg.queueName)})
}

func (r *tfReplay) deleteRoutingProfile(st *tfState) {
	_, err := r.c.DeleteRoutingProfile(r.ctx, &connect.DeleteRoutingProfileInput{
		InstanceId: aws.String(st.instance), RoutingProfileId: aws.String(st.routingProfile)})
	r.must("DeleteRoutingProfile", err)
	_, err = r.c.DescribeRoutingProfile(r.ctx, &connect.DescribeRoutingProfileInput{
		InstanceId: aws.String(st.instance), RoutingProfileId: aws.String(st.routingProfile)})
	r.gone("DescribeRoutingProfile", err)
}

// ---- aws_connect_user -------------------------------------------------------

func (r *tfReplay) createUser(cfg *tfConfig, st *tfState) {
	phone := cfg.phone
	out, err := r.c.CreateUser(r.ctx, &connect.CreateUserInput{
		InstanceId: aws.String(st.instance), PhoneConfig: &phone, RoutingProfileId: aws.String(st.routingProfile),
		SecurityProfileIds: []string{st.securityProfile}, Tags: cfg.tags, Username: aws.String(cfg.username),
		HierarchyGroupId: aws.String(st.childGroup), IdentityInfo: &cfg.identity, Password: aws.String(cfg.password),
	})
	r.must("CreateUser", err)
	st.user = aws.ToString(out.UserId)
	r.readUser(cfg, st)
}

func (r *tfReplay) readUser(cfg *tfConfig, st *tfState) {
	d, err := r.c.DescribeUser(r.ctx, &connect.DescribeUserInput{InstanceId: aws.String(st.instance), UserId: aws.String(st.user)})
	r.must("DescribeUser", err)
	u := d.User
	const res = "aws_connect_user"
	st.userARN = aws.ToString(u.Arn)
	r.drift(res, "arn", st.userARN, st.instanceARN+"/agent/"+st.user)
	// directory_user_id is Optional+Computed: whatever the first read saw
	// must stay.
	if st.directoryUserID == "" {
		st.directoryUserID = aws.ToString(u.DirectoryUserId)
	}
	r.drift(res, "directory_user_id", aws.ToString(u.DirectoryUserId), st.directoryUserID)
	r.drift(res, "hierarchy_group_id", aws.ToString(u.HierarchyGroupId), st.childGroup)
	if u.IdentityInfo == nil {
		r.t.Fatalf("%s: no identity_info", res)
	}
	r.drift(res, "identity_info.first_name", aws.ToString(u.IdentityInfo.FirstName), aws.ToString(cfg.identity.FirstName))
	r.drift(res, "identity_info.last_name", aws.ToString(u.IdentityInfo.LastName), aws.ToString(cfg.identity.LastName))
	r.drift(res, "identity_info.email", aws.ToString(u.IdentityInfo.Email), aws.ToString(cfg.identity.Email))
	r.drift(res, "identity_info.secondary_email", u.IdentityInfo.SecondaryEmail, (*string)(nil))
	r.drift(res, "name", aws.ToString(u.Username), cfg.username)
	if u.PhoneConfig == nil {
		r.t.Fatalf("%s: no phone_config", res)
	}
	r.drift(res, "phone_config.phone_type", u.PhoneConfig.PhoneType, cfg.phone.PhoneType)
	r.drift(res, "phone_config.auto_accept", u.PhoneConfig.AutoAccept, cfg.phone.AutoAccept)
	r.drift(res, "phone_config.after_contact_work_time_limit", u.PhoneConfig.AfterContactWorkTimeLimit, cfg.phone.AfterContactWorkTimeLimit)
	r.drift(res, "phone_config.desk_phone_number", u.PhoneConfig.DeskPhoneNumber, (*string)(nil))
	r.drift(res, "routing_profile_id", aws.ToString(u.RoutingProfileId), st.routingProfile)
	r.drift(res, "security_profile_ids", u.SecurityProfileIds, []string{st.securityProfile})
	r.drift(res, "user_id", aws.ToString(u.Id), st.user)
	r.drift(res, "tags", u.Tags, cfg.tags)
}

func (r *tfReplay) deleteUser(st *tfState) {
	_, err := r.c.DeleteUser(r.ctx, &connect.DeleteUserInput{InstanceId: aws.String(st.instance), UserId: aws.String(st.user)})
	r.must("DeleteUser", err)
	_, err = r.c.DescribeUser(r.ctx, &connect.DescribeUserInput{InstanceId: aws.String(st.instance), UserId: aws.String(st.user)})
	r.gone("DescribeUser", err)
}

// refresh is the Read of every resource in the state, as `terraform plan`
// and `terraform destroy` start with.
func (r *tfReplay) refresh(cfg *tfConfig, st *tfState) {
	r.readInstance(cfg, st)
	r.readHours(cfg, st)
	r.readStructure(cfg, st)
	r.readQueue(cfg, st)
	r.readSecurityProfile(cfg, st)
	r.readGroup(cfg, st, st.parentGroup, cfg.parentGroup, "")
	r.readGroup(cfg, st, st.childGroup, cfg.childGroup, st.parentGroup)
	r.readRoutingProfile(cfg, st)
	r.readUser(cfg, st)
}
