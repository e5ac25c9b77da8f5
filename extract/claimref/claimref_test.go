package claimref

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

func page(doc string, n int, text string) extract.Page {
	return extract.Page{DocumentID: doc, Number: n, Text: text}
}

// TestFind: claim numbers and payers after their labels, counted by page
// and cited by their line; values that name no insurer, labels without a
// number and a claim number run into a payer's name are not taken.
func TestFind(t *testing.T) {
	pages := []extract.Page{
		page("d1", 1, "RIVERSIDE ORTHOPAEDICS\nPrimary: Granite State Auto - Med Pay/PIP   Claim # 22-48391-A\nDOS 03/14/2024 99204 $250.00"),
		page("d1", 2, "Primary: Granite State Auto - Med Pay/PIP   Claim # 22-48391-A\nClaim # 22-48391-A (again on the same page)"),
		page("d2", 1, "Insurance Carrier: Lakeside Mutual Insurance Co.\nClaim No.: LM7730021\nSecondary: Self Pay"),
		page("d3", 4, "Please submit the claim form to your insurer.\nInsurance: N/A\nClaim Number: pending"),
	}
	got := Find(pages)
	want := []struct {
		kind, value, label string
		pages              int
		first              string
	}{
		{KindClaimNumber, "22-48391-A", "Claim #", 2, "d1:1"},
		{KindClaimNumber, "LM7730021", "Claim No.", 1, "d2:1"},
		{KindPayer, "Granite State Auto - Med Pay/PIP", "Primary", 2, "d1:1"},
		{KindPayer, "Lakeside Mutual Insurance Co.", "Insurance Carrier", 1, "d2:1"},
	}
	if len(got) != len(want) {
		t.Fatalf("Find: %d references, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		first := ""
		if len(g.Citations) > 0 {
			first = g.Citations[0].DocumentID + ":" + string(rune('0'+g.Citations[0].Page))
		}
		if g.Kind != w.kind || g.Value != w.value || g.Label != w.label || g.Pages != w.pages || first != w.first {
			t.Errorf("reference %d = %+v, want %+v", i, g, w)
		}
	}
	if q := got[0].Citations[0].Quote; q != "Primary: Granite State Auto - Med Pay/PIP   Claim # 22-48391-A" {
		t.Errorf("the claim number's citation quotes %q, want its line", q)
	}
	if refs := Find([]extract.Page{page("d9", 1, "Office visit. Low back pain. Plan: PT 2x/week.")}); len(refs) != 0 {
		t.Errorf("a clinical page without labels gave %+v", refs)
	}
}
