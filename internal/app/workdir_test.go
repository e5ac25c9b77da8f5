package app

import "testing"

// TestServerWorkDirPerDatabase: servers of two databases on one machine
// keep their working copies apart (the same file makes the same document
// id in both, and one's clean-up would remove the other's copy); servers of
// one database share them.
func TestServerWorkDirPerDatabase(t *testing.T) {
	a, err := serverWorkDir("postgres://u:p@localhost:5432/firm_a")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := serverWorkDir("postgres://u:p@localhost:5432/firm_b")
	a2, _ := serverWorkDir("postgres://u:p@localhost:5432/firm_a")
	if a == b || a != a2 {
		t.Errorf("work folders %q, %q, %q: want one per database", a, b, a2)
	}
}
