package rules

import (
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
)

// The line classifiers live in package layout, which runs each of them
// once per line; these accessors read what it found.

// section is the kind of note section a line belongs to.
type section = layout.Heading

// Section kinds, as layout names them.
const (
	secNone       = layout.NoHeading
	secComplaints = layout.Complaints
	secHistory    = layout.History
	secReview     = layout.RecordReview
	secFindings   = layout.Findings
	secImpression = layout.Impression
	secAssessment = layout.Assessment
	secAssessPlan = layout.AssessPlan
	secPlan       = layout.Plan
	secMeds       = layout.Meds
	secProcedure  = layout.Procedure
	secWork       = layout.Work
	secGoals      = layout.Goals
	secOther      = layout.OtherHeading
)

// lineDates returns the dates on a line.
func lineDates(l line) []dates.Match {
	if l.lo != nil {
		return l.lo.Dates
	}
	return layout.FindDates(l.text)
}

// titleOf returns the document title a line prints ("PROGRESS NOTE"), or "".
func titleOf(l line) string {
	if l.lo != nil {
		return l.lo.Title
	}
	return ""
}

// letterhead returns the facility name a line prints as a letterhead, or "".
func letterhead(l line) string {
	if l.lo != nil {
		return l.lo.Letterhead
	}
	return ""
}

// headerish reports whether a line belongs to a header block.
func headerish(l line) bool { return l.lo != nil && l.lo.Header }

// serviceDate returns the date a line labels as a date of service.
func serviceDate(l line) (dates.Date, bool) {
	if l.lo != nil {
		return l.lo.Service, l.lo.HasService
	}
	return dates.Date{}, false
}

// headingOf returns the section a line opens and where its own text
// begins in the line.
func headingOf(l line) (section, int) {
	if l.lo != nil {
		return l.lo.Heading, l.lo.HeadingEnd
	}
	return secNone, 0
}

// logoLine reports whether a line holds only a logo's initials or debris.
func logoLine(l line) bool { return l.lo != nil && l.lo.Logo }

// firstCell returns the text of the first column of a line.
func firstCell(l line) string { return layout.FirstCell(l.text) }
