package chronology

import (
	"slices"
	"strings"
	"unicode"

	"github.com/medchron/medchron/internal/textutil"
)

// tokenSynonyms maps abbreviations and spelling variants of provider-name
// words to one canonical spelling (possibly several words).
var tokenSynonyms = map[string]string{
	"st": "saint", "ctr": "center", "cntr": "center", "cent": "center", "centre": "center",
	"centers": "center", "med": "medical", "mdcl": "medical", "hosp": "hospital",
	"dept": "department", "dpt": "department", "assoc": "associates", "assocs": "associates",
	"assn": "associates", "pt": "physical therapy", "ortho": "orthopedics",
	"orthopedic": "orthopedics", "orthopaedic": "orthopedics", "orthopaedics": "orthopedics",
	"reg": "regional", "regl": "regional", "rgnl": "regional", "univ": "university",
	"hlth": "health", "gen": "general", "mem": "memorial", "inst": "institute",
	"chiro": "chiropractic", "rehab": "rehabilitation", "svc": "services", "svcs": "services",
	"srvcs": "services", "service": "services", "grp": "group", "clin": "clinic",
	"clnc": "clinic", "emerg": "emergency", "rad": "radiology", "mt": "mount", "ft": "fort",
	"ctrs": "center", "&": "and", "adv": "advanced", "advd": "advanced", "spec": "specialists",
	"specs": "specialists", "specialist": "specialists", "1st": "first", "2nd": "second",
	"3rd": "third", "fam": "family", "natl": "national", "intl": "international",
	"instit": "institute", "ped": "pediatric", "peds": "pediatric", "ctr.": "center",
	// OCR reads the "1" of "1st" as I or l.
	"ist": "first", "lst": "first",
	// Department and specialty abbreviations: "Int Med", "Pain Mgmt",
	// "Emerg Svcs", "Neuro", "Surg", "Diag Img".
	"int": "internal", "mgmt": "management", "mgt": "management", "mngmt": "management",
	"mngt": "management", "neuro": "neurology", "surg": "surgery", "diag": "diagnostic",
	"img": "imaging", "imag": "imaging", "emer": "emergency", "emrg": "emergency",
	"ther": "therapy", "thrpy": "therapy", "sprts": "sports", "sys": "system",
	"pract": "practice", "occ": "occupational", "behav": "behavioral", "bhvl": "behavioral", "bh": "behavioral health",
	"phys": "physicians", "physn": "physicians", "phy": "physicians", "orth": "orthopedics",
	"ot": "occupational therapy", "anesth": "anesthesiology", "mc": "medical center",
	"acup": "acupuncture", "acu": "acupuncture", "herbs": "herbal",
	"labs": "laboratories", "lab": "laboratory", "laboratory's": "laboratory",
	"eval": "evaluations", "evals": "evaluations", "evaluation": "evaluations",
	// An oral surgeon's practice prints its specialty's initials.
	"oms": "oral maxillofacial surgery", "omfs": "oral maxillofacial surgery",
}

// phraseSynonyms rewrite runs of canonical words that an abbreviation
// splits differently ("Phys Ther" is physical therapy, not physicians
// therapy), and drop the words a massage practice qualifies its one
// service with, which it varies from letterhead to bill ("Medical
// Massage", "Therapeutic Massage", "Clinical Massage").
var phraseSynonyms = []struct{ from, to []string }{
	{[]string{"physicians", "therapy"}, []string{"physical", "therapy"}},
	{[]string{"physicians", "medicine"}, []string{"physical", "medicine"}},
	{[]string{"medical", "massage"}, []string{"massage"}},
	{[]string{"therapeutic", "massage"}, []string{"massage"}},
	{[]string{"clinical", "massage"}, []string{"massage"}},
	// An ambulance service is printed "EMS" as often as spelled out.
	{[]string{"emergency", "medical", "services"}, []string{"ems"}},
}

// equivalentTokens are canonical words two names may use for the same
// thing ("Sports Med" and "Sports Medicine": med is "medical"); they count
// as shared when comparing names, without changing either name's key.
var equivalentTokens = map[string]string{
	"medical": "medic", "medicine": "medic", "surgery": "surg", "surgical": "surg", "surgeons": "surg",
	"physicians": "physician", "physician": "physician", "associates": "assoc", "associate": "assoc",
	"radiology": "radiolog", "radiologic": "radiolog", "radiological": "radiolog",
	"chiropractic": "chiro", "chiropractors": "chiro", "chiropractor": "chiro",
	"diagnostic": "diagnostic", "diagnostics": "diagnostic",
	// "Psych" is how billing systems and headers shorten a psychology
	// practice's name; psychiatry is another specialty and stays apart.
	"psych": "psycholog", "psychology": "psycholog", "psychological": "psycholog", "psychologists": "psycholog",
	"psychologist": "psycholog",
	// "Metro Co. EMS" is the county's service.
	"co": "county", "county": "county",
	// A pharmacy prints itself a drug store or "Rx" as often ("CarePlus
	// Drug", "Greenleaf Rx").
	"pharmacy": "pharm", "drug": "pharm", "drugs": "pharm", "rx": "pharm",
}

// legalSuffixes are dropped from the end of a provider name, and so is
// "store" ("CarePlus Drug Store" is CarePlus Drug).
var legalSuffixes = map[string]bool{
	"llc": true, "pllc": true, "pc": true, "pa": true, "inc": true, "ltd": true,
	"corp": true, "lp": true, "llp": true, "plc": true, "sc": true, "store": true,
}

// NormalizeProvider returns the comparison key of a printed provider name:
// lower case, punctuation and possessives removed ("Mary's" = "Marys"),
// abbreviations expanded ("St."/"St" = "Saint", "Ctr"/"Cntr" = "Center",
// "Med" = "Medical", "Hosp", "Dept", "Assoc", "PT" = "Physical Therapy",
// "Ortho"/"Orthopaedic(s)" = "Orthopedics", "&" = "and"), "and", "the" and
// trailing legal suffixes (LLC, PC, PA, Inc) dropped, accents removed
// ("Pinecrést" = "Pinecrest"), "Emergency Medical Services" read as
// "EMS". Names that normalise to nothing have the key
// "unknown".
func NormalizeProvider(name string) string {
	toks := providerTokens(name)
	if len(toks) == 0 {
		return "unknown"
	}
	return strings.Join(toks, " ")
}

func providerTokens(name string) []string {
	var b strings.Builder
	for _, r := range textutil.Fold(name) { // accents off: OCR puts them on a fax's letters
		switch {
		case r == '\'' || r == '\u2019' || r == '\u2018' || r == '`':
			// possessive: "mary's" → "marys"
		case r == '&':
			b.WriteString(" and ")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	raw := strings.Fields(b.String())
	// Join runs of single letters: "p c" (from "P.C.") → "pc".
	var joined []string
	for i := 0; i < len(raw); i++ {
		if len(raw[i]) == 1 && i+1 < len(raw) && len(raw[i+1]) == 1 {
			j := i
			var s string
			for ; j < len(raw) && len(raw[j]) == 1; j++ {
				s += raw[j]
			}
			joined = append(joined, s)
			i = j - 1
			continue
		}
		joined = append(joined, raw[i])
	}
	var toks []string
	for _, t := range joined {
		if s, ok := tokenSynonyms[t]; ok {
			t = s
		}
		for _, w := range strings.Fields(t) {
			if w == "and" || w == "the" {
				continue
			}
			toks = append(toks, w)
		}
	}
	for _, ph := range phraseSynonyms {
		for i := 0; i+len(ph.from) <= len(toks); i++ {
			if slices.Equal(toks[i:i+len(ph.from)], ph.from) {
				toks = slices.Concat(toks[:i], ph.to, toks[i+len(ph.from):])
			}
		}
	}
	for len(toks) > 1 && legalSuffixes[toks[len(toks)-1]] {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// departmentSuffixes are trailing department names that, when the rest of
// the key is itself a known provider, make the name a part of that facility.
var departmentSuffixes = [][]string{
	{"department", "of", "emergency", "medicine"}, {"department", "of", "radiology"},
	{"emergency", "department", "services"}, {"emergency", "services"},
	{"radiology", "services"}, {"imaging", "services"}, {"billing", "services"}, {"billing", "office"},
	{"patient", "financial", "services"}, {"diagnostic", "imaging"},
	{"emergency", "department"}, {"emergency", "room"}, {"emergency", "medicine"},
	{"radiology", "department"}, {"imaging", "department"}, {"billing", "department"},
	{"health", "information", "management"}, {"medical", "records"}, {"business", "office"},
	{"patient", "accounts"}, {"emergency"}, {"er"}, {"ed"}, {"radiology"}, {"imaging"},
	{"billing"}, {"laboratory"}, {"lab"}, {"department"},
}

// parentKey strips trailing department names from key while the remainder
// is not in known, and returns the first remainder that is known, or
// similar (similarKeys) to a known key: "Mercy Gen Hosp – Emergency
// Services" is a department of "Mercy General Hospital".
func parentKey(key string, known map[string]bool) (string, bool) {
	toks := strings.Fields(key)
	for {
		stripped := false
		for _, suf := range departmentSuffixes {
			if len(toks) > len(suf) && slices.Equal(toks[len(toks)-len(suf):], suf) {
				toks = toks[:len(toks)-len(suf)]
				stripped = true
				break
			}
		}
		if !stripped {
			return "", false
		}
		p := strings.Join(toks, " ")
		if known[p] {
			return p, true
		}
		var similar []string
		for k := range known {
			if k != key && !isUnknownKey(k) && !isDepartment(k) && similarKeys(p, k) {
				similar = append(similar, k)
			}
		}
		if len(similar) > 0 {
			slices.Sort(similar)
			return similar[0], true
		}
	}
}

// departmentKinds name what a department suffix is, so that two names of
// one department ("ER", "Emergency Services") are known as one.
var departmentKinds = map[string]string{
	"department of emergency medicine": "emergency", "emergency department services": "emergency",
	"emergency services": "emergency", "emergency department": "emergency",
	"emergency room": "emergency", "emergency medicine": "emergency", "emergency": "emergency", "er": "emergency", "ed": "emergency",
	"department of radiology": "radiology", "radiology services": "radiology", "imaging services": "radiology",
	"diagnostic imaging": "radiology", "radiology department": "radiology", "imaging department": "radiology",
	"radiology": "radiology", "imaging": "radiology",
	"billing services": "billing", "billing office": "billing", "patient financial services": "billing",
	"billing department": "billing", "business office": "billing", "patient accounts": "billing", "billing": "billing",
	"health information management": "records", "medical records": "records",
	"laboratory": "laboratory", "lab": "laboratory",
}

// departmentOf splits a key into the facility before its department name
// and the kind of that department ("bayview general hospital er" and
// "bayview general hospital emergency services" are both the emergency
// department of "bayview general hospital"). ok is false when key ends in
// no department name of a known kind, or less than two words remain.
func departmentOf(key string) (base, kind string, ok bool) {
	toks := strings.Fields(key)
	for _, suf := range departmentSuffixes {
		if len(toks) > len(suf)+1 && slices.Equal(toks[len(toks)-len(suf):], suf) {
			kind = departmentKinds[strings.Join(suf, " ")]
			if kind == "" {
				return "", "", false
			}
			return strings.Join(toks[:len(toks)-len(suf)], " "), kind, true
		}
	}
	return "", "", false
}

// isDepartment reports whether a key ends in a department name.
func isDepartment(key string) bool {
	toks := strings.Fields(key)
	for _, suf := range departmentSuffixes {
		if len(toks) > len(suf) && slices.Equal(toks[len(toks)-len(suf):], suf) {
			return true
		}
	}
	return false
}

// genericTokens carry no identity of their own: two keys that differ only
// in such words may be the same provider.
var genericTokens = map[string]bool{
	"medical": true, "center": true, "hospital": true, "clinic": true, "health": true,
	"healthcare": true, "regional": true, "group": true, "associates": true, "services": true,
	"department": true, "of": true, "care": true, "system": true, "community": true,
	"general": true, "practice": true, "office": true, "offices": true, "center's": true,
	"rehabilitation": true, "wellness": true, "clinical": true,
}

// FuzzyProviderThreshold is the soft token-set (Jaccard) similarity at or
// above which two provider keys are merged, provided the words they do not
// share are all generic (medical, center, regional …). Words within one edit
// of each other (five letters or more) count as shared, to absorb OCR slips,
// and so do equivalent words (medical and medicine).
//
// A name of two words or more, not all generic, whose words are all found
// in a longer name is that practice printed short ("Westbrook Int Med" for
// "Westbrook Family & Internal Medicine", "Mercy Hospital" for "Mercy
// General Hospital") and is merged whatever the similarity, unless the
// longer name adds a word that makes it another organisation or service
// line ("Mercy Hospital Emergency Physicians", "Valley Orthopedics
// Physical Therapy"): see separateWords.
const FuzzyProviderThreshold = 0.75

// separateWords, added to a practice's name, name another organisation or
// service line: a physician group, an imaging centre, a therapy clinic.
var separateWords = map[string]bool{
	"physicians": true, "physician": true, "anesthesia": true, "anesthesiology": true, "pathology": true,
	"ambulance": true, "ems": true, "pharmacy": true, "laboratory": true, "lab": true, "labs": true,
	"psychology": true, "counseling": true, "physical": true, "therapy": true, "chiropractic": true,
	"radiology": true, "imaging": true, "mri": true, "urgent": true, "dental": true, "dentistry": true,
	"ambulatory": true, "asc": true, "rehabilitation": true, "occupational": true, "hospice": true,
}

// similarKeys reports whether keys a and b name the same provider.
func similarKeys(a, b string) bool {
	ta, tb := strings.Fields(a), strings.Fields(b)
	if initialsAfterOtherName(ta, tb) || initialsAfterOtherName(tb, ta) {
		return false
	}
	ta, tb = expandInitials(ta, tb), expandInitials(tb, ta)
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	used := make([]bool, len(tb))
	matched := 0
	var extraShort []string
	for _, x := range ta {
		found := false
		for j, y := range tb {
			if !used[j] && tokensMatch(x, y) {
				used[j], found = true, true
				matched++
				break
			}
		}
		if !found {
			extraShort = append(extraShort, x)
		}
	}
	var extraLong []string
	for j, y := range tb {
		if !used[j] {
			extraLong = append(extraLong, y)
		}
	}
	if len(extraShort) == 0 && len(ta) >= 2 && distinctive(ta) > 0 &&
		!slices.ContainsFunc(extraLong, func(w string) bool { return separateWords[w] }) {
		return true
	}
	for _, w := range append(extraShort, extraLong...) {
		if !genericTokens[w] {
			return false
		}
	}
	union := len(ta) + len(tb) - matched
	return union > 0 && float64(matched)/float64(union) >= FuzzyProviderThreshold
}

// expandInitials returns ta with each word that is the initials of a run of
// words of tb, and no word of tb itself, replaced by that run: a practice
// prints its initials as often as its name ("IRP Group" for "Independent
// Review Physicians Group", "Eastpoint ASC" for "Eastpoint Ambulatory
// Surgical Center"). A name of initials alone is left as it is.
func expandInitials(ta, tb []string) []string {
	if len(ta) < 2 {
		return ta // initials alone say too little
	}
	var out []string
	for i, x := range ta {
		run := initialsRun(x, tb)
		if run == nil {
			if out != nil {
				out = append(out, x)
			}
			continue
		}
		if out == nil {
			out = append(out, ta[:i]...)
		}
		out = append(out, run...)
	}
	if out == nil {
		return ta
	}
	return out
}

// initialsAfterOtherName reports whether a word of ta that is the
// initials of words of tb (expandInitials) comes after a name tb does not
// print: a name opens with the practice's own name or its initials
// ("Eastpoint ASC", "VNV Home Care"), and "LAKESHORE ORAL AND
// MAXILLOFACIAL SURGERY, P. Cc." is no "Cornerstone Chiropractic" for the
// legal suffix OCR read as its initials.
func initialsAfterOtherName(ta, tb []string) bool {
	if len(ta) < 2 {
		return false
	}
	for i, x := range ta {
		if initialsRun(x, tb) == nil {
			continue
		}
		for _, w := range ta[:i] {
			if !genericTokens[w] && !smallWords[w] && !slices.ContainsFunc(tb, func(y string) bool { return tokensMatch(w, y) }) {
				return true
			}
		}
		return false
	}
	return false
}

// initialsRun returns the run of words of tb whose initials are x (two to
// five letters, no word of tb), or nil. The small words inside the run
// have no initial ("VNV" for "Visiting Nurses of the Valley", "HSS" for
// "Hospital for Special Surgery").
func initialsRun(x string, tb []string) []string {
	if len(x) < 2 || len(x) > 5 || slices.Contains(tb, x) || strings.IndexFunc(x, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return nil
	}
	for i := range tb {
		j, k := i, 0
		for j < len(tb) && k < len(x) {
			switch {
			case tb[j] != "" && tb[j][0] == x[k]:
				k++
			case k > 0 && smallWords[tb[j]]:
			default:
				j = len(tb) // no run from i
				continue
			}
			j++
		}
		if k == len(x) {
			return tb[i:j]
		}
	}
	return nil
}

// smallWords are the words of a name its initials leave out.
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "at": true, "on": true, "in": true}

// distinctive counts the words of a name that are not generic.
func distinctive(toks []string) int {
	n := 0
	for _, t := range toks {
		if !genericTokens[t] {
			n++
		}
	}
	return n
}

func tokensMatch(x, y string) bool {
	if x == y {
		return true
	}
	if ex, ok := equivalentTokens[x]; ok && ex == equivalentTokens[y] {
		return true
	}
	if len(x) < 5 || len(y) < 5 || hasDigit(x) || hasDigit(y) {
		return false
	}
	// OCR reads "rn" as "m" ("Comerstone"): one misreading, not two.
	x, y = strings.ReplaceAll(x, "rn", "m"), strings.ReplaceAll(y, "rn", "m")
	return textutil.EditDistance([]rune(x), []rune(y)) <= 1
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// upperWords stay upper case when an all-caps name is re-cased.
var upperWords = map[string]bool{
	"LLC": true, "PLLC": true, "PC": true, "PA": true, "MD": true, "DO": true, "DC": true,
	"PT": true, "ER": true, "ED": true, "MRI": true, "CT": true, "II": true, "III": true,
	"IV": true, "USA": true, "US": true, "ENT": true, "ICU": true, "UCLA": true, "NYU": true,
}

var lowerWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "at": true, "in": true}

// niceCase title-cases a name printed in capitals ("ST MARY'S REG MED CTR"
// → "St Mary's Reg Med Ctr"); other names are returned unchanged.
func niceCase(name string) string {
	if strings.IndexFunc(name, unicode.IsLower) >= 0 || strings.IndexFunc(name, unicode.IsUpper) < 0 {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		bare := strings.Trim(w, ".,;:()")
		if upperWords[bare] {
			continue
		}
		lw := strings.ToLower(w)
		if i > 0 && lowerWords[lw] {
			words[i] = lw
			continue
		}
		rs := []rune(lw)
		for k := range rs {
			// capitalise the first letter and any letter after '-', '.', '/'
			if unicode.IsLetter(rs[k]) && (k == 0 || strings.ContainsRune("-./(", rs[k-1])) {
				rs[k] = unicode.ToUpper(rs[k])
			}
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}
