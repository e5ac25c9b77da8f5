package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestTranslationIsTheClinicsRecord: a certified translation prints the
// translation agency's name atop its pages and describes what it cannot
// reproduce of the original in brackets ("[Letterhead:] ...", "[Logo:]
// ..."). The record is the clinic's, as its original is: the agency
// translated it and gave no care.
func TestTranslationIsTheClinicsRecord(t *testing.T) {
	original := `                        Clinica Familiar del Valle
                     2201 Mission St, San Jose, CA 95110

NOTA MEDICA
Paciente: Jane Doe                                   Fecha de nacimiento: 1980-01-02
Fecha de consulta: 2024-03-04                        Medico: Luis Ortega, MD
Motivo de consulta:    Dolor de cuello despues de un accidente automovilistico.
Exploracion fisica:    Espasmo muscular paravertebral cervical.
Diagnostico:
   S13.4XXA Esguince de ligamentos de la columna cervical
Plan: Naproxeno 500 mg cada 12 horas.
Firma: Luis Ortega, MD
`
	for _, tt := range []struct{ mark, note string }{
		{"ENGLISH TRANSLATION", "[Letterhead:] Clinica Familiar del Valle, 2201 Mission St, San Jose, CA 95110"},
		{"[Translation from Spanish]", "[Letterhead: Clinica Familiar del Valle, 2201 Mission St, San Jose, CA 95110]"},
		{"Certified translation - Spanish to English", "[Logo] Clinica Familiar del Valle"},
	} {
		translation := `Bridge Language Services, Inc.                                        ` + tt.mark + `

` + tt.note + `

MEDICAL NOTE
Patient: Jane Doe                                    Date of birth: 1980-01-02
Date of visit: March 4, 2024                         Physician: Luis Ortega, MD
Reason for visit:    Neck pain after a car accident.
Physical examination:    Cervical paravertebral muscle spasm.
Diagnosis:
   S13.4XXA Sprain of ligaments of cervical spine, initial encounter
Plan: Naproxen 500 mg every 12 hours.
Signature: [illegible signature] Luis Ortega, MD
[End of translation]
`
		for _, texts := range [][]string{{translation}, {original, translation}} {
			pages := pagesOf(texts)
			res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: len(pages)}, pages)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Encounters) == 0 {
				t.Fatalf("%s: no encounter", tt.mark)
			}
			for _, e := range res.Encounters {
				if !strings.HasPrefix(e.Provider, "Clinica Familiar del Valle") {
					t.Errorf("%s (%d pages): visit %s of %q, want the clinic's", tt.mark, len(texts), e.Date, e.Provider)
				}
			}
		}
	}
}
