package chronology

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// FlagIncidentDate marks a date of injury printed in the records, or the
// first emergency or EMS encounter, that disagrees with the matter's date
// of incident: the citations show where the records print it.
const FlagIncidentDate = "incident_date"

// incidentWindow is how many days around the matter's date of incident
// an emergency or EMS encounter is taken for the incident's first care.
const incidentWindow = 14

// reIncidentLabel finds a printed date-of-injury label; the date follows
// within a few characters.
var reIncidentLabel = lazyre.New(`(?i)\b(?:D\.?O\.?I\.?|D/I|date\s+of\s+(?:injury|accident|incident|loss)|(?:injury|accident|incident)\s+date)\b\s*[:#.\-]?\s*`)

// IncidentDateFinding is one date the records give for the incident that
// is not the matter's date of incident.
type IncidentDateFinding struct {
	Date dates.Date
	// Source is "printed" for a labelled date of injury, "first_care" for
	// the first emergency or EMS encounter near the incident.
	Source    string
	Label     string // as printed ("DOI", "Date of Accident"), or the visit type
	Citations []extract.Citation
}

// CheckIncidentDate compares the matter's date of incident with the dates
// the records print for it: every labelled date of injury or accident on
// the pages ("DOI: 03/14/2024", "Date of accident 3/14/24"), and the first
// emergency or EMS encounter within two weeks of the incident. It returns
// one finding per date that disagrees, with every page printing it. The
// first care's date counts only when no page prints the matter's date as
// the date of injury (a visit the day after is ordinary). A zero incident
// date gives no finding.
func CheckIncidentDate(incident dates.Date, pages []extract.Page, entries []Entry, kinds map[string]string) []IncidentDateFinding {
	if incident.IsZero() {
		return nil
	}
	var out []IncidentDateFinding
	byDate := map[dates.Date]int{}
	agrees := false
	for _, p := range pages {
		for _, m := range printedIncidentDates(p.Text) {
			if m.date == incident {
				agrees = true
				continue
			}
			c := extract.Citation{DocumentID: p.DocumentID, Page: p.Number, Quote: m.quote}
			if i, ok := byDate[m.date]; ok {
				if !slices.ContainsFunc(out[i].Citations, func(x extract.Citation) bool { return x.DocumentID == c.DocumentID && x.Page == c.Page }) {
					out[i].Citations = append(out[i].Citations, c)
				}
				continue
			}
			byDate[m.date] = len(out)
			out = append(out, IncidentDateFinding{Date: m.date, Source: "printed", Label: m.label, Citations: []extract.Citation{c}})
		}
	}
	if agrees {
		return out
	}
	if e := firstCare(incident, entries, kinds); e != nil && e.Date != incident && len(e.Citations) > 0 {
		out = append(out, IncidentDateFinding{Date: e.Date, Source: "first_care", Label: firstCareLabel(e, kinds), Citations: e.Citations[:1]})
	}
	return out
}

type printedDate struct {
	date         dates.Date
	label, quote string
}

// printedIncidentDates returns the labelled dates of injury in text.
func printedIncidentDates(text string) []printedDate {
	var out []printedDate
	for _, loc := range reIncidentLabel.FindAllStringIndex(text, -1) {
		rest := text[loc[1]:min(len(text), loc[1]+24)]
		ms := dates.FindAll(rest)
		if len(ms) == 0 || ms[0].Start > 2 {
			continue
		}
		label := strings.TrimRight(strings.TrimSpace(text[loc[0]:loc[1]]), ":#.- ")
		out = append(out, printedDate{date: ms[0].Date, label: label, quote: text[loc[0] : loc[1]+ms[0].End]})
	}
	return out
}

// isFirstCare reports whether e is an emergency or EMS encounter.
func isFirstCare(e *Entry, kinds map[string]string) bool {
	v := strings.ToLower(e.VisitType + " " + kinds[e.ProviderID])
	for _, w := range []string{"emergency", "ems", "ambulance", "urgent"} {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// firstCare returns the earliest emergency or EMS entry within
// incidentWindow days of the incident.
func firstCare(incident dates.Date, entries []Entry, kinds map[string]string) *Entry {
	var best *Entry
	for i := range entries {
		e := &entries[i]
		if e.Date.IsZero() || !isFirstCare(e, kinds) {
			continue
		}
		if d := incident.DaysUntil(e.Date); d < -incidentWindow || d > incidentWindow {
			continue
		}
		if best == nil || e.Date.Before(best.Date) {
			best = e
		}
	}
	return best
}

func firstCareLabel(e *Entry, kinds map[string]string) string {
	if e.VisitType != "" {
		return e.VisitType
	}
	return strings.ReplaceAll(kinds[e.ProviderID], "_", " ")
}

// Message says what the finding disagrees with, for a flag.
func (f IncidentDateFinding) Message(incident dates.Date) string {
	if f.Source == "first_care" {
		return fmt.Sprintf("The first emergency or EMS encounter (%s) is on %s, but the matter's date of incident is %s: check the date of incident before drafting.",
			f.Label, f.Date, incident)
	}
	return fmt.Sprintf("The records print %q as %s on %d page(s), but the matter's date of incident is %s: check the date of incident before drafting.",
		f.Label, f.Date, len(f.Citations), incident)
}

// incidentFlags raises one incident_date flag per finding.
func (b *builder) incidentFlags(entries []Entry, providers []Provider) []Flag {
	if b.m.DateOfIncident.IsZero() {
		return nil
	}
	var pages []extract.Page
	for _, s := range b.sources {
		pages = append(pages, s.Pages...)
	}
	kinds := map[string]string{}
	for _, p := range providers {
		kinds[p.ID] = p.Kind
	}
	var fs []Flag
	for _, f := range CheckIncidentDate(b.m.DateOfIncident, pages, entries, kinds) {
		cs := slices.Clone(f.Citations)
		for i := range cs {
			b.px.ground(&cs[i])
		}
		var ids []string
		if f.Source == "first_care" {
			for _, e := range entries {
				if e.Date == f.Date && len(e.Citations) > 0 && e.Citations[0] == f.Citations[0] {
					ids = append(ids, e.ID)
				}
			}
		}
		fs = append(fs, Flag{Kind: FlagIncidentDate, Message: f.Message(b.m.DateOfIncident), EntryIDs: ids, Citations: cs})
	}
	return fs
}
