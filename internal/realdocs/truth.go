package realdocs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// IndexFile is the file in a truth folder that lists its truth files.
const IndexFile = "index.json"

// Document classes a label may give.
const (
	ClassClinicalNote   = "clinical_note"      // office, ED, consult, therapy or progress note
	ClassReport         = "report"             // imaging, EMG/NCS, laboratory report
	ClassDischarge      = "discharge_summary"  // hospital or rehabilitation discharge summary
	ClassOperative      = "operative_note"     // operative or procedure note
	ClassIME            = "ime_records_review" // IME, QME, impairment rating, records review
	ClassBill           = "bill"               // bill, claim form, statement, invoice
	ClassAdministrative = "administrative"     // fax cover, authorization, request, certification
	ClassNotRecord      = "not_record"         // not a medical record at all (insurance card)
)

// How a source becomes the file that is processed.
const (
	renderFile         = ""              // the source file is processed as it is
	RenderMTSamplesRow = "mtsamples-row" // a row of the MTSamples CSV, laid out as a PDF
	RenderACIBenchRow  = "aci-bench-row" // a row of an ACI-bench CSV, laid out as a PDF
	RenderSyntheaNote  = "synthea-note"  // a Synthea note text file, laid out as a PDF
)

// Rendering names.
const (
	RenderingClean   = "clean"   // a born-digital PDF (text layer)
	RenderingScanned = "scanned" // an image-only PDF (OCR)
	RenderingImage   = "image"   // an image file (PNG, JPEG, TIFF)
)

const (
	maxTruthFileBytes = 1 << 20
	maxSourceBytes    = 64 << 20 // the largest source file or CSV read
)

var classes = []string{ClassClinicalNote, ClassReport, ClassDischarge, ClassOperative, ClassIME,
	ClassBill, ClassAdministrative, ClassNotRecord}

// Truth is the label of one real document.
type Truth struct {
	ID string `json:"id"`
	// Why says in a line what makes the document worth measuring.
	Why string `json:"why"`
	// Renderings are the files of the document that are processed (a clean
	// and a scanned PDF share one label).
	Renderings []Rendering `json:"renderings"`
	Class      string      `json:"class"`
	// Dates are the dates of service as printed. Undated is set instead
	// when the document prints none.
	Dates   []ServiceDate `json:"dates_of_service,omitempty"`
	Undated bool          `json:"undated,omitempty"`
	// Acceptable are dates a careful reader could also defend (an event
	// inside the stay, a date derived from prose); an entry on one of them
	// is not invented, but does not make the date right either.
	Acceptable []dates.Date `json:"acceptable_dates,omitempty"`
	// Provider is the facility or practice as printed; "" when none is.
	Provider string `json:"provider"`
	// ProviderAliases are other printed forms of the same provider.
	ProviderAliases []string    `json:"provider_aliases,omitempty"`
	Clinician       string      `json:"clinician"`
	Diagnoses       []Diagnosis `json:"diagnoses"`
	// Negated are findings the document denies or rules out ("fever" in
	// "denies fever"): none may become a diagnosis.
	Negated []string   `json:"negated,omitempty"`
	Bills   []BillLine `json:"bill_lines,omitempty"`
	// Notes say why the dates, provider and encounters were labelled so.
	Notes string `json:"notes"`
}

// Rendering is one file of a document, under the shared data folder.
type Rendering struct {
	// Name is RenderingClean, RenderingScanned or RenderingImage.
	Name string `json:"name"`
	// Path is relative to the shared data folder (../shared/data).
	Path string `json:"path"`
	// SHA256 is the hex digest of the file, or for a CSV row of its
	// rendered fields (see RowText).
	SHA256 string `json:"sha256"`
	// Render says how the source becomes a PDF: "" (processed as it is),
	// RenderMTSamplesRow, RenderACIBenchRow or RenderSyntheaNote.
	Render string `json:"render,omitempty"`
	// Row is the MTSamples note_id or the ACI-bench encounter_id.
	Row string `json:"row,omitempty"`
	// Letterhead is printed above a rendered Synthea note when set.
	Letterhead string `json:"letterhead,omitempty"`
	// Skip, when set, says why the rendering cannot be run yet (for
	// example an image input the pipeline does not read yet).
	Skip string `json:"skip,omitempty"`
}

// ServiceDate is a date of service as printed. End is set for a stay.
type ServiceDate struct {
	Date dates.Date `json:"date"`
	End  dates.Date `json:"end,omitzero"`
	Text string     `json:"text"`
}

// Diagnosis is a diagnosis the document prints. System names the code's
// system when a code is printed ("icd10", "icd9").
type Diagnosis struct {
	Code        string `json:"code,omitempty"`
	System      string `json:"system,omitempty"`
	Description string `json:"description"`
}

// BillLine is a billed line the document prints.
type BillLine struct {
	Date        dates.Date `json:"date,omitzero"`
	Code        string     `json:"code,omitempty"`
	Description string     `json:"description"`
	Charge      float64    `json:"charge"`
}

var (
	idRE  = lazyre.New(`^[a-z0-9][a-z0-9-]*$`)
	hexRE = lazyre.New(`^[0-9a-f]{64}$`)
)

// Validate reports the first inconsistency of t, naming its id.
func (t Truth) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("truth %s: %s", t.ID, fmt.Sprintf(format, a...))
	}
	switch {
	case !idRE.MatchString(t.ID):
		return bad("id must be lower-case letters, digits and hyphens")
	case !slices.Contains(classes, t.Class):
		return bad("class %q is not one of %s", t.Class, strings.Join(classes, ", "))
	case strings.TrimSpace(t.Why) == "" || strings.TrimSpace(t.Notes) == "":
		return bad("why and notes must say why the document is here and how it was labelled")
	case len(t.Renderings) == 0:
		return bad("no rendering")
	case t.Class == ClassNotRecord && (len(t.Dates) > 0 || t.Undated):
		return bad("a document that is not a record has no dates of service and is not undated")
	case t.Class != ClassNotRecord && t.Undated == (len(t.Dates) > 0):
		return bad("a record has dates of service or is undated, exactly one of the two")
	}
	for _, d := range t.Dates {
		switch {
		case !d.Date.Valid():
			return bad("date of service %q is not a date", d.Text)
		case !d.End.IsZero() && d.End.Before(d.Date):
			return bad("stay ends before it starts")
		case strings.TrimSpace(d.Text) == "":
			return bad("date of service %s has no printed text", d.Date)
		}
	}
	for _, a := range t.Acceptable {
		if !a.Valid() {
			return bad("acceptable date is not a date")
		}
	}
	names := map[string]bool{}
	for _, r := range t.Renderings {
		if err := r.validate(); err != nil {
			return bad("%v", err)
		}
		if names[r.Name] {
			return bad("two renderings named %s", r.Name)
		}
		names[r.Name] = true
	}
	return nil
}

func (r Rendering) validate() error {
	switch {
	case r.Name != RenderingClean && r.Name != RenderingScanned && r.Name != RenderingImage:
		return fmt.Errorf("rendering name %q is not clean, scanned or image", r.Name)
	case r.Path == "" || filepath.IsAbs(r.Path) || slices.Contains(strings.Split(filepath.ToSlash(r.Path), "/"), ".."):
		return fmt.Errorf("rendering %s: path must be relative to the shared data folder", r.Name)
	case !hexRE.MatchString(r.SHA256):
		return fmt.Errorf("rendering %s: sha256 must be 64 lower-case hex digits", r.Name)
	}
	switch r.Render {
	case renderFile, RenderSyntheaNote:
		if r.Row != "" {
			return fmt.Errorf("rendering %s: a file has no row", r.Name)
		}
	case RenderMTSamplesRow, RenderACIBenchRow:
		if r.Row == "" {
			return fmt.Errorf("rendering %s: a CSV rendering needs its row", r.Name)
		}
	default:
		return fmt.Errorf("rendering %s: unknown render %q", r.Name, r.Render)
	}
	if r.Letterhead != "" && r.Render != RenderSyntheaNote {
		return fmt.Errorf("rendering %s: only a Synthea note takes a letterhead", r.Name)
	}
	return nil
}

// Load reads the truth files listed in dir's index.json, in that order,
// and validates each. Every *.json file of dir must be listed, and ids
// must be unique.
func Load(dir string) ([]Truth, error) {
	b, err := readBounded(filepath.Join(dir, IndexFile))
	if err != nil {
		return nil, err
	}
	var index struct {
		Documents []string `json:"documents"`
	}
	if err := strictJSON(b, &index); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, IndexFile), err)
	}
	if len(index.Documents) == 0 {
		return nil, fmt.Errorf("%s lists no documents", filepath.Join(dir, IndexFile))
	}
	listed := map[string]bool{}
	ids := map[string]bool{}
	var out []Truth
	for _, name := range index.Documents {
		if listed[name] || filepath.Base(name) != name {
			return nil, fmt.Errorf("%s: %q listed twice or not a file name", IndexFile, name)
		}
		listed[name] = true
		path := filepath.Join(dir, name)
		b, err := readBounded(path)
		if err != nil {
			return nil, err
		}
		var t Truth
		if err := strictJSON(b, &t); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if err := t.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if t.ID+".json" != name || ids[t.ID] {
			return nil, fmt.Errorf("%s: id %q must be unique and match the file name", path, t.ID)
		}
		ids[t.ID] = true
		out = append(out, t)
	}
	all, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if n := filepath.Base(p); n != IndexFile && !listed[n] {
			return nil, fmt.Errorf("%s is not listed in %s", p, IndexFile)
		}
	}
	return out, nil
}

// readBounded reads a truth file, refusing one larger than any label needs.
func readBounded(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxTruthFileBytes {
		return nil, fmt.Errorf("%s: %d bytes is too large for a truth file", path, st.Size())
	}
	return os.ReadFile(path)
}

// strictJSON decodes b into v, refusing unknown fields (a misspelt field
// would silently drop a label) and trailing data.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
