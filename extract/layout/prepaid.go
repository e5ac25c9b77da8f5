package layout

import "github.com/medchron/medchron/internal/lazyre"

// Prepaid packages: a practice that sells its sessions in packages (a
// massage or acupuncture series, a block of personal training) keeps a
// redemption log, a "punch card": the package bought, with its date,
// price and receipt, on a line of its own above a table of the sessions
// redeemed, one a row with the sessions left; a renewal bought when the
// package runs out. The purchase is no visit and the log is no bill: its
// amounts are the packages' prices, none in a row of the table. A row
// that uses a session up without one (a late cancellation, a no-show) is
// none either (see AppointmentStatus).

// rePackageWords are a redemption log's words for what it counts.
var rePackageWords = lazyre.New(`(?i)\b(?:pre-?paid|packages?|punch(?:es|ed)?|punch\s+card|series\s+(?:card|plan|package)|redeemed|redemption|redeem|(?:sessions?|visits?|treatments?)\s+(?:left|remaining|used|redeemed)|remaining\s+(?:sessions?|visits?)|forfeit(?:ed|s)?)\b`)

// packageLog reports whether a page is a prepaid package's redemption
// log: three dated table rows or more under column heads, none printing
// an amount, the page's few amounts (a package's price) on lines of their
// own, and two of a package's words or more.
func packageLog(f pageFeatures) bool {
	if f.tableRows < 3 || !f.headerRow || f.moneyRows > 0 || f.money*2 > f.tableRows || f.headings >= 3 {
		return false
	}
	return len(rePackageWords.FindAllStringIndex(f.text, 3)) >= 2
}
