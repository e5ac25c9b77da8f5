//go:build !cgo

package ocr

func newTesseract(Options) (engine, error) { return nil, ErrUnavailable }
