package prompts

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"text/template"
)

// Demand-letter section prompts live in demand/<section>.v<N>.md: the
// system message of one section, a text/template rendered without any
// record text. Their versions are "demand-<section>-v<N>", recorded in
// demand/versions.txt with the sha256 of the file; a published version
// never changes.

//go:embed demand/*.md demand/versions.txt
var demandFiles embed.FS

const demandPrefix = "demand-"

// DemandPrompt is one version of a demand-letter section prompt.
type DemandPrompt struct {
	// Section is the section key, e.g. "treatment".
	Section string
	// Version is recorded with the drafted text, e.g. "demand-treatment-v1".
	Version string
	// SHA256 is the hex sha256 of the prompt file, as listed in
	// demand/versions.txt.
	SHA256 string
	system *template.Template
}

// DemandSections lists the sections that have a prompt, sorted.
func DemandSections() []string {
	var out []string
	for _, v := range DemandVersions() {
		sec, _ := splitDemandVersion(v)
		if !slices.Contains(out, sec) {
			out = append(out, sec)
		}
	}
	return out
}

// DemandVersions lists every embedded demand prompt version, sorted by
// section then version number.
func DemandVersions() []string {
	names, _ := fs.Glob(demandFiles, "demand/*.md")
	var out []string
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "demand/"), ".md")
		sec, v, ok := strings.Cut(base, ".")
		if ok {
			out = append(out, demandPrefix+sec+"-"+v)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		sa, na := splitDemandVersion(a)
		sb, nb := splitDemandVersion(b)
		if sa != sb {
			return strings.Compare(sa, sb)
		}
		return na - nb
	})
	return out
}

// splitDemandVersion splits "demand-treatment-v2" into "treatment" and 2.
func splitDemandVersion(v string) (string, int) {
	rest := strings.TrimPrefix(v, demandPrefix)
	i := strings.LastIndex(rest, "-v")
	if i < 0 {
		return rest, -1
	}
	n, err := strconv.Atoi(rest[i+2:])
	if err != nil {
		return rest, -1
	}
	return rest[:i], n
}

// LatestDemand returns the newest version of a section's prompt.
func LatestDemand(section string) (DemandPrompt, error) {
	var latest string
	for _, v := range DemandVersions() {
		if sec, _ := splitDemandVersion(v); sec == section {
			latest = v
		}
	}
	if latest == "" {
		return DemandPrompt{}, fmt.Errorf("demand prompt for section %q: none (have %s)", section, strings.Join(DemandSections(), ", "))
	}
	return Demand(latest)
}

// Demand returns the demand prompt of the given version, such as
// "demand-treatment-v1".
func Demand(version string) (DemandPrompt, error) {
	sec, n := splitDemandVersion(version)
	if !strings.HasPrefix(version, demandPrefix) || sec == "" || n < 1 {
		return DemandPrompt{}, fmt.Errorf("demand prompt version %q: want %s<section>-v<N>", version, demandPrefix)
	}
	src, err := demandFiles.ReadFile(fmt.Sprintf("demand/%s.v%d.md", sec, n))
	if err != nil {
		return DemandPrompt{}, fmt.Errorf("demand prompt version %q: not found (have %s)", version, strings.Join(DemandVersions(), ", "))
	}
	p := DemandPrompt{Section: sec, Version: version, SHA256: checksum(src)}
	if p.system, err = template.New(version).Option("missingkey=error").Parse(string(src)); err != nil {
		return DemandPrompt{}, fmt.Errorf("demand prompt %s: %w", version, err)
	}
	return p, nil
}

// System renders the system message. It takes no record data by design.
func (p DemandPrompt) System() (string, error) {
	var b bytes.Buffer
	data := struct{ Version, BeginData, EndData string }{p.Version, BeginData, EndData}
	if err := p.system.Execute(&b, data); err != nil {
		return "", fmt.Errorf("render demand prompt %s: %w", p.Version, err)
	}
	return b.String(), nil
}

// User returns the user message: the facts (JSON built by the drafter
// from reviewed entries and the ledger) between the data delimiters,
// neutralised so that record text cannot close the block.
func (p DemandPrompt) User(facts []byte) string {
	return "Section: " + p.Section + "\n" + BeginData + "\n" + Neutralise(string(facts)) + "\n" + EndData + "\n"
}

// recordedDemandChecksums parses demand/versions.txt like versions.txt.
func recordedDemandChecksums() (map[string]string, error) {
	raw, err := demandFiles.ReadFile("demand/versions.txt")
	if err != nil {
		return nil, fmt.Errorf("read demand/versions.txt: %w", err)
	}
	return parseChecksums(string(raw), "demand/versions.txt")
}
