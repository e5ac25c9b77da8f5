package chronology

import "github.com/medchron/medchron/extract/dates"

// computeGaps finds the intervals without treatment longer than gapDays.
//
// The rule: take the entries that are not pre-incident, in date order, each
// covering its date through its end date (if any). Start from the date of
// incident, or from the first entry's date when the matter has none, and
// walk to the last entry. Whenever the next treatment date lies more than
// gapDays after the last date covered so far, the interval is a Gap with
// From = the last covered date, To = the next treatment date and
// Days = To − From in calendar days. So with gapDays 30, treatment on
// March 1 and March 31 (30 days) is no gap; March 1 and April 1 (31 days)
// is. AfterEntryID names the entry that covered From (none when From is the
// date of incident), BeforeEntryID the first entry on To.
func computeGaps(entries []Entry, incident dates.Date, gapDays int) []Gap {
	gaps := []Gap{}
	var covered dates.Date
	afterID := ""
	if !incident.IsZero() {
		covered = incident
	}
	for _, e := range entries {
		if e.PreIncident || !e.Date.Valid() {
			continue
		}
		if covered.IsZero() {
			covered, afterID = e.Date, e.ID
		}
		if days := covered.DaysUntil(e.Date); days > gapDays {
			gaps = append(gaps, Gap{From: covered, To: e.Date, Days: days, AfterEntryID: afterID, BeforeEntryID: e.ID})
		}
		end := e.Date
		if e.EndDate.Valid() && e.EndDate.After(end) {
			end = e.EndDate
		}
		if !end.Before(covered) {
			covered, afterID = end, e.ID
		}
	}
	return gaps
}
