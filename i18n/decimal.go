package i18n

import "strconv"

// Decimal formats a number with a fixed count of decimals and the language's digit grouping
// and decimal mark: 1,234.5 in English, 1 234,5 in Russian.
func (l *Locale) Decimal(x float64, places int) string {
	return l.printer.Sprintf("%."+strconv.Itoa(max(0, places))+"f", x)
}
