package exhibit

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/medchron/medchron/chronology"
)

// ErrNoDocuments is returned by WriteMatter when the chronology numbers
// no document (nothing to stamp).
var ErrNoDocuments = fmt.Errorf("exhibit: the chronology numbers no document")

// MatterDocs lists the chronology's documents in Bates order as exhibit
// documents, each under the provider of its earliest cited entry; load
// reads a document's original bytes by id when its turn comes. Documents
// the chronology did not number are left out.
func MatterDocs(c chronology.Chronology, load func(id string) ([]byte, error)) []Doc {
	providers := documentProviders(c)
	var docs []Doc
	for _, d := range c.Documents {
		if d.BatesFirst == "" || d.Pages == 0 {
			continue // not numbered: the chronology cites none of its pages
		}
		id := d.ID
		docs = append(docs, Doc{Provider: providers[d.ID], Title: d.File, File: d.File, BatesFirst: d.BatesFirst, BatesLast: d.BatesLast, Pages: d.Pages,
			Load: func() ([]byte, error) { return load(id) }})
	}
	return docs
}

// WriteMatter writes the Bates-stamped exhibit of a matter's records to w
// (see MatterDocs and Build): the same file from the command line and the
// web application. It returns the number of documents.
func WriteMatter(ctx context.Context, w io.Writer, c chronology.Chronology, load func(id string) ([]byte, error)) (int, error) {
	docs := MatterDocs(c, load)
	if len(docs) == 0 {
		return 0, ErrNoDocuments
	}
	if err := Build(ctx, w, docs, Options{BatesPrefix: strings.TrimRight(docs[0].BatesFirst, "0123456789")}); err != nil {
		return 0, err
	}
	return len(docs), nil
}

// documentProviders maps each document to the provider of the earliest
// dated entry citing it (undated entries count last).
func documentProviders(c chronology.Chronology) map[string]string {
	type seen struct {
		date     string
		provider string
	}
	best := map[string]seen{}
	for _, e := range c.Entries {
		date := e.Date.String()
		if date == "" {
			date = "9999"
		}
		for _, ct := range e.Citations {
			if b, ok := best[ct.DocumentID]; !ok || date < b.date {
				best[ct.DocumentID] = seen{date, e.Provider}
			}
		}
	}
	out := make(map[string]string, len(best))
	for id, b := range best {
		out[id] = b.provider
	}
	return out
}
