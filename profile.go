package connectlite

// This file holds the types and constants of security profiles and routing
// profiles beyond resource.go, and the permissions of the default security
// profiles.

// Application is a third-party application or MCP server a security profile
// gives access to.
type Application struct {
	Namespace              string
	ApplicationPermissions []string
	Type                   string // an ApplicationType; "" when not given
}

// FlowModule is a flow module an AI agent with the security profile may
// invoke as a tool.
type FlowModule struct {
	Type         string // a FlowModuleType; "" when not given
	FlowModuleID string
}

// PrimaryAttributeValue is one data-table primary attribute a security
// profile grants access to (GranularAccessControlConfiguration).
type PrimaryAttributeValue struct {
	AccessType    string // an AccessType; "" when not given
	AttributeName string
	Values        []string
}

// RoutingProfileQueueReference names a queue of a routing profile for one
// channel.
type RoutingProfileQueueReference struct {
	QueueID string
	Channel string
}

// RoutingProfileQueueSummary is a queue config of a routing profile with the
// name of its queue, as ListRoutingProfileQueues shows it.
type RoutingProfileQueueSummary struct {
	RoutingProfileQueueConfig
	QueueName string
}

// RoutingProfileManualQueueSummary is a manual assignment queue of a routing
// profile with the name of its queue.
type RoutingProfileManualQueueSummary struct {
	RoutingProfileQueueReference
	QueueName string
}

// Values of the model's AgentAvailabilityTimer enum.
const (
	AgentAvailabilityTimeSinceLastActivity = "TIME_SINCE_LAST_ACTIVITY"
	AgentAvailabilityTimeSinceLastInbound  = "TIME_SINCE_LAST_INBOUND"
)

// Values of the model's BehaviorType enum (MediaConcurrency.CrossChannelBehavior).
const (
	BehaviorRouteCurrentChannelOnly = "ROUTE_CURRENT_CHANNEL_ONLY"
	BehaviorRouteAnyChannel         = "ROUTE_ANY_CHANNEL"
)

// InUseByUser is the ResourceType of the KindResourceInUse error of a
// security or routing profile delete: a user still has the profile. It is a
// value of the model's ResourceType enum.
const InUseByUser = "USER"

// EffectiveAgentAvailabilityTimer returns p's timer, or the default when it
// was never set.
func (p *RoutingProfile) EffectiveAgentAvailabilityTimer() string {
	if p.AgentAvailabilityTimer == "" {
		return AgentAvailabilityTimeSinceLastActivity
	}
	return p.AgentAvailabilityTimer
}

// EffectiveCrossChannelBehavior returns m's behavior, or the default when it
// was never set.
func (m MediaConcurrency) EffectiveCrossChannelBehavior() string {
	if m.CrossChannelBehavior == "" {
		return BehaviorRouteCurrentChannelOnly
	}
	return m.CrossChannelBehavior
}

// AssociatedQueueIDs returns the ids of the queues of p's queue configs,
// each once, in their first order.
func (p *RoutingProfile) AssociatedQueueIDs() []string {
	ids := []string{}
	seen := map[string]bool{}
	for _, q := range p.QueueConfigs {
		if !seen[q.QueueID] {
			seen[q.QueueID] = true
			ids = append(ids, q.QueueID)
		}
	}
	return ids
}

// AssociatedManualAssignmentQueueIDs returns the ids of p's manual
// assignment queues, each once, in their first order.
func (p *RoutingProfile) AssociatedManualAssignmentQueueIDs() []string {
	ids := []string{}
	seen := map[string]bool{}
	for _, q := range p.ManualAssignmentQueues {
		if !seen[q.QueueID] {
			seen[q.QueueID] = true
			ids = append(ids, q.QueueID)
		}
	}
	return ids
}

// DefaultSecurityProfilePermissions returns the permissions AWS gives the
// default security profile of that name (Administrator Guide, "Default
// security profiles" and "List of security profile permissions"), or nil for
// another name. The slice is fresh on each call.
func DefaultSecurityProfilePermissions(name string) []string {
	var perms []string
	switch name {
	case "Admin":
		perms = adminPermissions
	case "Agent":
		perms = agentPermissions
	case "CallCenterManager":
		perms = callCenterManagerPermissions
	case "QualityAnalyst":
		perms = qualityAnalystPermissions
	}
	return append([]string(nil), perms...)
}

// The default profiles' permissions, sorted. Agent has the agent
// application and outbound calls; CallCenterManager manages users, routing
// and reports; QualityAnalyst reviews metrics and recordings; Admin "can
// perform all actions available".
var (
	agentPermissions = []string{"BasicAgentAccess", "OutboundCallAccess"}

	qualityAnalystPermissions = []string{
		"AccessMetrics", "AccessMetrics.HistoricalMetrics.Access", "AccessMetrics.RealTimeMetrics.Access",
		"ContactSearch.View", "ListenCallRecordings", "ManagerListenIn", "MetricsReports.View",
	}

	callCenterManagerPermissions = []string{
		"AccessMetrics", "AgentGrouping.View", "AgentStates.View", "AgentTimeCard.View",
		"ContactAttributes.View", "ContactFlows.View", "ContactSearch.View",
		"DeleteCallRecordings", "DownloadCallRecordings",
		"HoursOfOperation.Create", "HoursOfOperation.Edit", "HoursOfOperation.View",
		"ListenCallRecordings", "ManagerListenIn",
		"MetricsReports.Create", "MetricsReports.Delete", "MetricsReports.Edit", "MetricsReports.Publish",
		"MetricsReports.Schedule", "MetricsReports.View",
		"PhoneNumbers.Claim", "PhoneNumbers.Edit", "PhoneNumbers.View", "Prompts.View",
		"Queues.Edit", "Queues.View",
		"ReportSchedules.Create", "ReportSchedules.Delete", "ReportSchedules.Edit", "ReportSchedules.View",
		"RoutingPolicies.View", "SecurityProfiles.View", "TransferDestinations.View",
		"Users.Create", "Users.Edit", "Users.EnableAndDisable", "Users.View",
	}

	adminPermissions = []string{
		"AccessMetrics", "AccessMetrics.AgentActivityAudit.Access", "AccessMetrics.Dashboards.Access",
		"AccessMetrics.HistoricalMetrics.Access", "AccessMetrics.RealTimeMetrics.Access",
		"AgentGrouping.Create", "AgentGrouping.Edit", "AgentGrouping.EnableAndDisable", "AgentGrouping.View",
		"AgentStates.Create", "AgentStates.Edit", "AgentStates.EnableAndDisable", "AgentStates.View",
		"AgentTimeCard.View", "AudioDeviceSettings.Access", "BasicAgentAccess",
		"Bots.Create", "Bots.Edit", "Bots.View",
		"CallRecordings.Redacted.Access", "CallRecordings.Unredacted.Access",
		"ContactAttributes.View",
		"ContactFlowModules.Create", "ContactFlowModules.Delete", "ContactFlowModules.Edit",
		"ContactFlowModules.Publish", "ContactFlowModules.View",
		"ContactFlows.Create", "ContactFlows.Delete", "ContactFlows.Edit", "ContactFlows.Publish", "ContactFlows.View",
		"ContactSearch.View", "DeleteCallRecordings", "DownloadCallRecordings",
		"HistoricalChanges.View",
		"HoursOfOperation.Create", "HoursOfOperation.Delete", "HoursOfOperation.Edit", "HoursOfOperation.View",
		"ListenCallRecordings", "ManagerBargeIn", "ManagerListenIn",
		"MetricsReports.Create", "MetricsReports.Delete", "MetricsReports.Edit", "MetricsReports.Publish",
		"MetricsReports.Schedule", "MetricsReports.Share", "MetricsReports.View",
		"OutboundCallAccess",
		"PhoneNumbers.Claim", "PhoneNumbers.Edit", "PhoneNumbers.Release", "PhoneNumbers.View",
		"Prompts.Create", "Prompts.Delete", "Prompts.Edit", "Prompts.View",
		"Queues.Create", "Queues.Delete", "Queues.Edit", "Queues.EnableAndDisable", "Queues.View",
		"RedactedData.View",
		"ReportSchedules.Create", "ReportSchedules.Delete", "ReportSchedules.Edit", "ReportSchedules.View",
		"RoutingPolicies.Create", "RoutingPolicies.Delete", "RoutingPolicies.Edit", "RoutingPolicies.View",
		"Rules.Create", "Rules.Delete", "Rules.Edit", "Rules.View",
		"SecurityProfiles.Create", "SecurityProfiles.Delete", "SecurityProfiles.Edit", "SecurityProfiles.View",
		"TaskTemplates.Create", "TaskTemplates.Delete", "TaskTemplates.Edit", "TaskTemplates.View",
		"TransferDestinations.Create", "TransferDestinations.Delete", "TransferDestinations.Edit", "TransferDestinations.View",
		"UnredactedData.View",
		"Users.Create", "Users.Delete", "Users.Edit", "Users.EditPermission", "Users.EnableAndDisable", "Users.View",
		"Views.Create", "Views.Edit", "Views.Remove", "Views.View",
	}
)
