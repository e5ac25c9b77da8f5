package demand

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// NotApprovedNotice heads a rendered draft while any section is not
// approved.
const NotApprovedNotice = "DRAFT — not approved for sending"

// title returns the letter's heading.
func (d Draft) title() string {
	name := d.Matter.Name
	if name == "" {
		name = d.Matter.ID
	}
	if name == "" {
		return "Demand Letter"
	}
	return "Demand Letter — " + clean(name)
}

// noTags keeps markup a record may hold (<script>, <img onerror=…>) from
// being raw HTML in the Markdown, which renderers would pass through: a
// "<" is written as the entity, which reads the same.
var noTags = strings.NewReplacer("<", "&lt;").Replace

// WriteMarkdown writes d as demand.md: a title, a not-approved notice while
// any section awaits approval, then each section as a level-2 heading and
// its text (opened by DraftBanner while in draft).
func WriteMarkdown(w io.Writer, d Draft) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", noTags(d.title()))
	if !d.Approved() {
		fmt.Fprintf(bw, "**%s**\n\n", NotApprovedNotice)
	}
	if !d.GeneratedAt.IsZero() {
		fmt.Fprintf(bw, "Generated %s from the chronology of matter %s.\n\n", d.GeneratedAt.UTC().Format(time.RFC3339), d.Matter.ID)
	}
	for _, s := range d.Sections {
		fmt.Fprintf(bw, "## %s\n\n%s\n\n", noTags(s.Title), noTags(s.Text()))
	}
	if !d.Approved() {
		writeAttorneyNote(bw, d)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write demand.md: %w", err)
	}
	return nil
}

// writeAttorneyNote lists, after a letter not yet approved, what keeps it
// from being sent: the entries left out and the sections stating facts
// nobody has reviewed. It is not part of the letter and is not written
// once every section is approved.
func writeAttorneyNote(w io.Writer, d Draft) {
	var unreviewed []string
	for _, s := range d.Sections {
		if n := len(s.Unreviewed); n > 0 {
			unreviewed = append(unreviewed, fmt.Sprintf("%s (%d entries)", s.Title, n))
		}
	}
	if len(unreviewed) == 0 && len(d.Excluded) == 0 {
		return
	}
	fmt.Fprintf(w, "---\n\n## Note to the attorney (not part of the letter)\n\n")
	if len(unreviewed) > 0 {
		fmt.Fprintf(w, "Facts marked %s come from chronology entries nobody has reviewed yet; these sections cannot be approved until the entries are reviewed and the draft is generated again: %s.\n\n",
			UnreviewedMark, strings.Join(unreviewed, "; "))
	}
	if len(d.Excluded) > 0 {
		fmt.Fprintf(w, "Entries not used (%d):\n\n", len(d.Excluded))
		for _, x := range d.Excluded {
			why := "rejected by a reviewer"
			if x.Reason == ReasonUngrounded {
				why = "not reviewed, and a quote was not found on its page"
			}
			fmt.Fprintf(w, "- %s, %s (entry %s): %s\n", x.Date, noTags(clean(x.Provider)), x.EntryID, why)
		}
		fmt.Fprintln(w)
	}
}
