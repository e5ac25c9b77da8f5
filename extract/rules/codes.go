package rules

import (
	"sort"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

var (
	// ICD-10-CM: a letter, a digit, a digit or letter, then optionally a dot
	// and up to four characters. Undotted forms are accepted in context.
	reICD       = lazyre.New(`\b([A-TV-Z][0-9][0-9AB])(?:(\.)([0-9A-Z]{1,4})|([0-9A-Z]{1,4}))?\b`)
	reICDDollar = lazyre.New(`\$([0-9]{2}\.[0-9A-Z]{1,4})\b`)
	reICDU      = lazyre.New(`\bU0[79]\.?[0-9]\b`)
	reDxContext = rxfilter.MustCompile(`(?i)\b(icd|dx|diagnos[ie]s|assessment|impression|problem)\b`)
	reCPT       = lazyre.New(`\b([0-9]{4}[0-9T])(?:-?([0-9A-Z]{2}))?\b`)
	reHCPCS     = lazyre.New(`\b([A-V][0-9]{4})\b`)
	reCPTCtx    = rxfilter.MustCompile(`(?i)\b(cpt|hcpcs|procedure code|proc code|code)\b`)
	reSpineLvl  = lazyre.New(`^[CTLS][0-9]{1,2}$`)
	reLeadNum   = lazyre.New(`^\s*(?:\(?[0-9]{1,2}[.)]|[-•*·]|[a-z][.)])\s*`)
	// reProcLabelBefore is the text before a code that a procedure
	// code's label ends: "HCPCS ", "CPT code: ", "Proc #".
	reProcLabelBefore = lazyre.New(`(?i)\b(?:hcpcs|cpt|cpt\s*/\s*hcpcs|proc(?:edure)?)(?:\s*codes?)?\s*[:#]?\s*$`)
	reCodeJunk        = lazyre.New(`^[\s\-–:;,|)\[\]=]+|[\s\-–:;,|(\[\]=]+$`)
)

// icdIn returns the ICD-10-CM codes printed on line l with their byte
// ranges, normalised to the dotted form. Undotted codes count only in a
// diagnosis context; codes in addresses and phone lines never count.
func icdIn(l line, dxCtx bool, book CodeBook) []codeHit {
	return icdInNote(l, dxCtx, false, book)
}

// icdInNote is icdIn for a line of a note that prints other codes (coded):
// there a damaged code may also stand where the list prints its codes.
func icdInNote(l line, dxCtx, coded bool, book CodeBook) []codeHit {
	ctx := dxCtx || reDxContext.MatchString(l.text)
	listed := l.listItem && coded
	if !codeShaped(l.text) && !ctx && !listed || layout.LooksAddress(l.text) && !dxCtx {
		return nil
	}
	raw := l.text
	l.text = repairCodes(l.text)
	if ctx && strings.Contains(l.text, "2") {
		l.text = reZAsTwo.ReplaceAllString(l.text, "Z$1")
	}
	procs := procedureLine(l.text)
	var out []codeHit
	for _, m := range reICD.FindAllStringSubmatchIndex(l.text, -1) {
		cat := l.text[m[2]:m[3]]
		var code string
		switch {
		case m[4] >= 0:
			code = cat + "." + zeroNotO(l.text[m[6]:m[7]])
		case procs:
			// "G0283" on a line labelled CPT is a HCPCS code.
			continue
		case m[8] >= 0:
			// An undotted code after a procedure code's label is that
			// procedure: a device's HCPCS code ("HCPCS L3960", an
			// orthosis, not L39.60), even in a diagnosis context.
			if !ctx || reProcLabelBefore.MatchString(l.text[:m[0]]) || formItem(l, m[0], m[1]) {
				continue
			}
			code = cat + "." + zeroNotO(l.text[m[8]:m[9]])
		default:
			if !ctx && !(coded && (closesDescription(l.text, m[0], m[1]) || opensDescription(l.text, m[0], m[1]))) || reSpineLvl.MatchString(cat) {
				continue
			}
			code = cat
		}
		if reSpineLvl.MatchString(cat[:2]) && m[4] < 0 && m[8] < 0 {
			continue
		}
		// A code glued to a dash and digits is a phone or an id; to a
		// colon and digits, a code whose point OCR read as a colon
		// ("H81:399", read below as a damaged code).
		if m[1] < len(l.text) && (l.text[m[1]] == '-' || l.text[m[1]] == '/' || l.text[m[1]] == ':') && m[1]+1 < len(l.text) && isDigitByte(l.text[m[1]+1]) {
			continue
		}
		if m[0] > 0 && (l.text[m[0]-1] == '#' || l.text[m[0]-1] == '-') {
			continue
		}
		// A category glued to a comma, a point and digits is a code whose
		// point OCR read with a comma before or after it ("M54,.2",
		// "V43.,52XA"), read below.
		if m[4] < 0 && m[8] < 0 && (strings.HasPrefix(l.text[m[1]:], ",.") || strings.HasPrefix(l.text[m[1]:], ".,") && m[1]+3 < len(l.text) && isAlnumByte(l.text[m[1]+3])) &&
			m[1]+2 < len(l.text) && isDigitByte(l.text[m[1]+2]) {
			continue
		}
		desc := ""
		if book != nil {
			d, ok := book.Lookup(code)
			if !ok {
				continue
			}
			desc = d
		}
		out = append(out, codeHit{code: code, start: m[0], end: m[1], desc: desc})
	}
	// OCR reads S as $ in codes: $13.4XXD.
	for _, m := range reICDDollar.FindAllStringSubmatchIndex(l.text, -1) {
		code := "S" + l.text[m[2]:m[2]+3] + zeroNotO(l.text[m[2]+3:m[3]])
		if !layout.HasLetters(code[4:]) {
			continue // "$93.00" is money: S codes print a seventh character
		}
		if book != nil {
			if _, ok := book.Lookup(code); !ok {
				continue
			}
		}
		out = append(out, codeHit{code: code, start: m[0], end: m[1]})
	}
	for _, m := range reICDU.FindAllStringIndex(l.text, -1) {
		code := strings.Replace(l.text[m[0]:m[1]], ".", "", 1)
		code = code[:3] + "." + code[3:]
		if book != nil {
			if _, ok := book.Lookup(code); !ok {
				continue
			}
		}
		out = append(out, codeHit{code: code, start: m[0], end: m[1]})
	}
	taken := func(a, b int) bool {
		for _, h := range out {
			if a < h.end && h.start < b {
				return true
			}
		}
		return false
	}
	// An item of a list of codes one a line is a diagnosis context of
	// its own, whatever heading the list stands under.
	out = append(out, ocrCodesIn(raw, ctx || listed, coded, listed, book, taken)...)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// reItemLabel follows a form's item number: its label, ending in a colon
// ("(M1021) Primary Diagnosis:", "M0080 Discipline of Person Completing
// Assessment:").
var reItemLabel = lazyre.New(`^\)?\s*[A-Za-z][^:]{1,80}:`)

// reItemLines are the lines of a page that open with an item number, a
// letter and four digits, and the item's label.
var reItemLines = lazyre.New(`(?m)^[ \t]*\(?[A-Z][0-9]{4}\)?[ \t]+[A-Za-z][^:\n]{1,80}:`)

// formItem reports whether the code shape text[a:b] opening line l is a
// form's item number before the item's label, no diagnosis: an OASIS
// assessment's "(M0080) Discipline of Person Completing Assessment:". In
// parentheses it is one; bare, only a letter and four digits on a page
// that numbers five items so at least (a list of diagnoses labels none).
func formItem(l line, a, b int) bool {
	pre := strings.TrimSpace(l.text[:a])
	paren := pre == "(" || pre == "{" || pre == "[" // (OCR may read the parenthesis as a brace)
	if !paren && pre != "" || !reItemLabel.MatchString(l.text[b:]) {
		return false
	}
	if paren {
		return strings.HasPrefix(l.text[b:], ")")
	}
	return b-a == 5 && strings.Trim(l.text[a+1:b], "0123456789") == "" && len(reItemLines.FindAllStringIndex(l.ptext, 5)) >= 5
}

// reCodesLabel is the label of a line of procedure codes, in its first
// cell: "CPT", "HCPCS", "CPT/HCPCS", "Procedure codes", "Codes posted".
var reCodesLabel = lazyre.New(`(?i)^(?:cpt|hcpcs|cpt\s*/\s*hcpcs|cpt codes?|hcpcs codes?|procedure codes?|proc(?:\.|edure)?\s*codes?|billing codes?|codes? (?:posted|billed)|charges? posted)\s*[:#]?$`)

// procedureLine reports whether a line is labelled as one of procedure
// codes, its label alone in its first cell or before a colon: its codes
// without a point are procedures (HCPCS "G0283"), no diagnoses.
func procedureLine(text string) bool {
	c := layout.FirstCell(text)
	if i := strings.IndexByte(c, ':'); i >= 0 {
		c = c[:i]
	}
	return reCodesLabel.MatchString(strings.TrimSpace(c))
}

var (
	reCodeComma = lazyre.New(`\b([A-TV-Z][0-9]{2}),([0-9][0-9A-Z]{0,3})\b`)
	reCodeSpace = rxfilter.MustCompile(`\b([A-TV-Z][0-9]{2})\. ([0-9][0-9A-Z]{0,3})\b`)
	// A code with its point, then an underscore.
	reCodeUnderscore = lazyre.New(`\b([A-TV-Z][0-9][0-9AB]\.[0-9A-Z]{1,4})_`)
)

// reZAsTwo is a Z code whose Z OCR read as a 2 ("279.891" for Z79.891):
// three characters or more after the point, as no ICD-9 code prints, and
// a digit first, as no ICD-10 code does. Read so only under a diagnosis
// label.
var reZAsTwo = lazyre.New(`\b2([0-9]{2}\.[0-9][0-9A-Z]{2,3})\b`)

// zeroNotO reads the letter O after a code's point as the zero OCR took
// it for: no ICD-10-CM code prints an O after its first character
// ("S06.OX0A" is S06.0X0A).
func zeroNotO(ext string) string { return strings.ReplaceAll(ext, "O", "0") }

// repairCodes undoes OCR's damage to the point of a code, keeping the
// line's length (positions stay valid): "M54,2" → "M54.2", "M50. 220" →
// "M50.220 ", and an underscore OCR glued after a code ("S13.4XXD_"),
// which would hold it to the next word, is a space.
func repairCodes(s string) string {
	if strings.Contains(s, "_") {
		s = reCodeUnderscore.ReplaceAllString(s, "$1 ")
	}
	if !strings.ContainsAny(s, ", ") {
		return s
	}
	s = reCodeComma.ReplaceAllString(s, "$1.$2")
	return reCodeSpace.ReplaceAllString(s, "$1.$2 ")
}

// codeShaped reports whether s has a capital letter (or $) followed by a
// digit, as every ICD-10-CM code does.
// closesDescription reports whether the code at text[a:b] stands alone in
// parentheses after words at the end of its column, as a note that
// prints codes closes a diagnosis with its code ("Essential (primary)
// hypertension (I10)"): a code of three characters, no dot, is read there
// out of an assessment as it is in one. A name in parentheses that more
// text follows ("cyanocobalamin (B12) 1000 mcg") is none.
func closesDescription(text string, a, b int) bool {
	if a < 2 || b >= len(text) || text[a-1] != '(' || text[b] != ')' {
		return false
	}
	pre := strings.TrimRight(text[:a-1], " ")
	after := text[b+1:]
	return pre != "" && isLetterByte(pre[len(pre)-1]) &&
		(strings.TrimSpace(after) == "" || strings.HasPrefix(after, "   ") || strings.HasPrefix(after, ";"))
}

// reDescriptionStart is a diagnosis's description right after its code:
// a capitalised word, after a dash or not ("I10 Essential (primary)
// hypertension", "I10 - Essential hypertension").
var reDescriptionStart = lazyre.New(`^(?:\s+[-–]\s+|\s)[A-Z][a-z]{2,}`)

// opensDescription reports whether the code at text[a:b] opens a column
// and its description follows it, as a note that prints codes lists a
// diagnosis code first: read out of an assessment as it is in one.
func opensDescription(text string, a, b int) bool {
	pre := text[:a]
	return (strings.TrimSpace(pre) == "" || strings.HasSuffix(pre, "   ")) && reDescriptionStart.MatchString(text[b:])
}

func codeShaped(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] >= 'A' && s[i] <= 'Z' || s[i] == '$') && isDigitByte(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// codeHit is a code found on a line.
type codeHit struct {
	code       string
	start, end int
	desc       string // from the code book, when one is set
}

// describe returns the description printed beside a code: the rest of its
// column after the code, or the text before it when the code ends the
// column ("Low back pain (M54.5)").
func describe(l line, h codeHit) string {
	s := l.text
	colEnd := len(s)
	colStart := 0
	for _, c := range layout.Cells(s) {
		if h.start >= c.Start && h.start < c.End {
			colStart, colEnd = c.Start, c.End
		}
	}
	after := s[h.end:colEnd]
	// The next column often holds the description in a table.
	if strings.TrimSpace(reCodeJunk.ReplaceAllString(after, "")) == "" {
		for _, c := range layout.Cells(s) {
			if c.Start >= colEnd {
				after = s[c.Start:c.End]
				break
			}
		}
	}
	if h.start > colStart && h.end < len(s) && closing[s[h.start-1]] == s[h.end:h.end+1] {
		// A code in brackets after its description, in a list of
		// them ("hypertension [I10]; Hyperlipidemia, unspecified
		// [E78.5]"): its description is the one before it.
		if d, ok := listedBefore(s[colStart : h.start-1]); ok {
			return clip(d, 140)
		}
	}
	// Stop at the next code on the line.
	if m := reICD.FindStringIndex(after); m != nil && m[0] > 0 {
		after = after[:m[0]]
	}
	d := strings.TrimSpace(reCodeJunk.ReplaceAllString(after, ""))
	if len(d) < 3 || !layout.HasLetters(d) {
		d = descBefore(s[colStart:h.start])
	}
	if len(d) < 3 || reICD.MatchString(d) || reICDDollar.MatchString(d) || reDxLabelOnly.MatchString(d) {
		d = ""
	}
	return clip(d, 140)
}

// listedBefore returns the item of a list that ends text: what follows the
// last item before it (a closing bracket or parenthesis and a comma or
// semicolon) or the label that opens the list ("Dx:").
func listedBefore(text string) (string, bool) {
	from := 0
	for i := 0; i+1 < len(text); i++ {
		c, n := text[i], text[i+1]
		if (c == ')' || c == ']') && (n == ';' || n == ',') {
			from = i + 2
		} else if c == ':' && n == ' ' && from == 0 {
			from = i + 2
		}
	}
	d := descBefore(text[from:])
	if len(d) < 3 || !layout.HasLetters(d) || reICD.MatchString(d) || reDxLabelOnly.MatchString(d) {
		return "", false
	}
	return d, true
}

// descBefore reads a description printed before its code: without a list
// number, an opening parenthesis, an "ICD-10" label or the junk around
// codes.
func descBefore(text string) string {
	d := reLeadNum.ReplaceAllString(text, "")
	d = strings.TrimSuffix(strings.TrimSpace(d), "(")
	d = strings.TrimSpace(reCodeJunk.ReplaceAllString(d, ""))
	d = strings.TrimPrefix(strings.TrimPrefix(d, "ICD-10"), "ICD10")
	return strings.TrimSpace(reCodeJunk.ReplaceAllString(d, ""))
}

// procCodesIn returns CPT and HCPCS codes printed on a line in a procedure
// context.
func procCodesIn(l line, ctx bool) []codeHit {
	if !ctx && !reCPTCtx.MatchString(l.text) {
		return nil
	}
	if layout.LooksAddress(l.text) || layout.LooksPhone(l.text) {
		return nil
	}
	var out []codeHit
	for _, m := range reCPT.FindAllStringSubmatchIndex(l.text, -1) {
		if m[0] > 0 && (l.text[m[0]-1] == '$' || l.text[m[0]-1] == '.' || l.text[m[0]-1] == ',') {
			continue
		}
		if m[1] < len(l.text) && (l.text[m[1]] == '.' && m[1]+1 < len(l.text) && isDigitByte(l.text[m[1]+1]) || l.text[m[1]] == ',') {
			continue
		}
		out = append(out, codeHit{code: l.text[m[2]:m[3]], start: m[0], end: m[1]})
	}
	for _, m := range reHCPCS.FindAllStringSubmatchIndex(l.text, -1) {
		out = append(out, codeHit{code: l.text[m[2]:m[3]], start: m[0], end: m[1]})
	}
	return out
}

// dxSection reports whether line i is in an assessment, diagnosis or
// impression section.
func (n *note) dxSection(i int) bool {
	sec := n.secs[i]
	return sec == secAssessment || sec == secAssessPlan || sec == secImpression
}

// diagnoses collects coded diagnoses anywhere in the note (outside history
// sections), and uncoded ones listed in assessment sections.
func (n *note) diagnoses(book CodeBook) ([]extract.Coded, []int) {
	var out []extract.Coded
	var where []int
	seen := map[string]bool{}
	add := func(c extract.Coded, li int) {
		key := c.Code
		if key == "" {
			key = strings.ToLower(c.Description)
		}
		if seen[key] || c.Code == "" && c.Description == "" {
			return
		}
		seen[key] = true
		out = append(out, c)
		where = append(where, li)
	}
	coded := false // the note prints codes: a damaged one may open a list item
	for i, l := range n.lines {
		if n.secs[i] != secReview && !l.noise && len(icdIn(l, n.dxSection(i), book)) > 0 {
			coded = true
			break
		}
	}
	for i, l := range n.lines {
		sec := n.secs[i]
		if sec == secReview || l.noise {
			continue
		}
		if coded {
			// An item of a list of codes, one a line: a code OCR
			// damaged into a number ("110" for I10) may open it or
			// close it.
			for _, j := range []int{i - 1, i + 1} {
				if j >= 0 && j < len(n.lines) && n.secs[j] == sec && !n.lines[j].noise && opensWithCode(n.lines[j], book) {
					l.listItem = true
				}
			}
		}
		for _, h := range icdInNote(l, n.dxSection(i), coded, book) {
			d := describe(l, h)
			if h.desc != "" && d == "" {
				d = h.desc
			}
			add(extract.Coded{Code: h.code, Description: d}, i)
		}
	}
	if len(out) > 0 {
		return out, where
	}
	for _, it := range n.dxBlocks() {
		for _, d := range dxItems(it.text, it.mixed) {
			add(extract.Coded{Description: d}, it.li)
		}
		if len(out) >= 15 {
			break
		}
	}
	return out, where
}

var (
	reLeadIn      = lazyre.New(`(?i)^.*?\b(?:is presenting with|presents with|presenting with|diagnosed with|diagnosis of|consistent with|suffering from|impression is|assessment is)\s+`)
	rePlanLike    = lazyre.New(`(?i)^(plan|continue|will |we will|i will|recommend|follow|return|rtc|start|begin|prescribed|the patient was|patient was|medical reasoning|patient education|additional testing|medical treatment|discussed|counsel|order|schedule|refer|f/u|pt to|he |she |they |i |we )`)
	reDxLabelOnly = lazyre.New(`(?i)^(dx|icd-?10(?:-cm)?|diagnos[ie]s|codes?|assessment|impression)\W*$`)
	reNotDx       = lazyre.New(`(?i)\b(tolerat\w*|improv\w*|progress\w*|responded|continues|decreased|increased|goals?|session|visit|treatment|therapy|patient)\b`)
	reConj        = lazyre.New(`(?i)^(although|but|which|who|with|without|that|as|so|and|or|however)\b`)
	reNegatedDx   = lazyre.New(`(?i)^(?:no|not|denies|denied|negative|without|absent|absence|none|normal|unremarkable|ruled out|rule out|r/o)\b|\b(?:denies|denied|negative for|no evidence of|ruled out|free of)\b`)
	reSuffixes    = lazyre.New(`(?i)\s*\((?:finding|disorder|diagnosis|situation|morphologic abnormality|procedure)\)`)
)

// dxItem is one item of an assessment list: its text and first line.
type dxItem struct {
	text  string
	li    int
	mixed bool // from an assessment-and-plan section
}

// dxBlocks returns the items of the note's assessment sections: numbered
// or bulleted items (with their wrapped lines), or short unnumbered lines.
// Wrapped prose yields whole sentences, which dxItems then mostly rejects.
func (n *note) dxBlocks() []dxItem {
	var out []dxItem
	open := false // the last item may take wrapped lines
	for i, l := range n.lines {
		sec := n.secs[i]
		if sec != secAssessment && sec != secAssessPlan && !(sec == secImpression && !n.isImaging()) || l.noise {
			open = false
			continue
		}
		text := l.text
		h, _ := headingOf(l)
		if h != secNone {
			text = l.text[n.rest[i]:]
		}
		t := strings.TrimSpace(text)
		if t == "" {
			continue
		}
		lead := reLeadNum.FindString(t)
		cont := open && lead == "" && len(out) > 0 && !strings.HasSuffix(out[len(out)-1].text, ".") && t[0] >= 'a' && t[0] <= 'z'
		if cont {
			out[len(out)-1].text += " " + t
			continue
		}
		out = append(out, dxItem{text: t, li: i, mixed: sec == secAssessPlan && h == secNone})
		open = true
	}
	return out
}

// dxItems splits an assessment line into diagnosis descriptions: numbered
// or bulleted items, or the comma list after "presenting with".
func dxItems(s string, mixed bool) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if loc := reLeadIn.FindStringIndex(s); loc != nil {
		var out []string
		rest := s[loc[1]:]
		if i := strings.Index(rest, ". "); i >= 0 {
			rest = rest[:i]
		}
		for _, p := range strings.Split(strings.TrimRight(rest, ". "), ",") {
			p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "and "))
			if p != "" && len(p) < 100 && len(strings.Fields(p)) <= 10 && !reConj.MatchString(p) && !reNegatedDx.MatchString(p) {
				out = append(out, p)
			}
		}
		return out
	}
	lead := reLeadNum.FindString(s)
	s = strings.TrimSpace(s[len(lead):])
	// "Cervical strain. PT 2x/week.": the first short sentence names it.
	if i := strings.Index(s, ". "); i > 0 && len(strings.Fields(s[:i])) <= 6 {
		s = s[:i]
	}
	if c := strings.IndexByte(s, ':'); c >= 0 && c < 32 {
		return nil // "Medical Reasoning: ..." is a labelled sub-item
	}
	if mixed && lead == "" && (len(strings.Fields(s)) > 8 || s[0] < 'A' || s[0] > 'Z') {
		return nil
	}
	if s == "" || strings.Contains(s, "   ") || reNotDx.MatchString(s) || reNegatedDx.MatchString(s) || strings.HasPrefix(s, "(") || layout.LooksPhone(s) || layout.LooksAddress(s) || rePlanLike.MatchString(s) || len(strings.Fields(s)) > 12 || strings.Count(strings.TrimRight(s, "."), ". ") > 0 {
		return nil
	}
	s = strings.TrimRight(s, ". ")
	if !layout.HasLetters(s) || len(s) < 3 {
		return nil
	}
	return []string{s}
}

// normDx lower-cases a diagnosis and drops SNOMED-style suffixes, for
// comparing descriptions.
func normDx(s string) string {
	return strings.ToLower(strings.TrimSpace(reSuffixes.ReplaceAllString(s, "")))
}

// opensWithCode reports whether a line is an item of a list of codes one
// a line: it opens with a readable ICD-10-CM code ("E78.5 Hyperlipidemia,
// unspecified") or ends with one after its description ("Hyperlipidemia,
// unspecified (E78.5)").
func opensWithCode(l line, book CodeBook) bool {
	hs := icdIn(l, true, book)
	if len(hs) == 0 {
		return false
	}
	last := hs[len(hs)-1]
	return strings.TrimSpace(l.text[:hs[0].start]) == "" || strings.Trim(l.text[last.end:], " )]") == ""
}
