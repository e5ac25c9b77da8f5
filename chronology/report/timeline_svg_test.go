package report

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"golang.org/x/net/html"
)

// TestTimelineSVG: the web page's timeline is the report's picture, drawn
// with presentation attributes instead of a stylesheet, marks linked as
// asked.
func TestTimelineSVG(t *testing.T) {
	c := reporttest.Sample()
	out, err := TimelineSVG(c, func(e chronology.Entry) string { return "/entries/" + e.ID })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "style=") {
		t.Error("the picture has an inline style a strict CSP blocks")
	}
	doc, err := html.Parse(strings.NewReader("<body>" + string(out)))
	if err != nil {
		t.Fatal(err)
	}
	marks := find(doc, func(n *html.Node) bool { return n.Data == "circle" && hasClass(n, "mark") })
	if len(marks) != len(c.Entries) {
		t.Fatalf("%d marks, want %d", len(marks), len(c.Entries))
	}
	for i, m := range marks {
		if attr(m, "fill") == "" || attr(m.Parent, "href") != "/entries/"+c.Entries[i].ID {
			t.Errorf("mark %d: fill %q, link %q", i, attr(m, "fill"), attr(m.Parent, "href"))
		}
	}
	gaps := find(doc, func(n *html.Node) bool { return n.Data == "rect" && hasClass(n, "gap") })
	if len(gaps) != len(c.Gaps) || len(gaps) > 0 && attr(gaps[0], "fill") == "" {
		t.Errorf("%d shaded gaps, want %d, painted", len(gaps), len(c.Gaps))
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "text" && hasClass(n, "lane-label") })); n != len(c.Providers) {
		t.Errorf("%d lanes, want %d", n, len(c.Providers))
	}
	out, err = TimelineSVG(c, nil)
	if err != nil || !strings.Contains(string(out), `href="#entry-`+c.Entries[0].ID+`"`) {
		t.Errorf("default links: %v", err)
	}
	if out, err := TimelineSVG(chronology.Chronology{}, nil); out != "" || err != nil {
		t.Errorf("an empty chronology draws %q, %v", out, err)
	}
}
