package pdfsafe

import (
	"errors"
	"fmt"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Report counts what Sanitize removed, by kind.
type Report map[string]int

// Total is the number of things removed.
func (r Report) Total() int {
	n := 0
	for _, v := range r {
		n += v
	}
	return n
}

// maxDepth bounds how deep Sanitize follows direct objects nested in one
// another; a PDF nested deeper is refused rather than left unchecked.
const maxDepth = 64

// ErrTooDeep reports a PDF whose objects nest deeper than Sanitize checks.
var ErrTooDeep = errors.New("objects nested too deeply to check for active content")

// safeActions are the actions kept: moving within the document.
var safeActions = map[string]bool{"GoTo": true, "Thread": true, "Named": true}

// safeNamed are the named actions kept (the four every reader knows).
var safeNamed = map[string]bool{"NextPage": true, "PrevPage": true, "FirstPage": true, "LastPage": true}

// droppedKeys are removed from every dictionary, with the kind they count as.
var droppedKeys = map[string]string{
	"AA":               "additional actions",
	"OpenAction":       "open action",
	"JS":               "JavaScript",
	"JavaScript":       "JavaScript",
	"EmbeddedFiles":    "embedded files",
	"EF":               "embedded files",
	"XFA":              "XFA form",
	"RichMediaContent": "rich media",
	"URI":              "link-out base",
}

// droppedTrees are the name trees removed, from the catalog and from
// pdfcpu's cache of them (which the writer would write back).
var droppedTrees = map[string]string{"JavaScript": "JavaScript", "EmbeddedFiles": "embedded files"}

// Sanitize removes active content from every object of the parsed PDF
// ctx, in place: actions other than in-document navigation (wiped where
// they stand and unlinked from the /A that names them), /AA and
// /OpenAction entries, JavaScript, embedded files (their streams emptied
// too) and XFA forms. Pages, their content and appearance are kept. It
// returns what it removed; ErrTooDeep for a PDF it cannot fully check.
func Sanitize(ctx *model.Context) (Report, error) {
	s := &sanitizer{xt: ctx.XRefTable, report: Report{}, empty: map[int]bool{}}
	for name, kind := range droppedTrees {
		if _, ok := s.xt.Names[name]; ok {
			delete(s.xt.Names, name)
			s.report[kind]++
		}
	}
	nums := make([]int, 0, len(s.xt.Table))
	for n := range s.xt.Table {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		e := s.xt.Table[n]
		if e == nil || e.Free || n == 0 {
			continue
		}
		gen := 0
		if e.Generation != nil {
			gen = *e.Generation
		}
		o, err := s.xt.Dereference(*types.NewIndirectRef(n, gen))
		if err != nil {
			return s.report, fmt.Errorf("object %d: %w", n, err)
		}
		if sd, ok := o.(types.StreamDict); ok && sd.Type() != nil && *sd.Type() == "EmbeddedFile" {
			s.empty[n] = true
		}
		if err := s.clean(o, 0); err != nil {
			return s.report, err
		}
	}
	for n := range s.empty {
		if e, ok := s.xt.Table[n]; ok && !e.Free {
			if _, ok := e.Object.(types.StreamDict); ok {
				zero := int64(0)
				e.Object = types.StreamDict{Dict: types.Dict{"Length": types.Integer(0)}, StreamLength: &zero, Raw: []byte{}, Content: []byte{}}
			}
		}
	}
	if root, err := s.xt.Catalog(); err == nil {
		if names, err := s.xt.DereferenceDict(root["Names"]); err == nil && names != nil && len(names) == 0 {
			delete(root, "Names")
		}
	}
	return s.report, nil
}

type sanitizer struct {
	xt     *model.XRefTable
	report Report
	// empty lists streams to empty: embedded files, and JavaScript
	// kept in a stream, once nothing refers to them.
	empty map[int]bool
}

func (s *sanitizer) clean(o types.Object, depth int) error {
	if depth > maxDepth {
		return ErrTooDeep
	}
	switch v := o.(type) {
	case types.Dict:
		return s.cleanDict(v, depth)
	case types.StreamDict:
		return s.cleanDict(v.Dict, depth)
	case types.Array:
		for _, x := range v {
			if err := s.clean(x, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *sanitizer) cleanDict(d types.Dict, depth int) error {
	if kind, bad := s.badAction(d); bad {
		s.report[kind]++
		s.markStreams(d["JS"])
		for k := range d {
			delete(d, k)
		}
		return nil
	}
	for k, kind := range droppedKeys {
		if v, ok := d[k]; ok {
			if k == "JS" || k == "EF" || k == "JavaScript" || k == "EmbeddedFiles" {
				s.markStreams(v)
			}
			delete(d, k)
			s.report[kind]++
		}
	}
	if a, ok := d["A"]; ok {
		if ad, err := s.xt.DereferenceDict(a); err != nil || ad == nil {
			delete(d, "A")
		} else if kind, bad := s.badAction(ad); bad {
			delete(d, "A")
			s.report[kind]++
		}
	}
	if st := d.Subtype(); st != nil && *st == "FileAttachment" {
		// A plain note remains where the attachment was.
		s.markStreams(d["FS"])
		delete(d, "FS")
		d["Subtype"] = types.Name("Text")
		s.report["embedded files"]++
	}
	for _, v := range d {
		if err := s.clean(v, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// badAction reports whether d is an action other than in-document
// navigation, and its kind for the report.
func (s *sanitizer) badAction(d types.Dict) (string, bool) {
	sub, ok := d["S"].(types.Name)
	if !ok {
		return "", false
	}
	if t, ok := d["Type"].(types.Name); ok && t != "Action" {
		return "", false
	}
	a := string(sub)
	switch {
	case a == "Named":
		if n, ok := d["N"].(types.Name); ok && safeNamed[string(n)] {
			return "", false
		}
		return "Named action", true
	case safeActions[a]:
		return "", false // a /Next chain is checked where each action stands
	case a == "JavaScript", a == "Launch", a == "URI", a == "SubmitForm", a == "ImportData", a == "ResetForm",
		a == "GoToR", a == "GoToE", a == "GoTo3DView", a == "Sound", a == "Movie", a == "Hide", a == "Rendition",
		a == "Trans", a == "SetOCGState", a == "RichMediaExecute":
		return a + " action", true
	}
	// Not an action name this package knows: only an action dictionary
	// (Type /Action) is wiped; other dictionaries use /S for other things.
	if t, ok := d["Type"].(types.Name); ok && t == "Action" {
		return a + " action", true
	}
	return "", false
}

// markStreams records the streams o refers to (directly, or in an array or
// dictionary it holds) for emptying.
func (s *sanitizer) markStreams(o types.Object) {
	s.mark(o, 0)
}

func (s *sanitizer) mark(o types.Object, depth int) {
	if depth > 8 {
		return
	}
	switch v := o.(type) {
	case types.IndirectRef:
		n := v.ObjectNumber.Value()
		if s.empty[n] {
			return
		}
		d, err := s.xt.Dereference(v)
		if err != nil {
			return
		}
		if _, ok := d.(types.StreamDict); ok {
			s.empty[n] = true
			return
		}
		s.mark(d, depth+1)
	case types.Dict:
		for _, x := range v {
			s.mark(x, depth+1)
		}
	case types.Array:
		for _, x := range v {
			s.mark(x, depth+1)
		}
	}
}
