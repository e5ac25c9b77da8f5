package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
)

func renderHTML(t *testing.T, c chronology.Chronology) (string, *html.Node) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, c); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("chronology.html does not parse: %v", err)
	}
	return b.String(), doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// find returns the element nodes, in document order, for which match is true.
func find(root *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
	}
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func TestWriteHTML(t *testing.T) {
	c := reporttest.Sample()
	out, doc := renderHTML(t, c)

	entryRows := find(doc, func(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "entry") && attr(n, "id") != "" })
	if len(entryRows) != len(c.Entries) {
		t.Errorf("%d entry rows, want %d", len(entryRows), len(c.Entries))
	}
	marks := find(doc, func(n *html.Node) bool { return n.Data == "circle" && hasClass(n, "mark") })
	if len(marks) != len(c.Entries) {
		t.Errorf("%d timeline marks, want %d", len(marks), len(c.Entries))
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "rect" && hasClass(n, "gap") })); n != len(c.Gaps) {
		t.Errorf("%d shaded gaps in the timeline, want %d", n, len(c.Gaps))
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "line" && hasClass(n, "incident") })); n != 1 {
		t.Errorf("%d incident lines, want 1", n)
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "text" && hasClass(n, "lane-label") })); n != len(c.Providers) {
		t.Errorf("%d timeline lanes, want one per provider (%d)", n, len(c.Providers))
	}

	t.Run("gap separator follows its entry", func(t *testing.T) {
		var ids []string
		for _, tr := range find(doc, func(n *html.Node) bool { return n.Data == "tr" && (hasClass(n, "entry") || hasClass(n, "gap-row")) }) {
			if hasClass(tr, "gap-row") {
				ids = append(ids, "GAP")
			} else if id := attr(tr, "id"); strings.HasPrefix(id, "entry-") {
				ids = append(ids, strings.TrimPrefix(id, "entry-"))
			}
		}
		got := strings.Join(ids, " ")
		if !strings.Contains(got, "e6 GAP e7") || strings.Count(got, "GAP") != 1 {
			t.Errorf("table order = %s, want one gap row between e6 and e7", got)
		}
	})

	t.Run("entry states are marked", func(t *testing.T) {
		states := map[string]string{"e1": "pre", "e2": "ok", "e6": "ungrounded", "e8": "rejected"}
		for _, tr := range entryRows {
			id := strings.TrimPrefix(attr(tr, "id"), "entry-")
			if want, ok := states[id]; ok && !hasClass(tr, want) {
				t.Errorf("row %s has class %q, want %q", id, attr(tr, "class"), want)
			}
			if id == "e1" && !strings.Contains(text(tr), "pre-incident") {
				t.Error("the pre-incident row has no visible badge")
			}
			if id == "e6" && !strings.Contains(text(tr), "ungrounded") {
				t.Error("the ungrounded row has no visible badge")
			}
		}
	})

	for _, want := range []string{
		"St Marys ER.pdf p.3 (MC000003)",    // file, page and Bates
		"PT notes, scanned.pdf p.1",         // no Bates
		"Gap in treatment: 70 days",         // separator row
		"$6,095.50",                         // specials total
		"Referral to pain management",       // flag
		"@media print",                      // print CSS
		"Incident 2023-03-14",               // incident line label
		"Saint Mary&#39;s Regional Medical", // escaped apostrophe
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	golden(t, "chronology.html", []byte(out))
}

func TestWriteHTMLSelfContained(t *testing.T) {
	c := reporttest.Sample()
	c.Providers[1].Name = `<script>alert("x")</script> Clinic`
	for i := range c.Entries {
		if c.Entries[i].ProviderID == "p-stmary" {
			c.Entries[i].Provider = c.Providers[1].Name
			c.Entries[i].Summary = `<img src="https://evil.example/x.png" onerror="alert(1)">`
		}
	}
	out, doc := renderHTML(t, c)
	if n := find(doc, func(n *html.Node) bool {
		return n.Data == "script" || n.Data == "img" || n.Data == "link" || n.Data == "iframe"
	}); len(n) > 0 {
		t.Errorf("the page holds %d script, img, link or iframe elements", len(n))
	}
	if strings.Contains(out, "<script>") {
		t.Error("a <script> in a provider name was not escaped")
	}
	if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Clinic") {
		t.Error("the escaped provider name is missing")
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if (a.Key == "src" || a.Key == "href") && regexp.MustCompile(`(?i)^\s*(https?:)?//`).MatchString(a.Val) {
				t.Errorf("<%s %s=%q> loads from outside the file", n.Data, a.Key, a.Val)
			}
		}
	}
	if regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*https?:`).MatchString(out) {
		t.Error("raw output holds an external src or href")
	}
	if strings.Contains(out, "@import") || strings.Contains(out, "url(") {
		t.Error("the CSS loads something")
	}
}

func TestWriteHTMLEmpty(t *testing.T) {
	out, doc := renderHTML(t, chronology.Chronology{Matter: chronology.Matter{ID: "m1"}})
	if len(find(doc, func(n *html.Node) bool { return n.Data == "svg" })) != 0 || !strings.Contains(out, "No dated entries.") {
		t.Error("an empty chronology should have no timeline picture")
	}
	if !strings.Contains(out, "Matter m1") {
		t.Error("the title falls back to the matter ID")
	}
}

// TestHTMLRunBlock: a repetitive run is one collapsible block titled with
// its visits, dates and pain trend, and each of its visits keeps its row
// and anchor inside the block.
func TestHTMLRunBlock(t *testing.T) {
	c := reporttest.Sample()
	first, last := 7.0, 4.0
	var ids []string
	for i := range c.Entries {
		if c.Entries[i].ProviderID == "p-river" && c.Entries[i].Review != chronology.ReviewRejected {
			c.Entries[i].RunID = "run-pt"
			ids = append(ids, c.Entries[i].ID)
		}
	}
	c.Runs = []chronology.Run{{ID: "run-pt", ProviderID: "p-river", Provider: "Riverside Physical Therapy", VisitType: "physical therapy",
		EntryIDs: ids, Visits: len(ids), FirstDate: c.Entries[0].Date, LastDate: c.Entries[0].Date, PainFirst: &first, PainLast: &last, PainTrend: chronology.TrendImproving}}
	out, doc := renderHTML(t, c)
	if !strings.Contains(out, "Riverside Physical Therapy, physical therapy: 2 visits") || !strings.Contains(out, "pain 7/10 to 4/10, improving") {
		t.Error("the run's title lacks its visits or pain trend")
	}
	var details *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "details" && hasClass(n, "run") {
			details = n
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			find(k)
		}
	}
	find(doc)
	if details == nil {
		t.Fatal("no run block")
	}
	var b bytes.Buffer
	if err := html.Render(&b, details); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if !strings.Contains(b.String(), `id="entry-`+id+`"`) {
			t.Errorf("visit %s is not in the block", id)
		}
		if strings.Count(out, `id="entry-`+id+`"`) != 1 {
			t.Errorf("visit %s is drawn %d times", id, strings.Count(out, `id="entry-`+id+`"`))
		}
	}
}

// TestHTMLBillReadCharge: a charge a printed total repaired shows what OCR
// read beside it.
func TestHTMLBillReadCharge(t *testing.T) {
	c := reporttest.Sample()
	if len(c.Bills) == 0 {
		t.Fatal("the sample has no bill line")
	}
	read := 750.0
	c.Bills[0].Charge, c.Bills[0].ReadCharge = 2750, &read
	out, doc := renderHTML(t, c)
	rows := find(doc, func(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "bill") })
	if len(rows) == 0 || !strings.Contains(text(rows[0]), "$2,750.00") || !strings.Contains(text(rows[0]), "read $750.00") {
		t.Errorf("first bill row %q does not show the charge and what OCR read", func() string {
			if len(rows) == 0 {
				return ""
			}
			return text(rows[0])
		}())
	}
	if n := strings.Count(out, "read $"); n != 1 {
		t.Errorf("%d OCR readings shown, want 1", n)
	}
}
