// Package eval measures a chronology against a truth file: per field, how
// many of the true facts were found (recall) and how many of the found ones
// are true (precision). It also re-checks that every quote of a verified
// fact stands on its page (CheckGrounding) and sums the scores of many
// files into a micro-averaged total (Total). It backs the golden tests and
// "medchron eval".
package eval
