package rules

import (
	"strings"
	"testing"
)

// TestPlacedLetterhead: a name with no facility word is the provider when
// the layout makes it a letterhead (the top line of a page, directly above
// the date of service or the facility's address or phone), and nothing
// else at the top of a page is.
func TestPlacedLetterhead(t *testing.T) {
	body := "\n# Chief Complaint\nNeck pain after a collision.\n# Assessment and Plan\nCervical strain.\n" +
		"A sentence long enough to give the page the width of a printed page of text, as a real note has.\n"
	tests := []struct {
		name, text, provider string
	}{
		{"bare location code, centred above the date", "                                                  PCP72127\nDate of Service: 2014-02-12" + body, "PCP72127"},
		{"name without facility words, above the address", "Kaiser Permanente\n1200 El Camino Real, San Francisco, CA 94115\nDate of Service: 01/02/2024" + body, "Kaiser Permanente"},
		{"name without facility words, above the phone", "   Massachusetts Eye and Ear Infirmary\n   Tel (617) 555-0100\nVisit Date: 03/04/2022" + body, "Massachusetts Eye and Ear Infirmary"},
		{"facility name that reads like a heading", "FAMILY HEALTH CENTER\nDate of Service: 2019-01-15" + body, "FAMILY HEALTH CENTER"},
		{"the tail of an address block in the right column", strings.Repeat(" ", 90) + "USA\n" + strings.Repeat(" ", 90) + "Tel Workplace: (555)555-1212\nDate of Service: 01/02/2024" + body, ""},
		{"a section heading", "Chief Complaint\nDate of Service: 01/02/2024\nNeck pain." + body, ""},
		{"a sentence", "Patient seen today for follow up.\nDate of Service: 01/02/2024" + body, ""},
		{"a clinician", "Jane Roe, MD\nDate of Service: 01/02/2024" + body, ""},
		{"a label", "Account: 12345\nDate of Service: 01/02/2024" + body, ""},
		{"the patient's name", "Ann Bee\nPatient: Ann Bee\nDate of Service: 01/02/2024" + body, ""},
		{"not followed by a header line", "PCP72127\n# Chief Complaint\nNeck pain.\nDate of Service: 01/02/2024" + body, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.text)
			if len(res.Encounters) != 1 {
				t.Fatalf("got %d encounters, want 1", len(res.Encounters))
			}
			if got := res.Encounters[0].Provider; got != tt.provider {
				t.Errorf("provider %q, want %q", got, tt.provider)
			}
		})
	}
}

// TestProviderCarryOver: a note without a letterhead of its own belongs to
// the provider of the document section it falls in — the provider named
// last above it (letterhead, running header, fax sender) — whether it
// continues the previous note or opens with its own date of service; a
// letterhead of another provider opens another section.
func TestProviderCarryOver(t *testing.T) {
	first := "Harbor Family Practice\nPROGRESS NOTE\nDate of Service: 01/10/2024\nSUBJECTIVE: neck pain improving.\nOBJECTIVE: ROM improved.\n"
	tests := []struct {
		name  string
		pages []string
		want  []string // provider per encounter
	}{
		{"next page with its own date header, no letterhead", []string{first,
			"Date of Service: 01/20/2024\nSUBJECTIVE: new complaint of knee pain.\nPLAN: x-ray.\n"},
			[]string{"Harbor Family Practice", "Harbor Family Practice"}},
		{"running header names the practice on pages without a letterhead", []string{
			"Lakeside Pain Mgmt – DOE, JANE – DOB 01/02/1980\nDate of Service: 01/10/2024\nSUBJECTIVE: neck pain.\nPLAN: injection.\n",
			"Lakeside Pain Mgmt – DOE, JANE – DOB 01/02/1980\nDate of Service: 01/24/2024\nSUBJECTIVE: better.\nPLAN: continue.\n"},
			[]string{"Lakeside Pain Mgmt", "Lakeside Pain Mgmt"}},
		{"nothing names a provider", []string{"Date of Service: 01/10/2024\nSUBJECTIVE: neck pain.\nPLAN: rest.\n"},
			[]string{""}},
		{"second note cut below the first on the same page", []string{first +
			"\nDate of Service: 01/17/2024\nSUBJECTIVE: better.\nPLAN: continue.\n"},
			[]string{"Harbor Family Practice", "Harbor Family Practice"}},
		{"continuation page of the same note", []string{first,
			"ASSESSMENT: cervical strain S13.4XXD.\nPLAN: home exercise.\n"},
			[]string{"Harbor Family Practice"}},
		{"flowsheet page without a date header", []string{first,
			"TREATMENT NOTE\n01/12/2024  traction and heat, 20 minutes.\n01/12/2024  therapeutic exercise, 15 minutes.\n"},
			[]string{"Harbor Family Practice", "Harbor Family Practice"}},
		{"next page with its own letterhead", []string{first,
			"Valley Pain Management Associates\nDate of Service: 01/20/2024\nPROCEDURE: cervical epidural steroid injection.\n"},
			[]string{"Harbor Family Practice", "Valley Pain Management Associates"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.pages...)
			var got []string
			for _, e := range res.Encounters {
				got = append(got, e.Provider)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("providers %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLetterheadBesideSpeckColon: a scan's speck read as a colon between a
// letterhead and the title printed right of it makes no "Name:" label of
// the letterhead; a label's colon set apart from its label still is one.
func TestLetterheadBesideSpeckColon(t *testing.T) {
	body := "Pt: DOE, JANE DOB 07-20-1977 Acct 74688159\n’ Date: 12-18-2023     :                    Provider: Ann Roe, DC\n\n" +
		"Assessment: Cervical sprain/strain with functional limitation.\nCervicalgia (M54.2)\n\n" +
		"Plan: 2-3 times a week for 6 weeks: therapeutic exercise, manual therapy.\n"
	res := extractOCR(t, "RIVERSIDE CHIROPRACTIC                                      :                 PROGRESS NOTE (APSO)\n\n"+body)
	if len(res.Encounters) != 1 || res.Encounters[0].Provider != "RIVERSIDE CHIROPRACTIC" && res.Encounters[0].Provider != "Riverside Chiropractic" {
		t.Errorf("encounters %+v, want one of Riverside Chiropractic", res.Encounters)
	}
	res = extractText(t, "Riverside Chiropractic\n\nDIAGNOSIS      :   Cervicalgia (M54.2)\nDate of Service: 12/18/2023\nPlan: rest.\n")
	if len(res.Encounters) != 1 || len(res.Encounters[0].Diagnoses) != 1 {
		t.Errorf("aligned label: encounters %+v, want one with its diagnosis", res.Encounters)
	}
}
