//go:build unix

package bench

import "syscall"

// settle flushes the machine's dirty file pages to the disks, so that what
// one benchmarked server wrote does not slow the fsyncs of the next.
func settle() { syscall.Sync() }
