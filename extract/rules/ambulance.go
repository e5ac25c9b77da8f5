package rules

import "github.com/medchron/medchron/internal/lazyre"

// reRunReport names an ambulance service's record of a run in its first
// lines: its title ("Prehospital Care Report", "Patient Care Report", "Run
// Report") or the service itself ("Metro County Emergency Medical
// Services", "Lifeline Ambulance", "County Fire Rescue").
var reRunReport = lazyre.New(`(?i)\b(?:prehospital (?:care )?(?:report|record)|patient care (?:report|record)|(?:ems |ambulance )?run (?:report|sheet)|emergency medical services|ambulance(?: service| services| company)?\s*$|fire (?:department|rescue|district)\b.*$|\bems\b\s*$)`)

// ambulanceRun reports whether the note is an ambulance service's record
// of a run: there the incident's date is the day of the run, the date of
// service, not an injury date set apart from the visit.
func (n *note) ambulanceRun() bool {
	for _, l := range n.lines[:min(3, len(n.lines))] {
		if reRunReport.MatchString(l.trim) {
			return true
		}
	}
	return false
}
