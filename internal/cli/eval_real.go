package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/medchron/medchron/internal/realdocs"
)

// runEvalReal runs the hand-labelled real documents (testdata/real, read
// from the shared data folder) through the pipeline and prints the figures.
func runEvalReal(ctx context.Context, env *Env, f evalFlags) error {
	if f.db != "" || f.out != "" {
		return errors.New("--db and --out do not apply to --real")
	}
	if f.extractor == "oracle" {
		// The real documents are labelled by hand, not with the facts an
		// oracle answers with: there is nothing to measure.
		fmt.Fprintln(env.Stdout, "Not measured with --extractor oracle: the real documents have hand labels, not the true facts an oracle answers with.")
		return nil
	}
	rep, err := realdocs.Run(ctx, realdocs.Options{TruthDir: cmp.Or(f.truth, filepath.Join("testdata", "real")),
		DataDir: f.data, Extractor: f.extractor, Workers: f.workers, Logger: env.Log})
	if err != nil {
		return err
	}
	realdocs.WriteMarkdown(env.Stdout, rep)
	for _, err := range rep.Failures() {
		fmt.Fprintln(env.Stderr, err)
	}
	if len(rep.Failures()) > 0 {
		return exitError{1}
	}
	return nil
}
