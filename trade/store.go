package trade

import (
	"context"
	"time"
)

// Store keeps loaded datasets so that pages and commands can ask questions of them without
// reading the files again. The database adapter (sqlstore) implements it: one row per dataset,
// one encoded blob per table, and decoded tables cached in memory after first use.
//
// Saving and removing datasets and listing them are for the installation's administrators
// (EFORBIDDEN, or EUNAUTHORIZED for a visitor); each change is recorded in the audit trail.
// Tables may be read by anyone: trade statistics are public, and pages show them only beside
// roadmaps the caller may read.
type Store interface {
	// DatasetIDs returns the identities of every stored dataset, for Options.Loaded, so that a
	// file already stored is not parsed again.
	DatasetIDs(ctx context.Context) (map[DatasetID]bool, error)
	// SaveDatasets stores the new datasets of a load in one transaction, with their file
	// summaries, and returns how many it stored; datasets already stored are left as they are.
	SaveDatasets(ctx context.Context, res *Result) (int, error)
	// FindDatasets lists the stored datasets, the most recently loaded first.
	FindDatasets(ctx context.Context) ([]*DatasetInfo, error)
	// DeleteDataset removes a dataset and its tables; an unknown id is ENOTFOUND. A prefix of
	// the id, as FindDatasets' listing shows it, names the dataset when it is unique.
	DeleteDataset(ctx context.Context, id DatasetID) (*DatasetInfo, error)
	// Tables returns every stored table with the dataset it came from, oldest dataset first.
	// The tables are shared and read-only.
	Tables(ctx context.Context) ([]StoredTable, error)
}

// DatasetInfo describes a stored dataset: where it came from, when it was loaded, what the
// load found, and its tables.
type DatasetInfo struct {
	ID       DatasetID   `json:"id"`
	Kind     Kind        `json:"kind"`
	Source   string      `json:"source"`
	LoadedAt time.Time   `json:"loaded_at"`
	Summary  FileSummary `json:"summary"`
	Tables   []TableInfo `json:"tables"`
}

// TableInfo describes one stored table without decoding it.
type TableInfo struct {
	Period    Period `json:"period"`
	Level     Level  `json:"level"`
	Bilateral bool   `json:"bilateral"`
	Cells     int    `json:"cells"`
	Bytes     int64  `json:"bytes"` // the size of its encoding
}

// StoredTable is a table with the dataset it came from, so pages can name their sources.
type StoredTable struct {
	Dataset DatasetID
	Kind    Kind
	Source  string
	Table   *Table
}

// TablesOf returns the tables of stored tables, in the same order, for Pick and the
// indicators that work across years.
func TablesOf(st []StoredTable) []*Table {
	out := make([]*Table, len(st))
	for i, s := range st {
		out[i] = s.Table
	}
	return out
}
