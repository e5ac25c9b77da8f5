package postgres

import (
	"context"
	"fmt"

	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"

	"github.com/jackc/pgx/v5"
)

// ReplaceICD10 replaces the stored ICD-10-CM table with codes in one
// transaction (readers see the old table or the new one, never a mix) and
// returns the number of codes stored. Codes repeated in the input are
// stored once, the last one winning; blank codes are skipped. Called on a
// store bound to a transaction, it runs in that transaction.
func (s *Store) ReplaceICD10(ctx context.Context, codes []store.ICD10Code) (int, error) {
	at := make(map[string]int, len(codes))
	rows := make([][]any, 0, len(codes))
	for _, c := range codes {
		code := store.NormCode(c.Code)
		if code == "" {
			continue
		}
		row := []any{code, c.Billable, clean(c.Short), clean(c.Long)}
		if i, ok := at[code]; ok {
			rows[i] = row
			continue
		}
		at[code] = len(rows)
		rows = append(rows, row)
	}
	var n int
	err := s.inTx(ctx, func(ctx context.Context, tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM icd10cm_codes`); err != nil {
			return err
		}
		copied, err := tx.CopyFrom(ctx, pgx.Identifier{"icd10cm_codes"},
			[]string{"code", "billable", "short", "long"}, pgx.CopyFromRows(rows))
		n = int(copied)
		return err
	})
	if isUndefinedTable(err) {
		err = fmt.Errorf("%w: %w", store.ErrNotMigrated, err)
	}
	if err != nil {
		return 0, fmt.Errorf("import icd-10-cm codes: %w", err)
	}
	return n, nil
}

// ICD10Count returns the number of imported ICD-10-CM codes.
func (s *Store) ICD10Count(ctx context.Context) (int, error) {
	var n int
	if err := s.q.QueryRow(ctx, `SELECT count(*) FROM icd10cm_codes`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count icd-10-cm codes: %w", err)
	}
	return n, nil
}

// ICD10Codes returns the imported ICD-10-CM table in code order.
func (s *Store) ICD10Codes(ctx context.Context) ([]store.ICD10Code, error) {
	return rows.List(ctx, s.query, "read icd-10-cm codes", rows.Code, `SELECT `+rows.CodeColumns+` FROM icd10cm_codes ORDER BY code COLLATE "C"`)
}

// CodeBook loads the imported ICD-10-CM table. It returns nil and no error
// when no table has been imported.
func (s *Store) CodeBook(ctx context.Context) (*icd10.Book, error) {
	return rows.LoadBook(ctx, s.query)
}
