package storetest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
)

// accessNotFound fails the test unless err wraps store.ErrNotFound.
func accessNotFound(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("%s: error %v, want one wrapping store.ErrNotFound", what, err)
	}
}

// testUsers creates users, reads them back by id, by name and in the
// list, and refuses a taken username or id.
func testUsers(t *testing.T, s WorkflowStore, _ Exec) {
	p := newIDs(t)
	carol := createUser(t, s, p, "carol", access.RoleParalegal)
	alice := createUser(t, s, p, "alice", access.RoleAttorney)
	bob := p.user("bob", access.RoleAdmin)
	bob.Disabled, bob.Name = true, ""
	if err := s.CreateUser(ctx(t), bob); err != nil {
		t.Fatal(err)
	}
	bob.CreatedAt = stored(bob.CreatedAt)

	for _, u := range []access.User{alice, bob, carol} {
		got, err := s.User(ctx(t), u.ID)
		if err != nil {
			t.Fatalf("User %s: %v", u.ID, err)
		}
		equal(t, "User "+u.ID, got, u)
		if got.CreatedAt.Location() != time.UTC {
			t.Errorf("User %s: CreatedAt in %v, want UTC", u.ID, got.CreatedAt.Location())
		}
		got, err = s.UserByName(ctx(t), u.Username)
		if err != nil {
			t.Fatalf("UserByName %s: %v", u.Username, err)
		}
		equal(t, "UserByName "+u.Username, got, u)
	}
	all, err := s.Users(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	var mine []access.User
	for _, u := range all {
		if strings.HasSuffix(u.Username, "."+string(p)) {
			mine = append(mine, u)
		}
	}
	equal(t, "Users (ordered by username)", mine, []access.User{alice, bob, carol})

	taken := p.user("other", access.RoleParalegal)
	taken.Username = alice.Username
	if err := s.CreateUser(ctx(t), taken); !errors.Is(err, store.ErrExists) {
		t.Errorf("CreateUser with a taken username: %v, want store.ErrExists", err)
	}
	sameID := p.user("dave", access.RoleParalegal)
	sameID.ID = alice.ID
	if err := s.CreateUser(ctx(t), sameID); !errors.Is(err, store.ErrExists) {
		t.Errorf("CreateUser with a taken id: %v, want store.ErrExists", err)
	}
	if _, err := s.UserByName(ctx(t), "dave."+string(p)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused user was stored: UserByName = %v", err)
	}
	_, err = s.User(ctx(t), "usr-"+string(p)+"-missing")
	accessNotFound(t, "User of a missing id", err)
	_, err = s.UserByName(ctx(t), "missing."+string(p))
	accessNotFound(t, "UserByName of a missing name", err)
}

// testUserUpdate disables a user and changes the other fields, keeping
// the creation time, and refuses a taken username and a missing user.
func testUserUpdate(t *testing.T, s WorkflowStore, _ Exec) {
	p := newIDs(t)
	u := createUser(t, s, p, "erin", access.RoleParalegal)
	other := createUser(t, s, p, "frank", access.RoleAttorney)

	changed := u
	changed.Disabled, changed.Role, changed.Name = true, access.RoleAttorney, "Erin Q. Public"
	changed.Username = "erin.q." + string(p)
	changed.PasswordHash = "$argon2id$v=19$m=65536,t=3,p=2$bmV3c2FsdA$bmV3aGFzaA"
	changed.CreatedAt = t0.Add(48 * time.Hour) // not updated
	if err := s.UpdateUser(ctx(t), changed); err != nil {
		t.Fatal(err)
	}
	got, err := s.User(ctx(t), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := changed
	want.CreatedAt = u.CreatedAt
	equal(t, "updated user", got, want)
	if _, err := s.UserByName(ctx(t), u.Username); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UserByName of the old username = %v, want store.ErrNotFound", err)
	}

	clash := want
	clash.Username = other.Username
	if err := s.UpdateUser(ctx(t), clash); !errors.Is(err, store.ErrExists) {
		t.Errorf("UpdateUser to a taken username: %v, want store.ErrExists", err)
	}
	if got, _ := s.User(ctx(t), u.ID); got.Username != want.Username {
		t.Errorf("a refused update changed the username to %q", got.Username)
	}
	missing := p.user("ghost", access.RoleParalegal)
	accessNotFound(t, "UpdateUser of a missing user", s.UpdateUser(ctx(t), missing))
}

// testSessions walks sessions through create, read, touch and both kinds
// of delete.
func testSessions(t *testing.T, s WorkflowStore, _ Exec) {
	p := newIDs(t)
	u := createUser(t, s, p, "gina", access.RoleAttorney)
	v := createUser(t, s, p, "hank", access.RoleParalegal)
	s1, _ := access.NewSession(u.ID, t0)
	s2, _ := access.NewSession(u.ID, t0.Add(time.Minute))
	s3, _ := access.NewSession(v.ID, t0)
	for _, se := range []access.Session{s1, s2, s3} {
		if err := s.CreateSession(ctx(t), se); err != nil {
			t.Fatal(err)
		}
	}
	get := func(se access.Session) (access.Session, error) { return s.Session(ctx(t), se.TokenHash) }
	got, err := get(s1)
	if err != nil {
		t.Fatal(err)
	}
	want := s1
	want.CreatedAt, want.LastSeen = stored(s1.CreatedAt), stored(s1.LastSeen)
	equal(t, "Session", got, want)

	seen := t0.Add(5*time.Minute + 123456789)
	if err := s.TouchSession(ctx(t), s1.TokenHash, seen); err != nil {
		t.Fatal(err)
	}
	got, err = get(s1)
	want.LastSeen = stored(seen)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "touched Session", got, want)
	accessNotFound(t, "TouchSession of a missing session", s.TouchSession(ctx(t), access.HashToken("missing"+string(p)), seen))
	_, err = s.Session(ctx(t), access.HashToken("missing"+string(p)))
	accessNotFound(t, "Session of a missing hash", err)

	if err := s.DeleteSession(ctx(t), s1.TokenHash); err != nil {
		t.Fatal(err)
	}
	_, err = get(s1)
	accessNotFound(t, "Session after DeleteSession", err)
	if err := s.DeleteSession(ctx(t), s1.TokenHash); err != nil {
		t.Errorf("DeleteSession of a deleted session: %v, want nil", err)
	}
	if _, err := get(s2); err != nil {
		t.Errorf("DeleteSession removed another session: %v", err)
	}
	if err := s.DeleteUserSessions(ctx(t), u.ID); err != nil {
		t.Fatal(err)
	}
	_, err = get(s2)
	accessNotFound(t, "Session after DeleteUserSessions", err)
	if _, err := get(s3); err != nil {
		t.Errorf("DeleteUserSessions removed another user's session: %v", err)
	}
	orphan, _ := access.NewSession("usr-"+string(p)+"-missing", t0)
	if err := s.CreateSession(ctx(t), orphan); err == nil {
		t.Error("CreateSession for a missing user succeeded")
	}
}

// testMembers assigns users to matters and removes them.
func testMembers(t *testing.T, s WorkflowStore, _ Exec) {
	p := newIDs(t)
	u := createUser(t, s, p, "ivy", access.RoleParalegal)
	v := createUser(t, s, p, "jack", access.RoleAttorney)
	m1, m2 := p.matter("one"), p.matter("two")
	for _, a := range [][2]string{{m1, u.ID}, {m1, u.ID}, {m2, u.ID}, {m1, v.ID}} {
		if err := s.AddMember(ctx(t), a[0], a[1]); err != nil {
			t.Fatalf("AddMember(%s, %s): %v", a[0], a[1], err)
		}
	}
	isMember := func(m, uid string, want bool) {
		t.Helper()
		if got, err := s.IsMember(ctx(t), m, uid); err != nil || got != want {
			t.Errorf("IsMember(%s, %s) = %v, %v; want %v", m, uid, got, err, want)
		}
	}
	lists := func(what string, wantM1, wantU []string) {
		t.Helper()
		got, err := s.MatterMembers(ctx(t), m1)
		if err != nil {
			t.Fatal(err)
		}
		equal(t, what+": MatterMembers", got, wantM1)
		got, err = s.UserMatters(ctx(t), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		equal(t, what+": UserMatters", got, wantU)
	}
	isMember(m1, u.ID, true)
	isMember(m2, v.ID, false)
	isMember(p.matter("none"), u.ID, false)
	lists("added", []string{u.ID, v.ID}, []string{m1, m2})

	if err := s.RemoveMember(ctx(t), m1, u.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveMember(ctx(t), m1, u.ID); err != nil {
		t.Errorf("RemoveMember of a removed member: %v, want nil", err)
	}
	isMember(m1, u.ID, false)
	isMember(m2, u.ID, true)
	lists("removed", []string{v.ID}, []string{m2})

	for name, call := range map[string]func() ([]string, error){
		"MatterMembers": func() ([]string, error) { return s.MatterMembers(ctx(t), p.matter("none")) },
		"UserMatters":   func() ([]string, error) { return s.UserMatters(ctx(t), "usr-"+string(p)+"-none") },
	} {
		if got, err := call(); len(got) != 0 || err != nil {
			t.Errorf("%s of nothing = %v, %v; want none, nil", name, got, err)
		}
	}
	if err := s.AddMember(ctx(t), m1, "usr-"+string(p)+"-missing"); err == nil {
		t.Error("AddMember of a missing user succeeded")
	}
}
