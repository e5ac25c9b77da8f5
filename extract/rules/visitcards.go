package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
)

// Visit cards: a visit summary may print its visits as cards side by side,
// two or more to a row. A card opens with its label and its date ("Visit
// 3   12/26/2023"), and its facts (pain, treatments, the clinician's
// initials) stand in the lines below, in the card's column. Each card is
// one encounter, cited by its label and date; a line below a row of cards
// gives each card the cell in its column: by order when the line has one
// cell per card (OCR keeps the order of cells, not always their place),
// else by where the cell starts.

// cardRow is a row of visit cards and the lines below it on its page.
type cardRow struct {
	l     line
	heads []layout.CardHead
	rows  []line
}

// cardOf returns the card a cell of a line below a row of cards belongs
// to: the i-th of n cells when the line has one per card, else the last
// card that starts at or before the cell (a few bytes of shift allowed).
func cardOf(heads []layout.CardHead, i, n int, c layout.Cell) int {
	if n == len(heads) {
		return i
	}
	k := 0
	for j, h := range heads {
		if c.Start+3 >= h.Start {
			k = j
		}
	}
	return k
}

// cardVisits builds the encounters of a row of visit cards.
func (e *Extractor) cardVisits(doc string, d *layout.Doc, r cardRow, legend map[string]string, title string) []extract.Encounter {
	prov := d.ProviderAt(r.l.idx)
	texts := make([][]string, len(r.heads))
	for _, l := range r.rows {
		var cs []layout.Cell
		for _, c := range layout.Cells(l.text) {
			if t := l.text[c.Start:c.End]; layout.HasLetters(t) || strings.ContainsAny(t, "0123456789") {
				cs = append(cs, c)
			}
		}
		for i, c := range cs {
			k := cardOf(r.heads, i, len(cs), c)
			texts[k] = append(texts[k], strings.TrimSpace(l.text[c.Start:c.End]))
		}
	}
	out := make([]extract.Encounter, len(r.heads))
	for i, h := range r.heads {
		all := title + " " + strings.Join(texts[i], " ")
		kind := providerKind(prov, title, nil)
		if kind == "" || kind == "other" {
			kind = logKind(all)
		}
		enc := extract.Encounter{Date: h.Date.Date, Provider: prov, ProviderKind: kind, VisitType: visitTypeOf(kind)}
		cites := citer{doc: doc}
		cites.add(r.l, r.l.text[h.Start:h.Date.End])
		var notes []string
		for _, t := range texts[i] {
			notes = append(notes, cardFact(&enc, t, legend)...)
		}
		if len(notes) > 0 {
			enc.Findings = clip(strings.Join(notes, "; "), 300)
		}
		enc.Citations = cites.list
		out[i] = enc
	}
	return out
}

// visitTypeOf is the visit type of a log's provider kind.
func visitTypeOf(kind string) string {
	switch kind {
	case "chiropractic":
		return "chiropractic"
	case "physical_therapy":
		return "physical therapy"
	}
	return "office visit"
}

// cardFact reads one cell of a card into the encounter: its pain score
// ("Pain 6/10"), its procedure codes, the clinician its initials stand for
// ("Clinician: GP"); it returns the cell as a note when it says something
// else too.
func cardFact(enc *extract.Encounter, t string, legend map[string]string) []string {
	low := strings.ToLower(t)
	if k := strings.Index(low, "/10"); k > 0 && enc.PainScore == nil {
		j := k
		for j > 0 && (isDigitByte(low[j-1]) || low[j-1] == '.') {
			j--
		}
		if m := reLogPainValue.FindStringSubmatch(ocrDigits.Replace(low[j:k])); m != nil {
			if v, ok := painValue(m[1], m[2]); ok {
				enc.PainScore = &v
			}
		}
	}
	codes := procCodesIn(line{text: t}, true)
	for _, h := range codes {
		enc.Procedures = append(enc.Procedures, extract.Coded{Code: h.code})
	}
	fields := strings.Fields(strings.NewReplacer(":", " ", ";", " ", ",", " ").Replace(t))
	if n := len(fields); n > 0 && reInitials.MatchString(fields[n-1]) && n <= 2 {
		if name := legend[fields[n-1]]; name != "" && enc.Clinician == "" {
			enc.Clinician = name
		}
		return nil
	}
	if len(codes) > 0 {
		return nil
	}
	return []string{t}
}
