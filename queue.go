package connectlite

// Queue statuses of the model's QueueStatus enum.
const (
	QueueStatusEnabled  = "ENABLED"
	QueueStatusDisabled = "DISABLED"
)

// Queue types of the model's QueueType enum. connectlite holds standard
// queues only: the per-agent queues AWS keeps for every user are not
// modelled, so a listing of AGENT queues is empty.
const (
	QueueTypeStandard = "STANDARD"
	QueueTypeAgent    = "AGENT"
)

// HoursOfOperationDays are the days of the model's HoursOfOperationDays
// enum, in the order AWS lists a week.
var HoursOfOperationDays = []string{"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}

// The ResourceType of a KindResourceInUse error that a queue or hours of
// operation delete returns: the kind of resource that still holds a
// reference. The model's ResourceType enum has no value for either, so these
// follow its spelling; SDKs pass unknown enum values through.
const (
	InUseByQueue          = "QUEUE"
	InUseByRoutingProfile = "ROUTING_PROFILE"
)

// OutboundCallerConfig is the caller id and whisper flow of a queue's
// outbound calls. An empty member is not set. connectlite has no phone
// numbers or flows, so the ids are kept as given.
type OutboundCallerConfig struct {
	OutboundCallerIDName     string
	OutboundCallerIDNumberID string
	OutboundFlowID           string
}

// IsZero reports whether no member is set.
func (c OutboundCallerConfig) IsZero() bool { return c == OutboundCallerConfig{} }

// OutboundEmailConfig is the address a queue's outbound emails come from. An
// empty member is not set; connectlite has no email addresses, so the id is
// kept as given.
type OutboundEmailConfig struct {
	OutboundEmailAddressID string
}

// IsZero reports whether no member is set.
func (c OutboundEmailConfig) IsZero() bool { return c == OutboundEmailConfig{} }
