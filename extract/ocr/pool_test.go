package ocr

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/medchron/medchron/extract"
)

// fakeEngine answers with one word, or fails as told by the image's width:
// 13 px panics, 17 px errors. It records concurrent use.
type fakeEngine struct {
	id     int
	inUse  *atomic.Int32
	maxUse *atomic.Int32
	closed bool
	hold   chan struct{}
}

func (f *fakeEngine) recognize(img []byte, dpi int) ([]rawWord, error) {
	n := f.inUse.Add(1)
	defer f.inUse.Add(-1)
	for {
		m := f.maxUse.Load()
		if n <= m || f.maxUse.CompareAndSwap(m, n) {
			break
		}
	}
	if f.closed {
		panic("closed engine used")
	}
	if f.hold != nil {
		<-f.hold
	}
	cfg, _ := png.DecodeConfig(bytes.NewReader(img))
	switch cfg.Width {
	case 13:
		panic("boom")
	case 17:
		return nil, errors.New("tesseract failed")
	case 19:
		return nil, nil
	}
	return []rawWord{{text: "ok", x0: 0, y0: 0, x1: dpi, y1: dpi, conf: 90, block: 1, par: 1, line: 1}}, nil
}

func (f *fakeEngine) close() { f.closed = true }

type fakeFactory struct {
	mu      sync.Mutex
	made    int
	inUse   atomic.Int32
	maxUse  atomic.Int32
	hold    chan struct{}
	engines []*fakeEngine
}

func (ff *fakeFactory) new(Options) (engine, error) {
	ff.mu.Lock()
	defer ff.mu.Unlock()
	ff.made++
	e := &fakeEngine{id: ff.made, inUse: &ff.inUse, maxUse: &ff.maxUse, hold: ff.hold}
	ff.engines = append(ff.engines, e)
	return e, nil
}

func pngOf(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestPoolRecoversFromFailures(t *testing.T) {
	ff := &fakeFactory{}
	pool, err := newPool(1, Options{}, ff.new)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	ctx := context.Background()
	steps := []struct {
		width   int
		wantErr bool
		source  extract.PageSource
		made    int // clients made so far
	}{
		{10, false, extract.SourceOCR, 1},
		{13, true, "", 1},                 // panics: client dropped
		{10, false, extract.SourceOCR, 2}, // a fresh client
		{17, true, "", 2},                 // errors: client dropped
		{19, false, extract.SourceEmpty, 3},
		{10, false, extract.SourceOCR, 3},
	}
	for i, s := range steps {
		page, err := pool.Recognize(ctx, pngOf(t, s.width, 10), 300, "doc", i+1)
		if (err != nil) != s.wantErr {
			t.Fatalf("step %d: err = %v", i, err)
		}
		if err == nil && (page.Source != s.source || page.Number != i+1 || page.DocumentID != "doc") {
			t.Errorf("step %d: page %+v", i, page)
		}
		if ff.made != s.made {
			t.Errorf("step %d: %d clients made, want %d", i, ff.made, s.made)
		}
	}
	for _, e := range ff.engines[:2] {
		if !e.closed {
			t.Errorf("failed client %d was not closed", e.id)
		}
	}
}

func TestPoolBoundsConcurrency(t *testing.T) {
	ff := &fakeFactory{}
	pool, err := newPool(2, Options{}, ff.new)
	if err != nil {
		t.Fatal(err)
	}
	img := pngOf(t, 10, 10)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Go(func() {
			page, err := pool.Recognize(context.Background(), img, 300, "d", i+1)
			if err == nil && (page.Number != i+1 || len(page.Words) != 1) {
				err = errors.New("wrong page back")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := ff.maxUse.Load(); got > 2 {
		t.Errorf("%d clients busy at once on a pool of 2", got)
	}
	pool.Close()
	if _, err := pool.Recognize(context.Background(), img, 300, "d", 1); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: err = %v, want ErrClosed", err)
	}
	for _, e := range ff.engines {
		if !e.closed {
			t.Errorf("client %d not closed by Close", e.id)
		}
	}
}

func TestPoolWaitHonoursContext(t *testing.T) {
	ff := &fakeFactory{hold: make(chan struct{})}
	pool, err := newPool(1, Options{}, ff.new)
	if err != nil {
		t.Fatal(err)
	}
	img := pngOf(t, 10, 10)
	busy := make(chan error)
	go func() {
		_, err := pool.Recognize(context.Background(), img, 300, "d", 1)
		busy <- err
	}()
	for ff.inUse.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := pool.Recognize(ctx, img, 300, "d", 2); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting call: err = %v, want DeadlineExceeded", err)
	}
	if time.Since(start) > time.Second {
		t.Error("waiting call did not give up with its context")
	}
	close(ff.hold)
	if err := <-busy; err != nil {
		t.Errorf("busy call: %v", err)
	}
	pool.Close()
}

func TestRecognizeRejectsBadImages(t *testing.T) {
	ff := &fakeFactory{}
	pool, err := newPool(1, Options{MaxPixels: 100_000}, ff.new)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	good := pngOf(t, 10, 10)
	tests := []struct {
		name string
		img  []byte
		dpi  int
	}{
		{"empty", nil, 300},
		{"not an image", []byte("hello"), 300},
		{"truncated png", good[:len(good)-12], 300},
		{"too many pixels", pngOf(t, 400, 400), 300},
		{"zero dpi", good, 0},
		{"longer than Tesseract reads", pngOf(t, MaxSide+1, 1), 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pool.Recognize(context.Background(), tt.img, tt.dpi, "doc", 4)
			if !errors.Is(err, ErrBadImage) {
				t.Fatalf("err = %v, want ErrBadImage", err)
			}
			// Reading the same image again cannot help: the pipeline
			// must give the page up at once instead of retrying it.
			var p interface{ Permanent() bool }
			if !errors.As(err, &p) || !p.Permanent() {
				t.Fatalf("err = %v, not permanent", err)
			}
		})
	}
	if ff.inUse.Load() != 0 || ff.maxUse.Load() != 0 {
		t.Error("a bad image reached the OCR engine")
	}
}
