package dates

// yearFollows reports whether text at i continues with a comma and a
// four-digit year: the two digits a day-first match took for its year are
// then the day of a month-first date ("1   Jun 10, 2024" in a table row is
// June 10, 2024 after a row number, not June 1, 2010).
func yearFollows(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i >= len(text) || text[i] != ',' {
		return false
	}
	i++
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	n := 0
	for i+n < len(text) && isDigit(text[i+n]) {
		n++
	}
	return n == 4
}
