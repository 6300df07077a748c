package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestTextFromHTML(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs and headings",
			`<html><head><title>T</title><style>p{}</style></head><body><h1>Pakistan, Belarus agree</h1><p>ISLAMABAD - The two sides
			met <b>today</b>.</p><p>They will meet again in two weeks.</p></body></html>`,
			"Pakistan, Belarus agree\n\nISLAMABAD - The two sides met today.\n\nThey will meet again in two weeks."},
		{"scripts, navigation and forms dropped",
			`<nav><a href="/">Home</a> | <a>World</a></nav><script>var x = "<p>no</p>";</script><article><p>Kept.</p></article><form><button>Share</button></form>`,
			"Kept."},
		{"line breaks and lists",
			`<p>Line one<br>line two</p><ul><li>First</li><li>Second</li></ul>`,
			"Line one\nline two\n\nFirst\n\nSecond"},
		{"entities and inline tags", `<p>Côte d&rsquo;Ivoire &amp; <i>Ghana</i>&nbsp;met</p>`, "Côte d’Ivoire & Ghana met"},
		{"broken markup", `<p>Unclosed <b>bold<p>Next`, "Unclosed bold\n\nNext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := TextFromHTML(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTextFromHTMLRefusesEmptyAndHuge(t *testing.T) {
	for name, in := range map[string]string{
		"no text":  `<html><script>x()</script><nav>menu</nav></html>`,
		"too long": strings.Repeat("<p>word</p>", MaxHTML/11+1),
	} {
		_, err := TextFromHTML(strings.NewReader(in))
		var e *entente.Error
		if !errors.As(err, &e) || e.Code != entente.EINVALID {
			t.Errorf("%s: err = %v, want EINVALID", name, err)
		}
	}
}

func TestTextFromHTMLNoDoubleSpaces(t *testing.T) {
	got, err := TextFromHTML(strings.NewReader(`<p>Pakistan <b> and </b> Belarus</p>`))
	if err != nil || got != "Pakistan and Belarus" {
		t.Errorf("got %q, %v", got, err)
	}
}
