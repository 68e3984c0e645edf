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
}

// MediaConcurrency is how many contacts of a channel an agent handles at once.
type MediaConcurrency struct {
	Channel     string
	Concurrency int32
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
