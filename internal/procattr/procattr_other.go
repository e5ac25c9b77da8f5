//go:build !linux

package procattr

import "os/exec"

// DieWithParent does nothing where the system offers no parent-death
// signal.
func DieWithParent(cmd *exec.Cmd) {}
