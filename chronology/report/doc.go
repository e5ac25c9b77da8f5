// Package report writes a chronology.Chronology to the files of the output
// contract (../shared/spec/README.md): chronology.json, chronology.csv,
// chronology.xlsx and a self-contained chronology.html. Writing a whole
// output folder (these four and the demand draft) is the application's
// job: internal/export.WriteAll.
//
// The writers are pure: they take the chronology and an io.Writer and know
// nothing of storage or HTTP. Every cell and every piece of text that came
// from a medical record is escaped for its format: RFC 4180 quoting and a
// formula-injection guard in CSV, html/template in HTML.
package report
