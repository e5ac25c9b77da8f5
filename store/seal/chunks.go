package seal

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
)

// ChunkSize is how much plain data one sealed chunk holds.
const ChunkSize = 1 << 20

// ErrTooLarge reports an object longer than the limit it was written with.
var ErrTooLarge = errors.New("too large")

// NewObjectID returns a random id for a sealed object.
func NewObjectID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("seal: crypto/rand failed: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}

// ChunkAD is the additional data that binds chunk seq to object.
func ChunkAD(object string, seq int) []byte {
	ad := make([]byte, 0, 32+len(object))
	ad = append(ad, "medchron-chunk-v1\x00"...)
	ad = append(ad, object...)
	ad = append(ad, 0)
	return binary.BigEndian.AppendUint64(ad, uint64(seq))
}

// Written describes an object WriteChunks stored.
type Written struct {
	SHA256 string // hex SHA-256 of the plain data
	Size   int64
	Chunks int
}

// WriteChunks reads r to its end (failing with ErrTooLarge past limit
// bytes, when limit > 0), seals it in chunks of ChunkSize under ring's
// current key, and hands each to put in order. At most one chunk is held
// in memory.
func WriteChunks(r io.Reader, limit int64, ring *Ring, object string, put func(seq int, keyID string, sealed []byte) error) (Written, error) {
	var w Written
	sum := sha256.New()
	buf := make([]byte, ChunkSize)
	for {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			w.Size += int64(n)
			if limit > 0 && w.Size > limit {
				return w, fmt.Errorf("more than %d bytes: %w", limit, ErrTooLarge)
			}
			sum.Write(buf[:n])
			id, sealed, serr := ring.Seal(buf[:n], ChunkAD(object, w.Chunks))
			if serr != nil {
				return w, serr
			}
			if perr := put(w.Chunks, id, sealed); perr != nil {
				return w, perr
			}
			w.Chunks++
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return w, err
		}
	}
	w.SHA256 = hex.EncodeToString(sum.Sum(nil))
	return w, nil
}

// Chunk is one sealed chunk as stored.
type Chunk struct {
	KeyID string
	Data  []byte
}

// Reader returns the plain data of a sealed object of chunks chunks, read
// one at a time through get. At the end it checks the data's size and
// SHA-256 against want: a missing, extra, moved or changed chunk is an
// error, never silently different data.
func Reader(ring *Ring, object string, want Written, get func(seq int) (Chunk, error)) io.Reader {
	return &chunkReader{ring: ring, object: object, want: want, get: get, sum: sha256.New()}
}

type chunkReader struct {
	ring   *Ring
	object string
	want   Written
	get    func(seq int) (Chunk, error)
	seq    int
	buf    []byte
	sum    hash.Hash
	size   int64
	err    error
}

func (c *chunkReader) Read(p []byte) (int, error) {
	for len(c.buf) == 0 {
		if c.err != nil {
			return 0, c.err
		}
		if c.seq == c.want.Chunks {
			c.err = c.finish()
			continue
		}
		ch, err := c.get(c.seq)
		if err != nil {
			c.err = fmt.Errorf("chunk %d of %d: %w", c.seq+1, c.want.Chunks, err)
			continue
		}
		plain, err := c.ring.Open(ch.KeyID, ch.Data, ChunkAD(c.object, c.seq))
		if err != nil {
			c.err = fmt.Errorf("chunk %d of %d: %w", c.seq+1, c.want.Chunks, err)
			continue
		}
		c.seq++
		c.size += int64(len(plain))
		c.sum.Write(plain)
		c.buf = plain
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}

// finish checks the whole object once every chunk was read.
func (c *chunkReader) finish() error {
	if c.size != c.want.Size || hex.EncodeToString(c.sum.Sum(nil)) != c.want.SHA256 {
		return fmt.Errorf("seal: object %s: %d bytes read do not match the %d bytes and hash stored: %w", c.object, c.size, c.want.Size, ErrOpen)
	}
	return io.EOF
}
