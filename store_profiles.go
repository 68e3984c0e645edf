package connectlite

import "context"

// ProfileStore persists the security profiles and routing profiles of
// instances. Names are unique per instance and per resource type, compared
// exactly. Users reference both kinds of profile, so a profile a user has
// cannot be deleted; a routing profile references queues (its default
// outbound queue, its queue configs and its manual assignment queues) and a
// security profile may reference a hierarchy group
// (AllowedAccessControlHierarchyGroupID).
type ProfileStore interface {
	// CreateSecurityProfile inserts p. It returns KindNotFound if the
	// instance does not exist, KindDuplicate if the instance has a security
	// profile of that name, and KindInvalidParameter if the hierarchy group
	// p names does not exist in the instance.
	CreateSecurityProfile(ctx context.Context, p *SecurityProfile) error
	// SecurityProfile returns KindNotFound if the instance has no security
	// profile with that id.
	SecurityProfile(ctx context.Context, instanceID, id string) (*SecurityProfile, error)
	// UpdateSecurityProfile reads the security profile, applies mutate and
	// writes the result in one transaction, checking the name and the
	// hierarchy group as CreateSecurityProfile does. It returns KindNotFound
	// if there is no such profile and whatever error mutate returns,
	// changing nothing in any error case. mutate cannot change the instance
	// or id, must not call the store and may run more than once.
	UpdateSecurityProfile(ctx context.Context, instanceID, id string, mutate func(*SecurityProfile) error) (*SecurityProfile, error)
	// DeleteSecurityProfile deletes the security profile. It returns
	// KindNotFound if there is none with that id and KindResourceInUse
	// (ResourceType InUseByUser, ResourceID the user's id) if a user has
	// it.
	DeleteSecurityProfile(ctx context.Context, instanceID, id string) error

	// CreateRoutingProfile inserts p with its queue configs and manual
	// assignment queues. It returns KindNotFound if the instance does not
	// exist, KindDuplicate if the instance has a routing profile of that
	// name and KindInvalidParameter naming the first queue (the default
	// outbound queue, then those of the queue configs, then the manual
	// assignment queues) that does not exist in the instance.
	CreateRoutingProfile(ctx context.Context, p *RoutingProfile) error
	// RoutingProfile returns the routing profile with its queue configs and
	// manual assignment queues in their order, and AssociatedUsers set. It
	// returns KindNotFound if the instance has no routing profile with that
	// id.
	RoutingProfile(ctx context.Context, instanceID, id string) (*RoutingProfile, error)
	// UpdateRoutingProfile reads the routing profile (as RoutingProfile
	// does), applies mutate and writes the result, queue lists included, in
	// one transaction, checking the name and the queues as
	// CreateRoutingProfile does. It returns KindNotFound if there is no such
	// profile and whatever error mutate returns, changing nothing in any
	// error case. mutate cannot change the instance, id or IsDefault, must
	// not call the store and may run more than once.
	UpdateRoutingProfile(ctx context.Context, instanceID, id string, mutate func(*RoutingProfile) error) (*RoutingProfile, error)
	// DeleteRoutingProfile deletes the routing profile with its queue
	// lists. It returns KindNotFound if there is none with that id and
	// KindResourceInUse (ResourceType InUseByUser, ResourceID the user's
	// id) if a user has it.
	DeleteRoutingProfile(ctx context.Context, instanceID, id string) error
	// ListRoutingProfileQueues lists the queue configs of a routing
	// profile with their queues' names, ordered by queue id then channel.
	// It returns KindNotFound if the instance has no routing profile with
	// that id.
	ListRoutingProfileQueues(ctx context.Context, instanceID, id string, p PageRequest) ([]RoutingProfileQueueSummary, string, error)
	// ListRoutingProfileManualAssignmentQueues lists the manual assignment
	// queues of a routing profile with their queues' names, ordered by
	// queue id then channel. It returns KindNotFound if the instance has no
	// routing profile with that id.
	ListRoutingProfileManualAssignmentQueues(ctx context.Context, instanceID, id string, p PageRequest) ([]RoutingProfileManualQueueSummary, string, error)
}
