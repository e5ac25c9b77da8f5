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
