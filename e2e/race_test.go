//go:build race

package e2e

// raceEnabled makes TestMain build the server with the race detector when the
// tests themselves run with -race.
const raceEnabled = true
