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
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write demand.md: %w", err)
	}
	return nil
}
