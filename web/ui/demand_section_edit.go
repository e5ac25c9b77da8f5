package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/web/internal/core"
)

// sectionPage is a demand section's editor and its versions.
type sectionPage struct {
	Key, Title string
	Latest     demand.Version
	Body       string // the textarea's text
	Base       int    // the version the text started from
	Next       int    // the number a save gets
	Approval   *demand.Approval
	// ApprovalHash is the prefix of the approved text's SHA-256.
	ApprovalHash string
	Versions     []versionRow // newest first
	Cites        []citeLink
	// Unfinished says why the latest version cannot be approved yet.
	Unfinished string
	// Failed are the sentences of the latest version stating a figure,
	// date, provider, diagnosis or visit count the chronology, its ledger
	// and the attorney's inputs do not support (demand.Reconcile).
	Failed []failedSentence
	// Checked is the number of figures the check compared.
	Checked int
	// LLM offers drafting the section with the configured LLM endpoint.
	LLM bool
	// Preview is the editor's text as the letter lays it out, when the
	// editor asked for a preview (nothing saved).
	Preview []demand.Block
}

// failedSentence is a sentence the reconciliation check refused, with why.
type failedSentence struct {
	Text    string
	Reasons []string
}

// versionRow is one saved version and the approvals it received.
type versionRow struct {
	V         demand.Version
	Prev      int // the version before, 0 for the first
	Approvals []approvalView
}

type approvalView struct {
	demand.Approval
	Hash string // prefix of the SHA-256
}

// DemandSectionEdit shows a section's latest text in an editor, its
// versions with a diff to the previous one, and its approval.
func (s *Handler) DemandSectionEdit(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	s.showSection(w, r, m, http.StatusOK, "", "")
}

// showSection renders the section editor; body, when not empty, replaces
// the latest text in the editor (a save refused because of a conflict).
func (s *Handler) showSection(w http.ResponseWriter, r *http.Request, m chronology.Matter, status int, body, notice string) {
	s.renderSection(w, r, m, status, body, notice, false)
}

// renderSection is showSection, with the editor's text laid out as the
// letter prints it beside the editor when preview is set.
func (s *Handler) renderSection(w http.ResponseWriter, r *http.Request, m chronology.Matter, status int, body, notice string, preview bool) {
	ctx := r.Context()
	key := r.PathValue("section")
	rec, latest, ok := s.demandSectionOr404(w, r, m.ID)
	if !ok {
		return
	}
	p := sectionPage{Key: key, Title: latest.Title, Latest: latest, Body: latest.Body, Base: latest.N, Next: latest.N + 1, Unfinished: unfinished(latest)}
	p.LLM = s.Drafter != nil && llmSections[key] != ""
	if body != "" {
		p.Body = body
	}
	if preview {
		p.Preview = demand.Blocks(p.Body)
	}
	if a, ok := rec.ApprovalOf(key); ok {
		p.Approval, p.ApprovalHash = &a, hashPrefix(a.SHA256)
	}
	vs := rec.Versions[key]
	for i := len(vs) - 1; i >= 0; i-- {
		row := versionRow{V: vs[i]}
		if i > 0 {
			row.Prev = vs[i-1].N
		}
		for _, a := range rec.Approvals {
			if a.Key == key && a.Version == vs[i].N {
				row.Approvals = append(row.Approvals, approvalView{a, hashPrefix(a.SHA256)})
			}
		}
		p.Versions = append(p.Versions, row)
	}
	c, err := s.ReviewedChronology(ctx, m.ID)
	if err != nil && !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return
	}
	report := demand.Reconcile(c, rec.Generation.Inputs, rec.Generation.At, latest.Body)
	p.Checked, _ = report.Checked()
	for _, f := range report.Failed() {
		fs := failedSentence{Text: f.Text}
		for _, x := range f.Failures() {
			fs.Reasons = append(fs.Reasons, fmt.Sprintf("%s: %s", x.Text, x.Reason))
		}
		p.Failed = append(p.Failed, fs)
	}
	if p.Unfinished == "" {
		p.Unfinished = unreconciled(report)
	}
	if len(latest.Citations) > 0 {
		ix := indexDocuments(&c)
		for i, ct := range latest.Citations {
			p.Cites = append(p.Cites, citeLink{
				Label: ix.pageLabel(ct.DocumentID, ct.Page, ct.Bates), Quote: ct.Quote, Found: true,
				Href: fmt.Sprintf("%s?section=%s&cite=%d", pagePath(m.ID, ct.DocumentID, ct.Page), url.QueryEscape(key), i),
			})
		}
	}
	s.render(w, r, status, "demand_section", view{Title: latest.Title, Matter: &m, Nav: "demand", Notice: notice, Data: p})
}

// DemandSectionPreview shows the editor's text as the letter will lay it
// out (headings, paragraphs, lists, tables), keeping the text in the
// editor; nothing is saved.
func (s *Handler) DemandSectionPreview(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	body := strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")
	s.renderSection(w, r, m, http.StatusOK, body, "", true)
}
