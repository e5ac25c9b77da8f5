package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

var (
	reProviderLabel = lazyre.New(`(?i)^\s*(?:provider|treating provider|rendering provider)\s*[:#-]\s*(.+)`)
	reNPI           = lazyre.New(`(?i)\bNPI\s*(?:#|no\.?|number)?\s*[:#]?\s*(\d{10})\b`)
	reClinicianLbl  = rxfilter.MustCompile(`\b(?i:attending(?: physician| provider)?|treating (?:physician|provider|doctor)|examining physician|rendering provider|provider|physician|radiologist|interpreting physician|reading physician|therapist|chiropractor|surgeon|seen by|signed by|electronically signed by|dictated by|interpreted by|author|clinician|doctor|practitioner|evaluator|examiner|evaluated by|examined by)\s*[:\-]?\s*((?:Dr\.?\s+)?[A-Z][A-Za-z'.\-]+(?:\s+[A-Z][A-Za-z'.\-]*){0,3}(?:,?\s*(?:M\.?D\.?|M\.?S\.?|D\.?O\.?|PA-C|N\.?P\.?|FNP(?:-[BC]{1,2})?|APRN|ARNP|D\.?C\.?|DPT|PTA|P\.?T\.?|MPT|OTR(?:/L)?|R\.?N\.?|CRNA|LAc|ATC|CNP|Ph\.?D\.?|Psy\.?D\.?|Ed\.?D\.?|LCSW|LPC|LMFT|DPM|DMD|DDS|O\.?D\.?(?:,|\s|$)))*)`)
	reNameCred      = lazyre.New(`\b((?:Dr\.?\s+)?[A-Z][a-z][A-Za-z'\-]*(?:\s+[A-Z]\.?)?(?:\s+[A-Z][A-Za-z'\-]+){1,2}),?\s+(M\.?D\.?|D\.?O\.?|PA-C|N\.?P\.?|FNP(?:-[BC]{1,2})?|APRN|ARNP|D\.?C\.?|DPT|P\.?T\.?|MPT|OTR/L|CRNA|CNP|Ph\.?D\.?|Psy\.?D\.?|Ed\.?D\.?|LCSW|LPC|LMFT|DPM|DMD|DDS)(?:[,\s]|$)`)
	reDoctor        = lazyre.New(`\bDr\.?\s+([A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)?)`)
	reNotAName      = lazyre.New(`(?i)^(the|this|patient|unknown|none|n/a|date|dob|mrn|is|was|and|of|note|report)\b`)
)

// provider finds the facility of a note: a facility label, then the
// letterhead in the header block, then a provider label naming a practice.
// A report's label naming where its study was done ("Facility:", a
// teleradiology group's client hospital) yields to the letterhead of the
// group that read it, as a bill's does to the biller's.
func (n *note) provider() (name string, li int) {
	limit := min(len(n.lines), max(n.body, 8))
	for i, l := range n.lines {
		if l.lo != nil && l.lo.Facility != "" {
			if n.class == extract.PageReport && layout.ServicePlace(l.trim) {
				for j := 0; j < limit; j++ {
					if lh := letterhead(n.lines[j]); lh != "" {
						return lh, j
					}
				}
			}
			return l.lo.Facility, i
		}
	}
	for i := 0; i < limit; i++ {
		if lh := letterhead(n.lines[i]); lh != "" {
			return lh, i
		}
	}
	for i, l := range n.lines {
		if m := reProviderLabel.FindStringSubmatch(firstCellOrLine(l)); m != nil {
			v := layout.CleanProvider(cutCells(m[1]))
			if layout.NamesFacility(v) && !layout.HasCredential(v) {
				return v, i
			}
		}
	}
	return "", -1
}

// billProvider finds who bills a statement as provider does, except that
// a label naming where the services were given (layout.ServicePlace)
// yields to the letterhead of the statement's header block, and that a
// payer's heading (a health plan's) yields to the provider a label names
// (labelledBiller), as any heading yields to a label naming the pharmacy
// that filled the prescriptions.
func (n *note) billProvider() string {
	prov, li := n.provider()
	if b, pharmacy := n.labelledBiller(); b != "" && (pharmacy || li < 0 || rePayerWords.MatchString(prov)) {
		// A payer's print of claims, or prescriptions filled: the
		// provider its label names.
		return b
	}
	if li < 0 || !layout.ServicePlace(n.lines[li].trim) {
		return prov
	}
	for i := 0; i < min(len(n.lines), max(n.body, 8)); i++ {
		if lh := letterhead(n.lines[i]); lh != "" {
			return lh
		}
	}
	return prov
}

// firstCellOrLine returns the first column, or the whole trimmed line when
// the label and value are separated by a wide gap.
func firstCellOrLine(l line) string {
	c := firstCell(l)
	if strings.HasSuffix(c, ":") {
		return l.trim
	}
	return c
}

// cutCells keeps the first column of a value ("Mercy Hospital    DOB: ...").
func cutCells(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "   "); i > 0 {
		s = s[:i]
	}
	return s
}

// npi returns the first NPI printed in the note.
func (n *note) npi() string {
	for _, l := range n.lines {
		if !strings.Contains(l.text, "NPI") && !strings.Contains(l.text, "npi") {
			continue
		}
		if m := reNPI.FindStringSubmatch(l.text); m != nil {
			return m[1]
		}
	}
	return ""
}

// rePhone is a telephone number labelled as one (or as the desk that
// answers it: office, client services), its label in group 1 and
// its digits in groups 2 to 4.
var rePhone = lazyre.New(`(?i)\b(phone|ph|tel|telephone|main|office|client services?|customer services?)\b\.?\s*(?:#|no\.?|number)?\s*:?\s*\(?(\d{3})\)?[ .-]?(\d{3})[ .-](\d{4})\b`)

// reOtherPhone ends the text before a telephone label that makes it
// someone else's number than the practice's.
var reOtherPhone = lazyre.New(`(?i)\b(?:employer|patient|pt|home|cell|mobile|work|contact|emergency|insurance|insurer|attorney|adjuster|guarantor)\s*$`)

// phone returns the practice's telephone number from the top of the
// note's first page (its letterhead block), digits only, or "".
func (n *note) phone() string {
	for _, l := range n.lines {
		if l.page != n.lines[0].page || l.top > 8 {
			break
		}
		if p := practicePhone(l.text); p != "" {
			return p
		}
	}
	return ""
}

// practicePhone returns the digits of the first telephone number a line
// labels as the practice's (not an employer's, patient's, insurer's ...),
// or "".
func practicePhone(text string) string {
	for _, m := range rePhone.FindAllStringSubmatchIndex(text, -1) {
		if !reOtherPhone.MatchString(text[:m[2]]) {
			return text[m[4]:m[5]] + text[m[6]:m[7]] + text[m[8]:m[9]]
		}
	}
	return ""
}

// pagePhone returns the practice's telephone number from the top of page
// number page (its letterhead block), digits only, or "": a log's rows
// are the visits of the practice whose letterhead heads the page.
func pagePhone(d *layout.Doc, page int) string {
	pi := d.PageIndex(page)
	if pi < 0 {
		return ""
	}
	for _, l := range d.PageLines(pi) {
		if l.Top > 8 {
			break
		}
		if p := practicePhone(l.Text); p != "" {
			return p
		}
	}
	return ""
}

// clinician finds the clinician: a labelled name, then a name with
// credentials (often the signature), then "Dr. Name".
func (n *note) clinician(patient string) string {
	ok := func(v string) bool {
		v = strings.TrimSpace(v)
		return len(v) > 3 && !reNotAName.MatchString(v) && (patient == "" || !strings.Contains(v, patient)) &&
			!layout.NamesFacility(strings.TrimSuffix(v, " PT"))
	}
	if v := n.attendingClinician(); ok(v) {
		return v
	}
	for _, l := range n.lines {
		for _, m := range reClinicianLbl.FindAllStringSubmatchIndex(l.text, -1) {
			if referrer(l.text[:m[0]]) {
				continue
			}
			v := strings.TrimRight(cutCells(l.text[m[2]:m[3]]), " ,")
			if ok(v) && (layout.HasCredential(v) || strings.HasPrefix(v, "Dr")) {
				return v
			}
		}
	}
	for _, l := range n.lines {
		for _, m := range reNameCred.FindAllStringSubmatchIndex(l.text, -1) {
			if v := l.text[m[2]:m[3]]; ok(v) && !reReferredBy.MatchString(l.text[:m[0]]) {
				return strings.TrimSpace(v) + ", " + l.text[m[4]:m[5]]
			}
		}
	}
	for _, l := range n.lines {
		if m := reDoctor.FindStringSubmatch(l.text); m != nil && ok(m[1]) {
			return "Dr. " + m[1]
		}
	}
	return ""
}

// reReferrer ends the text before a clinician's label that names who sent
// the patient, not who saw them: "Referring physician:", "Ordering
// provider:", "Primary care physician:".
var reReferrer = lazyre.New(`(?i)\b(?:referring|ordering|requesting|primary care|pcp|family)\s*$`)

// reReferredBy ends the text before a name that sent the patient or
// ordered the visit ("Referred by: Ann Lee, MD"): the name of another
// clinician than the one who saw the patient.
var reReferredBy = lazyre.New(`(?i)\b(?:referred by|referral from|referring (?:physician|provider|doctor)|ordered by|ordering (?:physician|provider)|cc)\s*:?\s*$`)

// referrer reports whether the text before a clinician's label makes it
// the referring or ordering clinician's.
func referrer(pre string) bool { return reReferrer.MatchString(pre) }

// Provider kinds, matched on the name and then on the note's content.
var kindRules = []struct {
	re   *lazyre.Regexp
	kind string
}{
	{lazyre.New(`(?i)ambulance|\bems\b|fire (?:department|rescue)|paramedic|medic\b`), "ambulance"},
	{lazyre.New(`(?i)pharmacy|walgreens|\bcvs\b|rite aid|drug`), "pharmacy"},
	{lazyre.New(`(?i)billing|collections|revenue cycle`), "billing"},
	// A neurodiagnostic or electrodiagnostic laboratory (EMG, nerve
	// conduction, EEG) is neurology, before "diagnostic" makes it imaging.
	{lazyre.New(`(?i)(?:neuro|electro)-?diagnostic`), "neurology"},
	{lazyre.New(`(?i)imaging|radiology|\bmri\b|diagnostic|x-ray|open mri`), "radiology"},
	{lazyre.New(`(?i)chiropract|\bchiro\b`), "chiropractic"},
	// A speech-language pathologist's practice, whatever rehabilitation
	// its name adds ("Speech & Cognitive Rehab"), and a neuropsychologist's
	// (before "neuro" makes it neurology).
	{lazyre.New(`(?i)\bspeech\b|\bslp\b`), "speech_therapy"},
	{lazyre.New(`(?i)neuropsych`), "neuropsychology"},
	{lazyre.New(`(?i)physical therapy|\bpt\b|rehab|physiotherapy|therapy`), "physical_therapy"},
	// A "Brain and Spine" practice, or one that operates on nerves, is
	// neurosurgery, before "spine" makes it orthopaedics and "neuro"
	// neurology.
	{lazyre.New(`(?i)neurosurg|brain,? (?:&|and) spine|(?:spine|nerve) surg`), "neurosurgery"},
	{lazyre.New(`(?i)orthop|spine|sports medicine|joint`), "orthopedics"},
	{lazyre.New(`(?i)\bpain\b|interventional`), "pain_management"},
	{lazyre.New(`(?i)neurolog|neuro`), "neurology"},
	{lazyre.New(`(?i)emergency|\ber\b|\bed\b`), "emergency"},
	{lazyre.New(`(?i)family (?:medicine|practice)|primary care|internal medicine|\b(?:int|fam)\.?\s+med\b|pediatric|urgent care|walk-in|immediate care|\bUC\b|\bpcp|general practice`), "primary_care"},
	{lazyre.New(`(?i)hospital|medical center|med ctr|regional|memorial|health system`), "hospital"},
}

var contentKinds = []struct {
	re   *lazyre.Regexp
	kind string
}{
	{lazyre.New(`(?i)emergency (?:department|room)|\bED course\b|triage|\bER\b`), "emergency"},
	{lazyre.New(`(?i)radiology report|imaging report|\bimpression\b.*|technique:|comparison:`), "radiology"},
	{lazyre.New(`(?i)chiropractic|adjustment|subluxation`), "chiropractic"},
	{lazyre.New(`(?i)physical therapy|therapeutic exercise|\bPT\b (?:evaluation|daily)|plan of care`), "physical_therapy"},
	{lazyre.New(`(?i)epidural|facet|radiofrequency|medial branch|pain management`), "pain_management"},
	{lazyre.New(`(?i)orthop`), "orthopedics"},
}

// providerKind guesses the provider kind from the name, then the title,
// then the content.
// reEmergency marks a hospital note as an emergency department's.
var reEmergency = lazyre.New(`(?i)\bemergency (?:department|dept|room|medicine|physician)|\bED (?:physician|provider|course|note|record)\b|\b(?:ER|ED) visit\b|\btriage\b`)

func providerKind(name, title string, n *note) string {
	for _, r := range kindRules {
		if r.re.MatchString(name) {
			if r.kind == "hospital" && (reEmergency.MatchString(title) || n != nil && reEmergency.MatchString(n.headText(min(n.body+4, 12)))) {
				return "emergency"
			}
			return r.kind
		}
	}
	for _, r := range kindRules {
		if title != "" && r.re.MatchString(title) {
			return r.kind
		}
	}
	if n != nil {
		head := n.headText(min(n.body+6, 14))
		for _, r := range contentKinds {
			if r.re.MatchString(head) {
				return r.kind
			}
		}
	}
	if name == "" {
		return ""
	}
	return "other"
}

// headLines is how many of a note's first lines headText can join.
const headLines = 25

// headText joins the first k (at most headLines) lines of the note; the
// joined head is built once per note.
func (n *note) headText(k int) string {
	if n.headEnds == nil {
		var b strings.Builder
		for _, l := range n.lines[:min(headLines, len(n.lines))] {
			b.WriteString(l.trim)
			b.WriteByte('\n')
			n.headEnds = append(n.headEnds, b.Len())
		}
		n.head = b.String()
	}
	k = min(k, len(n.headEnds))
	if k == 0 {
		return ""
	}
	return n.head[:n.headEnds[k-1]]
}
