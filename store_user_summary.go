package connectlite

import (
	"context"
	"time"
)

// UserSummary is what ListUsers returns of a user: the columns a listing
// needs, without the user's configuration, profiles or tags.
type UserSummary struct {
	ID                 string
	ARN                string // empty from a Store; the Service fills it
	Username           string
	LastModifiedTime   time.Time
	LastModifiedRegion string
}

// UserSummaryStore lists users without loading them whole.
type UserSummaryStore interface {
	// ListUserSummaries lists an instance's users ordered by id, in the same
	// pages and with the same cursors as ListUsers, reading only the
	// columns of UserSummary. It returns KindNotFound if the instance does
	// not exist.
	ListUserSummaries(ctx context.Context, instanceID string, p PageRequest) ([]UserSummary, string, error)
}
