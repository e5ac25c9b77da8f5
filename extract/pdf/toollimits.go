package pdf

import (
	"context"
	"os/exec"
	"strconv"
	"sync"

	"github.com/medchron/medchron/internal/procattr"
)

// toolLimits wraps the poppler programs this process starts in util-linux's
// prlimit when LimitTools set limits.
var toolLimits struct {
	sync.RWMutex
	prlimit string
	args    []string
}

// LimitTools runs every poppler program this process starts (pdftotext,
// pdftoppm, pdfimages, pdfinfo) with at most memBytes of address space and
// cpuSeconds of CPU, through util-linux's prlimit (part of every Debian
// system). Without prlimit on PATH the programs run unlimited and it
// returns false. Processes that already run under limits (the sandbox's
// reader processes) need not call it: their programs inherit them.
func LimitTools(memBytes uint64, cpuSeconds int) bool {
	bin, err := exec.LookPath("prlimit")
	toolLimits.Lock()
	defer toolLimits.Unlock()
	if err != nil {
		toolLimits.prlimit = ""
		return false
	}
	toolLimits.prlimit = bin
	toolLimits.args = []string{"--as=" + strconv.FormatUint(memBytes, 10), "--cpu=" + strconv.Itoa(cpuSeconds), "--"}
	return true
}

// toolCommand is exec.CommandContext for a poppler program, under the
// limits LimitTools set.
// A program dies with the process that started it.
func toolCommand(ctx context.Context, bin string, args ...string) *exec.Cmd {
	toolLimits.RLock()
	defer toolLimits.RUnlock()
	var cmd *exec.Cmd
	if toolLimits.prlimit == "" {
		cmd = exec.CommandContext(ctx, bin, args...)
	} else {
		all := append(append(append([]string{}, toolLimits.args...), bin), args...)
		cmd = exec.CommandContext(ctx, toolLimits.prlimit, all...)
	}
	procattr.DieWithParent(cmd)
	return cmd
}
