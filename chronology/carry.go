package chronology

import (
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
)

// Reviews and flag decisions are keyed by the id of what they decide on,
// and those ids are digests of what the extractor found: an entry's id
// names its provider, a flag's the entries it names. Reprocessing the
// records with a better extractor (a provider now named where none was,
// an earlier page now part of a visit) changes them, and a paralegal's
// work would silently fall away. So each review and decision also keeps
// an anchor — what identifies its entry or flag apart from those ids —
// and one whose id is gone carries over to the one entry or flag with its
// anchor that has no decision of its own.

// EntryAnchor identifies an entry apart from its provider: its date as
// extracted (a reviewer's corrected date is not it) and the pages it
// cites, "2024-03-14|doc-a:1,doc-a:2".
func EntryAnchor(e Entry) string {
	date, pages := entryAnchorParts(e)
	return date + "|" + strings.Join(pages, ",")
}

// entryAnchorParts are the parts of an entry's anchor: its date as
// extracted and the pages it cites.
func entryAnchorParts(e Entry) (date string, pages []string) {
	date = e.Date.String()
	for _, c := range e.Corrections {
		if c.Field == "date" {
			date = c.Original
			break
		}
	}
	return date, citedPages(e.Citations)
}

// FlagAnchor identifies a flag apart from the entries it names: its kind
// and the pages it cites, "gap|doc-a:3,doc-b:1".
func FlagAnchor(f Flag) string {
	return f.Kind + "|" + strings.Join(citedPages(f.Citations), ",")
}

// citedPages are the distinct pages of cs as "doc:page", sorted.
func citedPages(cs []extract.Citation) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.DocumentID+":"+strconv.Itoa(c.Page))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// anchorParts splits an entry anchor into its date and its pages.
func anchorParts(a string) (date string, pages []string) {
	date, ps, _ := strings.Cut(a, "|")
	if ps == "" {
		return date, nil
	}
	return date, strings.Split(ps, ",")
}

// carryReviews returns reviews with those of entries no longer in c
// re-keyed to their entry's successor: the one current entry with the
// same date (as extracted) citing at least one of the same pages, that
// has no review under its own id. Reviews without an anchor, or whose
// anchor fits no entry or several, stay as they are (ApplyReviews ignores
// them). lost counts the entries whose reviews found no successor.
func carryReviews(c *Chronology, reviews []EntryReview) (out []EntryReview, lost int) {
	all := c.AllEntries()
	current := make(map[string]bool, len(all))
	for _, e := range all {
		current[e.ID] = true
	}
	reviewed := map[string]bool{}
	gone := map[string]string{} // entry id -> its newest anchor
	for _, r := range reviews {
		if current[r.EntryID] {
			reviewed[r.EntryID] = true
		} else if r.Anchor != "" {
			gone[r.EntryID] = r.Anchor
		} else if _, ok := gone[r.EntryID]; !ok {
			gone[r.EntryID] = ""
		}
	}
	if len(gone) == 0 {
		return reviews, 0
	}
	// The current entries nobody reviewed, by their date as extracted,
	// with the pages they cite.
	type cand struct {
		id    string
		pages []string
	}
	byDate := map[string][]cand{}
	for _, e := range all {
		if !reviewed[e.ID] {
			date, pages := entryAnchorParts(e)
			byDate[date] = append(byDate[date], cand{e.ID, pages})
		}
	}
	ids := make([]string, 0, len(gone))
	for id := range gone {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	to := map[string]string{}
	taken := map[string]bool{}
	for _, id := range ids {
		date, pages := anchorParts(gone[id])
		succ, n := "", 0
		for _, e := range byDate[date] {
			if !taken[e.id] && gone[id] != "" && slices.ContainsFunc(pages, func(p string) bool { return slices.Contains(e.pages, p) }) {
				succ, n = e.id, n+1
			}
		}
		if n != 1 {
			lost++
			continue
		}
		to[id], taken[succ] = succ, true
	}
	out = slices.Clone(reviews)
	for i := range out {
		if succ, ok := to[out[i].EntryID]; ok {
			out[i].EntryID = succ
		}
	}
	return out, lost
}

// UnmatchedReviews counts the entries whose reviews find no entry in c,
// not even by their anchor: work a reviewer did on records that
// reprocessing no longer reads the same way, to be looked at again.
func UnmatchedReviews(c *Chronology, reviews []EntryReview) int {
	_, lost := carryReviews(c, reviews)
	return lost
}

// carryDecisions re-keys the decisions of flags no longer in flags to the
// one current flag with the same anchor that has no decision of its own.
func carryDecisions(ds []FlagDecision, flags []Flag) []FlagDecision {
	keys := map[string]bool{}
	byAnchor := map[string][]string{}
	for _, f := range flags {
		k := FlagKey(f)
		keys[k] = true
		byAnchor[FlagAnchor(f)] = append(byAnchor[FlagAnchor(f)], k)
	}
	decided := map[string]bool{}
	for _, d := range ds {
		if keys[d.FlagKey] {
			decided[d.FlagKey] = true
		}
	}
	to := map[string]string{}
	for _, d := range ds {
		if keys[d.FlagKey] || d.Anchor == "" {
			continue
		}
		if _, done := to[d.FlagKey]; done {
			continue
		}
		var free []string
		for _, k := range byAnchor[d.Anchor] {
			if !decided[k] {
				free = append(free, k)
			}
		}
		if len(free) == 1 {
			to[d.FlagKey], decided[free[0]] = free[0], true
		} else {
			to[d.FlagKey] = ""
		}
	}
	out := slices.Clone(ds)
	for i := range out {
		if k := to[out[i].FlagKey]; k != "" {
			out[i].FlagKey = k
		}
	}
	return out
}
