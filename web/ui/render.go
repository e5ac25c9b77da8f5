package ui

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/textutil"
	"github.com/medchron/medchron/web/internal/core"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds one parsed template set per page: layout.html plus the page.
type pages struct {
	byName map[string]*template.Template
}

// parsePages parses the page templates; "when" writes times in loc.
func parsePages(loc *time.Location) *pages {
	if loc == nil {
		loc = time.UTC
	}
	fm := template.FuncMap{"when": func(t time.Time) string { return when(t, loc) }}
	for k, v := range funcs {
		if _, set := fm[k]; !set {
			fm[k] = v
		}
	}
	p := &pages{byName: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || strings.HasPrefix(base, "_") {
			continue
		}
		files := []string{"templates/layout.html", n}
		partials, _ := fs.Glob(templateFS, "templates/_*.html")
		files = append(files, partials...)
		p.byName[base] = template.Must(template.New("layout.html").Funcs(fm).ParseFS(templateFS, files...))
	}
	return p
}

// when writes a time in the firm's time zone with the zone's
// abbreviation ("2026-12-05 09:41 PST"), or nothing for the zero time.
func when(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2006-01-02 15:04 MST")
}

// funcs are the template functions besides "when" (parsePages adds it).
var funcs = template.FuncMap{
	"money": func(v float64) string { return formatMoney(v) },
	"moneyp": func(v *float64) string {
		if v == nil {
			return ""
		}
		return formatMoney(*v)
	},
	"join": strings.Join,
	// person shows a username by the person's name, the username kept as
	// a hover title when they differ.
	"person": func(names map[string]string, username string) template.HTML {
		name := names[username]
		if name == "" || name == username {
			return template.HTML(template.HTMLEscapeString(username))
		}
		return template.HTML(`<span title="` + template.HTMLEscapeString(username) + `">` + template.HTMLEscapeString(name) + `</span>`)
	},
	"can": func(u access.User, a string) bool { return access.CanGlobal(u, access.Action(a)) },
}

// formatMoney writes dollars with thousands separators: $12,345.60.
func formatMoney(v float64) string { return textutil.Dollars(v) }

// view is what every page template gets: the signed-in user, the CSRF
// token for forms, the page title, the matter when under /matters/{id},
// a one-line notice, and the page's own data.
type view struct {
	User   access.User
	CSRF   string
	Title  string
	Matter *chronology.Matter
	Nav    string // highlighted navigation item
	Notice string
	Data   any
	// Names maps usernames to the names people are shown by (the
	// "person" template function), on matter pages.
	Names map[string]string
}

// render writes a page. Templates run into a buffer first so that a
// template error never sends half a page.
func (s *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	t, ok := s.pages.byName[name]
	if !ok {
		s.ServerError(w, r, fmt.Errorf("no template %q", name))
		return
	}
	if rc := core.Current(r); rc != nil {
		v.User, v.CSRF = rc.User, rc.Session.CSRF
	}
	if v.Notice == "" {
		v.Notice = noticeText(r.URL.Query().Get("notice"))
	}
	if v.Matter != nil && v.Names == nil {
		// Reviewers, authors and approvers by their names: the users
		// table is small, and a page without them still shows usernames.
		if us, err := s.Store.Users(r.Context()); err == nil {
			v.Names = make(map[string]string, len(us))
			for _, u := range us {
				v.Names[u.Username] = u.Display()
			}
		}
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", v); err != nil {
		s.ServerError(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// notices are the fixed messages a redirect may ask a page to show
// (?notice=key): user input never reaches the page this way.
var notices = map[string]string{
	"saved":            "Saved.",
	"template":         "The firm's Word template is in use for every Word download.",
	"template-removed": "The uploaded Word template is removed.",
	"verified":         "Entry verified.",
	"corrected":        "Correction saved.",
	"rejected":         "Entry rejected.",
	"reset":            "Review cleared.",
	"bulk":             "Entries verified.",
	"generated":        "Demand draft generated.",
	"approved":         "Section approved.",
	"drafted":          "The LLM's draft is saved as a new version; sentences that failed the check are marked [Check failed: …] and keep the section from approval until corrected.",
	"unchanged":        "Nothing changed.",
	"conflict":         "Someone else saved this section meanwhile; your text was not saved. Review their version first.",
	"created":          "Created.",
	"uploaded":         "Upload received; processing has started.",
	"signedout":        "You are signed out.",
	"membership":       "Matter access updated.",
	"password":         "Password set; that user was signed out everywhere.",
	"retried":          "Failed records are being processed again.",
	"renamed":          "Provider renamed everywhere.",
	"merged":           "Providers merged everywhere; the merged names are kept as aliases.",
	"reassigned":       "Entries moved to the provider.",
	"undone":           "Provider change undone.",
	"dismissed":        "Flag dismissed.",
	"restored":         "Flag restored.",
	"task":             "Task saved.",
}

func noticeText(key string) string { return notices[key] }

// ErrorPage writes the error page (respond.Errors.Page).
func (s *Handler) ErrorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", view{Title: http.StatusText(status), Data: msg})
}

// Static serves the embedded static files (styles and scripts) under
// /static/, cacheable for an hour.
func Static() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	fsrv := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}
