package layout

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/internal/lazyre"
)

// Appointments: schedules, appointment lists and logs print an
// appointment's status in a cell of its row ("Arrived", "No show - no
// charge", "Cancelled by client", "Rescheduled to 3/2/24"). The status
// says whether the patient was seen; it is not what was done. A table of
// appointments whose rows record nothing of the care (no procedure code,
// no pain score) is a scheduling record, not a visit log (see pageClass);
// a log's rows whose status is one of a visit not kept are no visits.

// appointmentStatuses maps the statuses of an appointment, as printed, to
// whether the patient was seen.
var appointmentStatuses = map[string]bool{
	"arrived": true, "completed": true, "complete": true, "checked out": true, "checked in": true, "kept": true,
	"seen": true, "attended": true, "showed": true,

	"planned": false, "scheduled": false, "booked": false, "pending": false, "future": false, "tentative": false,
	"confirmed": false, "unconfirmed": false, "left message": false, "reminded": false,
	"no show": false, "noshow": false, "ns": false, "dns": false, "did not show": false, "did not attend": false,
	"dna": false, "not seen": false, "cancelled": false, "canceled": false, "cancel": false, "cx": false, "cxl": false,
	"late cancel": false, "late cancellation": false, "late cx": false, "late cxl": false, "latecancel": false, "latecancellation": false, "cancellation": false, "missed": false, "rescheduled": false,
	"resched": false, "bumped": false, "left without being seen": false, "lwbs": false,
	// The patient checked in and left before being seen (a check-in
	// report prints the arrival time and no check-out).
	"left not seen": false, "left before seen": false, "left before being seen": false, "left prior to being seen": false,
	"left without treatment": false, "left unseen": false,
	"missed visit": false, "missed appointment": false, "visit missed": false, "visit not made": false,
	// A prepaid package's session used up without a visit.
	"forfeit": false, "forfeited": false, "session forfeited": false, "visit forfeited": false,
	// An attendance sheet's day the patient did not come (a work
	// conditioning program marks its scheduled days present or absent).
	"present": true, "absent": false, "absence": false, "excused absence": false, "unexcused absence": false,
	"pt absent": false, "patient absent": false, "no call no show": false, "called off": false, "called out": false,
}

// AppointmentStatus reads a table cell as an appointment's status: ok when
// the cell is one, alone or followed by what it says about it (after a
// dash, comma or parenthesis, or "by" and "to": "Cancelled by
// client", "Rescheduled to 3/2/24", "No show - no charge"), and kept when
// the patient was seen. OCR's specks around the cell are no part of it.
func AppointmentStatus(cell string) (kept, ok bool) {
	t := strings.ToLower(strings.TrimFunc(cell, func(r rune) bool { return !unicode.IsLetter(r) }))
	// OCR's speck read as a quote within the status ("No’ show"), or as
	// an accent over a letter ("Cancelléd").
	t = strings.Map(func(r rune) rune {
		if strings.ContainsRune("'’‘`\"“”", r) {
			return -1
		}
		for _, v := range []string{"aáàâä", "eéèêë", "iíìîï", "oóòôö", "uúùûü"} {
			if strings.ContainsRune(v[1:], r) {
				return rune(v[0])
			}
		}
		return r
	}, t)
	// A status of several words may itself be cut by a dash ("Left - not
	// seen"): the whole cell is that status, not its first word.
	if w := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '-' || r == '–' || r == '\t' }); len(w) >= 2 && len(w) <= 5 {
		if kept, ok := appointmentStatuses[strings.Join(w, " ")]; ok {
			return kept, true
		}
	}
	if i := strings.IndexAny(t, "-–(,;:"); i > 0 && (t[i] != '-' || i+1 < len(t) && t[i+1] == ' ' || t[i-1] == ' ') {
		t = t[:i]
	}
	// What a parenthesis adds says more of the status before it ("No
	// show (charged)"), even after a status's own hyphen ("No-show").
	if i := strings.IndexByte(t, '('); i > 0 {
		t = t[:i]
	}
	w := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '\t' || r == '|' })
	// Who cancelled or did not come may open the status ("Pt cancelled",
	// "Patient no show", "Therapist cancelled"): the status follows.
	if len(w) > 1 && statusParty[w[0]] {
		w = w[1:]
	}
	for n := min(len(w), 5); n >= 1; n-- {
		kept, ok := appointmentStatuses[strings.Join(w[:n], " ")]
		if ok && (n == len(w) || statusTail[w[n]] || sameStatus(w[n:], kept)) {
			return kept, true
		}
	}
	// OCR may take a thin letter of a status for another ("Pt
	// cancetled", "Cancel1ed", "Altended"): a status of seven letters or
	// more read with its l, t, i or 1 confused is still that status, where
	// no status of the other kind reads alike.
	for n := min(len(w), 5); n >= 1; n-- {
		if k := strings.Join(w[:n], " "); len(k) >= 7 {
			kept, ok := strokeStatuses[foldStrokes(k)]
			if ok && (n == len(w) || statusTail[w[n]]) {
				return kept, true
			}
		}
	}
	return false, false
}

// foldStrokes writes the thin letters OCR takes for one another (l, t, i,
// 1) as one.
func foldStrokes(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("lti1", r) {
			return 'l'
		}
		return r
	}, s)
}

// strokeStatuses maps the statuses of seven letters or more, their thin
// letters folded (foldStrokes), to whether the patient was seen; a folded
// form that statuses of both kinds share is none.
var strokeStatuses = func() map[string]bool {
	m, both := map[string]bool{}, map[string]bool{}
	for k, kept := range appointmentStatuses {
		if len(k) < 7 {
			continue
		}
		f := foldStrokes(k)
		if v, ok := m[f]; ok && v != kept {
			both[f] = true
		}
		m[f] = kept
	}
	for f := range both {
		delete(m, f)
	}
	return m
}()

// sameStatus reports whether the words w are a status too, alike in
// whether the patient was seen: a cell that names two at once ("No-show/
// late cx") is one of them.
func sameStatus(w []string, kept bool) bool {
	k, ok := appointmentStatuses[strings.Join(w, " ")]
	return ok && k == kept
}

// statusParty are the words that name who an appointment's status is
// owed to, before the status.
var statusParty = map[string]bool{"pt": true, "patient": true, "client": true, "clt": true, "provider": true,
	"therapist": true, "clinic": true, "office": true, "dr": true, "doctor": true}

// statusTail are the words after a status that say more about it.
// Not "for": "Seen for neck pain" is a visit's text, not its status.
var statusTail = map[string]bool{"by": true, "to": true}

// RowStatus returns the appointment status a table row prints in one of
// its cells after its date (which ends at dateEnd).
func RowStatus(text string, dateEnd int) (kept, ok bool) {
	for _, c := range Cells(text) {
		if c.Start < dateEnd {
			continue
		}
		cell := text[c.Start:c.End]
		if kept, ok := AppointmentStatus(cell); ok {
			return kept, true
		}
		// OCR may join the status to the booked time before it, one
		// speck between ("7:30 AM = No show").
		if m := reLeadClock.FindStringIndex(cell); m != nil {
			if kept, ok := AppointmentStatus(cell[m[1]:]); ok {
				return kept, true
			}
		}
	}
	return false, false
}

// reLeadClock is a time of day opening a cell, and the specks after it.
var reLeadClock = lazyre.New(`(?i)^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?[\s=~_|:.,*»«-]+`)

// NoteStatus returns the status a note under a log's row opens with, the
// words before its first stop, colon, dash or figure ("Missed visit 2:30
// PM: no answer at the door", "No show - client not home"): a log that
// writes a note under each visit says there, not in a cell, that the
// visit was not made.
func NoteStatus(text string) (kept, ok bool) {
	t := strings.TrimSpace(text)
	if i := strings.IndexFunc(t, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(".:;,(–—", r) }); i >= 0 {
		t = t[:i]
	}
	if i := strings.Index(t, " - "); i >= 0 {
		t = t[:i]
	}
	if t = strings.TrimSpace(t); t == "" || strings.Count(t, " ") > 3 {
		return false, false
	}
	return AppointmentStatus(t)
}

// reClockCell is a cell that prints only a time of day ("16:39", "8:02 AM").
var reClockCell = lazyre.New(`(?i)^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$`)

// AttendedRow reports whether a row of appointments (its date ends at
// dateEnd) records that the patient came: its status is one of a visit
// kept and, after it, the row prints the times the patient checked in
// and out ("Arrived   16:39   17:33"). A practice's visit history prints
// those times only of the visits its front desk checked in and out: such
// a row is the visit's record, not an appointment booked, even where no
// note of the visit is in the records.
func AttendedRow(text string, dateEnd int) bool {
	cells := Cells(text)
	for i, c := range cells {
		if c.Start < dateEnd {
			continue
		}
		kept, ok := AppointmentStatus(text[c.Start:c.End])
		if !ok {
			continue
		}
		if !kept {
			return false
		}
		n := 0
		for _, d := range cells[i+1:] {
			if reClockCell.MatchString(strings.TrimSpace(text[d.Start:d.End])) {
				n++
			}
		}
		return n >= 2
	}
	return false
}
