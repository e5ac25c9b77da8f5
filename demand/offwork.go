package demand

import (
	"sort"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// offWorkWords mark a work status that keeps the client from working.
var offWorkWords = lazyre.New(`(?i)\b(off work|off of work|off duty|no work|unable to work|not to work|not working|excused from work|remains? off(?: of)?(?: work| duty)?|totally disabled|temporary total disability|TTD)\b`)

// backToWorkWords mark a status that has the client working again, with
// or without restrictions.
var backToWorkWords = lazyre.New(`(?i)\b(light duty|modified duty|restricted duty|full duty|regular duty|returns? to work|returned to work|back to work|RTW)\b`)

// offUntil is the end an off-work status gives itself, right after the
// off-work words: "off work until 04/03/2023", "off work and school
// through April 3, 2023".
var offUntil = lazyre.New(`(?i)^[\s,:;-]*(?:[a-z]+\s+){0,3}?(?:until|through|thru|till|to)\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})`)

// offFor is a length an off-work status gives right after the off-work
// words: "off work 3 days", "off work for 2 weeks", "no work x 1 week"
// (not "off work. Follow up in 2 weeks").
var offFor = lazyre.New(`(?i)^[\s,:;-]*(?:for\s+|x\s*)?(\d{1,3})\s+(days?|weeks?)\b`)

// offPeriod is a stretch of time the records place the client off work:
// from the date of the record that says so to the end it gives, or to the
// next record that has the client working again.
type offPeriod struct {
	from, to dates.Date
	start    usedEntry // the record that puts the client off work
	end      usedEntry // the record that gives the end (start when it gives it itself)
	endText  string    // the words of end that give the end
	endOwn   bool      // end's status gives the end itself (a date or a length), not a later record of work
}

// days is the length of the period in days.
func (p offPeriod) days() int { return p.from.DaysUntil(p.to) }

// offWorkPeriods returns the periods the work statuses of the used
// entries place the client off work, in date order, overlapping periods
// merged. A status that gives no end and is followed by no record of
// work is left out: the records do not say how long it lasted.
func (l *letter) offWorkPeriods() []offPeriod {
	ws := l.workFacts()
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Date.Before(ws[j].Date) })
	var out []offPeriod
	for i, e := range ws {
		if e.Date.IsZero() {
			continue
		}
		status := e.WorkStatus
		loc := offWorkWords.FindStringIndex(status)
		if loc == nil {
			continue
		}
		// Only what the off-work words govern: "off work until 4/3, then
		// light duty" ends on 4/3, not at once.
		rest := status[loc[1]:]
		if k := backToWorkWords.FindStringIndex(rest); k != nil {
			rest = rest[:k[0]]
		}
		p := offPeriod{from: e.Date, start: e, end: e}
		if m := offUntil.FindStringSubmatch(rest); m != nil {
			if d, ok := dates.Parse(m[1]); ok && d.After(e.Date) && e.Date.DaysUntil(d) <= 366 {
				p.to, p.endText, p.endOwn = d, m[0], true
			}
		}
		if p.to.IsZero() {
			if m := offFor.FindStringSubmatch(rest); m != nil {
				n, _ := strconv.Atoi(m[1])
				if strings.HasPrefix(strings.ToLower(m[2]), "week") {
					n *= 7
				}
				if n > 0 && n <= 366 {
					p.to, p.endText, p.endOwn = e.Date.AddDays(n), m[0], true
				}
			}
		}
		if p.to.IsZero() {
			for _, f := range ws[i+1:] {
				if f.Date.After(e.Date) && backToWorkWords.MatchString(f.WorkStatus) && !offWorkWords.MatchString(f.WorkStatus) {
					p.to, p.end, p.endText = f.Date, f, f.WorkStatus
					break
				}
			}
		}
		if p.to.IsZero() {
			continue
		}
		if n := len(out); n > 0 && !p.from.After(out[n-1].to) {
			if p.to.After(out[n-1].to) {
				out[n-1].to, out[n-1].end, out[n-1].endText, out[n-1].endOwn = p.to, p.end, p.endText, p.endOwn
			}
			continue
		}
		out = append(out, p)
	}
	return out
}
