package access

import (
	"strings"
	"testing"
	"time"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Fatalf("hash %q is not argon2id PHC", h)
	}
	h2, _ := HashPassword("correct horse battery staple")
	if h == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, c := range []struct {
		pw   string
		want bool
	}{{"correct horse battery staple", true}, {"correct horse battery stapl", false}, {"", false}} {
		ok, err := CheckPassword(h, c.pw)
		if err != nil || ok != c.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", c.pw, ok, err, c.want)
		}
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=65536,t=3,p=2$c2FsdA$aGFzaA", "$argon2id$v=19$m=0,t=3,p=2$c2FsdA$aGFzaA", "$argon2id$v=19$m=65536,t=3,p=2$!!$aGFzaA"} {
		if _, err := CheckPassword(bad, "x"); err == nil {
			t.Errorf("CheckPassword accepted malformed hash %q", bad)
		}
	}
}

func TestNewUserAndAuthenticate(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	u, err := NewUser("  Alice.Smith ", "Alice Smith", RoleParalegal, "a long enough password", now)
	if err != nil {
		t.Fatal(err)
	}
	if u.Username != "alice.smith" || u.ID == "" || u.PasswordHash == "" || !u.CreatedAt.Equal(now) {
		t.Errorf("user %+v", u)
	}
	if !Authenticate(u, true, "a long enough password") {
		t.Error("right password refused")
	}
	if Authenticate(u, true, "wrong password here") {
		t.Error("wrong password accepted")
	}
	if Authenticate(User{}, false, "a long enough password") {
		t.Error("unknown user accepted")
	}
	u.Disabled = true
	if Authenticate(u, true, "a long enough password") {
		t.Error("disabled user accepted")
	}
	for _, c := range []struct {
		name string
		role Role
		pw   string
	}{{"x", RoleAdmin, "a long enough password"}, {"bob smith", RoleAdmin, "a long enough password"}, {"bob", "judge", "a long enough password"}, {"bob", RoleAdmin, "short"}} {
		if _, err := NewUser(c.name, "", c.role, c.pw, now); err == nil {
			t.Errorf("NewUser(%q, %q, %q) accepted", c.name, c.role, c.pw)
		} else if strings.Contains(err.Error(), c.pw) && c.pw != "" && len(c.pw) > 5 {
			t.Errorf("error %q quotes the password", err)
		}
	}
}

func TestCan(t *testing.T) {
	admin := User{ID: "a", Role: RoleAdmin}
	att := User{ID: "b", Role: RoleAttorney}
	para := User{ID: "c", Role: RoleParalegal}
	cases := []struct {
		u      User
		a      Action
		member bool
		want   bool
	}{
		{admin, ViewMatter, false, true},
		{admin, ApproveDemand, true, false}, // only attorneys approve
		{att, ViewMatter, false, false},     // not assigned: nothing
		{att, ApproveDemand, false, false},
		{att, ApproveDemand, true, true},
		{att, ViewAudit, true, true},
		{para, ViewMatter, true, true},
		{para, ReviewEntries, true, true},
		{para, EditDemand, true, false},
		{para, ApproveDemand, true, false},
		{para, ViewAudit, true, false},
		{para, ViewMatter, false, false},
		{User{ID: "d", Role: RoleAttorney, Disabled: true}, ViewMatter, true, false},
		{User{}, ViewMatter, true, false},
	}
	for _, c := range cases {
		if got := Can(c.u, c.a, c.member); got != c.want {
			t.Errorf("Can(%s, %s, member=%v) = %v, want %v", c.u.Role, c.a, c.member, got, c.want)
		}
	}
	if !CanGlobal(admin, ManageUsers) || CanGlobal(att, ManageUsers) || CanGlobal(para, ViewAllAudit) || !CanGlobal(para, CreateMatter) {
		t.Error("global permissions")
	}
}

func TestSession(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	s, tok := NewSession("u1", t0)
	if tok == "" || s.TokenHash != HashToken(tok) || s.TokenHash == tok || s.CSRF == "" || s.CSRF == tok {
		t.Fatalf("session %+v token %q", s, tok)
	}
	if s.Expired(t0.Add(IdleTimeout - time.Second)) {
		t.Error("expired before the idle timeout")
	}
	if !s.Expired(t0.Add(IdleTimeout + time.Second)) {
		t.Error("not expired after the idle timeout")
	}
	s.LastSeen = t0.Add(MaxLifetime)
	if !s.Expired(t0.Add(MaxLifetime + time.Second)) {
		t.Error("an active session outlived MaxLifetime")
	}
	if s.NeedsTouch(s.LastSeen.Add(30*time.Second)) || !s.NeedsTouch(s.LastSeen.Add(2*time.Minute)) {
		t.Error("NeedsTouch")
	}
}
