package cli

import (
	"fmt"
	"os"

	"github.com/medchron/medchron/demand"
)

// readDemandInputs reads the --demand-inputs file (demand.Inputs as JSON);
// no file gives no inputs, so the letter keeps its placeholders. An error
// names the file, never its contents.
func readDemandInputs(path string) (demand.Inputs, error) {
	if path == "" {
		return demand.Inputs{}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return demand.Inputs{}, fmt.Errorf("--demand-inputs: %w", err)
	}
	defer f.Close()
	in, err := demand.ReadInputs(f)
	if err != nil {
		return in, fmt.Errorf("--demand-inputs %s: %w", path, err)
	}
	return in, nil
}
