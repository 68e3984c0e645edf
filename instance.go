package connectlite

import (
	"fmt"
	"time"
)

// IdentityManagementType says how an instance authenticates its users.
type IdentityManagementType string

// The identity management types of the model's DirectoryType enum.
const (
	IdentitySAML              IdentityManagementType = "SAML"
	IdentityConnectManaged    IdentityManagementType = "CONNECT_MANAGED"
	IdentityExistingDirectory IdentityManagementType = "EXISTING_DIRECTORY"
)

// InstanceStatusActive is the status of every instance connectlite holds:
// creation completes at once.
const InstanceStatusActive = "ACTIVE"

// Instance is an Amazon Connect instance.
type Instance struct {
	ID                     string
	AccountID              string
	Region                 string // where it was created; part of every ARN under it
	IdentityManagementType IdentityManagementType
	Alias                  string
	DirectoryID            string
	InboundCallsEnabled    bool
	OutboundCallsEnabled   bool
	Status                 string
	CreatedTime            time.Time
	ClientToken            string
	Tags                   map[string]string
}

// ARN returns the instance's Amazon Resource Name.
func (i *Instance) ARN() string {
	return fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", i.Region, i.AccountID, i.ID)
}

// ResourceARN returns the ARN of a resource of the instance, for example
// ResourceARN("agent", userID).
func (i *Instance) ResourceARN(kind, id string) string {
	return i.ARN() + "/" + kind + "/" + id
}

// AccessURL returns the address of the instance's admin website.
func (i *Instance) AccessURL() string {
	if i.Alias == "" {
		return ""
	}
	return "https://" + i.Alias + ".my.connect.aws/"
}

// The ARN resource types of an instance's resources.
const (
	ARNAgent            = "agent"
	ARNSecurityProfile  = "security-profile"
	ARNRoutingProfile   = "routing-profile"
	ARNQueue            = "queue"
	ARNHoursOfOperation = "operating-hours"
	ARNHierarchyGroup   = "agent-group"
)

// NewInstance is what CreateInstance persists in one transaction: the
// instance and the resources AWS puts in every new instance.
type NewInstance struct {
	Instance          Instance
	SecurityProfiles  []SecurityProfile
	RoutingProfiles   []RoutingProfile
	Queues            []Queue
	HoursOfOperations []HoursOfOperation
}

// The names of the resources of a new instance (Administrator Guide).
const (
	DefaultRoutingProfileName = "Basic Routing Profile"
	DefaultQueueName          = "BasicQueue"
	DefaultHoursName          = "Basic Hours"
)

// DefaultSecurityProfileNames are the security profiles of a new instance.
var DefaultSecurityProfileNames = []string{"Admin", "Agent", "CallCenterManager", "QualityAnalyst"}

// IDs supplies fixed identifiers for the default resources of an instance;
// empty fields get a fresh id. The demo fixture uses it to reproduce the
// identifiers of the documentation's examples.
type IDs struct {
	Instance         string
	SecurityProfiles map[string]string // by name
	RoutingProfile   string
	Queue            string
	Hours            string
}

// BuildNewInstance returns inst together with its default resources, taking
// identifiers from ids where given and from newID otherwise.
func BuildNewInstance(inst Instance, ids IDs, newID func() string) *NewInstance {
	pick := func(s string) string {
		if s != "" {
			return s
		}
		return newID()
	}
	inst.ID = pick(ids.Instance)
	if inst.Status == "" {
		inst.Status = InstanceStatusActive
	}
	now, region := inst.CreatedTime, inst.Region
	n := &NewInstance{Instance: inst}
	for _, name := range DefaultSecurityProfileNames {
		n.SecurityProfiles = append(n.SecurityProfiles, SecurityProfile{
			InstanceID: inst.ID, ID: pick(ids.SecurityProfiles[name]), Name: name,
			Description:      "Default " + name + " security profile",
			Permissions:      DefaultSecurityProfilePermissions(name),
			LastModifiedTime: now, LastModifiedRegion: region,
		})
	}
	hours := HoursOfOperation{
		InstanceID: inst.ID, ID: pick(ids.Hours), Name: DefaultHoursName,
		Description: "Basic hours of operation", TimeZone: "America/New_York",
		LastModifiedTime: now, LastModifiedRegion: region,
	}
	for _, day := range []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"} {
		hours.Config = append(hours.Config, HoursOfOperationConfig{Day: day})
	}
	n.HoursOfOperations = []HoursOfOperation{hours}
	queue := Queue{
		InstanceID: inst.ID, ID: pick(ids.Queue), Name: DefaultQueueName,
		Description: "Default queue", HoursOfOperationID: hours.ID, Status: "ENABLED",
		QueueType: "STANDARD", LastModifiedTime: now, LastModifiedRegion: region,
	}
	n.Queues = []Queue{queue}
	n.RoutingProfiles = []RoutingProfile{{
		InstanceID: inst.ID, ID: pick(ids.RoutingProfile), Name: DefaultRoutingProfileName,
		Description: "Default routing profile", DefaultOutboundQueueID: queue.ID, IsDefault: true,
		MediaConcurrencies: []MediaConcurrency{
			{Channel: "VOICE", Concurrency: 1},
			{Channel: "CHAT", Concurrency: 2},
			{Channel: "TASK", Concurrency: 10},
		},
		QueueConfigs: []RoutingProfileQueueConfig{
			{QueueID: queue.ID, Channel: "VOICE", Priority: 1, Delay: 0},
			{QueueID: queue.ID, Channel: "CHAT", Priority: 1, Delay: 0},
			{QueueID: queue.ID, Channel: "TASK", Priority: 1, Delay: 0},
		},
		LastModifiedTime: now, LastModifiedRegion: region,
	}}
	return n
}
