// Package cli is connectlite's command line: one file per subcommand.
// cmd/connectlite calls Run; tests call it directly.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"text/tabwriter"

	"github.com/connectlite/connectlite/internal/awscli"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order help shows them.
func commands() []command {
	return []command{
		{"serve", "run the Amazon Connect API emulator", runServe},
		{"bench", "benchmark a server against the reference ceiling", runBench},
		// The aws-CLI-compatible `connect` commands and `bench` join here,
		// each in a file of its own (connect.go, bench.go).
		{"version", "print the version", runVersion},
		{"help", "show this help", runHelp},
	}
}

// ErrUsage is returned when the command line names no known command.
var ErrUsage = errors.New("usage error")

// Run runs the command line args (without the program name), writing
// results to stdout and diagnostics to stderr. It returns when the command
// is done; serve returns when ctx is cancelled and the server has stopped.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return ErrUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, rest, stdout, stderr)
		}
	}
	return awscli.Run(ctx, args, stdout, stderr) // aws-CLI-compatible operations: create-user, list-users, ...
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "connectlite: an Amazon Connect user-management API emulator")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: connectlite <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'connectlite <command> -h' for the flags of a command.")
}

// runHelp prints the subcommands and then, rendered from the model, the
// aws-CLI-compatible operations; `help OPERATION` prints that operation's page.
func runHelp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return awscli.Help(ctx, args, stdout, stderr)
	}
	usage(stdout)
	fmt.Fprintln(stdout)
	return awscli.Help(ctx, nil, stdout, stderr)
}

// Version returns the module version the binary was built from, or "dev".
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func runVersion(_ context.Context, _ []string, stdout, _ io.Writer) error {
	_, err := fmt.Fprintln(stdout, "connectlite", Version())
	return err
}
