package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// withUndatedBill is the sample chronology with a charge line whose date
// of service could not be read, and its undated_bill_line flag.
func withUndatedBill() chronology.Chronology {
	c := reporttest.Sample()
	bl := c.Bills[0]
	bl.ID, bl.Date, bl.Code, bl.Charge = "bill-undated", dates.Date{}, "20610", 384
	cite := bl.Citations[0]
	c.Bills = append(c.Bills, bl)
	c.Flags = append(c.Flags, chronology.Flag{Kind: chronology.FlagUndatedBillLine,
		Message: "A charge of $384.00 (20610): its date of service could not be read.", Citations: []extract.Citation{cite}})
	return c
}

// TestUndatedBillLineShown: the HTML report marks an undated charge line
// in its date cell and lists its flag; the Word chronology says, under the
// specials, how many charge lines of the total are undated and on which
// pages.
func TestUndatedBillLineShown(t *testing.T) {
	c := withUndatedBill()
	var h bytes.Buffer
	if err := WriteHTML(&h, c); err != nil {
		t.Fatal(err)
	}
	html := h.String()
	if !strings.Contains(html, `<td class="date"><small title="Its date of service could not be read`) {
		t.Error("the HTML bill line shows no undated mark")
	}
	if !strings.Contains(html, "undated bill line") {
		t.Error("the HTML flags lack the undated bill line flag")
	}
	var d bytes.Buffer
	if err := WriteDOCX(&d, c, nil); err != nil {
		t.Fatal(err)
	}
	_, _, body := docxTables(t, d.Bytes())
	cite := c.Bills[len(c.Bills)-1].Citations[0]
	want := "In the total, undated: 1 charge line whose date of service could not be read (" + CitationLabel(indexDocs(c).file(cite.DocumentID), cite) + ")"
	if !strings.Contains(body, want) {
		t.Errorf("the Word chronology lacks %q", want)
	}
}
