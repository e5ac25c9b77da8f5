// Command genfixtures regenerates medchron's test fixtures: the committed
// small record bundle (testdata/bundles/small) and the bad inputs
// (testdata/bad). With -bench-pages it writes a larger bundle, for
// benchmarks, into -bench-out instead. With -zoo it writes matters composed
// from the layout families of internal/fixture/zoo into -zoo-out.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/fixture/zoo"
)

func main() {
	out := flag.String("out", "testdata", "testdata directory to write the small bundle and bad inputs into")
	benchPages := flag.Int("bench-pages", 0, "write a bench bundle of this many pages instead")
	benchOut := flag.String("bench-out", "", "directory for the bench bundle (required with -bench-pages)")
	var z zooFlags
	flag.BoolVar(&z.on, "zoo", false, "write zoo matters (layout families) into -zoo-out instead")
	flag.StringVar(&z.out, "zoo-out", "", "directory for the zoo matters (required with -zoo)")
	flag.StringVar(&z.families, "families", "dev", "zoo families to draw from: dev, heldout, all, batch:A, or names separated by commas")
	flag.StringVar(&z.registry, "registry", zoo.RegistryFile, "zoo family registry")
	flag.IntVar(&z.matters, "matters", 3, "zoo matters to write")
	flag.Uint64Var(&z.seed, "seed", 1, "zoo seed")
	flag.StringVar(&z.scans, "scans", "fax,copier,grey", "zoo scanned renderings (fax, copier, grey), comma-separated; empty for none")
	flag.StringVar(&z.images, "images", "", "also write image renderings (tiff, png, jpeg), comma-separated; the pipeline does not read them yet")
	flag.Parse()
	var err error
	switch {
	case z.on:
		err = runZoo(context.Background(), z)
	default:
		err = run(context.Background(), *out, *benchPages, *benchOut)
	}
	if err != nil {
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

type zooFlags struct {
	on                                     bool
	out, families, registry, scans, images string
	matters                                int
	seed                                   uint64
}

func runZoo(ctx context.Context, z zooFlags) error {
	start := time.Now()
	if z.out == "" {
		return fmt.Errorf("-zoo-out is required with -zoo")
	}
	reg, err := zoo.LoadRegistry(z.registry)
	if err != nil {
		return err
	}
	names, err := reg.Select(z.families)
	if err != nil {
		return err
	}
	var w zoo.WriteOptions
	for _, n := range splitList(z.scans) {
		c, ok := fixture.ScanConditionByName(n)
		if !ok {
			return fmt.Errorf("-scans: unknown condition %q (want fax, copier or grey)", n)
		}
		w.Conditions = append(w.Conditions, c)
	}
	w.Images = splitList(z.images)
	ms, err := zoo.WriteSet(ctx, z.out, zoo.Options{Seed: z.seed, Matters: z.matters, Families: names}, w)
	if err != nil {
		return err
	}
	pages := 0
	for _, m := range ms {
		pages += m.Truth.Pages
	}
	fmt.Printf("zoo: %d matters, %d pages, %d families (%s) in %s (%s)\n", len(ms), pages, len(names), z.families, z.out, time.Since(start).Round(time.Millisecond))
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
