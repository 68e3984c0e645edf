package connectlite

import "time"

// SecurityProfile is a named set of permissions assigned to users.
type SecurityProfile struct {
	InstanceID         string
	ID                 string
	Name               string
	Description        string
	Permissions        []string
	Tags               map[string]string
	LastModifiedTime   time.Time
	LastModifiedRegion string

	// Access restrictions and what AI agents may use (profile.go); empty
	// members are not set.
	AllowedAccessControlTags             map[string]string
	TagRestrictedResources               []string
	HierarchyRestrictedResources         []string
	AllowedAccessControlHierarchyGroupID string
	Applications                         []Application
	AllowedFlowModules                   []FlowModule
	DataTablePrimaryAttributeValues      []PrimaryAttributeValue
}

// MediaConcurrency is how many contacts of a channel an agent handles at once.
type MediaConcurrency struct {
	Channel     string
	Concurrency int32
	// CrossChannelBehavior is a BehaviorType; "" is the default,
	// ROUTE_CURRENT_CHANNEL_ONLY.
	CrossChannelBehavior string
}

// RoutingProfileQueueConfig places a queue in a routing profile for a channel.
type RoutingProfileQueueConfig struct {
	QueueID  string
	Channel  string
	Priority int32
	Delay    int32
}

// RoutingProfile decides which contacts reach a user.
type RoutingProfile struct {
	InstanceID             string
	ID                     string
	Name                   string
	Description            string
	DefaultOutboundQueueID string
	MediaConcurrencies     []MediaConcurrency
	QueueConfigs           []RoutingProfileQueueConfig
	Tags                   map[string]string
	LastModifiedTime       time.Time
	LastModifiedRegion     string

	// AgentAvailabilityTimer is "" for the default, TIME_SINCE_LAST_ACTIVITY.
	AgentAvailabilityTimer string
	// ManualAssignmentQueues are the queues agents pick contacts from.
	ManualAssignmentQueues []RoutingProfileQueueReference
	// IsDefault marks the routing profile of a new instance.
	IsDefault bool
	// AssociatedUsers is the number of users of the profile, counted by
	// Store.RoutingProfile only; it is not stored.
	AssociatedUsers int64
}

// Queue holds contacts waiting for an agent.
type Queue struct {
	InstanceID         string
	ID                 string
	Name               string
	Description        string
	HoursOfOperationID string
	MaxContacts        int32
	Status             string
	QueueType          string
	Tags               map[string]string
	LastModifiedTime   time.Time
	LastModifiedRegion string

	// The outbound settings; zero values are not set.
	OutboundCallerConfig OutboundCallerConfig
	OutboundEmailConfig  OutboundEmailConfig
}

// HoursOfOperationConfig is the opening time of one day; a zero start and end
// mean open all day.
type HoursOfOperationConfig struct {
	Day                      string
	StartHours, StartMinutes int32
	EndHours, EndMinutes     int32
}

// HoursOfOperation says when a queue is open.
type HoursOfOperation struct {
	InstanceID         string
	ID                 string
	Name               string
	Description        string
	TimeZone           string
	Config             []HoursOfOperationConfig
	Tags               map[string]string
	LastModifiedTime   time.Time
	LastModifiedRegion string
}

// HierarchyGroup is a node of the instance's agent hierarchy.
type HierarchyGroup struct {
	InstanceID         string
	ID                 string
	Name               string
	ParentGroupID      string
	LevelID            string
	Tags               map[string]string
	LastModifiedTime   time.Time
	LastModifiedRegion string
}
