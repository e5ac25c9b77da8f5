package rules

import "testing"

// TestUnreadVisitDateTakesNoSignatureDate: when OCR destroys the value of a
// note's visit-date label ("Visit Date: L714"), the note's e-signature,
// print or fax date is no date of service: the note is kept undated, unless
// other evidence that states the visit (a second visit-date label, a date
// in prose that gives the visit) dates it.
func TestUnreadVisitDateTakesNoSignatureDate(t *testing.T) {
	for _, tt := range []struct{ name, label, extra, want string }{
		{"signed", "Visit Date: L714", "", "undated"},
		{"service label", "Date of Service: 7L41 Z", "", "undated"},
		{"label above", "Date of Service\nli-Dec- 2024", "", "undated"},
		{"label above, value lost", "Visit Date\nee", "", "undated"},
		{"second visit label", "Visit Date: L714", "Date of visit: 12/27/2024\n", "2024-12-27"},
		{"prose", "Visit Date: L714", "I saw her in my office on 12/27/2024 for follow-up.\n", "2024-12-27"},
		{"readable label", "Visit Date: 12/27/2024", "", "2024-12-27"},
	} {
		page := "Lakeview Family Medicine\n123 Main Street, Springfield\n\n" +
			"VISIT SUMMARY\n" + tt.label + "\nProvider: Ann Lee, MD\n" +
			"Chief Complaint: Neck pain after a collision.\n" + tt.extra +
			"Assessment: Cervical strain. Continue home exercises and ibuprofen.\n" +
			"Plan: Physical therapy twice weekly for four weeks.\n" +
			"Electronically signed by Ann Lee, MD on 12/28/2024 09:14\n"
		res := extractText(t, page)
		if len(res.Encounters) != 1 {
			t.Errorf("%s: %d encounters, want 1", tt.name, len(res.Encounters))
			continue
		}
		e := res.Encounters[0]
		got := e.Date.String()
		if e.Undated {
			got = "undated"
		}
		if got != tt.want {
			t.Errorf("%s: dated %s, want %s", tt.name, got, tt.want)
		}
	}
}
