package layout

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// A pre-operative evaluation (a primary care physician's clearance, an
// anaesthesia assessment) prints the day of its own visit and, beside it,
// the day of the operation it clears the patient for: "DOS: 12/11/2023 ...
// Procedure: L4-5 microdiscectomy   Surgery date: 12/27/2023". The
// operation's label is one of a date of service (an operative report's
// "Date of Surgery" is its visit), yet no record documents an operation
// after its own visit: such a date is the surgery to come.

// reVisitLabel ends the label of a visit's own date: "DOS", "Date of
// service", "Visit date", "Date of exam", "Encounter date".
var reVisitLabel = lazyre.New(`(?i)\b(?:d\.?o\.?s\.?|service|visit|encounter|exam|examination|evaluation|consultation|consult|seen)\b[\s:.#-]*(?:date)?[\s:.#-]*$`)

// reOperationLabel ends the label of an operation's date: "Surgery date",
// "Date of surgery", "Procedure date", "Date of operation".
var reOperationLabel = lazyre.New(`(?i)\b(?:surgery|surgical|procedure|operation|operative|op)\b[\s:.#-]*(?:date)?[\s:.#-]*$`)

// reOperationField opens a line that names the operation, whose date
// follows on the line: "Procedure: L4-5 microdiscectomy   DOS: ...".
var reOperationField = lazyre.New(`(?i)^\W{0,2}(?:(?:planned|proposed|scheduled|requested)\s+)?(?:procedure|surgery|operation)\s*:`)

// labelText returns the text of the label in front of the line's date of
// service, from the last wide gap or date before it.
func labelText(l *Line) (string, bool) {
	for _, m := range l.Dates {
		if m.Date != l.Service {
			continue
		}
		pre := l.Text[max(0, m.Start-40):m.Start]
		for _, d := range l.Dates {
			if d.End <= m.Start && d.End > m.Start-40 {
				pre = l.Text[d.End:m.Start]
			}
		}
		if i := strings.LastIndex(pre, "   "); i >= 0 {
			pre = pre[i:]
		}
		return pre, true
	}
	return "", false
}

// markPlannedSurgery marks as planned the operation's date that a page
// labels after the label of a visit's own date, a few lines below it
// under no new title, when it falls after that visit (see above).
func markPlannedSurgery(d *Doc) {
	for pi := range d.Pages {
		var visit dates.Date
		at := -1
		for i := d.Pages[pi].First; i < d.Pages[pi].End; i++ {
			l := &d.Lines[i]
			if l.Title != "" && at >= 0 && i != at {
				visit, at = dates.Date{}, -1
			}
			if !l.HasService || l.Noise() {
				continue
			}
			pre, ok := labelText(l)
			if !ok {
				continue
			}
			switch {
			case reOperationLabel.MatchString(pre) || reOperationField.MatchString(l.Trim) && at >= 0 && i != at:
				if at >= 0 && i-at <= 8 && l.Service.After(visit) {
					l.Planned, l.Service, l.HasService = l.Service, dates.Date{}, false
				}
			case reVisitLabel.MatchString(pre):
				if at < 0 {
					visit, at = l.Service, i
				}
			}
		}
	}
}
