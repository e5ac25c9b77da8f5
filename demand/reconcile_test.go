package demand

import (
	"errors"
	"strings"
	"testing"
)

// TestReconcileGeneratedLetter: every section of the letter generated for
// the rubric matter, with a full set of attorney inputs, reconciles with
// the chronology, the ledger and the inputs; the same section with an
// invented amount or a wrong date does not, and Reconciled then refuses it
// as not finished, naming the figure.
func TestReconcileGeneratedLetter(t *testing.T) {
	c := reviewAll(loadRubricMatter(t))
	in := fullInputs()
	d := Generate(c, Options{Now: testNow, Inputs: in})
	var checked int
	for _, s := range d.Sections {
		r := Reconcile(c, in, d.GeneratedAt, s.Body)
		if err := Reconciled(r); err != nil {
			t.Errorf("section %s: %v", s.Key, err)
		}
		n, _ := r.Checked()
		checked += n
	}
	if checked < 100 {
		t.Errorf("only %d figures checked over the whole letter", checked)
	}
	body := d.Sections[0].Body
	for _, tc := range []struct{ name, add, want string }{
		{"invented amount", "The charges came to $987,654.32.", "$987,654.32"},
		{"wrong date", "The client was first seen on March 3, 1999.", "1999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Reconciled(Reconcile(c, in, d.GeneratedAt, body+"\n\n"+tc.add))
			if !errors.Is(err, ErrNotFinished) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Reconciled = %v, want ErrNotFinished naming %s", err, tc.want)
			}
		})
	}
}
