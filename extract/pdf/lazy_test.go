package pdf

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/testutil"
)

// TestLazyMatchesPdfcpu reads files written three ways (fpdf, the fixture
// writer, pdfcpu's merge with cross-reference and object streams) lazily
// and with pdfcpu: the pages, their boxes, rotation and image must agree.
func TestLazyMatchesPdfcpu(t *testing.T) {
	dir := t.TempDir()
	if _, err := fixture.WriteMixed(context.Background(), dir, fixture.Small()); err != nil {
		t.Fatal(err)
	}
	if _, err := fixture.WriteScanned(context.Background(), dir, fixture.Small(), fixture.CopierG4); err != nil {
		t.Fatal(err)
	}
	files := []string{
		filepath.Join(testutil.RepoRoot(t), "testdata/bundles/small/born-digital.pdf"),
		filepath.Join(dir, fixture.MixedFile),
		filepath.Join(dir, fixture.ScannedName(fixture.CopierG4)),
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			d, err := openLazy(path)
			if err != nil {
				t.Fatalf("lazy open: %v", err)
			}
			defer d.close()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			pctx, err := Open(context.Background(), "x.pdf", data)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.pages) != pctx.PageCount {
				t.Fatalf("lazy: %d pages, pdfcpu %d", len(d.pages), pctx.PageCount)
			}
			for n := 1; n <= pctx.PageCount; n++ {
				_, li, err := d.page(n)
				if err != nil {
					t.Fatalf("page %d: %v", n, err)
				}
				_, _, pi, _ := pctx.PageDict(n, false)
				if li.MediaBox.String() != pi.MediaBox.String() || normRotate(li.Rotate) != normRotate(pi.Rotate) {
					t.Errorf("page %d: lazy box %v rotate %d, pdfcpu %v %d", n, li.MediaBox, li.Rotate, pi.MediaBox, pi.Rotate)
				}
				ls, lok := findSole(d, n)
				ps, pok := findSole(pdfcpuPager{pctx}, n)
				if lok != pok || lok && (ls.w != ps.w || ls.h != ps.h || ls.orient != ps.orient || len(ls.sd.Raw) != len(ps.sd.Raw)) {
					t.Errorf("page %d: lazy sole %v %+v, pdfcpu %v %+v", n, lok, ls.orient, pok, ps.orient)
				}
			}
		})
	}
}
