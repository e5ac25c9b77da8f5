package layout

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/internal/lazyre"
)

// Letterheads found by their place on the page rather than by their words.
//
// Many facilities print a name that holds no facility word: "Kaiser
// Permanente", "Massachusetts Eye and Ear Infirmary", or an EHR's bare
// location code ("PCP72127", "ORTHO-2 WEST"). letterheadRaw only accepts a
// line that names a kind of facility; placeLetterheads adds the names that
// the layout marks as a letterhead: the first line of a page, standing
// alone, directly above the note's date of service or the facility's
// address or phone.

// placeLetterheads marks as letterheads the top lines of pages that stand
// directly above a date-of-service, address or phone line and read as a
// name. patient is the labelled patient name, never taken for a facility.
func placeLetterheads(ls []Line, patient string) {
	width := 0 // the widest line: the page's width, as layout text gives it
	for i := range ls {
		width = max(width, len(ls[i].Text))
	}
	for i := range ls {
		l := &ls[i]
		if l.Letterhead != "" || l.Title != "" || !topOfPage(ls, i) {
			continue
		}
		if !aboveHeader(ls, i) || rightColumn(l, width) {
			continue
		}
		name := placedName(l)
		if name == "" && overAddress(ls, i) {
			name = serviceName(l)
		}
		if name == "" || patient != "" && SameProvider(name, patient) {
			continue
		}
		l.Letterhead = name
		l.Header = true
	}
}

// serviceName returns the line as the name of a business named for the
// records it makes ("Castle Records Review", "Summit Peer Review"): two to
// five words in title case or capitals, the first a name of its own (no
// record's word, no word a title opens with), without a digit, label or
// credential, that ends as no sheet's title ("Massage Therapy Treatment
// Log", see recordTitle). Only a line over the address reads so (see overAddress):
// a record's title stands under the letterhead.
func serviceName(l *Line) string {
	c := stripJunk(l.Trim)
	ws := strings.Fields(c)
	if len(ws) < 2 || len(ws) > 5 || len(Cells(l.Text)) != 1 || !titleCased(c) || strings.ContainsAny(c, "0123456789:;|") {
		return ""
	}
	if first := strings.ToLower(ws[0]); titleStarts[first] || reDocWords.MatchString(first) || !isLetterByte(c[0]) {
		return ""
	}
	if PatientLine(c) || reCredential.MatchString(c) || reDoctor.MatchString(c) || reSentenceEnd.MatchString(c) || recordTitle(c) {
		return ""
	}
	return c
}

// overAddress reports whether one of the two lines after i on its page
// prints a street address.
func overAddress(ls []Line, i int) bool {
	seen := 0
	for j := i + 1; j < len(ls) && ls[j].Page == ls[i].Page && seen < 2; j++ {
		if ls[j].Noise() {
			continue
		}
		seen++
		if LooksAddress(ls[j].Trim) {
			return true
		}
	}
	return false
}

// topOfPage reports whether line i is the first line of its page that is
// not a fax banner or print stamp.
func topOfPage(ls []Line, i int) bool {
	if ls[i].Noise() {
		return false
	}
	for j := i - 1; j >= 0 && ls[j].Page == ls[i].Page; j-- {
		if !ls[j].Noise() {
			return false
		}
	}
	return true
}

// rightColumn reports whether a line stands in the right part of a page
// width characters wide, as the tail of an address block or a date in a
// page header does, rather than centred or flush left as a letterhead: the
// middle of its text lies beyond three fifths of the width.
func rightColumn(l *Line, width int) bool {
	indent := strings.Index(l.Text, l.Trim)
	return width > 0 && 5*(2*indent+len(l.Trim)) > 6*width
}

// aboveHeader reports whether one of the two lines after i on the same page
// labels a date of service or prints an address or phone number, as the
// lines under a letterhead do.
func aboveHeader(ls []Line, i int) bool {
	seen := 0
	for j := i + 1; j < len(ls) && ls[j].Page == ls[i].Page && seen < 2; j++ {
		l := &ls[j]
		if l.Noise() {
			continue
		}
		seen++
		if l.HasService || len(l.Dates) == 1 && strings.TrimSpace(l.Trim) == l.Dates[0].Raw {
			return true // a date of service, or a date alone on its line
		}
		if strings.ContainsAny(l.Trim, "0123456789") && (LooksPhone(l.Trim) || LooksAddress(l.Trim)) {
			return true
		}
	}
	return false
}

// reOrgEnd ends the name of an organisation: a document word inside it
// ("Granite State IME Services", "Records Review Group LLC", "Harbor Work
// Assessment Center") does not make the name a document's heading.
var reOrgEnd = lazyre.New(`(?i)\b(?:services|group|llc|l\.l\.c\.?|inc\.?|pllc|p\.?c\.?|p\.a\.?|ltd\.?|associates|assocs?\.?|company|center|centre|physicians|partners|specialists)$`)

// reRecordKindEnd ends a record's title with the kind of sheet it is:
// "Acupuncture Progress Flow Sheet", "Massage Therapy Treatment Log",
// "Chiropractic Daily Treatment Sheet". No practice is named so; a fax's
// OCR may read such a title, printed right of the practice's name, on a
// line of its own above it.
var reRecordKindEnd = lazyre.New(`(?i)\b(?:logs?|sheets?|flow\s?sheets?|grids?|charts?|forms?|cards?)$`)

// recordTitle reports whether a name-like line is a record's title by its
// last word (reRecordKindEnd), not an organisation's name.
func recordTitle(c string) bool {
	return reRecordKindEnd.MatchString(strings.TrimRight(c, " .")) && !reOrgEnd.MatchString(c)
}

// placedName returns the line as a facility name when it reads as one: a
// single column of at most eight words in capitals or title case, starting
// with a letter, without a label, date, sentence, section heading, document
// word, person's credential, address or phone number.
func placedName(l *Line) string {
	cells := 0
	for _, c := range Cells(l.Text) {
		if HasLetters(l.Text[c.Start:c.End]) || strings.ContainsAny(l.Text[c.Start:c.End], "0123456789") {
			cells++ // a speck OCR read beside the name ("_") is no cell
		}
	}
	if cells != 1 {
		return ""
	}
	c := stripJunk(l.Trim)
	if t := strings.TrimSuffix(c, "."); t != c && reOrgEnd.MatchString(t) {
		c = t // "GROUP LLC.": OCR's point, or the abbreviation's
	}
	if len(c) < 3 || len(c) > 70 || len(strings.Fields(c)) > 8 || !isLetterByte(c[0]) {
		return ""
	}
	if strings.ContainsAny(c, ":|][{}") || reSentenceEnd.MatchString(c) || HasDate(c) {
		return ""
	}
	// A document word in a long name that also names a kind of facility
	// ("Crossroads Occupational Therapy and Work Assessment") does not make
	// it a document's heading; in a short one it does ("Chiropractic IME -
	// 2").
	if PatientLine(c) || formPublisher(c) || reDocWords.MatchString(c) && !reOrgEnd.MatchString(c) && !(reFacility.MatchString(c) && letterWords(c) >= 4) ||
		reCredential.MatchString(c) || reDoctor.MatchString(c) {
		return ""
	}
	if LooksPhone(c) || LooksAddress(c) || recordTitle(c) {
		return ""
	}
	if l.Heading != NoHeading {
		return ""
	}
	if c != strings.ToUpper(c) && !titleCased(c) {
		return ""
	}
	return CleanProvider(c)
}

// letterWords counts the words of s that hold a letter.
func letterWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if HasLetters(w) {
			n++
		}
	}
	return n
}

// reAddressee opens the first line of a letter's inside address: a person
// by courtesy title ("Ms. Priya Raman, Claims Specialist"), or an
// attention or to line.
var reAddressee = lazyre.New(`^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z]|(?i:attn|attention|to)\b\s*[:.]?)`)

// dropRecipients unmarks the letterheads of a letter's inside address: the
// name of the office a letter is sent to, printed under the person it is
// addressed to, is the recipient, never the provider whose record it is.
func dropRecipients(ls []Line) {
	for i := range ls {
		l := &ls[i]
		if l.Letterhead == "" || l.Top <= 2 {
			continue
		}
		for j := i - 1; j >= 0 && ls[j].Page == l.Page; j-- {
			if ls[j].Noise() {
				continue
			}
			if ls[j].Letterhead == "" && (reAddressee.MatchString(strings.TrimLeft(ls[j].Trim, leadSpecks)) || addresseeByCredential(ls, j, i)) {
				l.Letterhead = ""
			}
			break
		}
	}
}

// reLetterOpen opens the reference line or the salutation of a letter.
var reLetterOpen = lazyre.New(`^(?:(?i:re|subject|regarding)\s*:|Dear\s+[A-Z])`)

// addresseeByCredential reports whether line j, above the letterhead-like
// line i, is the person a letter is addressed to, printed by name and
// credential ("Jane Roe, MD", the referring physician a consultant
// reports to), with the letter's reference line or salutation a few lines
// below the address. The office under that name is where the letter
// goes, not who wrote it.
func addresseeByCredential(ls []Line, j, i int) bool {
	t := ls[j].Trim
	if len(strings.Fields(t)) > 6 || strings.ContainsAny(t, "0123456789:") || !HasCredential(t) || t == "" || !unicode.IsUpper(rune(t[0])) {
		return false
	}
	for k, n := i+1, 0; k < len(ls) && ls[k].Page == ls[i].Page && n < 8; k++ {
		if ls[k].Noise() {
			continue
		}
		n++
		if reLetterOpen.MatchString(ls[k].Trim) {
			return true
		}
	}
	return false
}

// cutPatientTails finds the letterheads OCR joined with the patient's name
// printed at the right of the same line ("ST LUKE'S HOSP - EMERGENCY
// SERVICES or DOE, JANE"): the tail is cut when it is the patient's name.
func cutPatientTails(d *Doc) {
	if d.Patient == "" {
		return
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Top > 2 || l.Letterhead != "" || l.Title != "" || l.Noise() {
			continue
		}
		m := reTrailingPatient.FindStringIndex(l.Text)
		if m == nil || m[0] < 8 || !samePerson(strings.TrimSpace(l.Text[m[0]:]), d.Patient) && !samePerson(tailName(l.Text[m[0]:]), d.Patient) {
			continue
		}
		cut := *l
		cut.Text = l.Text[:m[0]]
		cut.Trim = strings.TrimSpace(cut.Text)
		if v := letterheadRaw(&cut); v != "" {
			l.Letterhead, l.Header = v, true
		}
	}
}

// tailName drops the stray token OCR may leave before a name.
func tailName(s string) string {
	f := strings.Fields(s)
	if len(f) > 2 && len(f[0]) <= 3 {
		return strings.Join(f[1:], " ")
	}
	return s
}
