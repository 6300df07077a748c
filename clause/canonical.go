package clause

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"

	"github.com/entente/entente"
)

// canonicalHeader is the first line of the canonical form; its number changes with the format.
const canonicalHeader = "entente-agreement-text 1\n"

// Canonical returns the canonical serialisation of a version's texts, the bytes that Digest
// hashes and signatures cover. The format is defined in the package comment. Canonical never
// fails: any texts, even empty or odd ones, have exactly one canonical form.
func Canonical(texts []entente.AgreementText) []byte {
	encoded := make([]canonicalText, len(texts))
	size := len(canonicalHeader) + 32
	for i, t := range texts {
		n := Normalize(t)
		encoded[i] = canonicalText{language: n.Language, bytes: appendText(nil, n)}
		size += len(encoded[i].bytes)
	}
	slices.SortFunc(encoded, func(a, b canonicalText) int {
		if a.language != b.language {
			if a.language < b.language {
				return -1
			}
			return 1
		}
		return bytes.Compare(a.bytes, b.bytes)
	})
	out := make([]byte, 0, size)
	out = append(out, canonicalHeader...)
	out = appendCount(out, "texts", len(texts))
	for _, e := range encoded {
		out = append(out, e.bytes...)
	}
	return out
}

// Digest returns the SHA-256 of the canonical serialisation of texts.
func Digest(texts []entente.AgreementText) [32]byte {
	return sha256.Sum256(Canonical(texts))
}

// DigestHex returns Digest in lower-case hexadecimal, the form AgreementVersion.Digest stores.
func DigestHex(texts []entente.AgreementText) string {
	d := Digest(texts)
	return hex.EncodeToString(d[:])
}

// canonicalText is one normalised text in canonical form with its sort key.
type canonicalText struct {
	language string
	bytes    []byte
}

// appendText appends the canonical form of one normalised text.
func appendText(out []byte, t entente.AgreementText) []byte {
	out = appendField(out, "language", t.Language)
	out = appendField(out, "title", t.Title)
	out = appendField(out, "preamble", t.Preamble)
	out = appendCount(out, "articles", len(t.Articles))
	for _, a := range t.Articles {
		out = appendField(out, "number", a.Number)
		out = appendField(out, "heading", a.Heading)
		out = appendField(out, "body", a.Body)
	}
	return out
}

// appendField appends "name len:value\n".
func appendField(out []byte, name, value string) []byte {
	out = append(out, name...)
	out = append(out, ' ')
	out = strconv.AppendInt(out, int64(len(value)), 10)
	out = append(out, ':')
	out = append(out, value...)
	return append(out, '\n')
}

// appendCount appends "name count\n".
func appendCount(out []byte, name string, n int) []byte {
	out = append(out, name...)
	out = append(out, ' ')
	out = strconv.AppendInt(out, int64(n), 10)
	return append(out, '\n')
}

// ParseCanonical reads texts back from their canonical serialisation, such as the snapshot
// stored with a signature. It is strict: anything but exactly the format of the package comment
// is an EINVALID error naming the byte offset. It does not check that the values are
// normalised; Canonical(ParseCanonical(b)) equals b only when b came from Canonical.
func ParseCanonical(b []byte) ([]entente.AgreementText, error) {
	r := canonicalReader{data: b}
	if !bytes.HasPrefix(b, []byte(canonicalHeader)) {
		return nil, r.fail("the snapshot does not start with %q", canonicalHeader[:len(canonicalHeader)-1])
	}
	r.pos = len(canonicalHeader)
	n := r.count("texts")
	texts := make([]entente.AgreementText, 0, min(n, 16))
	for i := 0; i < n && r.err == nil; i++ {
		texts = append(texts, r.text())
	}
	if r.err == nil && r.pos != len(b) {
		r.failf("unexpected bytes after the last text")
	}
	if r.err != nil {
		return nil, r.err
	}
	return texts, nil
}

// canonicalReader reads the canonical form; the first error stops it and is kept.
type canonicalReader struct {
	data []byte
	pos  int
	err  error
}

// text reads one text.
func (r *canonicalReader) text() entente.AgreementText {
	t := entente.AgreementText{
		Language: r.field("language"),
		Title:    r.field("title"),
		Preamble: r.field("preamble"),
	}
	n := r.count("articles")
	t.Articles = make([]entente.Article, 0, min(n, 256))
	for i := 0; i < n && r.err == nil; i++ {
		t.Articles = append(t.Articles, entente.Article{
			Number:  r.field("number"),
			Heading: r.field("heading"),
			Body:    r.field("body"),
		})
	}
	return t
}

// count reads "name count\n". A count can never exceed the bytes left, which bounds what a
// damaged snapshot can make the reader allocate.
func (r *canonicalReader) count(name string) int {
	n := r.number(name, '\n')
	if r.err == nil && n > len(r.data)-r.pos {
		r.failf("%s count %d is larger than the rest of the snapshot", name, n)
	}
	return n
}

// field reads "name len:value\n".
func (r *canonicalReader) field(name string) string {
	n := r.number(name, ':')
	if r.err != nil {
		return ""
	}
	if n >= len(r.data)-r.pos {
		r.failf("%s length %d runs past the end of the snapshot", name, n)
		return ""
	}
	v := string(r.data[r.pos : r.pos+n])
	r.pos += n
	if r.data[r.pos] != '\n' {
		r.failf("expected a line break after the %s value", name)
		return ""
	}
	r.pos++
	return v
}

// number reads "name " and a decimal number ended by the terminator.
func (r *canonicalReader) number(name string, terminator byte) int {
	if r.err != nil {
		return 0
	}
	prefix := name + " "
	if !bytes.HasPrefix(r.data[r.pos:], []byte(prefix)) {
		r.failf("expected %q", name)
		return 0
	}
	r.pos += len(prefix)
	end := bytes.IndexByte(r.data[r.pos:], terminator)
	digits := ""
	if end >= 0 {
		digits = string(r.data[r.pos : r.pos+end])
	}
	n, err := strconv.Atoi(digits)
	if end < 0 || err != nil || n < 0 || digits != strconv.Itoa(n) {
		r.failf("expected a decimal number after %q", name)
		return 0
	}
	r.pos += end + 1
	return n
}

func (r *canonicalReader) failf(format string, args ...any) {
	if r.err == nil {
		r.err = r.fail(format, args...)
	}
}

func (r *canonicalReader) fail(format string, args ...any) error {
	return entente.Errorf(entente.EINVALID, "canonical text, byte %d: %s", r.pos, fmt.Sprintf(format, args...))
}
