// Package export names the files a matter is exported as (the chronology
// in four formats, the Bates-stamped exhibit, the demand draft in two) and
// writes a processed matter's files into a folder.
//
// It sits at the application edge, above chronology/report, chronology/exhibit
// and demand, so that none of those needs to know the others: the command
// line ("medchron process", "medchron eval --out") writes a folder with
// WriteAll, and the web application serves the same names one at a time.
package export
