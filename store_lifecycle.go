package connectlite

import (
	"context"
	"time"
)

// LifecycleStore is the part of Store that user deletion and tagging need.
type LifecycleStore interface {
	UserLifecycleStore
	TagStore
}

// UserLifecycleStore deletes users. The updates of a user go through
// Store.UpdateUser.
type UserLifecycleStore interface {
	// DeleteUser deletes the user together with its security profile
	// assignments and tags; its username is free again afterwards. It
	// returns KindNotFound if the instance has no user with that id.
	DeleteUser(ctx context.Context, instanceID, userID string) error
}

// TagStore reads and changes the tags of every taggable resource: the
// instance itself and the resources in it, named by a ResourceRef whose
// Type is one of TaggableTypes.
type TagStore interface {
	// Tags returns the resource's tags, nil when it has none. It returns
	// KindNotFound if the instance has no such resource and
	// KindInvalidParameter if ref.Type is not taggable.
	Tags(ctx context.Context, ref ResourceRef) (map[string]string, error)
	// UpdateTags reads the resource's tags, lets mutate change them (it
	// gets a non-nil map it may modify in place) and stores the result in
	// one transaction. Where the resource has a LastModifiedTime and
	// LastModifiedRegion (every type but the instance), they become at and
	// region. It returns KindNotFound if there is no such resource,
	// KindInvalidParameter if ref.Type is not taggable, and whatever mutate
	// returns, changing nothing in those cases. mutate may run more than
	// once (a store may retry the transaction) and must not call the store.
	UpdateTags(ctx context.Context, ref ResourceRef, at time.Time, region string, mutate func(tags map[string]string) error) error
}
