package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// sectionTexts returns the complaints, findings, assessment and plan of
// the note, each folded and cut to about 300 bytes.
func (n *note) sectionTexts() (complaints, findings, assessment, plan string) {
	var buf [secOther + 1]strings.Builder
	sec := secNone
	for i, l := range n.lines {
		if h, _ := headingOf(l); h != secNone {
			sec = n.secs[i]
		}
		// A title (the next record's, the next page's heading) or a
		// signature block ends the section; boilerplate, header lines
		// and table rows never enter it.
		if titleOf(l) != "" || reSignature.MatchString(l.trim) {
			sec = secNone
		}
		if reGoalLead.MatchString(l.trim) {
			sec = secGoals
		}
		if sec == secNone || sec == secGoals || l.noise || headerish(l) && n.secs[i] == secNone || isTableRow(l) {
			continue
		}
		text := l.text
		if h, _ := headingOf(l); h != secNone {
			text = l.text[n.rest[i]:]
		}
		// A signature printed after the text on the same line ends it.
		if m := reInlineSignature.FindStringIndex(text); m != nil {
			text = text[:m[0]]
			buf[sec].WriteString(text)
			buf[sec].WriteByte(' ')
			sec = secNone
			continue
		}
		b := &buf[sec]
		if b.Len() < 400 {
			b.WriteString(text)
			b.WriteByte(' ')
		}
	}
	get := func(ss ...section) string {
		for _, s := range ss {
			if t := strings.TrimSpace(buf[s].String()); t != "" {
				return clip(t, 300)
			}
		}
		return ""
	}
	complaints = get(secComplaints, secHistory)
	if n.isImaging() {
		findings = get(secImpression, secFindings)
		assessment = get(secImpression, secAssessment)
	} else {
		findings = get(secFindings)
		assessment = get(secAssessment, secImpression, secAssessPlan)
	}
	plan = get(secPlan, secAssessPlan)
	return complaints, findings, assessment, plan
}

// reSignature opens a signature block: what follows is no section text.
// A signature rule ("_____ Jane Roe, MD") and a letter's closing ("Thank
// you for allowing me to participate…", "Sincerely,") open one too.
var reSignature = rxfilter.MustCompile(`(?i)^(?:electronically signed|e-signed|signed by|signed\s*:|dictated by|dictated:|transcribed|d:\s|t:\s|reviewed and signed|attestation|this (?:note|report) was (?:dictated|signed)|signature\s*:|_{5,}|sincerely\b|respectfully\b|regards\b|thank you for (?:allowing|the (?:opportunity|referral|kind referral)|this referral|referring|your referral|letting)|cc\s*:)`)

// reInlineSignature is a signature block that begins inside a line
// ("Continue PT. Dictated by Jane Roe, PT", "Progress resistance next
// visit. Signed: Helen Osei, DC").
var reInlineSignature = rxfilter.MustCompile(`(?i)\b(?:electronically signed(?: by)?|e-signed by|dictated by|signed by|reviewed and signed by)\b|\bsigned\s*:`)

// isTableRow reports whether a line is a row of a table, as flowsheets
// print them: four columns or more, with numbers or of a word or two each
// (the header row). It is never section text.
func isTableRow(l line) bool {
	if strings.Count(l.text, "   ") < 3 {
		return false
	}
	cs := layout.Cells(l.text)
	if len(cs) < 4 {
		return false
	}
	if strings.ContainsAny(l.text, "0123456789") {
		return true
	}
	for _, c := range cs {
		if strings.Count(l.text[c.Start:c.End], " ") > 1 {
			return false
		}
	}
	return true
}

var reImagingNote = lazyre.New(`(?i)radiology|imaging|\b(mri|ct|x-?ray|radiograph|ultrasound)\b.*\b(report|study|exam)\b|^(mri|ct|x-?ray)\b`)

// isImaging reports whether the note is an imaging report.
func (n *note) isImaging() bool {
	if reImagingNote.MatchString(n.title) {
		return true
	}
	for i, l := range n.lines[:min(len(n.lines), 12)] {
		if (n.secs[i] == secNone || n.secs[i] == secProcedure) && (strings.HasPrefix(strings.ToLower(l.trim), "exam:") || strings.HasPrefix(strings.ToLower(l.trim), "study:")) {
			return true
		}
	}
	return false
}

var (
	reNamedProc = lazyre.New(`(?i)\b((?:MRI|MRA|CT|CAT scan|x-?rays?|radiographs?|ultrasound|EMG|NCS|nerve conduction studies?|bone scan)\s+(?:of\s+(?:the\s+)?)?(?:left |right |bilateral )?(?:cervical|thoracic|lumbar|lumbosacral|brain|head|chest|abdomen|pelvis|shoulder|knee|hip|wrist|hand|ankle|foot|elbow|spine|neck|[a-z]+ spine)[^.;,\n]{0,40}|(?:cervical|thoracic|lumbar|caudal|transforaminal|interlaminar)?\s*(?:epidural steroid injection|facet (?:joint )?injection|medial branch block|radiofrequency ablation|trigger point injections?|nerve block)[^.;,\n]{0,30}|(?:arthroscop\w+|discectomy|laminectomy|fusion|ORIF|open reduction internal fixation|microdiscectomy|rotator cuff repair|meniscectomy)[^.;,\n]{0,40})`)
	reProcLabel = lazyre.New(`(?i)^\s*(?:exam|study|procedure|procedures?(?: performed)?|operation(?:s)?(?: performed)?|examination)\s*:\s*(.+)`)
)

// reStudy recognises a value naming a study or procedure.
var reStudy = lazyre.New(`(?i)\b(mri|mra|ct|cat|x-?rays?|radiographs?|ultrasound|emg|ncs|scan|views?|injection|block|ablation|arthroscop\w*|repair|fusion|ectomy|otomy|plasty)\b`)

// procLabelValue reports whether a labelled value names a procedure: an
// "Exam:" label in an office note is the physical examination, not a study.
func procLabelValue(label, value string, n *note) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	if strings.HasPrefix(l, "exam") && !n.isImaging() {
		return reStudy.MatchString(value)
	}
	return true
}

// procedures returns coded procedures and named studies or procedures
// performed (from labels, titles and procedure sections; never history or
// plans).
func (n *note) procedures() []extract.Coded {
	var out []extract.Coded
	seen := map[string]bool{}
	add := func(c extract.Coded) {
		k := c.Code + "|" + strings.ToLower(c.Description)
		if seen[k] || len(out) >= 20 {
			return
		}
		seen[k] = true
		out = append(out, c)
	}
	for i, l := range n.lines {
		sec := n.secs[i]
		if sec.IsHistory() || sec == secPlan || sec == secAssessPlan || l.noise {
			continue
		}
		for _, h := range procCodesIn(l, sec == secProcedure) {
			add(extract.Coded{Code: h.code, Description: describe(l, h)})
		}
		if m := reProcLabel.FindStringSubmatch(firstCellOrLine(l)); m != nil && procLabelValue(m[0], m[1], n) {
			if v := clip(cutCells(m[1]), 100); v != "" && !strings.EqualFold(v, "none") {
				add(extract.Coded{Description: strings.TrimRight(v, ". ")})
				continue
			}
		}
		if sec == secProcedure || titleOf(l) != "" && n.isImaging() {
			for _, m := range reNamedProc.FindAllString(l.text, 3) {
				add(extract.Coded{Description: clip(strings.TrimSpace(m), 100)})
			}
		}
	}
	return out
}

var (
	// reUrgentCare names an urgent care or walk-in clinic.
	reUrgentCare = rxfilter.MustCompile(`(?i)\burgent care\b|\bwalk-in\b|\bimmediate care\b|\bUC\b`)
	// reProcReport is a procedure report's heading alone on its line,
	// under a pre-procedure update on the same page: "OPERATIVE /
	// PROCEDURE REPORT".
	reProcReport = rxfilter.MustCompile(`(?im)^(?:operative\s*/\s*)?procedure (?:report|note)$`)
	// reLabReport titles a laboratory's report or heads its results table.
	reLabReport = rxfilter.MustCompile(`(?i)\blaborator(?:y|ies)\s+(?:report|results?)\b|\blab\s+(?:report|results?)\b|\bpathology report\b|\breference (?:range|interval)s?\b`)
	// reLabHead is reLabReport in a note's first lines: the laboratory's
	// results opening a line or a column of it, not a physician's box of
	// the results reviewed ("B. X-ray and laboratory results").
	reLabHead = rxfilter.MustCompile(`(?im)(?:^|\s{3})(?:laborator(?:y|ies)|lab)\s+(?:report|results?)\b|\bpathology report\b|\breference (?:range|interval)s?\b`)
	// reElectrodiagnostic heads the report of a nerve conduction study or
	// needle EMG.
	reElectrodiagnostic = rxfilter.MustCompile(`(?i)\bnerve conduction\b|\belectromyograph|\belectrodiagnostic\b|\bEMG\b|\bNCS\b|\bEEG\b|\belectroencephalogra`)
	// reEyeExam titles an examination of the eyes by an optometrist or
	// ophthalmologist: "Eye exam", "Neuro-optometric evaluation",
	// "Binocular vision exam", "Neuro-ophthalmology consultation".
	reEyeExam = lazyre.New(`(?i)\beye\s+exam|\b(?:neuro-?\s?)?optometr|\b(?:neuro-?\s?)?ophthalmolog|\bbinocular\s+vision\b|\bvision\s+(?:exam|evaluation|assessment)`)
	// reWorkCapacity heads the report of a functional capacity evaluation:
	// a day or two of testing what the patient can lift, carry and
	// tolerate at work.
	reWorkCapacity = rxfilter.MustCompile(`(?i)\bfunctional (?:capacity|abilities) (?:evaluation|examination|assessment)\b|\bwork capacity (?:evaluation|testing|assessment)\b|\bphysical work performance evaluation\b`)
)

// workCapacity reports whether the note's header block heads a functional
// capacity evaluation. It tests the patient for work and treats nothing:
// no therapy visit, whoever gives it (a rehabilitation centre, a
// therapist).
func (n *note) workCapacity() bool {
	return reWorkCapacity.MatchString(n.headText(min(n.body+4, 12)))
}

// rePreoperative opens the title of an evaluation before an operation:
// "Pre-operative history and physical", "Preop clearance", "Surgical
// clearance evaluation".
var rePreoperative = lazyre.New(`^(?:pre-?operative|pre-?op|pre-?surgical)\b|^(?:medical|surgical|cardiac) clearance\b`)

// titledAs reports whether the note's title, or a line of its head
// printed as one (a first cell of a few words and no label, such as
// "24-HOUR AMBULATORY EEG REPORT" beside its page number), matches re.
func (n *note) titledAs(re interface{ MatchString(string) bool }) bool {
	if re.MatchString(n.title) {
		return true
	}
	for _, l := range n.lines[:min(len(n.lines), n.body+2, 10)] {
		if l.noise || letterhead(l) != "" {
			continue
		}
		// (A practice named for its tests, "Riverbend EEG & Sleep
		// Center", titles none of its visits.)
		c := strings.TrimSpace(layout.FirstCell(l.text))
		if c != "" && !strings.Contains(c, ":") && len(strings.Fields(c)) <= 8 && !layout.NamesFacility(c) && re.MatchString(c) {
			return true
		}
	}
	return false
}

// visitType names the kind of visit from the title, the provider kind and
// the content.
func (n *note) visitType(kind, prov string) string {
	t := strings.ToLower(n.title)
	head := strings.ToLower(n.headText(25))
	switch {
	case reUrgentCare.MatchString(prov) || strings.Contains(t, "urgent care"):
		// A walk-in clinic's visit is no emergency department's, however
		// its summary prints triage.
		return "urgent care visit"
	case n.class == extract.PageReport && reElectrodiagnostic.MatchString(n.headText(min(n.body+4, 12))) ||
		n.titledAs(reElectrodiagnostic):
		// Nerve conduction and needle EMG are tests of nerves and
		// muscles, an EEG of the brain's electrical activity: not
		// imaging, and no office visit where the report titles itself so.
		return "electrodiagnostic study"
	case n.titledAs(reEyeExam):
		// An examination of the eyes, whatever therapy the practice
		// also gives (vision therapy is no physical therapy).
		return "eye examination"
	case n.workCapacity():
		return "functional capacity evaluation"
	case rePreoperative.MatchString(t):
		// A pre-operative evaluation or clearance examines the patient
		// before an operation to come: an office visit, no surgery.
		return "office visit"
	case strings.Contains(t, "operative") || strings.Contains(t, "op note"):
		return "surgery"
	case strings.Contains(t, "procedure") || reProcReport.MatchString(head):
		return "procedure"
	case strings.Contains(t, "emergency") || strings.HasPrefix(t, "ed ") || strings.HasPrefix(t, "er "):
		return "emergency visit"
	case n.registersAdmission():
		// A face sheet's boxes register the stay, whatever department
		// the hospital's name says admitted it.
		return "hospital admission"
	case strings.Contains(t, "discharge summary") && !n.courseDischarge() || strings.Contains(t, "history and physical") || strings.Contains(t, "history & physical") || t == "h&p":
		return "hospital admission"
	case reLabReport.MatchString(t) || reLabHead.MatchString(head) && !n.isImaging():
		// Blood work and its results: no imaging, whatever the page's class.
		return "laboratory"
	case strings.Contains(t, "consult") && !n.isImaging():
		// A consultant reviews the imaging, under a heading of its own,
		// and may order more: the visit is the consultation.
		return "consultation"
	case n.isImaging() || n.class == extract.PageReport:
		return "imaging"
	case strings.Contains(t, "independent medical"):
		return "independent medical examination"
	case strings.Contains(t, "neuropsycholog") || kind == "neuropsychology":
		return "neuropsychological evaluation"
	case kind == "speech_therapy":
		return "speech therapy"
	case strings.Contains(t, "physical therapy") || strings.HasPrefix(t, "pt ") || kind == "physical_therapy":
		return "physical therapy"
	case strings.Contains(t, "chiropractic") || kind == "chiropractic":
		return "chiropractic"
	case kind == "emergency":
		return "emergency visit"
	case kind == "radiology":
		return "imaging"
	case kind == "pharmacy" || strings.Contains(t, "pharmacy") || strings.Contains(t, "prescription"):
		return "prescription"
	case kind == "ambulance" || strings.Contains(t, "ambulance") || strings.Contains(t, "patient care report"):
		return "ambulance transport"
	case strings.Contains(t, "consult") || strings.Contains(t, "initial") || strings.Contains(t, "new patient"):
		return "consultation"
	case strings.Contains(t, "follow") || strings.Contains(t, "progress") || strings.Contains(head, "follow-up") || strings.Contains(head, "follow up visit"):
		return "follow-up"
	case strings.Contains(head, "epidural") || strings.Contains(head, "injection performed"):
		return "procedure"
	}
	return "office visit"
}
