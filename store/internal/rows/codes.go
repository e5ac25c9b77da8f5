package rows

import (
	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/store"
)

// CodeColumns are the columns Code scans.
const CodeColumns = `code, billable, short, long`

// Code scans a row of CodeColumns.
func Code(sc Scanner) (store.ICD10Code, error) {
	var c store.ICD10Code
	err := sc.Scan(&c.Code, &c.Billable, &c.Short, &c.Long)
	return c, err
}

// Book reads rows of CodeColumns into a code book; nil when there are
// none.
func Book(rs Rows) (*icd10.Book, error) {
	b := icd10.New()
	for rs.Next() {
		c, err := Code(rs)
		if err != nil {
			return nil, err
		}
		b.Add(c.Code, c.Billable, c.Short, c.Long)
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	if b.Len() == 0 {
		return nil, nil
	}
	return b, nil
}
