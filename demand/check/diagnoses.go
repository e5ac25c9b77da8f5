package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/lazyre"
)

// codeRE finds ICD-10-CM codes: dotted (S13.4XXA, M54.2) or, inside
// parentheses (I10) or after "ICD-10"/"code" (M5412), undotted.
var (
	codeRE        = lazyre.New(`\b[A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}\b`)
	codeUndotted  = lazyre.New(`\(([A-TV-Z][0-9][0-9A-Z])\)|(?i:icd-?10(?:-cm)?|code)\s*:?\s*([A-TV-Z][0-9][0-9A-Z]{1,5})\b`)
	diagnosisTerm = lazyre.New(`(?i)\b(` + strings.Join(DiagnosisTerms, "|") + `)\b`)
)

// DiagnosisTerms are the words that make a phrase a diagnosis name (as
// regular expressions, lower case). A phrase built on one — the term, the
// anatomical words before it and an "of the …" after it — must have all
// its words in one entry's diagnostic text.
var DiagnosisTerms = []string{
	`sprains?`, `strains?`, `fractures?`, `radiculopathy`, `radiculitis`, `myelopathy`, `herniations?`, `herniated`,
	`protrusions?`, `bulges?`, `bulging`, `concussions?`, `post-?concussi(?:ve|onal|on)`, `contusions?`, `cervicalgia`,
	`lumbago`, `dorsalgia`, `whiplash`, `tears?`, `stenosis`, `lacerations?`, `headaches?`, `spondylosis`,
	`sciatica`, `dislocations?`, `subluxations?`, `impingement`, `tendinitis`, `tendonitis`, `bursitis`,
	`neuropathy`, `myalgia`, `spasms?`, `derangement`, `effusion`, `hematoma`, `abrasions?`, `syndrome`,
	`disc disorder`, `brain injury`,
}

// anatomy words are kept in a diagnosis phrase; other words before the
// term (severity, certainty) are not required of the records.
var anatomy = set("cervical", "thoracic", "lumbar", "lumbosacral", "sacral", "neck", "back", "low", "lower", "upper", "mid",
	"shoulder", "knee", "hip", "wrist", "ankle", "elbow", "hand", "foot", "head", "brain", "spine", "spinal", "disc",
	"disk", "rotator", "cuff", "ligament", "ligaments", "muscle", "muscles", "right", "left", "bilateral", "meniscus",
	"meniscal", "labral", "labrum", "acl", "mcl", "rib", "ribs", "chest", "scalp", "facet", "trapezius", "paraspinal",
	"traumatic", "post-traumatic", "posttraumatic", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "t1", "t12", "l1", "l2",
	"l3", "l4", "l5", "s1", "c5-6", "c6-7", "c4-5", "l4-5", "l5-s1", "c5-c6", "c6-c7", "l4-l5", "thumb", "finger",
	"jaw", "tmj", "face", "facial", "leg", "arm", "forearm", "thigh", "calf", "buttock", "sacroiliac", "si")

// negations and hedges before a diagnostic term make it no diagnosis: "no
// fracture", "to evaluate for disc herniation".
var negations = []string{"no ", "without ", "negative for ", "ruled out ", "rule out ", "r/o ", "denies ", "not ",
	"evaluate for ", "evaluation for ", "assess for ", "concern for ", "screen for ", "to exclude "}

// diagnoses checks ICD-10 codes and diagnosis names of the sentence.
func (k *Checker) diagnoses(cx *sentenceCtx) []Finding {
	var out []Finding
	var spans [][2]int
	for _, m := range codeRE.FindAllStringIndex(cx.body, -1) {
		spans = append(spans, [2]int{m[0], m[1]})
	}
	for _, m := range codeUndotted.FindAllStringSubmatchIndex(cx.body, -1) {
		a, b := m[2], m[3]
		if a < 0 {
			a, b = m[4], m[5]
		}
		if covered(spans, a) || (b < len(cx.body) && cx.body[b] == '.') {
			continue
		}
		spans = append(spans, [2]int{a, b})
	}
	for _, sp := range spans {
		code := cx.body[sp[0]:sp[1]]
		f := Finding{Kind: KindDiagnosis, Text: code, Start: cx.start + sp[0], End: cx.start + sp[1]}
		ids := k.codes[normCode(code)]
		if k.opt.CitedOnly && len(cx.cited) > 0 {
			ids = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return !slices.Contains(cx.cited, id) })
		}
		if len(ids) > 0 {
			f.OK, f.Basis = true, "diagnosis code of entry "+ids[0]
		} else if len(k.codes[normCode(code)]) > 0 {
			f.Reason = code + " is not a diagnosis code of an entry the sentence cites"
		} else {
			f.Reason = code + " is not a diagnosis code of any entry"
			if near := k.sameCategory(code); near != "" {
				f.Reason += " (the chronology has " + near + ")"
			}
		}
		out = append(out, f)
	}
	lower := strings.ToLower(cx.body)
	for _, m := range diagnosisTerm.FindAllStringIndex(lower, -1) {
		if covered(spans, m[0]) || negated(lower, m[0]) {
			continue
		}
		a, b, words := phrase(lower, m[0], m[1])
		f := Finding{Kind: KindDiagnosis, Text: cx.body[a:b], Start: cx.start + a, End: cx.start + b}
		if id := k.supported(words, cx.cited); id != "" {
			f.OK, f.Basis = true, "diagnostic text of entry "+id
		} else {
			f.Reason = fmt.Sprintf("no entry records “%s”", cx.body[a:b])
		}
		out = append(out, f)
	}
	return out
}

func covered(spans [][2]int, i int) bool {
	for _, s := range spans {
		if i >= s[0] && i < s[1] {
			return true
		}
	}
	return false
}

func negated(lower string, at int) bool {
	from := max(0, at-30)
	pre := lower[from:at]
	if i := strings.LastIndexAny(pre, ".;:,("); i >= 0 {
		pre = pre[i+1:]
	}
	for _, n := range negations {
		if strings.Contains(" "+pre, " "+n) {
			return true
		}
	}
	return false
}

// phrase widens the term at lower[a:b] to the anatomical words before it
// and an "of (the) …" after it, and returns its span and stems.
func phrase(lower string, a, b int) (int, int, []string) {
	words := []string{lower[a:b]}
	start, end := a, b
	for i := 0; i < 3; i++ {
		w, ws := prevWord(lower, start)
		if w == "" || !anatomy[strings.Trim(w, ",")] || strings.HasSuffix(w, ",") {
			break
		}
		words = append(words, w)
		start = ws
	}
	rest := lower[b:]
	if strings.HasPrefix(rest, " of ") {
		pos := b + 4
		for _, w := range strings.Fields(lower[pos:min(len(lower), pos+40)]) {
			w2 := strings.TrimRight(w, ",.;:)")
			if w2 == "the" {
				pos += len(w) + 1
				continue
			}
			if !anatomy[w2] {
				break
			}
			words = append(words, w2)
			pos += len(w2)
			end = pos
			if w2 != w {
				break
			}
			pos++
		}
	}
	var stems []string
	for _, w := range words {
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			stems = append(stems, stem(p))
		}
	}
	return start, end, stems
}

func prevWord(s string, at int) (string, int) {
	i := at
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && s[j-1] != ' ' {
		j--
	}
	return s[j:i], j
}

// supported returns an entry whose diagnostic text holds every stem (a
// cited one under CitedOnly, when the sentence cites any).
func (k *Checker) supported(stems []string, cited []string) string {
	for _, et := range k.support {
		if k.opt.CitedOnly && len(cited) > 0 && !slices.Contains(cited, et.id) {
			continue
		}
		ok := true
		for _, s := range stems {
			if s != "post" && !et.stems[s] {
				ok = false
				break
			}
		}
		if ok {
			return et.id
		}
	}
	return ""
}

// diagnosticStems are the stems of an entry's diagnoses, assessment,
// findings, complaints and summary, leaving out negated clauses ("no
// fracture").
func diagnosticStems(e *chronology.Entry) map[string]bool {
	texts := []string{e.Assessment, e.Findings, e.Complaints, e.Summary}
	for _, d := range e.Diagnoses {
		texts = append(texts, d.Description)
	}
	m := map[string]bool{}
	for _, t := range texts {
		for _, clause := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return strings.ContainsRune(".;:,\n", r) }) {
			clause = " " + strings.TrimSpace(clause)
			for _, n := range negations {
				if i := strings.Index(clause, " "+n); i >= 0 {
					clause = clause[:i]
				}
			}
			for _, p := range strings.FieldsFunc(clause, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				m[stem(p)] = true
			}
		}
	}
	return m
}

// stem reduces a word to the first seven letters of its singular, with
// "disk" read as "disc": enough to match "herniated" with "herniation" and
// "concussion" with "post-concussional".
func stem(w string) string {
	w = strings.ToLower(w)
	if w == "disk" || w == "disks" {
		return "disc"
	}
	if strings.HasPrefix(w, "post") && len(w) > 6 {
		w = w[4:]
	}
	if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") {
		w = w[:len(w)-1]
	}
	if len(w) > 7 {
		w = w[:7]
	}
	return w
}

func normCode(c string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(c), ".", ""))
}

func (k *Checker) sameCategory(code string) string {
	n := normCode(code)
	var near []string
	for c := range k.codes {
		if len(c) >= 3 && len(n) >= 3 && c[:3] == n[:3] {
			near = append(near, c)
		}
	}
	slices.Sort(near)
	return strings.Join(near, ", ")
}
