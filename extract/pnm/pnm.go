// Package pnm reads the binary PNM images (PBM P4, PGM P5, PPM P6) that
// package extract/pdf hands to OCR for scanned pages, and registers them
// with package image so that image.DecodeConfig and image.Decode know them.
package pnm

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/color"
	"io"
)

func init() {
	for _, magic := range []string{"P4", "P5", "P6"} {
		image.RegisterFormat("pnm", magic, Decode, DecodeConfig)
	}
}

// ErrFormat is returned for input that is not a binary PNM of 8-bit depth.
var ErrFormat = errors.New("pnm: not a binary PBM, PGM or PPM image")

type header struct {
	magic         string
	width, height int
	max           int
}

func readHeader(r *bufio.Reader) (header, error) {
	var h header
	var fields []int
	magic := make([]byte, 2)
	if _, err := io.ReadFull(r, magic); err != nil {
		return h, ErrFormat
	}
	h.magic = string(magic)
	need := 3
	switch h.magic {
	case "P4":
		need = 2
	case "P5", "P6":
	default:
		return h, ErrFormat
	}
	for len(fields) < need {
		tok, err := token(r)
		if err != nil {
			return h, err
		}
		var v int
		if _, err := fmt.Sscanf(tok, "%d", &v); err != nil || v <= 0 {
			return h, ErrFormat
		}
		fields = append(fields, v)
	}
	h.width, h.height = fields[0], fields[1]
	if need == 3 {
		if h.max = fields[2]; h.max > 255 {
			return h, ErrFormat
		}
	}
	// Exactly one whitespace byte ends the header.
	if _, err := r.ReadByte(); err != nil {
		return h, ErrFormat
	}
	return h, nil
}

// token reads the next whitespace-separated header token, skipping comments.
func token(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		c, err := r.ReadByte()
		if err != nil {
			return "", ErrFormat
		}
		switch {
		case c == '#':
			if _, err := r.ReadString('\n'); err != nil {
				return "", ErrFormat
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if len(b) > 0 {
				return string(b), r.UnreadByte()
			}
		default:
			if len(b) > 10 {
				return "", ErrFormat
			}
			b = append(b, c)
		}
	}
}

// DecodeConfig returns the colour model and size of a PNM image.
func DecodeConfig(r io.Reader) (image.Config, error) {
	h, err := readHeader(bufio.NewReader(r))
	if err != nil {
		return image.Config{}, err
	}
	cm := color.Model(color.GrayModel)
	if h.magic == "P6" {
		cm = color.RGBAModel
	}
	return image.Config{ColorModel: cm, Width: h.width, Height: h.height}, nil
}

// Decode reads a PNM image.
func Decode(r io.Reader) (image.Image, error) {
	br := bufio.NewReader(r)
	h, err := readHeader(br)
	if err != nil {
		return nil, err
	}
	if h.width*h.height > 1<<28 {
		return nil, fmt.Errorf("pnm: %dx%d is too large", h.width, h.height)
	}
	rect := image.Rect(0, 0, h.width, h.height)
	switch h.magic {
	case "P4":
		img := image.NewGray(rect)
		row := make([]byte, (h.width+7)/8)
		for y := 0; y < h.height; y++ {
			if _, err := io.ReadFull(br, row); err != nil {
				return nil, fmt.Errorf("pnm: %w", err)
			}
			for x := 0; x < h.width; x++ {
				if row[x/8]&(0x80>>(x%8)) == 0 {
					img.Pix[y*img.Stride+x] = 0xff
				}
			}
		}
		return img, nil
	case "P5":
		img := image.NewGray(rect)
		for y := 0; y < h.height; y++ {
			if _, err := io.ReadFull(br, img.Pix[y*img.Stride:y*img.Stride+h.width]); err != nil {
				return nil, fmt.Errorf("pnm: %w", err)
			}
		}
		return img, nil
	default:
		img := image.NewRGBA(rect)
		row := make([]byte, 3*h.width)
		for y := 0; y < h.height; y++ {
			if _, err := io.ReadFull(br, row); err != nil {
				return nil, fmt.Errorf("pnm: %w", err)
			}
			for x := 0; x < h.width; x++ {
				o := y*img.Stride + 4*x
				img.Pix[o], img.Pix[o+1], img.Pix[o+2], img.Pix[o+3] = row[3*x], row[3*x+1], row[3*x+2], 0xff
			}
		}
		return img, nil
	}
}
