package exhibit

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// ErrNoDocuments is returned by WriteMatter when the chronology numbers
// no document (nothing to stamp).
var ErrNoDocuments = fmt.Errorf("exhibit: the chronology numbers no document")

// Sources reads a matter's documents for its exhibit, by document id.
type Sources struct {
	// Load reads a document's original bytes.
	Load func(id string) ([]byte, error)
	// Open, when set, is used instead of Load: it opens a document's
	// original (a file), so that it is parsed part by part rather than
	// held whole (Doc.Open).
	Open func(id string) (io.ReadSeekCloser, error)
	// Words, when set, reads pages first through last of a document as
	// the store keeps them, for their word boxes: stamps then go where
	// nothing is printed (Doc.Words).
	Words func(id string, first, last int) ([]extract.Page, error)
}

// WordsWindow is how many pages' word boxes Build reads at a time.
const WordsWindow = 64

// PageWords are the word boxes of pages first through last, by page
// number (index 0: page first); pages outside the range are left out.
func PageWords(pages []extract.Page, first, last int) [][]extract.Box {
	out := make([][]extract.Box, max(last-first+1, 0))
	for _, p := range pages {
		if p.Number < first || p.Number > last {
			continue
		}
		boxes := make([]extract.Box, len(p.Words))
		for i, w := range p.Words {
			boxes[i] = w.Box
		}
		out[p.Number-first] = boxes
	}
	return out
}

// MatterDocs lists the chronology's documents in Bates order as exhibit
// documents, each under the provider of its earliest cited entry; src
// reads a document's original bytes (and its words) by id when its turn
// comes. Documents the chronology did not number are left out.
func MatterDocs(c chronology.Chronology, src Sources) []Doc {
	providers := documentProviders(c)
	marks := encounterMarks(c, providers)
	var docs []Doc
	for _, d := range c.Documents {
		if d.BatesFirst == "" || d.Pages == 0 {
			continue // not numbered: the chronology cites none of its pages
		}
		id := d.ID
		doc := Doc{Provider: providers[d.ID], Title: d.File, File: d.File, BatesFirst: d.BatesFirst, BatesLast: d.BatesLast, SenderBates: d.SenderBates, Pages: d.Pages, Marks: marks[d.ID],
			Load: func() ([]byte, error) { return src.Load(id) }}
		if src.Open != nil {
			doc.Open = func() (io.ReadSeekCloser, error) { return src.Open(id) }
		}
		if src.Words != nil {
			doc.Words = func(first, last int) ([][]extract.Box, error) {
				pages, err := src.Words(id, first, last)
				if err != nil {
					return nil, fmt.Errorf("read the words of pages %d-%d: %w", first, last, err)
				}
				return PageWords(pages, first, last), nil
			}
		}
		docs = append(docs, doc)
	}
	return docs
}

// WriteMatter writes the Bates-stamped exhibit of a matter's records to w
// (see MatterDocs and Build): the same file from the command line and the
// web application. It returns the number of documents.
func WriteMatter(ctx context.Context, w io.Writer, c chronology.Chronology, src Sources) (int, error) {
	docs := MatterDocs(c, src)
	if len(docs) == 0 {
		return 0, ErrNoDocuments
	}
	if err := Build(ctx, w, docs, Options{BatesPrefix: matterPrefix(docs), Index: true}); err != nil {
		return 0, err
	}
	return len(docs), nil
}

// matterPrefix is the prefix of the chronology's own Bates numbers, as
// its first document not keeping the sender's numbers shows it (the
// default when every document keeps them).
func matterPrefix(docs []Doc) string {
	for _, d := range docs {
		if !d.SenderBates {
			return strings.TrimRight(d.BatesFirst, "0123456789")
		}
	}
	return ""
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

// encounterMarks maps each document to bookmarks of the encounters whose
// first citation is on one of its pages, in page then date order: the
// date and visit type, and the provider when it is not the document's
// (a hospital packet holding an outside reading group's report).
// Rejected entries have none.
func encounterMarks(c chronology.Chronology, providers map[string]string) map[string][]Mark {
	out := map[string][]Mark{}
	for _, es := range [][]chronology.Entry{c.Entries, c.UndatedEntries} {
		for _, e := range es {
			if e.Review == chronology.ReviewRejected || len(e.Citations) == 0 {
				continue
			}
			ct := e.Citations[0]
			date := e.Date.String()
			if date == "" {
				date = "undated"
			}
			title := date
			if e.VisitType != "" {
				title += " " + e.VisitType
			}
			if e.Provider != "" && e.Provider != providers[ct.DocumentID] {
				title += ", " + e.Provider
			}
			out[ct.DocumentID] = append(out[ct.DocumentID], Mark{Title: title, Page: ct.Page})
		}
	}
	for id := range out {
		ms := out[id]
		sort.SliceStable(ms, func(i, j int) bool { // titles open with the ISO date
			if ms[i].Page != ms[j].Page {
				return ms[i].Page < ms[j].Page
			}
			return ms[i].Title < ms[j].Title
		})
	}
	return out
}
