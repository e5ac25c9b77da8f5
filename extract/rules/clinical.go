package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

var (
	// "Pain: 7/10", "pain 6-7/10", "pain level is 7/10", "ranges from 3/10 to 6/10".
	rePainSlash = lazyre.New(`(?i)\bpain\b[^.;\n]{0,40}?\b(\d{1,2}(?:\.\d)?)\s*(?:/\s*10\b|out of (?:10|ten)\b)?(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?)\s*(?:/\s*10|out of (?:10|ten))\b)?`)
	// "VAS 6", "NPRS: 5", "pain score: 7", "Pain: 7".
	rePainLabel = lazyre.New(`(?i)\b(?:vas|nprs|nrs|pain (?:score|level|scale|rating|intensity)|pain)\s*(?:is|of|was|at|=|:|-)?\s*(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?(\s*(?:/\s*10|out of (?:10|ten)))?`)
	// "rates his pain 8 out of 10", "rates her pain as a 6-7/10".
	rePainRates = lazyre.New(`(?i)\brat(?:es|ed|ing)\s+(?:his|her|their|the|its)?\s*(?:\w+\s+){0,2}pain\s+(?:as\s+|at\s+)?(?:an?\s+)?(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s*(?:/\s*10|out of (?:10|ten))`)
	reSlash10   = lazyre.New(`\b(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s*/\s*10\b`)
)

// pain returns the first pain score of the note (0–10, the higher end of a
// range) and the line it is on.
func (n *note) pain() (float64, int, bool) {
	for i, l := range n.lines {
		if n.secs[i].IsHistory() && n.secs[i] == secReview || !strings.ContainsAny(l.text, "0123456789") {
			continue
		}
		low := strings.ToLower(l.text)
		if !strings.Contains(low, "pain") && !strings.Contains(low, "vas") && !strings.Contains(low, "nprs") && !strings.Contains(low, "nrs") {
			continue
		}
		if v, ok := painOn(l.text); ok {
			return v, i, true
		}
	}
	return 0, -1, false
}

// painOn reads a pain score from one line of text.
func painOn(s string) (float64, bool) {
	if m := rePainRates.FindStringSubmatch(s); m != nil {
		return painValue(m[1], m[2])
	}
	for _, m := range rePainLabel.FindAllStringSubmatch(s, -1) {
		label := strings.ToLower(m[0])
		explicit := m[3] != "" || !strings.HasPrefix(label, "pain") || strings.Contains(label, "score") ||
			strings.Contains(label, "level") || strings.Contains(label, "scale") || strings.Contains(label, "rating") ||
			strings.Contains(label, ":") || strings.Contains(label, "=")
		if explicit {
			if v, ok := painValue(m[1], m[2]); ok {
				if m[2] == "" {
					// "3/10 to 6/10": a range written twice.
					if mm := reSlash10.FindAllStringSubmatch(s[strings.Index(s, m[0]):], 2); len(mm) == 2 && strings.Contains(s, " to "+mm[1][0]) {
						return painValue(mm[0][1], mm[1][1])
					}
				}
				return v, true
			}
		}
	}
	if mm := reSlash10.FindAllStringSubmatch(s, 2); len(mm) > 0 && strings.Contains(strings.ToLower(s), "pain") {
		if len(mm) == 2 && strings.Contains(s, mm[0][0]+" to "+mm[1][0]) {
			return painValue(mm[0][1], mm[1][1])
		}
		if v, ok := painValue(mm[0][1], mm[0][2]); ok {
			return v, true
		}
	}
	if m := rePainSlash.FindStringSubmatch(s); m != nil && strings.Contains(m[0], "10") {
		if v, ok := painValue(m[1], m[2]); ok && (strings.Contains(m[0], "/") || strings.Contains(strings.ToLower(m[0]), "out of")) {
			return v, true
		}
	}
	return 0, false
}

// painValue parses a score or a range and returns the higher end.
func painValue(a, b string) (float64, bool) {
	v, err := strconv.ParseFloat(a, 64)
	if err != nil || v < 0 || v > 10 {
		return 0, false
	}
	if b != "" {
		if w, err := strconv.ParseFloat(b, 64); err == nil && w >= v && w <= 10 {
			v = w
		}
	}
	return v, true
}

var (
	reWork     = lazyre.New(`(?i)\b(off work|remain off work|no work|unable to work|not to work|out of work|excused from work|light duty|modified duty|restricted duty|limited duty|full duty|regular duty|without restrictions|return(?:ed|s)? to (?:full |regular |modified |light )?(?:work|duty)|work restrictions?|no lifting (?:over|greater than|more than|>|of more than|heavier than) ?\d+ ?(?:lbs?|pounds)|lifting restriction[^.;]*|off duty|temporarily totally disabled|temporary total disability|\bTTD\b|may return to work)\b`)
	reStopWord = lazyre.New(`(?i)\s+(?:and|for|to|if|as|with|at|in|on|today|this|next|which|who|when|because|due)\b.*$`)
)

// Hints that a line may hold a work status, a referral or an order.
var (
	workHints = layout.NewWordSet("work", "duty", "lift", "ttd", "disab", "restrict")
)

// workStatus returns the first work-status phrase outside history sections.
func (n *note) workStatus() string {
	goals := false // under a heading that names goals ("Long Term Goals (8 weeks):")
	for i, l := range n.lines {
		if h, _ := headingOf(l); h != secNone || reGoalLead.MatchString(l.trim) {
			goals = reGoalLead.MatchString(l.trim)
		}
		if goals || n.secs[i].IsHistory() || n.secs[i] == secGoals || n.secs[i] == secComplaints || l.noise {
			continue
		}
		if !workHints.In(l.text) {
			continue
		}
		if m := reWork.FindStringIndex(l.text); m != nil && !reNotStatus.MatchString(l.text) {
			return clip(sentenceAround(l.text, m[0], m[1]), 140)
		}
	}
	return ""
}

// reGoalLead is a line that opens a list of goals without being a known
// heading: "Long Term Goals (8 weeks):", "Goal Status:".
var reGoalLead = rxfilter.MustCompile(`(?i)^\W*(?:(?:short|long)[- ]term |functional |patient'?s? |rehab(?:ilitation)? |therapy |treatment )?goals?\b[^.:]{0,40}:\s*$`)

// reNotStatus marks what reads like a work status but is not one: a goal,
// an expectation, the work done before the injury, a denial.
var reNotStatus = lazyre.New(`(?i)\b(?:goals?|stg|ltg|will be able|patient will|pt will|expected to|expected outcome|prognosis|potential|in order to|(?:weeks?|wks|visits|sessions|therapy|treatment|program|exercises?|strengthening|conditioning)\s+to (?:return|resume|get back)|anticipat\w*|hope[sd]? to|prior to (?:the |this )?(?:injury|accident|collision|mva|mvc)|before (?:the |this )?(?:injury|accident|collision)|den(?:y|ies|ied))\b`)

// sentenceAround returns the clause of s that holds [a, b).
func sentenceAround(s string, a, b int) string {
	lo := strings.LastIndexAny(s[:a], ".;:") + 1
	hi := strings.IndexAny(s[b:], ".;")
	if hi < 0 {
		hi = len(s)
	} else {
		hi += b
	}
	return strings.TrimSpace(s[lo:hi])
}

// tidyTarget cuts a referral target at the first clause word.
func tidyTarget(s string) string {
	s = reStopWord.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.TrimRight(s, " ./-&")
	if len(s) < 2 || strings.EqualFold(s, "the") {
		return ""
	}
	return s
}

var (
	reDose      = lazyre.New(`(?i)\b([A-Za-z][A-Za-z\-]+(?:[ /][A-Za-z][A-Za-z\-]+){0,2})\s+(\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*(?:mg|mcg|g|ml|mL|units?|%|mg/hr|mg/ml|meq)\b(?:\s*(?:oral |po |tablet|tab|capsule|cap|tablets)?[^.;,\n]{0,40})?)`)
	reDoseTail  = lazyre.New(`(?i)\s(?:and|i|we|but|which|that|so|because|if|he|she)\s|\s?\(`)
	reDoseHint  = lazyre.New(`\d\s*(?i:mg|mcg|g\b|ml|units?|%|meq)`)
	reRxVerb    = rxfilter.MustCompile(`(?i)\b(?:prescribed|rx|started on|start|given|dispensed|placed on)\b`)
	reNoMeds    = lazyre.New(`(?i)^(no (?:active |current |known )?medications|none|nkda|n/a)`)
	reMedFiller = lazyre.New(`(?i)^(take|taking|patient|he|she|was|is|and|or|with|of|in|for|the|tablets?|tabs?|capsules?|on|prescribed|started|given|rx|start|medications?|a|an|pain|pills?|to|from|increase|increased|decrease|decreased|initiate|initiated|continue|continued|can|resume|refill|refilled|discontinue|stop|use|using|dose|daily|per|by|at|as|then)$`)
)

// reInitialsWord is a person's initials as charts print them.
var reInitialsWord = lazyre.New(`^[A-Z]{2,3}$`)

// knownAbbrevDrug are drugs charts name by an abbreviation of capitals.
var knownAbbrevDrug = map[string]bool{"ASA": true, "APAP": true, "HCTZ": true, "MTX": true, "NTG": true, "KCL": true, "MVI": true}

// medications returns drug-and-dose strings from medication sections and
// from prescribing sentences in the plan.
func (n *note) medications() []string {
	var out []string
	seen := map[string]bool{}
	add := func(v string) {
		v = clip(strings.TrimRight(unbalanced(v), " ,;."), 90)
		k := strings.ToLower(v)
		if v == "" || seen[k] || len(out) >= 20 {
			return
		}
		seen[k] = true
		out = append(out, v)
	}
	for i, l := range n.lines {
		sec := n.secs[i]
		if sec.IsHistory() || l.noise {
			continue
		}
		text := l.text
		if h, off := headingOf(l); h != secNone {
			text = l.text[off:]
		}
		inMeds := sec == secMeds || sec == secPlan || sec == secAssessPlan
		if !inMeds && !reRxVerb.MatchString(text) {
			continue
		}
		if inMeds && reNoMeds.MatchString(strings.TrimSpace(text)) {
			continue
		}
		if !reDoseHint.MatchString(text) {
			continue
		}
		for _, part := range strings.Split(text, ";") {
			for _, m := range reDose.FindAllStringSubmatch(part, -1) {
				name := m[1]
				ws := strings.Fields(name)
				for len(ws) > 0 && reMedFiller.MatchString(ws[len(ws)-1]) {
					ws = ws[:len(ws)-1]
				}
				var fs []string
				for _, w := range ws {
					if reMedFiller.MatchString(w) {
						fs = fs[:0]
						continue
					}
					fs = append(fs, w)
				}
				// A nurse's or clinician's initials before the drug are
				// not part of it ("KM Ketorolac 30 mg").
				if len(fs) > 1 && reInitialsWord.MatchString(fs[0]) {
					fs = fs[1:]
				}
				if len(fs) == 0 || len(fs) == 1 && reInitialsWord.MatchString(fs[0]) && !knownAbbrevDrug[strings.ToUpper(fs[0])] ||
					slices.ContainsFunc(fs, func(w string) bool { return strings.EqualFold(w, "initials") || strings.EqualFold(w, "initial") }) {
					continue
				}
				dose := textutil.FoldSpace(m[2])
				if i := reDoseTail.FindStringIndex(dose); i != nil {
					dose = dose[:i[0]]
				}
				add(strings.Join(fs, " ") + " " + dose)
			}
		}
	}
	return out
}

// unbalanced cuts a closing parenthesis that closes nothing, and what
// follows it: "triamcinolone 40 mg with lidocaine)" is read from inside
// "(triamcinolone 40 mg with lidocaine)".
func unbalanced(s string) string {
	depth := 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return s[:i]
			}
			depth--
		}
	}
	return s
}
