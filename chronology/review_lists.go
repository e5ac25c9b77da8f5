package chronology

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// List fields (diagnoses, procedures, medications) are corrected as text,
// one item a line; a coded item reads "CODE description" (as FieldValue
// writes it), and a line without a leading code is a description alone.

// Bounds of a corrected list.
const (
	maxListItems    = 60
	maxListItemText = 300
)

var (
	// icdLead is an ICD-10-CM code opening a line ("S13.4XXA", "M54.2").
	icdLead = lazyre.New(`(?i)^([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\s*[—–:-]\s*|\s+|$)`)
	// procLead is a CPT or HCPCS code opening a line ("97110", "J1030").
	procLead = lazyre.New(`(?i)^([0-9]{4}[0-9A-Z]|[A-V][0-9]{4})(?:\s*[—–:-]\s*|\s+|$)`)
)

// codedText writes coded items one a line, "CODE description".
func codedText(cs []extract.Coded) string {
	lines := make([]string, 0, len(cs))
	for _, c := range cs {
		lines = append(lines, strings.TrimSpace(c.Code+" "+c.Description))
	}
	return strings.Join(lines, "\n")
}

// listLines splits a corrected list into its non-empty lines.
func listLines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// parseCoded reads a corrected list of coded items with lead as the code
// pattern.
func parseCoded(v string, lead *lazyre.Regexp) []extract.Coded {
	var out []extract.Coded
	for _, l := range listLines(v) {
		c := extract.Coded{Description: l}
		if m := lead.FindStringSubmatchIndex(l); m != nil {
			c.Code = strings.ToUpper(l[m[2]:m[3]])
			c.Description = strings.TrimSpace(l[m[1]:])
		}
		out = append(out, c)
	}
	return out
}

// checkList checks a corrected list's size.
func checkList(f, v string) error {
	lines := listLines(v)
	if len(lines) > maxListItems {
		return fmt.Errorf("correct %s: %d lines, at most %d", strings.ReplaceAll(f, "_", " "), len(lines), maxListItems)
	}
	for _, l := range lines {
		if len([]rune(l)) > maxListItemText {
			return fmt.Errorf("correct %s: a line is longer than %d characters", strings.ReplaceAll(f, "_", " "), maxListItemText)
		}
	}
	return nil
}

func init() {
	fields["diagnoses"] = fieldAccess{
		get: func(e *Entry) string { return codedText(e.Diagnoses) },
		set: func(e *Entry, v string) { e.Diagnoses = parseCoded(v, icdLead) },
	}
	fields["procedures"] = fieldAccess{
		get: func(e *Entry) string { return codedText(e.Procedures) },
		set: func(e *Entry, v string) { e.Procedures = parseCoded(v, procLead) },
	}
	fields["medications"] = fieldAccess{
		get: func(e *Entry) string { return strings.Join(e.Medications, "\n") },
		set: func(e *Entry, v string) { e.Medications = listLines(v) },
	}
}

// DiagnosisLine splits a line of a corrected diagnosis list into its
// ICD-10-CM code, upper case ("" when the line opens with none), and its
// description.
func DiagnosisLine(l string) (code, desc string) {
	l = strings.TrimSpace(l)
	m := icdLead.FindStringSubmatchIndex(l)
	if m == nil {
		return "", l
	}
	return strings.ToUpper(l[m[2]:m[3]]), strings.TrimSpace(l[m[1]:])
}
