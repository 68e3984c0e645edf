// Command connectlite is an emulator of the Amazon Connect user-management
// API. Run `connectlite help` for its commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/connectlite/connectlite/internal/cli"
)

// exitCoder is an error that has reported itself already and carries the
// process's exit status (the aws-CLI-compatible commands return one).
type exitCoder interface {
	error
	ExitCode() int
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err == nil {
		return
	}
	if ec, ok := errors.AsType[exitCoder](err); ok {
		os.Exit(ec.ExitCode())
	}
	// A bare usage error has printed the usage already.
	if err != cli.ErrUsage {
		fmt.Fprintln(os.Stderr, "connectlite:", err)
	}
	os.Exit(1)
}
