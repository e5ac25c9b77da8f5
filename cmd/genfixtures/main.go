// Command genfixtures regenerates medchron's test fixtures: the committed
// small record bundle (testdata/bundles/small) and the bad inputs
// (testdata/bad). With -bench-pages it writes a larger bundle, for
// benchmarks, into -bench-out instead.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/medchron/medchron/internal/fixture"
)

func main() {
	out := flag.String("out", "testdata", "testdata directory to write the small bundle and bad inputs into")
	benchPages := flag.Int("bench-pages", 0, "write a bench bundle of this many pages instead")
	benchOut := flag.String("bench-out", "", "directory for the bench bundle (required with -bench-pages)")
	encodings := flag.String("encodings", "", "with -bench-pages: write the scanned bundle in these encodings instead (comma-separated: "+encodingNames()+", tiff-g4, tiff-jpeg, mixed)")
	flag.Parse()
	if *encodings != "" {
		if err := runEncodings(context.Background(), *benchPages, *benchOut, *encodings); err != nil {
			fmt.Fprintln(os.Stderr, "genfixtures:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(context.Background(), *out, *benchPages, *benchOut); err != nil {
		fmt.Fprintln(os.Stderr, "genfixtures:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out string, benchPages int, benchOut string) error {
	start := time.Now()
	if benchPages > 0 {
		if benchOut == "" {
			return fmt.Errorf("-bench-out is required with -bench-pages")
		}
		t, err := fixture.WriteBundle(ctx, benchOut, fixture.Bench(benchPages))
		if err != nil {
			return err
		}
		fmt.Printf("bench bundle: %d pages in %s (%s)\n", t.Pages, benchOut, time.Since(start).Round(time.Millisecond))
		return nil
	}
	dir := filepath.Join(out, "bundles", "small")
	t, err := fixture.WriteBundle(ctx, dir, fixture.Small())
	if err != nil {
		return err
	}
	if err := fixture.WriteBadInputs(ctx, filepath.Join(out, "bad")); err != nil {
		return err
	}
	fmt.Printf("small bundle: %d pages in %s; bad inputs in %s (%s)\n", t.Pages, dir, filepath.Join(out, "bad"), time.Since(start).Round(time.Millisecond))
	return nil
}
