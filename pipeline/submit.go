package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/riverqueue/river"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// Input is one file to take in: its bytes, or a stream to read them from.
type Input struct {
	Name string // base name shown to users
	Data []byte
	// Open, used when Data is nil, opens the file's bytes; the stream is
	// read once, to its end, and closed.
	Open func() (io.ReadCloser, error)
}

// FileError is a file that could not be taken in; Err says why in words
// that name the file.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string {
	msg := e.Err.Error()
	if strings.HasPrefix(msg, e.File) {
		return msg // the reader's errors already name the file
	}
	return e.File + ": " + msg
}
func (e *FileError) Unwrap() error { return e.Err }

// DocumentID returns the stable id of a document with the given content hash.
func DocumentID(sha string) string { return "doc-" + sha[:16] }

// Stored is a file taken into the store by Take, not yet added to a
// matter.
type Stored struct {
	Name string
	Blob store.Blob
}

// sniffBytes is how much of a file's start and end Take keeps for the
// cheap check: the header, and the trailer with startxref and %%EOF.
const sniffBytes = 4096

// edges keeps the first and the last sniffBytes of what passes through.
type edges struct {
	head []byte
	tail []byte
}

func (e *edges) Write(p []byte) (int, error) {
	if n := min(sniffBytes-len(e.head), len(p)); n > 0 {
		e.head = append(e.head, p[:n]...)
	}
	if len(p) >= sniffBytes {
		e.tail = append(e.tail[:0], p[len(p)-sniffBytes:]...)
	} else {
		e.tail = append(e.tail, p...)
		if over := len(e.tail) - sniffBytes; over > 0 {
			e.tail = append(e.tail[:0], e.tail[over:]...)
		}
	}
	return len(p), nil
}

// Take streams one file into the store (sealed, at most limit bytes when
// limit is above 0, never whole in memory) under the cleaned name, and
// checks cheaply that it can be a PDF: not empty, a PDF header, an end
// marker (a truncated upload has none). A file that fails is removed from
// the store again and returned as a *FileError naming it; deeper checks
// run in the ingest job, off the request.
func (p *Pipeline) Take(ctx context.Context, name string, r io.Reader, limit int64) (Stored, error) {
	name = CleanName(name)
	var e edges
	b, err := p.cfg.Store.PutBlob(ctx, io.TeeReader(r, &e), limit)
	if err != nil {
		return Stored{}, &FileError{File: name, Err: err}
	}
	if err := p.cfg.PDF.Sniff(name, e.head, e.tail, b.Size); err != nil {
		if derr := p.cfg.Store.DropBlob(context.WithoutCancel(ctx), b.SHA256); derr != nil {
			p.log.Warn("refused upload not removed from the store", "sha256", b.SHA256, "error", derr)
		}
		return Stored{}, &FileError{File: name, Err: err}
	}
	return Stored{Name: name, Blob: b}, nil
}

// Add links files Take stored to the matter (which must exist) and queues
// their processing, each with its jobs in one transaction. A file already
// processed is not processed again; one that failed before is tried
// again. Each document is returned under the name it has in this matter,
// with a status that says nothing of other matters. The matter's
// chronology is always (re)built.
func (p *Pipeline) Add(ctx context.Context, matterID string, files []Stored) ([]store.Document, error) {
	if p.queue == nil {
		return nil, errors.New("pipeline: no queue")
	}
	var docs []store.Document
	queued := 0
	for _, f := range files {
		d := store.Document{Document: extract.Document{ID: DocumentID(f.Blob.SHA256), SHA256: f.Blob.SHA256, File: f.Name}, Size: f.Blob.Size, Status: store.StatusQueued}
		err := p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			if _, err := tx.AddDocument(ctx, matterID, d, nil); err != nil {
				return err
			}
			stored, err := tx.Document(ctx, d.ID)
			if err != nil {
				return err
			}
			switch stored.Status {
			case store.StatusExtracted:
				d.Status, d.Pages = stored.Status, stored.Pages
				return nil // already done; the build below picks it up
			case store.StatusFailed:
				// Whatever failed before (an endpoint down, a bug since
				// fixed) may not fail again: start afresh.
				if err := tx.ResetDocument(ctx, d.ID); err != nil {
					return err
				}
			case store.StatusQueued, store.StatusReading:
				d.Status, d.Pages = stored.Status, stored.Pages
			}
			queued++
			return p.queue.InsertTx(ctx, tx, river.InsertManyParams{Args: IngestArgs{DocumentID: d.ID}})
		})
		if err != nil {
			return docs, fmt.Errorf("store document %s: %w", d.ID, err)
		}
		docs = append(docs, d)
	}
	if queued > 0 {
		return docs, nil // their extraction queues the build
	}
	err := p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		return p.queueBuilds(ctx, tx, matterID)
	})
	return docs, err
}

// Submit stores the files in the matter and queues their processing: the
// matter's settings as given first (PutMatter: empty fields keep theirs),
// then each file through Take and Add. A file that is not a readable PDF
// is reported in the returned errors and stored nowhere; the other files
// are still taken in. It is the command line's way in; the web
// application changes settings through an audited action instead.
func (p *Pipeline) Submit(ctx context.Context, m chronology.Matter, files []Input) ([]store.Document, []*FileError, error) {
	if p.queue == nil {
		return nil, nil, errors.New("pipeline: no queue")
	}
	if err := p.cfg.Store.PutMatter(ctx, m); err != nil {
		return nil, nil, fmt.Errorf("store matter %s: %w", m.ID, err)
	}
	var stored []Stored
	var bad []*FileError
	for _, f := range files {
		s, err := p.takeInput(ctx, f)
		var fe *FileError
		switch {
		case errors.As(err, &fe):
			bad = append(bad, fe)
			continue
		case err != nil:
			return nil, bad, err
		}
		stored = append(stored, s)
	}
	docs, err := p.Add(ctx, m.ID, stored)
	return docs, bad, err
}

func (p *Pipeline) takeInput(ctx context.Context, f Input) (Stored, error) {
	if f.Data != nil || f.Open == nil {
		return p.Take(ctx, f.Name, bytes.NewReader(f.Data), 0)
	}
	rc, err := f.Open()
	if err != nil {
		return Stored{}, &FileError{File: CleanName(f.Name), Err: err}
	}
	defer rc.Close()
	return p.Take(ctx, f.Name, rc, 0)
}
