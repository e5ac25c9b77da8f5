package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// citeLink is a citation as a page shows it: where it points, the quote,
// and a link to the cited page with the quote highlighted. The link names
// the entry or bill and the citation's index, never the quote itself, so
// that record text stays out of URLs and server logs.
type citeLink struct {
	Label string // "records.pdf p. 3 · MC000003"
	Quote string
	Href  string
	Found bool // the quote was found on the page when the chronology was built
}

// docIndex finds a matter's documents by id.
type docIndex map[string]*chronology.Document

func indexDocuments(c *chronology.Chronology) docIndex {
	ix := make(docIndex, len(c.Documents))
	for i := range c.Documents {
		ix[c.Documents[i].ID] = &c.Documents[i]
	}
	return ix
}

// bates returns the Bates number of page n of the document, counted from
// its first page's number ("" when the document is not numbered).
func (ix docIndex) bates(docID string, n int) string {
	d := ix[docID]
	if d == nil || d.BatesFirst == "" || n < 1 || n > d.Pages {
		return ""
	}
	i := len(d.BatesFirst)
	for i > 0 && d.BatesFirst[i-1] >= '0' && d.BatesFirst[i-1] <= '9' {
		i--
	}
	prefix, digits := d.BatesFirst[:i], d.BatesFirst[i:]
	first, err := strconv.Atoi(digits)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s%0*d", prefix, len(digits), first+n-1)
}

func (ix docIndex) file(docID string) string {
	if d := ix[docID]; d != nil {
		return d.File
	}
	return "document " + docID
}

// pageLabel names a page for people: file, page number and Bates number.
func (ix docIndex) pageLabel(docID string, page int, bates string) string {
	if bates == "" {
		bates = ix.bates(docID, page)
	}
	l := fmt.Sprintf("%s p. %d", ix.file(docID), page)
	if bates != "" {
		l += " · " + bates
	}
	return l
}

// pagePath is the page view of a document's page.
func pagePath(matterID, docID string, page int) string {
	return fmt.Sprintf("/matters/%s/documents/%s/pages/%d", url.PathEscape(matterID), url.PathEscape(docID), page)
}

// entryCites returns the entry's citations as links to the entry view,
// which shows the cited page beside the entry.
func entryCites(matterID string, ix docIndex, e *chronology.Entry, notFound map[string]bool) []citeLink {
	out := make([]citeLink, 0, len(e.Citations))
	for i, c := range e.Citations {
		out = append(out, citeLink{
			Label: ix.pageLabel(c.DocumentID, c.Page, c.Bates),
			Quote: c.Quote,
			Href:  fmt.Sprintf("/matters/%s/entries/%s?cite=%d", url.PathEscape(matterID), url.PathEscape(e.ID), i),
			Found: !notFound[citeKey(e.ID, c)],
		})
	}
	return out
}

// pageLinks keeps the first citation of each cited page: the table links
// each page once; the entry view lists every quote.
func pageLinks(cs []citeLink, cits []extract.Citation) []citeLink {
	at := make(map[chronology.PageRef]int, len(cits))
	out := make([]citeLink, 0, len(cits))
	for i, c := range cits {
		ref := chronology.PageRef{DocumentID: c.DocumentID, Page: c.Page}
		if j, ok := at[ref]; ok {
			out[j].Found = out[j].Found && cs[i].Found
			continue
		}
		at[ref] = len(out)
		out = append(out, cs[i])
	}
	return out
}

// billCites returns a bill's citations as links to the page view.
func billCites(matterID string, ix docIndex, b *chronology.Bill) []citeLink {
	out := make([]citeLink, 0, len(b.Citations))
	for i, c := range b.Citations {
		out = append(out, citeLink{
			Label: ix.pageLabel(c.DocumentID, c.Page, c.Bates),
			Quote: c.Quote,
			Href:  fmt.Sprintf("%s?bill=%s&cite=%d", pagePath(matterID, c.DocumentID, c.Page), url.QueryEscape(b.ID), i),
			Found: b.Grounded,
		})
	}
	return out
}

func citeKey(owner string, c extract.Citation) string {
	return owner + "\x00" + c.DocumentID + "\x00" + strconv.Itoa(c.Page) + "\x00" + c.Quote
}

// unfoundCitations lists the entry citations whose quote the chronology
// build did not find on the page, from its "ungrounded" flags.
func unfoundCitations(c *chronology.Chronology) map[string]bool {
	out := map[string]bool{}
	for _, f := range c.Flags {
		if f.Kind != chronology.FlagUngrounded || len(f.EntryIDs) != 1 {
			continue
		}
		for _, cit := range f.Citations {
			out[citeKey(f.EntryIDs[0], cit)] = true
		}
	}
	return out
}

// reviewState is an entry's review state, "unreviewed" when none.
func reviewState(e *chronology.Entry) string {
	if e.Review == "" {
		return chronology.ReviewUnreviewed
	}
	return e.Review
}

// fieldLabels names the correctable fields for people.
var fieldLabels = map[string]string{
	"date": "Date", "provider": "Provider", "clinician": "Clinician", "visit_type": "Visit type",
	"complaints": "Complaints", "findings": "Findings", "assessment": "Assessment", "plan": "Plan",
	"summary": "Summary", "work_status": "Work status", "pain_score": "Pain score (0–10)",
	"diagnoses": "Diagnoses (one a line: ICD-10 code, then description)", "procedures": "Procedures (one a line: CPT/HCPCS code, then description)",
	"medications": "Medications (one a line)",
}

func fieldLabel(f string) string {
	if l, ok := fieldLabels[f]; ok {
		return l
	}
	return strings.ReplaceAll(f, "_", " ")
}
