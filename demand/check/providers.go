package check

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/lazyre"
)

// facilityWords make a run of capitalised words read as a practice or
// facility name; genericWords (which include them) say nothing about which
// one. A candidate is checked only when it has a facility word and a word
// that is not generic.
var facilityWords = set("hospital", "hosp", "center", "centre", "ctr", "clinic", "clinics", "therapy", "chiropractic",
	"chiro", "orthopedics", "orthopaedics", "orthopedic", "orthopaedic", "ortho", "imaging", "radiology", "urgent",
	"health", "healthcare", "medicine", "rehab", "rehabilitation", "surgery", "neurology", "pharmacy", "ambulance",
	"ems", "physicians", "specialists", "mgmt", "management", "wellness", "diagnostics", "medical", "med")

var genericWords = union(facilityWords, set("the", "of", "and", "for", "general", "regional", "memorial",
	"community", "family", "internal", "physical", "occupational", "emergency", "department", "dept", "care",
	"saint", "st", "pain", "spine", "sports", "services", "service", "er", "ed", "unit", "university", "county",
	"city", "north", "south", "east", "west", "mri", "ct", "pt", "primary", "office", "system", "associates", "assoc",
	"group", "institute", "inst", "partners", "practice", "llc", "pllc", "pc", "inc"))

var connectors = set("of", "and", "&", "for", "the")

// clinicianRE finds a clinician: "Dr. First Last" or "First Last, MD".
var clinicianRE = lazyre.New(`\bDr\.?\s+((?:[A-Z][A-Za-z'’-]+\s+)?(?:[A-Z]\.\s+)?[A-Z][A-Za-z'’-]+)` +
	`|\b((?:[A-Z][A-Za-z'’-]+\s+){1,2}(?:[A-Z]\.\s+)?[A-Z][A-Za-z'’-]+),\s+(?:M\.?D|D\.?O|D\.?C|DPT|PT|PA-C|PA|NP|FNP|APRN|RN|OT|CRNA|DDS|PhD|PsyD)\b`)

// providerFindings finds the providers named in body (whose offset in the
// checked text is off): known names, practice-like names and clinicians.
// It returns the findings, the ids of the known providers named, and the
// ids of the providers whose entries name the clinicians named.
func (k *Checker) providerFindings(body string, off int) ([]Finding, []string, []string) {
	var out []Finding
	var ids, clin []string
	taken := make([]bool, len(body))
	mark := func(a, b int) {
		for i := a; i < b; i++ {
			taken[i] = true
		}
	}
	// Known printed names, longest first.
	names := slices.Clone(k.names)
	slices.SortStableFunc(names, func(a, b providerName) int { return len(b.name) - len(a.name) })
	lower := strings.ToLower(body)
	for _, n := range k.opt.Names {
		ln := strings.ToLower(strings.Join(strings.Fields(n), " "))
		for from := 0; len(ln) >= 2; {
			i := strings.Index(lower[from:], ln)
			if i < 0 {
				break
			}
			a, b := from+i, from+i+len(ln)
			from = b
			if boundary(body, a, b) {
				mark(a, b)
			}
		}
	}
	for _, n := range names {
		ln := strings.ToLower(strings.Join(strings.Fields(n.name), " "))
		if len(ln) < 3 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(lower[from:], ln)
			if i < 0 {
				break
			}
			a, b := from+i, from+i+len(ln)
			from = b
			if taken[a] || !boundary(body, a, b) {
				continue
			}
			mark(a, b)
			out = append(out, Finding{Kind: KindProvider, Text: body[a:b], Start: off + a, End: off + b, OK: true,
				Basis: "provider " + k.name(n.id, n.name)})
			if !slices.Contains(ids, n.id) {
				ids = append(ids, n.id)
			}
		}
	}
	for _, m := range clinicianRE.FindAllStringSubmatchIndex(body, -1) {
		if taken[m[0]] {
			continue
		}
		g := 2
		if m[2] < 0 {
			g = 4
		}
		f := Finding{Kind: KindProvider, Text: body[m[0]:m[1]], Start: off + m[0], End: off + m[1]}
		var provs []string
		f.OK, f.Basis, f.Reason, provs = k.clinician(body[m[g]:m[g+1]])
		for _, p := range provs {
			if !slices.Contains(clin, p) {
				clin = append(clin, p)
			}
		}
		mark(m[0], m[1])
		out = append(out, f)
	}
	for _, r := range nameRuns(body, taken) {
		f, id := k.candidate(body, r, off)
		if f.Kind == "" {
			continue
		}
		out = append(out, f)
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return out, ids, clin
}

// boundary reports whether body[a:b] is a whole-word span.
func boundary(body string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(body[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(body) {
		r, _ := utf8.DecodeRuneInString(body[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// clinician checks a clinician's name (by surname) against the entries'
// clinicians, and returns the providers of the entries naming them.
func (k *Checker) clinician(name string) (ok bool, basis, reason string, providers []string) {
	fs := strings.Fields(strings.ToLower(name))
	last := strings.Trim(fs[len(fs)-1], ".,")
	for _, e := range k.all {
		for _, w := range strings.FieldsFunc(strings.ToLower(e.Clinician), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' }) {
			if w == last {
				if basis == "" {
					basis = "clinician of entry " + e.ID
				}
				if !slices.Contains(providers, e.ProviderID) {
					providers = append(providers, e.ProviderID)
				}
			}
		}
	}
	if basis != "" {
		return true, basis, "", providers
	}
	for _, n := range k.names {
		if slices.Contains(n.key, last) {
			return true, "provider " + k.name(n.id, n.name), "", []string{n.id}
		}
	}
	return false, "", "no entry names a clinician " + name, nil
}

// word is one token of a name run.
type word struct {
	a, b  int
	lower string
}

// nameRuns returns the runs of capitalised words (joined by connectors)
// of body that hold a facility word and are not already taken.
func nameRuns(body string, taken []bool) [][]word {
	var runs [][]word
	var cur []word
	flush := func() {
		for len(cur) > 0 && connectors[cur[len(cur)-1].lower] {
			cur = cur[:len(cur)-1]
		}
		for len(cur) > 0 && connectors[cur[0].lower] {
			cur = cur[1:]
		}
		has := false
		for _, w := range cur {
			has = has || facilityWords[w.lower]
		}
		if has {
			runs = append(runs, cur)
		}
		cur = nil
	}
	i := 0
	for i < len(body) {
		r, n := utf8.DecodeRuneInString(body[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&') {
			if r != ' ' {
				flush()
			}
			i += n
			continue
		}
		a := i
		for i < len(body) {
			r, n := utf8.DecodeRuneInString(body[i:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '\'' || r == '’' || r == '-') {
				break
			}
			i += n
		}
		w := word{a: a, b: i, lower: strings.ToLower(body[a:i])}
		first, _ := utf8.DecodeRuneInString(body[a:])
		switch {
		case taken[a]:
			flush()
		case unicode.IsUpper(first) || (len(cur) > 0 && (unicode.IsDigit(first) || connectors[w.lower])):
			cur = append(cur, w)
		default:
			flush()
		}
		if i < len(body) && body[i] == '.' {
			if !abbreviations[w.lower] {
				flush()
			}
			i++
		}
	}
	flush()
	return runs
}

// candidate checks one name run: it names a known provider when the
// distinctive words of the run, or of the run without its first words,
// are all words of one provider's name or alias.
func (k *Checker) candidate(body string, run []word, off int) (Finding, string) {
	for s := 0; s < len(run); s++ {
		part := run[s:]
		text := body[part[0].a:part[len(part)-1].b]
		key := strings.Fields(chronology.NormalizeProvider(text))
		var distinct []string
		for _, t := range key {
			if !genericWords[t] {
				distinct = append(distinct, t)
			}
		}
		if len(distinct) == 0 {
			if s == 0 {
				return Finding{}, "" // a generic name ("the Emergency Department")
			}
			break
		}
		for _, n := range k.names {
			if subset(distinct, n.key) {
				return Finding{Kind: KindProvider, Text: text, Start: off + part[0].a, End: off + part[len(part)-1].b, OK: true,
					Basis: "provider " + k.name(n.id, n.name)}, n.id
			}
		}
	}
	text := body[run[0].a:run[len(run)-1].b]
	if strings.ToUpper(text) == text {
		// Capitals are record headings and procedure names quoted from a
		// page ("MANUAL THERAPY 15 MIN"), not names the letter gives.
		return Finding{}, ""
	}
	return Finding{Kind: KindProvider, Text: text, Start: off + run[0].a, End: off + run[len(run)-1].b,
		Reason: "“" + text + "” is not a provider, alias or printed name of the chronology"}, ""
}

// wholeName checks a citation's provider part that holds no facility word.
func (k *Checker) wholeName(name string, off int) Finding {
	key := chronology.NormalizeProvider(name)
	f := Finding{Kind: KindProvider, Text: name, Start: off, End: off + len(name)}
	for _, n := range k.names {
		if strings.Join(n.key, " ") == key {
			f.OK, f.Basis = true, "provider "+k.name(n.id, n.name)
			return f
		}
	}
	f.Reason = "the citation names “" + name + "”, not a provider of the chronology"
	return f
}

func subset(xs, of []string) bool {
	for _, x := range xs {
		if !slices.Contains(of, x) {
			return false
		}
	}
	return true
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func union(a, b map[string]bool) map[string]bool {
	m := make(map[string]bool, len(a)+len(b))
	for w := range a {
		m[w] = true
	}
	for w := range b {
		m[w] = true
	}
	return m
}
