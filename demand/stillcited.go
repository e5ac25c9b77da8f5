package demand

import (
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// batesRange is a run of Bates numbers as the letter prints them:
// "MC000020–MC000031" (an en dash or a hyphen).
var batesRange = lazyre.New(`\b([A-Z][A-Z_-]*?)(\d{3,})\s*[–-]\s*([A-Z][A-Z_-]*?)?(\d{3,})\b`)

// stillCited keeps the citations an edited text still refers to: a page
// whose Bates number the text prints, alone or inside a printed range. A
// citation without a Bates number is kept (the letter then names the file
// and page, which an edit may word freely); so is every citation of a text
// that prints none of their Bates numbers at all, which cites otherwise.
func stillCited(body string, cits []extract.Citation) []extract.Citation {
	var ranges [][4]string
	for _, m := range batesRange.FindAllStringSubmatch(body, -1) {
		ranges = append(ranges, [4]string{m[1], m[2], m[3], m[4]})
	}
	var out []extract.Citation
	printed := false // a citation kept for its printed Bates number
	for _, c := range cits {
		if c.Bates == "" || strings.Contains(body, c.Bates) || inRange(c.Bates, ranges) {
			out = append(out, c)
			printed = printed || c.Bates != ""
		}
	}
	if !printed {
		return cits
	}
	return out
}

// inRange reports whether a Bates number lies in one of the printed ranges
// (same prefix, number between the ends).
func inRange(bates string, ranges [][4]string) bool {
	i := len(bates)
	for i > 0 && bates[i-1] >= '0' && bates[i-1] <= '9' {
		i--
	}
	n, err := strconv.Atoi(bates[i:])
	if err != nil {
		return false
	}
	for _, r := range ranges {
		if r[2] != "" && r[2] != r[0] || r[0] != bates[:i] {
			continue
		}
		lo, err1 := strconv.Atoi(r[1])
		hi, err2 := strconv.Atoi(r[3])
		if err1 == nil && err2 == nil && lo <= n && n <= hi {
			return true
		}
	}
	return false
}
