package chronology

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// summaryClause is the longest, in bytes, one field's clause may run in a
// summary; a longer first sentence is shortened at a clause boundary.
const summaryClause = 200

// summarize writes an entry's summary as a medical-legal nurse writes one:
// at most three sentences, each from whole sentences or clauses of the
// entry's own fields, never cut inside a word.
//
//  1. the visit and its reason: "Emergency visit at X with Dr. Y for neck
//     pain after a collision (pain 8/10)."
//  2. what was found: "Findings: …; diagnoses: a, b and c."
//  3. what was done and what follows: "Treatment: …; plan: …; work status: …."
//
// It invents nothing: a field the records do not give is left out.
func summarize(e *Entry) string {
	var out []string
	head := visitLabel(e.VisitType) + " at " + e.Provider
	if e.Clinician != "" {
		head += " with " + e.Clinician
	}
	if r := clause(e.Complaints); r != "" {
		head += reasonPhrase(r)
	}
	if e.PainScore != nil {
		head += " (pain " + strconv.FormatFloat(*e.PainScore, 'f', -1, 64) + "/10)"
	}
	out = append(out, head+".")

	var found []string
	if f := clause(e.Findings); f != "" {
		found = append(found, "findings: "+f)
	}
	assessmentUsed := false
	if dx := diagnosisList(e.Diagnoses); dx != "" {
		found = append(found, "diagnoses: "+dx)
	} else if a := clause(unlist(e.Assessment)); a != "" {
		found = append(found, "assessment: "+a)
		assessmentUsed = true
	}
	if s := sentenceOf(found); s != "" {
		out = append(out, s)
	}

	var done []string
	if tx := procedureList(e.Procedures); tx != "" {
		done = append(done, "treatment: "+tx)
	}
	// A combined "Assessment and Plan" section fills both fields with one
	// text: say it once.
	samePlan := textutil.FoldSpace(e.Plan) == textutil.FoldSpace(e.Assessment)
	if p := clause(unlist(e.Plan)); p != "" && !(samePlan && assessmentUsed) {
		done = append(done, "plan: "+p)
	} else if len(e.Medications) > 0 {
		done = append(done, "medications: "+joinList(e.Medications, 3))
	}
	if w := clause(e.WorkStatus); w != "" {
		done = append(done, "work status: "+lowerFirst(w))
	}
	if s := sentenceOf(done); s != "" {
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// reportedRE finds a reason written as what the patient said or did
// ("Reports increased soreness", "Patient states headaches are less
// frequent", "Returns for follow-up"), which reads wrong after "for".
var reportedRE = lazyre.New(`(?i)^(?:the\s+)?(patient|pt\.?|client|claimant)?\s*(reports?|states?|returns?|presents?|complains?|notes?|describes?|denies|is seen|was seen|seen|here|comes?|came)\b`)

// reasonPhrase joins the visit's reason to its heading: "for neck pain
// after a collision", or, when the reason is what the patient said or
// did, "; patient reports increased soreness after a long shift".
func reasonPhrase(r string) string {
	m := reportedRE.FindStringSubmatch(r)
	if m == nil {
		return " for " + lowerFirst(r)
	}
	if m[1] == "" {
		return "; patient " + lowerFirst(r)
	}
	return "; " + lowerFirst(r)
}

// visitLabel names the visit: "Chiropractic visit", "Follow-up visit",
// "Consultation".
func visitLabel(visitType string) string {
	v := strings.TrimSpace(visitType)
	if v == "" {
		return "Visit"
	}
	low := strings.ToLower(v)
	for _, w := range []string{"visit", "consultation", "consult", "evaluation", "procedure", "imaging", "report",
		"surgery", "session", "note", "admission", "discharge", "treatment", "therapy", "exam", "examination", "study"} {
		if strings.HasSuffix(low, w) && low != "physical therapy" {
			return capitalize(v)
		}
	}
	return capitalize(v) + " visit"
}

// sentenceOf joins clauses into one sentence: capitalised, ending with a
// full stop.
func sentenceOf(clauses []string) string {
	if len(clauses) == 0 {
		return ""
	}
	return capitalize(strings.Join(clauses, "; ")) + "."
}

// clause returns the first sentence of a field, without its final stop,
// folded to one line. A sentence longer than summaryClause is shortened at
// its last clause boundary (";" or ",") that fits; a text the extractor
// already shortened ("…") loses its unfinished sentence.
func clause(s string) string {
	s = strings.TrimSpace(textutil.FoldSpace(s))
	s = strings.TrimLeft(s, "-–•* ")
	if s == "" {
		return ""
	}
	cut := strings.HasSuffix(s, "…")
	first, rest := firstSentence(strings.TrimSuffix(s, "…"))
	if cut && rest == "" {
		// The only sentence is unfinished: keep its finished clauses.
		first = clauseBefore(first, len(first))
	}
	if len(first) > summaryClause {
		first = clauseBefore(first, summaryClause)
	}
	return strings.TrimRight(first, " .;:,")
}

// firstSentence splits s after its first sentence: a ".", "!" or "?"
// followed by a space, that does not end an abbreviation, an initial or
// the list number opening the text ("1.").
func firstSentence(s string) (first, rest string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' {
			continue
		}
		ws := strings.LastIndexByte(s[:i], ' ') + 1
		word := s[ws:i]
		if c == '.' && (notSentenceEnd(word) || ws == 0 && listNumber(word)) {
			continue
		}
		return s[:i+1], strings.TrimSpace(s[i+1:])
	}
	return s, ""
}

var abbreviations = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "vs": true, "e.g": true,
	"i.e": true, "approx": true, "no": true, "pt": true, "pts": true, "hx": true, "dx": true, "rx": true, "tx": true, "etc": true, "jr": true, "sr": true}

func notSentenceEnd(word string) bool {
	w := strings.ToLower(strings.Trim(word, "(\"'"))
	if abbreviations[w] || w == "" {
		return true
	}
	if utf8.RuneCountInString(w) == 1 { // an initial
		return true
	}
	return false
}

// listNumber reports whether a word is the number of a list item ("1.").
func listNumber(w string) bool {
	return len(w) > 0 && len(w) <= 2 && strings.Trim(w, "0123456789") == ""
}

// clauseBefore cuts s at its last clause boundary (";", ",", " - ")
// before byte n; without one, at its last word boundary before n.
func clauseBefore(s string, n int) string {
	n = min(n, len(s))
	for _, sep := range []string{"; ", ", ", " - "} {
		if i := strings.LastIndex(s[:n], sep); i > n/3 {
			return s[:i]
		}
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i]
	}
	return s[:n]
}

var reListNumber = lazyre.New(`(?:^|\s)\d{1,2}[.)]\s+`)

// unlist writes a numbered list ("1. Low back pain 2. Naproxen 500 mg")
// as one clause ("Low back pain, Naproxen 500 mg"); other text is
// returned as it is.
func unlist(s string) string {
	s = strings.TrimSpace(textutil.FoldSpace(s))
	if len(s) < 3 || s[0] < '1' || s[0] > '9' || (s[1] != '.' && s[1] != ')') {
		return s
	}
	var items []string
	for _, it := range reListNumber.Split(s, -1) {
		if it = strings.TrimRight(strings.TrimSpace(it), " .;,"); it != "" {
			items = append(items, it)
		}
	}
	return strings.Join(items, ", ")
}

// diagnosisList names up to three diagnoses by their words and codes.
func diagnosisList(cs []extract.Coded) string {
	var names []string
	for _, c := range cs {
		d := strings.TrimLeft(strings.TrimSpace(c.Description), ".,;:-– ")
		if d == "" || strings.EqualFold(d, c.Code) {
			d = c.Code
		}
		if c.Code != "" && !strings.EqualFold(d, c.Code) {
			d += " (" + c.Code + ")"
		}
		names = append(names, lowerFirst(d))
	}
	return joinList(names, 3)
}

// procedureList names up to three procedures that carry words.
func procedureList(cs []extract.Coded) string {
	var names []string
	for _, c := range cs {
		if d := strings.TrimSpace(c.Description); d != "" && !strings.EqualFold(d, c.Code) {
			names = append(names, lowerFirst(d))
		}
	}
	return joinList(names, 3)
}

// joinList writes "a", "a and b", "a, b and c", "a, b, c and 2 more".
func joinList(items []string, n int) string {
	switch {
	case len(items) == 0:
		return ""
	case len(items) > n:
		return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
	case len(items) == 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// lowerFirst lowers the first letter of a word in title case ("Cervical
// strain"), never of an acronym or code ("MRI", "C5-C6").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	next, _ := utf8.DecodeRuneInString(s[n:])
	if !unicode.IsLower(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
