package awscli

import "github.com/connectlite/connectlite/internal/httpapi"

// supportedOperations lists the API operations the command line offers:
// exactly the ones the server serves, read from its own table, so an
// operation added to the server gets its command with nothing to change
// here. Everything else about a command (options, types, help, request
// and response shapes) comes from the model.
func supportedOperations() []string {
	return (&httpapi.Server{}).Operations()
}
