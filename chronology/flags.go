package chronology

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

// LowOCRConfidence is the mean OCR word confidence (0–100) below which a
// page is flagged low_ocr_confidence.
const LowOCRConfidence = 70

// flags raises every flag of the chronology, grouped by kind in a fixed
// order.
func (b *builder) flags() []Flag {
	var fs []Flag
	fs = append(fs, b.ungroundedFlags()...)
	fs = append(fs, b.preExistingFlags()...)
	fs = append(fs, b.missingRecordFlags()...)
	fs = append(fs, b.billWithoutRecordFlags()...)
	fs = append(fs, b.totalFlag...)
	fs = append(fs, b.pageFlags()...)
	fs = append(fs, b.nothingReadFlags()...)
	fs = append(fs, b.undatedFlags()...)
	fs = append(fs, b.undatedBillFlags()...)
	fs = append(fs, b.dateFlags()...)
	fs = append(fs, b.unknownProviderFlags()...)
	return fs
}

// undatedFlags raises one undated flag per undated entry, citing its page.
func (b *builder) undatedFlags() []Flag {
	var fs []Flag
	for _, e := range b.undatedEntries {
		fs = append(fs, Flag{Kind: FlagUndated,
			Message: fmt.Sprintf("Entry %s (%s) prints no readable date of service: it is listed under undated entries until a reviewer dates it.",
				e.ID, e.Provider),
			EntryIDs: []string{e.ID}, Citations: e.Citations[:1]})
	}
	return fs
}

// undatedBillFlags raises one undated_bill_line flag per charge line
// whose date of service could not be read (EOB lines, which add no
// charges, aside), naming its page and citing the line.
func (b *builder) undatedBillFlags() []Flag {
	var fs []Flag
	for _, bl := range b.bills {
		if !bl.Date.IsZero() || bl.Kind != BillCharge || bl.EOB || len(bl.Citations) == 0 {
			continue
		}
		c := bl.Citations[0]
		where := fmt.Sprintf("page %d of %s", c.Page, b.fileOf(c.DocumentID))
		if c.Bates != "" {
			where += " (" + c.Bates + ")"
		}
		what := bl.Code
		if what == "" {
			what = bl.Description
		}
		fs = append(fs, Flag{Kind: FlagUndatedBillLine,
			Message: fmt.Sprintf("%s's charge of %s (%s) on %s: its date of service could not be read; it counts in the specials, undated, until a reviewer dates it from the page.",
				bl.Provider, textutil.Money(cents(bl.Charge)), what, where),
			Citations: []extract.Citation{c}})
	}
	return fs
}

// dateFlags flags each entry none of whose quotes holds its date.
func (b *builder) dateFlags() []Flag {
	var fs []Flag
	for _, e := range b.entries {
		if e.dateQuoted {
			continue
		}
		fs = append(fs, Flag{Kind: FlagDateNotQuoted,
			Message: fmt.Sprintf("Entry %s (%s, %s): none of its quotes holds its date of service; check the date against the page.",
				e.ID, e.Date, e.Provider),
			EntryIDs: []string{e.ID}, Citations: e.Citations[:1]})
	}
	return fs
}

// unknownProviderFlags raises one flag per document whose entries or
// bills name no provider, citing the first page they cite.
func (b *builder) unknownProviderFlags() []Flag {
	type use struct {
		prov           *providerCluster
		cit            extract.Citation
		entries, bills int
		ids            []string
	}
	var order []*use
	byDoc := map[string]*use{}
	note := func(p *providerCluster, c extract.Citation) *use {
		u := byDoc[p.unknownDoc]
		if u == nil {
			u = &use{prov: p, cit: c}
			byDoc[p.unknownDoc] = u
			order = append(order, u)
		} else if b.px.less(pageRef{c.DocumentID, c.Page}, pageRef{u.cit.DocumentID, u.cit.Page}) < 0 {
			u.cit = c
		}
		return u
	}
	for _, list := range [][]*entryWork{b.entries, b.undatedEntries} {
		for _, e := range list {
			if e.prov.unknownDoc != "" {
				u := note(e.prov, e.Citations[0])
				u.entries++
				u.ids = append(u.ids, e.ID)
			}
		}
	}
	for _, bw := range b.billWork {
		if bw.prov.unknownDoc != "" && bw.ID != "" {
			note(bw.prov, bw.Citations[0]).bills++
		}
	}
	var fs []Flag
	for _, u := range order {
		fs = append(fs, Flag{Kind: FlagUnknownProvider,
			Message: fmt.Sprintf("No provider is named for %d entries and %d bill lines of %s: they are filed under %q until a reviewer names the provider.",
				u.entries, u.bills, b.fileOf(u.prov.unknownDoc), u.prov.name),
			EntryIDs: u.ids, Citations: []extract.Citation{u.cit}})
	}
	return fs
}

// fileOf returns the file name of a document.
func (b *builder) fileOf(doc string) string {
	for i := range b.sources {
		if b.sources[i].Document.ID == doc {
			return b.sources[i].Document.File
		}
	}
	return doc
}

func (b *builder) ungroundedFlags() []Flag {
	var fs []Flag
	for _, e := range b.entries {
		if e.Grounded {
			continue
		}
		fs = append(fs, Flag{Kind: FlagUngrounded,
			Message: fmt.Sprintf("Entry %s (%s, %s): %d of %d quotes were not found on the cited page.",
				e.ID, e.Date, e.Provider, len(e.bad), len(e.Citations)),
			EntryIDs: []string{e.ID}, Citations: e.bad})
	}
	for _, bw := range b.badBills {
		fs = append(fs, Flag{Kind: FlagUngrounded,
			Message: fmt.Sprintf("Bill %s (%s, %s, %s): %d of %d quotes were not found on the cited page.",
				bw.ID, dateOrUndated(bw.Date.String()), bw.Provider, textutil.Money(cents(bw.Charge)), len(bw.bad), len(bw.Citations)),
			Citations: bw.bad})
	}
	return fs
}

func dateOrUndated(s string) string {
	if s == "" {
		return "undated"
	}
	return s
}

// preExistingFlags flags each pre-incident entry that mentions a body
// region also diagnosed after the incident.
func (b *builder) preExistingFlags() []Flag {
	var fs []Flag
	for _, pre := range b.entries {
		if !pre.PreIncident {
			continue
		}
		text, codes := preIncidentText(pre)
		regions := matches(bodyRegions, text, codes)
		var hits []string
		ids := []string{pre.ID}
		var res []*rxfilter.Regexp
		for _, r := range regions {
			for _, post := range b.entries {
				if post.PreIncident {
					continue
				}
				pt, pc := diagnosisText(post)
				if slices.Contains(matches(bodyRegions, pt, pc), r) {
					if !slices.Contains(hits, r) {
						hits = append(hits, r)
						res = append(res, regionRegexp(r))
					}
					if !slices.Contains(ids, post.ID) {
						ids = append(ids, post.ID)
					}
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		cit := pre.Citations[0]
		for _, re := range res {
			if c := citing(pre.Citations, re); re.MatchString(c.Quote) {
				cit = c
				break
			}
		}
		fs = append(fs, Flag{Kind: FlagPreExisting,
			Message: fmt.Sprintf("Before the incident (%s, %s) the records mention the %s, also diagnosed after the incident.",
				pre.Date, pre.Provider, strings.Join(hits, ", ")),
			EntryIDs: ids, Citations: []extract.Citation{cit}})
	}
	return fs
}

func regionRegexp(name string) *rxfilter.Regexp {
	for _, c := range bodyRegions {
		if c.name == name {
			return c.words
		}
	}
	return noRegion
}

// noRegion matches no text.
var noRegion = rxfilter.MustCompile(`$^`)

var (
	// reDispenser names a pharmacy or a medical supplier: what it bills
	// is a fill or a delivery, no visit, and its order stands in the
	// prescriber's record.
	reDispenser = rxfilter.MustCompile(`(?i)\b(pharmacy|pharmacies|drug ?store|apothecary|medical (equipment|suppl(y|ies))|home medical|dme|durable medical|orthotics?|prosthetics?)\b`)
	// reAnesthesia names an anesthesia practice.
	reAnesthesia = rxfilter.MustCompile(`(?i)\b(anesthe\w*|anaesthe\w*)`)
)

// dispensed reports whether a bill line is a pharmacy's fill or a medical
// supplier's delivery: its provider's name says so, or the page it is on
// is a pharmacy's printout (a claims history of a pharmacy named by its
// brand alone, "CarePlus Drug").
func (b *builder) dispensed(bl Bill) bool {
	if reDispenser.MatchString(bl.Provider) {
		return true
	}
	for _, c := range bl.Citations {
		if b.classes[pageRef{c.DocumentID, c.Page}].BillKind != "pharmacy" {
			return false
		}
	}
	return len(bl.Citations) > 0
}

// billedStayEnd returns the last day of an inpatient stay whose record
// prints no discharge (an admission note): the stay runs on as long as its
// provider bills a charge every day after the admission, as a hospital
// bills room and board each night. ok is false for other entries.
func (b *builder) billedStayEnd(e *entryWork) (end dates.Date, ok bool) {
	if e.EndDate.After(e.Date) || !reInpatient.MatchString(e.VisitType) {
		return dates.Date{}, false
	}
	if b.chargeDays == nil {
		b.chargeDays = map[string]bool{}
		for _, bl := range b.bills {
			if bl.Kind == BillCharge && !bl.EOB && !bl.Date.IsZero() {
				b.chargeDays[bl.ProviderID+"|"+bl.Date.String()] = true
			}
		}
	}
	end = e.Date
	for b.chargeDays[e.ProviderID+"|"+end.AddDays(1).String()] {
		end = end.AddDays(1)
	}
	return end, true
}

// anesthesiaCode reports whether code is a CPT anesthesia code (00100 to
// 01999).
func anesthesiaCode(code string) bool {
	return len(code) == 5 && code >= "00100" && code <= "01999"
}

// billWithoutRecordFlags flags, per provider and date, charge lines whose
// provider has no entry within a day of the date of service (payment and
// adjustment rows and EOB lines are no services; a pharmacy's fills and a
// supplier's deliveries are no visits; an anesthesia practice's record is
// the procedure's, whoever's it is).
func (b *builder) billWithoutRecordFlags() []Flag {
	var fs []Flag
	index := map[string]int{}
	for _, bl := range b.bills {
		if bl.Date.IsZero() || bl.Kind != BillCharge || bl.EOB || b.dispensed(bl) || b.hasRecord(bl) {
			continue
		}
		k := bl.ProviderID + "|" + bl.Date.String()
		i, ok := index[k]
		if !ok {
			i = len(fs)
			index[k] = i
			fs = append(fs, Flag{Kind: FlagBillWithoutRecord,
				Message: fmt.Sprintf("%s billed for %s but no medical record of that visit was found.", bl.Provider, bl.Date)})
		}
		for _, c := range bl.Citations[:1] {
			if !slices.ContainsFunc(fs[i].Citations, func(x extract.Citation) bool { return x.DocumentID == c.DocumentID && x.Page == c.Page }) {
				fs[i].Citations = append(fs[i].Citations, c)
			}
		}
	}
	return fs
}

func (b *builder) hasRecord(bl Bill) bool {
	anesthesia := reAnesthesia.MatchString(bl.Provider) || anesthesiaCode(bl.Code)
	for _, e := range b.entries {
		if anesthesia && !e.Date.Before(bl.Date.AddDays(-1)) && !e.Date.After(bl.Date.AddDays(1)) {
			return true // the anesthetic of another practice's procedure that day
		}
		if e.ProviderID != bl.ProviderID {
			continue
		}
		end := e.Date
		if e.EndDate.After(end) {
			end = e.EndDate
		}
		if stay, ok := b.billedStayEnd(e); ok && stay.After(end) {
			end = stay
		}
		if !bl.Date.Before(e.Date.AddDays(-1)) && !bl.Date.After(end.AddDays(1)) {
			return true
		}
	}
	return false
}

// pageFlags flags, per document, OCR pages of low confidence and pages
// that could not be read (by the reader or by the extractor).
func (b *builder) pageFlags() []Flag {
	var low, bad []Flag
	for si := range b.sources {
		s := &b.sources[si]
		var lowCits, badCits []extract.Citation
		for _, p := range s.Pages {
			ref := pageRef{s.Document.ID, p.Number}
			switch {
			case p.Source == extract.SourceOCR && p.Confidence < LowOCRConfidence:
				lowCits = append(lowCits, b.px.pageCitation(ref, "[page image]"))
			case p.Source == extract.SourceError:
				badCits = append(badCits, b.px.pageCitation(ref, "[unreadable page: "+reasonOr(p.Err)+"]"))
			}
		}
		nums := make([]int, 0, len(s.Result.PageErrors))
		for n := range s.Result.PageErrors {
			nums = append(nums, n)
		}
		slices.Sort(nums)
		for _, n := range nums {
			badCits = append(badCits, b.px.pageCitation(pageRef{s.Document.ID, n}, "[not extracted: "+reasonOr(s.Result.PageErrors[n])+"]"))
		}
		if qs := b.doubtfulQuotes(s.Document.ID, lowCits); len(qs) > 0 {
			lowest := 100.0
			cits := make([]extract.Citation, 0, len(qs))
			for _, d := range qs {
				lowest = min(lowest, d.conf)
				cits = append(cits, d.c)
			}
			low = append(low, Flag{Kind: FlagLowOCRConfidence,
				Message: fmt.Sprintf("%d quote(s) of %s stand on words OCR read doubtfully (lowest word confidence %.0f%%): a date, amount or code there may be misread; check each against the page image.",
					len(qs), s.Document.File, lowest),
				Citations: cits})
		}
		if len(lowCits) > 0 {
			low = append(low, Flag{Kind: FlagLowOCRConfidence,
				Message: fmt.Sprintf("%d page(s) of %s were read by OCR with mean confidence below %d%%: check their facts against the page image.",
					len(lowCits), s.Document.File, LowOCRConfidence),
				Citations: lowCits})
		}
		if len(badCits) > 0 {
			bad = append(bad, Flag{Kind: FlagPageError,
				Message:   fmt.Sprintf("%d page(s) of %s could not be read (pages %s).", len(badCits), s.Document.File, pageList(badCits)),
				Citations: badCits})
		}
	}
	return append(low, bad...)
}

// nothingReadFlags flags each document the extractor read no fact from
// although some of its pages are neither administrative nor blank nor
// already flagged unreadable: a person must look at those pages, since the
// chronology says nothing of them.
func (b *builder) nothingReadFlags() []Flag {
	var fs []Flag
	for si := range b.sources {
		s := &b.sources[si]
		r := &s.Result
		if len(r.Encounters)+len(r.Bills)+len(r.BillTotals)+len(r.Expected) > 0 {
			continue
		}
		class := make(map[int]string, len(r.Pages))
		for _, pi := range r.Pages {
			class[pi.Page] = pi.Class
		}
		var pages []int
		for _, p := range s.Pages {
			switch {
			case p.Source == extract.SourceError || p.Source == extract.SourceEmpty,
				r.PageErrors[p.Number] != "",
				class[p.Number] == extract.PageAdmin || class[p.Number] == extract.PageBlank,
				strings.TrimSpace(p.Text) == "":
				continue
			}
			pages = append(pages, p.Number)
		}
		if len(pages) == 0 {
			continue
		}
		fs = append(fs, Flag{Kind: FlagNothingRead,
			Message: fmt.Sprintf("Nothing was read from %s: no encounter, bill line or total on its %s, which are not administrative or blank (an unfamiliar layout, handwriting or an unreadable text layer); check them against the page images.",
				s.Document.File, pageSpan(pages)),
			Citations: []extract.Citation{b.px.pageCitation(pageRef{s.Document.ID, pages[0]}, "[page image]")}})
	}
	return fs
}

// pageSpan names pages for a message: "page 3", "pages 1-4", "pages 1, 3, 5".
func pageSpan(pages []int) string {
	if len(pages) == 1 {
		return fmt.Sprintf("page %d", pages[0])
	}
	run := true
	for i := 1; i < len(pages); i++ {
		run = run && pages[i] == pages[i-1]+1
	}
	if run {
		return fmt.Sprintf("pages %d-%d", pages[0], pages[len(pages)-1])
	}
	parts := make([]string, len(pages))
	for i, n := range pages {
		parts[i] = fmt.Sprint(n)
	}
	return "pages " + strings.Join(parts, ", ")
}

// doubtfulQuotes returns the grounded quotes of document doc that stand
// on words OCR read doubtfully, once each, leaving out pages already
// flagged whole (onPages).
func (b *builder) doubtfulQuotes(doc string, onPages []extract.Citation) []doubtfulCite {
	flagged := map[int]bool{}
	for _, c := range onPages {
		flagged[c.Page] = true
	}
	seen := map[string]bool{}
	var out []doubtfulCite
	for _, d := range b.px.doubtful {
		key := fmt.Sprintf("%d\x00%s", d.c.Page, d.c.Quote)
		if d.c.DocumentID != doc || flagged[d.c.Page] || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	return out
}

func reasonOr(s string) string {
	if s = textutil.FoldSpace(s); s == "" {
		return "unknown reason"
	}
	return truncate(s, 120)
}

func pageList(cs []extract.Citation) string {
	var ps []string
	for _, c := range cs {
		ps = append(ps, fmt.Sprint(c.Page))
	}
	return strings.Join(ps, ", ")
}
