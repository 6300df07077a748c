package sqlstore

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/entente/entente"
	"github.com/entente/entente/trade"
)

// TradeService implements trade.Store: one trade_datasets row per loaded file and one
// trade_tables row per year (or summed period) holding the table's encoding.
//
// Decoding a full BACI year takes about half a second, so decoded tables are kept in memory
// after first use. Datasets are identified by their content and never change once stored, so
// the cache is checked against the list of stored tables (a small query) on every read: a
// dataset that another process loaded is decoded on first use, one that was removed is
// dropped from memory.
type TradeService struct {
	db *DB

	mu    sync.Mutex // held while the cache is checked and filled, so a year is decoded once
	cache map[tradeKey]*trade.Table
}

// NewTradeService returns the trade store of db. Use one per process: it holds the cache.
func NewTradeService(db *DB) *TradeService {
	return &TradeService{db: db, cache: map[tradeKey]*trade.Table{}}
}

var _ trade.Store = (*TradeService)(nil)

// tradeKey names one stored table.
type tradeKey struct {
	dataset     trade.DatasetID
	first, last int
}

// tradeRow is a table as listed, before its blob is read.
type tradeRow struct {
	key          tradeKey
	kind, source string
}

// DatasetIDs returns the stored datasets' identities; administrators may ask.
func (s *TradeService) DatasetIDs(ctx context.Context) (map[trade.DatasetID]bool, error) {
	return view(ctx, s.db, func(tx *Tx) (map[trade.DatasetID]bool, error) {
		if !entente.CanAdminister(tx.caller) {
			return nil, entente.Denied(tx.caller, "load trade data")
		}
		rows, err := tx.query("SELECT id FROM trade_datasets")
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := map[trade.DatasetID]bool{}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			out[trade.DatasetID(id)] = true
		}
		return out, rows.Err()
	})
}

// encodedDataset is a dataset ready to store: its tables encoded before the write
// transaction opens, so the database is locked only while rows are written.
type encodedDataset struct {
	ds      *trade.Dataset
	summary trade.FileSummary
	blobs   [][]byte
}

// SaveDatasets stores the new datasets of a load, in one transaction, with one audit entry
// each; administrators of the installation may. Datasets already stored are skipped.
func (s *TradeService) SaveDatasets(ctx context.Context, res *trade.Result) (int, error) {
	if c := entente.CallerFrom(ctx); !entente.CanAdminister(c) {
		return 0, entente.Denied(c, "load trade data")
	}
	encoded, err := encodeDatasets(res)
	if err != nil {
		return 0, err
	}
	saved, err := change(ctx, s.db, func(tx *Tx) ([]*trade.Dataset, error) {
		if !entente.CanAdminister(tx.caller) {
			return nil, entente.Denied(tx.caller, "load trade data")
		}
		var saved []*trade.Dataset
		for _, e := range encoded {
			ok, err := tx.saveDataset(e)
			if err != nil {
				return nil, fmt.Errorf("storing %s: %w", e.ds.Source, err)
			}
			if ok {
				saved = append(saved, e.ds)
			}
		}
		return saved, nil
	})
	if err != nil {
		return 0, err
	}
	// The tables are decoded already: keep them, so the first page after a load needs no decoding.
	s.mu.Lock()
	for _, ds := range saved {
		for _, t := range ds.Tables {
			s.cache[tradeKey{ds.ID, t.Period.First, t.Period.Last}] = t
		}
	}
	s.mu.Unlock()
	return len(saved), nil
}

// encodeDatasets encodes every table of the load's datasets, with the summary of its file.
func encodeDatasets(res *trade.Result) ([]encodedDataset, error) {
	summaries := map[trade.DatasetID]trade.FileSummary{}
	for _, f := range res.Files {
		if f.Dataset != "" {
			summaries[f.Dataset] = f
		}
	}
	var out []encodedDataset
	for _, ds := range res.Datasets {
		e := encodedDataset{ds: ds, summary: summaries[ds.ID]}
		for _, t := range ds.Tables {
			var buf bytes.Buffer
			if err := t.Encode(&buf); err != nil {
				return nil, fmt.Errorf("encoding %s, %s: %w", ds.Source, t.Period, err)
			}
			e.blobs = append(e.blobs, buf.Bytes())
		}
		out = append(out, e)
	}
	return out, nil
}

// saveDataset writes one dataset and its tables unless it is stored already.
func (tx *Tx) saveDataset(e encodedDataset) (bool, error) {
	n, err := tx.count("SELECT COUNT(*) FROM trade_datasets WHERE id = ?", string(e.ds.ID))
	if err != nil || n > 0 {
		return false, err
	}
	summary, err := json.Marshal(e.summary)
	if err != nil {
		return false, err
	}
	err = tx.insertKeyed("trade_datasets", []colval{{"id", string(e.ds.ID)}, {"kind", string(e.ds.Kind)},
		{"source", e.ds.Source}, {"summary", string(summary)}, {"loaded_at", formatTime(tx.now)}})
	if err != nil {
		return false, err
	}
	cells := 0
	for i, t := range e.ds.Tables {
		err := tx.insertKeyed("trade_tables", []colval{{"dataset_id", string(e.ds.ID)},
			{"first_year", t.Period.First}, {"last_year", t.Period.Last}, {"level", string(t.Level)},
			{"bilateral", t.Bilateral}, {"cells", t.Len()}, {"data", e.blobs[i]}})
		if err != nil {
			return false, err
		}
		cells += t.Len()
	}
	return true, tx.audit(auditRecord{action: "create", entityType: "trade_dataset", entityID: e.ds.ID,
		after: datasetAudit(e.ds.Kind, e.ds.Source, e.summary.Periods, cells)})
}

// datasetAudit is what the audit trail records of a dataset.
func datasetAudit(kind trade.Kind, source string, periods []trade.Period, cells int) map[string]any {
	return map[string]any{"kind": kind, "source": source, "periods": periods, "cells": cells}
}

const datasetColumns = "id, kind, source, summary, loaded_at"

func scanDataset(s rowScanner) (*trade.DatasetInfo, error) {
	var d trade.DatasetInfo
	var id, kind, summary string
	if err := s.Scan(&id, &kind, &d.Source, &summary, timeCol{&d.LoadedAt}); err != nil {
		return nil, err
	}
	d.ID, d.Kind = trade.DatasetID(id), trade.Kind(kind)
	if err := json.Unmarshal([]byte(summary), &d.Summary); err != nil {
		return nil, fmt.Errorf("the stored summary of dataset %s: %w", id, err)
	}
	d.Tables = []trade.TableInfo{}
	return &d, nil
}

// FindDatasets lists the stored datasets, newest first, with their tables; administrators of
// the installation may.
func (s *TradeService) FindDatasets(ctx context.Context) ([]*trade.DatasetInfo, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*trade.DatasetInfo, error) {
		if !entente.CanAdminister(tx.caller) {
			return nil, entente.Denied(tx.caller, "list the trade datasets")
		}
		return tx.findDatasets("", nil)
	})
}

// findDatasets lists datasets matching an optional condition, with their tables.
func (tx *Tx) findDatasets(cond string, args []any) ([]*trade.DatasetInfo, error) {
	rows, err := tx.query("SELECT "+datasetColumns+" FROM trade_datasets"+cond+" ORDER BY loaded_at DESC, id", args...)
	if err != nil {
		return nil, err
	}
	var out []*trade.DatasetInfo
	byID := map[trade.DatasetID]*trade.DatasetInfo{}
	for rows.Next() {
		d, err := scanDataset(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, d)
		byID[d.ID] = d
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, tx.tableInfos(byID)
}

// tableInfos adds the tables of the listed datasets, without reading their blobs.
func (tx *Tx) tableInfos(byID map[trade.DatasetID]*trade.DatasetInfo) error {
	rows, err := tx.query(`SELECT dataset_id, first_year, last_year, level, bilateral, cells, LENGTH(data)
		FROM trade_tables ORDER BY dataset_id, first_year, last_year`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, level string
		var t trade.TableInfo
		if err := rows.Scan(&id, &t.Period.First, &t.Period.Last, &level, &t.Bilateral, &t.Cells, &t.Bytes); err != nil {
			return err
		}
		t.Level = trade.Level(level)
		if d := byID[trade.DatasetID(id)]; d != nil {
			d.Tables = append(d.Tables, t)
		}
	}
	return rows.Err()
}

// DeleteDataset removes a dataset, named by its id or a unique prefix of it, with its tables;
// administrators of the installation may. The removal is recorded in the audit trail.
func (s *TradeService) DeleteDataset(ctx context.Context, id trade.DatasetID) (*trade.DatasetInfo, error) {
	d, err := change(ctx, s.db, func(tx *Tx) (*trade.DatasetInfo, error) {
		if !entente.CanAdminister(tx.caller) {
			return nil, entente.Denied(tx.caller, "remove trade data")
		}
		d, err := tx.datasetByPrefix(string(id))
		if err != nil {
			return nil, err
		}
		if _, err := tx.exec("DELETE FROM trade_tables WHERE dataset_id = ?", string(d.ID)); err != nil {
			return nil, err
		}
		if _, err := tx.exec("DELETE FROM trade_datasets WHERE id = ?", string(d.ID)); err != nil {
			return nil, err
		}
		cells := 0
		for _, t := range d.Tables {
			cells += t.Cells
		}
		return d, tx.audit(auditRecord{action: "delete", entityType: "trade_dataset", entityID: d.ID,
			before: datasetAudit(d.Kind, d.Source, d.Summary.Periods, cells)})
	})
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	for k := range s.cache {
		if k.dataset == d.ID {
			delete(s.cache, k)
		}
	}
	s.mu.Unlock()
	return d, nil
}

// minDatasetPrefix is the shortest prefix of a dataset id that may name it.
const minDatasetPrefix = 6

// datasetByPrefix finds the one dataset whose id starts with prefix.
func (tx *Tx) datasetByPrefix(prefix string) (*trade.DatasetInfo, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if len(prefix) < minDatasetPrefix || strings.Trim(prefix, "0123456789abcdef") != "" {
		return nil, fieldError("dataset", fmt.Sprintf("give at least %d hexadecimal characters of the id, as entente trade datasets lists it", minDatasetPrefix))
	}
	found, err := tx.findDatasets(" WHERE id LIKE ?", []any{prefix + "%"})
	if err != nil {
		return nil, err
	}
	switch len(found) {
	case 0:
		return nil, entente.NotFound("trade dataset", prefix)
	case 1:
		return found[0], nil
	}
	return nil, fieldError("dataset", fmt.Sprintf("%q names %d datasets; give more of the id", prefix, len(found)))
}

// Tables returns every stored table with its dataset, oldest dataset first; anyone may read
// them. Tables are decoded on first use and kept; see TradeService.
func (s *TradeService) Tables(ctx context.Context) ([]trade.StoredTable, error) {
	return view(ctx, s.db, func(tx *Tx) ([]trade.StoredTable, error) {
		listed, err := tx.listTradeTables()
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		keep := make(map[tradeKey]bool, len(listed))
		out := make([]trade.StoredTable, 0, len(listed))
		for _, r := range listed {
			keep[r.key] = true
			t, err := s.cached(tx, r.key)
			if err != nil {
				return nil, err
			}
			out = append(out, trade.StoredTable{Dataset: r.key.dataset, Kind: trade.Kind(r.kind), Source: r.source, Table: t})
		}
		for k := range s.cache {
			if !keep[k] {
				delete(s.cache, k)
			}
		}
		return out, nil
	})
}

// listTradeTables lists the stored tables with their datasets, without their blobs.
func (tx *Tx) listTradeTables() ([]tradeRow, error) {
	rows, err := tx.query(`SELECT t.dataset_id, t.first_year, t.last_year, d.kind, d.source
		FROM trade_tables t JOIN trade_datasets d ON d.id = t.dataset_id
		ORDER BY d.loaded_at, d.id, t.first_year, t.last_year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tradeRow
	for rows.Next() {
		var r tradeRow
		var id string
		if err := rows.Scan(&id, &r.key.first, &r.key.last, &r.kind, &r.source); err != nil {
			return nil, err
		}
		r.key.dataset = trade.DatasetID(id)
		out = append(out, r)
	}
	return out, rows.Err()
}

// cached returns a decoded table from the cache, reading and decoding it on first use. The
// caller holds s.mu.
func (s *TradeService) cached(tx *Tx, k tradeKey) (*trade.Table, error) {
	if t, ok := s.cache[k]; ok {
		return t, nil
	}
	var blob []byte
	err := tx.queryRow("SELECT data FROM trade_tables WHERE dataset_id = ? AND first_year = ? AND last_year = ?",
		string(k.dataset), k.first, k.last).Scan(&blob)
	if err != nil {
		return nil, err
	}
	t, err := trade.Decode(bytes.NewReader(blob))
	if err != nil {
		return nil, fmt.Errorf("the stored table %s of dataset %.12s cannot be read: %w", trade.Period{First: k.first, Last: k.last}, k.dataset, err)
	}
	s.cache[k] = t
	return t, nil
}
