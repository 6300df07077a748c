package planning

import (
	"context"
	"sync"

	"github.com/entente/entente"
)

// ChangeStamp tells whether anything was written: its value grows with every committed
// change. sqlstore gives the number of the last audit entry, since every write is audited in
// its own transaction and the audit chain admits one writer at a time.
type ChangeStamp interface {
	ChangeStamp(ctx context.Context) (int64, error)
}

// scheduleCache keeps recent schedules until anything is written. A schedule of a large
// roadmap reads every action (tens of milliseconds at 10,000), and the overview, the actions
// table and the Gantt page each want it on every view, while changes are rare by comparison.
//
// An entry is kept per caller, so that a hit needs no new permission check: the caller was
// allowed to read the roadmap at the stamp, and a change of roles or visibility is a write,
// which moves the stamp. Entries hold the stamp read before the schedule was computed, so a
// change committed during the computation only makes the entry look older than it is.
type scheduleCache struct {
	mu      sync.Mutex
	entries map[scheduleKey]cachedSchedule
}

type scheduleKey struct {
	roadmapID int64
	target    entente.ScheduleTarget
	today     entente.Date
	userID    int64
	party     string
	admin     bool
	system    bool
}

type cachedSchedule struct {
	stamp    int64
	schedule *entente.Schedule
}

// maxCachedSchedules bounds the cache; when full it starts again, which costs one computation
// per roadmap viewed.
const maxCachedSchedules = 256

func newScheduleCache() *scheduleCache {
	return &scheduleCache{entries: map[scheduleKey]cachedSchedule{}}
}

func keyOf(ctx context.Context, roadmapID int64, target entente.ScheduleTarget, today entente.Date) scheduleKey {
	c := entente.CallerFrom(ctx)
	return scheduleKey{roadmapID: roadmapID, target: target, today: today, userID: c.UserID, party: c.Party, admin: c.Admin, system: c.System}
}

func (c *scheduleCache) get(k scheduleKey, stamp int64) (*entente.Schedule, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || e.stamp != stamp {
		return nil, false
	}
	return e.schedule, true
}

func (c *scheduleCache) put(k scheduleKey, stamp int64, s *entente.Schedule) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= maxCachedSchedules {
		clear(c.entries)
	}
	c.entries[k] = cachedSchedule{stamp: stamp, schedule: s}
}
