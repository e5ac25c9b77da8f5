package realdocs

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrChanged is wrapped by the error of a source whose digest is not the
// one its truth file recorded: the label may no longer fit the document.
var ErrChanged = errors.New("source changed since it was labelled")

// Sources reads labelled documents from the shared data folder, keeping
// the CSV files it has parsed.
type Sources struct {
	// Dir is the shared data folder (../shared/data from the repository).
	Dir  string
	csvs map[string]map[string]map[string]string // path → row key → column → value
}

// NewSources returns the sources under dir.
func NewSources(dir string) *Sources { return &Sources{Dir: dir} }

// csvKeys names the key column of each kind of CSV rendering.
var csvKeys = map[string]string{RenderMTSamplesRow: "note_id", RenderACIBenchRow: "encounter_id"}

// RowText returns the text of a CSV rendering's row that is rendered and
// hashed: for MTSamples the sample name, a newline and the transcription;
// for ACI-bench the note.
func (s *Sources) RowText(r Rendering) (string, error) {
	row, err := s.row(r)
	if err != nil {
		return "", err
	}
	switch r.Render {
	case RenderMTSamplesRow:
		return row["sample_name"] + "\n" + row["transcription"], nil
	case RenderACIBenchRow:
		return row["note"], nil
	}
	return "", fmt.Errorf("rendering %s is not a CSV row", r.Name)
}

func (s *Sources) row(r Rendering) (map[string]string, error) {
	key, ok := csvKeys[r.Render]
	if !ok {
		return nil, fmt.Errorf("rendering %s is not a CSV row", r.Name)
	}
	rows, ok := s.csvs[r.Path]
	if !ok {
		var err error
		if rows, err = s.readCSV(r.Path, key); err != nil {
			return nil, err
		}
		if s.csvs == nil {
			s.csvs = map[string]map[string]map[string]string{}
		}
		s.csvs[r.Path] = rows
	}
	row, ok := rows[r.Row]
	if !ok {
		return nil, fmt.Errorf("%s: no row with %s %s", r.Path, key, r.Row)
	}
	return row, nil
}

// readCSV reads a CSV with a header row into rows keyed by the key column.
func (s *Sources) readCSV(rel, key string) (map[string]map[string]string, error) {
	path := filepath.Join(s.Dir, rel)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd := csv.NewReader(io.LimitReader(f, maxSourceBytes))
	head, err := rd.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	rows := map[string]map[string]string{}
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		rows[row[key]] = row
	}
	return rows, nil
}

// Digest returns the SHA-256 that identifies a rendering's source: of the
// file, or of the CSV row's RowText.
func (s *Sources) Digest(r Rendering) (string, error) {
	if _, ok := csvKeys[r.Render]; ok {
		text, err := s.RowText(r)
		if err != nil {
			return "", err
		}
		sum := sha256.Sum256([]byte(text))
		return hex.EncodeToString(sum[:]), nil
	}
	f, err := os.Open(filepath.Join(s.Dir, r.Path))
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, maxSourceBytes+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", r.Path, err)
	}
	if n > maxSourceBytes {
		return "", fmt.Errorf("%s: larger than %d MB", r.Path, maxSourceBytes>>20)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Verify checks every rendering of t against the digest its label
// recorded; a difference wraps ErrChanged.
func (s *Sources) Verify(t Truth) error {
	for _, r := range t.Renderings {
		got, err := s.Digest(r)
		if err != nil {
			return fmt.Errorf("truth %s, %s: %w", t.ID, r.Name, err)
		}
		if got != r.SHA256 {
			return fmt.Errorf("truth %s, %s (%s): %w: sha256 %s, labelled %s", t.ID, r.Name, r.Path, ErrChanged, got, r.SHA256)
		}
	}
	return nil
}

// File returns the path of the file to process for rendering r of t: the
// source itself, or a PDF laid out from it and written into tmp. The
// source's digest is checked first.
func (s *Sources) File(t Truth, r Rendering, tmp string) (string, error) {
	got, err := s.Digest(r)
	if err != nil {
		return "", fmt.Errorf("truth %s, %s: %w", t.ID, r.Name, err)
	}
	if got != r.SHA256 {
		return "", fmt.Errorf("truth %s, %s (%s): %w", t.ID, r.Name, r.Path, ErrChanged)
	}
	var pdf []byte
	switch r.Render {
	case renderFile:
		return filepath.Join(s.Dir, r.Path), nil
	case RenderMTSamplesRow:
		row, err := s.row(r)
		if err != nil {
			return "", err
		}
		pdf, err = RenderMTSamples(row["sample_name"], row["transcription"])
		if err != nil {
			return "", fmt.Errorf("truth %s: %w", t.ID, err)
		}
	case RenderACIBenchRow:
		text, err := s.RowText(r)
		if err != nil {
			return "", err
		}
		if pdf, err = RenderNote("", text); err != nil {
			return "", fmt.Errorf("truth %s: %w", t.ID, err)
		}
	case RenderSyntheaNote:
		b, err := os.ReadFile(filepath.Join(s.Dir, r.Path))
		if err != nil {
			return "", err
		}
		if pdf, err = RenderNote(r.Letterhead, string(b)); err != nil {
			return "", fmt.Errorf("truth %s: %w", t.ID, err)
		}
	}
	out := filepath.Join(tmp, t.ID+"-"+r.Name+".pdf")
	if err := os.WriteFile(out, pdf, 0o600); err != nil {
		return "", err
	}
	return out, nil
}
