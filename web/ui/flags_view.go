package ui

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/lazyre"
)

// flagKindLabels names the flag kinds for people.
var flagKindLabels = map[string]string{
	chronology.FlagIncidentDate:      "Incident date disagrees",
	chronology.FlagMissingRecords:    "Missing records",
	chronology.FlagPreExisting:       "Pre-existing condition",
	chronology.FlagUngrounded:        "Quote not found",
	chronology.FlagBillWithoutRecord: "Bill without a record",
	chronology.FlagRecordWithoutBill: "Record without a bill",
	chronology.FlagLowOCRConfidence:  "Low OCR confidence",
	chronology.FlagBillTotalMismatch: "Bill total mismatch",
	chronology.FlagPageError:         "Page not read",
	chronology.FlagUndated:           "Undated record",
	chronology.FlagUnknownProvider:   "Unknown provider",
	chronology.FlagDateNotQuoted:     "Date not in a quote",
	chronology.FlagNothingRead:       "Nothing read",
	chronology.FlagOCRAmountRepaired: "Amount repaired by a total",
	chronology.FlagUndatedBillLine:   "Undated bill line",
}

// flagKindLabel names a flag kind, known or not.
func flagKindLabel(kind string) string {
	if l, ok := flagKindLabels[kind]; ok {
		return l
	}
	return capitalize(strings.ReplaceAll(kind, "_", " "))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// validKind matches a flag kind as a filter names it.
var validKind = lazyre.New(`^[a-z][a-z0-9_]{0,40}$`)

// flagsPage is the flags workspace's data.
type flagsPage struct {
	Kind       string // the kind shown, "" for all
	Kinds      []kindCount
	Groups     []flagGroup
	Open       int
	Dismissed  int
	Duplicates []duplicateRow
	Tasks      []chronology.Task
	OpenTasks  int
	Empty      bool
}

// kindCount is a kind of flag present, with its open and total counts.
type kindCount struct {
	Kind, Label string
	Open, Total int
}

// flagGroup is the flags of one kind.
type flagGroup struct {
	Kind, Label string
	Rows        []flagRow
}

// flagRow is one flag with its proof pages and the entries it concerns.
type flagRow struct {
	Key       string
	Message   string
	Pages     []citeLink
	Entries   []entryLink
	Decision  *chronology.FlagDecision // the newest decision, if any
	Dismissed bool
	Task      string // the suggested task text
}

// entryLink names an entry by date and provider, linking to it.
type entryLink struct {
	Label, Href string
}

// duplicateRow is a duplicate page beside the page it repeats.
type duplicateRow struct {
	Page, Of   pageImage
	Similarity string
}

// pageImage is a page shown as an image, with a link to its page view.
type pageImage struct {
	Label, Href, Src string
}

// buildFlagsPage lays out the flags of c, of one kind when kind is set,
// with the decisions' states and the matter's tasks.
func buildFlagsPage(matterID string, c *chronology.Chronology, kind string, states map[string]chronology.FlagDecision, tasks []chronology.Task) flagsPage {
	p := flagsPage{Kind: kind, Tasks: tasks, Empty: len(c.Flags) == 0 && len(c.Duplicates) == 0}
	for _, t := range tasks {
		if t.Status == chronology.TaskOpen {
			p.OpenTasks++
		}
	}
	ix := indexDocuments(c)
	entries := map[string]*chronology.Entry{}
	for _, list := range [][]chronology.Entry{c.Entries, c.UndatedEntries} {
		for i := range list {
			entries[list[i].ID] = &list[i]
		}
	}
	groups := map[string]*flagGroup{}
	counts := map[string]*kindCount{}
	var order []string
	for _, f := range c.Flags {
		key := chronology.FlagKey(f)
		d, decided := states[key]
		dismissed := decided && d.State == chronology.FlagDismissed
		kc := counts[f.Kind]
		if kc == nil {
			kc = &kindCount{Kind: f.Kind, Label: flagKindLabel(f.Kind)}
			counts[f.Kind] = kc
			order = append(order, f.Kind)
		}
		kc.Total++
		if dismissed {
			p.Dismissed++
		} else {
			kc.Open++
			p.Open++
		}
		if kind != "" && f.Kind != kind {
			continue
		}
		g := groups[f.Kind]
		if g == nil {
			g = &flagGroup{Kind: f.Kind, Label: kc.Label}
			groups[f.Kind] = g
		}
		row := flagRow{Key: key, Message: f.Message, Dismissed: dismissed, Task: suggestedTask(f)}
		if decided {
			row.Decision = &d
		}
		for _, ct := range f.Citations {
			row.Pages = append(row.Pages, citeLink{Label: ix.pageLabel(ct.DocumentID, ct.Page, ct.Bates), Quote: ct.Quote,
				Href: pagePath(matterID, ct.DocumentID, ct.Page), Found: true})
		}
		ids := chronology.FlagEntries(c, f)
		for _, e := range c.AllEntries() {
			if ids[e.ID] {
				row.Entries = append(row.Entries, entryLink{Label: entryLabel(entries[e.ID]),
					Href: fmt.Sprintf("/matters/%s/entries/%s", url.PathEscape(matterID), url.PathEscape(e.ID))})
			}
		}
		g.Rows = append(g.Rows, row)
	}
	slices.SortStableFunc(order, func(a, b string) int { return strings.Compare(counts[a].Label, counts[b].Label) })
	for _, k := range order {
		p.Kinds = append(p.Kinds, *counts[k])
		if g := groups[k]; g != nil {
			p.Groups = append(p.Groups, *g)
		}
	}
	if kind == "" || kind == "duplicate" {
		for _, d := range c.Duplicates {
			p.Duplicates = append(p.Duplicates, duplicateRow{
				Page:       pageImageOf(matterID, ix, d.DocumentID, d.Page),
				Of:         pageImageOf(matterID, ix, d.DuplicateOf.DocumentID, d.DuplicateOf.Page),
				Similarity: similarity(d.Similarity),
			})
		}
	}
	return p
}

func similarity(v float64) string {
	if v <= 0 {
		return "identical text"
	}
	return fmt.Sprintf("%.0f%% similar", v*100)
}

func pageImageOf(matterID string, ix docIndex, doc string, page int) pageImage {
	href := pagePath(matterID, doc, page)
	return pageImage{Label: ix.pageLabel(doc, page, ""), Href: href, Src: href + "/image.png"}
}

func entryLabel(e *chronology.Entry) string {
	if e == nil {
		return ""
	}
	d := "undated"
	if !e.Date.IsZero() {
		d = e.Date.String()
	}
	return d + " · " + e.Provider
}

// suggestedTask is the task a flag suggests, for the reviewer to edit.
func suggestedTask(f chronology.Flag) string {
	msg := f.Message
	if r := []rune(msg); len(r) > 300 {
		msg = string(r[:300]) + "…"
	}
	switch f.Kind {
	case chronology.FlagMissingRecords, chronology.FlagBillWithoutRecord:
		return "Request records: " + msg
	case chronology.FlagRecordWithoutBill:
		return "Request the bill: " + msg
	case chronology.FlagIncidentDate:
		return "Confirm the date of incident with the client: " + msg
	}
	return "Check: " + msg
}
