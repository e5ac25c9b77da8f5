package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"

	"golang.org/x/image/ccitt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// ccittParms are a CCITTFaxDecode filter's parameters.
type ccittParms struct {
	k, columns, rows int
	byteAlign        bool
	blackIs1         bool
}

func ccittParmsOf(d types.Dict, w, h int) ccittParms {
	p := ccittParms{columns: 1728, rows: h}
	if d == nil {
		return p
	}
	if v := d.IntEntry("K"); v != nil {
		p.k = *v
	}
	if v := d.IntEntry("Columns"); v != nil {
		p.columns = *v
	}
	if v := d.IntEntry("Rows"); v != nil && *v > 0 {
		p.rows = *v
	}
	if v := d.BooleanEntry("EncodedByteAlign"); v != nil {
		p.byteAlign = *v
	}
	if v := d.BooleanEntry("BlackIs1"); v != nil {
		p.blackIs1 = *v
	}
	return p
}

// ccittTIFF wraps Group 4 data, as stored, in a one-strip TIFF that
// Leptonica decodes itself: nothing is decompressed here.
func ccittTIFF(data []byte, p ccittParms, w, h, dpi int) []byte {
	type entry struct {
		tag, typ uint16
		val      uint32
	}
	const headerLen = 8
	entries := []entry{
		{256, 4, uint32(w)},
		{257, 4, uint32(h)},
		{258, 3, 1},
		{259, 3, 4},         // CCITT Group 4
		{262, 3, 0},         // WhiteIsZero, as fax images are
		{273, 4, 0},         // strip offset, set below
		{277, 3, 1},         // one sample per pixel
		{278, 4, uint32(h)}, // one strip
		{279, 4, uint32(len(data))},
		{282, 5, 0}, // resolution, set below
		{283, 5, 0},
		{293, 4, 0}, // T6Options
		{296, 3, 2}, // inches
	}
	ifdLen := 2 + 12*len(entries) + 4
	resAt := uint32(headerLen + ifdLen)
	dataAt := resAt + 16
	var b bytes.Buffer
	b.Grow(int(dataAt) + len(data))
	b.Write([]byte{'I', 'I', 42, 0, headerLen, 0, 0, 0})
	var u16 [2]byte
	var u32 [4]byte
	binary.LittleEndian.PutUint16(u16[:], uint16(len(entries)))
	b.Write(u16[:])
	for _, e := range entries {
		switch e.tag {
		case 273:
			e.val = dataAt
		case 282:
			e.val = resAt
		case 283:
			e.val = resAt + 8
		}
		binary.LittleEndian.PutUint16(u16[:], e.tag)
		b.Write(u16[:])
		binary.LittleEndian.PutUint16(u16[:], e.typ)
		b.Write(u16[:])
		binary.LittleEndian.PutUint32(u32[:], 1)
		b.Write(u32[:])
		if e.typ == 3 {
			binary.LittleEndian.PutUint32(u32[:], e.val&0xffff)
		} else {
			binary.LittleEndian.PutUint32(u32[:], e.val)
		}
		b.Write(u32[:])
	}
	b.Write([]byte{0, 0, 0, 0}) // no next directory
	for range 2 {
		binary.LittleEndian.PutUint32(u32[:], uint32(dpi))
		b.Write(u32[:])
		binary.LittleEndian.PutUint32(u32[:], 1)
		b.Write(u32[:])
	}
	b.Write(data)
	return b.Bytes()
}

// ccittRaster decodes CCITT data to a bilevel raster (1 = black as shown):
// invert is true when /BlackIs1 and the /Decode array together show coded
// white as black.
func ccittRaster(data []byte, p ccittParms, w, h int, invert bool) (*raster, error) {
	if p.columns != w {
		return nil, errors.New("CCITT /Columns differs from the image width")
	}
	sf := ccitt.Group4
	if p.k >= 0 {
		if p.k > 0 {
			return nil, errors.New("two-dimensional Group 3 is not decoded")
		}
		sf = ccitt.Group3
	}
	// Without inversion the reader writes coded white as 1 bits; a PBM
	// wants 1 for black.
	rd := ccitt.NewReader(bytes.NewReader(data), ccitt.MSB, sf, w, h, &ccitt.Options{Align: p.byteAlign, Invert: !invert})
	r := newRaster(w, h, 1, true)
	if _, err := io.ReadFull(rd, r.pix); err != nil {
		return nil, err
	}
	return r, nil
}
