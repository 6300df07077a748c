package entente

import (
	"context"
	"time"
)

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

// OverrideKinds lists the kinds of calendar override in the order forms offer them.
var OverrideKinds = []string{OverrideHoliday, OverrideNoHoliday, OverrideMoveHoliday, OverrideTransfer,
	OverrideWorkingDay, OverrideHijriMonthStart, OverrideTransfersAnnounced}

// Validate checks what the domain can check of an override on its own: the party code, the
// kind, and the lengths of its texts. Whether it fits the party's calendar and its other
// overrides is for the calendar package (calendar.ValidateOverrides), which the store runs
// on every change.
func (o *CalendarOverride) Validate() error {
	probs := Problems{}
	if !ValidPartyCode(o.Party) {
		probs.Add("party", "must be three capital letters (ISO 3166-1 alpha-3), such as PAK")
	}
	checkOneOf(probs, "kind", o.Kind, OverrideKinds)
	checkText(probs, "name", o.Name, false, 200)
	checkText(probs, "office", o.Office, false, 50)
	checkText(probs, "source", o.Source, true, 2000)
	return probs.Err("calendar override")
}

// CalendarOverrideUpdate holds the fields of an override to change; nil fields stay as they
// are. The party of an override cannot change.
type CalendarOverrideUpdate struct {
	Version    int     `json:"version"`
	Kind       *string `json:"kind"`
	Date       *Date   `json:"date"`
	ToDate     *Date   `json:"to_date"`
	Name       *string `json:"name"`
	HijriYear  *int    `json:"hijri_year"`
	HijriMonth *int    `json:"hijri_month"`
	Office     *string `json:"office"`
	Source     *string `json:"source"`
}

// Apply copies the set fields onto o.
func (u CalendarOverrideUpdate) Apply(o *CalendarOverride) {
	setIf(&o.Kind, u.Kind)
	setIf(&o.Date, u.Date)
	setIf(&o.ToDate, u.ToDate)
	setIf(&o.Name, u.Name)
	setIf(&o.HijriYear, u.HijriYear)
	setIf(&o.HijriMonth, u.HijriMonth)
	setIf(&o.Office, u.Office)
	setIf(&o.Source, u.Source)
}

// CalendarService keeps each party's calendar overrides. Anyone may read them. The
// installation's administrators and the party's own users who edit a roadmap may create,
// change and delete them (CanEditCalendar; EUNAUTHORIZED, EFORBIDDEN otherwise). Every change is checked together with the
// party's other overrides: a change that contradicts them, or the party's rules, is EINVALID
// naming the override and the field, and changes nothing. An unknown party or override is
// ENOTFOUND; a stale version is ECONFLICT.
type CalendarService interface {
	// FindCalendarOverrides lists a party's overrides by date.
	FindCalendarOverrides(ctx context.Context, party string) ([]*CalendarOverride, error)
	FindCalendarOverrideByID(ctx context.Context, id int64) (*CalendarOverride, error)
	CreateCalendarOverride(ctx context.Context, o *CalendarOverride) error
	UpdateCalendarOverride(ctx context.Context, id int64, upd CalendarOverrideUpdate) (*CalendarOverride, error)
	DeleteCalendarOverride(ctx context.Context, id int64) error
}
