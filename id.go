package connectlite

import "github.com/google/uuid"

// NewID returns a fresh resource id: a lowercase RFC 9562 UUID of version
// 7, whose leading 48 bits are the creation time in milliseconds and whose
// remaining bits are monotonic within the process and random. The format is
// that of Amazon Connect's ids (8-4-4-4-12 hex digits); AWS's are of version
// 4, which no client or SDK looks at. Time order is what makes a million
// CreateUser calls cheap: every index keyed by id grows at its right edge
// instead of dirtying a random page per insert (issue 6 measured 2,800
// against 13,600 creates/s at 100,000 users).
func NewID() string {
	// NewV7 fails only if the system's random source does, which since
	// Go 1.24 ends the program inside crypto/rand instead.
	return uuid.Must(uuid.NewV7()).String()
}
