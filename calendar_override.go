package entente

import "time"

// Kinds of official calendar notices that override the computed calendar of a party.
const (
	OverrideHoliday            = "holiday"             // Date becomes a day off (a one-off holiday, an extra Eid day)
	OverrideNoHoliday          = "no_holiday"          // the computed holiday on Date does not happen
	OverrideMoveHoliday        = "move_holiday"        // the computed holiday on Date is observed on ToDate instead
	OverrideTransfer           = "transfer"            // Date (a weekday) is a day off, worked on ToDate (a Saturday) instead
	OverrideWorkingDay         = "working_day"         // Date, a weekend day, is worked
	OverrideHijriMonthStart    = "hijri_month_start"   // Hijri month HijriMonth of HijriYear began on Date (moon sighting)
	OverrideTransfersAnnounced = "transfers_announced" // the transfers of Date's year are published; the year is official
)

// CalendarOverride is one official notice that changes a party's working calendar: a
// Cabinet Division holiday notice, a moon-sighting announcement, a Council of Ministers
// resolution on transferred working days. Each records where it comes from.
type CalendarOverride struct {
	ID         int64     `json:"id"`
	Party      string    `json:"party"`
	Kind       string    `json:"kind"`
	Date       Date      `json:"date"`
	ToDate     Date      `json:"to_date,omitzero"`
	Name       string    `json:"name,omitempty"`
	HijriYear  int       `json:"hijri_year,omitempty"`
	HijriMonth int       `json:"hijri_month,omitempty"`
	Office     string    `json:"office,omitempty"` // the office profile it applies to; "" for all
	Source     string    `json:"source"`           // issuing body, notice number and date, link
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}
