package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/extract"
)

// docxTables reads word/document.xml of a .docx and returns its tables as
// rows of cell texts (paragraphs joined by "\n", line breaks as "\n"), and
// whether each row is a repeated header row.
func docxTables(t *testing.T, b []byte) (tables [][][]string, headers [][]bool, body string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if err := xmlWellFormed(data); err != nil {
			t.Errorf("part %s is not well-formed XML: %v", f.Name, err)
		}
		if f.Name == "word/document.xml" {
			body = string(data)
		}
	}
	d := xml.NewDecoder(strings.NewReader(body))
	var row []string
	var cell, para strings.Builder
	var isHeader bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "tbl":
				tables, headers = append(tables, nil), append(headers, nil)
			case "tr":
				row, isHeader = nil, false
			case "tblHeader":
				isHeader = true
			case "tc":
				cell.Reset()
			case "p":
				para.Reset()
			case "br":
				para.WriteString("\n")
			case "t":
				var s string
				if err := d.DecodeElement(&s, &el); err != nil {
					t.Fatal(err)
				}
				para.WriteString(s)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "p":
				if cell.Len() > 0 {
					cell.WriteString("\n")
				}
				cell.WriteString(para.String())
			case "tc":
				row = append(row, strings.TrimSuffix(cell.String(), "\n"))
			case "tr":
				n := len(tables) - 1
				tables[n], headers[n] = append(tables[n], row), append(headers[n], isHeader)
			}
		}
	}
	return tables, headers, body
}

func xmlWellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func TestWriteDOCXChronologyTable(t *testing.T) {
	c := reporttest.Sample()
	var b bytes.Buffer
	if err := WriteDOCX(&b, c, nil); err != nil {
		t.Fatal(err)
	}
	tables, headers, body := docxTables(t, b.Bytes())
	if len(tables) != 2 {
		t.Fatalf("%d tables, want the chronology and the specials", len(tables))
	}
	rows := tables[0]
	if got := strings.Join(rows[0], "|"); got != "Date|Provider|Visit type|Summary|Diagnoses|Pages (Bates)" || !headers[0][0] {
		t.Errorf("header row %q (repeated %v)", got, headers[0][0])
	}
	for i, h := range headers[0][1:] {
		if h {
			t.Errorf("row %d is marked as a header row", i+1)
		}
	}
	// 9 entries, e8 rejected, one gap row: 8 entries + 1 gap + header.
	if len(rows) != 10 {
		t.Fatalf("%d rows, want 10:\n%q", len(rows), rows)
	}
	var gapAt, e2At = -1, -1
	for i, r := range rows {
		joined := strings.Join(r, "|")
		switch {
		case strings.HasPrefix(joined, "Gap in treatment: 70 days"):
			gapAt = i
			if len(r) != 1 {
				t.Errorf("gap row has %d cells, want one spanning the table", len(r))
			}
		case strings.Contains(joined, "duplicate extraction"):
			t.Errorf("rejected entry e8 is in the table: %q", r)
		case strings.HasPrefix(r[0], "2023-03-14"):
			e2At = i
			if r[5] != "MC000003–MC000004" {
				t.Errorf("ER visit pages %q, want the Bates range MC000003–MC000004", r[5])
			}
			if !strings.Contains(r[4], "S13.4XXA Sprain of ligaments of cervical spine") || !strings.Contains(r[1], "Dr. Maria Santos") {
				t.Errorf("ER visit row %q lacks its diagnosis or clinician", r)
			}
			if strings.Contains(r[0], "not yet reviewed") {
				t.Errorf("verified ER visit says not reviewed: %q", r[0])
			}
		case strings.HasPrefix(r[0], "2023-04-11"):
			if !strings.Contains(r[0], "not yet reviewed") || !strings.Contains(r[3], "Quote not found on the cited page") {
				t.Errorf("ungrounded unreviewed entry e6 not marked: %q", r)
			}
			if r[5] != "PT notes, scanned.pdf p.2" {
				t.Errorf("page without Bates cited as %q", r[5])
			}
		case strings.HasPrefix(r[0], "2022-06-02"):
			if !strings.Contains(r[0], "pre-incident") {
				t.Errorf("pre-incident entry not marked: %q", r[0])
			}
		}
	}
	if gapAt < 0 || e2At < 0 || gapAt < e2At {
		t.Errorf("gap row at %d, ER row at %d: the gap belongs after e6", gapAt, e2At)
	}
	if !strings.Contains(body, `w:orient="landscape"`) {
		t.Error("chronology.docx is not landscape")
	}
	for _, want := range []string{"Doe v. Acme Freight", "Jane Q. Doe", "2023-03-14"} {
		if !strings.Contains(body, want) {
			t.Errorf("particulars lack %q", want)
		}
	}
	sp := tables[1]
	last := sp[len(sp)-1]
	if last[0] != "Total" || last[2] == "" {
		t.Errorf("specials total row %q", last)
	}
}

func TestWriteDOCXEscapesRecordText(t *testing.T) {
	c := reporttest.Sample()
	c.Entries[1].Summary = `<w:p>&"quoted"` + "\x01 ]]>"
	c.Matter.Name = "A & B <Co>"
	var b bytes.Buffer
	if err := WriteDOCX(&b, c, nil); err != nil {
		t.Fatal(err)
	}
	tables, _, body := docxTables(t, b.Bytes())
	found := false
	for _, r := range tables[0] {
		if len(r) > 3 && strings.HasPrefix(r[3], `<w:p>&"quoted"`) {
			found = true
		}
	}
	if !found || strings.Contains(body, "<w:p>&") {
		t.Error("record text not escaped as text")
	}
	zr, _ := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	for _, f := range zr.File {
		if f.Name != "docProps/core.xml" {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(data, []byte("Acme")) || bytes.Contains(data, []byte("Doe")) || bytes.Contains(data, []byte("A &amp; B")) {
			t.Errorf("core properties carry the matter or client: %s", data)
		}
	}
}

func TestPageRefs(t *testing.T) {
	ix := docIndex{}
	cite := func(bates string, page int) extract.Citation {
		return extract.Citation{DocumentID: "d", Page: page, Bates: bates}
	}
	for _, tc := range []struct {
		name string
		in   []extract.Citation
		want string
	}{
		{"range and single", []extract.Citation{cite("MC000014", 14), cite("MC000012", 12), cite("MC000013", 13), cite("MC000020", 20), cite("MC000013", 13)}, "MC000012–MC000014, MC000020"},
		{"two prefixes", []extract.Citation{cite("VI0002", 2), cite("MC000001", 1), cite("VI0001", 1)}, "MC000001, VI0001–VI0002"},
		{"no Bates", []extract.Citation{{DocumentID: "d", Page: 3}}, "d p.3"},
		{"none", nil, ""},
	} {
		if got := pageRefs(ix, tc.in); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
