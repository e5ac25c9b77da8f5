package demand

import (
	"bytes"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
)

func TestWriteMarkdown(t *testing.T) {
	d := sampleDraft()
	var b bytes.Buffer
	if err := WriteMarkdown(&b, d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "# Demand Letter — Doe v. Acme Freight\n\n**"+NotApprovedNotice+"**\n") {
		t.Errorf("unexpected start:\n%.200s", out)
	}
	last := -1
	for _, s := range d.Sections {
		i := strings.Index(out, "## "+s.Title+"\n\n"+DraftBanner+"\n\n")
		if i < 0 || i < last {
			t.Errorf("section %q missing, out of order or without banner", s.Title)
		}
		last = i
	}
	if n := strings.Count(out, DraftBanner); n != len(d.Sections) {
		t.Errorf("%d draft banners, want %d", n, len(d.Sections))
	}
	golden(t, "demand.md", b.Bytes())

	d = finishedDraft()
	for _, s := range d.Sections {
		if err := d.Approve(s.Key); err != nil {
			t.Fatal(err)
		}
	}
	b.Reset()
	if err := WriteMarkdown(&b, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "DRAFT") {
		t.Error("an approved draft still says DRAFT")
	}
}

// TestWriteMarkdownNoRawHTML: markup from a record stays text in demand.md.
func TestWriteMarkdownNoRawHTML(t *testing.T) {
	d := Draft{Matter: chronology.Matter{ID: "m", Name: "<b>Smith</b>"}, Sections: []Section{
		{Key: "facts", Title: "Facts", Body: "The record reads <script>alert(1)</script> and <img src=x onerror=alert(2)>."},
	}}
	var b bytes.Buffer
	if err := WriteMarkdown(&b, d); err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"<script", "<img", "<b>"} {
		if strings.Contains(b.String(), raw) {
			t.Errorf("demand.md holds raw %q:\n%s", raw, b.String())
		}
	}
	if !strings.Contains(b.String(), "&lt;script>alert(1)&lt;/script>") {
		t.Errorf("the markup is not kept as text:\n%s", b.String())
	}
}
