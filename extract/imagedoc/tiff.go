package imagedoc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// TIFF tags read or rewritten.
const (
	tSubfileType   = 254
	tWidth         = 256
	tHeight        = 257
	tBitsPerSample = 258
	tCompression   = 259
	tPhotometric   = 262
	tStripOffsets  = 273
	tSamples       = 277
	tRowsPerStrip  = 278
	tStripCounts   = 279
	tXResolution   = 282
	tYResolution   = 283
	tPlanar        = 284
	tResUnit       = 296
	tTileOffsets   = 324
	tTileCounts    = 325
	tSubIFDs       = 330
	tJPEGTables    = 347
	tExifIFD       = 34665
	tGPSIFD        = 34853
)

// maxFrames bounds the directories read from one TIFF.
const maxFrames = 20000

var typeSize = map[uint16]int{1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}

// ifdEntry is one directory entry; raw holds its value bytes.
type ifdEntry struct {
	tag, typ uint16
	count    uint32
	raw      []byte
}

// tiffFrame is one directory of a TIFF file.
type tiffFrame struct {
	entries map[uint16]ifdEntry
	bo      binary.ByteOrder
}

func (f tiffFrame) ints(tag uint16) []uint32 {
	e, ok := f.entries[tag]
	if !ok {
		return nil
	}
	out := make([]uint32, 0, e.count)
	for i := 0; i < int(e.count); i++ {
		switch e.typ {
		case 1, 7:
			out = append(out, uint32(e.raw[i]))
		case 3:
			out = append(out, uint32(f.bo.Uint16(e.raw[2*i:])))
		case 4, 13:
			out = append(out, f.bo.Uint32(e.raw[4*i:]))
		default:
			return nil
		}
	}
	return out
}

func (f tiffFrame) int(tag uint16, dflt uint32) uint32 {
	if v := f.ints(tag); len(v) > 0 {
		return v[0]
	}
	return dflt
}

func (f tiffFrame) rational(tag uint16) float64 {
	e, ok := f.entries[tag]
	if !ok || e.typ != 5 || len(e.raw) < 8 {
		return 0
	}
	n, d := f.bo.Uint32(e.raw), f.bo.Uint32(e.raw[4:])
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// frameErr is a damaged directory: page n of the file.
type frameErr struct {
	n   int
	msg string
}

func (e *frameErr) Error() string { return e.msg }

// parseTIFF reads every directory of a TIFF file.
func parseTIFF(data []byte) ([]tiffFrame, error) {
	if len(data) < 8 {
		return nil, errors.New("too short for a TIFF header")
	}
	var bo binary.ByteOrder
	switch string(data[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return nil, errors.New("not a TIFF")
	}
	if bo.Uint16(data[2:]) != 42 {
		return nil, errors.New("BigTIFF files are not read")
	}
	var frames []tiffFrame
	seen := map[uint32]bool{}
	off := bo.Uint32(data[4:])
	for off != 0 {
		if seen[off] || len(frames) >= maxFrames {
			return nil, errors.New("directory chain loops or is too long")
		}
		seen[off] = true
		if int64(off)+2 > int64(len(data)) {
			return nil, &frameErr{n: len(frames) + 1, msg: "lies past the end of the file (cut off?)"}
		}
		n := int(bo.Uint16(data[off:]))
		end := int64(off) + 2 + 12*int64(n) + 4
		if end > int64(len(data)) {
			return nil, &frameErr{n: len(frames) + 1, msg: "is cut off"}
		}
		f := tiffFrame{entries: make(map[uint16]ifdEntry, n), bo: bo}
		for i := 0; i < n; i++ {
			e := data[int(off)+2+12*i:]
			tag, typ, count := bo.Uint16(e), bo.Uint16(e[2:]), bo.Uint32(e[4:])
			size, known := typeSize[typ]
			if !known || uint64(count)*uint64(size) > 1<<28 {
				continue // unknown types are skipped, as readers do
			}
			total := int(count) * size
			var raw []byte
			if total <= 4 {
				raw = e[8 : 8+total]
			} else {
				vo := int64(bo.Uint32(e[8:]))
				if vo+int64(total) > int64(len(data)) {
					return nil, &frameErr{n: len(frames) + 1, msg: fmt.Sprintf("tag %d lies past the end of the file", tag)}
				}
				raw = data[vo : vo+int64(total)]
			}
			f.entries[tag] = ifdEntry{tag: tag, typ: typ, count: count, raw: raw}
		}
		frames = append(frames, f)
		off = bo.Uint32(data[end-4:])
	}
	return frames, nil
}

// blocks returns a frame's strip (or tile) offsets and byte counts, checked
// against the file's length.
func (f tiffFrame) blocks(size int) (offs, counts []uint32, tiled bool, err error) {
	offs, counts = f.ints(tStripOffsets), f.ints(tStripCounts)
	if offs == nil {
		offs, counts, tiled = f.ints(tTileOffsets), f.ints(tTileCounts), true
	}
	if len(offs) == 0 || len(offs) != len(counts) {
		return nil, nil, false, errors.New("has no image data (strip offsets)")
	}
	for i := range offs {
		if int64(offs[i])+int64(counts[i]) > int64(size) {
			return nil, nil, false, errors.New("image data lies past the end of the file")
		}
	}
	return offs, counts, tiled, nil
}

// singleFrame writes frame f of the file in data as a TIFF of its own,
// image data as stored, so that a reader of single-page TIFFs (Leptonica
// reads the first directory) sees that frame.
func singleFrame(data []byte, f tiffFrame) ([]byte, error) {
	offs, counts, tiled, err := f.blocks(len(data))
	if err != nil {
		return nil, err
	}
	offTag, countTag := uint16(tStripOffsets), uint16(tStripCounts)
	if tiled {
		offTag, countTag = tTileOffsets, tTileCounts
	}
	var tags []uint16
	for t := range f.entries {
		switch t {
		case tSubIFDs, tExifIFD, tGPSIFD:
			continue // they point at directories not copied
		}
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i] < tags[j] })
	bo := f.bo
	var out bytes.Buffer
	hdr := []byte{'I', 'I', 42, 0, 8, 0, 0, 0}
	if bo == binary.BigEndian {
		hdr = []byte{'M', 'M', 0, 42, 0, 0, 0, 8}
	}
	out.Write(hdr)
	ifdLen := 2 + 12*len(tags) + 4
	// Layout: header, directory, out-of-line values, image data.
	extra := 8 + ifdLen
	type placed struct {
		e   ifdEntry
		off int
	}
	vals := make([]placed, len(tags))
	for i, t := range tags {
		e := f.entries[t]
		if t == offTag || t == countTag {
			e.typ, e.raw = 4, make([]byte, 4*len(offs)) // rewritten below as LONGs
		}
		vals[i] = placed{e: e}
		if len(e.raw) > 4 {
			vals[i].off = extra
			extra += len(e.raw) + len(e.raw)%2
		}
	}
	pos := extra
	for i, t := range tags {
		switch t {
		case offTag:
			for k := range offs {
				bo.PutUint32(vals[i].e.raw[4*k:], uint32(pos))
				pos += int(counts[k]) + int(counts[k])%2
			}
		case countTag:
			for k := range counts {
				bo.PutUint32(vals[i].e.raw[4*k:], counts[k])
			}
		}
	}
	var b2 [2]byte
	var b4 [4]byte
	bo.PutUint16(b2[:], uint16(len(tags)))
	out.Write(b2[:])
	for _, v := range vals {
		bo.PutUint16(b2[:], v.e.tag)
		out.Write(b2[:])
		bo.PutUint16(b2[:], v.e.typ)
		out.Write(b2[:])
		bo.PutUint32(b4[:], uint32(len(v.e.raw)/typeSize[v.e.typ]))
		out.Write(b4[:])
		if len(v.e.raw) > 4 {
			bo.PutUint32(b4[:], uint32(v.off))
			out.Write(b4[:])
		} else {
			var inl [4]byte
			copy(inl[:], v.e.raw)
			out.Write(inl[:])
		}
	}
	out.Write([]byte{0, 0, 0, 0})
	for _, v := range vals {
		if len(v.e.raw) > 4 {
			out.Write(v.e.raw)
			if len(v.e.raw)%2 == 1 {
				out.WriteByte(0)
			}
		}
	}
	for k := range offs {
		out.Write(data[offs[k] : offs[k]+counts[k]])
		if counts[k]%2 == 1 {
			out.WriteByte(0)
		}
	}
	return out.Bytes(), nil
}
