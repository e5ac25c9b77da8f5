package demand

import (
	"encoding/xml"
	"path"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/docx"
)

// checkPackage checks the package structure of demand.docx: [Content_Types].xml
// gives every part a content type (by override or by extension) and names
// no part that is missing, and every relationship points at a part that
// exists.
func checkPackage(t *testing.T, parts map[string]string) {
	t.Helper()
	var types struct {
		Default []struct {
			Extension string `xml:"Extension,attr"`
		} `xml:"Default"`
		Override []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal([]byte(parts["[Content_Types].xml"]), &types); err != nil {
		t.Fatalf("[Content_Types].xml: %v", err)
	}
	typed := map[string]bool{}
	for _, o := range types.Override {
		name := strings.TrimPrefix(o.PartName, "/")
		if _, ok := parts[name]; !ok {
			t.Errorf("[Content_Types].xml lists %s, which is not in the package", o.PartName)
		}
		typed[name] = true
	}
	exts := map[string]bool{}
	for _, d := range types.Default {
		exts[d.Extension] = true
	}
	for name := range parts {
		if name == "[Content_Types].xml" || typed[name] || exts[strings.TrimPrefix(path.Ext(name), ".")] {
			continue
		}
		t.Errorf("part %s has no content type", name)
	}
	if !typed["word/document.xml"] {
		t.Error("[Content_Types].xml does not type word/document.xml as the main document")
	}
	for name, body := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				Target     string `xml:"Target,attr"`
				TargetMode string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal([]byte(body), &rels); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// _rels/.rels is relative to the root, word/_rels/x.rels to word/.
		base := path.Dir(path.Dir(name))
		for _, r := range rels.Rel {
			if r.TargetMode == "External" {
				continue
			}
			target := path.Clean(path.Join(base, r.Target))
			if _, ok := parts[target]; !ok {
				t.Errorf("%s points at %s, which is not in the package", name, target)
			}
		}
	}
}

// TestWriteDOCXDraftMarks checks that the letter says DRAFT exactly while
// it is not fully approved: the page header with the watermark, and a
// banner over each section still awaiting approval.
func TestWriteDOCXDraftMarks(t *testing.T) {
	tests := []struct {
		name    string
		approve func(d *Draft)
	}{
		{"nothing approved", func(*Draft) {}},
		{"one section approved", func(d *Draft) { _ = d.Approve(KeyIntroduction) }},
		{"all but one approved", func(d *Draft) {
			for _, s := range d.Sections[1:] {
				_ = d.Approve(s.Key)
			}
		}},
		{"all approved", func(d *Draft) {
			for _, s := range d.Sections {
				_ = d.Approve(s.Key)
			}
		}},
		{"approved, then edited", func(d *Draft) {
			for _, s := range d.Sections {
				_ = d.Approve(s.Key)
			}
			s, _ := d.Section(KeyDemand)
			_ = d.Edit(KeyDemand, s.Body+"\n\nWe look forward to your reply.")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := finishedDraft()
			tt.approve(&d)
			draft := !d.Approved()
			parts := docxParts(t, d)
			var anyDraft bool
			for _, body := range parts {
				anyDraft = anyDraft || strings.Contains(body, "DRAFT")
			}
			if anyDraft != draft {
				t.Errorf("the package says DRAFT: %v; the letter is a draft: %v", anyDraft, draft)
			}
			doc := parts["word/document.xml"]
			if got := strings.Contains(doc, "DRAFT"); got != draft {
				t.Errorf("document.xml says DRAFT: %v, want %v", got, draft)
			}
			header, hasHeader := parts["word/header1.xml"]
			if hasHeader != draft || strings.Contains(doc, "<w:headerReference") != draft {
				t.Errorf("header part %v, header reference %v; want both %v", hasHeader, strings.Contains(doc, "<w:headerReference"), draft)
			}
			if draft && (!strings.Contains(header, NotApprovedNotice) || !strings.Contains(header, `string="`+WatermarkText+`"`) ||
				!strings.Contains(header, `type="#_x0000_t136"`)) {
				t.Error("the draft header lacks the notice or the DRAFT watermark")
			}
			var unapproved int
			for _, s := range d.Sections {
				if s.Status != StatusApproved {
					unapproved++
				}
			}
			if got := strings.Count(doc, docx.Esc(DraftBanner)); got != unapproved {
				t.Errorf("%d section banners, want one for each of the %d unapproved sections", got, unapproved)
			}
			paras, tables := docParagraphs(t, doc)
			var headings int
			for _, p := range paras {
				if p.style == "Heading1" {
					headings++
				}
			}
			if headings != len(d.Sections) || len(tables) != 2 {
				t.Errorf("%d Heading1 and %d tables, want %d and the specials and damages tables", headings, len(tables), len(d.Sections))
			}
		})
	}
}
