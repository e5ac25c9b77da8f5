package exhibit

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/testutil"
)

// outlineItem is a bookmark read back from the exhibit.
type outlineItem struct {
	title string
	page  int
	kids  []outlineItem
}

func readOutline(bms []pdfcpu.Bookmark) []outlineItem {
	var out []outlineItem
	for _, b := range bms {
		out = append(out, outlineItem{b.Title, b.PageFrom, readOutline(b.Kids)})
	}
	return out
}

// exhibitFixture returns the documents of a matter in upload order, and
// the exhibit's documents ordered by provider, numbered by chronology.Build.
func exhibitFixture(t *testing.T) []Doc {
	t.Helper()
	born, scanned := smallBundle(t, "born-digital.pdf"), smallBundle(t, "scanned.pdf")
	blank, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "testdata", "bad", "blank.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ups := []upload{ // upload order, which the Bates numbers follow
		{"d1", "er-visit.pdf", pagesOf(t, born, 1, 5), 5},
		{"d2", "imaging.pdf", pagesOf(t, born, 6, 16), 11},
		{"s1", "scan-a.pdf", pagesOf(t, scanned, 1, 4), 4},
		{"s2", "scan-b.pdf", pagesOf(t, scanned, 5, 16), 12},
		{"b1", "blank.pdf", blank, 1},
		{"r1", "shared.pdf", rawPDF(), 3},
	}
	nums := numbered(ups)
	byID := map[string]upload{}
	for _, u := range ups {
		byID[u.id] = u
	}
	doc := func(id, provider, title string) Doc {
		u, c := byID[id], nums[id]
		return Doc{Provider: provider, Title: title, File: u.file, Bytes: u.data,
			BatesFirst: c.BatesFirst, BatesLast: c.BatesLast, Pages: c.Pages}
	}
	// The exhibit's order (by provider, then date) is not the upload order;
	// two documents share a title; one provider comes back after another.
	return []Doc{
		doc("s1", "Alpha Imaging", "Imaging records"),
		doc("d2", "Alpha Imaging", "Imaging records"),
		doc("d1", "Beta Orthopedics", ""),
		doc("r1", "Beta Orthopedics", "Shared  content\n pages"),
		doc("b1", "", "Blank page"),
		doc("s2", "Alpha Imaging", "Later scans"),
	}
}

func TestBuild(t *testing.T) {
	needPoppler(t)
	docs := exhibitFixture(t)
	const footer = "CONFIDENTIAL — SUBJECT TO PROTECTIVE ORDER"
	var out bytes.Buffer
	if err := Build(context.Background(), &out, docs, Options{Footer: footer}); err != nil {
		t.Fatal(err)
	}

	// The Bates number each page must carry, as the chronology numbered it.
	var want []string
	for _, d := range docs {
		n, err := parseBates("MC", d.BatesFirst)
		if err != nil {
			t.Fatal(err)
		}
		for i := range d.Pages {
			want = append(want, Bates("MC", n+i))
		}
		if want[len(want)-1] != d.BatesLast {
			t.Fatalf("%s: last page stamped %s, chronology says %s", d.File, want[len(want)-1], d.BatesLast)
		}
	}

	count, err := api.PageCount(bytes.NewReader(out.Bytes()), pdf.Config())
	if err != nil || count != len(want) {
		t.Fatalf("exhibit has %d pages (err %v), want %d", count, err, len(want))
	}

	// Relaxed: in strict mode pdfcpu rejects its own stamp font (a standard
	// Type 1 font without FirstChar, which PDF 1.7 allows).
	if err := api.Validate(bytes.NewReader(out.Bytes()), pdf.Config()); err != nil {
		t.Errorf("the exhibit does not pass pdfcpu's validation: %v", err)
	}

	batesRe := regexp.MustCompile(`MC\d{6}`)
	texts := pageText(t, out.Bytes())
	if len(texts) != len(want) {
		t.Fatalf("pdftotext read %d pages, want %d", len(texts), len(want))
	}
	for i, text := range texts {
		if got := batesRe.FindAllString(text, -1); len(got) != 1 || got[0] != want[i] {
			t.Errorf("page %d: Bates numbers %q, want only %s", i+1, got, want[i])
		}
		if !strings.Contains(text, "CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER") {
			t.Errorf("page %d: no footer", i+1)
		}
	}

	// The stamps sit in the bottom margin: the Bates number at the right,
	// the footer at the left, in small type, on portrait and rotated pages.
	for i, p := range wordBoxes(t, out.Bytes()) {
		var bates, subject *word
		for k := range p.words {
			switch w := &p.words[k]; {
			case w.text == want[i]:
				bates = w
			case w.text == "SUBJECT" && w.yMin > p.height-40:
				subject = w
			}
		}
		if bates == nil || subject == nil {
			t.Errorf("page %d: Bates word %v, footer word %v", i+1, bates, subject)
			continue
		}
		if bates.xMin < p.width*0.75 || bates.xMax > p.width-12 || bates.yMin < p.height-40 || bates.yMax > p.height-12 || bates.yMax-bates.yMin > 12 {
			t.Errorf("page %d (%.0fx%.0f): Bates number at %+v, want small at the bottom right", i+1, p.width, p.height, *bates)
		}
		if subject.xMax > p.width/2 || subject.yMax > p.height-12 {
			t.Errorf("page %d: footer at %+v, want the bottom left", i+1, *subject)
		}
	}

	bms, err := api.Bookmarks(bytes.NewReader(out.Bytes()), pdf.Config())
	if err != nil {
		t.Fatal(err)
	}
	wantOutline := []outlineItem{
		{"Alpha Imaging", 1, []outlineItem{{"Imaging records", 1, nil}, {"Imaging records", 5, nil}}},
		{"Beta Orthopedics", 16, []outlineItem{{"er-visit.pdf", 16, nil}, {"Shared content pages", 21, nil}}},
		{NoProvider, 24, []outlineItem{{"Blank page", 24, nil}}},
		{"Alpha Imaging", 25, []outlineItem{{"Later scans", 25, nil}}},
	}
	if got := readOutline(bms); !equalOutline(got, wantOutline) {
		t.Errorf("outline = %+v\nwant %+v", got, wantOutline)
	}
}

func equalOutline(a, b []outlineItem) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].title != b[i].title || a[i].page != b[i].page || !equalOutline(a[i].kids, b[i].kids) {
			return false
		}
	}
	return true
}

func TestBuildWithoutFooter(t *testing.T) {
	needPoppler(t)
	data := pagesOf(t, smallBundle(t, "born-digital.pdf"), 1, 2)
	var out bytes.Buffer
	err := Build(context.Background(), &out, []Doc{{Provider: "P", File: "a.pdf", Bytes: data, BatesFirst: "ABC000041", Pages: 2}},
		Options{BatesPrefix: "ABC"})
	if err != nil {
		t.Fatal(err)
	}
	texts := pageText(t, out.Bytes())
	if len(texts) != 2 || !strings.Contains(texts[0], "ABC000041") || !strings.Contains(texts[1], "ABC000042") {
		t.Fatalf("pages %q", texts)
	}
	if strings.Contains(texts[0], "CONFIDENTIAL -") {
		t.Error("a footer was stamped without Options.Footer")
	}
}

// TestBuildOwnerPasswordOnly takes a PDF encrypted with an owner password
// only (it opens without a password, as the pipeline accepted it): the
// exhibit is written decrypted and readable.
func TestBuildOwnerPasswordOnly(t *testing.T) {
	needPoppler(t)
	var enc bytes.Buffer
	plain := pagesOf(t, smallBundle(t, "born-digital.pdf"), 1, 2)
	if err := api.Encrypt(bytes.NewReader(plain), &enc, model.NewAESConfiguration("", "owner-secret", 256)); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Build(context.Background(), &out, []Doc{{File: "locked.pdf", Bytes: enc.Bytes(), BatesFirst: "MC000001", Pages: 2}}, Options{}); err != nil {
		t.Fatal(err)
	}
	texts := pageText(t, out.Bytes())
	if len(texts) != 2 || !strings.Contains(texts[0], "MC000001") || !strings.Contains(texts[0], "Saint Mary") {
		t.Errorf("pages %q", texts)
	}
}

func TestBuildErrors(t *testing.T) {
	bad := filepath.Join(testutil.RepoRoot(t), "testdata", "bad")
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(bad, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	good := Doc{Provider: "P", File: "good.pdf", Bytes: pagesOf(t, smallBundle(t, "born-digital.pdf"), 1, 2), BatesFirst: "MC000001", Pages: 2}
	with := func(d Doc) []Doc { return []Doc{good, d} }
	badDoc := func(name string) Doc { return Doc{File: name, Bytes: read(name), BatesFirst: "MC000003"} }
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		docs     []Doc
		opt      Options
		contains string
		is       error
	}{
		{"empty file", nil, with(badDoc("empty.pdf")), Options{}, "empty.pdf", pdf.ErrEmpty},
		{"truncated", nil, with(badDoc("truncated.pdf")), Options{}, "truncated.pdf", pdf.ErrCorrupt},
		{"encrypted", nil, with(badDoc("encrypted.pdf")), Options{}, "encrypted.pdf", pdf.ErrEncrypted},
		{"photo", nil, with(badDoc("photo.pdf")), Options{}, "photo.pdf", pdf.ErrNotPDF},
		{"text file", nil, with(badDoc("notes.txt")), Options{}, "notes.txt", pdf.ErrNotPDF},
		{"page count", nil, with(Doc{File: "short.pdf", Bytes: good.Bytes, BatesFirst: "MC000003", Pages: 3}), Options{}, "short.pdf: has 2 pages, the chronology numbered 3", nil},
		{"Bates prefix", nil, with(Doc{File: "other.pdf", Bytes: good.Bytes, BatesFirst: "XY000003"}), Options{}, "other.pdf", nil},
		{"Bates padding", nil, with(Doc{File: "pad.pdf", Bytes: good.Bytes, BatesFirst: "MC3"}), Options{}, "pad.pdf", nil},
		{"Bates last", nil, with(Doc{File: "last.pdf", Bytes: good.Bytes, BatesFirst: "MC000003", BatesLast: "MC000005"}), Options{}, "last.pdf: 2 pages from MC000003 end at MC000004, not at MC000005", nil},
		{"no documents", nil, nil, Options{}, "no documents", nil},
		{"long footer", nil, []Doc{good}, Options{Footer: strings.Repeat("x", MaxFooter+1)}, "footer is longer", nil},
		{"two-line footer", nil, []Doc{good}, Options{Footer: "a\nb"}, "one line", nil},
		{"percent in footer", nil, []Doc{good}, Options{Footer: "100% draft"}, "%", nil},
		{"cancelled", cancelled, []Doc{good}, Options{}, "", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			var out bytes.Buffer
			err := Build(ctx, &out, tt.docs, tt.opt)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.contains) || tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q, want it to contain %q and wrap %v", err, tt.contains, tt.is)
			}
			if out.Len() != 0 {
				t.Errorf("%d bytes written despite the error", out.Len())
			}
		})
	}
}

func TestBates(t *testing.T) {
	for _, tt := range []struct {
		prefix, in string
		n          int
		ok         bool
	}{
		{"MC", "MC000001", 1, true},
		{"MC", "MC123456", 123456, true},
		{"MC", "MC1234567", 1234567, true},
		{"SMITH-", "SMITH-000010", 10, true},
		{"MC", "MC0000001", 0, false},
		{"MC", "MC1", 0, false},
		{"MC", "MC000000", 0, false},
		{"MC", "MX000001", 0, false},
		{"MC", "MC", 0, false},
		{"MC", "MC00000a", 0, false},
	} {
		n, err := parseBates(tt.prefix, tt.in)
		if (err == nil) != tt.ok || n != tt.n {
			t.Errorf("parseBates(%q, %q) = %d, %v", tt.prefix, tt.in, n, err)
		}
		if tt.ok && Bates(tt.prefix, n) != tt.in {
			t.Errorf("Bates(%q, %d) = %q, want %q", tt.prefix, n, Bates(tt.prefix, n), tt.in)
		}
	}
}

func TestFooterText(t *testing.T) {
	for in, want := range map[string]string{
		"DRAFT":                       "DRAFT",
		"  Confidential — “AEO” ’s  ": "Confidential - \"AEO\" 's",
		"Café\tnaïve":                 "Café naïve",
		"Patient ✓ 漢":                 "Patient ? ?",
	} {
		got, err := footerText(in)
		if err != nil || got != want {
			t.Errorf("footerText(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestBuildIndexAndMarks: with Options.Index the exhibit opens with an
// index page (no Bates number, the footer, every document under its
// provider with its Bates range, each line a link to the document), and
// documents' marks become bookmarks under them.
func TestBuildIndexAndMarks(t *testing.T) {
	needPoppler(t)
	docs := exhibitFixture(t)
	docs[1].Marks = []Mark{{Title: "2023-03-20 MRI cervical spine", Page: 2}, {Title: "past the end", Page: 99}, {Title: "  ", Page: 1}}
	var out bytes.Buffer
	if err := Build(context.Background(), &out, docs, Options{Footer: "CONFIDENTIAL", Index: true}); err != nil {
		t.Fatal(err)
	}
	records := 0
	for _, d := range docs {
		records += d.Pages
	}
	if err := api.Validate(bytes.NewReader(out.Bytes()), pdf.Config()); err != nil {
		t.Errorf("the exhibit does not pass pdfcpu's validation: %v", err)
	}
	texts := pageText(t, out.Bytes())
	if len(texts) != records+1 {
		t.Fatalf("%d pages, want %d records and one index page", len(texts), records)
	}
	index := texts[0]
	for _, want := range []string{IndexTitle, "Alpha Imaging", "Beta Orthopedics", NoProvider, "Imaging records", "Later scans", "CONFIDENTIAL",
		docs[0].BatesFirst + " - " + docs[0].BatesLast, "6 documents, 36 pages, Bates MC000001 to MC000036"} {
		if !strings.Contains(index, want) {
			t.Errorf("index page lacks %q:\n%s", want, index)
		}
	}
	if got := regexp.MustCompile(`(?m)^\s*MC\d{6}\s*$`).FindString(index); got != "" {
		t.Errorf("index page carries a Bates stamp %q", got)
	}
	if !strings.Contains(texts[1], docs[0].BatesFirst) {
		t.Errorf("first record page lacks its Bates number %s", docs[0].BatesFirst)
	}

	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(out.Bytes()), pdf.Config())
	if err != nil {
		t.Fatal(err)
	}
	links := 0
	if pd, _, _, err := ctx.PageDict(1, false); err == nil {
		if arr, err := ctx.DereferenceArray(pd["Annots"]); err == nil {
			links = len(arr)
		}
	}
	if want := len(docs) + 4; links != want { // a link per document and per provider heading
		t.Errorf("index page has %d links, want %d", links, want)
	}

	bms, err := api.Bookmarks(bytes.NewReader(out.Bytes()), pdf.Config())
	if err != nil {
		t.Fatal(err)
	}
	got := readOutline(bms)
	if len(got) == 0 || got[0].title != IndexTitle || got[0].page != 1 {
		t.Fatalf("first bookmark %+v, want the index on page 1", got)
	}
	alpha := got[1]
	if alpha.title != "Alpha Imaging" || alpha.page != 2 || len(alpha.kids) != 2 {
		t.Fatalf("provider bookmark %+v", alpha)
	}
	second := alpha.kids[1]
	if second.page != 6 || len(second.kids) != 1 || second.kids[0].title != "2023-03-20 MRI cervical spine" || second.kids[0].page != 7 {
		t.Errorf("document bookmark %+v, want one mark on its page 2 (exhibit page 7)", second)
	}
}

// TestBuildSenderBates: a document that keeps the sender's Bates numbers
// gets no second number; the index lists its own range and the exhibit's
// range counts only the exhibit's numbers.
func TestBuildSenderBates(t *testing.T) {
	needPoppler(t)
	born := smallBundle(t, "born-digital.pdf")
	docs := []Doc{
		{Provider: "P", File: "a.pdf", Bytes: pagesOf(t, born, 1, 2), BatesFirst: "ABC000001", BatesLast: "ABC000002", Pages: 2},
		{Provider: "Q", File: "stamped.pdf", Bytes: pagesOf(t, born, 3, 4), BatesFirst: "VIS 000041", BatesLast: "VIS 000042", Pages: 2, SenderBates: true},
		{Provider: "Q", File: "b.pdf", Bytes: pagesOf(t, born, 5, 5), BatesFirst: "ABC000003", Pages: 1},
	}
	var out bytes.Buffer
	if err := Build(context.Background(), &out, docs, Options{BatesPrefix: "ABC", Index: true}); err != nil {
		t.Fatal(err)
	}
	texts := pageText(t, out.Bytes())
	if len(texts) != 6 {
		t.Fatalf("%d pages, want an index and 5 records", len(texts))
	}
	for _, want := range []string{"VIS 000041 - VIS 000042", "ABC000001 - ABC000002", "3 documents, 5 pages, Bates ABC000001 to ABC000003"} {
		if !strings.Contains(texts[0], want) {
			t.Errorf("index lacks %q:\n%s", want, texts[0])
		}
	}
	stamp := regexp.MustCompile(`ABC\d{6}`)
	for i, want := range []string{"ABC000001", "ABC000002", "", "", "ABC000003"} {
		got := stamp.FindAllString(texts[i+1], -1)
		if want == "" && len(got) > 0 || want != "" && !slices.Equal(got, []string{want}) {
			t.Errorf("record page %d carries %q, want %q", i+1, got, want)
		}
	}

	// Without SenderBates, a number of another prefix is refused.
	docs[1].SenderBates = false
	if err := Build(context.Background(), io.Discard, docs, Options{BatesPrefix: "ABC"}); err == nil || !strings.Contains(err.Error(), "stamped.pdf") {
		t.Errorf("err = %v, want a refusal naming stamped.pdf", err)
	}
}

// closeCounter is a document opened for Doc.Open, counting its closes.
type closeCounter struct {
	*bytes.Reader
	closed *int
}

func (c closeCounter) Close() error { *c.closed++; return nil }

// TestBuildOpen: documents given by Doc.Open (parsed part by part, a scan
// that arrived as an image read whole) make the same exhibit as their
// bytes, and each is closed once written.
func TestBuildOpen(t *testing.T) {
	docs := exhibitFixture(t)
	img := image.NewGray(image.Rect(0, 0, 850, 1100))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, img); err != nil {
		t.Fatal(err)
	}
	last := docs[len(docs)-1]
	n, err := parseBates("MC", last.BatesLast)
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, Doc{Provider: "Fax", File: "fax.png", Bytes: pngData.Bytes(), BatesFirst: Bates("MC", n+1), BatesLast: Bates("MC", n+1), Pages: 1})
	var want bytes.Buffer
	if err := Build(context.Background(), &want, docs, Options{Index: true}); err != nil {
		t.Fatal(err)
	}
	closed := 0
	opened := make([]Doc, len(docs))
	for i, d := range docs {
		data := d.Bytes
		d.Bytes = nil
		d.Open = func() (io.ReadSeekCloser, error) { return closeCounter{bytes.NewReader(data), &closed}, nil }
		opened[i] = d
	}
	var got bytes.Buffer
	if err := Build(context.Background(), &got, opened, Options{Index: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("the exhibit of opened documents (%d bytes) differs from the one of their bytes (%d bytes)", got.Len(), want.Len())
	}
	if closed != len(docs) {
		t.Errorf("%d documents closed, want %d", closed, len(docs))
	}
}
