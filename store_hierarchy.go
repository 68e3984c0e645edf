package connectlite

import "context"

// HierarchyInstanceStore is the part of Store that the agent hierarchy,
// the instance attributes and idempotent instance creation need.
type HierarchyInstanceStore interface {
	HierarchyStore
	InstanceAttributeStore
}

// HierarchyStore persists the hierarchy structure (levels) and hierarchy
// groups of instances. A group is at the level below its parent's (level
// one without a parent) and keeps, besides its parent, the path of group
// ids from level one down to itself ('/'-joined), which SearchUsers'
// WITH_CHILD_GROUPS matches by prefix. Group names are unique per instance
// and level, compared case-insensitively.
type HierarchyStore interface {
	// HierarchyStructure returns the instance's levels in level order,
	// none if it has no hierarchy. It returns KindNotFound if the instance
	// does not exist.
	HierarchyStructure(ctx context.Context, instanceID string) ([]HierarchyLevel, error)
	// UpdateHierarchyStructure reads the levels, lets mutate return the new
	// ones (level i+1 at index i; it must not modify its argument) and
	// stores them in one transaction. A level missing from the result is
	// removed: if a group is at it, UpdateHierarchyStructure returns
	// KindResourceInUse (HierarchyLevelInUse) and changes nothing. It
	// returns KindNotFound if the instance does not exist and whatever
	// mutate returns, changing nothing. mutate may run more than once and
	// must not call the store.
	UpdateHierarchyStructure(ctx context.Context, instanceID string, mutate func(cur []HierarchyLevel) ([]HierarchyLevel, error)) ([]HierarchyLevel, error)

	// CreateHierarchyGroup inserts g at the level below its parent (level
	// one if g.ParentGroupID is ""), setting g.LevelID. It returns
	// KindNotFound if the instance does not exist, KindInvalidParameter
	// (UnknownParentGroup) if the parent is not a group of the instance,
	// KindInvalidRequest (HierarchyLevelNotDefined) if the structure has no
	// such level and KindDuplicate if a group at that level has the name.
	CreateHierarchyGroup(ctx context.Context, g *HierarchyGroup) error
	// HierarchyGroup returns the group and its path: the groups from level
	// one down to it, itself last. It returns KindNotFound
	// (HierarchyGroupNotFound) if the instance has no such group.
	HierarchyGroup(ctx context.Context, instanceID, id string) (g *HierarchyGroup, path []HierarchyGroup, err error)
	// ListHierarchyGroups lists an instance's groups ordered by id. It
	// returns KindNotFound if the instance does not exist.
	ListHierarchyGroups(ctx context.Context, instanceID string, p PageRequest) ([]HierarchyGroup, string, error)
	// UpdateHierarchyGroup reads the group, applies mutate and writes the
	// result in one transaction. Only the name, tags and last-modified
	// members can change. It returns KindNotFound if there is no such
	// group, KindDuplicate if the new name is taken at the group's level,
	// and whatever mutate returns, changing nothing in these cases. mutate
	// may run more than once and must not call the store.
	UpdateHierarchyGroup(ctx context.Context, instanceID, id string, mutate func(*HierarchyGroup) error) (*HierarchyGroup, error)
	// DeleteHierarchyGroup deletes the group. It returns KindNotFound if
	// there is no such group and KindResourceInUse if a group is its child
	// (HierarchyGroupHasChildren), a user is in it (HierarchyGroupHasUsers)
	// or a security profile names it (HierarchyGroupUsedBySecurityProfile).
	DeleteHierarchyGroup(ctx context.Context, instanceID, id string) error
}

// InstanceAttributeStore persists the attributes of instances and creates
// instances idempotently.
type InstanceAttributeStore interface {
	// InstanceAttributes returns the attribute values stored for the
	// instance by type; attributes never updated are absent, and
	// INBOUND_CALLS and OUTBOUND_CALLS are the instance's own columns,
	// never in the map. It returns KindNotFound if the instance does not
	// exist.
	InstanceAttributes(ctx context.Context, instanceID string) (map[string]string, error)
	// UpdateInstanceAttribute sets attribute typ of the instance to value.
	// INBOUND_CALLS and OUTBOUND_CALLS ("true" or "false") set the
	// instance's InboundCallsEnabled and OutboundCallsEnabled. It returns
	// KindNotFound if the instance does not exist.
	UpdateInstanceAttribute(ctx context.Context, instanceID, typ, value string) error
	// CreateInstanceWithToken creates n as CreateInstance does, recording
	// fingerprint with it, unless the account already has an instance in
	// n.Instance.Region created with the same non-empty ClientToken: then
	// it changes nothing and returns that instance and the fingerprint it
	// was created with ("" for an instance created before fingerprints
	// were kept). Concurrent calls with one token create one instance.
	CreateInstanceWithToken(ctx context.Context, n *NewInstance, fingerprint string) (existing *Instance, existingFingerprint string, err error)
}
