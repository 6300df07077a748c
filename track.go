package entente

import (
	"context"
	"time"
)

// Sectors is the fixed list of sector codes a track (and an ingested statement) uses.
var Sectors = []string{
	"agriculture", "food_security", "mining_minerals", "energy", "information_technology",
	"heavy_machinery", "manufacturing", "defense", "security", "trade", "investment", "textiles",
	"transport_logistics", "health", "education", "science_technology", "culture_tourism",
	"parliamentary", "political_dialogue", "finance_banking", "environment_climate", "other",
}

// ValidSector reports whether s is one of Sectors.
func ValidSector(s string) bool {
	for _, x := range Sectors {
		if x == s {
			return true
		}
	}
	return false
}

// Track is one sector of a roadmap, with a lead body per party.
type Track struct {
	ID          int64       `json:"id"`
	RoadmapID   int64       `json:"roadmap_id"`
	Sector      string      `json:"sector"`
	Title       string      `json:"title"`
	Description string      `json:"description,omitempty"`
	Leads       []TrackLead `json:"leads"`
	Version     int         `json:"version"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`

	Stats *TrackStats `json:"stats,omitempty"`
}

// TrackLead names the body that leads a track for one party.
type TrackLead struct {
	Party  string `json:"party"`
	BodyID int64  `json:"body_id"`
}

// TrackStats counts a track's actions.
type TrackStats struct {
	Actions        int `json:"actions"`
	ActionsDone    int `json:"actions_done"`
	ActionsOverdue int `json:"actions_overdue"`
}

// Validate checks the track's fields.
func (t *Track) Validate() error {
	probs := Problems{}
	if t.RoadmapID <= 0 {
		probs.Add("roadmap_id", "is required")
	}
	if !ValidSector(t.Sector) {
		probs.Add("sector", "is not a known sector code")
	}
	checkText(probs, "title", t.Title, true, 300)
	checkText(probs, "description", t.Description, false, 20000)
	seen := map[string]bool{}
	for _, l := range t.Leads {
		if !ValidPartyCode(l.Party) {
			probs.Addf("leads", "%q is not a party code", l.Party)
		} else if seen[l.Party] {
			probs.Addf("leads", "%s has two lead bodies", l.Party)
		} else if l.BodyID <= 0 {
			probs.Addf("leads", "the lead of %s needs a body_id", l.Party)
		}
		seen[l.Party] = true
	}
	return probs.Err("track")
}

// TrackUpdate holds the fields of a track to change.
type TrackUpdate struct {
	Version     int          `json:"version"`
	Sector      *string      `json:"sector"`
	Title       *string      `json:"title"`
	Description *string      `json:"description"`
	Leads       *[]TrackLead `json:"leads"`
}

// Apply copies the set fields onto t.
func (u TrackUpdate) Apply(t *Track) {
	setIf(&t.Sector, u.Sector)
	setIf(&t.Title, u.Title)
	setIf(&t.Description, u.Description)
	setIf(&t.Leads, u.Leads)
}

// TrackFilter selects tracks.
type TrackFilter struct {
	RoadmapID int64
	Sector    string
	Q         string
	Page      Page
}

// TrackService manages the tracks of roadmaps. Reading needs read access to the roadmap
// (ENOTFOUND otherwise); changes need the editor role (EFORBIDDEN). A track with actions
// cannot be deleted (ECONFLICT). Lead bodies must exist and belong to the lead's party
// (EINVALID).
type TrackService interface {
	FindTrackByID(ctx context.Context, id int64) (*Track, error)
	FindTracks(ctx context.Context, filter TrackFilter) ([]*Track, int, error)
	CreateTrack(ctx context.Context, t *Track) error
	UpdateTrack(ctx context.Context, id int64, upd TrackUpdate) (*Track, error)
	DeleteTrack(ctx context.Context, id int64) error
}
