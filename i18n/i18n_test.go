package i18n_test

import (
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

func catalog(t *testing.T) *i18n.Catalog {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestEveryLanguageHasEveryMessage fails when a catalogue lacks a key another has.
func TestEveryLanguageHasEveryMessage(t *testing.T) {
	c := catalog(t)
	all := map[string]bool{}
	for _, l := range i18n.Languages {
		for _, id := range c.IDs(l.Code) {
			all[id] = true
		}
	}
	if len(all) < 50 {
		t.Fatalf("only %d messages", len(all))
	}
	for _, l := range i18n.Languages {
		have := map[string]bool{}
		for _, id := range c.IDs(l.Code) {
			have[id] = true
		}
		for id := range all {
			if !have[id] {
				t.Errorf("%s lacks message %q", l.Code, id)
			}
		}
	}
}

func TestMatch(t *testing.T) {
	c := catalog(t)
	tests := []struct{ cookie, accept, want string }{
		{"", "", "en"},
		{"", "ru-RU,ru;q=0.9,en;q=0.8", "ru"},
		{"", "ur-PK", "ur"},
		{"", "be-BY,be;q=0.9", "ru"}, // Belarusian readers are served Russian
		{"ur", "ru", "ur"},
		{"xx", "ru", "ru"},
		{"", "garbage;;q=", "en"},
	}
	for _, tt := range tests {
		if got := c.Match(tt.cookie, tt.accept); got.Code != tt.want {
			t.Errorf("Match(%q, %q) = %s, want %s", tt.cookie, tt.accept, got.Code, tt.want)
		}
	}
	if c.Match("ur", "").Dir != "rtl" {
		t.Error("Urdu is not right to left")
	}
}

func TestWhenPerLanguage(t *testing.T) {
	c := catalog(t)
	tests := []struct {
		value, mod string
		approx     bool
		en, ru, ur string
	}{
		{"2025-02", "", false, "February 2025", "февраль 2025 г.", "فروری 2025"},
		{"2024-12-10", "", true, "about 10 December 2024", "около: 10 декабря 2024 г.", "تقریباً 10 دسمبر 2024"},
		{"2024-11-26TAF", "", false, "26 November 2024, afternoon", "26 ноября 2024 г., вторая половина дня", "26 نومبر 2024، سہ پہر"},
		{"2025", "END", false, "end of 2025", "конец: 2025 г.", "2025 کے آخر میں"},
		{"2030", "BEFORE", false, "before 2030", "до: 2030 г.", "2030 سے پہلے"},
		{"2025-Q1", "", false, "quarter 1 of 2025", "1-й квартал 2025 г.", "2025 کی سہ ماہی 1"},
		{"PAST_REF", "", false, "recently", "недавно", "حال ہی میں"},
	}
	for _, tt := range tests {
		w := entente.MustWhen(tt.value, tt.mod, tt.approx)
		for _, lang := range []struct{ code, want string }{{"en", tt.en}, {"ru", tt.ru}, {"ur", tt.ur}} {
			l := c.Locale(c.Match(lang.code, ""))
			if got := l.When(w); got != lang.want {
				t.Errorf("%s When(%s) = %q, want %q", lang.code, w, got, lang.want)
			}
		}
	}
}

func TestNumbersAndClock(t *testing.T) {
	c := catalog(t)
	en, ru := c.Locale(c.Match("en", "")), c.Locale(c.Match("ru", ""))
	if en.Number(10000) != "10,000" || !strings.Contains(ru.Number(10000), "000") || ru.Number(10000) == "10,000" {
		t.Errorf("numbers: %q %q", en.Number(10000), ru.Number(10000))
	}
	karachi, _ := time.LoadLocation("Asia/Karachi")
	at := time.Date(2024, 11, 26, 6, 0, 0, 0, time.UTC)
	if got := en.Clock(at, karachi); got != "11:00 Karachi" {
		t.Errorf("Clock = %q", got)
	}
}
