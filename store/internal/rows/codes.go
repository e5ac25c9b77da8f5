package rows

import (
	"context"
	"fmt"

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

// LoadBook reads the code table with q into a code book; nil when none
// was imported.
func LoadBook(ctx context.Context, q Query) (*icd10.Book, error) {
	rs, done, err := q(ctx, `SELECT `+CodeColumns+` FROM icd10cm_codes`)
	if err != nil {
		return nil, fmt.Errorf("load icd-10-cm codes: %w", err)
	}
	defer done()
	b, err := Book(rs)
	if err != nil {
		return nil, fmt.Errorf("load icd-10-cm codes: %w", err)
	}
	return b, nil
}
