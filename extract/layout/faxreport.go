package layout

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// A fax machine or fax server reports each job it sent (RECORD-LAYOUTS
// §6): a title ("TRANSMISSION VERIFICATION REPORT", "TX RESULT REPORT",
// "Fax Delivery Confirmation"), then the job's details (date and time,
// the sending and remote stations, pages, duration, mode, result) and,
// most of the time, a reduced image of the first page sent. Offices file
// the report in the chart after the record it sent: it is administrative,
// and the heading, patient and visit date its image reproduces record no
// visit.

// reFaxReportTitle is a transmission report's title, opening its line
// (asterisks around it, or specks a scan reads for them, letters among
// them: "s*s TX RESULT REPORT", "ve TRANSMISSION RESULT REPORT", between its words: "TRANSMISSION
// ‘VERIFICATION REPORT"; its date or mode beside it).
var reFaxReportTitle = lazyre.New(`(?i)^(?:\S{1,4}\s+)?[^a-z0-9]*(?:fax[^\pL\pN]{1,4})?(?:(?:transmission|tx|transaction|communication|comm\.|send)[^\pL\pN]{1,4}(?:verification[^\pL\pN]{1,4}|result[^\pL\pN]{1,4}|confirmation[^\pL\pN]{1,4}|status[^\pL\pN]{1,4})?(?:report|confirmation|result)|fax[^\pL\pN]{1,4}(?:delivery|transmission|send|sent)[^\pL\pN]{1,4}(?:confirmation|receipt|failure|report|result|notification))\b`)

// reFaxReportField is a label of a transmission report's details: a
// colon, a gap, the line's end or its value (a number, a word in
// capitals, "OK") after it, never running text ("the result was").
var reFaxReportField = lazyre.New(`\b(?i:result|duration|pgs\.?|page\(s\)|pages(?:\s+sent)?|mode|status|job\s*(?:no\.?|id|#)|destination|recipient|remote\s+station|speed|fax\s+no\.?(?:/name)?|st\.\s*time)(?:\s*:|\s{2,}|\s*$|\s+[^a-z\s])`)

// faxReport reports whether page pi is a fax transmission report: one of
// its first three lines (a fax header may print above it) opens with a
// report's title, and two or more labels of the job's details follow
// within a dozen lines.
func faxReport(d *Doc, pi int) bool {
	ls := d.PageLines(pi)
	for i := 0; i < len(ls) && i < 3; i++ {
		if !reFaxReportTitle.MatchString(ls[i].Trim) {
			continue
		}
		labels := map[string]bool{}
		for j := i + 1; j < len(ls) && j <= i+12; j++ {
			for _, m := range reFaxReportField.FindAllString(ls[j].Trim, -1) {
				labels[strings.ToLower(strings.Fields(m)[0])] = true
			}
		}
		return len(labels) >= 2
	}
	return false
}
