package ingest

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/country"
)

// FuzzRead checks that Read never panics and that whatever it returns is well formed: an
// EINVALID error, or a draft whose codes, values and evidence spans are valid.
func FuzzRead(f *testing.F) {
	f.Add("Pakistan and Belarus agreed today to meet again in two weeks in Minsk.", 2024, 11, 26)
	f.Add("ISLAMABAD (10th Feb, 2025) - The JMC met on Monday.", 2025, 2, 10)
	f.Add("Earlier, the two delegations held talks. Later this year.", 2024, 1, 1)
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		ref := entente.NewDate(1900+abs(y)%300, time.Month(1+abs(m)%12), 1+abs(d)%28)
		draft, err := Read(text, ref)
		if err != nil {
			var e *entente.Error
			if !errors.As(err, &e) || e.Code != entente.EINVALID || e.Message == "" {
				t.Fatalf("error %v is not an EINVALID error with a message", err)
			}
			return
		}
		checkDraft(t, text, draft)
	})
}

func checkDraft(t *testing.T, text string, d *Draft) {
	t.Helper()
	span := func(what string, s Span) {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End || !utf8.ValidString(text[s.Start:s.End]) && utf8.ValidString(text) {
			t.Fatalf("%s: evidence %v outside the text of %d bytes", what, s, len(text))
		}
	}
	for _, p := range d.Parties {
		if _, ok := country.ByAlpha3(p); !ok {
			t.Fatalf("party %q is not an ISO code", p)
		}
	}
	for _, s := range d.Sectors {
		if !entente.ValidSector(s) {
			t.Fatalf("sector %q is not in the list", s)
		}
	}
	for _, e := range d.Events {
		span("event "+e.ID, e.Evidence)
		if e.Value != "" {
			if _, err := entente.ParseWhen(string(e.Value), e.EndValue, "", false); err != nil {
				t.Fatalf("event %s: value %q: %v", e.ID, e.Value, err)
			}
		}
		if !slices.Contains([]string{StatusHeld, StatusPlanned, StatusOngoing, StatusPostponed}, e.Status) {
			t.Fatalf("event %s: status %q", e.ID, e.Status)
		}
	}
	for _, c := range d.Commitments {
		span("commitment", c.Evidence)
		if c.Responsible != "both" && c.Responsible != "all" && !slices.Contains(d.Parties, c.Responsible) {
			t.Fatalf("commitment %q: responsible %q is not a party", c.Statement, c.Responsible)
		}
		if strings.TrimSpace(c.Statement) == "" {
			t.Fatal("commitment without a statement")
		}
	}
	for _, p := range d.People {
		span("person "+p.Name, p.Evidence)
	}
	for _, i := range d.Interests {
		span("interest", i.Evidence)
	}
}

// FuzzTextFromHTML checks that any input gives text or an EINVALID error, never a panic.
func FuzzTextFromHTML(f *testing.F) {
	f.Add("<p>Pakistan and <b>Belarus</b> met.</p>")
	f.Add("<script><p>x</p></script><nav>y</nav>")
	f.Fuzz(func(t *testing.T, in string) {
		text, err := TextFromHTML(strings.NewReader(in))
		if err != nil {
			var e *entente.Error
			if !errors.As(err, &e) || e.Code != entente.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if strings.TrimSpace(text) == "" {
			t.Fatal("no error and no text")
		}
	})
}
