package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/trade"
)

// tradeFiles writes two small BACI years and an export table, and returns their paths.
func tradeFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"BACI_HS17_Y2021_V202401.csv": "t,i,j,k,v,q\n2021,586,112,630210,40.000,12\n2021,112,586,310420,900.500,3000\n2021,276,112,870190,55.000,NA\n",
		"BACI_HS17_Y2022_V202401.csv": "t,i,j,k,v,q\n2022,586,112,630210,52.000,15\n2022,586,112,520512,8.000,2\n2022,112,586,310420,1200.000,4000\n",
		"exports_2017.csv":            "reporter_iso,product_code,export_value_usd\npak,6302,4568000000\nblr,3104,2493000000\n",
	}
	var paths []string
	for name, body := range files {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte(body), 0o644))
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// loadInto reads files the way entente trade load does: skipping stored datasets.
func loadInto(t *testing.T, ctx context.Context, s trade.Store, paths []string) (*trade.Result, int) {
	t.Helper()
	ids, err := s.DatasetIDs(ctx)
	must(t, err)
	res, err := trade.Load(ctx, paths, trade.Options{Loaded: func(id trade.DatasetID) bool { return ids[id] }})
	must(t, err)
	n, err := s.SaveDatasets(ctx, res)
	must(t, err)
	return res, n
}

func TestTradeDatasetsAreStoredOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := sqlstore.NewTradeService(db)
		paths := tradeFiles(t)
		res, n := loadInto(t, system(), s, paths)
		if n != 3 {
			t.Fatalf("stored %d datasets, want 3: %+v", n, res.Files)
		}
		res, n = loadInto(t, system(), s, paths)
		if n != 0 || len(res.Datasets) != 0 {
			t.Fatalf("the second load stored %d datasets", n)
		}
		for _, f := range res.Files {
			if !f.AlreadyLoaded {
				t.Errorf("%s was read again", f.Path)
			}
		}
		list, err := s.FindDatasets(system())
		must(t, err)
		if len(list) != 3 {
			t.Fatalf("%d datasets listed", len(list))
		}
		for _, d := range list {
			if len(d.Tables) != 1 || d.Tables[0].Bytes == 0 || d.Summary.Kept == 0 || !d.LoadedAt.Equal(testNow) {
				t.Errorf("dataset %s: %+v", d.Source, d)
			}
		}
		entries, _, err := newServices(db).audit.FindAuditEntries(system(), entente.AuditFilter{EntityType: "trade_dataset"})
		must(t, err)
		if len(entries) != 3 {
			t.Errorf("%d audit entries for 3 stored datasets", len(entries))
		}
	})
}

func TestTradeTablesSurviveTheDatabase(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		res, _ := loadInto(t, system(), sqlstore.NewTradeService(db), tradeFiles(t))
		want := map[trade.Period][]trade.Cell{}
		for _, ds := range res.Datasets {
			for _, tb := range ds.Tables {
				want[tb.Period] = slices.Collect(tb.Cells())
			}
		}
		// A second service stands for another process: it must decode what the first stored.
		stored, err := sqlstore.NewTradeService(db).Tables(context.Background())
		must(t, err)
		if len(stored) != len(want) {
			t.Fatalf("%d tables, want %d", len(stored), len(want))
		}
		for _, st := range stored {
			got := slices.Collect(st.Table.Cells())
			if !reflect.DeepEqual(got, want[st.Table.Period]) {
				t.Errorf("%s (%s): cells %v, want %v", st.Source, st.Table.Period, got, want[st.Table.Period])
			}
		}
	})
}

func TestTradeCacheFollowsChanges(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		reader, writer := sqlstore.NewTradeService(db), sqlstore.NewTradeService(db)
		paths := tradeFiles(t)
		loadInto(t, system(), writer, paths[:1])
		first := tablesOf(t, reader)
		if len(first) != 1 {
			t.Fatalf("%d tables after the first load", len(first))
		}
		loadInto(t, system(), writer, paths)
		if got := tablesOf(t, reader); len(got) != 3 || !slices.Contains(got, first[0]) {
			t.Fatalf("after a load elsewhere: %d tables, the first one decoded again: %v", len(got), !slices.Contains(got, first[0]))
		}
		list, err := writer.FindDatasets(system())
		must(t, err)
		removed, err := writer.DeleteDataset(system(), list[0].ID[:8])
		must(t, err)
		for _, st := range tablesOf(t, reader) {
			if st.Period == removed.Tables[0].Period && st.Level == removed.Tables[0].Level {
				t.Fatalf("the removed dataset %s is still read", removed.Source)
			}
		}
		if _, err := writer.DeleteDataset(system(), list[0].ID); entente.ErrorCode(err) != entente.ENOTFOUND {
			t.Fatalf("removing it again: %v", err)
		}
	})
}

func tablesOf(t *testing.T, s *sqlstore.TradeService) []*trade.Table {
	t.Helper()
	st, err := s.Tables(context.Background())
	must(t, err)
	return trade.TablesOf(st)
}

func TestTradeDatasetsNeedAnAdministrator(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := sqlstore.NewTradeService(db)
		res, err := trade.Load(context.Background(), tradeFiles(t), trade.Options{})
		must(t, err)
		editor := as(7, "PAK", map[int64]entente.Role{1: entente.RoleAdministrator})
		anonymous := context.Background()
		for _, tt := range []struct {
			name string
			ctx  context.Context
			code string
		}{{"roadmap administrator", editor, entente.EFORBIDDEN}, {"visitor", anonymous, entente.EUNAUTHORIZED}} {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.SaveDatasets(tt.ctx, res)
				wantCode(t, err, tt.code)
				_, err = s.FindDatasets(tt.ctx)
				wantCode(t, err, tt.code)
				_, err = s.DatasetIDs(tt.ctx)
				wantCode(t, err, tt.code)
				_, err = s.DeleteDataset(tt.ctx, "0123456789")
				wantCode(t, err, tt.code)
			})
		}
		if st, err := s.Tables(anonymous); err != nil || len(st) != 0 {
			t.Fatalf("tables after refused saves: %d, %v", len(st), err)
		}
	})
}

func TestTradeDatasetNames(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := sqlstore.NewTradeService(db)
		loadInto(t, system(), s, tradeFiles(t))
		for _, tt := range []struct{ id, code string }{
			{"", entente.EINVALID},
			{"abc", entente.EINVALID},
			{"not-hex-at-all", entente.EINVALID},
			{"ffffffffffff", entente.ENOTFOUND},
		} {
			_, err := s.DeleteDataset(system(), trade.DatasetID(tt.id))
			if got := entente.ErrorCode(err); got != tt.code {
				t.Errorf("DeleteDataset(%q): %v, want %s", tt.id, err, tt.code)
			}
		}
	})
}

// TestTradeTablesDecodeOnce asks a fresh service for its tables from several requests at
// once: each table is decoded once and shared.
func TestTradeTablesDecodeOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		loadInto(t, system(), sqlstore.NewTradeService(db), tradeFiles(t))
		s := sqlstore.NewTradeService(db)
		results := make(chan []*trade.Table, 4)
		for range 4 {
			go func() {
				st, err := s.Tables(context.Background())
				if err != nil {
					t.Error(err)
				}
				results <- trade.TablesOf(st)
			}()
		}
		first := <-results
		for range 3 {
			got := <-results
			if len(got) != 3 || len(first) != 3 {
				t.Fatalf("%d and %d tables, want 3", len(got), len(first))
			}
			for i := range got {
				if got[i] != first[i] {
					t.Errorf("table %d was decoded twice", i)
				}
			}
		}
	})
}
