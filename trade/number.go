package trade

import (
	"bytes"
	"math"
	"strconv"
)

// numStatus says what a numeric field held.
type numStatus uint8

const (
	numOK       numStatus = iota
	numMissing            // blank or NA
	numNegative           // a number below zero
	numBad                // not a number, or too large
)

// trimSpace removes ASCII spaces and a carriage return around a field without allocating.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '"') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\r' || b[len(b)-1] == '"') {
		b = b[:len(b)-1]
	}
	return b
}

// parseCode reads an unsigned integer of at most 9 digits (years, country and product codes).
func parseCode(b []byte) (int, bool) {
	b = trimSpace(b)
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// maxIntegerDigits bounds the integer part of a value so that value × 1000 fits an int64.
const maxIntegerDigits = 15

// parseMilli reads a non-negative decimal and returns it multiplied by 1000, rounded half up:
// BACI's thousands of dollars become dollars, its tonnes kilograms, with no floating point on
// the common path (BACI writes at most three decimals). Exponent forms go through strconv.
func parseMilli(b []byte) (int64, numStatus) {
	b = trimSpace(b)
	if len(b) == 0 || string(b) == "NA" || string(b) == "na" {
		return 0, numMissing
	}
	negative := b[0] == '-'
	if negative || b[0] == '+' {
		b = b[1:]
	}
	var whole, frac int64
	i, digits := 0, 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		whole = whole*10 + int64(b[i]-'0')
		digits++
	}
	if digits > maxIntegerDigits {
		return 0, numBad
	}
	fracDigits := 0
	if i < len(b) && b[i] == '.' {
		i++
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if fracDigits < 4 {
				frac = frac*10 + int64(b[i]-'0')
			}
			fracDigits++
		}
	}
	if i != len(b) || digits+fracDigits == 0 {
		return parseMilliFloat(b, negative)
	}
	for k := min(fracDigits, 4); k < 4; k++ {
		frac *= 10
	}
	v := whole*1000 + (frac+5)/10
	if negative && v > 0 {
		return v, numNegative
	}
	return v, numOK
}

// parseMilliFloat handles what the fast path does not: 1.5e+03, Inf, garbage.
func parseMilliFloat(b []byte, negative bool) (int64, numStatus) {
	if bytes.ContainsAny(b, "+-") && !bytes.ContainsAny(b, "eE") {
		return 0, numBad
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f*1000 >= math.MaxInt64/2 {
		return 0, numBad
	}
	if negative {
		f = -f
	}
	if f < 0 {
		return 0, numNegative
	}
	return int64(math.Round(f * 1000)), numOK
}
