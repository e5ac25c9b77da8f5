package layout

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

// Heading is the kind of note section a heading opens.
type Heading uint8

// Kinds of note sections.
const (
	NoHeading    Heading = iota
	Complaints           // chief complaint, subjective, reason for visit
	History              // HPI, past history: dates here are history
	RecordReview         // prior-records review lists
	Findings             // exam, objective, findings, results
	Impression           // radiology impression, or clinical impression
	Assessment           // assessment, diagnoses
	AssessPlan           // assessment and plan together
	Plan                 // plan, recommendations, instructions, disposition
	Meds                 // medications, prescriptions
	Procedure            // procedures performed, treatment rendered
	Work                 // work status, restrictions
	Goals                // therapy goals: never a status
	OtherHeading         // any other section (allergies, vitals, social history)
)

// headings maps a normalised heading to its section kind.
var headings = map[string]Heading{
	"chief complaint": Complaints, "chief complaints": Complaints, "cc": Complaints,
	"complaint": Complaints, "complaints": Complaints, "subjective": Complaints,
	"subjective complaints": Complaints, "presenting complaint": Complaints,
	"reason for visit": Complaints, "reason for exam": Complaints, "reason for referral": Complaints,
	"reason for consultation": Complaints, "indication": Complaints, "indications": Complaints,
	"clinical history": Complaints, "clinical information": Complaints, "current symptoms": Complaints,
	"s":   Complaints,
	"hpi": History, "history of present illness": History, "history of present injury": History,
	"history": History, "history of industrial injury": History, "interval history": History,
	"past medical history": History, "pmh": History, "past surgical history": History,
	"psh": History, "family history": OtherHeading, "social history": OtherHeading, "prior history": History,
	"history of injury": History, "mechanism of injury": History, "past history": History,
	"records reviewed": RecordReview, "record review": RecordReview, "records review": RecordReview,
	"review of records": RecordReview, "review of medical records": RecordReview, "medical records reviewed": RecordReview,
	"medical records review": RecordReview, "files review": RecordReview, "file review": RecordReview,
	"prior records": RecordReview, "documents reviewed": RecordReview, "review of outside records": RecordReview,
	"physical exam": Findings, "physical examination": Findings, "exam": Findings,
	"examination": Findings, "objective": Findings, "findings": Findings, "o": Findings,
	"radiology findings": Findings, "objective findings": Findings, "musculoskeletal exam": Findings,
	"neurological exam": Findings, "results": Findings, "imaging": Findings,
	"impression": Impression, "clinical impression": Impression, "impressions": Impression,
	"assessment": Assessment, "a": Assessment, "diagnosis": Assessment, "diagnoses": Assessment,
	"final diagnosis": Assessment, "final diagnoses": Assessment, "discharge diagnosis": Assessment,
	"discharge diagnoses": Assessment, "admitting diagnosis": Assessment, "admission diagnosis": Assessment,
	"working diagnosis": Assessment, "diagnostic impression": Assessment, "primary diagnosis": Assessment,
	"secondary diagnosis": Assessment, "secondary diagnoses": Assessment, "dx": Assessment,
	"diagnosis codes": Assessment, "icd-10 codes": Assessment, "icd 10 codes": Assessment,
	"icd-10": Assessment, "postoperative diagnosis": Assessment,
	// an emergency T-sheet's diagnoses: "IMPRESSION / Dx:"
	"impression / dx": Impression, "impression/dx": Impression, "impression / diagnosis": Impression,
	"impression/diagnosis": Impression, "assessment / dx": Assessment, "assessment/dx": Assessment, "post-operative diagnosis": Assessment,
	"preoperative diagnosis": Assessment, "pre-operative diagnosis": Assessment,
	"assessment and plan": AssessPlan, "assessment/plan": AssessPlan, "assessment & plan": AssessPlan,
	"a/p": AssessPlan, "impression and plan": AssessPlan, "impression/plan": AssessPlan,
	"plan": Plan, "p": Plan, "treatment plan": Plan, "recommendations": Plan,
	"recommendation": Plan, "discharge instructions": Plan, "disposition": Plan,
	"plan of care": Plan, "follow-up": Plan, "follow up": Plan, "instructions": Plan,
	"medications": Meds, "medication": Meds, "current medications": Meds, "meds": Meds,
	"discharge medications": Meds, "prescriptions": Meds, "rx": Meds,
	"medications prescribed": Meds, "new medications": Meds, "prescribed medications": Meds,
	"medications on discharge": Meds,
	"procedure":                Procedure, "procedures": Procedure, "procedure performed": Procedure,
	"procedures performed": Procedure, "operation": Procedure, "operation performed": Procedure,
	"operations performed": Procedure, "principal procedures": Procedure, "treatment": Procedure,
	"treatment provided": Procedure, "treatment rendered": Procedure, "interventions": Procedure,
	"exam performed": Procedure, "study": Procedure, "technique": OtherHeading,
	"goals": Goals, "goal": Goals, "short term goals": Goals, "long term goals": Goals, "stg": Goals, "ltg": Goals,
	"short-term goals": Goals, "long-term goals": Goals, "functional goals": Goals, "treatment goals": Goals,
	"patient goals": Goals, "rehab goals": Goals, "therapy goals": Goals, "goals of treatment": Goals,
	"work status": Work, "work restrictions": Work, "restrictions": Work, "activity": Work,
	"allergies": OtherHeading, "review of systems": OtherHeading, "ros": OtherHeading, "vital signs": OtherHeading,
	"vitals": OtherHeading, "hospital course": OtherHeading, "labs": OtherHeading, "laboratory": OtherHeading,
	"comparison": OtherHeading, "signature": OtherHeading, "attestation": OtherHeading,
	"triage": OtherHeading, "triage vitals": OtherHeading, "triage note": OtherHeading,
	"triage / nursing assessment": OtherHeading, "triage/nursing assessment": OtherHeading,
	"nursing assessment": OtherHeading, "nursing note": OtherHeading, "nursing notes": OtherHeading,
	// A pain practice's note measures the pain and watches the risks of
	// its prescriptions under headings of their own.
	"pain assessment": OtherHeading, "risk assessment": OtherHeading, "risk monitoring": OtherHeading,
	"opioid risk assessment": OtherHeading, "opioid risk monitoring": OtherHeading, "urine drug screen": OtherHeading,
	"urine drug screening": OtherHeading,
}

var (
	// A heading: "CHIEF COMPLAINT:", "# Assessment and Plan", "PLAN" alone.
	reHeading = lazyre.New(`^\s*(?:#{0,3}|[‘’'"“”_.,~|*•-]{1,2})\s*([A-Za-z][A-Za-z0-9 /&,\-]{0,44}?)\s*(?::|\s*$|\s{3,})`)
)

// loneColon reports whether the colon that ends a heading's match at end
// stands alone between two wide gaps ("CORNERSTONE CHIROPRACTIC      :
// PROGRESS NOTE"): a speck a scan left between a letterhead and the title
// right of it, not a label's colon, which the label's value follows
// within a space or two, however far the colon is set from its label.
func loneColon(text string, end int) bool {
	if end == 0 || text[end-1] != ':' || end < 4 || strings.TrimLeft(text[end-4:end-1], " ") != "" {
		return false
	}
	rest := text[end:]
	return len(rest) >= 3 && strings.TrimLeft(rest[:3], " ") == "" && strings.TrimSpace(rest) != ""
}

// farColon reports whether the colon that ends withColon, the words of an
// unknown heading and what follows them up to the colon, stands three
// spaces or more right of the words with nothing after it on the line
// (rest): a speck a scan left at the end of a line (a table's wrapped
// cell, "CCC-SLP      :"), not the colon of a heading set right after
// its words.
func farColon(withColon, rest string) bool {
	t := strings.TrimRight(withColon, " \t")
	if !strings.HasSuffix(t, ":") || strings.TrimSpace(rest) != "" {
		return false
	}
	words := strings.TrimRight(strings.TrimSuffix(t, ":"), " \t")
	return len(t)-1-len(words) >= 3
}

// headingOf returns the section a line opens, and the offset in the line
// text where the section's own text begins (after the heading).
func headingOf(l *Line) (Heading, int) {
	// A heading has a colon, stands alone, or is followed by a wide gap.
	if !strings.Contains(l.Text, ":") && len(l.Trim) > 50 && !strings.Contains(l.Trim, "   ") {
		return NoHeading, 0
	}
	m := reHeading.FindStringSubmatchIndex(l.Text)
	if m == nil || loneColon(l.Text, m[1]) {
		return NoHeading, 0
	}
	key := strings.ToLower(textutil.FoldSpace(l.Text[m[2]:m[3]]))
	key = strings.TrimSuffix(strings.TrimSuffix(key, " of care"), ",")
	sec, ok := headings[key]
	if !ok && strings.ContainsAny(l.Text[:m[2]], "*•-") {
		// A list item's words after its bullet ("- Neck: tender"); a
		// known heading after a dash or a speck OCR read as one ("-
		// Exam:") is still the heading.
		return NoHeading, 0
	}
	if !ok && strings.TrimSpace(l.Text[m[1]:]) == "" && reOtherHeading.MatchString(key) && !namesFacility(key) && strings.Count(key, " ") <= 3 && titleCased(l.Text[m[2]:m[3]]) {
		// A short title-case heading of another kind ("Functional Status").
		sec, ok = OtherHeading, true
	}
	if !ok {
		withColon := l.Text[m[2]:m[1]]
		if farColon(withColon, l.Text[m[1]:]) {
			withColon = strings.TrimRight(withColon, " \t:")
		}
		sec = guessHeading(key, l.Text[m[2]:m[3]], withColon)
		if sec == NoHeading {
			return NoHeading, 0
		}
	}
	rest := l.Text[m[1]:]
	if key == "cc" && carbonCopy(l.Text[m[2]:m[3]], rest) {
		return NoHeading, 0
	}
	colon := strings.HasSuffix(strings.TrimSpace(l.Text[m[2]:m[1]]), ":")
	hashed := strings.HasPrefix(l.Trim, "#")
	// Without a colon or '#', accept only a heading standing alone, in
	// capitals or short title case ("Assessment", "PLAN").
	if !colon && !hashed {
		gap := strings.Contains(l.Text[m[3]:m[1]], "   ")
		if strings.TrimSpace(rest) != "" && !gap || len(key) <= 2 {
			return NoHeading, 0
		}
		// A word of a table's header row followed by the next column's
		// caption ("Diagnosis      Age At Onset") opens no section.
		if gap && columnCaptions(rest) {
			return NoHeading, 0
		}
	}
	// Skip a comma the scrape left after the colon ("HISTORY:, text").
	off := m[1]
	for off < len(l.Text) && (l.Text[off] == ' ' || l.Text[off] == ',') {
		off++
	}
	return sec, off
}

// guessHeading classifies an unknown heading printed in capitals with a
// colon ("CHART REVIEW:", "DIAGNOSTIC STUDIES:") by its words.
func guessHeading(key, raw, withColon string) Heading {
	colon := strings.HasSuffix(strings.TrimSpace(withColon), ":")
	if strings.ToUpper(raw) != raw || strings.Count(key, " ") > 5 || len(key) < 4 {
		return NoHeading
	}
	// A fax banner's or cover sheet's routing field ("FROM:", "ATTN:",
	// "PAGES:") names who sent the pages, not a part of the record: a
	// banner printed over another breaks into such fragments
	// ("FROM:BONE").
	if routingFields[key] {
		return NoHeading
	}
	// Without a colon, a name in capitals that ends as an organisation's
	// name does is a letterhead ("INDEPENDENT REVIEW PHYSICIANS GROUP LLC"),
	// also with a speck OCR read as a dash or a comma after it.
	if !colon && reOrgEnd.MatchString(strings.TrimRight(raw, " -,")) {
		return NoHeading
	}
	switch {
	case reAccountHistory.MatchString(key):
		// "PERSONAL INJURY PROTECTION PAYMENT HISTORY", "CLAIM HISTORY":
		// an insurer's or a billing office's title, no history of the
		// patient.
		return NoHeading
	case strings.Contains(key, "vital"):
		return OtherHeading
	case strings.Contains(key, "goal"):
		return Goals
	case reReviewer.MatchString(key):
		// A review by whom: the clinician's review of what the visit
		// recorded (a screening's scores), the visit's own assessment.
		return OtherHeading
	case reDiagnosesFirst.MatchString(key):
		// "DIAGNOSES SUPPORTED BY THE RECORDS": the diagnoses, whatever
		// records the heading names after them.
		return Assessment
	case strings.Contains(key, "review") || strings.Contains(key, "records"):
		return RecordReview
	case strings.Contains(key, "history") || strings.HasPrefix(key, "hpi") || strings.Contains(key, "present illness"):
		return History
	case strings.Contains(key, "diagnos"):
		return Assessment
	case strings.Contains(key, "impression"):
		return Impression
	case strings.Contains(key, "plan") || strings.Contains(key, "recommend"):
		return Plan
	case strings.Contains(key, "medication"):
		return Meds
	case strings.Contains(key, "complaint") || strings.Contains(key, "symptom"):
		return Complaints
	case strings.Contains(key, "exam") || strings.Contains(key, "findings") || strings.Contains(key, "studies"):
		return Findings
	case strings.Contains(key, "procedure"):
		return Procedure
	case colon:
		return OtherHeading
	case reOtherHeading.MatchString(key) && !namesFacility(key):
		// Without a colon, a name in capitals that names a facility is a
		// letterhead ("FAMILY HEALTH CENTER"), not a heading.
		return OtherHeading
	}
	return NoHeading
}

// namesFacility reports whether a heading's key names a facility or a
// practice ("family practice"), also with a hyphen OCR read for the space
// between two of its words ("Cedar Row Family-Practice").
func namesFacility(key string) bool {
	return reFacility.MatchString(strings.ReplaceAll(key, "-", " "))
}

// reDiagnosesFirst is a heading that opens with the diagnoses.
var reDiagnosesFirst = lazyre.New(`^diagnos[ie]s\b`)

// reAccountHistory is the title of a record of payments, claims or an
// account's transactions.
var reAccountHistory = lazyre.New(`\b(?:payments?|claims?|account|billing|transactions?|refills?)\s+history\b`)

// reReviewer is a heading that names who reviews, not what records:
// "CLINICIAN REVIEW", "PROVIDER'S REVIEW", "NURSE REVIEW".
var reReviewer = lazyre.New(`^(?:clinician|provider|physician|practitioner|doctor|nurse|rn|md|np|pa|attending|staff)(?:'?s)?\s+review$`)

var reOtherHeading = rxfilter.MustCompile(`allerg|social|family|vital|functional|immuniz|result|problem|encounter|instruction|education|goals|status|signature|addend`)

// IsHistory reports whether dates in this section tell history rather than
// the visit itself.
func (s Heading) IsHistory() bool { return s == History || s == RecordReview }

// columnCaptions reports whether s holds only short captions in title case
// or capitals, one or more columns of a table's header row.
func columnCaptions(s string) bool {
	cs := Cells(s)
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		t := s[c.Start:c.End]
		if strings.Count(t, " ") > 3 || strings.ContainsAny(t, "0123456789:.,;") || !titleCased(t) || !HasLetters(t) {
			return false
		}
	}
	return true
}

// carbonCopy reports whether a "cc:" line lists a letter's copy
// recipients, not a note's chief complaint: written "cc" in lower case, as
// letters print it, or naming a practice (its name in title case, no word
// of a complaint) or a clinician ("cc: Align Physical Therapy", "CC: Dr.
// Lee", "CC: Ann Lee, MD"), or an e-mail's copy recipients, whose
// addresses it prints ("Cc: Lee Park <lpark@harborlaw.com>"): no complaint
// is written as an address.
func carbonCopy(label, rest string) bool {
	v := strings.TrimSpace(strings.TrimLeft(rest, ": "))
	practice := titleCased(v) && NamesFacility(v) && !reComplaintWords.MatchString(v) && !reDocWords.MatchString(v)
	return label == "cc" || practice || NamesDoctor(v) || HasCredential(v) && len(strings.Fields(v)) <= 5 || reMailAddress.MatchString(v)
}

// reMailAddress is an e-mail address: "lpark@harborlaw.com", or as a
// fax's OCR parts it at its "@" ("lpark @ harborlaw.com").
var reMailAddress = lazyre.New(mailAddress)

// mailAddress is reMailAddress's expression.
const mailAddress = `[\w.+-]+ ?@ ?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b`

// routingFields are the fields a fax banner or cover sheet routes its
// pages by, in lower case.
var routingFields = map[string]bool{"from": true, "attn": true, "sender": true,
	"pages": true, "sent by": true, "fax from": true, "fax to": true}
