package entente

import "time"

// Clock tells the time. It is injected wherever "now" or "today" matters, so that the demo can
// live on 26 November 2024 and tests can fix the instant.
type Clock interface {
	Now() time.Time
}

// SystemClock is the machine's clock in UTC.
type SystemClock struct{}

// Now returns the current instant in UTC.
func (SystemClock) Now() time.Time { return time.Now().UTC() }

// FixedClock always answers the same instant; for tests.
type FixedClock time.Time

// Now returns the fixed instant.
func (c FixedClock) Now() time.Time { return time.Time(c) }

// OffsetClock runs at the machine's pace but starts from another day: the demo's "today".
type OffsetClock struct {
	Offset time.Duration
}

// ClockAt returns a clock whose current instant is at, advancing from there in real time.
func ClockAt(at time.Time) OffsetClock { return OffsetClock{Offset: time.Until(at)} }

// Now returns the machine time shifted by the offset, in UTC.
func (c OffsetClock) Now() time.Time { return time.Now().Add(c.Offset).UTC() }
