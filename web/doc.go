// Package web is medchron's HTTP interface: the browser application in
// which paralegals upload records, follow processing and review each entry
// against its page, and attorneys edit and approve the demand letter; a
// JSON API for scripts; and River's operator UI under /admin/river/.
//
// Handlers only translate HTTP into calls on the domain packages (access,
// chronology, demand, pipeline). The parts, in the manner of miniflux's
// api, ui and http/response packages:
//
//   - web (this package): Config and New, the one route table (routes.go,
//     grouped by area, each route with its guard) and the request limits;
//   - web/api: the JSON API's handlers;
//   - web/ui: the browser pages' handlers, one file per page and action,
//     with embedded html/template pages and a little plain JavaScript for
//     progressive enhancement;
//   - web/internal/core: what both share: sessions and guards, access to
//     a matter, the audit log, the one upload reader, settings, progress;
//   - web/internal/respond: the one family of answers and errors.
//
// Access: browser routes need a signed-in session (argon2id passwords,
// server-side sessions with an idle timeout, a CSRF token on every write).
// A user sees only the matters they are assigned to: every other matter's
// routes answer 404 exactly like a matter that does not exist. API routes
// take a session or the service token (MEDCHRON_API_TOKEN, Authorization:
// Bearer), which has every right. Every view of records, download, export,
// edit, verification, approval and sign-in is written to the append-only
// audit log, which never holds record text. Errors sent to clients never
// include record text either: internal errors are logged by reference.
package web
