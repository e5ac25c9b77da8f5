package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/chronology/report"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/adjuster"
	"github.com/medchron/medchron/internal/docx"
)

// Options are the firm's choices for the files WriteAll writes.
type Options struct {
	// Template is the firm's Word template for chronology.docx and
	// demand.docx (docx.ParseTemplate); nil writes medchron's styles.
	Template *docx.Template
}

// writers is how many files WriteAll writes at once: two cores' worth, the
// memory of two documents in the making.
const writers = 2

// WriteAll writes the eight files of a processed matter (FolderFiles: the
// chronology in five formats, the demand draft in two and the adjuster's
// read, with the answers saved in the draft's inputs) for c and d into
// dir, creating dir if needed, and returns their paths. Each file is
// written to a temporary file in dir and renamed over the old one, so a
// reader never sees a half-written file. Files are written two at a time;
// after a failure no other file is started, the files already written stay
// in place and no temporary file is left behind, and the paths returned are
// those written before the first file (in FolderFiles order) that failed.
// ctx is checked before each file. c and d are only read.
func WriteAll(ctx context.Context, dir string, c chronology.Chronology, d demand.Draft, opts Options) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output folder: %w", err)
	}
	outputs := []struct {
		name  string
		write func(io.Writer) error
	}{
		{FileJSON, func(w io.Writer) error { return report.WriteJSON(w, c) }},
		{FileCSV, func(w io.Writer) error { return report.WriteCSV(w, c) }},
		{FileXLSX, func(w io.Writer) error { return report.WriteXLSX(w, c) }},
		{FileHTML, func(w io.Writer) error { return report.WriteHTML(w, c) }},
		{FileDOCX, func(w io.Writer) error { return report.WriteDOCX(w, c, opts.Template) }},
		{FileDemandDOCX, func(w io.Writer) error { return demand.WriteDOCXTemplate(w, d, opts.Template) }},
		{FileDemandMD, func(w io.Writer) error { return demand.WriteMarkdown(w, d) }},
		{FileAdjusterMD, func(w io.Writer) error {
			points, _ := adjuster.WithAnswers(adjuster.Read(c, adjuster.Options{}), d.Inputs.Answers)
			return adjuster.Markdown(w, c, points)
		}},
	}
	errs := make([]error, len(outputs))
	var (
		wg     sync.WaitGroup
		failed atomic.Bool
		slots  = make(chan struct{}, writers)
	)
	for i, o := range outputs {
		slots <- struct{}{}
		if failed.Load() {
			break
		}
		if err := ctx.Err(); err != nil {
			errs[i] = fmt.Errorf("write %s: %w", o.name, err)
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-slots; wg.Done() }()
			if err := writeAtomic(filepath.Join(dir, o.name), o.write); err != nil {
				errs[i] = err
				failed.Store(true)
			}
		}()
	}
	wg.Wait()
	paths := make([]string, 0, len(outputs))
	for i, o := range outputs {
		if errs[i] != nil {
			return paths, errs[i]
		}
		paths = append(paths, filepath.Join(dir, o.name))
	}
	return paths, nil
}

// WriteExhibit writes exhibit.pdf into dir: the matter's records,
// Bates-stamped as the chronology numbered them (exhibit.WriteMatter, the
// web application's exhibit), src.Load reading a document's original bytes
// by id (and src.Words its pages' words, so that stamps go where nothing is
// printed). It returns the path, or exhibit.ErrNoDocuments when the
// chronology numbers no document.
func WriteExhibit(ctx context.Context, dir string, c chronology.Chronology, src exhibit.Sources) (string, error) {
	p := filepath.Join(dir, FileExhibit)
	err := writeAtomic(p, func(w io.Writer) error {
		_, err := exhibit.WriteMatter(ctx, w, c, src)
		return err
	})
	if err != nil {
		return "", err
	}
	return p, nil
}

// writeAtomic writes a file through a temporary file in the same folder
// that is synced and renamed over path. write gets a buffered writer: the
// templates and encoders write in small pieces, a system call each.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	name := filepath.Base(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+name+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
