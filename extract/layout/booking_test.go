package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestProcedureBookingSheet: a scheduler's booking sheet for a procedure
// ordered (the procedure and its code, the ordering physician, the date
// booked and scheduled, the authorization, the pre-procedure
// instructions) shows the procedure planned, not done: it records no
// visit and no diagnosis, whatever it prints of the order.
func TestProcedureBookingSheet(t *testing.T) {
	sheet := "Mesa Pain Specialists\n88 Grand Ave, Phoenix, AZ 85004\nPhone (602) 555-0190\n\n" +
		"SURGERY SCHEDULING FORM\n" +
		"Patient: Jane Doe                                  DOB: 01/02/1980\n" +
		"Procedure: Lumbar medial branch block L4-L5        CPT: 64493\n" +
		"Ordering physician: Paul Wren, MD                  Ordered: 02/20/2024\n" +
		"Diagnosis: M54.50, M47.816                         Side: Bilateral\n" +
		"Scheduled for: 03/11/2024                          Arrival time: 7:30 AM\n" +
		"Facility: Procedure room 1                         Sedation: None\n" +
		"Insurance authorization\n" +
		"Requested: 02/21/2024                              Approved: 02/26/2024\n" +
		"Pre-procedure instructions given\n" +
		"  [X] Stop aspirin and NSAIDs on 03/06/2024\n" +
		"  [X] Driver required after the procedure\n" +
		"Status: Confirmed\n" +
		"Scheduler: KT   Date booked: 02/20/2024\n"
	// Its checklist of instructions may run to whole sentences.
	long := strings.Replace(sheet, "  [X] Driver required after the procedure\n",
		"  [X] Stop blood thinners as directed by the prescribing physician, starting March 6, 2024\n"+
			"  [X] Nothing to eat after midnight; clear liquids until two hours before the arrival time\n"+
			"  [X] Driver required; no driving or operating machinery on the day of the procedure\n", 1)
	for name, text := range map[string]string{"sheet": sheet, "sheet with sentences": long} {
		if got := Analyze(pagesOf(text)).Pages[0].Class; got == extract.PageClinical || got == extract.PageReport || got == extract.PageVisitLog {
			t.Errorf("procedure booking %s: class %q, want no record of care", name, got)
		}
	}
}
