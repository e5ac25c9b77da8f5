package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Evidence that a record should exist elsewhere. A note proves a missing
// record only by what it says was done or asked for: an arrival by
// ambulance, an ordered study, a referral out, a follow-up it schedules, a
// report it says it has not received. What it only mentions is no proof:
// a study reviewed or done before, a referral into this office ("referred
// by"), an order it merely considers ("consider repeat injection if ..."),
// anything it denies or the patient declined. History sections count for
// an ambulance arrival (an ED's HPI tells it) and for nothing else. The
// chronology decides whether a later record fulfils the evidence.

var (
	reEMSArrival = lazyre.New(`(?i)\b(?:arriv\w*|brought(?:\s+in)?|transport\w*|came|presented)\b[^.;]{0,30}?\b(?:by|via|per)\s+(?:ground\s+|als\s+|bls\s+|county\s+)?(?:ambulance|ems\b|paramedics?|medics?\b|fire rescue|air ambulance|helicopter)|\bmode of arrival\s*:?\s*(?:als\s+|bls\s+|ground\s+)?(?:ambulance|ems\b)|\b(?:ems|ambulance)\s+run\s+(?:report|sheet)\b`)
	reEMSAgency  = lazyre.New(`(?i)(?:ambulance|ems)\s*\(([^)/;,]{4,60})`)
	reNegated    = lazyre.New(`(?i)\b(?:no|not|never|den(?:y|ies|ied)|refus\w*|declin\w*|without|private vehicle|walk-?in)\b`)

	reOrderVerb = lazyre.New(`(?i)\b(?:ordered|ordering|order|obtain|will obtain|will order|will get|get|schedule[d]?|scheduling|requested|request|send (?:him|her|the patient|patient) for|recommend(?:ed)?)\s+(?:a\s+|an\s+|the\s+|a repeat\s+|repeat\s+|stat\s+|new\s+)?` + reStudies)
	// reOrderedLabel is "Ordered:" opening a line before the study, as a
	// plan lists its orders, or "Ordered." where OCR read a speck after
	// the word ("Ordered. MRI of the cervical spine"); lower in a
	// sentence, "labs ordered. MRI showed ..." ends one.
	reOrderedLabel = lazyre.New(`^\W{0,3}(?:Ordered|ORDERED)\s*[.:]\s+(?i:a\s+|an\s+|the\s+)?(?i:` + reStudies + `)`)
	reStudyFirst   = lazyre.New(`(?i)` + reStudies + `[^.;]{0,60}?\s+(?:was|were|is|are|has been|have been|to be|will be)\s+(?:ordered|requested|scheduled)`)
	reReferOut     = lazyre.New(`(?i)\b(?:refer(?:red|ring|ral(?:\s+(?:placed|made|sent|given))?)?|sent)\s+(?:him\s+|her\s+|them\s+|the patient\s+|patient\s+)?(?:back\s+)?(?:to|for)\s+(?:an?\s+|the\s+)?([A-Za-z][A-Za-z /&-]{2,60})`)
	reFollowUp     = lazyre.New(`(?i)\b(?:return(?:s)?\s+(?:to\s+(?:clinic|the clinic|office|the office|see me|see us)\s+)?(?:in|on|for)\b|return\s+(?:office\s+)?(?:visit|appointment|appt)\s+(?:in|on)\b|rtc\b|follow(?:[- ]|[.,] ?)?up\s+(?:visit\s+|appointment\s+)?(?:in|on|with)\b|f/u\s+(?:in|on)\b|next (?:appointment|visit)\s*(?:in|on|:)|follow(?:[- ])?up\s*:\s*(?:\S+\s+up\s+)?(?:in|on)\b)`)
	reNotReceived  = lazyre.New(`(?i)([A-Za-z/ \-]{2,40}?(?:report|results?|records?|films?|images?|notes?))\b[^.;]{0,60}?\b(?:has|have|had)?\s*(?:not\s+(?:yet\s+)?(?:been\s+)?(?:received|available|included|provided|sent)|never\s+(?:been\s+)?(?:received|sent)|(?:is|are)\s+(?:still\s+)?pending|outstanding)`)
	reConditional  = lazyre.New(`(?i)\b(?:consider\w*|if\b|may\s+(?:need|benefit|require)|possible|possibly|would\s+(?:benefit|consider)|unless|should\s+(?:symptoms|pain))`)
	reDoneBefore   = lazyre.New(`(?i)\b(?:reviewed|review of|results?|showed|shows|demonstrat\w*|revealed|prior|previous|outside|dated|was\s+(?:done|performed|obtained)|were\s+(?:done|performed|obtained))\b`)
	reReferLabel   = lazyre.New(`(?i)^\W{0,3}referrals?(?:\s+(?:to|placed|made|sent|ordered))?\s*:\s*([A-Za-z][A-Za-z /&-]{2,60})`)
	reReferredIn   = lazyre.New(`(?i)\b(?:referred\s+(?:by|from|after|here)|thank you for (?:the\s+)?referr\w*|referring (?:physician|provider|doctor)|self[- ]referred)`)
)

// reStudies names ordered studies and tests.
const reStudies = `((?:MRI|MRA|CT|CAT scan|x-?rays?|radiographs?|ultrasound|bone scan|myelogram|discogram|DEXA|EMG(?:\s*/\s*NCS)?|NCS|NCV|nerve conduction (?:studies|study|testing)|electrodiagnostic (?:studies|study|testing)|labs?|blood work|urine drug screen)\b[^.;,]{0,60})`

// expectedIn reads the evidence a note gives of records that should exist
// elsewhere. date is the note's date of service (zero when undated),
// source its provider.
func (n *note) expectedIn(doc string, date dates.Date, source string) []extract.ExpectedRecord {
	var out []extract.ExpectedRecord
	seen := map[string]bool{}
	add := func(kind, what, prov string, l line) {
		what = strings.TrimSpace(strings.TrimRight(what, " .,;:-"))
		k := kind + "|" + strings.ToLower(what)
		if what == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, extract.ExpectedRecord{Kind: kind, What: what, Provider: prov, Date: date, Source: source,
			Citations: []extract.Citation{l.cite(doc, l.quoteAll())}})
	}
	ems := -1 // the ambulance record, once proven
	for i, l := range n.lines {
		if l.noise {
			continue
		}
		text := l.text
		sec := n.secs[i]
		tags := expectHints.Tags(text)
		if tags == 0 {
			continue
		}
		hEMS, hGot, hOrder, hRefer, hFollow := tags&hintEMS != 0, tags&hintGot != 0, tags&hintOrder != 0, tags&hintRefer != 0, tags&hintFollow != 0
		if hEMS && ems < 0 && reEMSArrival.MatchString(text) && !negatedBefore(text, reEMSArrival) {
			add(extract.ExpectEMS, "ambulance transport", "", l)
			ems = len(out) - 1
		}
		if hEMS && ems >= 0 && out[ems].Provider == "" {
			// The agency, where the note names it: "ambulance (Metro EMS, Medic 14)".
			if m := reEMSAgency.FindStringSubmatch(text); m != nil {
				out[ems].Provider = strings.TrimSpace(m[1])
			}
		}
		if sec.IsHistory() || titleOf(l) != "" {
			continue
		}
		if hGot {
			if m := reNotReceived.FindStringSubmatch(text); m != nil && !strings.Contains(strings.ToLower(text), "received today") {
				if what, prov, ok := missingReport(n.sentenceFrom(i), m[1]); ok {
					add(extract.ExpectReport, what, prov, l)
				}
				continue
			}
		}
		for _, m := range orderMatches(hOrder, reOrderVerb, text) {
			if studyAsked(text, m[0], m[1]) {
				what := studyWhat(text[m[2]:m[3]])
				add(studyKind(what), what, "", l)
			}
		}
		for _, m := range orderMatches(hOrder, reOrderedLabel, text) {
			if studyAsked(text, m[0], m[1]) {
				what := studyWhat(text[m[2]:m[3]])
				add(studyKind(what), what, "", l)
			}
		}
		for _, m := range orderMatches(hOrder, reStudyFirst, text) {
			if studyAsked(text, m[0], m[1]) {
				what := studyWhat(regionBefore(text, m[2]) + text[m[2]:m[3]])
				add(studyKind(what), what, "", l)
			}
		}
		for _, re := range reConsultAsks {
			for _, m := range orderMatches(hRefer, re, text) {
				if what, ok := consultAsked(text, m); ok {
					add(extract.ExpectReferral, what, "", l)
				}
			}
		}
		if m := reReferLabel.FindStringSubmatchIndex(l.trim); hRefer && m != nil {
			// A referral printed as a field ("Referral: Orthopedics"): the
			// service after its label.
			if target := tidyTarget(l.trim[m[2]:m[3]]); target != "" && !reVagueTarget.MatchString(target) && !reNoValue.MatchString(target) && !reStudyOnly.MatchString(target) {
				add(extract.ExpectReferral, target, target, l)
			}
		}
		for _, m := range orderMatches(hRefer, reReferOut, text) {
			pre := text[max(0, m[0]-30):m[1]]
			if reReferredIn.MatchString(pre) || reNegated.MatchString(text[max(0, m[0]-25):m[0]]) || reConditional.MatchString(text[max(0, m[0]-40):m[0]]) {
				continue
			}
			target := tidyTarget(text[m[2]:m[3]])
			if target == "" || reVagueTarget.MatchString(target) || reStudyOnly.MatchString(target) {
				continue
			}
			add(extract.ExpectReferral, target, target, l)
		}
		if !hFollow {
			continue
		}
		if m := scheduledFollowUp(text); m != nil && !reConditional.MatchString(text[max(0, m[0]-30):m[0]]) &&
			!strings.Contains(strings.ToLower(text[:m[0]]), "refer") && sec != secComplaints {
			after := text[m[1]:]
			if i+1 < len(n.lines) && !n.lines[i+1].noise && reDangling.MatchString(after) {
				// "Follow up with" or "Follow up with the" ends the line.
				after += " " + strings.TrimSpace(n.lines[i+1].text)
			}
			what, prov := followUpWith(after)
			if what == "" || !strings.HasSuffix(strings.ToLower(text[m[0]:m[1]]), "with") {
				what, prov = "follow-up visit", source
			}
			add(extract.ExpectFollowUp, what, prov, l)
		}
	}
	return out
}

// reDangling is what is left of a line after "follow up with" when whom
// it is with is printed on the next line: nothing, or only an article or
// a possessive.
var reDangling = lazyre.New(`(?i)^\s*(?:(?:the|a|an|your|his|her|their|our|my)\s*)?$`)

// rePrecaution follows "return for" in return precautions: what would
// bring the patient back, no visit scheduled.
var rePrecaution = lazyre.New(`(?i)^\s*(?:any\s+|new\s+|or\s+)*(?:worse\w*|increas\w*|severe|persistent|fever|chest pain|shortness|numbness|weakness|vomiting|confusion|emergenc\w*|concerning|red flag|problems|questions|symptoms\s+(?:that\s+)?(?:worsen|change|persist))`)

// scheduledFollowUp returns the first follow-up a line schedules, skipping
// return precautions ("return for worsening headache"), or nil.
func scheduledFollowUp(text string) []int {
	for _, m := range reFollowUp.FindAllStringIndex(text, -1) {
		if strings.HasSuffix(strings.ToLower(text[m[0]:m[1]]), "for") && rePrecaution.MatchString(text[m[1]:]) {
			continue
		}
		if reSeenIn.MatchString(reTitlePoint.ReplaceAllString(text[:m[0]], "$1")) {
			continue // "I saw Ms. Doe in follow-up on 3/4/24": the visit itself
		}
		return m
	}
	return nil
}

// reSeenIn ends the words before "follow-up" that tell of a visit made:
// "I saw Ms. Doe in", "was seen for".
var reSeenIn = lazyre.New(`(?i)\b(?:saw|seen|evaluated|examined|visited)\b[^.;]{0,60}\b(?:in|for)\s*$`)

// reWithEnd ends whom a follow-up is with: a comma or stop, or when.
var reWithEnd = lazyre.New(`(?i)[,.;:(]|\s+(?:in|on|within|for|as|if|or|and|after|when|next|this|tomorrow)\b`)

// reThisOffice is a follow-up with the asking office itself.
var reThisOffice = lazyre.New(`(?i)^(?:me|us|this (?:office|clinic|provider|physician)|our (?:office|clinic)|the (?:office|clinic)|clinic|office|him|her|them|the same (?:provider|physician|doctor)|same)$`)

// followUpWith reads whom a follow-up is with from the text after "with":
// other care ("primary care physician", "orthopedics") is what the
// follow-up asks for and no provider is presumed; a physician it names
// ("Dr. Alvarez") is its provider. It returns "" for the asking office
// itself ("with me", "with this office") or nothing readable.
func followUpWith(after string) (what, prov string) {
	t := strings.TrimSpace(after)
	title := reDrTitle.FindString(t) // "Dr. ": its point is no stop
	t = t[len(title):]
	if title == "" {
		t = reArticle.ReplaceAllString(t, "") // "with the primary care physician"
	}
	if m := reWithEnd.FindStringIndex(t); m != nil {
		t = t[:m[0]]
	}
	t = tidyTarget(t)
	if t == "" || len(t) > 60 || title == "" && (reThisOffice.MatchString(t) || reVagueTarget.MatchString(t)) {
		return "", ""
	}
	if title != "" {
		return "follow-up with " + title + t, title + t
	}
	return "follow-up with " + t, ""
}

// reArticle is an article before whom a follow-up is with.
var reArticle = lazyre.New(`^(?i:the|an?)\s+`)

// reDrTitle is a physician's title before a name.
var reDrTitle = lazyre.New(`^(?i:dr\.?\s+)`)

// reClauseStop cuts a name at the verb that follows it.
var reClauseStop = lazyre.New(`(?i)\s+(?:has|have|had|is|are|was|were|not|never|still)\b.*$`)

// Words one of which every line of each kind of evidence holds, tagged by
// kind: an ambulance, a record not received, an order, a referral, a
// follow-up.
const (
	hintEMS = 1 << iota
	hintGot
	hintOrder
	hintRefer
	hintFollow
)

var expectHints = func() *layout.WordSet {
	w := &layout.WordSet{}
	w.Add(hintEMS, "ambulance", "ems", "medic", "arriv", "fire rescue", "helicopter")
	w.Add(hintGot, "received", "pending", "outstanding", "available", "included", "provided")
	w.Add(hintOrder, "order", "obtain", "schedul", "request", "recommend", "send ", "get ", "to be ")
	w.Add(hintRefer, "refer", "consult")
	w.Add(hintFollow, "return", "rtc", "follow", "f/u", "next appointment", "next visit")
	return w
}()

// orderMatches runs re on text when the line's hint says it may match.
func orderMatches(hint bool, re *lazyre.Regexp, text string) [][]int {
	if !hint {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// reConsultAsks ask another service to see the patient, the service
// (group 1) named before "consult" or after it: "Neurosurgery consult
// requested", "orthopedic consultation was ordered", "request an inpatient
// neurology consult", "consultation requested from pain management".
var reConsultAsks = []*lazyre.Regexp{
	lazyre.New(`(?i)\b([A-Za-z][A-Za-z/&-]+(?:\s+[A-Za-z][A-Za-z/&-]+){0,2})\s+consult(?:ation)?s?\s+(?:was\s+|were\s+|has\s+been\s+|is\s+|to\s+be\s+)?(?:requested|ordered|placed|called|pending)\b`),
	lazyre.New(`(?i)\b(?:request(?:ed|ing)?|order(?:ed|ing)?|plac(?:e|ed|ing)|call(?:ed)?|obtain(?:ed)?)\s+(?:an?\s+|the\s+)?([A-Za-z][A-Za-z/&-]+(?:\s+[A-Za-z][A-Za-z/&-]+){0,2})\s+consult(?:ation)?\b`),
	lazyre.New(`(?i)\bconsult(?:ation)?s?\s+(?:was\s+|were\s+|has\s+been\s+|is\s+)?(?:requested|ordered|placed|called)\s+(?:from|with|to|by)\s+(?:the\s+)?([A-Za-z][A-Za-z /&-]{2,40})`),
}

// reConsultFiller is what may stand before the service in a consult's
// request: articles, urgency, the setting, and the words of the clause
// before it ("was seen in", "and").
var reConsultFiller = lazyre.New(`(?i)^(?:(?:an?|the|urgent|stat|formal|routine|inpatient|outpatient|bedside|specialty|specialist|was|were|is|seen|in|for|of|to|with|by|and|or|also|then|will|we|i)\s+)+`)

// reConsultFunction is a service that ends on a word of no meaning of its
// own: no service at all.
var reConsultFunction = lazyre.New(`(?i)(?:^|\s)(?:an?|the|was|were|is|seen|in|for|of|to|with|by|and|or|also|then|will|we|i|no|not)$`)

// reConsultAfter ends the service named after a consult's request.
var reConsultAfter = lazyre.New(`(?i)\s+(?:for|to|regarding|re|about|given|due|because|and|as|at|on)\b.*$`)

// consultAsked reads the service a consult's request at m asks for (see
// reConsultAsks): "neurosurgery consultation". False when the request is
// denied or only considered, or names no service (a physician named after
// it, "requested by Dr. Alvarez", is who asks).
func consultAsked(text string, m []int) (string, bool) {
	pre := text[max(0, m[0]-40):m[0]]
	if reNegated.MatchString(text[max(0, m[0]-25):m[0]]) || reConditional.MatchString(pre) || reReferredIn.MatchString(pre) {
		return "", false
	}
	service := reConsultAfter.ReplaceAllString(text[m[2]:m[3]], "")
	service = reConsultFiller.ReplaceAllString(tidyTarget(service), "")
	if service == "" || reVagueTarget.MatchString(service) || reNegated.MatchString(service) || reConsultFunction.MatchString(service) || reDrTitle.MatchString(service) {
		return "", false
	}
	return service + " consultation", true
}

// reVagueTarget is a referral "target" that names no care: "referred for
// follow-up", "for further evaluation".
var reVagueTarget = lazyre.New(`(?i)^(?:follow|further|consult|evaluation|treatment|care|this|that|it|him|her|them|me|us)\b`)

// reNoValue is a field's value that says there is none: "none", "N/A".
var reNoValue = lazyre.New(`(?i)^(?:none|no|n/?a|nil|not applicable)\b`)

// reStudyOnly is a referral target that names a study (ordered, not a
// referral): "referred for MRI".
var reStudyOnly = lazyre.New(`(?i)^(?:MRI|CT|x-?ray|EMG|NCS|labs?|imaging|ultrasound)\b`)

// studyAsked reports whether the order at [a, b) of text is one asked for
// now: not considered, not denied, not a study reviewed or done before.
func studyAsked(text string, a, b int) bool {
	pre := text[max(0, a-40):a]
	return !reConditional.MatchString(pre) && !reNegated.MatchString(text[max(0, a-20):a]) && !reDoneBefore.MatchString(text[a:b]) &&
		!reDoneBefore.MatchString(pre)
}

// sentenceFrom returns line i's text, with the next line's joined when
// the sentence runs on onto it ("... not been received from the reference"
// over "laboratory; requested again today.").
func (n *note) sentenceFrom(i int) string {
	text := n.lines[i].text
	if strings.HasSuffix(strings.TrimSpace(text), ".") || i+1 >= len(n.lines) || n.lines[i+1].noise || n.lines[i+1].page != n.lines[i].page {
		return text
	}
	if h, _ := headingOf(n.lines[i+1]); h != secNone {
		return text
	}
	return strings.TrimRight(text, " ") + " " + n.lines[i+1].trim
}

// missingReport reads a report a note says it has not received: what it
// is and from whom; false for the ambulance's record (proven as such).
func missingReport(text, what string) (string, string, bool) {
	what = strings.TrimSpace(what)
	if low := strings.ToLower(what); strings.Contains(low, "ems") || strings.Contains(low, "ambulance") || strings.Contains(low, "run report") {
		return "", "", false
	}
	prov := ""
	if k := strings.Index(strings.ToLower(text), " from "); k > 0 && k < len(text)-6 {
		from := text[k+6:]
		if j := strings.Index(from, ";"); j >= 0 {
			from = from[:j] // "...from the laboratory; requested again today."
		}
		prov = clip(tidyTarget(reClauseStop.ReplaceAllString(from, "")), 60)
		prov = strings.TrimPrefix(strings.TrimPrefix(prov, "the "), "The ")
	}
	return what, prov, true
}

// regionBefore returns the body region printed just before a study
// ("Lumbar MRI"), with its space, or "".
func regionBefore(text string, a int) string {
	if m := reRegionEnd.FindStringIndex(text[:a]); m != nil {
		return text[m[0]:a]
	}
	return ""
}

var reRegionEnd = lazyre.New(`(?i)\b(?:cervical|thoracic|lumbar|lumbosacral|brain|head|chest|shoulder|knee|hip|wrist|hand|ankle|foot|elbow|spine|neck|c-spine|l-spine|(?:left|right|bilateral)(?:\s+(?:shoulder|knee|hip|wrist|ankle|elbow))?)\s+$`)

// studyWhat tidies an ordered study's name: "MRI of the cervical spine
// without contrast" stays, cut at the first clause word.
func studyWhat(s string) string {
	s = reStudyStop.ReplaceAllString(strings.TrimSpace(s), "")
	return clip(strings.TrimRight(s, " ./-&"), 60)
}

var reStudyStop = lazyre.New(`(?i)\s+(?:to|for|and|which|if|as|at|when|because|due|today|tomorrow|was|were|is|are|has|have|will)\b.*$`)

// studyKind is the kind of record an ordered study leaves: imaging, or a
// diagnostic test.
func studyKind(what string) string {
	if reImagingWord.MatchString(what) {
		return extract.ExpectImaging
	}
	return extract.ExpectDiagnostic
}

var reImagingWord = lazyre.New(`(?i)\b(?:mri|mra|ct|cat scan|x-?rays?|radiographs?|ultrasound|bone scan|myelogram|discogram|dexa)\b`)

// negatedBefore reports whether the first match of re in text follows a
// negation close before it ("denies arriving by ambulance", "not by EMS").
func negatedBefore(text string, re *lazyre.Regexp) bool {
	m := re.FindStringIndex(text)
	return m != nil && reNegated.MatchString(text[max(0, m[0]-25):m[1]])
}
