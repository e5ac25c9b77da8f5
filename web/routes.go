package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/api"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/ui"
)

// route is one entry of the route table: a ServeMux pattern
// ("METHOD /path/{var}") and its handler, guard included.
type route struct {
	pattern string
	h       http.Handler
}

// routes is the route table: every route the server answers, grouped by
// area, each with the guard that checks who may call it. c.API guards the
// JSON API (session or service token); c.Page, c.Global, c.MatterPage and
// c.UploadPage the browser pages (session, CSRF on writes, global or
// per-matter rights); c.Operator River's UI. A nil river leaves that route
// out.
func routes(c *core.Core, a *api.Handler, u *ui.Handler, river http.Handler) []route {
	var operator http.Handler
	if river != nil {
		operator = c.Operator(river)
	}
	return []route{
		// Service.
		{"GET /healthz", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })},
		{"/admin/river/", operator},
		{"GET /static/", ui.Static()},
		{"GET /{$}", c.Page(func(w http.ResponseWriter, r *http.Request, _ *core.SignedIn) {
			http.Redirect(w, r, "/matters", http.StatusSeeOther)
		})},

		// JSON API.
		{"POST /api/matters/{matter}/documents", c.API(access.UploadRecords, a.UploadDocuments)},
		{"GET /api/matters/{matter}/progress", c.API(access.ViewMatter, a.MatterProgress)},
		{"GET /api/matters/{matter}/chronology", c.API(access.ViewMatter, a.MatterChronology)},
		{"GET /api/matters/{matter}/search", c.API(access.ViewMatter, a.MatterSearch)},
		{"GET /api/matters/{matter}/flags", c.API(access.ViewMatter, a.MatterFlags)},
		{"GET /api/matters/{matter}/providers/overrides", c.API(access.ViewMatter, a.ProviderOverrides)},
		{"POST /api/matters/{matter}/providers/overrides", c.API(access.ReviewEntries, a.ProviderOverrideAdd)},
		{"DELETE /api/matters/{matter}/providers/overrides/{id}", c.API(access.ReviewEntries, a.ProviderOverrideDelete)},

		// Signing in and out.
		{"GET /signin", http.HandlerFunc(u.SignInForm)},
		{"POST /signin", u.SignIn()},
		{"POST /signout", c.Page(u.SignOut)},

		// Users (admins).
		{"GET /admin/users", c.Global(access.ManageUsers, u.UserList)},
		{"POST /admin/users", c.Global(access.ManageUsers, u.UserCreate)},
		{"POST /admin/users/{user}/status", c.Global(access.ManageUsers, u.UserStatus)},
		{"POST /admin/users/{user}/password", c.Global(access.ManageUsers, u.UserPassword)},
		{"POST /admin/users/{user}/role", c.Global(access.ManageUsers, u.UserRole)},

		// The firm's Word template (admins).
		{"GET /admin/template", c.Global(access.ManageFirm, u.FirmTemplatePage)},
		{"POST /admin/template", c.GlobalUpload(access.ManageFirm, u.FirmTemplateUpload)},
		{"POST /admin/template/remove", c.Global(access.ManageFirm, u.FirmTemplateRemove)},

		// Matters: list, settings, uploads, progress, members, exports.
		{"GET /matters", c.Page(u.MatterList)},
		{"POST /matters", c.Global(access.CreateMatter, u.MatterCreate)},
		{"GET /matters/{matter}", c.MatterPage(access.ViewMatter, u.MatterShow)},
		{"POST /matters/{matter}/documents", c.UploadPage(u.MatterUploadForm)},
		{"POST /matters/{matter}/settings", c.MatterPage(access.EditMatter, u.MatterSettings)},
		{"POST /matters/{matter}/retry", c.MatterPage(access.UploadRecords, u.MatterRetry)},
		{"GET /matters/{matter}/progress.json", c.MatterPage(access.ViewMatter, u.MatterProgressPage)},
		{"POST /matters/{matter}/members", c.MatterPage(access.ManageMatter, u.MatterMemberAdd)},
		{"POST /matters/{matter}/members/remove", c.MatterPage(access.ManageMatter, u.MatterMemberRemove)},
		{"GET /matters/{matter}/export/{name}", c.MatterPage(access.ViewMatter, u.Export)},

		// Audit log.
		{"GET /matters/{matter}/audit", c.MatterPage(access.ViewAudit, u.MatterAudit)},
		{"GET /audit", c.Global(access.ViewAllAudit, u.AuditList)},

		// Review: chronology, entries, documents and their pages, search.
		{"GET /matters/{matter}/chronology", c.MatterPage(access.ViewMatter, u.ChronologyPage)},
		{"GET /matters/{matter}/entries/{entry}", c.MatterPage(access.ViewMatter, u.EntryView)},
		{"POST /matters/{matter}/entries/{entry}/review", c.MatterPage(access.ReviewEntries, u.EntryReview)},
		{"GET /matters/{matter}/codes/icd10", c.MatterPage(access.ReviewEntries, u.CodeLookup)},
		{"POST /matters/{matter}/review/bulk", c.MatterPage(access.ReviewEntries, u.ReviewBulk)},
		{"GET /matters/{matter}/documents/{doc}", c.MatterPage(access.ViewMatter, u.DocumentDownload)},
		{"GET /matters/{matter}/documents/{doc}/pages/{page}", c.MatterPage(access.ViewMatter, u.PageView)},
		{"GET /matters/{matter}/documents/{doc}/pages/{page}/image.png", c.MatterPage(access.ViewMatter, u.PageImage)},
		{"GET /matters/{matter}/search", c.MatterPage(access.ViewMatter, u.SearchPage)},

		// Providers, flags and tasks of a matter.
		{"GET /matters/{matter}/providers", c.MatterPage(access.ViewMatter, u.ProvidersPage)},
		{"POST /matters/{matter}/providers/{kind}", c.MatterPage(access.ReviewEntries, u.ProviderOverride)},
		{"POST /matters/{matter}/providers/overrides/{id}/undo", c.MatterPage(access.ReviewEntries, u.ProviderOverrideUndo)},
		{"GET /matters/{matter}/flags", c.MatterPage(access.ViewMatter, u.FlagsPage)},
		{"POST /matters/{matter}/flags/{flag}", c.MatterPage(access.ReviewEntries, u.FlagDecide)},
		{"POST /matters/{matter}/tasks", c.MatterPage(access.ReviewEntries, u.TaskCreate)},
		{"POST /matters/{matter}/tasks/{id}/status", c.MatterPage(access.ReviewEntries, u.TaskStatus)},

		// Demand letter.
		{"GET /matters/{matter}/demand", c.MatterPage(access.ViewMatter, u.DemandPage)},
		{"POST /matters/{matter}/demand/generate", c.MatterPage(access.GenerateDemand, u.DemandGenerate)},
		{"GET /matters/{matter}/demand/{section}", c.MatterPage(access.ViewMatter, u.DemandSectionEdit)},
		{"POST /matters/{matter}/demand/{section}", c.MatterPage(access.EditDemand, u.DemandSectionSave)},
		{"GET /matters/{matter}/demand/{section}/diff", c.MatterPage(access.ViewMatter, u.DemandSectionDiff)},
		{"POST /matters/{matter}/demand/{section}/approve", c.MatterPage(access.ApproveDemand, u.DemandSectionApprove)},
		{"POST /matters/{matter}/demand/{section}/preview", c.MatterPage(access.EditDemand, u.DemandSectionPreview)},
		{"POST /matters/{matter}/demand/{section}/llm", c.MatterPage(access.EditDemand, u.DemandSectionLLM)},
	}
}
