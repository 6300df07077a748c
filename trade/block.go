package trade

import (
	"bytes"
	"context"
	"fmt"
	"io"
)

// blockSize is how much is read at a time: large enough that channel hand-offs cost nothing
// next to parsing, small enough that two blocks in flight stay a few megabytes.
const blockSize = 4 << 20

// maxLine is the longest line accepted; a longer one means the file is not a table.
const maxLine = 64 << 20

// block is a run of whole lines; the last block of a stream also carries how it ended.
type block struct {
	lines []byte
	buf   []byte // the buffer lines lives in, to hand back for reuse
	// tail is an unfinished last line: the final line of a file without a trailing newline, or
	// the part of a line that was being read when the stream broke (err != nil).
	tail []byte
	err  error
	last bool
}

// readBlocks reads r on a goroutine of its own, so that reading and decompressing overlap with
// parsing, and hands fn whole lines in order. It returns the stream's error (a truncated gzip
// stream, a failing disk) after fn has seen every whole line before it, together with the
// unfinished line at the break, which fn receives as tail and must not trust.
func readBlocks(ctx context.Context, r io.Reader, fn func(b *block) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan *block, 1)
	free := make(chan []byte, 3)
	for range 3 {
		free <- make([]byte, blockSize)
	}
	go produceBlocks(ctx, r, out, free)
	for b := range out {
		err := fn(b)
		if b.buf != nil {
			free <- b.buf
		}
		if err != nil {
			return err
		}
		if b.last {
			return b.err
		}
	}
	return ctx.Err()
}

func produceBlocks(ctx context.Context, r io.Reader, out chan<- *block, free chan []byte) {
	defer close(out)
	send := func(b *block) bool {
		select {
		case out <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var carry []byte
	for {
		var buf []byte
		select {
		case buf = <-free:
		case <-ctx.Done():
			return
		}
		for len(carry) >= len(buf)/2 { // a long line: grow until it fits with room to spare
			if len(buf) >= maxLine {
				send(&block{last: true, err: fmt.Errorf("a line is longer than %d MB", maxLine>>20)})
				return
			}
			buf = make([]byte, 2*len(buf))
		}
		n := copy(buf, carry)
		m, err := fill(r, buf[n:])
		n += m
		end := bytes.LastIndexByte(buf[:n], '\n') + 1
		if err == nil {
			carry = append(carry[:0], buf[end:n]...)
			if !send(&block{lines: buf[:end], buf: buf}) {
				return
			}
			continue
		}
		if err == io.EOF {
			err = nil
		}
		send(&block{lines: buf[:end], buf: buf, tail: buf[end:n], err: err, last: true})
		return
	}
}

// fill reads until buf is full or the stream ends: io.EOF means it ended cleanly, any other
// error that it broke (gzip says io.ErrUnexpectedEOF when its data stops early).
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
