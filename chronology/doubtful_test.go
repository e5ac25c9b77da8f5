package chronology

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// ocrPage is an OCR page of text whose words were read at the given
// confidence, except those in low, read at 40%.
func ocrPage(doc string, n int, text string, conf float64, low ...string) extract.Page {
	p := extract.Page{DocumentID: doc, Number: n, Source: extract.SourceOCR, Text: text, Confidence: conf}
	for i, w := range strings.Fields(text) {
		c := conf
		for _, l := range low {
			if w == l {
				c = 40
			}
		}
		p.Words = append(p.Words, extract.Word{Text: w, Confidence: c, Line: i})
	}
	return p
}

// TestDoubtfulQuoteFlag: a grounded quote whose date OCR read at 40% on
// an otherwise confident page raises one low_ocr_confidence flag citing
// that quote; the same quote read confidently raises none.
func TestDoubtfulQuoteFlag(t *testing.T) {
	const text = "Harbor Physical Therapy Date of Service: 03/21/2024 Neck pain improving."
	for _, tc := range []struct {
		name string
		low  []string
		want int
	}{
		{"a date read doubtfully", []string{"03/21/2024"}, 1},
		{"every word read confidently", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			day := incident.AddDays(10)
			res := extract.Result{Encounters: []extract.Encounter{{Date: day, Provider: "Harbor Physical Therapy",
				Citations: []extract.Citation{cite("d1", 1, "Date of Service: 03/21/2024")}}}}
			c := Build(richMatter(), []Source{source("d1", "pt.pdf", []extract.Page{ocrPage("d1", 1, text, 92, tc.low...)}, res)}, Options{})
			var got []Flag
			for _, f := range c.Flags {
				if f.Kind == FlagLowOCRConfidence {
					got = append(got, f)
				}
			}
			if len(got) != tc.want {
				t.Fatalf("%d low_ocr_confidence flags, want %d: %+v", len(got), tc.want, got)
			}
			if tc.want == 1 && (len(got[0].Citations) != 1 || got[0].Citations[0].Quote != "Date of Service: 03/21/2024" || !strings.Contains(got[0].Message, "40%")) {
				t.Errorf("flag %+v", got[0])
			}
		})
	}
}
