package chronology

import (
	"fmt"
	"slices"
	"testing"

	"github.com/medchron/medchron/extract"
)

// stampedPages are n pages whose last line is the sender's stamp
// prefix+sep+number, counting from first.
func stampedPages(doc string, n int, stamp func(i int) string) []extract.Page {
	var out []extract.Page
	for i := range n {
		out = append(out, textPage(doc, i+1, fmt.Sprintf("Valley Imaging\nMRI lumbar spine, page %d.\nImpression: disc bulge.\n%s", i+1, stamp(i))))
	}
	return out
}

func TestKeepSenderBates(t *testing.T) {
	plain := source("a", "er.pdf", []extract.Page{textPage("a", 1, erNote), textPage("a", 2, "Discharge instructions.")}, extract.Result{})
	stamped := source("b", "imaging.pdf", stampedPages("b", 3, func(i int) string { return fmt.Sprintf("Printed 03/12/2023   VIS 00%04d", 41+i) }), extract.Result{})
	after := source("c", "pt.pdf", []extract.Page{textPage("c", 1, "Physical therapy evaluation.")}, extract.Result{})
	srcs := []Source{plain, stamped, after}

	c := Build(Matter{ID: "m"}, srcs, Options{})
	for _, d := range c.Documents {
		if d.SenderBates {
			t.Errorf("%s keeps the sender's numbers though the matter did not ask", d.File)
		}
	}
	if got := c.Documents[1].BatesFirst; got != "MC000003" {
		t.Errorf("without the option, imaging starts at %s, want MC000003", got)
	}

	c = Build(Matter{ID: "m", KeepSenderBates: true, BatesPrefix: "SMITH"}, srcs, Options{})
	type rng struct {
		first, last string
		sender      bool
	}
	var got []rng
	for _, d := range c.Documents {
		got = append(got, rng{d.BatesFirst, d.BatesLast, d.SenderBates})
	}
	want := []rng{{"SMITH000001", "SMITH000002", false}, {"VIS 000041", "VIS 000043", true}, {"SMITH000003", "SMITH000003", false}}
	if !slices.Equal(got, want) {
		t.Errorf("ranges = %v, want %v", got, want)
	}
}

func TestSenderBatesRefused(t *testing.T) {
	cases := []struct {
		name  string
		pages []extract.Page
	}{
		{"one page not stamped", stampedPages("d", 3, func(i int) string {
			if i == 1 {
				return "Page 2 of 3"
			}
			return fmt.Sprintf("VIS %06d", 41+i)
		})},
		{"numbers not consecutive", stampedPages("d", 3, func(i int) string { return fmt.Sprintf("VIS %06d", 41+2*i) })},
		{"the same number on every page (an account number)", stampedPages("d", 3, func(int) string { return "ACCT 004411" })},
		{"a label, not a prefix", stampedPages("d", 2, func(i int) string { return fmt.Sprintf("PAGE %04d", i+1) })},
		{"the matter's own prefix", stampedPages("d", 2, func(i int) string { return fmt.Sprintf("MC%06d", 7+i) })},
		{"one page, not zero-padded", stampedPages("d", 1, func(int) string { return "Order 4411" })},
		{"in the middle of the page", []extract.Page{textPage("d", 1, "Valley Imaging\nMRI\nFindings\nVIS 000041 was the prior study\nImpression\nDisc bulge\nSigned")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Build(Matter{ID: "m", KeepSenderBates: true}, []Source{source("d", "d.pdf", tc.pages, extract.Result{})}, Options{})
			if d := c.Documents[0]; d.SenderBates || d.BatesFirst != "MC000001" {
				t.Errorf("kept %s – %s (sender %v), want the matter's own numbers", d.BatesFirst, d.BatesLast, d.SenderBates)
			}
		})
	}
}

// A second copy of a stamped production keeps the matter's numbers: no
// number may name two pages.
func TestSenderBatesNeverTwice(t *testing.T) {
	stamp := func(i int) string { return fmt.Sprintf("VIS %06d", 41+i) }
	a := source("a", "imaging.pdf", stampedPages("a", 2, stamp), extract.Result{})
	b := source("b", "imaging copy.pdf", stampedPages("b", 2, stamp), extract.Result{})
	c := Build(Matter{ID: "m", KeepSenderBates: true}, []Source{a, b}, Options{})
	if d := c.Documents[0]; !d.SenderBates || d.BatesFirst != "VIS 000041" {
		t.Errorf("first copy: %s sender %v, want VIS 000041 kept", d.BatesFirst, d.SenderBates)
	}
	if d := c.Documents[1]; d.SenderBates || d.BatesFirst != "MC000001" || d.BatesLast != "MC000002" {
		t.Errorf("second copy: %s – %s sender %v, want MC000001 – MC000002", d.BatesFirst, d.BatesLast, d.SenderBates)
	}
}
