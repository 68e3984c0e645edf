package connectlite

import (
	"context"
	"time"
)

// PageRequest asks a store for one page of a listing in its stable order.
// After is the opaque cursor a previous page returned ("" for the first page).
type PageRequest struct {
	Limit int
	After string
}

// Store persists instances and their resources. Each method is atomic: it
// either applies completely or changes nothing. Methods return *Error values
// of the kinds their doc comments name; anything else is internal.
type Store interface {
	UserSearchStore        // store_search.go
	LifecycleStore         // store_lifecycle.go
	QueueStore             // store_queues.go
	ProfileStore           // store_profiles.go
	HierarchyInstanceStore // store_hierarchy.go
	UserSummaryStore       // store_user_summary.go
	// TokenKey returns the secret that signs pagination tokens, creating it
	// on first use. Every replica on the same database gets the same key.
	TokenKey(ctx context.Context) ([]byte, error)

	// CreateInstance inserts the instance and its default resources. It
	// returns KindInvalidRequest if the alias is taken in the account.
	CreateInstance(ctx context.Context, n *NewInstance) error
	// Instance returns KindNotFound if there is no instance with that id.
	Instance(ctx context.Context, id string) (*Instance, error)
	// ListInstances lists the instances of a region, ordered by id.
	ListInstances(ctx context.Context, region string, p PageRequest) (items []Instance, next string, err error)
	// DeleteInstance deletes the instance and everything in it. It returns
	// KindNotFound if there is no instance with that id.
	DeleteInstance(ctx context.Context, id string) error

	// ListSecurityProfiles lists an instance's security profiles, ordered by
	// id. It returns KindNotFound if the instance does not exist.
	ListSecurityProfiles(ctx context.Context, instanceID string, p PageRequest) ([]SecurityProfile, string, error)
	// ListRoutingProfiles lists an instance's routing profiles, ordered by
	// id. It returns KindNotFound if the instance does not exist.
	ListRoutingProfiles(ctx context.Context, instanceID string, p PageRequest) ([]RoutingProfile, string, error)

	// CreateUser inserts u with the given password hash ("" for none). It
	// returns KindNotFound if the instance does not exist, KindDuplicate if
	// the username (compared case-insensitively) is taken in the instance,
	// and KindInvalidParameter if a security profile, the routing profile or
	// the hierarchy group does not exist in the instance.
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	// User returns KindNotFound if the instance has no user with that id.
	User(ctx context.Context, instanceID, userID string) (*User, error)
	// UpdateUser reads the user, applies mutate and writes the result in one
	// transaction, checking references and username uniqueness as
	// CreateUser does. It returns KindNotFound if there is no such user and
	// whatever error mutate returns, changing nothing in either case.
	UpdateUser(ctx context.Context, instanceID, userID string, mutate func(*User) error) (*User, error)
	// ListUsers lists an instance's users ordered by id. It returns
	// KindNotFound if the instance does not exist.
	ListUsers(ctx context.Context, instanceID string, p PageRequest) ([]User, string, error)

	// Close releases the store's resources; in-flight calls finish first.
	Close() error
}

// PasswordHasher turns a password into a salted slow hash.
type PasswordHasher interface {
	// Hash returns the encoded hash of password. It may return KindThrottled
	// when too many hashes are already being computed.
	Hash(ctx context.Context, password string) (string, error)
}

// Clock returns the current time; tests inject a fixed one.
type Clock func() time.Time
