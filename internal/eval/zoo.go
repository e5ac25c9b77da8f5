package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/lazyre"
)

// FamilyScore is how a chronology did on the pages of one layout family:
// the truth and the chronology are both restricted to those pages (entries
// by their cited pages, bill lines by the page of their first citation).
type FamilyScore struct {
	Family string
	Pages  int
	// Encounters match on date + provider, ICD10 on date + code, BillLines
	// on date + code + charge (charge lines only: payment and adjustment
	// rows and totals are never lines).
	Encounters, ICD10, BillLines Score
	// EncounterPages scores the pages the entries of found encounters
	// cite against the pages their records run over (every page of a
	// multi-page record cited, and no page of another record); a page of
	// another family's record of the same visit is neither.
	EncounterPages Score
	// Entries counts the chronology entries citing the family's pages;
	// Unknown those of them without a provider.
	Entries, Unknown int
	// AdminEntries counts entries whose date-bearing (first) citation is on
	// an administrative or blank page of the family: it must be 0.
	AdminEntries int
	// Undated: true positives are records without a date of service that
	// an "undated" flag cites; false negatives those it does not; false
	// positives are flagged pages of the family holding no undated record.
	Undated Score
}

// MatterScore is how a chronology did on a whole matter.
type MatterScore struct {
	SpecialsFound, SpecialsTruth float64
	Gaps, Duplicates, Providers  Score
	// Missing matches missing_records flags to Truth.MissingRecords by the
	// page that proves the record is missing (or another page of the same
	// note) and by kind: TP found, FN not flagged, FP false flags.
	Missing      Score
	Entries      int
	Unknown      int
	AdminEntries int
}

// SpecialsExact reports whether the specials total is right to the cent.
func (m MatterScore) SpecialsExact() bool {
	return fmt.Sprintf("%.2f", m.SpecialsFound) == fmt.Sprintf("%.2f", m.SpecialsTruth)
}

// ZooReport is the scores of one chronology against a truth that names
// every page's layout family (Truth.PageInfo).
type ZooReport struct {
	Families map[string]*FamilyScore
	Matter   MatterScore
}

// UnknownProvider is the name the chronology gives a provider nothing names.
const UnknownProvider = "Unknown provider"

// CompareZoo scores c against t per layout family and per matter. It
// returns an empty report when t has no PageInfo.
func CompareZoo(c chronology.Chronology, t fixture.Truth) ZooReport {
	z := ZooReport{Families: map[string]*FamilyScore{}}
	if len(t.PageInfo) == 0 {
		return z
	}
	pm := newProviderMatcher(t)
	fam := map[int]string{}
	admin := map[int]bool{}
	for _, p := range t.PageInfo {
		fam[p.Page] = p.Family
		admin[p.Page] = p.Class == extract.PageAdmin || p.Class == extract.PageBlank
		fs := z.family(p.Family)
		fs.Pages++
	}
	touches := func(cs []extract.Citation, f string) bool {
		return slices.ContainsFunc(cs, func(ct extract.Citation) bool { return fam[ct.Page] == f })
	}
	// The pages of each visit over all families: an entry that merges the
	// records of two families (a sign-in sheet and an aquatic log of one
	// session) rightly cites both, and a family is scored on its own.
	visitPages := map[string][]int{}
	visitDx := map[string]map[string]bool{} // every record's codes of each visit
	for _, e := range t.Encounters {
		k := e.Date.String() + " " + e.Provider
		visitPages[k] = append(visitPages[k], e.Pages...)
		if visitDx[k] == nil {
			visitDx[k] = map[string]bool{}
		}
		for _, d := range e.Diagnoses {
			visitDx[k][strings.ToUpper(d)] = true
		}
	}
	for f, fs := range z.Families {
		want, got := map[string]bool{}, map[string]bool{}
		wantDx, gotDx := map[string]bool{}, map[string]bool{}
		wantPages, gotCites := map[string][]int{}, map[string][]extract.Citation{}
		for _, e := range t.Encounters {
			if e.Family != f && !(e.Family == "" && fam[firstPage(e.Pages)] == f) || e.Undated {
				continue
			}
			want[e.Date.String()+" "+e.Provider] = true
			wantPages[e.Date.String()+" "+e.Provider] = append(wantPages[e.Date.String()+" "+e.Provider], e.Pages...)
			for _, d := range e.Diagnoses {
				wantDx[e.Date.String()+" "+d] = true
			}
		}
		for _, e := range c.Entries {
			if !touches(e.Citations, f) {
				continue
			}
			fs.Entries++
			if isUnknown(e.Provider) {
				fs.Unknown++
			}
			if len(e.Citations) > 0 && fam[e.Citations[0].Page] == f && admin[e.Citations[0].Page] {
				fs.AdminEntries++
			}
			key := e.Date.String() + " " + pm.truthName(c, e.ProviderID, e.Provider)
			got[key] = true
			for _, ct := range e.Citations {
				if fam[ct.Page] == f || !containsInt(visitPages[key], ct.Page) {
					gotCites[key] = append(gotCites[key], ct)
				}
			}
			for _, d := range e.Diagnoses {
				code := strings.ToUpper(d.Code)
				if code == "" || !wantDx[e.Date.String()+" "+code] && visitDx[key][code] {
					continue // another family's record of the visit holds it
				}
				gotDx[e.Date.String()+" "+code] = true
			}
		}
		fs.Encounters = setScore("encounters", want, got)
		fs.EncounterPages.Field = "encounter_pages"
		for key, pages := range wantPages {
			if cs, ok := gotCites[key]; ok {
				s := &fs.EncounterPages
				s.TP, s.FP, s.FN = scorePages(cs, pages, s.TP, s.FP, s.FN)
			}
		}
		fs.ICD10 = setScore("icd10", wantDx, gotDx)
		wantN, gotN := map[string]int{}, map[string]int{}
		for _, b := range t.Bills {
			if fam[b.Page] == f {
				wantN[billKey(b.Date.String(), b.Code, b.Charge)]++
			}
		}
		for _, b := range c.Bills {
			if b.Charge != 0 && len(b.Citations) > 0 && fam[b.Citations[0].Page] == f {
				gotN[billKey(b.Date.String(), b.Code, b.Charge)]++
			}
		}
		fs.BillLines = multisetScore("bill_lines", wantN, gotN)
		fs.Undated = undatedScore(c, t, fam, f)
	}
	z.Matter = matterScore(c, t, admin)
	return z
}

func (z ZooReport) family(name string) *FamilyScore {
	fs := z.Families[name]
	if fs == nil {
		fs = &FamilyScore{Family: name}
		z.Families[name] = fs
	}
	return fs
}

func firstPage(ps []int) int {
	if len(ps) == 0 {
		return 0
	}
	return ps[0]
}

func isUnknown(provider string) bool {
	p := strings.TrimSpace(provider)
	return p == "" || strings.EqualFold(p, UnknownProvider)
}

// undatedScore scores the "undated" flags on the pages of family f.
func undatedScore(c chronology.Chronology, t fixture.Truth, fam map[int]string, f string) Score {
	flagged := map[int]bool{}
	for _, fl := range c.Flags {
		if fl.Kind != chronology.FlagUndated {
			continue
		}
		for _, ct := range fl.Citations {
			flagged[ct.Page] = true
		}
	}
	s := Score{Field: "undated"}
	undatedPage := map[int]bool{}
	for _, e := range t.Encounters {
		if !e.Undated || e.Family != f {
			continue
		}
		hit := false
		for _, p := range e.Pages {
			undatedPage[p] = true
			hit = hit || flagged[p]
		}
		if hit {
			s.TP++
		} else {
			s.FN++
			s.Missed = append(s.Missed, fmt.Sprintf("page %d", firstPage(e.Pages)))
		}
	}
	for p := range flagged {
		if fam[p] == f && !undatedPage[p] {
			s.FP++
			s.Extra = append(s.Extra, fmt.Sprintf("page %d", p))
		}
	}
	return s
}

func matterScore(c chronology.Chronology, t fixture.Truth, admin map[int]bool) MatterScore {
	base := Compare(c, t)
	m := MatterScore{
		SpecialsFound: c.Specials.TotalCharges, SpecialsTruth: t.Specials.Total,
		Gaps: base.Field("gaps"), Duplicates: base.Field("duplicates"), Providers: base.Field("providers"),
		Entries: len(c.Entries),
	}
	for _, e := range c.Entries {
		if isUnknown(e.Provider) {
			m.Unknown++
		}
		if len(e.Citations) > 0 && admin[e.Citations[0].Page] {
			m.AdminEntries++
		}
	}
	m.Missing = missingScore(c, t)
	return m
}

// missingScore matches missing_records flags to the truth's missing records.
func missingScore(c chronology.Chronology, t fixture.Truth) Score {
	s := Score{Field: "missing_records"}
	found := make([]bool, len(t.MissingRecords))
	for _, fl := range c.Flags {
		if fl.Kind != chronology.FlagMissingRecords {
			continue
		}
		kind := flagKind(fl.Message)
		match := func(i int) bool {
			mr := t.MissingRecords[i]
			if kind != "" && kind != mr.Kind {
				return false
			}
			pages := provingPages(t, mr.Page)
			return slices.ContainsFunc(fl.Citations, func(ct extract.Citation) bool { return pages[ct.Page] })
		}
		hit, repeat := -1, false
		for i := range t.MissingRecords {
			if match(i) {
				if !found[i] {
					hit = i
					break
				}
				repeat = true
			}
		}
		switch {
		case hit >= 0:
			found[hit] = true
		case !repeat:
			// A flag repeating a true one is not a false flag.
			s.FP++
			s.Extra = append(s.Extra, fl.Message)
		}
	}
	for i, f := range found {
		if f {
			s.TP++
		} else {
			s.FN++
			s.Missed = append(s.Missed, fmt.Sprintf("%s %q page %d", t.MissingRecords[i].Kind, t.MissingRecords[i].What, t.MissingRecords[i].Page))
		}
	}
	return s
}

// provingPages are the pages a flag may cite for a record proven missing
// on page p: p itself and the other pages of the note printed on it.
func provingPages(t fixture.Truth, p int) map[int]bool {
	out := map[int]bool{p: true}
	for _, e := range t.Encounters {
		if slices.Contains(e.Pages, p) {
			for _, q := range e.Pages {
				out[q] = true
			}
		}
	}
	return out
}

// Kinds of expected record read from a flag's message, until flags carry
// their kind: the first pattern that matches wins; "" means any kind.
var flagKinds = []struct {
	kind string
	re   *lazyre.Regexp
}{
	{extract.ExpectEMS, lazyre.New(`(?i)\b(ambulance|ems|paramedic|medic unit)\b`)},
	{extract.ExpectReport, lazyre.New(`(?i)not (been )?received`)},
	{extract.ExpectFollowUp, lazyre.New(`(?i)follow[- ]?up|return (to clinic|visit)`)},
	{extract.ExpectReferral, lazyre.New(`(?i)^referral\b|\breferred\b`)},
	{extract.ExpectImaging, lazyre.New(`(?i)\b(mri|ct|x-?ray|radiograph|imaging|ultrasound)\b`)},
	{extract.ExpectDiagnostic, lazyre.New(`(?i)\b(emg|ncs|nerve conduction|lab|test)\b`)},
}

func flagKind(msg string) string {
	for _, k := range flagKinds {
		if k.re.MatchString(msg) {
			return k.kind
		}
	}
	return ""
}
