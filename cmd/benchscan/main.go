// Command benchscan times medchron against the Tesseract floor and
// OCRmyPDF on scanned bundles, in one run, and prints a Markdown table.
// Called by scripts/bench.sh ("make bench"); each measurement runs a
// command in its own process group and samples the whole group's resident
// memory every 20 ms, so peak RSS counts every child (Tesseract workers,
// pdftoppm) together.
//
//	benchscan -medchron bin/medchron -runs 3 FILE...
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	bin := flag.String("medchron", "bin/medchron", "medchron binary")
	before := flag.String("before", "", "another medchron binary (the code before a change) timed as \"medchron-before\"")
	runs := flag.Int("runs", 3, "runs of each command per file (interleaved); the median is reported")
	tools := flag.String("tools", "medchron,medchron-before,floor,ocrmypdf", "what to time")
	scannedOnly := flag.String("scanned-pages", "", "for the floor: only these pages (a file listing page numbers, one a line); default all")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchscan [-medchron BIN] [-runs N] FILE...")
		os.Exit(2)
	}
	ctx := context.Background()
	var rows []row
	for _, file := range flag.Args() {
		for _, tool := range strings.Split(*tools, ",") {
			if tool == "ocrmypdf" && !strings.HasSuffix(file, ".pdf") {
				continue
			}
			if tool == "medchron-before" && *before == "" {
				continue
			}
			if _, err := exec.LookPath(map[string]string{"medchron": *bin, "medchron-before": *before, "floor": "tesseract", "ocrmypdf": "ocrmypdf"}[tool]); err != nil {
				fmt.Fprintf(os.Stderr, "benchscan: %s: not installed, skipped\n", tool)
				continue
			}
			rows = append(rows, row{file: file, tool: tool})
		}
	}
	for i := 0; i < *runs; i++ {
		for k := range rows {
			r := &rows[k]
			b := *bin
			if r.tool == "medchron-before" {
				b = *before
			}
			m, err := measureTool(ctx, r.tool, b, r.file, *scannedOnly)
			if err != nil {
				// A tool that cannot read a file (the old medchron and TIFF)
				// is reported and left out of the table.
				fmt.Fprintf(os.Stderr, "benchscan: %s on %s: %v\n", r.tool, r.file, err)
				r.failed = true
				continue
			}
			fmt.Fprintf(os.Stderr, "%s %s run %d: %.1f s wall, %.1f s CPU, %.0f MB PSS, %.0f MB RSS\n", filepath.Base(r.file), r.tool, i+1, m.wall.Seconds(), m.cpu.Seconds(), m.peakMB, m.rssMB)
			r.ms = append(r.ms, m)
		}
	}
	printTable(os.Stdout, rows)
}

type row struct {
	file, tool string
	ms         []measure
	failed     bool
}

// median returns the run with the median wall time.
func (r row) median() measure {
	ms := slices.Clone(r.ms)
	slices.SortFunc(ms, func(a, b measure) int { return int(a.wall - b.wall) })
	return ms[len(ms)/2]
}

func printTable(w *os.File, rows []row) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprintln(bw, "| file | pages | command | wall (median) | CPU | peak PSS (all processes) | peak RSS sum | pages/s | medchron ÷ this, wall | medchron ÷ this, CPU |")
	fmt.Fprintln(bw, "|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		if len(r.ms) == 0 {
			fmt.Fprintf(bw, "| %s | | %s | failed | | | | | | |\n", filepath.Base(r.file), r.tool)
			continue
		}
		m := r.median()
		ratio, cpuRatio := "", ""
		for _, o := range rows {
			if o.file == r.file && o.tool == "medchron" && r.tool != "medchron" && len(o.ms) > 0 {
				om := o.median()
				ratio = fmt.Sprintf("%.2f", m.wall.Seconds()/om.wall.Seconds())
				cpuRatio = fmt.Sprintf("%.2f", m.cpu.Seconds()/om.cpu.Seconds())
			}
		}
		fmt.Fprintf(bw, "| %s | %d | %s | %.1f s | %.1f s | %.0f MB | %.0f MB | %.2f | %s | %s |\n", filepath.Base(r.file), m.pages, r.tool,
			m.wall.Seconds(), m.cpu.Seconds(), m.peakMB, m.rssMB, float64(m.pages)/m.wall.Seconds(), ratio, cpuRatio)
	}
}

// measureTool runs one tool on file in a fresh temporary folder.
func measureTool(ctx context.Context, tool, bin, file, pagesFile string) (measure, error) {
	tmp, err := os.MkdirTemp("", "benchscan-")
	if err != nil {
		return measure{}, err
	}
	defer os.RemoveAll(tmp)
	pages, err := pageCount(file)
	if err != nil {
		return measure{}, err
	}
	env := append(os.Environ(), "OMP_THREAD_LIMIT=1", "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"))
	switch tool {
	case "medchron", "medchron-before":
		cmd := exec.CommandContext(ctx, bin, "process", "--quiet", "--db", filepath.Join(tmp, "m.db"), "--out", filepath.Join(tmp, "out"), "--matter", "bench", file)
		cmd.Env = env
		m, err := run(cmd)
		m.pages = pages
		return m, err
	case "floor":
		// Tesseract's own command line over the page images as stored:
		// pdfimages writes them (CCITT as TIFF), two tesseract processes
		// read them.
		script := `set -e
cd "$1"
case "$2" in
  *.pdf) pdfimages -tiff "$2" p ;;
  *) cp "$2" p.tif ;;
esac
ls | grep -v '^out' | sort | xargs -P 2 -I{} tesseract {} out-{} -c tessedit_do_invert=0 >/dev/null 2>&1`
		if pagesFile != "" {
			return measure{}, fmt.Errorf("-scanned-pages is not supported")
		}
		abs, _ := filepath.Abs(file)
		cmd := exec.CommandContext(ctx, "bash", "-c", script, "floor", tmp, abs)
		cmd.Env = env
		m, err := run(cmd)
		m.pages = pages
		return m, err
	case "ocrmypdf":
		cmd := exec.CommandContext(ctx, "ocrmypdf", "-q", "-j", "2", "--skip-text", file, filepath.Join(tmp, "out.pdf"))
		cmd.Env = env
		m, err := run(cmd)
		m.pages = pages
		return m, err
	}
	return measure{}, fmt.Errorf("unknown tool %q", tool)
}

// pageCount asks pdfinfo, or counts TIFF frames with tiffinfo-free means:
// medchron's own inspection is what is measured, so use poppler for PDFs
// and the truth file's page count otherwise.
func pageCount(file string) (int, error) {
	if strings.HasSuffix(file, ".pdf") {
		out, err := exec.Command("pdfinfo", file).Output()
		if err != nil {
			return 0, fmt.Errorf("pdfinfo: %w", err)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, "Pages:"); ok {
				var n int
				_, err := fmt.Sscan(strings.TrimSpace(v), &n)
				return n, err
			}
		}
		return 0, fmt.Errorf("pdfinfo gave no page count")
	}
	return tiffFrames(file)
}
