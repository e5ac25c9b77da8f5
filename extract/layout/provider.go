package layout

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// Provider resolution at document level. Every page is read once for
// evidence of who made it, strongest first: a "Facility:" label, the
// letterhead at the top of a note, a running page header, a bill's header,
// a running footer, a custodian certification, the sender of a fax. The
// document is then cut into sections: a page whose strong evidence names
// another provider than the current section's starts a new one; a page
// naming none belongs to the section it falls in. Weak evidence (footer,
// custodian, fax) names a section nothing stronger names, and never cuts
// one. Administrative pages give no evidence but a custodian's or a fax
// cover's, and EOBs none: payers print providers they did not treat with.

// facilityHints are the words one of which a facility label holds.
var facilityHints = NewWordSet("facility", "practice", "location", "hospital", "clinic", "performed at", "billing provider", "submitter",
	"pay to", "payable to", "remit to", "provider name", "organization", "on behalf of")

var (
	reFacilityLabel = rxfilter.MustCompile(`(?i)^\s*(?:[^\w\s]|_)?\s*(?:facility|practice|location|hospital|clinic|rendering facility|service location|performed at|billing provider|submitter|pay to|payable to|remit to|make checks payable to|provider name|provider organization|organization|(?:billed )?on behalf of)\s*(?:name)?\s*(?:[:#-]|\s{2,})\s*(.+)`)
	rePatientLabel  = lazyre.New(`(?i)\b(?:patient(?: name)?|pt name|name)\s*[:]\s*([A-Z][A-Za-z'\-]+(?:[ ,]+[A-Z][A-Za-z'\-.]*){0,3})`)
	reNotAName      = lazyre.New(`(?i)^(the|this|patient|unknown|none|n/a|date|dob|mrn|is|was|and|of|note|report)\b`)
	reFaxFrom       = lazyre.New(`(?i)\bfrom\s*:?\s*(?:\+?[0-9][0-9 ()+.\-]{6,}\s*)?([A-Za-z][A-Za-z0-9'.,&/ \-]{2,70}?)\s*(?:\(?\+?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}|\bto\s*:|\bfax\b|\bpage\b|\bpag\.|\bp\.\s*\d|\s{3,}|$)`)
	reFaxTSIDName   = lazyre.New(`^\s*([A-Za-z][A-Za-z'.,&/ \-]{3,60}?)\s+\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\s+\d{1,2}:\d{2}`)
	reCustodianFor  = lazyre.New(`(?i)(?:custodian of (?:the )?records|records custodian)\s*(?:for|of|at)\s+(?:the\s+)?([A-Z][A-Za-z0-9'.&\- ]{3,70}?)(?:\s*(?:,|\.|;|\(|\band\b|\bwho\b|\blocated\b|\bat\b|$))`)
	// reNamedElsewhere refers to a provider a form names on another line
	// ("the provider named above", "said facility"): no name of one.
	reNamedElsewhere = lazyre.New(`(?i)\b(?:named|above|below|herein|said|aforesaid|aforementioned|undersigned|identified|listed)\b`)
	reNotProvider    = lazyre.New(`(?i)\b(?:law|attorneys?|legal|esq|counsel|lawyers?|insurance|claims?|adjuster|copy service|record retrieval|records? request)\b`)
	reHeaderJunk     = lazyre.New(`(?i)^(?:confidential|privileged|patient information|page|printed|continued|cont'?d|copy|medical records?|health records?|record|chart|encounter|visit)\b`)
	reSurnameFirst   = lazyre.New(`^[A-Z][A-Z'\-]+,\s*[A-Z][A-Z'\-]+(?:\s+[A-Z]\.?)?$`)
	// reTitleEnd ends a document's title: a practice's name does not end
	// with the kind of paper it prints.
	reTitleEnd = lazyre.New(`(?i)\b(?:reports?|notes?|summary|statement|records?|evaluation|examination|exam|form|assessment|request|consultation|receipts?|invoices?|copies)$`)
	// reCourtesy marks a line that thanks or asks the reader ("THANK YOU -
	// KEEP FOR YOUR RECORDS", printed under every receipt): no header
	// naming who made the page.
	reCourtesy = lazyre.New(`(?i)\b(?:thank you|thanks for|keep (?:this|for your)|please (?:keep|retain))\b`)
)

// patientName returns the name after a "Patient:" or "Name:" label near the
// top of a page.
func patientName(ls []Line) string {
	for i := range ls {
		l := &ls[i]
		if l.Top > 15 {
			continue
		}
		if m := rePatientLabel.FindStringSubmatch(l.Text); m != nil {
			v := strings.TrimRight(cutCells(m[1]), " ,")
			for _, stop := range []string{" DOB", " Date", " MRN", " Sex", " Age", " Acct", " Account", " ID"} {
				if i := strings.Index(v, stop); i > 0 {
					v = v[:i]
				}
			}
			if v = strings.TrimRight(v, " ,"); len(v) > 2 && !reNotAName.MatchString(v) {
				return v
			}
		}
	}
	return ""
}

// cutCells keeps the first column of a value ("Mercy Hospital    DOB: ...").
func cutCells(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "   "); i > 0 {
		s = s[:i]
	}
	return s
}

// reTheName is a name that opens with "The": "The Doctors Group".
var reTheName = lazyre.New(`^The\s+[A-Z]`)

// reIDValue is an identifier, not a name: "ID 2.16.840.1", "NPI 123".
var reIDValue = lazyre.New(`(?i)^(?:id|npi|tin|tax id|#)\b`)

// facilityLabel returns the provider a line names after a facility label
// ("Facility: Mercy Hospital", "Remit to: ..."), or "".
func facilityLabel(l *Line) string {
	if l.Boiler == BoilerNone && strings.HasPrefix(l.Trim, "[") {
		if m := reTranslatorNote.FindStringSubmatch(l.Trim); m != nil {
			v := strings.TrimRight(m[1], " ]")
			if i := reCommaStreet.FindStringIndex(v); i != nil {
				v = v[:i[0]]
			}
			return facilityValue(v)
		}
	}
	if l.Boiler != BoilerNone || !facilityHints.In(l.Text[:min(len(l.Text), 60)]) {
		return ""
	}
	m := reFacilityLabel.FindStringSubmatch(l.Trim)
	if m == nil {
		m = reBoxFacilityLabel.FindStringSubmatch(l.Trim)
	}
	if m == nil {
		return ""
	}
	return facilityValue(beforeNextLabel(cutCells(m[1])))
}

// reTranslatorNote is a translator's note of what a certified translation
// cannot reproduce of the original's letterhead or logo, the name it
// prints ("[Letterhead:] Clinica del Valle, 2201 Mission St, ...",
// "[Logo: Clinica del Valle]"): the original's provider, not the
// agency whose name heads the translation.
var reTranslatorNote = lazyre.New(`(?i)^\[\s*(?:letterhead|logo|header)\s*(?:of\s+the\s+original)?\s*:?\s*\]?\s*:?\s*([^\s\]].+)`)

// reCommaStreet is the comma before a street address that follows a name.
var reCommaStreet = lazyre.New(`,\s*\d{1,6}\s+[A-Za-z]`)

// facilityValue returns the provider a facility label's value names, or ""
// when the value is no provider's name (an identifier, a room, a law firm).
func facilityValue(v string) string {
	v = CleanProvider(v)
	if len(v) <= 2 || reNotAName.MatchString(v) && !reTheName.MatchString(v) || !HasLetters(v) || reNotProvider.MatchString(v) || reIDValue.MatchString(v) ||
		!readsAsName(v) && !NamesFacility(v) || reRoom.MatchString(v) {
		return ""
	}
	return v
}

// reRoom is a room of the practice a form's "Location:" names ("Fluoro
// Suite", "Procedure Room 2", "OR 3"): where in the office the care was
// given, not who gave it.
var reRoom = lazyre.New(`(?i)^(?:[A-Za-z/&-]+\s+){0,2}(?:suite|room|rm|bay|or|theat(?:er|re))(?:\s*#?\s*[0-9A-Z]{1,3})?$`)

// reBoxFacilityLabel is a form's box naming the provider, its label in
// capitals and its value printed right after it ("4. PROVIDER NAME Align
// PT & Sports Rehab" on a plan of care, CMS-700), its number perhaps lost
// to OCR or left as a speck (". PROVIDER NAME ...").
var reBoxFacilityLabel = lazyre.New(`^\s*(?:\d{1,2}[a-z]?[.,]?|[.,»·|+*~–—-])?\s*(?:PROVIDER|FACILITY|PRACTICE|CLINIC) NAME\s*[:#-]?\s+(.+)`)

// reServicePlace labels where services were given ("Facility:", "Service
// location:"), which on a bill is not who bills them: a CMS-1500 prints
// the service facility (box 32) beside the billing provider (box 33), and
// an anesthesia group's statement names the surgery centre it worked in.
var reServicePlace = lazyre.New(`(?i)^\s*(?:[^\w\s]|_)?\s*(?:facility|service (?:facility|location)|location|place of service|performed at|rendering facility)\b`)

// ServicePlace reports whether a line opens with a label naming where the
// services were given.
func ServicePlace(s string) bool { return reServicePlace.MatchString(s) }

// reNextLabel is the label of the next field printed after a name on
// the same line without a gap: "Keystone Pain Mgmt Proceduralist: Ann Lee".
var reNextLabel = lazyre.New(`\s+([A-Z][a-z]+):(?:\s|$)`)

// beforeNextLabel cuts a label's value where the next field's label
// begins, unless that word is part of a facility's name ("Mercy
// Hospital: Main Campus").
func beforeNextLabel(v string) string {
	if m := reNextLabel.FindStringSubmatchIndex(v); m != nil && m[0] > 0 && !NamesFacility(v[m[2]:m[3]]) {
		return v[:m[0]]
	}
	// OCR may glue the next label to the value's last letters: after a
	// capital, comma or period ("ASSOCIATES, PPatient:", "LLCProvider:").
	// A letter left alone after the value's comma is what OCR kept of a
	// suffix ("PC"), no name.
	if m := reGluedLabel.FindStringSubmatchIndex(v); m != nil && !NamesFacility(v[m[2]:m[3]]) {
		return reStrandedLetter.ReplaceAllString(v[:m[2]], "")
	}
	return v
}

// reGluedLabel is a field's label glued to the capitals or punctuation
// before it, and reStrandedLetter a single capital after a final comma.
var (
	reGluedLabel     = lazyre.New(`[A-Z.,]([A-Z][a-z]{2,}):(?:\s|$)`)
	reStrandedLetter = lazyre.New(`,\s*[A-Z]$`)
)

// joinWrappedFacilities completes facility labels whose value a table
// wrapped onto the next line ("Provider Organization   The DoctorsTogether
// Physician" over "                        Group"): the next line's cell
// that starts in the value's column, alone on its side of the line, a
// word or two in capitals and no label, ends the name. OCR does not keep
// the column and sets the wrapped word at the left margin: there one word
// that names a kind of practice ends a value that names none yet.
func joinWrappedFacilities(d *Doc) {
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Facility == "" || i+1 >= len(d.Lines) || d.Lines[i+1].Page != l.Page {
			continue
		}
		col := strings.Index(l.Text, l.Facility)
		if col <= 0 {
			continue
		}
		if cell := wrappedCell(d.Lines[i+1].Text, col); cell != "" {
			l.Facility = CleanProvider(l.Facility + " " + cell)
		} else if cell = wrappedWord(d.Lines[i+1].Text); cell != "" && !NamesFacility(l.Facility) {
			l.Facility = CleanProvider(l.Facility + " " + cell)
		}
	}
}

// wrappedCell returns the cell of next that starts in column col, alone on
// its side of the line, when it reads as the end of a name: a word or two
// in capitals, no digits or label.
func wrappedCell(next string, col int) string {
	if len(next) <= col || strings.TrimSpace(next[:col]) != "" || next[col] == ' ' || next[col-1] != ' ' {
		return ""
	}
	cell := FirstCell(next[col:])
	words := strings.Fields(cell)
	if len(words) == 0 || len(words) > 2 || strings.ContainsAny(cell, "0123456789:()") || !titleCased(cell) || cell[0] < 'A' || cell[0] > 'Z' {
		return ""
	}
	return cell
}

// wrappedWord returns the first cell of a table row when it is one
// capitalised word naming a kind of practice ("Group", "Associates"), the
// row going on in other cells; else "".
func wrappedWord(next string) string {
	if next == "" || next[0] < 'A' || next[0] > 'Z' {
		return ""
	}
	cell := FirstCell(next)
	if strings.Contains(cell, " ") || cell == strings.TrimSpace(next) || !NamesFacility(cell) {
		return ""
	}
	return cell
}

// pageEvidence returns the strongest provider evidence at the top of page
// pi and the last strong evidence anywhere on it (a second record cut in
// below the first starts there).
func pageEvidence(d *Doc, pi int) (own, last Evidence) {
	p := &d.Pages[pi]
	switch p.Class {
	case extract.PageEOB, extract.PageBlank:
		return Evidence{Line: -1}, Evidence{Line: -1}
	}
	own, last = Evidence{Line: -1}, Evidence{Line: -1}
	body := false // a body line came before: a later letterhead opens another record
	take := func(e Evidence, top bool) {
		if e.Name == "" {
			return
		}
		if top && e.Kind > own.Kind {
			own = e
		}
		if e.Kind >= FromBill && body {
			last = e
		}
	}
	admin := p.Class == extract.PageAdmin
	named := func(s string) string { // headerName, once per distinct header
		if v, ok := d.headerNames[s]; ok {
			return v
		}
		if d.headerNames == nil {
			d.headerNames = map[string]string{}
		}
		v := headerName(s, d.Patient)
		d.headerNames[s] = v
		return v
	}
	carrier := -1 // a CMS-1500's title: the names over it are the payer's
	if p.Class == extract.PageBill {
		take(formProvider(d, p), true)
		if p.BillKind == "cms1500" {
			carrier = claimFormTitle(d, p)
		}
	}
	for i := p.First; i < p.End; i++ {
		l := &d.Lines[i]
		if admin {
			take(adminEvidence(d, l, i), true)
			continue
		}
		switch l.Boiler {
		case RunningHeader:
			take(Evidence{Name: named(l.Trim), Kind: FromRunning, Line: i}, true)
			continue
		case RunningFooter, PrintStamp, BatesStamp:
			if l.Bottom < 3 {
				take(Evidence{Name: named(l.Trim), Kind: FromFooter, Line: i}, true)
			}
			continue
		case FaxLine:
			take(Evidence{Name: faxSender(l.Trim), Kind: FromFax, Line: i}, true)
			continue
		}
		if l.Facility != "" {
			kind := FromLabel
			if p.Class == extract.PageBill && ServicePlace(l.Trim) {
				// Where a bill's services were given, not who bills
				// them: the weakest evidence of who made the page.
				kind = FromPlace
			}
			take(Evidence{Name: l.Facility, Kind: kind, Line: i}, true)
			continue
		}
		if l.Letterhead != "" && i > carrier {
			take(Evidence{Name: l.Letterhead, Kind: FromLetterhead, Line: i}, l.Top < 8 && (!body || underPageTitle(d, i)))
		}
		if l.Bottom < 2 && l.Letterhead == "" {
			// The practice line at the foot of a form, printed on one page
			// only: a name, then its address or phone.
			take(Evidence{Name: footerPractice(l.Trim), Kind: FromFooter, Line: i}, true)
		}
		if !l.Header && !l.Logo {
			body = true
		}
	}
	return own, last
}

// underPageTitle reports whether line i is the second line of its page
// under a report's title in capitals ("ENCOUNTER SUMMARY" over the
// practice's name, as EHR printouts head a page, perhaps with the
// patient's name right of it): the letterhead is still the page's own.
func underPageTitle(d *Doc, i int) bool {
	l := &d.Lines[i]
	if l.Top != 1 {
		return false
	}
	for j := i - 1; j >= 0 && d.Lines[j].Page == l.Page; j-- {
		p := &d.Lines[j]
		if p.Noise() {
			continue
		}
		t := strings.TrimSpace(FirstCell(p.Text)) // the title, without the patient's name right of it
		words := strings.Fields(t)
		return len(words) <= 4 && t == strings.ToUpper(t) && HasLetters(t) && !strings.ContainsAny(t, "0123456789:")
	}
	return false
}

// adminEvidence is what an administrative page may say about the provider
// of its section: a custodian certification names it, and so does the
// sender of a fax cover.
func adminEvidence(d *Doc, l *Line, i int) Evidence {
	if m := reCustodianFor.FindStringSubmatch(l.Text); m != nil {
		if v := CleanProvider(m[1]); len(v) > 3 && !reNotProvider.MatchString(v) && !reNamedElsewhere.MatchString(v) {
			return Evidence{Name: v, Kind: FromCustodian, Line: i}
		}
	}
	if l.Boiler == FaxLine || strings.HasPrefix(strings.ToLower(l.Trim), "from") {
		if v := faxSender(l.Trim); v != "" {
			return Evidence{Name: v, Kind: FromFax, Line: i}
		}
	}
	return Evidence{Line: -1}
}

// faxSender returns the sender a fax line names ("From: Acme Imaging
// (555) 555-0100"), when it reads as a provider.
func faxSender(s string) string {
	m := reFaxFrom.FindStringSubmatch(s)
	if m == nil {
		// A station ID in front of the date: "ACME IMAGING 5/30/24 12:43".
		m = reFaxTSIDName.FindStringSubmatch(s)
	}
	if m == nil {
		return ""
	}
	v := CleanProvider(m[1])
	if len(v) < 4 || reNotProvider.MatchString(v) || reNotAName.MatchString(v) || !strings.Contains(v, " ") && !NamesFacility(v) {
		return ""
	}
	return v
}

// headerName returns the provider a running header or footer names: the
// part between separators that names a facility, else the first part that
// reads as a name and is not the patient, a label, a date or a page count.
func headerName(s, patient string) string {
	if reCourtesy.MatchString(s) {
		return ""
	}
	parts := splitHeader(s)
	single := 0
	for _, p := range parts {
		if reNotProvider.MatchString(p) {
			return "" // a law firm's or insurer's production header
		}
		if !strings.Contains(strings.TrimSpace(p), " ") {
			single++
		}
	}
	if len(parts) >= 3 && 2*single > len(parts) {
		return "" // a tagline ("MRI | CT | X-Ray | Ultrasound")
	}
	var first string
	for _, p := range parts {
		p = strings.Trim(p, " .,:;-")
		if strings.ContainsAny(p, "0123456789") {
			// "Harborview Ortho Surgery 3071 Hospital Dr Ph (859) 555-0152":
			// a footer's practice line; the name is what comes before the
			// address or phone, and only a facility's name is taken.
			if p = beforeNumbers(p); !NamesFacility(p) {
				continue
			}
		}
		// OCR debris ("Mri] CT") and taglines of single words are no names.
		if len(p) < 4 || strings.ContainsAny(p, "0123456789[]{}|~_<>=") || !HasLetters(p) || !strings.Contains(p, " ") || p[0] < 'A' || p[0] > 'Z' {
			continue
		}
		if PatientLine(p) || reHeaderJunk.MatchString(p) || reSurnameFirst.MatchString(p) || samePerson(p, patient) || reNotProvider.MatchString(p) {
			continue
		}
		if reTitleEnd.MatchString(p) && !reOrgEnd.MatchString(p) {
			continue // a form's title on every page ("Primary Treating Physician's Progress Report")
		}
		if HasCredential(p) || NamesDoctor(p) {
			continue
		}
		if NamesFacility(p) {
			return CleanProvider(p)
		}
		if first == "" && (p == strings.ToUpper(p) || titleCased(p)) && longWords(p) >= 2 {
			first = p
		}
	}
	if first == "" {
		return ""
	}
	return CleanProvider(first)
}

// beforeNumbers returns the words of s before its first word that opens
// with a digit, "(" or "+" (a street number, a phone), without a phone
// label left at the end ("Ph", "Tel"), when two words or more remain;
// else "".
func beforeNumbers(s string) string {
	words := strings.Fields(s)
	n := 0
	for n < len(words) && !strings.ContainsAny(words[n][:1], "0123456789(+#") {
		n++
	}
	for n > 0 && phoneWords[strings.ToLower(strings.Trim(words[n-1], ".:,"))] {
		n--
	}
	if n < 2 || n == len(words) {
		return ""
	}
	return strings.TrimRight(strings.Join(words[:n], " "), " ,;:-")
}

// footerPractice returns the practice a footer line names before its
// address or phone ("Valley Orthopaedic Surgery 300 Elm St Ph (775)
// 555-0100"), or "".
func footerPractice(s string) string {
	if !LooksPhone(s) && !LooksAddress(s) {
		return ""
	}
	v := beforeNumbers(s)
	if v == "" || !NamesFacility(v) || !readsAsName(v) || reNotProvider.MatchString(v) {
		return ""
	}
	return CleanProvider(v)
}

// phoneWords label a phone or fax number.
var phoneWords = map[string]bool{"ph": true, "tel": true, "phone": true, "fax": true, "p": true, "t": true, "f": true}

// splitHeader cuts a running header at its separators: dashes and bars
// between spaces, bullets, and wide gaps.
func splitHeader(s string) []string {
	// A spaced dash before a department or site ("Harborview Orthopaedics
	// - Spine Center") is part of the practice's name, not a separator.
	s = reDeptDash.ReplaceAllString(s, "\x01$1$2")
	r := strings.NewReplacer(" – ", "\x00", " — ", "\x00", " - ", "\x00", " | ", "\x00", "|", "\x00", " · ", "\x00", " • ", "\x00", "\t", "\x00")
	s = r.Replace(s)
	var out []string
	for _, p := range strings.Split(s, "\x00") {
		for _, c := range Cells(p) {
			out = append(out, strings.ReplaceAll(p[c.Start:c.End], "\x01", " - "))
		}
	}
	return out
}

// reDeptDash is a spaced dash before a department or site of a practice:
// up to three capitalised words ending with the kind of unit.
var reDeptDash = lazyre.New(`[ ]+[-–—][ ]+((?:[A-Z][A-Za-z&'.]*[ ]){0,3}(?:Center|Centre|Clinic|Department|Division|Institute|Unit))([ ]*[|•·]|[ ]{2}|$)`)

// samePerson reports whether a header part is the patient's name, printed
// either way round ("DOE, JANE" for "Jane Doe").
func samePerson(p, patient string) bool {
	if patient == "" {
		return false
	}
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
			if len(w) > 1 {
				m[w] = true
			}
		}
		return m
	}
	a, b := words(p), words(patient)
	if len(a) == 0 {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// resolveSections cuts the document into sections and names their
// providers (see the comment at the top of this file).
func resolveSections(d *Doc) {
	cur := -1
	records := false // the current section holds pages other than administrative or blank ones
	open := func(pageNo, line int, e Evidence) {
		records = false
		d.Sections = append(d.Sections, Section{First: pageNo, Last: pageNo, FirstLine: line, Provider: e.Name, Evidence: e})
		cur = len(d.Sections) - 1
	}
	for pi := range d.Pages {
		p := &d.Pages[pi]
		own, last := pageEvidence(d, pi)
		p.Own = own
		switch {
		case cur < 0:
			open(p.Number, p.First, own)
		case own.Kind >= FromBill:
			s := &d.Sections[cur]
			switch {
			case s.Provider == "" && records && own.Kind != FromLabel:
				// Records nothing named came before: they stay unknown. (A
				// label, as an export prints its organization at the end,
				// names the document it closes.)
				open(p.Number, p.First, own)
			case s.Provider == "":
				s.Provider, s.Evidence = own.Name, own
			case SameProvider(s.Provider, own.Name):
				if s.Evidence.Kind < FromBill {
					s.Provider, s.Evidence = own.Name, own
				}
			case s.Evidence.Kind < FromBill && !weakAgrees(d, cur, own.Name):
				// Weak evidence named the section; a strong name that
				// differs from it opens the record it belongs to.
				open(p.Number, p.First, own)
			case s.Evidence.Kind < FromBill:
				s.Provider, s.Evidence = own.Name, own
			case p.Continues && weakAgrees(d, cur, own.Name):
				// A further page of the record before, its letterhead
				// printing the practice's other name ("Granite State Med
				// Evals", "Granite State IME Services"): the same record.
			default:
				open(p.Number, p.First, own)
			}
		case own.Kind > NoEvidence:
			s := &d.Sections[cur]
			switch {
			case p.Class == extract.PageAdmin && s.Provider != "" && !SameProvider(s.Provider, own.Name) && !weakAgrees(d, cur, own.Name):
				// A fax cover or a custodian's certification opens the
				// production of the provider it names.
				open(p.Number, p.First, own)
			case s.Provider == "" && records:
				open(p.Number, p.First, own)
			case s.Provider == "":
				s.Provider, s.Evidence = own.Name, own
			case s.Evidence.Kind < FromBill && !SameProvider(s.Provider, own.Name) && own.Kind >= s.Evidence.Kind:
				open(p.Number, p.First, own)
			case own.Kind == FromFooter && p.Class != extract.PageAdmin && !SameProvider(s.Provider, own.Name) &&
				!weakAgrees(d, cur, own.Name) && opensRecord(d, p):
				// A record whose only name is its footer's practice line,
				// filed after another provider's: a form that prints the
				// practice at the foot of the page.
				open(p.Number, p.First, own)
			}
		}
		p.Section = cur
		d.Sections[cur].Last = p.Number
		if p.Class != extract.PageAdmin && p.Class != extract.PageBlank {
			records = true
		}
		// A record from another provider cut in lower on the page goes on
		// over the next pages.
		if last.Kind >= FromBill && d.Sections[cur].Provider != "" && !SameProvider(last.Name, d.Sections[cur].Provider) {
			open(p.Number, firstOfHeader(d, last.Line, p.First), last)
		}
	}
}

// opensRecord reports whether page p begins a record of its own: its
// first line that is no boilerplate is a title, or a heading in capitals
// (two words or more, no digits, not the patient's line), or a form's
// title it repeats at the top of every page.
func opensRecord(d *Doc, p *Page) bool {
	for i := p.First; i < p.End; i++ {
		l := &d.Lines[i]
		if l.Boiler == RunningHeader && reTitleEnd.MatchString(strings.TrimSpace(FirstCell(l.Text))) {
			return true
		}
		if l.Noise() || l.Logo {
			continue
		}
		if l.Title != "" {
			return true
		}
		c := FirstCell(l.Text)
		return len(strings.Fields(c)) >= 2 && c == strings.ToUpper(c) && HasLetters(c) &&
			!strings.ContainsAny(c, "0123456789") && !PatientLine(c)
	}
	return false
}

// weakAgrees reports whether the weak evidence of section s could name
// the same provider as name (a fax sender printed as an abbreviation):
// they share a word of four letters or more.
func weakAgrees(d *Doc, s int, name string) bool {
	a := strings.Fields(strings.ToLower(d.Sections[s].Provider))
	b := strings.ToLower(name)
	for _, w := range a {
		w = strings.Trim(w, ".,'")
		if len(w) >= 4 && !genericWord[w] && strings.Contains(b, w) {
			return true
		}
	}
	return false
}

// genericWord are words many provider names share: kinds of place,
// specialties and the like, which tell no practice from another.
var genericWord = map[string]bool{"medical": true, "center": true, "centre": true, "centers": true, "health": true,
	"clinic": true, "clinics": true, "hospital": true, "group": true, "associates": true, "physical": true,
	"therapy": true, "care": true, "family": true, "regional": true, "memorial": true, "services": true,
	"department": true, "emergency": true, "medicine": true, "internal": true, "sports": true, "spine": true,
	"pain": true, "orthopaedics": true, "orthopedics": true, "orthopaedic": true, "orthopedic": true,
	"rehabilitation": true, "rehab": true, "chiropractic": true, "imaging": true, "radiology": true,
	"surgery": true, "surgical": true, "primary": true, "urgent": true, "physicians": true, "specialists": true,
	"institute": true, "partners": true, "wellness": true, "healthcare": true, "neurology": true,
	"diagnostic": true, "diagnostics": true, "management": true, "injury": true, "practice": true,
	"university": true, "community": true}

// firstOfHeader returns where the header block holding line i begins: i,
// or the header lines just above it, not above line floor.
func firstOfHeader(d *Doc, i, floor int) int {
	a := i
	for j := i - 1; j >= floor && j >= i-4; j-- {
		if !d.Lines[j].Header || d.Lines[j].Noise() {
			break
		}
		a = j
	}
	return a
}

// longWords counts the words of three letters or more in s.
func longWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		letters := 0
		for i := 0; i < len(w); i++ {
			if isLetterByte(w[i]) {
				letters++
			}
		}
		if letters >= 3 {
			n++
		}
	}
	return n
}

var (
	reBoxNumber   = lazyre.New(`^\s*\d{1,2}[a-z]?\.?\s+`)
	reBillingBox  = lazyre.New(`(?i)\b33\.?\s*b\w{0,3}l{1,2}ing provider info|b\w{0,3}l{1,2}ing provider info\b|\b32\.?\s*service facility location`)
	reBoxCaptions = lazyre.New(`(?i)(?:&\s*ph\s*#|information|info)\s*`)
)

// formProvider reads the provider a claim form names: a UB-04's form
// locator 1 (the first line, after its box number), a CMS-1500's box 33
// (billing provider) or 32 (service facility), in the cell under or after
// the caption.
func formProvider(d *Doc, p *Page) Evidence {
	none := Evidence{Line: -1}
	lines := d.Lines[p.First:p.End]
	switch p.BillKind {
	case "ub04":
		captions := 0
		for k := range lines {
			l := &lines[k]
			if l.Noise() {
				continue
			}
			c := FirstCell(l.Text)
			if loc := reBoxNumber.FindStringIndex(c); loc != nil {
				c = c[loc[1]:]
			}
			if v := CleanProvider(c); readsAsName(v) && !ubCaption(c) {
				return Evidence{Name: v, Kind: FromBill, Line: p.First + k}
			}
			// The captions of form locators 3a to 6, printed above their
			// values, may come before locator 1's first line: the name is
			// on the line under them.
			if !ubCaption(c) || captions > 0 {
				return none
			}
			captions++
		}
	case "cms1500":
		for k := range lines {
			l := &lines[k]
			loc := reBillingBox.FindStringIndex(l.Text)
			if loc == nil {
				continue
			}
			// The value after the caption on the same line, else a cell of
			// the next lines that names a facility (OCR moves cells about).
			rest := l.Text[loc[1]:]
			if m := reBoxCaptions.FindStringIndex(rest); m != nil && m[0] < 4 {
				rest = rest[m[1]:]
			}
			if v := CleanProvider(FirstCell(rest)); readsAsName(v) && NamesFacility(v) {
				return Evidence{Name: v, Kind: FromBill, Line: p.First + k}
			}
			for j := k + 1; j < len(lines) && j <= k+4; j++ {
				n := &lines[j]
				for _, c := range Cells(n.Text) {
					v := secondName(CleanProvider(n.Text[c.Start:c.End]))
					// A facility, not the signing physician beside it.
					if readsAsName(v) && (NamesFacility(v) || strings.Contains(v, "&") || len(strings.Fields(v)) >= 4) {
						return Evidence{Name: v, Kind: FromBill, Line: p.First + j}
					}
				}
			}
		}
	}
	return none
}

// reClaimFormTitle is a CMS-1500's title.
var reClaimFormTitle = lazyre.New(`(?i)\bhealth\W{1,3}insurance\W{1,3}claim\W{1,3}form\b`)

// claimFormTitle returns the line of a CMS-1500 page that prints the
// form's title, -1 when none does. Over it, top right, is the form's
// carrier block: the name and address of the payer the claim is sent to,
// no letterhead of the provider (box 33 names the billing provider).
func claimFormTitle(d *Doc, p *Page) int {
	for i := p.First; i < p.End; i++ {
		if reClaimFormTitle.MatchString(d.Lines[i].Text) {
			return i
		}
	}
	return -1
}

// ubCaption reports whether a UB-04 cell is a form locator's caption
// ("PAT CNTL #", "TYPE OF BILL"): words of the form, or a number's label.
func ubCaption(c string) bool {
	c = strings.TrimSpace(c)
	if strings.HasSuffix(c, "#") {
		return true
	}
	var n [nFeatures]int
	phraseCounts(c, &n)
	return n[fUB04] > 0
}

// secondName returns the second of two names a text layer ran together
// on one line — boxes 32 and 33 of a claim form printed side by side
// ("LAKESIDE SPINE AND PAIN MANAGEMENT LAKESIDE SPINE & PAIN MANAGEMENT"):
// the billing provider, box 33. A name that does not begin again with its
// first two words ("Spine and Sports Spine Center") is returned as it is.
func secondName(v string) string {
	words := strings.Fields(v)
	for k := 2; k+1 < len(words); k++ {
		if strings.EqualFold(words[k], words[0]) && strings.EqualFold(words[k+1], words[1]) {
			return strings.Join(words[k:], " ")
		}
	}
	return v
}

// readsAsName reports whether s reads as a provider's name: a facility
// word, or two words of three letters or more in capitals or title case,
// no digits, no label.
func readsAsName(s string) bool {
	if len(s) < 4 || strings.ContainsAny(s, "0123456789:[]{}|") || PatientLine(s) || reNotProvider.MatchString(s) {
		return false
	}
	return NamesFacility(s) || (s == strings.ToUpper(s) || titleCased(s)) && longWords(s) >= 2
}
