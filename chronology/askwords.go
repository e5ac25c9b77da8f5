package chronology

import (
	"slices"
	"strings"
)

// namedTokens are the distinctive words of a printed provider name (not
// generic words such as medical or center); nil when it names no one.
func namedTokens(name string) []string {
	if namesNoOne(name) {
		return nil
	}
	var out []string
	for _, t := range providerTokens(name) {
		if !genericTokens[t] {
			out = append(out, t)
		}
	}
	return out
}

// names reports whether one of the provider's printed names holds every
// one of the words (as compared by tokensMatch).
func (c *providerCluster) names(words []string) bool {
	for f := range c.forms {
		toks := providerTokens(f)
		if !slices.ContainsFunc(words, func(w string) bool {
			return !slices.ContainsFunc(toks, func(t string) bool { return tokensMatch(w, t) })
		}) {
			return true
		}
	}
	return false
}

// askStopWords carry no care of their own in what a referral asks for.
var askStopWords = map[string]bool{
	"refer": true, "referral": true, "referred": true, "follow": true, "followup": true, "evaluation": true,
	"evaluate": true, "eval": true, "consult": true, "consultation": true, "doctor": true, "appointment": true,
	"order": true, "ordered": true, "orders": true, "study": true, "studies": true, "test": true, "testing": true,
	"tests": true, "report": true, "reports": true, "weeks": true, "week": true, "days": true, "months": true,
	"month": true, "return": true, "schedule": true, "scheduled": true, "please": true, "obtain": true,
	"patient": true, "received": true, "pending": true, "outside": true, "records": true, "record": true,
	"recommend": true, "recommended": true, "further": true, "treatment": true, "clinic": true, "center": true,
	"services": true, "specialist": true, "with": true, "for": true, "the": true, "and": true, "needed": true,
	"visit": true, "office": true, "next": true, "provider": true, "medical": true, "care": true, "from": true,
	"within": true, "after": true, "left": true, "right": true, "bilateral": true, "spine": true, "upper": true,
	"lower": true, "extremity": true, "extremities": true, "routine": true, "possible": true, "consider": true,
}

// distinctiveWords are the words of what, four letters or more, that say
// which care is asked for, cut to five letters to compare stems.
func distinctiveWords(what string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(what), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		if len(w) < 4 || askStopWords[w] {
			continue
		}
		if len(w) > 5 {
			w = w[:5]
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// entryWords are the stems of what an entry says it is: its provider's
// names and kind, its visit type and its procedures.
func entryWords(e *entryWork) []string {
	parts := []string{e.prov.name, e.kind, e.VisitType, e.Clinician}
	for f := range e.prov.forms {
		parts = append(parts, f)
	}
	for _, p := range e.Procedures {
		parts = append(parts, p.Description)
	}
	return distinctiveWords(strings.Join(parts, " "))
}

func sharesWord(a, b []string) bool {
	for _, w := range a {
		if slices.Contains(b, w) {
			return true
		}
	}
	return false
}
