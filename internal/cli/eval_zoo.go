package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture/zoo"
)

// familyRegistry loads the zoo registry at path, or at zoo.RegistryFile
// when path is empty and that file exists; nil when there is none.
func familyRegistry(path string) (map[string]eval.FamilyInfo, error) {
	if path == "" {
		if _, err := os.Stat(zoo.RegistryFile); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		path = zoo.RegistryFile
	}
	reg, err := zoo.LoadRegistry(path)
	if err != nil {
		return nil, fmt.Errorf("--registry: %w", err)
	}
	out := map[string]eval.FamilyInfo{}
	for _, f := range reg.Families {
		out[f.Name] = eval.FamilyInfo{Group: f.Group, Batch: f.Batch, Status: f.Status}
	}
	return out, nil
}

// writeZoo prints the runs of zoo matters: one summary row per file, the
// development / held-out table, the per-family table and, when asked, the
// held-out record rows.
func writeZoo(env *Env, f evalFlags, runs []eval.Run, scored []eval.ZooRun, reg map[string]eval.FamilyInfo) {
	w := env.Stdout
	eval.WriteRunSummary(w, runs)
	fmt.Fprintf(w, "\n### Layout families\n\n")
	eval.WriteZoo(w, scored, reg, nil)
	if f.heldoutRecord == "" {
		return
	}
	extractor := f.extractor
	if extractor == "" && len(runs) > 0 {
		extractor = runs[0].Extractor
	}
	fmt.Fprintf(w, "\n### Held-out record rows\n\n%s\n|%s\n", eval.HeldOutHeader, repeatCells(13))
	if eval.WriteHeldOutRecord(w, scored, reg, time.Now().UTC().Format("2006-01-02"), f.heldoutRecord, extractor) == 0 {
		fmt.Fprintln(w, "\n(no held-out family was measured)")
	}
}

func repeatCells(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "---|"
	}
	return s
}
