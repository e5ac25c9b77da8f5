package demand

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// regionOther holds diagnoses of no body region (headache codes are a
// region; hypertension is not an injury and is left out below).
const regionOther = "other diagnoses"

// diagnosis is one diagnosis as first recorded after the incident.
type diagnosis struct {
	text string
	e    usedEntry
}

// injuryCode reports whether a code names an injury or its symptoms, not
// an external cause (V–Y), a status (Z) or an unrelated chronic disease.
func injuryCode(code string) bool {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return true
	}
	switch code[0] {
	case 'S', 'T', 'M', 'G', 'R', 'F', 'H':
		return true
	}
	return false
}

// diagnosesByRegion groups the first recording of each diagnosis by body
// region, regions in first-diagnosed order.
func (l *letter) diagnosesByRegion() ([]string, map[string][]diagnosis) {
	seen := map[string]bool{}
	by := map[string][]diagnosis{}
	var order []string
	for _, e := range l.used {
		for _, d := range e.Diagnoses {
			if !injuryCode(d.Code) || (d.Code == "" && len(chronology.BodyRegions(d.Description, nil)) == 0) {
				continue
			}
			key := codeStem(d.Code)
			if key == "" {
				key = strings.ToLower(clean(d.Description))
			}
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			region := regionOther
			if rs := chronology.BodyRegions(d.Description, []string{d.Code}); len(rs) > 0 {
				region = rs[0]
			}
			if _, ok := by[region]; !ok {
				order = append(order, region)
			}
			if desc, ok := brief(d.Description, 16); ok {
				d.Description = encounterSuffix.ReplaceAllString(desc, "")
			}
			by[region] = append(by[region], diagnosis{text: codedPhrases([]extract.Coded{d}), e: e})
		}
	}
	return order, by
}

// codeStem is an ICD-10 code without its dot and 7th-character encounter
// extension: S13.4XXA and S13.4XXD are one diagnosis.
func codeStem(code string) string {
	c := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), ".", ""))
	if len(c) == 7 && strings.ContainsRune("ADS", rune(c[6])) {
		c = c[:6]
	}
	return strings.TrimRight(c, "X")
}

// encounterSuffix is the ICD-10 description's encounter, which the
// letter need not repeat.
var encounterSuffix = lazyre.New(`(?i),? (initial|subsequent) encounter\b.*$|,? sequela$`)

// imagingVisit recognises imaging and electrodiagnostic records.
var imagingVisit = lazyre.New(`(?i)\b(imaging|radiology|mri|ct|x-?ray|radiograph\w*|ultrasound|emg|ncs|nerve conduction)\b`)

// positiveFinding is an abnormal examination finding.
var positiveFinding = lazyre.New(`(?i)\b(positive|diminished|decreased|reduced|limited|restricted|spasm|hypertonicity|tender(ness)?|[0-4]\+?/5|radiat\w*|weakness|numbness|paresthesia\w*)\b`)

// injuries writes the diagnoses grouped by body region and the objective
// findings: imaging impressions and abnormal examination findings.
func (l *letter) injuries() Section {
	w := l.writer()
	var b strings.Builder
	b.WriteString("### Diagnoses by body region\n\n")
	order, by := l.diagnosesByRegion()
	if len(order) == 0 {
		b.WriteString("The records used for this draft state no coded diagnosis.\n")
	}
	for _, region := range order {
		ds := by[region]
		var parts []string
		for _, d := range ds {
			parts = append(parts, d.text)
		}
		first := ds[0]
		fmt.Fprintf(&b, "- %s: %s; first diagnosed %s by %s.%s\n", capitalize(region), strings.Join(parts, "; "),
			longDate(first.e.Date), clean(first.e.Provider), w.cite(first.e, codedMatch(first.e.Diagnoses)))
	}
	b.WriteString("\n### Objective findings\n\n")
	n := 0
	for _, e := range l.used {
		if !imagingVisit.MatchString(e.VisitType) {
			continue
		}
		imp := e.Assessment
		if imp == "" {
			imp = e.Findings
		}
		ss := recordSentences(imp)
		var keep []string
		for _, s := range ss {
			if c, ok := clause(s, 25); ok && len(keep) < 3 {
				keep = append(keep, c)
			}
		}
		if len(keep) == 0 {
			continue
		}
		study := studyName(e)
		fmt.Fprintf(&b, "- %s, %s, %s: %s.%s\n", capitalize(study), longDate(e.Date), clean(e.Provider), strings.Join(keep, "; "), w.cite(e, strings.Join(keep, " ")))
		n++
	}
	exams := 0
	examined := map[string]bool{}
	for _, e := range l.used {
		k := providerKey(e.ProviderID, e.Provider)
		if exams == 3 || examined[k] || imagingVisit.MatchString(e.VisitType) {
			continue
		}
		fs := matching(positiveFinding, e.Findings, 25)
		if len(fs) > 2 {
			fs = fs[:2]
		}
		if len(fs) == 0 {
			continue
		}
		examined[k] = true
		fmt.Fprintf(&b, "- Examination, %s, %s: %s.%s\n", longDate(e.Date), clean(e.Provider), strings.Join(fs, "; "), w.cite(e, strings.Join(fs, " ")))
		exams++
		n++
	}
	if n == 0 {
		b.WriteString("The records used for this draft report no imaging or abnormal examination finding.\n")
	}
	return w.section(KeyInjuries, "Injuries", b.String())
}

func capitalize(s string) string { return sentenceCase(s) }

// studyName names an imaging study by its first procedure ("MRI cervical
// spine without contrast"), else by the visit type.
func studyName(e usedEntry) string {
	for _, p := range e.Procedures {
		if d := clean(p.Description); d != "" {
			return unshout(d)
		}
	}
	return clean(e.VisitType)
}

// unshout lowers an all-capitals phrase, keeping acronyms of up to three
// letters ("MRI", "CT").
func unshout(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	fs := strings.Fields(s)
	for i, f := range fs {
		if len(f) > 3 || i > 0 && len(f) <= 3 && !acronyms[f] {
			fs[i] = strings.ToLower(f)
		}
	}
	return strings.Join(fs, " ")
}

var acronyms = map[string]bool{"MRI": true, "CT": true, "EMG": true, "NCS": true, "XR": true, "AP": true, "PA": true, "ESI": true}

// sentenceCase capitalises the first letter.
func sentenceCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
