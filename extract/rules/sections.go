package rules

import (
	"regexp"
	"strings"
)

// section is the kind of a note section, from its heading.
type section int

const (
	secNone section = iota
	secComplaints
	secHistory // HPI, past history, records reviewed: dates here are history
	secReview  // prior-records review lists
	secFindings
	secImpression // radiology impression, or clinical impression
	secAssessment
	secAssessPlan
	secPlan
	secMeds
	secProcedure
	secWork
	secOther
)

// headings maps a normalised heading to its section kind.
var headings = map[string]section{
	"chief complaint": secComplaints, "chief complaints": secComplaints, "cc": secComplaints,
	"complaint": secComplaints, "complaints": secComplaints, "subjective": secComplaints,
	"subjective complaints": secComplaints, "presenting complaint": secComplaints,
	"reason for visit": secComplaints, "reason for exam": secComplaints, "reason for referral": secComplaints,
	"reason for consultation": secComplaints, "indication": secComplaints, "indications": secComplaints,
	"clinical history": secComplaints, "clinical information": secComplaints, "current symptoms": secComplaints,
	"s":   secComplaints,
	"hpi": secHistory, "history of present illness": secHistory, "history of present injury": secHistory,
	"history": secHistory, "history of industrial injury": secHistory, "interval history": secHistory,
	"past medical history": secHistory, "pmh": secHistory, "past surgical history": secHistory,
	"psh": secHistory, "family history": secOther, "social history": secOther, "prior history": secHistory,
	"history of injury": secHistory, "mechanism of injury": secHistory, "past history": secHistory,
	"records reviewed": secReview, "record review": secReview, "records review": secReview,
	"review of records": secReview, "review of medical records": secReview, "medical records reviewed": secReview,
	"medical records review": secReview, "files review": secReview, "file review": secReview,
	"prior records": secReview, "documents reviewed": secReview, "review of outside records": secReview,
	"physical exam": secFindings, "physical examination": secFindings, "exam": secFindings,
	"examination": secFindings, "objective": secFindings, "findings": secFindings, "o": secFindings,
	"radiology findings": secFindings, "objective findings": secFindings, "musculoskeletal exam": secFindings,
	"neurological exam": secFindings, "results": secFindings, "imaging": secFindings,
	"impression": secImpression, "clinical impression": secImpression, "impressions": secImpression,
	"assessment": secAssessment, "a": secAssessment, "diagnosis": secAssessment, "diagnoses": secAssessment,
	"final diagnosis": secAssessment, "final diagnoses": secAssessment, "discharge diagnosis": secAssessment,
	"discharge diagnoses": secAssessment, "admitting diagnosis": secAssessment, "admission diagnosis": secAssessment,
	"working diagnosis": secAssessment, "diagnostic impression": secAssessment, "primary diagnosis": secAssessment,
	"secondary diagnosis": secAssessment, "secondary diagnoses": secAssessment, "dx": secAssessment,
	"diagnosis codes": secAssessment, "icd-10 codes": secAssessment, "icd 10 codes": secAssessment,
	"icd-10": secAssessment, "postoperative diagnosis": secAssessment, "post-operative diagnosis": secAssessment,
	"preoperative diagnosis": secAssessment, "pre-operative diagnosis": secAssessment,
	"assessment and plan": secAssessPlan, "assessment/plan": secAssessPlan, "assessment & plan": secAssessPlan,
	"a/p": secAssessPlan, "impression and plan": secAssessPlan, "impression/plan": secAssessPlan,
	"plan": secPlan, "p": secPlan, "treatment plan": secPlan, "recommendations": secPlan,
	"recommendation": secPlan, "discharge instructions": secPlan, "disposition": secPlan,
	"plan of care": secPlan, "follow-up": secPlan, "follow up": secPlan, "instructions": secPlan,
	"medications": secMeds, "medication": secMeds, "current medications": secMeds, "meds": secMeds,
	"discharge medications": secMeds, "prescriptions": secMeds, "rx": secMeds,
	"medications prescribed": secMeds, "new medications": secMeds, "prescribed medications": secMeds,
	"medications on discharge": secMeds,
	"procedure":                secProcedure, "procedures": secProcedure, "procedure performed": secProcedure,
	"procedures performed": secProcedure, "operation": secProcedure, "operation performed": secProcedure,
	"operations performed": secProcedure, "principal procedures": secProcedure, "treatment": secProcedure,
	"treatment provided": secProcedure, "treatment rendered": secProcedure, "interventions": secProcedure,
	"exam performed": secProcedure, "study": secProcedure, "technique": secOther,
	"work status": secWork, "work restrictions": secWork, "restrictions": secWork, "activity": secWork,
	"allergies": secOther, "review of systems": secOther, "ros": secOther, "vital signs": secOther,
	"vitals": secOther, "hospital course": secOther, "labs": secOther, "laboratory": secOther,
	"comparison": secOther, "signature": secOther, "attestation": secOther,
}

var (
	// A heading: "CHIEF COMPLAINT:", "# Assessment and Plan", "PLAN" alone.
	reHeading = regexp.MustCompile(`^\s*#{0,3}\s*([A-Za-z][A-Za-z0-9 /&,\-]{0,44}?)\s*(?::|\s*$|\s{3,})`)
)

// headingOf returns the section a line opens, and the offset in the line
// text where the section's own text begins (after the heading).
func headingOf(l line) (section, int) {
	if l.c != nil {
		return l.c.sec, l.c.secOff
	}
	// A heading has a colon, stands alone, or is followed by a wide gap.
	if !strings.Contains(l.text, ":") && len(l.trim) > 50 && !strings.Contains(l.trim, "   ") {
		return secNone, 0
	}
	m := reHeading.FindStringSubmatchIndex(l.text)
	if m == nil {
		return secNone, 0
	}
	key := strings.ToLower(fold(l.text[m[2]:m[3]]))
	key = strings.TrimSuffix(strings.TrimSuffix(key, " of care"), ",")
	sec, ok := headings[key]
	if !ok {
		sec = guessHeading(key, l.text[m[2]:m[3]], l.text[m[2]:m[1]])
		if sec == secNone {
			return secNone, 0
		}
	}
	rest := l.text[m[1]:]
	colon := strings.HasSuffix(strings.TrimSpace(l.text[m[2]:m[1]]), ":")
	hashed := strings.HasPrefix(l.trim, "#")
	// Without a colon or '#', accept only a heading standing alone, in
	// capitals or short title case ("Assessment", "PLAN").
	if !colon && !hashed {
		gap := strings.Contains(l.text[m[3]:m[1]], "   ")
		if strings.TrimSpace(rest) != "" && !gap || len(key) <= 2 {
			return secNone, 0
		}
	}
	// Skip a comma the scrape left after the colon ("HISTORY:, text").
	off := m[1]
	for off < len(l.text) && (l.text[off] == ' ' || l.text[off] == ',') {
		off++
	}
	return sec, off
}

// guessHeading classifies an unknown heading printed in capitals with a
// colon ("CHART REVIEW:", "DIAGNOSTIC STUDIES:") by its words.
func guessHeading(key, raw, withColon string) section {
	colon := strings.HasSuffix(strings.TrimSpace(withColon), ":")
	if strings.ToUpper(raw) != raw || strings.Count(key, " ") > 5 || len(key) < 4 {
		return secNone
	}
	switch {
	case strings.Contains(key, "vital"):
		return secOther
	case strings.Contains(key, "review") || strings.Contains(key, "records"):
		return secReview
	case strings.Contains(key, "history"):
		return secHistory
	case strings.Contains(key, "diagnos"):
		return secAssessment
	case strings.Contains(key, "impression"):
		return secImpression
	case strings.Contains(key, "plan") || strings.Contains(key, "recommend"):
		return secPlan
	case strings.Contains(key, "medication"):
		return secMeds
	case strings.Contains(key, "complaint") || strings.Contains(key, "symptom"):
		return secComplaints
	case strings.Contains(key, "exam") || strings.Contains(key, "findings") || strings.Contains(key, "studies"):
		return secFindings
	case strings.Contains(key, "procedure"):
		return secProcedure
	case colon:
		return secOther
	case reOtherHeading.MatchString(key) && !reFacility.MatchString(key):
		// Without a colon, a name in capitals that names a facility is a
		// letterhead ("FAMILY HEALTH CENTER"), not a heading.
		return secOther
	}
	return secNone
}

var reOtherHeading = regexp.MustCompile(`allerg|social|family|vital|functional|immuniz|result|problem|encounter|instruction|education|goals|status|signature|addend`)

// isHistory reports whether dates in this section tell history rather than
// the visit itself.
func (s section) isHistory() bool { return s == secHistory || s == secReview }
