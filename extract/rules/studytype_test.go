package rules

import "testing"

// TestEyeExamAndEEGVisitTypes: an optometrist's or ophthalmologist's
// examination of the eyes (a binocular vision or neuro-optometric
// evaluation after a concussion) is an eye examination, even where the
// practice also gives vision therapy; an EEG, routine or ambulatory, is a
// test of the brain's electrical activity, as nerve conduction and EMG are
// of nerves and muscles: an electrodiagnostic study, not imaging.
func TestEyeExamAndEEGVisitTypes(t *testing.T) {
	eye := func(letterhead, title string) string {
		return letterhead + "\n5264 Oak Ave, Bakersfield, CA 93301\n\n" + title + "\n" +
			"Patient: Jane Doe                              DOB: 08/15/1971\n" +
			"Date of service: 03/14/2024                    Doctor: Ann Lee, OD\n" +
			"History: blurred vision after a concussion.\n" +
			"Near point of convergence: 14 cm break\n" +
			"ASSESSMENT:\n  1. H51.11 - Convergence insufficiency\n" +
			"PLAN:\n  Vision therapy weekly.\n"
	}
	eeg := func(title string) string {
		return "Riverbend Neurology Associates\n120 Main St, Springfield, IL 62701\n\n" + title + "\n" +
			"Patient: DOE, JANE                                DOB: 05/14/1980\n" +
			"Referring physician: Tom Reyes, MD                Reading physician: Lena Ortiz, MD\n" +
			"Indication: staring spells after a concussion (S06.0X0D)\n" +
			"Date of study: 03/04/2024\n" +
			"DESCRIPTION\nPosterior dominant rhythm of 9.5 Hz, reactive. No epileptiform discharges.\n" +
			"IMPRESSION\nNormal EEG.\n"
	}
	for _, tt := range []struct{ name, page, want string }{
		{"binocular vision exam", eye("Lakeview Eye Associates", "BINOCULAR VISION / POST-CONCUSSION EYE EXAM"), "eye examination"},
		{"neuro-optometric evaluation at a vision rehab center", eye("Clearsight Vision Rehab Center", "NEURO-OPTOMETRIC EVALUATION"), "eye examination"},
		{"neuro-ophthalmology consultation", eye("Lakeview Eye Associates", "Neuro-Ophthalmology Consultation"), "eye examination"},
		{"routine EEG", eeg("ROUTINE EEG REPORT"), "electrodiagnostic study"},
		{"ambulatory EEG", eeg("LONG-TERM AMBULATORY EEG WITH VIDEO"), "electrodiagnostic study"},
		{"electroencephalogram", eeg("Electroencephalogram Report"), "electrodiagnostic study"},
		// A practice named for its tests: its office visit is one.
		{"office visit at an EEG center", "Riverbend EEG & Sleep Center\n120 Main St, Springfield, IL 62701\n\nOFFICE VISIT\n" +
			"Patient: DOE, JANE                                DOB: 05/14/1980\nDate of service: 03/04/2024\n" +
			"CHIEF COMPLAINT: headaches.\nASSESSMENT: post-traumatic headache (G44.309).\nPLAN: sleep hygiene.\n", "office visit"},
	} {
		res := extractText(t, tt.page)
		if len(res.Encounters) != 1 {
			t.Errorf("%s: %d encounters, want 1", tt.name, len(res.Encounters))
			continue
		}
		if got := res.Encounters[0].VisitType; got != tt.want {
			t.Errorf("%s: visit type %q, want %q", tt.name, got, tt.want)
		}
	}
}
