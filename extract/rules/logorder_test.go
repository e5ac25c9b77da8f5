package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestLogOCRDateOutOfOrder: on a fax, OCR read a log row's date with a 5
// taken for an 8 ("08/22/2023" between 05/17/2023 and 05/25/2023, and
// "2023-08-31" between 2023-05-29 and 2023-06-05); the rows run forward,
// and the row's visit is on the one look-alike reading that falls between
// its neighbours. On a text page the rows keep their dates as printed.
func TestLogOCRDateOutOfOrder(t *testing.T) {
	page := "Birchwood Spine & Rehab\nDocumentation Status Report\n" +
		"Patient: DOE, JANE   DOB: 02/03/1981\n\n" +
		"DOS           Time      Therapist                    Note type     Units Pain Status\n" +
		"05/15/2023    9:30 AM   Kim Arden, DPT              Evaluation    4     7     Signed\n" +
		"05/17/2023    2:00 PM   Kim Arden, DPT              Daily note    2     7     Signed\n" +
		"08/22/2023    10:30 AM  Fay Ball, PTA               Daily note    4     6     Signed\n" +
		"05/25/2023    4:30 PM   Kim Arden, DPT              Daily note    4     5     Signed\n" +
		"05/29/2023    9:30 AM   Fay Ball, PTA               Daily note    4     6     Signed\n" +
		"08/31/2023    1:45 PM   Kim Arden, DPT              Daily note    3     4     Signed\n" +
		"06/05/2023    4:45 PM   Fay Ball, PTA               Daily note    4     5     Signed\n"
	for _, tc := range []struct {
		src  extract.PageSource
		want string
	}{
		{extract.SourceOCR, "2023-05-15 2023-05-17 2023-05-22 2023-05-25 2023-05-29 2023-05-31 2023-06-05"},
		{extract.SourceText, "2023-05-15 2023-05-17 2023-08-22 2023-05-25 2023-05-29 2023-08-31 2023-06-05"},
	} {
		// As for a grid's dates (TestGridOCRDateOutOfOrder), the row's
		// quote prints the date as OCR read it.
		pages := pagesOf([]string{page})
		pages[0].Source = tc.src
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
		if err != nil {
			t.Fatal(err)
		}
		if got := encounterDates(res); got != tc.want {
			t.Errorf("%s page: visits %q, want %q", tc.src, got, tc.want)
		}
	}
}
