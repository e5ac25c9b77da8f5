package demand

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/claimref"
)

// TestClaimReferencesInPlaceholders: what the bills print for the claim
// number and the carrier is offered inside the Re: block's placeholders,
// with its page, never stated as the claim's; inputs the attorney gave win.
func TestClaimReferencesInPlaceholders(t *testing.T) {
	c := reviewedSample()
	doc := c.Documents[0]
	c.ClaimReferences = []claimref.Reference{
		{Kind: claimref.KindClaimNumber, Value: "22-48391-A", Label: "Claim #", Pages: 4,
			Citations: []extract.Citation{{DocumentID: doc.ID, Page: 3, Bates: "MC000003", Quote: "Claim # 22-48391-A"}}},
		{Kind: claimref.KindPayer, Value: "Granite State Auto - Med Pay/PIP", Label: "Primary", Pages: 1,
			Citations: []extract.Citation{{DocumentID: doc.ID, Page: 3, Quote: "Primary: Granite State Auto - Med Pay/PIP"}}},
	}
	intro := func(d Draft) string {
		s, ok := d.Section("introduction")
		if !ok {
			t.Fatalf("no introduction in %+v", d.Sections)
		}
		return s.Body
	}
	body := intro(Generate(c, Options{Now: testNow}))
	for _, want := range []string{
		"[Attorney to insert the claim number — the records print Claim #: 22-48391-A (MC000003, on 4 pages); confirm it is this claim's]",
		"[Attorney to insert the insurance carrier — the records print Primary: Granite State Auto - Med Pay/PIP (" + doc.File + " p. 3); confirm it is the carrier of this claim]",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the Re: block lacks %q:\n%s", want, body)
		}
	}
	body = intro(Generate(c, Options{Now: testNow, Inputs: fullInputs()}))
	if strings.Contains(body, "22-48391-A") || !strings.Contains(body, "AM-22-104") {
		t.Errorf("with the attorney's claim number the letter still offers the printed one:\n%s", body)
	}
}
