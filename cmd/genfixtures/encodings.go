package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/medchron/medchron/internal/fixture"
)

func encodingNames() string {
	var names []string
	for _, e := range fixture.Encodings {
		names = append(names, string(e))
	}
	return strings.Join(names, ", ")
}

// runEncodings writes the bench bundle of pages pages into dir once per
// named encoding (scanned PDFs, multi-page TIFFs, the mixed bundle).
func runEncodings(ctx context.Context, pages int, dir, list string) error {
	if pages <= 0 || dir == "" {
		return fmt.Errorf("-encodings needs -bench-pages and -bench-out")
	}
	spec := fixture.Bench(pages)
	for _, name := range strings.Split(list, ",") {
		start := time.Now()
		var err error
		switch name = strings.TrimSpace(name); name {
		case "tiff-g4":
			_, err = fixture.WriteTIFF(ctx, dir, spec, fixture.TIFFG4)
		case "tiff-jpeg":
			_, err = fixture.WriteTIFF(ctx, dir, spec, fixture.TIFFJPEG)
		case "mixed":
			_, err = fixture.WriteMixed(ctx, dir, spec)
		default:
			known := false
			for _, e := range fixture.Encodings {
				if string(e) == name {
					known = true
					_, err = fixture.WriteScanned(ctx, dir, spec, e)
				}
			}
			if !known {
				return fmt.Errorf("unknown encoding %q (want %s, tiff-g4, tiff-jpeg or mixed)", name, encodingNames())
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Printf("%s: %d pages in %s (%s)\n", name, pages, dir, time.Since(start).Round(time.Millisecond))
	}
	return nil
}
