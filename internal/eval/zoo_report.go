package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// ZooRun is one scored rendering of a zoo matter.
type ZooRun struct {
	Matter string
	// Rendering is "born-digital" or the scanned condition ("scanned-fax" …).
	Rendering string
	Report    ZooReport
}

// Scanned reports whether the run read a scanned rendering.
func (r ZooRun) Scanned() bool { return r.Rendering != "born-digital" }

// FamilyInfo is what the registry says of a family.
type FamilyInfo struct {
	Group, Batch, Status string
}

// Family statuses, as in the registry.
const (
	StatusDev     = "dev"
	StatusHeldOut = "heldout"
)

// add sums b into a.
func (a *FamilyScore) add(b *FamilyScore) {
	a.Encounters = addScore(a.Encounters, b.Encounters)
	a.ICD10 = addScore(a.ICD10, b.ICD10)
	a.BillLines = addScore(a.BillLines, b.BillLines)
	a.EncounterPages = addScore(a.EncounterPages, b.EncounterPages)
	a.Undated = addScore(a.Undated, b.Undated)
	a.Pages += b.Pages
	a.Entries += b.Entries
	a.Unknown += b.Unknown
	a.AdminEntries += b.AdminEntries
}

func addScore(a, b Score) Score {
	a.Field = b.Field
	a.TP += b.TP
	a.FP += b.FP
	a.FN += b.FN
	a.Missed = append(a.Missed, b.Missed...)
	a.Extra = append(a.Extra, b.Extra...)
	return a
}

// zooTotals sums runs: per family and rendering kind, and per status.
type zooTotals struct {
	bd, scan map[string]*FamilyScore // family → summed scores
	pages    map[string]int          // family → pages in the born-digital runs
	// per status: summed family scores and matter scores.
	statBD, statScan map[string]*FamilyScore
	matters          map[string][]ZooRun
}

func totalZoo(runs []ZooRun, reg map[string]FamilyInfo) zooTotals {
	t := zooTotals{bd: map[string]*FamilyScore{}, scan: map[string]*FamilyScore{}, pages: map[string]int{},
		statBD: map[string]*FamilyScore{}, statScan: map[string]*FamilyScore{}, matters: map[string][]ZooRun{}}
	get := func(m map[string]*FamilyScore, k string) *FamilyScore {
		if m[k] == nil {
			m[k] = &FamilyScore{Family: k}
		}
		return m[k]
	}
	for _, r := range runs {
		statuses := map[string]bool{}
		for name, fs := range r.Report.Families {
			st := reg[name].Status
			statuses[st] = true
			if r.Scanned() {
				get(t.scan, name).add(fs)
				get(t.statScan, st).add(fs)
			} else {
				get(t.bd, name).add(fs)
				get(t.statBD, st).add(fs)
				t.pages[name] += fs.Pages
			}
		}
		st := "mixed"
		if len(statuses) == 1 {
			for s := range statuses {
				st = s
			}
		}
		t.matters[st] = append(t.matters[st], r)
	}
	return t
}

// f1 prints an F1 score, "–" when there was nothing to find and nothing
// was found, and "n false" when only false positives were found.
func f1(s Score) string {
	switch {
	case s.TP+s.FP+s.FN == 0:
		return "–"
	case s.TP+s.FN == 0:
		return fmt.Sprintf("%d false", s.FP)
	}
	return fmt.Sprintf("%.3f", s.F1())
}

func share(n, of int) string {
	if of == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

func recall(s Score) string {
	if s.TP+s.FN == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f (%d of %d)", s.Recall(), s.TP, s.TP+s.FN)
}

// zooMetrics are the rows of the development / held-out table, each a
// function of the summed scores of one status.
var zooMetrics = []struct {
	name string
	cell func(bd, scan *FamilyScore, ms []ZooRun) string
}{
	{"encounters (date + provider) F1, born-digital", func(bd, _ *FamilyScore, _ []ZooRun) string { return f1(bd.Encounters) }},
	{"encounters (date + provider) F1, scanned", func(_, sc *FamilyScore, _ []ZooRun) string { return f1(sc.Encounters) }},
	{"pages cited by found encounters F1, born-digital", func(bd, _ *FamilyScore, _ []ZooRun) string { return f1(bd.EncounterPages) }},
	{"pages cited by found encounters F1, scanned", func(_, sc *FamilyScore, _ []ZooRun) string { return f1(sc.EncounterPages) }},
	{"\"Unknown provider\" share of entries", func(bd, sc *FamilyScore, _ []ZooRun) string {
		return share(bd.Unknown+sc.Unknown, bd.Entries+sc.Entries)
	}},
	{"ICD-10 F1, born-digital", func(bd, _ *FamilyScore, _ []ZooRun) string { return f1(bd.ICD10) }},
	{"ICD-10 F1, scanned", func(_, sc *FamilyScore, _ []ZooRun) string { return f1(sc.ICD10) }},
	{"bill lines F1, born-digital", func(bd, _ *FamilyScore, _ []ZooRun) string { return f1(bd.BillLines) }},
	{"bill lines F1, scanned", func(_, sc *FamilyScore, _ []ZooRun) string { return f1(sc.BillLines) }},
	{"specials exact (matter renderings)", func(_, _ *FamilyScore, ms []ZooRun) string {
		n := 0
		for _, m := range ms {
			if m.Report.Matter.SpecialsExact() {
				n++
			}
		}
		return fmt.Sprintf("%d of %d", n, len(ms))
	}},
	{"gaps F1", func(_, _ *FamilyScore, ms []ZooRun) string {
		return f1(sumMatter(ms, false, func(m MatterScore) Score { return m.Gaps }))
	}},
	{"duplicate pages F1, scanned", func(_, _ *FamilyScore, ms []ZooRun) string {
		return f1(sumMatter(ms, true, func(m MatterScore) Score { return m.Duplicates }))
	}},
	{"missing-records recall", func(_, _ *FamilyScore, ms []ZooRun) string {
		return recall(sumMatter(ms, false, func(m MatterScore) Score { return m.Missing }))
	}},
	{"false missing-record flags per matter rendering", func(_, _ *FamilyScore, ms []ZooRun) string {
		s := sumMatter(ms, false, func(m MatterScore) Score { return m.Missing })
		if len(ms) == 0 {
			return "–"
		}
		return fmt.Sprintf("%.1f", float64(s.FP)/float64(len(ms)))
	}},
	{"entries from administrative pages", func(bd, sc *FamilyScore, _ []ZooRun) string {
		return fmt.Sprint(bd.AdminEntries + sc.AdminEntries)
	}},
	{"undated records flagged", func(bd, sc *FamilyScore, _ []ZooRun) string { return recall(addScore(bd.Undated, sc.Undated)) }},
	{"providers F1", func(_, _ *FamilyScore, ms []ZooRun) string {
		return f1(sumMatter(ms, false, func(m MatterScore) Score { return m.Providers }))
	}},
}

// sumMatter sums one matter-level score over runs (scanned runs only when
// scannedOnly).
func sumMatter(ms []ZooRun, scannedOnly bool, f func(MatterScore) Score) Score {
	var s Score
	for _, m := range ms {
		if scannedOnly && !m.Scanned() {
			continue
		}
		s = addScore(s, f(m.Report.Matter))
	}
	return s
}

// WriteZoo prints, in Markdown, the development / held-out / real-document
// table and one row per family. real holds the real-document column by
// metric name; when real is nil every cell of the column is "not
// measured", otherwise a metric it lacks prints "–".
func WriteZoo(w io.Writer, runs []ZooRun, reg map[string]FamilyInfo, real map[string]string) {
	t := totalZoo(runs, reg)
	empty := &FamilyScore{}
	stat := func(m map[string]*FamilyScore, s string) *FamilyScore {
		if m[s] == nil {
			return empty
		}
		return m[s]
	}
	nd, nh := len(t.matters[StatusDev]), len(t.matters[StatusHeldOut])
	fmt.Fprintf(w, "| metric | development families (%d matter renderings) | held-out families (%d matter renderings) | real documents |\n|---|---|---|---|\n", nd, nh)
	for _, m := range zooMetrics {
		rc := real[m.name]
		switch {
		case rc != "":
		case real == nil:
			rc = "not measured"
		default:
			rc = "–" // real documents are single records: no matter-level figure
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", m.name,
			cellFor(m.cell, stat(t.statBD, StatusDev), stat(t.statScan, StatusDev), t.matters[StatusDev]),
			cellFor(m.cell, stat(t.statBD, StatusHeldOut), stat(t.statScan, StatusHeldOut), t.matters[StatusHeldOut]), rc)
	}
	if n := len(t.matters["mixed"]); n > 0 {
		fmt.Fprintf(w, "\n%d matter rendering(s) mixed development and held-out families: their matter-level figures are in neither column.\n", n)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| family | group | batch | status | pages | encounters F1 born-digital | encounters F1 scanned | \"Unknown provider\" | bill lines F1 born-digital | bill lines F1 scanned | ICD-10 F1 | entries from admin pages | undated flagged |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, name := range familyNames(t) {
		bd, sc := stat(t.bd, name), stat(t.scan, name)
		info := reg[name]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %d | %s |\n", name, info.Group, info.Batch, orDash(info.Status),
			t.pages[name], f1(bd.Encounters), f1(sc.Encounters), share(bd.Unknown+sc.Unknown, bd.Entries+sc.Entries),
			f1(bd.BillLines), f1(sc.BillLines), f1(addScore(bd.ICD10, sc.ICD10)), bd.AdminEntries+sc.AdminEntries, recall(addScore(bd.Undated, sc.Undated)))
	}
}

func cellFor(f func(bd, scan *FamilyScore, ms []ZooRun) string, bd, sc *FamilyScore, ms []ZooRun) string {
	if bd.Pages+sc.Pages == 0 {
		return "–"
	}
	return f(bd, sc, ms)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func familyNames(t zooTotals) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]*FamilyScore{t.bd, t.scan} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// HeldOutHeader is the header of the held-out record table in ACCURACY.md.
const HeldOutHeader = "| family | group | batch | date | commit | extractor | encounters F1 born-digital | encounters F1 scanned | \"Unknown provider\" | bill lines F1 born-digital | bill lines F1 scanned | entries from admin pages | undated flagged |"

// WriteHeldOutRecord prints one held-out record row per held-out family
// measured in runs, for the "Held-out record" table of ACCURACY.md.
func WriteHeldOutRecord(w io.Writer, runs []ZooRun, reg map[string]FamilyInfo, date, commit, extractor string) int {
	t := totalZoo(runs, reg)
	n := 0
	for _, name := range familyNames(t) {
		info := reg[name]
		if info.Status != StatusHeldOut {
			continue
		}
		bd, sc := t.bd[name], t.scan[name]
		if bd == nil {
			bd = &FamilyScore{}
		}
		if sc == nil {
			sc = &FamilyScore{}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |\n", name, info.Group, info.Batch, date, commit, extractor,
			f1(bd.Encounters), f1(sc.Encounters), share(bd.Unknown+sc.Unknown, bd.Entries+sc.Entries),
			f1(bd.BillLines), f1(sc.BillLines), bd.AdminEntries+sc.AdminEntries, recall(addScore(bd.Undated, sc.Undated)))
		n++
	}
	return n
}

// ParseHeldOutRecord reads the family names of the held-out record rows in
// an ACCURACY.md text, with the date and commit each row gives.
func ParseHeldOutRecord(text string) map[string][2]string {
	out := map[string][2]string{}
	in := false
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == HeldOutHeader:
			in = true
			continue
		case in && !strings.HasPrefix(line, "|"):
			in = false
		}
		if !in || strings.HasPrefix(line, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) < 6 {
			continue
		}
		name, date, commit := strings.TrimSpace(cells[0]), strings.TrimSpace(cells[3]), strings.TrimSpace(cells[4])
		if name != "" && date != "" && commit != "" {
			out[name] = [2]string{date, commit}
		}
	}
	return out
}
