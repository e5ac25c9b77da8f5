package prompts

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// LatestExtraction is the extraction prompt version used unless configured
// otherwise.
const LatestExtraction = "extract-v2"

// Delimiters around the record text in the user message, and the marker
// line that opens each page inside it.
const (
	BeginData = "<<<BEGIN RECORD DATA>>>"
	EndData   = "<<<END RECORD DATA>>>"
)

// PageMarker returns the line that opens page n in the user message.
func PageMarker(n int) string { return fmt.Sprintf("=== PAGE %d ===", n) }

//go:embed extract/*.tmpl versions.txt
var files embed.FS

const extractPrefix = "extract-"

// Prompt is one version of a prompt: a system and a user template.
type Prompt struct {
	// Version is the version string recorded with every fact, e.g. "extract-v1".
	Version string
	// SHA256 is the hex sha256 of the version's template files, as listed in
	// versions.txt.
	SHA256 string
	system *template.Template
	user   *template.Template
}

// Extraction returns the extraction prompt of the given version, such as
// LatestExtraction.
func Extraction(version string) (Prompt, error) {
	n, ok := strings.CutPrefix(version, extractPrefix)
	if !ok || n == "" {
		return Prompt{}, fmt.Errorf("prompt version %q: want %s<N>", version, extractPrefix)
	}
	sysSrc, err1 := files.ReadFile("extract/" + n + ".system.tmpl")
	userSrc, err2 := files.ReadFile("extract/" + n + ".user.tmpl")
	if err1 != nil || err2 != nil {
		return Prompt{}, fmt.Errorf("prompt version %q: not found (have %s)", version, strings.Join(ExtractionVersions(), ", "))
	}
	p := Prompt{Version: version, SHA256: checksum(sysSrc, userSrc)}
	funcs := template.FuncMap{"data": Neutralise, "marker": PageMarker, "hint": Hint}
	if p.system, err1 = template.New("system").Option("missingkey=error").Parse(string(sysSrc)); err1 != nil {
		return Prompt{}, fmt.Errorf("prompt %s system template: %w", version, err1)
	}
	if p.user, err2 = template.New("user").Option("missingkey=error").Funcs(funcs).Parse(string(userSrc)); err2 != nil {
		return Prompt{}, fmt.Errorf("prompt %s user template: %w", version, err2)
	}
	return p, nil
}

// ExtractionVersions lists the embedded extraction prompt versions, sorted.
func ExtractionVersions() []string {
	names, _ := fs.Glob(files, "extract/*.system.tmpl")
	var out []string
	for _, name := range names {
		n := strings.TrimSuffix(strings.TrimPrefix(name, "extract/"), ".system.tmpl")
		out = append(out, extractPrefix+n)
	}
	slices.SortFunc(out, func(a, b string) int { return cmpVersion(a, b) })
	return out
}

// cmpVersion orders "extract-v2" before "extract-v10".
func cmpVersion(a, b string) int {
	na, nb := versionNumber(a), versionNumber(b)
	if na != nb {
		return na - nb
	}
	return strings.Compare(a, b)
}

func versionNumber(v string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(v, extractPrefix+"v"))
	if err != nil {
		return -1
	}
	return n
}

// systemData is what the system template may use: never record text.
type systemData struct{ Version string }

// userData is what the user template renders.
type userData struct {
	Version     string
	First, Last int
	Pages       []pageData
}

// pageData is one page of the user message: its number and text, and what
// the layout decided about it (empty when nothing was decided).
type pageData struct {
	Number   int
	Text     string
	Class    string
	BillKind string
	Provider string
}

// System renders the system message. It takes no page data by design.
func (p Prompt) System() (string, error) {
	var b bytes.Buffer
	if err := p.system.Execute(&b, systemData{Version: p.Version}); err != nil {
		return "", fmt.Errorf("render prompt %s system message: %w", p.Version, err)
	}
	return b.String(), nil
}

// User renders the user message holding the given pages, in order, each
// opened by its PageMarker inside the BeginData/EndData block. infos are
// the layout's page classes and section providers, matched to the pages
// by number; versions from extract-v2 show them under each page's marker.
func (p Prompt) User(pages []extract.Page, infos ...extract.PageInfo) (string, error) {
	if len(pages) == 0 {
		return "", fmt.Errorf("render prompt %s user message: no pages", p.Version)
	}
	byPage := make(map[int]extract.PageInfo, len(infos))
	for _, in := range infos {
		byPage[in.Page] = in
	}
	d := userData{Version: p.Version, First: pages[0].Number, Last: pages[len(pages)-1].Number}
	for _, pg := range pages {
		in := byPage[pg.Number]
		d.Pages = append(d.Pages, pageData{Number: pg.Number, Text: pg.Text, Class: in.Class, BillKind: in.BillKind, Provider: in.Provider})
	}
	var b bytes.Buffer
	if err := p.user.Execute(&b, d); err != nil {
		return "", fmt.Errorf("render prompt %s user message: %w", p.Version, err)
	}
	return b.String(), nil
}

var (
	markerLine = lazyre.New(`(?m)^[ \t]*=== PAGE \d+ ===[ \t]*$`)
	hintLine   = lazyre.New(`(?mi)^[ \t]*\[layout:`)
)

// HintPrefix opens the line under a page marker that says what the layout
// decided about the page.
const HintPrefix = "[layout: "

// Hint returns the layout line shown under a page's marker: "[layout:
// class bill (ub04); section provider: Mercy General Hospital]", or ""
// when nothing was decided. The provider name, read from the pages, is
// neutralised and kept on one line.
func Hint(class, billKind, provider string) string {
	if class == "" {
		return ""
	}
	s := HintPrefix + "class " + class
	if billKind != "" {
		s += " (" + billKind + ")"
	}
	provider = textutil.FoldSpace(Neutralise(provider))
	provider = strings.NewReplacer("[", "(", "]", ")").Replace(provider)
	if provider == "" {
		provider = "none named"
	}
	return s + "; section provider: " + provider + "]"
}

// Neutralise prepares page text for the data block: it trims trailing
// space and defuses text that imitates the block's delimiters, a page
// marker or a layout line, so a page cannot close the data block, pose as
// another page or claim a class of its own.
// Ordinary text is left exactly as printed, so quotes stay verbatim.
func Neutralise(text string) string {
	text = strings.TrimRight(text, " \t\r\n")
	text = strings.ReplaceAll(text, BeginData, "[delimiter removed]")
	text = strings.ReplaceAll(text, EndData, "[delimiter removed]")
	text = hintLine.ReplaceAllString(text, "[layout line removed]")
	return markerLine.ReplaceAllString(text, "[page marker removed]")
}

// checksum is the hex sha256 over a version's files, each preceded by its
// length so that moving text between them changes the sum.
func checksum(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d\n", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// recordedChecksums parses versions.txt: "version sha256" per line, with
// blank lines and #-comments ignored.
func recordedChecksums() (map[string]string, error) {
	raw, err := files.ReadFile("versions.txt")
	if err != nil {
		return nil, fmt.Errorf("read versions.txt: %w", err)
	}
	return parseChecksums(string(raw), "versions.txt")
}

// parseChecksums reads "version sha256" lines, with blank lines and
// #-comments ignored; file names the file in errors.
func parseChecksums(raw, file string) (map[string]string, error) {
	out := map[string]string{}
	for i, line := range strings.Split(raw, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("%s line %d: want \"version sha256\"", file, i+1)
		}
		if _, dup := out[f[0]]; dup {
			return nil, fmt.Errorf("%s line %d: %s listed twice", file, i+1, f[0])
		}
		out[f[0]] = f[1]
	}
	return out, nil
}
