package sqlite

import (
	"context"
	"errors"
	"fmt"

	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// ReplaceICD10 replaces the stored ICD-10-CM table with codes in one
// transaction (readers see the old table or the new one, never a mix) and
// returns the number of codes stored. Codes repeated in the input are
// stored once, the last one winning.
func (s *Store) ReplaceICD10(ctx context.Context, codes []store.ICD10Code) (int, error) {
	var n int
	err := s.replaceICD10(ctx, codes, &n)
	if err != nil {
		return 0, fmt.Errorf("import icd-10-cm codes: %w", err)
	}
	return n, nil
}

func (s *Store) replaceICD10(ctx context.Context, codes []store.ICD10Code, n *int) error {
	if s.tx != nil {
		return errors.New("cannot replace the code table inside another transaction")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace icd-10: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM icd10cm_codes"); err != nil {
		return fmt.Errorf("replace icd-10: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO icd10cm_codes (code, billable, short, long) VALUES (?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET billable = excluded.billable, short = excluded.short, long = excluded.long`)
	if err != nil {
		return fmt.Errorf("replace icd-10: %w", err)
	}
	defer stmt.Close()
	for i, c := range codes {
		if i%10000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		code := store.NormCode(c.Code)
		if code == "" {
			continue
		}
		if _, err := stmt.ExecContext(ctx, code, c.Billable, c.Short, c.Long); err != nil {
			return fmt.Errorf("code %s: %w", code, err)
		}
	}
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM icd10cm_codes").Scan(n); err != nil {
		return fmt.Errorf("replace icd-10: %w", err)
	}
	return tx.Commit()
}

// ICD10Count returns the number of imported ICD-10-CM codes.
func (s *Store) ICD10Count(ctx context.Context) (int, error) {
	var n int
	if err := s.q.QueryRowContext(ctx, "SELECT COUNT(*) FROM icd10cm_codes").Scan(&n); err != nil {
		return 0, fmt.Errorf("count icd-10-cm codes: %w", err)
	}
	return n, nil
}

// ICD10Codes returns the imported ICD-10-CM table in code order.
func (s *Store) ICD10Codes(ctx context.Context) ([]store.ICD10Code, error) {
	return rows.List(ctx, s.query, "read icd-10-cm codes", rows.Code, `SELECT `+rows.CodeColumns+` FROM icd10cm_codes ORDER BY code`)
}

// CodeBook loads the imported ICD-10-CM table. It returns nil and no error
// when no table has been imported.
func (s *Store) CodeBook(ctx context.Context) (*icd10.Book, error) {
	return rows.LoadBook(ctx, s.query)
}
