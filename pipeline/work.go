package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/medchron/medchron/store"
)

// workMaxAge is how long a working copy may lie unused before a sweep
// removes it (a worker that died, a document another machine finished).
const workMaxAge = 2 * time.Hour

// workTouchAge is how old a working copy's modification time may grow
// before a use renews it (keeping it from the sweep, well before
// workMaxAge). Not renewed at every use: the document readers cache their
// parse of a file by its path, size and modification time (extract/pdf),
// and a time renewed at every page made every page parse the document
// again (a 1,000-page scan: 7 MB allocated a page, the reader's Go heap
// 15-26 MB instead of ~5).
const workTouchAge = 10 * time.Minute

// workPath is where the working copy of a document lives. It is named by
// the document's id, so the PDF tools' messages name the id, never the
// file's name (which often names the client).
func (p *Pipeline) workPath(d store.Document) string {
	return filepath.Join(p.cfg.WorkDir, d.ID+".pdf")
}

// originalPath returns a local file holding the document's original bytes,
// decrypting them from the store once per machine while the document is
// processed; removeWork deletes it when the document is done.
func (p *Pipeline) originalPath(ctx context.Context, d store.Document) (string, error) {
	path := p.workPath(d)
	if st, err := os.Stat(path); err == nil {
		if time.Since(st.ModTime()) > workTouchAge {
			now := time.Now()
			_ = os.Chtimes(path, now, now) // in use: keep it from the sweep
		}
		return path, nil
	}
	p.sweepSoon()
	rc, err := p.cfg.Store.OpenBlob(ctx, d.SHA256)
	if err != nil {
		return "", fmt.Errorf("original of %s: %w", d.ID, err)
	}
	defer rc.Close()
	tmp, err := os.CreateTemp(p.cfg.WorkDir, ".tmp-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(tmp, rc)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("original of %s: %w", d.ID, err)
	}
	return path, os.Rename(tmp.Name(), path)
}

// OriginalFile returns the document's original bytes, decrypted from the
// store, in a file of the work folder that no name points to (it is
// removed as soon as it is created, so nothing is left behind, whatever
// becomes of the program), positioned at its start. It is for a reader
// that parses a long original part by part (the exhibit) rather than
// holding its bytes: the file's pages are the kernel's cache, not the
// program's memory. The caller closes it.
func (p *Pipeline) OriginalFile(ctx context.Context, documentID string) (*os.File, error) {
	d, err := p.cfg.Store.Document(ctx, documentID)
	if err != nil {
		return nil, err
	}
	rc, err := p.cfg.Store.OpenBlob(ctx, d.SHA256)
	if err != nil {
		return nil, fmt.Errorf("original of %s: %w", d.ID, err)
	}
	defer rc.Close()
	f, err := p.ScratchFile()
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(f, rc); err != nil {
		f.Close()
		return nil, fmt.Errorf("original of %s: %w", d.ID, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ScratchFile returns an empty file of the work folder (owner-only, where
// the decrypted working copies lie) that no name points to: it is removed
// as soon as it is created, so whatever is written to it (a decrypted
// original, an export of record text) is gone once the file is closed or
// the program ends, however it ends. It is for data too large to hold in
// memory; the caller closes it.
func (p *Pipeline) ScratchFile() (*os.File, error) {
	f, err := os.CreateTemp(p.cfg.WorkDir, ".tmp-*")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// removeWork deletes a document's working copy once it is done.
func (p *Pipeline) removeWork(d store.Document) {
	if err := os.Remove(p.workPath(d)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		p.log.Warn("working copy not removed", "document", d.ID, "error", err)
	}
}

var sweepMu sync.Mutex

// sweepSoon sweeps the work folder at most once every ten minutes.
func (p *Pipeline) sweepSoon() {
	sweepMu.Lock()
	due := time.Since(p.lastSweep) > 10*time.Minute
	if due {
		p.lastSweep = time.Now()
	}
	sweepMu.Unlock()
	if due {
		p.sweepWork(workMaxAge)
	}
}

// sweepWork removes working copies (and half-written ones) unused for
// maxAge.
func (p *Pipeline) sweepWork(maxAge time.Duration) {
	entries, err := os.ReadDir(p.cfg.WorkDir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || !(strings.HasSuffix(e.Name(), ".pdf") || strings.HasPrefix(e.Name(), ".tmp-")) {
			continue
		}
		info, err := e.Info()
		if err == nil && time.Since(info.ModTime()) > maxAge {
			os.Remove(filepath.Join(p.cfg.WorkDir, e.Name()))
		}
	}
}
