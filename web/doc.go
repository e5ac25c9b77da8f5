// Package web is medchron's HTTP interface: a JSON API to upload record
// files to a matter, follow their processing, read the chronology and
// search the records, with River's operator UI mounted under /admin/river/.
// Handlers only translate HTTP to calls into package pipeline; one file per
// route, in the manner of miniflux's ui package.
//
// Every API request must carry the operator token (Authorization: Bearer)
// when one is configured; serving on anything but loopback requires one.
// Errors sent to clients never include record text (PHI): internal errors
// are logged by reference and answered with a generic message.
package web
