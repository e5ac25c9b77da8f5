package layout

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

// Line classifiers: titles, letterheads, header blocks, addresses, phones,
// patient lines, credentials and provider names.

var (
	reTitle     = rxfilter.MustCompile(`(?i)^[\W_]{0,3}(emergency (?:department|room)(?: physician| provider| nursing)?(?: record| report| note| visit| chart| documentation)|ed (?:provider |physician )?note|er (?:record|report|note)|radiology report|imaging report|diagnostic imaging(?: report)?|(?:mri|ct|cat scan|x-?rays?|radiographs?|ultrasound|emg|nerve conduction)(?: of(?: the)?)? (?:report|study|(?:left |right |bilateral )?(?:cervical|thoracic|lumbar|lumbosacral|brain|head|chest|abdomen|pelvis|shoulder|knee|hip|wrist|hand|ankle|foot|elbow|spine|neck|c-spine|l-spine|upper|lower)[a-z/ ]{0,40})|(?:inpatient |hospitalist |hospital )?progress note|daily (?:treatment |progress )?note|treatment note|soap note|office (?:visit|note|consultation)|clinic (?:note|visit)|visit note|outpatient note|consult(?:ation)?(?: note| report)?|(?:new patient |initial )(?:evaluation|consultation|visit|exam(?:ination)?)|re-?evaluation|re-?exam(?:ination)? (?:report|note)|progress (?:report|re-?evaluation|re-?exam(?:ination)?)|follow[- ]?up (?:visit|note|evaluation|exam)|operative (?:report|note)|op note|procedure (?:note|report)|discharge summary|(?:admission |admitting |inpatient |hospital )?history (?:and|&) physical(?: exam(?:ination)?)?|h&p|(?:pre-?operative|pre-?op|pre-?surgical)(?: medical| surgical| cardiac| anesthesia)? (?:history (?:and|&) physical(?: exam(?:ination)?)?|h&p|evaluation|assessment|clearance(?: evaluation| note| letter)?|consultation|exam(?:ination)?|visit|note)|(?:medical|surgical|cardiac) clearance(?: evaluation| note| letter| for surgery)?|physical therapy (?:initial |daily |progress |treatment )?(?:evaluation|note|plan of care|re-?evaluation|discharge summary|visit)|pt (?:evaluation|daily note|note)|chiropractic (?:note|evaluation|initial evaluation|daily note|treatment note|report|visit)|independent medical (?:examination|evaluation)|(?:itemized |patient |billing |account |hospital |facility |summary )?statement(?: of account)?|itemized (?:bill|charges)|patient ledger|account ledger|ledger|ub-?04|cms-?1500|health insurance claim form|superbill|pharmacy (?:record|receipt|profile)|prescription (?:record|history)|(?:ambulance|ems|prehospital) (?:report|run report|patient care report)|patient care report|pain management (?:note|consultation|evaluation|follow[- ]?up)|neurology (?:note|consultation|evaluation)|orthop(?:a)?edic (?:note|consultation|evaluation|follow[- ]?up)|urgent care (?:note|visit|record)|(?:physician |medical |peer |independent )?(?:records? review|peer review)(?: report)?|utilization review(?: report| determination)?)\b`)
	reBillTitle = lazyre.New(`(?i)statement|itemized|ledger|ub-?04|cms-?1500|claim form|superbill|\bbill\b|charges`)

	reFacility    = rxfilter.MustCompile(`(?i)\b(hospitals?|medical (?:center|centre|group|associates|clinic|plaza|office|offices|practice)|med\.? ctr|health(?:care)?|clinics?|imaging|radiology|mri|orthop(?:a)?edics?|spine|physical therapy|rehab(?:ilitation)?|chiropractic|family (?:medicine|practice)|urgent care|uc|walk-in|immediate care|emergency|associates|partners|ptnrs|group|llc|p\.a\.|p\.c\.|pllc|inc\.?|pharmacy|drug ?stores?|drug mart|drugs|drug$|diagnostics?|surgery center|surgical|neurology|neurosurg(?:ery|ical)|pain (?:management|mgmt|mgt|center|institute|clinic|specialists)|institute|physicians|medicine|(?:int|internal|family|occ|occupational|fam) med|acupuncture|acup|oriental medicine|massage|bodywork|ambulance|ems|fire\s+(?:department|dept|district|(?:(?:&|and)\s+)?rescue)|rescue squad|center|centre|therapy|sports medicine|hosp|ctr|assocs?|inst|ortho|chiro|radiol|memorial|regional med|specialists|bone (?:&|and) joint|infirmary|sanatorium|hospice|dispensary|polyclinic|laborator(?:y|ies)|labs|(?:reference|clinical|medical|diagnostic) lab|lab services?|labcorp|behaviou?ral|counsel(?:l)?ing|psychiatr(?:y|ic)|psycholog(?:y|ical)|an(?:a)?esthesi(?:a|ology)|[a-z]+ slp|speech(?:-language)?(?: pathology| therapy)?)\b`)
	reAddress     = lazyre.New(`(?i)(^\s*\d+[a-z]?\s+[a-z0-9.' ]+\b(st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|suite|ste|pkwy|parkway|hwy|highway|ct|court|pl|place|plaza|circle|cir|pike|route|square)\b\.?|\b[A-Z]{2},?\s+\d{5}(-\d{4})?\b|\b(p\.?o\.? box|suite \d+|ste\.? \d+)\b)`)
	rePhone       = lazyre.New(`(?i)(\(\d{3}\)\s*\d{3}[ .-]\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b(tel|phone|ph|fax|telephone)\b\s*[:.]?\s*\(?\d)`)
	reCredential  = lazyre.New(`(?:,|\s)\s*(M\.?D\.?|D\.?O\.?|PA-C|P\.?A\.?|N\.?P\.?|FNP(?:-[BC]{1,2})?|APRN|ARNP|D\.?C\.?|DPT|P\.?T\.?|PTA|MPT|OTR(?:/L)?|OT|R\.?N\.?|LPN|CRNA|DDS|DMD|DPM|PhD|Ph\.D\.?|PsyD|Psy\.D\.?|EdD|LCSW|LPC|LMFT|LAc|ATC|CNP|MSPT)\b|[a-z],\s*(O\.?D\.?)(?:,|\s|$)`)
	reDocWords    = rxfilter.MustCompile(`(?i)\b(ime|note|notes|report|evaluation|review|summary|exam|examination|consults?|consultations?|records?|visit|statement|history|complaints?|assessment|diagnos[ie]s|plan|findings|impression|treatment|orders?|instructions|referral|discharge|admission|course|sessions?|receipts?|copies|consents?)\b`)
	reSentenceEnd = lazyre.New(`[a-z]{3,}[.!?]$`)
	// reDoctor matches "Dr. Name" with one or two names.
	reDoctor = lazyre.New(`\bDr\.?\s+([A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)?)`)
)

// reComplaintWords name a complaint, an injury or a body region: a line
// holding them is a document's subject ("Physical Therapy - Low Back
// Pain"), not a provider's name.
var reComplaintWords = rxfilter.MustCompile(`(?i)\b(?:low back|back pain|neck pain|knee pain|shoulder pain|headaches?|sprain|strain|mva|mvc|whiplash)\b`)

// NamesFacility reports whether s holds a word that names a kind of
// facility or practice ("Hospital", "Physical Therapy", "Associates").
func NamesFacility(s string) bool { return reFacility.MatchString(s) }

// HasCredential reports whether s prints a clinician's credential after a
// name ("Jane Roe, MD", "Ann Lee PhD"). An optometrist's OD counts only
// after a comma ("Ann Lee, OD"): an eye exam prints OD for the right eye
// in its grid ("OD 20/20").
func HasCredential(s string) bool { return reCredential.MatchString(s) }

// NamesDoctor reports whether s holds "Dr. Name".
func NamesDoctor(s string) bool { return reDoctor.MatchString(s) }

// SentenceEnd reports whether s ends like a sentence (a word of three
// letters or more and a full stop).
func SentenceEnd(s string) bool { return reSentenceEnd.MatchString(s) }

// reLogoInitials matches a logo's initials printed (or OCR'd) before the
// name in a letterhead: "NRA   Northside Radiology Associates".
var reLogoInitials = lazyre.New(`^[A-Z&]{2,5}$`)

// letterheadCell is the first column of a line, or the second when the first
// is only a logo's initials.
func letterheadCell(l *Line) string {
	cs := Cells(l.Text)
	if len(cs) >= 2 {
		first := stripJunk(l.Text[cs[0].Start:cs[0].End])
		second := l.Text[cs[1].Start:cs[1].End]
		// A short first column before a name is a logo, however OCR read
		// it ("MPT", "mpt|", "upt"); the name is the next column.
		if len(first) <= 4 && !strings.ContainsAny(first, "0123456789") && strings.Count(strings.TrimSpace(second), " ") >= 1 {
			return second
		}
	}
	c := stripInitials(stripEHRVendor(strings.TrimLeft(nameCell(l.Text), leadSpecks)))
	// A bar OCR read for a gap ends the letterhead's column.
	if i := strings.IndexByte(c, '|'); i >= 4 {
		c = c[:i]
	}
	return c
}

// nameCell is a line's first column, with the next column joined to it
// when that holds only words of a facility's kind in the same case and
// stands a narrow gap after it: OCR set the words of one name apart
// ("Metro County Emergency   Medical Services").
func nameCell(s string) string {
	cs := Cells(s)
	if len(cs) < 2 || cs[1].Start-cs[0].End > 6 {
		return FirstCell(s)
	}
	first, second := s[cs[0].Start:cs[0].End], s[cs[1].Start:cs[1].End]
	ws := strings.Fields(second)
	if len(ws) > 4 || !HasLetters(first) || (first == strings.ToUpper(first)) != (second == strings.ToUpper(second)) {
		return FirstCell(s)
	}
	for _, w := range ws {
		if !facilityKindWord[strings.ToLower(strings.Trim(w, ".,"))] {
			return FirstCell(s)
		}
	}
	return strings.TrimSpace(first) + " " + strings.TrimSpace(second)
}

// facilityKindWord are the words that end a facility's name by its kind.
var facilityKindWord = map[string]bool{"medical": true, "services": true, "service": true, "center": true,
	"centre": true, "group": true, "associates": true, "hospital": true, "clinic": true, "health": true,
	"care": true, "imaging": true, "therapy": true, "physicians": true, "institute": true, "partners": true,
	"rehabilitation": true, "radiology": true, "surgery": true, "&": true, "and": true, "of": true,
	"llc": true, "inc": true, "pc": true, "pa": true, "p.a": true,
	// the kinds of care that end a practice's name ("Cornerstone
	// Chiropractic", "Harbor Orthopedics")
	"chiropractic": true, "orthopedics": true, "orthopaedics": true, "neurology": true, "pharmacy": true,
	"dentistry": true, "dental": true, "wellness": true, "podiatry": true, "cardiology": true, "urology": true,
	"pediatrics": true}

// rightLetterhead returns the practice a page's first line prints in its
// last column, right of the page's title ("PATIENT MEDICATION HISTORY
// ...  GREENLEAF PHARMACY", "PROGRESS NOTE  ...  Harbor Orthopedics"),
// or "". The first column must name no facility itself (a letterhead
// with a title right of it is letterheadRaw's).
func rightLetterhead(l *Line) string {
	cs := Cells(l.Text)
	if len(cs) != 2 || l.Noise() {
		return ""
	}
	first := stripJunk(l.Text[cs[0].Start:cs[0].End])
	c := stripJunk(l.Text[cs[1].Start:cs[1].End])
	if reFacility.MatchString(first) || HasDate(first) || !HasLetters(first) {
		return ""
	}
	if len(c) < 4 || len(c) > 70 || !strings.Contains(c, " ") || !titleCased(c) || !reFacility.MatchString(c) ||
		PatientLine(c) || LooksPhone(c) || LooksAddress(c) || HasDate(c) || reDocWords.MatchString(c) || reNotProvider.MatchString(c) {
		return ""
	}
	if v := CleanProvider(c); readsAsName(v) {
		return v
	}
	return ""
}

// reOfficeUse heads a form's block the office fills in: "FOR OFFICE USE
// ONLY", "For Clinic Staff Use Only", "FOR MRI STAFF USE".
var reOfficeUse = lazyre.New(`(?i)^for\s+(?:[a-z]+\s+){0,3}use(?:\s+only)?\W*$`)

// siteAfterPatient returns the site a device's printout names at the right
// of a line of the patient's identification, among its first lines: a
// cardiograph (GE MUSE, MAC) prints "DOB: ...   Sex: ...   <site>", the
// site being the department the machine belongs to. Every cell before the
// last identifies the patient; the last reads as a facility's name.
func siteAfterPatient(l *Line) string {
	cs := Cells(l.Text)
	if len(cs) < 2 || l.Noise() {
		return ""
	}
	for _, c := range cs[:len(cs)-1] {
		if !PatientLine(l.Text[c.Start:c.End]) {
			return ""
		}
	}
	c := stripJunk(l.Text[cs[len(cs)-1].Start:cs[len(cs)-1].End])
	if len(c) < 4 || len(c) > 70 || !strings.Contains(c, " ") || !titleCased(c) || !reFacility.MatchString(c) ||
		PatientLine(c) || LooksPhone(c) || LooksAddress(c) || HasDate(c) || reDocWords.MatchString(c) || reNotProvider.MatchString(c) {
		return ""
	}
	if v := CleanProvider(c); readsAsName(v) {
		return v
	}
	return ""
}

// reTrailingPatient is a name printed LAST, FIRST at the end of a line,
// perhaps with a stray token before it.
var reTrailingPatient = lazyre.New(`\s+(?:\S{1,3}\s+)?[A-Z][A-Z'\-]+,\s*[A-Z][A-Z'\-]+(?:\s+[A-Z]\.?)?\s*$`)

var reLeadingInitials = lazyre.New(`^\W*([A-Za-z&]{2,6})[\W_]*\s+`)

// stripInitials removes a logo's initials printed before the name on the
// same line ("MPT. Momentum Physical Therapy", OCR's "nra| Northside Rad
// Assoc"), only when they are the initials of the words that follow.
func stripInitials(c string) string {
	m := reLeadingInitials.FindStringSubmatchIndex(c)
	if m == nil {
		return c
	}
	initials, rest := c[m[2]:m[3]], stripJunk(c[m[1]:])
	if strings.EqualFold(initialsOf(rest, len(initials)), initials) {
		return rest
	}
	return c
}

// reEHRVendor is the name of an electronic health record system that a
// printout puts before the practice's name in its banner ("eClinicalWorks
// Harbor Orthopedics", "Epic Ridgeline Neurosurgery", "Cerner PowerChart
// ..."; "Cemer" and "Cermer" as OCR reads "rn" or "n", "PowerChan'" as a
// fax's OCR reads "rt" and a quote for its stroke, "Power Chart" with its
// words apart): the software, not the provider.
var reEHRVendor = lazyre.New(`^(?:(?:epic|eclinicalworks|ecw|athenahealth|athenaone|athenaclinicals|nextgen|allscripts|meditech|ce(?:rn|m|rm|mn|rr)er|power ?ch(?:art|an|arl|ar1)|practice fusion|kareo|drchrono|modmed|greenway|webpt)[.,:;'’]?\s+){1,2}`)

// stripEHRVendor drops the EHR system's name before a practice's name at
// the head of a printout, when what follows still reads as a name of two
// words or more whose first word is no facility word itself ("Epic
// Physical Therapy" is a practice's own name).
func stripEHRVendor(c string) string {
	m := reEHRVendor.FindStringIndex(strings.ToLower(c))
	if m == nil {
		return c
	}
	rest := c[m[1]:]
	words := strings.Fields(rest)
	if len(words) < 2 || !reFacility.MatchString(rest) {
		return c
	}
	if loc := reFacility.FindStringIndex(rest); loc[0] == 0 {
		return c
	}
	return rest
}

// initialsOf returns the first letters of up to n words of s, skipping
// "of", "and" and "the" as logos do.
func initialsOf(s string, n int) string {
	var got strings.Builder
	for _, w := range strings.Fields(s) {
		if got.Len() == n {
			break
		}
		switch strings.ToLower(w) {
		case "of", "and", "the":
			continue
		}
		got.WriteByte(w[0])
	}
	return got.String()
}

// logoLine reports whether a line holds only a logo's initials or OCR
// debris from a logo ("MPT", "~"), as letterheads often show.
func logoLine(l *Line) bool {
	t := strings.TrimRight(stripJunk(l.Trim), ".,:;")
	return t == "" && l.Trim != "" || reLogoInitials.MatchString(t)
}

// titleRaw finds the document title a line prints ("PROGRESS NOTE"), or "".
func titleRaw(l *Line) string {
	c := FirstCell(l.Text)
	if speck(c) && c != "" {
		// OCR's speck in front of a title, its own cell (":      DISCHARGE
		// SUMMARY"): the title is the next cell.
		c = FirstCell(l.Text[strings.Index(l.Text, c)+len(c):])
	}
	c = strings.TrimLeft(c, leadSpecks) // a speck glued to it (".EMERGENCY DEPARTMENT RECORD")
	if len(c) > 90 {
		return ""
	}
	if !titleStarts[firstWord(c)] {
		return genericTitle(l, c)
	}
	m := reTitle.FindStringIndex(c)
	if m == nil {
		return genericTitle(l, c)
	}
	rest := strings.TrimSpace(c[m[1]:])
	if len(rest) > 30 && !strings.HasPrefix(rest, "(") {
		return ""
	}
	if !titleCased(c[m[0]:m[1]]) {
		return ""
	}
	// "MRI of the lumbar spine was ordered." is prose, not a title.
	if reSentenceEnd.MatchString(c) && strings.Count(c, " ") > 4 {
		return ""
	}
	// A heading with a colon and text after it is a label ("Statement: ...").
	if strings.HasPrefix(rest, ":") && len(strings.TrimSpace(rest[1:])) > 0 && !HasDate(rest) {
		return ""
	}
	return strings.TrimSpace(c[m[0]:m[1]])
}

// reGenericTitle is a title in capitals the closed list of reTitle does
// not know: up to four words naming the specialty or the kind of visit,
// then the kind of record ("NEUROSURGICAL CONSULTATION", "SPINE SURGERY
// CONSULTATION – SECOND OPINION", "PAIN PSYCHOLOGY EVALUATION"), perhaps
// followed by a short qualifier after a dash.
var reGenericTitle = lazyre.New(`^((?:[A-Z][A-Z&'/]*[ -]+){1,4}(?:CONSULTATION|CONSULT|EVALUATION|NOTE|REPORT|VISIT|SUMMARY|RECORD))(?:\s+[-–—]\s+[A-Z][A-Z ]{0,24})?$`)

// genericTitle returns the title a line in capitals prints by the shape of
// titles (reGenericTitle), or "": the first cell of a line that opens no
// section, with no label, digit or lower-case letter.
func genericTitle(l *Line, c string) string {
	c = strings.TrimFunc(c, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) // OCR's specks around it
	if l.Heading != NoHeading || len(c) > 60 || strings.ContainsAny(c, ":0123456789abcdefghijklmnopqrstuvwxyz") {
		return "" // a title in capitals: most lines end here, before the expression
	}
	m := reGenericTitle.FindStringSubmatch(c)
	if m == nil {
		return ""
	}
	for _, w := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == ',' || r == '-' }) {
		if statusWords[w] {
			return ""
		}
	}
	return strings.TrimSpace(m[1])
}

// statusWords tell a report's status or version ("PRIOR FINAL REPORT",
// "AMENDED REPORT"), a part of the record it stands in, not a record of its
// own.
var statusWords = map[string]bool{"FINAL": true, "PRELIMINARY": true, "PRIOR": true, "PREVIOUS": true, "ORIGINAL": true,
	"AMENDED": true, "CORRECTED": true, "ADDENDUM": true, "REVISED": true, "SIGNED": true, "UNSIGNED": true, "DRAFT": true,
	"CONTINUED": true, "CONT'D": true, "COPY": true}

// looseBracket reports whether a name holds a bar or a brace, or a bracket
// that no letter stands glued before: OCR reads a J or an l as a bracket
// ("TM] & Facial Pain Center"), which a name may hold.
func looseBracket(c string) bool {
	if strings.ContainsAny(c, "|{}") {
		return true
	}
	for i := 0; i < len(c); i++ {
		if (c[i] == '[' || c[i] == ']') && (i == 0 || !isLetterByte(c[i-1])) {
			return true
		}
	}
	return false
}

// fieldValue reports whether line l prints, in its first column, the
// value of a field whose label stands over it on prev, the line above: a
// form or an EHR's sidebar prints "Visit type" and under it
// "Consultation", which names the kind of visit, no record's title. A
// label there is a short cell that ends with a colon or names a type.
func fieldValue(l, prev *Line) bool {
	if prev == nil {
		return false
	}
	start := len(l.Text) - len(strings.TrimLeft(l.Text, " \t"))
	for _, c := range Cells(prev.Text) {
		if c.Start > start+2 {
			break
		}
		if c.Start < start-2 {
			continue
		}
		words := strings.Fields(strings.ToLower(prev.Text[c.Start:c.End]))
		if len(words) == 0 || len(words) > 4 {
			return false
		}
		last := strings.TrimRight(words[len(words)-1], ":")
		return strings.HasSuffix(words[len(words)-1], ":") || last == "type" || words[0] == "type"
	}
	return false
}

// titleStarts are the words a title can begin with (see reTitle).
var titleStarts = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`emergency ed er radiology imaging diagnostic mri ct cat x-ray xray x-rays
		radiograph radiographs ultrasound emg nerve progress daily treatment soap office clinic visit outpatient
		consult consultation new initial re-evaluation reevaluation re-exam reexam re-examination reexamination
		follow follow-up followup operative op
		procedure discharge history h&p physical pt chiropractic independent itemized patient billing account
		statement ledger ub-04 ub04 cms-1500 cms1500 health superbill pharmacy prescription ambulance ems
		prehospital pre-operative preoperative pre-op preop pre-surgical presurgical medical surgical cardiac pain neurology orthopedic orthopaedic urgent hospital hospitalist facility summary admission admitting inpatient
		records record peer utilization physician`) {
		titleStarts[w] = true
	}
}

// firstWord returns the first word of s in lower case, without leading
// punctuation.
func firstWord(s string) string {
	i := 0
	for i < len(s) && !isLetterByte(s[i]) && i < 4 {
		i++
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != ':' && s[j] != '(' {
		j++
	}
	return strings.ToLower(s[i:j])
}

// titleCased reports whether every longer word of s starts with a capital.
func titleCased(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '/' || r == '-' }) {
		if len(w) <= 3 || w == "with" || w == "without" || w == "from" {
			continue
		}
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// IsBillTitle reports whether a title names a bill or statement.
func IsBillTitle(t string) bool { return t != "" && reBillTitle.MatchString(t) }

// reStoreNumber is a store's number after its name.
var reStoreNumber = rxfilter.MustCompile(`\s+(?:#|no\.?\s*|store\s+#?)\s*\d{1,6}$`)

// beforeCapsTitle returns c without the document's title in capitals it
// ends with, a space after a name in mixed case ("Prairie Valley Med Ctr -
// Emergency Services HOSPITAL ACCOUNT SUMMARY"): two words or more that
// name a record or a bill (reDocWords, reBillTitle). A name in capitals,
// or a title alone, is c as it is.
func beforeCapsTitle(c string) string {
	ws := strings.Fields(c)
	i := len(ws)
	for i > 0 && capsWord(ws[i-1]) {
		i--
	}
	if len(ws)-i < 2 || i < 2 {
		return c
	}
	title := strings.Join(ws[i:], " ")
	if !reDocWords.MatchString(title) && !reBillTitle.MatchString(title) {
		return c
	}
	name := strings.TrimRight(strings.Join(ws[:i], " "), " -–,:")
	if strings.ToUpper(name) == name {
		return c
	}
	return name
}

// capsWord reports whether w is a word in capitals (letters, perhaps an
// ampersand or a hyphen).
func capsWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '&' || r == '-' || r == '/':
		default:
			return false
		}
	}
	return n > 0
}

// letterheadRaw finds the facility name a line prints as a letterhead.
// reFieldLabelled opens a cell with a label of a word or two and its
// colon, then the value.
var reFieldLabelled = lazyre.New(`^[A-Za-z]+(?: [A-Za-z]+)?:\s+\S`)

// reItemNumber is a form's item number: a letter and three or four
// digits, maybe with its parenthesis ("M1340)").
var reItemNumber = lazyre.New(`^[(\[{]?[A-Z][0-9]{3,4}[)\]}]?:?$`)

func letterheadRaw(l *Line) string {
	if l.Noise() {
		return ""
	}
	// A chain's store number ("CarePlus Drug Store #2291") is no part of
	// the name.
	c := reStoreNumber.ReplaceAllString(stripJunk(letterheadCell(l)), "")
	whole := c
	if l.Top <= 2 {
		c = beforeCapsTitle(c)
	}
	if l.Top <= 4 && !LooksPhone(c) {
		// At the head of a page, the practice's name may run on into its
		// street address.
		c = nameBeforeAddress(c)
	}
	if len(c) < 4 || len(c) > 70 || strings.Count(c, " ") > 8 || !strings.Contains(c, " ") || l.Heading != NoHeading || l.Title != "" {
		return ""
	}
	// Cheap tests first: a letterhead is a name in capitals or title case.
	if !titleCased(strings.TrimSuffix(c, ".")) {
		return ""
	}
	// Letterheads begin with a word (or an ordinal, "1st Choice ...").
	if isDigitByte(c[0]) && !ordinalStart(c) {
		return ""
	}
	// A line that opens with a word in lower case goes on with the value
	// above it, wrapped ("with a disc herniation" over "on MRI"); one
	// that opens with a code, a letter and digits, numbers a form's item
	// ("M1340) Surgical Wound", its parenthesis or colon lost to OCR).
	if first := strings.Fields(c)[0]; strings.ToLower(first) == first && HasLetters(first) || reItemNumber.MatchString(first) {
		return ""
	}
	// Below the top of a page a letterhead stands alone on its line.
	if l.Top > 2 && whole != stripJunk(l.Trim) {
		return ""
	}
	// A field's label and its value ("Class: Group Therapeutic Exercise",
	// "Program: Work Conditioning Group") is no practice's name.
	if reFieldLabelled.MatchString(c) {
		return ""
	}
	// The heading of a form's block the office fills in ("FOR OFFICE USE
	// ONLY", "FOR MRI STAFF USE") names who fills it in, no practice.
	if reOfficeUse.MatchString(c) {
		return ""
	}
	if looseBracket(c) || PatientLine(servicesNamed(c)) || formPublisher(c) || reFacilityLabel.MatchString(c) || !reFacility.MatchString(c) && !rePharmacyName.MatchString(c) && !reServiceFirst.MatchString(c) || LooksPhone(c) {
		return ""
	}
	if personCredential(c) && !strings.Contains(strings.ToLower(c), "p.a.") && !practicePA(c) {
		return ""
	}
	if tagline(c) || strings.Contains(c, ";") {
		// A semicolon lists or classifies ("Physicians; Family Medicine,
		// Adult", a specialty wrapped in a table's cell): no name holds one.
		return ""
	}
	// OCR often ends a letterhead with a stray dot: at the top of a page a
	// title-cased name followed by "." is still a name, not a sentence.
	if l.Top <= 4 && strings.HasSuffix(c, ".") && reSentenceEnd.MatchString(c) && titleCased(strings.TrimSuffix(c, ".")) {
		c = strings.TrimSuffix(c, ".")
	}
	if HasDate(c) || strings.HasSuffix(c, ":") || reUnitLabel.MatchString(c) || reSentenceEnd.MatchString(c) || reDocWords.MatchString(c) && !reOrgEnd.MatchString(c) && !reServiceFirst.MatchString(c) || reComplaintWords.MatchString(c) {
		return ""
	}
	if l.Heading != NoHeading {
		return ""
	}
	if l.Title != "" || !titleCased(c) {
		return ""
	}
	if addr := reAddress.FindStringIndex(c); addr != nil && addr[0] == 0 || recordTitle(c) {
		return ""
	}
	return CleanProvider(c)
}

// nameBeforeAddress returns the name a line prints before its street
// address ("Lakeshore Occupational Medicine 410 Harbor Ave, Toledo, OH"),
// or the line itself when no street address follows a name on it.
func nameBeforeAddress(c string) string {
	for i := 1; i+1 < len(c); i++ {
		if c[i] == ' ' && isDigitByte(c[i+1]) && streetStart(c[i+1:]) && reAddress.MatchString(c[i+1:]) {
			return strings.TrimRight(c[:i], " ,-–")
		}
	}
	return c
}

// reFormPublisher names the public body that publishes a form a
// physician fills in: a state ("STATE OF OHIO", "Commonwealth of
// Virginia"), its industrial commission, or an agency of workers'
// compensation (a bureau, board, division or office of it). It prints the
// form, it gives no care; a clinic that treats injured workers ("Workers
// Comp Medical Clinic") is no agency.
var (
	reFormPublisher = lazyre.New(`(?i)^(?:the\s+)?(?:state|commonwealth)\s+of\s+[a-z]|\bindustrial\s+(?:commission|accident\s+board)\b|\bworkers['’]?\s*comp(?:ensation)?\b` +
		// The federal departments that publish claim and plan-of-care forms
		// (CMS-700, CMS-1500, the Department of Labor's OWCP forms).
		`|\bdepartment\s+of\s+(?:health\s+(?:and|&)\s+human\s+services|labor)\b|\bcenters\s+for\s+medicare\b`)
	reAgency = lazyre.New(`(?i)^(?:the\s+)?(?:state|commonwealth)\s+of\b|\b(?:bureau|board|division|department|dept|office|commission|agency|administration|centers\s+for)\b`)
)

// formPublisher reports whether a name is a public body's that publishes
// forms (see reFormPublisher), no provider's. "State of the Art Imaging"
// is a practice.
func formPublisher(c string) bool {
	// OCR's specks: a quote before the name, a point after a word
	// ("DEPARTMENT OF HEALTH. AND HUMAN SERVICES").
	c = publisherSpecks.Replace(strings.TrimLeft(c, "‘’“”'\"`.,~-_ "))
	return reFormPublisher.MatchString(c) && reAgency.MatchString(c) && !strings.Contains(strings.ToLower(c), "of the art")
}

// publisherSpecks drops a speck OCR set after a word of a name.
var publisherSpecks = strings.NewReplacer(". ", " ", ", ", " ")

// rePharmacyName is a pharmacy's name ending in "Drug" or "Rx"
// ("CAREPLUS DRUG", "Greenleaf Rx"), which no other facility word marks.
var rePharmacyName = rxfilter.MustCompile(`(?i)^[a-z][\w'&.-]*(?:\s+[\w'&.-]+){0,3}\s+(?:drug|rx)$`)

// reUnitLabel labels a field naming a unit of the practice ("Department:
// Emergency Medicine", "Service: Orthopedics"): the practice is named
// elsewhere, the field is no letterhead.
var reUnitLabel = lazyre.New(`(?i)^(?:department|dept\.?|unit|service|specialty|division|clinic area)\s*:`)

// serviceBefore are words a practice puts before the service it names
// ("Outpatient PT", "Sports & Spine PT"): a credential after one of them
// names a service, not a person.
var serviceBefore = map[string]bool{
	"outpatient": true, "inpatient": true, "sports": true, "pediatric": true, "paediatric": true, "aquatic": true,
	"orthopedic": true, "orthopaedic": true, "rehab": true, "rehabilitation": true, "spine": true, "-": true,
	"&": true, "and": true, "/": true, "+": true, "clinic": true, "center": true, "centre": true, "services": true,
}

// personCredential reports whether s carries a clinician's credential
// after a name ("Jane Moss, PT", "Alan Reyes DPT"): a credential after a
// service word ("Evergreen Rehab - Outpatient PT") names the practice's
// service instead.
func personCredential(s string) bool {
	for _, m := range reCredential.FindAllStringIndex(s, -1) {
		before := strings.Fields(s[:m[0]])
		if len(before) == 0 {
			continue
		}
		last := strings.ToLower(strings.TrimRight(before[len(before)-1], ","))
		if serviceAfter(s[m[1]:]) {
			continue
		}
		if strings.HasSuffix(s[:m[0]+1], ",") || !serviceBefore[last] {
			return true
		}
	}
	return false
}

// rePAEnd is a professional association's "P.A." ending a name, as OCR
// may read it: "PA.", "PA", "P.A".
var rePAEnd = lazyre.New(`(?i),?\s+p\.?\s?a\.?$`)

// practicePA reports whether s ends with a professional association's
// "P.A." after a practice's name ("LAKESHORE ANESTHESIA ASSOCIATES, PA."):
// no physician assistant's credential after a person's name.
func practicePA(s string) bool {
	loc := rePAEnd.FindStringIndex(s)
	return loc != nil && reFacility.MatchString(s[:loc[0]])
}

// reJoinedService is what follows a service a practice names itself by
// when more of the name comes after it: "Align PT & Sports Rehab",
// "Core PT and Wellness".
var reJoinedService = lazyre.New(`^\s*(?:&|\+|and\b)\s*\S`)

// reServiceFirst is a practice's name that opens with the service it
// gives, in capitals, before more of its name ("Crossroads OT & Work
// Assessment", "Summit PT and Performance"): no other word of a facility
// need be in it, and a word of a document's title after the service
// ("Assessment") is the practice's.
var reServiceFirst = lazyre.New(`\b[A-Z][A-Za-z'-]+\s+(?:PT|OT|SLP)\s*(?:&|\+|and)\s+[A-Z][a-z]`)

// serviceAfter reports whether the text after a credential goes on with a
// practice's name ("& Sports Rehab"): no clinician's credential is joined
// to more words that way.
func serviceAfter(rest string) bool { return reJoinedService.MatchString(rest) }

// reTaglineSep separates the items of a practice's tagline.
var reTaglineSep = lazyre.New(`\s+[-–—•·|/]\s+|\s*[•·|]\s*`)

// tagline reports whether s lists services rather than naming a practice:
// three or more one-word items between dashes or bullets ("Chiropractic
// - Physiotherapy - Massage").
func tagline(s string) bool {
	items := reTaglineSep.Split(s, -1)
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if len(strings.Fields(it)) != 1 {
			return false
		}
	}
	return true
}

// stripJunk removes what OCR leaves around a letterhead: quotes, dots,
// bullets and dashes in front, and the same (but a final period or
// parenthesis, as in "P.A.") behind.
func stripJunk(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.TrimRightFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ')'
	})
}

// headerRaw reports whether a line belongs to a header block (letterhead,
// address, phone, title, patient identification, fax banner) rather than
// to the body of a note.
func headerRaw(l *Line) bool {
	if l.Noise() || l.Title != "" || l.Letterhead != "" {
		return true
	}
	c := l.Trim
	digits := strings.ContainsAny(c, "0123456789")
	if digits && (LooksPhone(c) || LooksAddress(c) && len(c) < 80) {
		return true
	}
	if len(c) < 120 && PatientLine(c) && !reSentenceEnd.MatchString(c) {
		return true
	}
	return digits && l.HasService
}

var (
	phoneHints   = NewWordSet("tel", "phone", "ph", "fax")
	addressHints = NewWordSet("box ", "suite", " ste ", " ste.")
)

// LooksPhone reports whether s prints a phone or fax number.
func LooksPhone(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			n++
		}
	}
	if n < 7 && !phoneHints.In(s) {
		return false
	}
	return phoneMatch(s)
}

// The parts of rePhone that phoneMatch runs as regular expressions.
var (
	rePhoneParen = lazyre.New(`\(\d{3}\)\s*\d{3}[ .-]\d{4}`)
	rePhoneLabel = lazyre.New(`(?i)\b(tel|phone|ph|fax|telephone)\b\s*[:.]?\s*\(?\d`)
)

// phoneMatch is rePhone.MatchString(s), one part of the expression at a
// time: the bracketed area code only where s has a '(', the dotted or
// dashed number read by hand, the labelled number only where s holds a
// label's letters in any case (a part that matches makes the whole match). The whole
// expression backtracked from every byte of every line with seven digits,
// most of them dated bill rows.
func phoneMatch(s string) bool {
	return strings.IndexByte(s, '(') >= 0 && rePhoneParen.MatchString(s) ||
		strings.ContainsAny(s, ".-") && dottedPhoneIn(s) ||
		(hasFoldASCII(s, "tel") || hasFoldASCII(s, "ph") || hasFoldASCII(s, "fax")) && rePhoneLabel.MatchString(s)
}

// hasFoldASCII reports whether s holds sub (lower-case ASCII letters, none
// of which Unicode folds to a non-ASCII letter) in any ASCII case.
func hasFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// dottedPhoneIn reports whether s holds `\b\d{3}[.-]\d{3}[.-]\d{4}\b`.
func dottedPhoneIn(s string) bool {
	sep := func(c byte) bool { return c == '.' || c == '-' }
	digits := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if !isDigitByte(t[i]) {
				return false
			}
		}
		return true
	}
	for i := 0; i+12 <= len(s); i++ {
		if (i == 0 || !isASCIIWord(s[i-1])) && digits(s[i:i+3]) && sep(s[i+3]) && digits(s[i+4:i+7]) && sep(s[i+7]) &&
			digits(s[i+8:i+12]) && (i+12 == len(s) || !isASCIIWord(s[i+12])) {
			return true
		}
	}
	return false
}

// isASCIIWord reports whether c is an ASCII word character (\w, what \b
// tells from the others).
func isASCIIWord(c byte) bool {
	return isDigitByte(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// LooksAddress reports whether s prints a street address, a ZIP code after
// a state, a PO box or a suite.
func LooksAddress(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return false
	}
	if !streetStart(t) && !stateZip(t) && !addressHints.In(t) {
		return false
	}
	return reAddress.MatchString(s)
}

// ordinalStart reports whether s begins with an ordinal such as "21st".
func ordinalStart(s string) bool {
	i := 0
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	r := strings.ToLower(s[i:])
	return strings.HasPrefix(r, "st ") || strings.HasPrefix(r, "nd ") || strings.HasPrefix(r, "rd ") || strings.HasPrefix(r, "th ")
}

// streetStart reports whether s begins like a street address: a number,
// a space and a word.
func streetStart(s string) bool {
	i := 0
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	if i == 0 || i < len(s) && isLetterByte(s[i]) {
		i++ // 12B Main St
	}
	return i > 0 && i+1 < len(s) && s[i] == ' ' && isLetterByte(s[i+1])
}

// stateZip reports whether s holds a two-letter state and a ZIP code
// ("IL 62704").
func stateZip(s string) bool {
	for k := 3; k+5 <= len(s); k++ {
		if s[k-1] == ' ' && s[k-2] >= 'A' && s[k-2] <= 'Z' && s[k-3] >= 'A' && s[k-3] <= 'Z' && hasDigitRun(s[k:k+5], 5) {
			return true
		}
	}
	return false
}

// patientWords mark a patient-identification line.
var patientWords = []string{"patient", "pt name", "name", "dob", "d.o.b", "date of birth", "mrn", "medical record",
	"acct", "account", "sex", "gender", "age", "ssn", "insurance", "member id", "claim", "re:"}

// PatientLine reports whether s holds a patient-identification word
// ("Patient", "DOB", "MRN", "Account").
func PatientLine(s string) bool {
	low := strings.ToLower(s)
	for _, w := range patientWords {
		for off := 0; ; {
			i := strings.Index(low[off:], w)
			if i < 0 {
				break
			}
			i += off
			end := i + len(w)
			if (i == 0 || !isLetterByte(low[i-1])) && (end >= len(low) || !isLetterByte(low[end])) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

var (
	reProviderNoise = lazyre.New(`(?i)\s*(,\s*)?(\d+[a-z]?\s+\w+.*|p\.?\s?o\.? box.*|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}.*|\b(tel|phone|fax|npi|tax id)\b.*)$`)
)

var reSplitPossessive = lazyre.New(`([A-Za-z])'\s+([Ss])\b`)

// CleanProvider strips address, phone and trailing punctuation from a
// provider name as printed.
func CleanProvider(s string) string {
	s = textutil.FoldSpace(s)
	if m := reRoleLabel.FindStringIndex(s); m != nil && m[1] < len(s) {
		// "Submitter: MERIDIAN DIAGNOSTIC RADIOLOGY LLC": the name, not
		// the role a claim's label gives it.
		s = s[m[1]:]
	}
	if strings.ContainsAny(s, "'’") {
		// OCR's "ST. LUKE’ S": one apostrophe, no space.
		s = reSplitPossessive.ReplaceAllString(strings.ReplaceAll(s, "’", "'"), "$1'$2")
	}
	if i := strings.Index(s, " - "); i > 8 && LooksAddress(s[i:]) {
		s = s[:i]
	}
	if m := reProviderNoise.FindStringIndex(s); m != nil && m[0] > 3 {
		s = s[:m[0]]
	}
	if n := len(s); n > 6 && isDigitByte(s[n-1]) && strings.Contains(s, ", ") {
		s = cutTown(s)
	}
	// "Summit Laboratory, Lexington, KY 40503. CLIA ...": the text before
	// the ZIP code ends on the town and state, no part of the name.
	if m := reCityState.FindStringIndex(s); m != nil && m[0] > 3 {
		s = s[:m[0]]
	}
	s = strings.Trim(s, " ,;:-|*#")
	// "HARBORVIEW ORTHOPAEDIC SURGERY P": the first letter of a legal
	// suffix (PC, PA, PLLC) whose rest the scan cut off at the margin,
	// maybe with a speck of a rule before it ("..., |p").
	// A rule's speck glued to the next label's first letters ("..., |PR"
	// of "P.A." and "Patient") is no word of the name either.
	if f := strings.Fields(s); len(f) >= 3 {
		last := f[len(f)-1]
		if core := strings.TrimLeft(last, "|!'`"); core == "P" || core == "p" || strings.HasPrefix(last, "|") && len(core) <= 3 && lettersOnly(strings.ToLower(core)) && strings.HasSuffix(f[len(f)-2], ",") {
			s = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(s, " "), f[len(f)-1]), " ,")
		}
	}
	return dropAcronym(unglue(mendOCRWords(rejoinSplit(s))))
}

// mendOCRWords puts back the words of providers' names (splitFacilityWords)
// that OCR misread by one confusion of letters (see ocrConfusions:
// "Emergericy", "HOSPlTAL", "Tlierapy"), in the case the word is printed
// in. Only a word of six letters or more that one confusion, and only
// one, turns into such a word is mended: a name's own words stay.
func mendOCRWords(s string) string {
	f := strings.Fields(s)
	changed := false
	for i, w := range f {
		a, b := 0, len(w)
		for b > a && !unicode.IsLetter(rune(w[b-1])) {
			b--
		}
		core := w[a:b]
		low := strings.ToLower(core)
		if len(low) < 6 || splitFacilityWords[low] || !lettersOnly(low) {
			continue
		}
		fixed := undoConfusion(low, splitFacilityWords)
		if fixed == "" {
			continue
		}
		f[i] = caseLike(fixed, core) + w[b:]
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(f, " ")
}

// caseLike returns the lower-case word w in the case of as: capitals when
// most of its letters are, else capitalised when its first letter is.
func caseLike(w, as string) string {
	up := 0
	for _, r := range as {
		if unicode.IsUpper(r) {
			up++
		}
	}
	switch {
	case up*2 > len(as):
		return strings.ToUpper(w)
	case len(as) > 0 && unicode.IsUpper(rune(as[0])):
		return strings.ToUpper(w[:1]) + w[1:]
	}
	return w
}

// splitFacilityWords are the words of providers' names OCR may split in two
// ("G ROUP", "HOS PITAL"): rejoinSplit puts them back together.
var splitFacilityWords = map[string]bool{
	"group": true, "hospital": true, "center": true, "centre": true, "clinic": true, "medical": true,
	"radiology": true, "imaging": true, "therapy": true, "chiropractic": true, "orthopedic": true,
	"orthopedics": true, "orthopaedic": true, "orthopaedics": true, "associates": true, "rehabilitation": true,
	"surgery": true, "surgical": true, "diagnostic": true, "diagnostics": true, "laboratory": true,
	"laboratories": true, "institute": true, "pharmacy": true, "management": true, "neurology": true,
	"wellness": true, "regional": true, "memorial": true, "physicians": true, "specialists": true,
	"emergency": true,
}

// rejoinSplit joins two neighbouring words of s that together, and only
// together, make a word of splitFacilityWords, in the case of the first:
// "RADIOLOGY G ROUP" is "RADIOLOGY GROUP".
func rejoinSplit(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return s
	}
	joined := false
	for i := 0; i+1 < len(f); i++ {
		a, b := f[i], strings.TrimRight(f[i+1], ",.")
		if !lettersOnly(a) || !lettersOnly(b) || splitFacilityWords[strings.ToLower(a)] || splitFacilityWords[strings.ToLower(b)] ||
			!splitFacilityWords[strings.ToLower(a+b)] {
			continue
		}
		w := a + strings.ToLower(b)
		if strings.ToUpper(a) == a && (len(a) > 1 || strings.ToUpper(b) == b) {
			w = strings.ToUpper(a + b)
		}
		f[i], f[i+1] = w+f[i+1][len(b):], ""
		f = append(f[:i+1], f[i+2:]...)
		joined = true
	}
	if !joined {
		return s
	}
	return strings.Join(f, " ")
}

// lettersOnly reports whether s is one or more ASCII letters.
func lettersOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetterByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// reRoleLabel is the label of a claim's or a bill's party before its
// name: submitter, billing, rendering or servicing provider, pay-to,
// remit-to.
var reRoleLabel = lazyre.New(`(?i)^(?:submitter|billing(?: provider)?|rendering(?: provider)?|servicing(?: provider)?|pay[- ]to(?: provider)?|remit(?: payment)? to)\s*:\s*`)

// cutTown drops a town, state and ZIP code printed after a name.
func cutTown(s string) string {
	if m := reCityStateZip.FindStringIndex(s); m != nil && m[0] > 3 {
		// "Alder Int Med, Reno, NV 89501": the name, not its town.
		return s[:m[0]]
	}
	return s
}

// reCityState is a town and a state's postal code closing a name, its
// ZIP code cut off after it.
var reCityState = lazyre.New(`,\s*[A-Z][A-Za-z .'\-]{1,30},\s*(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s*,?\s*$`)

// reCityStateZip is a town, state and ZIP code after a name.
var reCityStateZip = lazyre.New(`,\s*[A-Z][A-Za-z .'\-]{1,30},?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?$`)

// unglue cuts a name that two overlapping fields printed twice, the second
// glued to the first: "SPINE ALIGN CENTER PLLCSPINE ALIGN CENTER".
func unglue(s string) string {
	f := strings.Fields(s)
	if len(f) < 3 || len(f[0]) < 4 {
		return s
	}
	i := strings.Index(s[len(f[0]):], f[0])
	if i < 0 {
		return s
	}
	i += len(f[0])
	if i > 0 && isLetterByte(s[i-1]) {
		return strings.TrimSpace(s[:i-0])
	}
	return s
}

// dropAcronym removes a logo acronym printed before the name it abbreviates
// ("NRA Northside Radiology Associates").
func dropAcronym(s string) string {
	f := strings.Fields(s)
	if len(f) < 3 || len(f[0]) < 2 || len(f[0]) > 5 || strings.ToUpper(f[0]) != f[0] || len(f)-1 < len(f[0]) {
		return s
	}
	for i := 0; i < len(f[0]); i++ {
		if f[i+1][0] != f[0][i] {
			return s
		}
	}
	return strings.Join(f[1:], " ")
}

// SameProvider compares two provider names loosely: equal, or one a prefix
// of the other, once reduced to lower-case letters and digits.
func SameProvider(a, b string) bool {
	na, nb := ProviderKey(a), ProviderKey(b)
	return na == nb || na != "" && nb != "" && (strings.HasPrefix(na, nb) || strings.HasPrefix(nb, na))
}

// ProviderKey lower-cases a name and keeps only letters and digits.
func ProviderKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// reNamedTitle is a heading that names the provider before the document's
// title: "Community Health and Hospitals: Discharge Summary (September
// 17, 2014)", as EHR exports print them.
var reNamedTitle = lazyre.New(`^([A-Z][^:]{3,70}?):\s+(.{4,})$`)

// namedTitle returns the provider a "Provider: Title" heading names, or "".
func namedTitle(l *Line) string {
	m := reNamedTitle.FindStringSubmatch(FirstCell(l.Text))
	if m == nil || !NamesFacility(m[1]) || PatientLine(m[1]) || !reDocWords.MatchString(m[2]) && reTitle.FindString(m[2]) == "" {
		return ""
	}
	if v := CleanProvider(m[1]); readsAsName(v) {
		return v
	}
	return ""
}
