package web_test

import (
	"context"
	"net/http"
	"regexp"
	"testing"

	"github.com/medchron/medchron/access"
)

// TestAPIAudited: uploads, chronology reads and searches through the API
// are audited like the browser's, attributed to the service token, and
// never name the file or the query.
func TestAPIAudited(t *testing.T) {
	env := newReviewEnvFresh(t) // uploads through the API with the token
	req, _ := http.NewRequest("GET", env.srv.URL+"/api/matters/"+env.matter+"/chronology", nil)
	if code, body := do(t, req, true); code != http.StatusOK {
		t.Fatalf("chronology: %d %s", code, body)
	}
	evs, err := env.store.AuditEvents(context.Background(), access.AuditFilter{MatterID: env.matter, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]access.Event{}
	for _, e := range evs {
		got[e.Action] = e
	}
	up, ok := got[access.AuditUpload]
	if !ok || up.Username != "service-token" || up.Object == "" {
		t.Errorf("API upload audit row: %+v (found %v)", up, ok)
	}
	// The size only: pages are counted later, off the request, and a
	// file's name (which often names the client) never enters the log.
	if !regexp.MustCompile(`^[0-9]+ bytes$`).MatchString(up.Detail) {
		t.Errorf("upload detail %q, want the file's size only", up.Detail)
	}
	if v, ok := got[access.AuditMatterView]; !ok || v.Object != "chronology.json" {
		t.Errorf("API chronology read not audited: %+v", v)
	}
}
