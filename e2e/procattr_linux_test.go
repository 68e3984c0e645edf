package e2e

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes the kernel kill a server when the test process dies
// without stopping it (a -timeout panic, a SIGKILL), so that no orphaned
// connectlite keeps running after a broken test run.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
