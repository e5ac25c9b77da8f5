package adjuster

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

// Phrase is a wording in the records an insurer uses against the claim.
type Phrase struct {
	// Pattern is a case-insensitive regular expression, matched on word
	// boundaries.
	Pattern string
	// Category is one of "activity", "work", "later injury", "recovery",
	// "non-compliance".
	Category string
}

// Phrases is the documented list of harmful phrases Read looks for.
var Phrases = []Phrase{
	{`yard ?work`, "activity"}, {`gardening`, "activity"}, {`mow(?:ed|ing)? (?:the )?lawn`, "activity"},
	{`shovel(?:l?ed|l?ing)?(?: snow)?`, "activity"}, {`lift(?:ed|ing)? (?:heavy|weights?|boxes|furniture)`, "activity"},
	{`lifting`, "activity"}, {`gym`, "activity"}, {`work(?:ing|ed)? out`, "activity"}, {`weight ?lifting`, "activity"},
	{`played`, "activity"}, {`playing`, "activity"}, {`basketball`, "activity"}, {`softball`, "activity"},
	{`football`, "activity"}, {`soccer`, "activity"}, {`golf(?:ing|ed)?`, "activity"}, {`tennis`, "activity"},
	{`hik(?:e|ed|ing)`, "activity"}, {`ski(?:ed|ing)`, "activity"}, {`jog(?:ged|ging)?`, "activity"},
	{`running`, "activity"}, {`dancing`, "activity"}, {`vacation`, "activity"}, {`trip to`, "activity"},
	{`road trip`, "activity"}, {`moved (?:house|homes?|apartments?)`, "activity"}, {`moving (?:house|boxes|furniture)`, "activity"},
	{`helped (?:a friend )?move`, "activity"}, {`painting (?:the )?(?:house|room|fence)`, "activity"},
	{`double shifts?`, "work"}, {`overtime`, "work"}, {`second job`, "work"}, {`returned to (?:full )?(?:work|duty)`, "work"},
	{`full duty`, "work"}, {`no restrictions`, "work"},
	{`new injury`, "later injury"}, {`re-?injur(?:ed|y)`, "later injury"}, {`(?:another|second|new) (?:accident|collision|mvc|mva)`, "later injury"},
	{`(?:slipped|tripped) and fell`, "later injury"}, {`fell (?:at|off|from|down)`, "later injury"},
	{`pain[- ]free`, "recovery"}, {`no pain`, "recovery"}, {`feels? (?:great|fine|100%)`, "recovery"},
	{`back to normal`, "recovery"}, {`fully (?:recovered|resolved)`, "recovery"}, {`symptoms resolved`, "recovery"},
	{`non-?complian(?:t|ce)`, "non-compliance"}, {`not (?:doing|performing) (?:the |his |her )?(?:home )?exercises`, "non-compliance"},
	{`did not (?:fill|take) (?:the |his |her )?(?:prescription|medication)s?`, "non-compliance"},
	{`against medical advice`, "non-compliance"}, {`\bama\b`, "non-compliance"}, {`self[- ]discharged`, "non-compliance"},
}

// attacks says how an insurer uses each category.
var attacks = map[string]string{
	"activity":       "An adjuster will argue that the client was active enough to do this, or that the activity caused the injury.",
	"work":           "An adjuster will argue that the client could work, against the wage-loss claim and the extent of the injury.",
	"later injury":   "An adjuster will argue that a later event, not the incident, caused the treatment after it.",
	"recovery":       "An adjuster will argue that the injury had resolved and that later care was unnecessary.",
	"non-compliance": "An adjuster will argue that the client did not follow the treatment and prolonged the recovery.",
}

var phraseRE, categoryOf = compilePhrases()

// compilePhrases joins Phrases into one expression, filtered by the
// literals its matches need (most texts hold none, and are not searched).
func compilePhrases() (*rxfilter.Regexp, []string) {
	parts := make([]string, len(Phrases))
	cats := make([]string, len(Phrases))
	for i, p := range Phrases {
		parts[i] = `(` + p.Pattern + `)`
		cats[i] = p.Category
	}
	return rxfilter.MustCompile(`(?i)\b(?:` + strings.Join(parts, "|") + `)\b`), cats
}

// negatedBefore are words that, just before a phrase, negate or restrict
// it: "no lifting", "avoid the gym".
var negatedBefore = lazyre.New(`(?i)\b(no|not|avoid|avoiding|without|restrict(?:ed)?|refrain from|unable to|cannot|can't|could not|couldn't|limit|until|return to|goals?:?)\s+(?:\w+\s+)?$`)

// symptomBefore, earlier in the same clause, makes a phrase a symptom
// rather than an activity: "pain is worse with sitting, driving and
// lifting", "difficulty lifting".
var symptomBefore = lazyre.New(`(?i)\b(worse with|worsens with|aggravated by|pain with|painful|hurts? (?:with|when)|difficult(?:y)?|trouble|unable|limited|limits?|restrict(?:ed|ions?)?|intolerance)\b`)

// phrases lists the harmful phrases of each entry (once per phrase and
// entry), from its fields and quotes.
func (r *reader) phrases() []Point {
	var out []Point
	for _, e := range append(append([]chronology.Entry(nil), r.dated...), r.undated...) {
		seen := map[string]bool{}
		for _, t := range texts(e) {
			for _, m := range phraseRE.FindAllStringSubmatchIndex(t[1], -1) {
				text := t[1]
				if negatedBefore.MatchString(text[max(0, m[0]-30):m[0]]) ||
					symptomBefore.MatchString(text[strings.LastIndexAny(text[:m[0]], ".;\n")+1:m[0]]) {
					continue
				}
				phrase := strings.ToLower(textutil.FoldSpace(text[m[0]:m[1]]))
				if seen[phrase] || (e.Date == r.c.Matter.DateOfIncident && !e.PreIncident && category(m) == "later injury") {
					continue
				}
				seen[phrase] = true
				cat := category(m)
				excerpt := clause(text, m[0], m[1])
				cites, quoted := citeFor(e, phrase)
				p := Point{Kind: KindHarmfulPhrase, Date: e.Date, EntryIDs: []string{e.ID}, Citations: cites,
					Title: fmt.Sprintf("“%s” in the %s record", phrase, e.Provider),
					Explanation: fmt.Sprintf("The record of %s at %s (%s) reads “%s” (%s). %s", longDate(e.Date), e.Provider, t[0],
						excerpt, cat, attacks[cat])}
				if e.PreIncident {
					p.Explanation += " The record is from before the incident."
				}
				if !quoted {
					p.Explanation += unquoted
				}
				out = append(out, point(p, phrase))
			}
		}
	}
	return out
}

// category returns the category of the alternative that matched.
func category(m []int) string {
	for i := range categoryOf {
		if m[2+2*i] >= 0 {
			return categoryOf[i]
		}
	}
	return ""
}

// unquoted ends an explanation whose words no quote of the entry holds.
const unquoted = " No quote of the entry holds these words; the page cited is the entry's first."

// find returns the first match of re in an entry: the field, the clause
// around it, the citation to show and whether its quote holds the match.
func find(e chronology.Entry, re *rxfilter.Regexp) (string, string, []extract.Citation, bool) {
	for _, t := range texts(e) {
		if m := re.FindStringIndex(t[1]); m != nil {
			cites, quoted := citeFor(e, t[1][m[0]:m[1]])
			return t[0], clause(t[1], m[0], m[1]), cites, quoted
		}
	}
	return "", "", nil, false
}

// clause returns the sentence or clause of text around [a, b), at most
// about 200 bytes.
func clause(text string, a, b int) string {
	start := strings.LastIndexAny(text[:a], ".;\n") + 1
	end := len(text)
	if i := strings.IndexAny(text[b:], ".;\n"); i >= 0 {
		end = b + i
	}
	s := textutil.FoldSpace(text[start:end])
	if len(s) > 200 {
		s = clip(textutil.FoldSpace(text[max(start, a-80):min(end, b+80)]), 200)
	}
	return s
}

// citeFor returns the entry's citation whose quote holds phrase, else its
// first citation, and whether the quote holds the phrase.
func citeFor(e chronology.Entry, phrase string) ([]extract.Citation, bool) {
	p := strings.ToLower(textutil.FoldSpace(phrase))
	for _, c := range e.Citations {
		if strings.Contains(strings.ToLower(textutil.FoldSpace(c.Quote)), p) {
			return []extract.Citation{c}, true
		}
	}
	return firstCite(e), false
}
