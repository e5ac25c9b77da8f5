// Package reporttest builds a rich, synthetic chronology that the exporters'
// tests (chronology/report and demand) share. Every name, date and amount in
// it is invented; it holds no real patient data.
package reporttest
