package i18n_test

import "testing"

func TestDecimal(t *testing.T) {
	c := catalog(t)
	tests := []struct {
		lang   string
		x      float64
		places int
		want   string
	}{
		{"en", 1234567.891, 1, "1,234,567.9"},
		{"ru", 1234567.891, 1, "1\u00a0234\u00a0567,9"},
		{"en", 120.34, 1, "120.3"},
		{"ru", 0.5, 2, "0,50"},
		{"en", 7, 0, "7"},
		{"en", -2.25, 1, "-2.2"},
	}
	for _, tt := range tests {
		l := c.Locale(c.Match(tt.lang, ""))
		if got := l.Decimal(tt.x, tt.places); got != tt.want {
			t.Errorf("%s: Decimal(%v, %d) = %q, want %q", tt.lang, tt.x, tt.places, got, tt.want)
		}
	}
}
