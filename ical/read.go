package ical

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente"
)

// maxDepth bounds how deeply components nest: VCALENDAR › VEVENT › VALARM is three, and no
// calendar needs more than a few.
const maxDepth = 8

// property is one content line: NAME;PARAM=VALUE,VALUE:value (RFC 5545 §3.1).
type property struct {
	name   string
	params map[string][]string
	value  string
	line   int
}

// param returns the first value of a parameter, or "".
func (p *property) param(name string) string {
	if vs := p.params[name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// component is a BEGIN…END block with its properties and the components inside it.
type component struct {
	name     string
	line     int
	props    []*property
	children []*component
}

// prop returns the component's first property of a name, or nil.
func (c *component) prop(name string) *property {
	for _, p := range c.props {
		if p.name == name {
			return p
		}
	}
	return nil
}

// fileError is the error of a calendar file that cannot be read at all.
func fileError(format string, args ...any) error {
	problem := fmt.Sprintf(format, args...)
	return &entente.Error{Code: entente.EINVALID, Message: "The calendar file is not a well-formed iCalendar file: " + problem + ".",
		Fields: map[string]string{"file": problem}}
}

// readAll reads at most the size limit of a file.
func readAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, entente.MaxCalendarFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > entente.MaxCalendarFileSize {
		return nil, &entente.Error{Code: entente.EINVALID, Message: "The calendar file is larger than 2 MiB; import it in parts.",
			Fields: map[string]string{"file": "is larger than 2 MiB"}}
	}
	return data, nil
}

// parse reads a file into its top-level components.
func parse(data []byte) ([]*component, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, fileError("line %d is not UTF-8 text", line)
	}
	lines, err := unfold(string(data))
	if err != nil {
		return nil, err
	}
	var top []*component
	var stack []*component
	for _, l := range lines {
		p, err := contentLine(l.text, l.number)
		if err != nil {
			return nil, err
		}
		switch {
		case p.name == "BEGIN":
			if len(stack) == maxDepth {
				return nil, fileError("line %d: components nest more than %d deep", p.line, maxDepth)
			}
			stack = append(stack, &component{name: strings.ToUpper(p.value), line: p.line})
		case p.name == "END":
			if len(stack) == 0 || stack[len(stack)-1].name != strings.ToUpper(p.value) {
				return nil, fileError("line %d: END:%s closes a component that is not open", p.line, p.value)
			}
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				top = append(top, c)
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, c)
			}
		case len(stack) == 0:
			return nil, fileError("line %d: %s stands outside BEGIN:VCALENDAR … END:VCALENDAR", p.line, p.name)
		default:
			c := stack[len(stack)-1]
			c.props = append(c.props, p)
		}
	}
	if len(stack) > 0 {
		c := stack[len(stack)-1]
		return nil, fileError("the %s that begins on line %d never ends", c.name, c.line)
	}
	return top, nil
}

// firstInvalid is the offset of the first byte that is not UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// logicalLine is a content line after unfolding, with the number of its first line.
type logicalLine struct {
	text   string
	number int
}

// unfold joins folded lines (a line that begins with a space or a tab continues the one
// before) and drops blank ones.
func unfold(s string) ([]logicalLine, error) {
	var out []logicalLine
	for i, raw := range strings.Split(s, "\n") {
		raw = strings.TrimSuffix(raw, "\r")
		if raw == "" {
			continue
		}
		if raw[0] == ' ' || raw[0] == '\t' {
			if len(out) == 0 {
				return nil, fileError("line %d continues a line, but no line comes before it", i+1)
			}
			out[len(out)-1].text += raw[1:]
			continue
		}
		out = append(out, logicalLine{raw, i + 1})
	}
	return out, nil
}

// contentLine parses NAME *(";" param) ":" value.
func contentLine(s string, line int) (*property, error) {
	n := nameLength(s)
	if n == 0 {
		return nil, fileError("line %d does not start with a property name", line)
	}
	p := &property{name: strings.ToUpper(s[:n]), params: map[string][]string{}, line: line}
	rest := s[n:]
	for strings.HasPrefix(rest, ";") {
		var err error
		if rest, err = p.parseParam(rest[1:]); err != nil {
			return nil, fileError("line %d, %s: %v", line, p.name, err)
		}
	}
	if !strings.HasPrefix(rest, ":") {
		return nil, fileError("line %d, %s: a colon must separate the name and parameters from the value", line, p.name)
	}
	p.value = rest[1:]
	return p, nil
}

// parseParam reads one NAME=VALUE[,VALUE…] and returns what follows it.
func (p *property) parseParam(s string) (string, error) {
	n := nameLength(s)
	if n == 0 || n >= len(s) || s[n] != '=' {
		return "", fmt.Errorf("a parameter must be NAME=VALUE")
	}
	name := strings.ToUpper(s[:n])
	s = s[n+1:]
	for {
		var v string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return "", fmt.Errorf("the quoted value of %s has no closing quote", name)
			}
			v, s = s[1:1+end], s[2+end:]
		} else {
			end := strings.IndexAny(s, ";:,\"")
			if end < 0 {
				return "", fmt.Errorf("the parameter %s is not followed by a value", name)
			}
			if s[end] == '"' {
				return "", fmt.Errorf("the value of %s has a quote inside it", name)
			}
			v, s = s[:end], s[end:]
		}
		p.params[name] = append(p.params[name], v)
		if !strings.HasPrefix(s, ",") {
			return s, nil
		}
		s = s[1:]
	}
}

// nameLength is the length of the iana-token or x-name at the start of s.
func nameLength(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return i
		}
	}
	return len(s)
}

// text unescapes a TEXT value (RFC 5545 §3.3.11) and makes every line break a "\n".
func text(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c != '\\' || i+1 == len(v) {
			b.WriteByte(c)
			continue
		}
		i++
		switch v[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ';', ',', ':', '"':
			b.WriteByte(v[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(v[i])
		}
	}
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(b.String(), "\r\n", "\n"), "\r", "\n"))
}
