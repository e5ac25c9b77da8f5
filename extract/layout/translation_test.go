package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestTranslatorCertificate: a certified translation of a record closes
// on the translator's certificate of accuracy (who translated what
// document of whose, from and into which language, that it is true and
// complete, the date, a certification number; notarized or not). Like a
// custodian's certificate it records no care: the date of the record it
// names and the date it was signed are no visits.
func TestTranslatorCertificate(t *testing.T) {
	for _, title := range []string{"CERTIFICATE OF TRANSLATION", "Translator's Certification of Accuracy", "Certification of Translation Accuracy", "Statement of Translation Accuracy"} {
		t.Run(title, func(t *testing.T) {
			page := "                     Bridge Language Services\n\n                     " + title + `

I, Maria Lopez, certify that I am fluent in the Spanish and English languages and competent to
translate from Spanish into English, and that the attached English translation of the clinic note
of Clinica Familiar del Valle, dated March 4, 2024, for the patient Jane Doe, is a true, complete
and accurate translation of the original Spanish document to the best of my knowledge and ability.

Translator: Maria Lopez
Certified Translator (Spanish>English), Certification No. 112233
Signature: /s/ Maria Lopez
Date: April 2, 2024
`
			d := Analyze(pagesOf(page))
			if got := d.Pages[0].Class; got != extract.PageAdmin {
				t.Errorf("class %q, want %q", got, extract.PageAdmin)
			}
		})
	}
}
