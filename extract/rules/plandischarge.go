package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// A therapy or chiropractic office closes a course of care with a
// discharge summary: it prints the course as a range of many visits
// ("Dates of service 02/05/2024 - 03/29/2024, 14 visits attended",
// "Start of care ... Last visit ... Visits: 16 of 20"), the measures at
// the evaluation and at discharge, and the plan's certification period.
// Unlike a hospital's discharge summary, which records the stay from its
// admission, the record is the discharge visit: the course's first day is
// the evaluation, a record of its own.

// reVisitCount is the count of visits a course of care ran to: "14 visits
// attended", "12 sessions completed", "Visits: 16 of 20", "Total visits:
// 12"; on a scan OCR may read the space after the count as a hyphen or a
// point ("11-visits attended"), and its colon as a semicolon ("Visits;
// 16 of 20").
var reVisitCount = lazyre.New(`(?i)\b\d{1,3}(?:\s+|\s*[-.]\s*)(?:visits?|sessions?|treatments?|appointments?)[.,;:]?\s+(?:attended|completed|kept)\b|\b(?:total\s+|number\s+of\s+)?(?:visits|sessions|treatments)(?:\s+(?:attended|completed))?\s*[:;]\s*\d{1,3}\b`)

// reLastVisitLabel ends the label of a course's last visit: "Discharge
// date:", "Date of discharge visit:", "Last visit:", "Final treatment
// date:", a table's "Discharge" column over its date.
var reLastVisitLabel = lazyre.New(`(?i)(?:^|[^a-z])(?:(?:date\s+of\s+)?discharge(?:\s+visit)?(?:\s+date)?|discharged(?:\s+on)?|(?:date\s+of\s+)?(?:last|final)\s+(?:visit|treatment|session|date\s+of\s+service|dos)(?:\s+date)?)\s*[:#.-]?\s*$`)

// reRangeJoin joins the two ends of a printed range.
var reRangeJoin = lazyre.New(`(?i)^\s*(?:-|–|to|through|thru)\s*$`)

// reCertPeriod labels the certification period of a therapy plan of care
// ("Certification period:", "Cert period:", "Recertification period:"),
// which only an outpatient course's records print: a hospital stay has
// none.
var reCertPeriod = lazyre.New(`(?i)\b(?:re)?cert(?:ification|\.)?\s+period\s*:`)

// courseDischarge reports whether the note is a discharge summary that
// closes an outpatient course of care: its title says discharge (or case
// closure) and it counts the course's visits or prints its plan's
// certification period (the count may be what OCR lost: "ul visits").
func (n *note) courseDischarge() bool {
	if !n.dischargeHeading() {
		return false
	}
	for i, l := range n.lines {
		if !l.noise && !n.secs[i].IsHistory() && (reVisitCount.MatchString(l.text) || reCertPeriod.MatchString(l.text)) {
			return true
		}
	}
	return false
}

// dischargeHeading reports whether the note's title, or a heading line
// of its head (short, no date: a title the segmenter did not take for
// one), says discharge or case closure.
func (n *note) dischargeHeading() bool {
	says := func(s string) bool {
		s = strings.ToLower(s)
		return strings.Contains(s, "discharge") || strings.Contains(s, "case closure")
	}
	if says(n.title) || says(n.caption) {
		return true
	}
	for i, l := range n.lines[:min(len(n.lines), max(n.body, 8))] {
		if !l.noise && len(l.trim) < 60 && !strings.ContainsAny(l.trim, "0123456789:") && !n.secs[i].IsHistory() && says(l.trim) {
			return true
		}
	}
	return false
}

// dischargeVisit returns the discharge visit of a note that closes a
// course of care (courseDischarge): the date a label names the last or
// discharge visit, else the end of the course's range on the line that
// counts its visits. False when the note is none or prints neither.
func (n *note) dischargeVisit() (candidate, bool) {
	if !n.courseDischarge() {
		return candidate{}, false
	}
	var ranged candidate
	rangedOK := false
	for i, l := range n.lines {
		if l.noise || n.secs[i].IsHistory() {
			continue
		}
		ds := lineDates(l)
		if i+1 < len(n.lines) {
			if j, ok := joinSplitDate(l, &n.lines[i+1]); ok {
				l = j
				ds = findDates(l.text)
			}
		}
		at := 0
		for k, m := range ds {
			if m.Start < at {
				continue
			}
			pre := l.text[max(at, m.Start-40):m.Start]
			if strings.ContainsAny(pre, "0123456789") {
				pre = pre[strings.LastIndexAny(pre, "0123456789")+1:]
			}
			if reLastVisitLabel.MatchString(pre) {
				return candidate{date: m.Date, li: i, l: l, m: m, label: lblService}, true
			}
			if !rangedOK && k > 0 && reRangeJoin.MatchString(l.text[ds[k-1].End:m.Start]) && reVisitCount.MatchString(l.text) && m.Date.After(ds[k-1].Date) {
				ranged, rangedOK = candidate{date: m.Date, li: i, l: l, m: m, label: lblService}, true
			}
			at = m.End
		}
	}
	return ranged, rangedOK
}

// courseEnd is the date of a note that closes a course of care, when
// dischargeVisit finds it, in place of the date chooseDate scored: the
// discharge visit, a day of its own.
func (n *note) courseEnd(best candidate, end dates.Date, ok bool) (candidate, dates.Date, bool) {
	if c, found := n.dischargeVisit(); found {
		return c, dates.Date{}, true
	}
	return best, end, ok
}
