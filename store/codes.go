package store

import (
	"context"
	"slices"
	"strings"

	"github.com/medchron/medchron/icd10"
)

// ICD10Code is one row of the official ICD-10-CM code table.
type ICD10Code struct {
	// Code is the code as the order file prints it: without its dot.
	Code     string
	Billable bool
	Short    string
	Long     string
}

// NormCode returns the table key of a code in dotted or undotted form.
func NormCode(code string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), ".", ""))
}

// BookCodes returns the codes of book as table rows, in code order.
func BookCodes(book *icd10.Book) []ICD10Code {
	codes := make([]ICD10Code, 0, book.Len())
	book.Each(func(code string, billable bool, short, long string) {
		codes = append(codes, ICD10Code{Code: code, Billable: billable, Short: short, Long: long})
	})
	slices.SortFunc(codes, func(a, b ICD10Code) int { return strings.Compare(a.Code, b.Code) })
	return codes
}

// Codes keeps the imported ICD-10-CM table ("medchron codes import").
type Codes interface {
	// ReplaceICD10 replaces the stored table with codes in one transaction
	// (readers see the old table or the new one, never a mix) and returns
	// the number of codes stored; ErrNotMigrated when the database has no
	// code table yet.
	ReplaceICD10(ctx context.Context, codes []ICD10Code) (int, error)
	// ICD10Count returns the number of imported codes.
	ICD10Count(ctx context.Context) (int, error)
	// ICD10Codes returns the imported table in code order.
	ICD10Codes(ctx context.Context) ([]ICD10Code, error)
	// CodeBook loads the imported table; nil and no error when none was
	// imported.
	CodeBook(ctx context.Context) (*icd10.Book, error)
}
