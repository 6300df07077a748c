package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/trade"
)

const tradeUsage = "trade load|rca|potential|complementarity|datasets|remove [flags]   (entente trade load --help)"

// cmdTrade loads trade statistics and asks them questions: revealed comparative advantage,
// export potential and complementarity.
func cmdTrade(ctx context.Context, e *env, args []string) error {
	sub := map[string]func(context.Context, *env, []string) error{
		"load": cmdTradeLoad, "rca": cmdTradeRCA, "potential": cmdTradePotential,
		"complementarity": cmdTradeComplementarity, "datasets": cmdTradeDatasets, "remove": cmdTradeRemove,
	}
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
		fmt.Fprintln(e.stderr, "Usage: entente "+tradeUsage)
		return nil
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(e.stderr, "Usage: entente "+tradeUsage)
		return errUsage
	}
	return sub[args[0]](ctx, e, args[1:])
}

// openTrade opens the database and its trade store, acting as the system.
func openTrade(ctx context.Context, dsn string) (context.Context, trade.Store, func(), error) {
	db, err := openDB(ctx, dsn, entente.SystemClock{})
	if err != nil {
		return nil, nil, nil, err
	}
	return entente.WithCaller(ctx, entente.SystemCaller), tradeStore(db), func() { db.Close() }, nil
}

func cmdTradeLoad(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "trade load", "trade load FILE… [--period 2019-2021] [--db entente.db]")
	dsn := dbFlag(fs, e)
	period := fs.String("period", "", "the years of export tables that have no year column and none in their name: 2017 or 2019-2021")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	paths, err := filesAndFlags(fs)
	if err != nil {
		return err
	}
	var opt trade.Options
	if *period != "" {
		if opt.Period, err = parsePeriod(*period); err != nil {
			return fmt.Errorf("--period: %w", err)
		}
	}
	ctx, store, done, err := openTrade(ctx, *dsn)
	if err != nil {
		return err
	}
	defer done()
	return loadTrade(ctx, e, store, paths, opt)
}

// filesAndFlags returns the files named on a command line that may mix files and flags
// ("load a.csv b.csv --db x"): the flag package stops at the first file, so the flags after
// the files are parsed here.
func filesAndFlags(fs *flag.FlagSet) ([]string, error) {
	var files []string
	rest := fs.Args()
	for len(rest) > 0 {
		if strings.HasPrefix(rest[0], "-") {
			if err := fs.Parse(rest); err != nil {
				return nil, errUsage
			}
			rest = fs.Args()
			continue
		}
		files, rest = append(files, rest[0]), rest[1:]
	}
	if len(files) == 0 {
		fmt.Fprintln(fs.Output(), "nothing given to work on")
		fs.Usage()
		return nil, errUsage
	}
	return files, nil
}

// parsePeriod reads "2017" or "2019-2021" (or with an en dash).
func parsePeriod(s string) (trade.Period, error) {
	first, last, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	if !ok {
		last = first
	}
	a, err1 := strconv.Atoi(strings.TrimSpace(first))
	b, err2 := strconv.Atoi(strings.TrimSpace(last))
	if err1 != nil || err2 != nil || a < 1900 || b > 2100 || a > b {
		return trade.Period{}, fmt.Errorf("%q is not a year or a span of years such as 2019-2021", s)
	}
	return trade.Period{First: a, Last: b}, nil
}

// loadTrade reads trade files into the store, skipping those already stored, with a progress
// bar on a terminal and a summary at the end. It fails when a data file yielded nothing, after
// storing what the other files gave.
func loadTrade(ctx context.Context, e *env, store trade.Store, paths []string, opt trade.Options) error {
	stored, err := store.DatasetIDs(ctx)
	if err != nil {
		return err
	}
	opt.Loaded = func(id trade.DatasetID) bool { return stored[id] }
	bar := progressBar(e.stdout)
	if bar != nil {
		opt.Progress = func(done, total int64) {
			bar.ChangeMax64(total)
			bar.Set64(done)
		}
	}
	res, err := trade.Load(ctx, paths, opt)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(e.stdout)
	}
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := store.SaveDatasets(ctx, res)
	if err != nil {
		return err
	}
	if err := trade.WriteSummaryText(e.stdout, res); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s; stored in %s.\n", storedText(n, res), time.Since(start).Round(time.Millisecond))
	return failedFiles(res)
}

// storedText says how many datasets a load stored.
func storedText(n int, res *trade.Result) string {
	known := 0
	for _, f := range res.Files {
		if f.AlreadyLoaded {
			known++
		}
	}
	s := fmt.Sprintf("%d new datasets", n)
	if n == 1 {
		s = "1 new dataset"
	}
	if known > 0 {
		s += fmt.Sprintf(", %d already loaded", known)
	}
	return s
}

// failedFiles is the error of a load in which some data file yielded nothing.
func failedFiles(res *trade.Result) error {
	var failed []string
	for _, f := range res.Files {
		codes := f.Kind == trade.KindCountryCodes || f.Kind == trade.KindProductCodes
		if !f.AlreadyLoaded && !codes && f.Kept == 0 {
			failed = append(failed, f.Path)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("nothing could be read from %s (see the problems above)", strings.Join(failed, ", "))
	}
	return nil
}

// progressBar draws on w when w is a terminal, and is nil otherwise.
func progressBar(w io.Writer) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions64(-1, progressbar.OptionSetWriter(f), progressbar.OptionShowBytes(true),
		progressbar.OptionSetDescription("reading"), progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
}

// yearFlag adds --year; 0 means the latest year the loaded data covers.
func yearFlag(fs *flag.FlagSet) *int {
	return fs.Int("year", 0, "the year (default: the latest year the loaded data covers)")
}

// trackFlag adds --track, a roadmap track's sector whose products to keep.
func trackFlag(fs *flag.FlagSet) *string {
	return fs.String("track", "", "keep the products of a track's sector: "+strings.Join(trade.TrackSectors(), ", "))
}

// productSet returns the products of a track's sector, or nil (every product) for "".
func productSet(sector string) (*trade.ProductSet, error) {
	if sector == "" {
		return nil, nil
	}
	set, err := trade.TrackProducts(sector)
	if err != nil {
		return nil, fmt.Errorf("--track: %s", entente.ErrorMessage(err))
	}
	return set, nil
}

// pickTable opens the store and picks the table that answers a question about a year.
func pickTable(ctx context.Context, dsn string, year int, needImports bool) (*trade.Table, error) {
	ctx, store, done, err := openTrade(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer done()
	stored, err := store.Tables(ctx)
	if err != nil {
		return nil, err
	}
	tables := trade.TablesOf(stored)
	if len(tables) == 0 {
		return nil, errors.New("no trade data is loaded: load some with entente trade load FILE")
	}
	if year == 0 {
		year = trade.DefaultYear(tables, needImports)
	}
	t, err := trade.Pick(tables, year, needImports)
	if err != nil && needImports {
		return nil, fmt.Errorf("%s Bilateral flows and imports need a BACI file (entente trade load BACI_…_Y%d_….csv)", entente.ErrorMessage(err), year)
	}
	return t, messageOf(err)
}

// messageOf turns an entente error into its message alone, for a terminal; other errors stay
// as they are.
func messageOf(err error) error {
	var e *entente.Error
	if asError(err, &e) {
		return errors.New(e.Message)
	}
	return err
}

// partyFlag reads a party code flag, upper-cased; it is required.
func partyFlag(fs *flag.FlagSet, name, value string) (string, error) {
	code := strings.ToUpper(strings.TrimSpace(value))
	if code == "" {
		fmt.Fprintf(fs.Output(), "--%s is required\n", name)
		fs.Usage()
		return "", errUsage
	}
	if !trade.KnownParty(code) {
		return "", fmt.Errorf("--%s: %q is not a country code (ISO 3166-1 alpha-3, such as PAK)", name, value)
	}
	return code, nil
}

func cmdTradeRCA(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "trade rca", "trade rca --country PAK [--year 2017] [--top 20] [--track textiles] [--db entente.db]")
	dsn := dbFlag(fs, e)
	country := fs.String("country", "", "the country, an ISO 3166-1 alpha-3 code")
	year, track := yearFlag(fs), trackFlag(fs)
	top := fs.Int("top", 20, "how many products to list (0: all)")
	byValue := fs.Bool("by-value", false, "order by export value instead of by RCA")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	code, err := partyFlag(fs, "country", *country)
	if err != nil {
		return err
	}
	set, err := productSet(*track)
	if err != nil {
		return err
	}
	t, err := pickTable(ctx, *dsn, *year, false)
	if err != nil {
		return err
	}
	rows, err := t.RCA(code, trade.RCAOptions{Products: set, ByValue: *byValue, Top: *top})
	if err != nil {
		return messageOf(err)
	}
	return trade.WriteRCAText(e.stdout, code, t.Period, rows)
}

func cmdTradePotential(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "trade potential", "trade potential --from PAK --to BLR [--year Y] [--top 20] [--track SECTOR] [--min-rca 1] [--db entente.db]")
	dsn := dbFlag(fs, e)
	from := fs.String("from", "", "the exporter, an ISO 3166-1 alpha-3 code")
	to := fs.String("to", "", "the market, an ISO 3166-1 alpha-3 code")
	year, track := yearFlag(fs), trackFlag(fs)
	top := fs.Int("top", 20, "how many products to list (0: all)")
	minRCA := fs.Float64("min-rca", 0, "keep only products in which the exporter has at least this RCA")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	a, err := partyFlag(fs, "from", *from)
	if err != nil {
		return err
	}
	b, err := partyFlag(fs, "to", *to)
	if err != nil {
		return err
	}
	set, err := productSet(*track)
	if err != nil {
		return err
	}
	t, err := pickTable(ctx, *dsn, *year, true)
	if err != nil {
		return err
	}
	p, err := t.Potential(a, b, trade.PotentialOptions{Products: set, MinRCA: *minRCA, Top: *top})
	if err != nil {
		return messageOf(err)
	}
	return trade.WritePotentialText(e.stdout, p)
}

func cmdTradeComplementarity(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "trade complementarity", "trade complementarity --exporter PAK --importer BLR [--year Y] [--top 10] [--db entente.db]")
	dsn := dbFlag(fs, e)
	exporter := fs.String("exporter", "", "the exporter, an ISO 3166-1 alpha-3 code")
	importer := fs.String("importer", "", "the importer, an ISO 3166-1 alpha-3 code")
	year := yearFlag(fs)
	top := fs.Int("top", 10, "how many products of each overlap to list (0: all)")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	a, err := partyFlag(fs, "exporter", *exporter)
	if err != nil {
		return err
	}
	b, err := partyFlag(fs, "importer", *importer)
	if err != nil {
		return err
	}
	t, err := pickTable(ctx, *dsn, *year, true)
	if err != nil {
		return err
	}
	ab, ba, err := t.ComplementarityBothWays(a, b, *top)
	if err != nil {
		return messageOf(err)
	}
	return trade.WriteComplementarityText(e.stdout, ab, ba)
}

func cmdTradeDatasets(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "trade datasets", "trade datasets [--db entente.db]")
	dsn := dbFlag(fs, e)
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	ctx, store, done, err := openTrade(ctx, *dsn)
	if err != nil {
		return err
	}
	defer done()
	list, err := store.FindDatasets(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "No trade data is loaded: load some with entente trade load FILE.")
		return nil
	}
	return writeDatasets(e.stdout, list)
}

// writeDatasets prints the stored datasets, one line per table.
func writeDatasets(w io.Writer, list []*trade.DatasetInfo) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "dataset\tsource\tkind\tperiod\tlevel\tflows\tcells\tstored\tloaded (UTC)")
	for _, d := range list {
		for _, t := range d.Tables {
			flows := "exports to the world"
			if t.Bilateral {
				flows = "bilateral"
			}
			fmt.Fprintf(tw, "%.12s\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f MB\t%s\n", d.ID, d.Source, d.Kind, t.Period, t.Level,
				flows, t.Cells, float64(t.Bytes)/(1<<20), d.LoadedAt.UTC().Format("2006-01-02 15:04"))
		}
	}
	return tw.Flush()
}

func cmdTradeRemove(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "trade remove", "trade remove DATASET [--db entente.db]   (DATASET: the id, or its first characters, as entente trade datasets lists it)")
	dsn := dbFlag(fs, e)
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	ids, err := filesAndFlags(fs)
	if err != nil {
		return err
	}
	ctx, store, done, err := openTrade(ctx, *dsn)
	if err != nil {
		return err
	}
	defer done()
	for _, id := range ids {
		d, err := store.DeleteDataset(ctx, trade.DatasetID(id))
		if err != nil {
			return fmt.Errorf("%s: %w", id, messageOf(err))
		}
		fmt.Fprintf(e.stdout, "Removed dataset %.12s (%s).\n", d.ID, d.Source)
	}
	return nil
}

// tradeFiles collects the files of a --trade flag: the flag may be repeated, and the files
// after it need not repeat it ("demo --trade a.csv b.csv").
type tradeFiles struct{ paths []string }

// tradeFilesFlag adds --trade to a command.
func tradeFilesFlag(fs *flag.FlagSet) *tradeFiles {
	tf := &tradeFiles{}
	fs.Func("trade", "trade files to load after the demo data (BACI years, export tables); more may follow the first", func(s string) error {
		tf.paths = append(tf.paths, s)
		return nil
	})
	return tf
}

// rest takes the arguments left after the flags as more trade files, when --trade was given;
// without it, stray arguments are refused.
func (tf *tradeFiles) rest(fs *flag.FlagSet) error {
	if len(tf.paths) == 0 || fs.NArg() == 0 {
		return noArgs(fs)
	}
	more, err := filesAndFlags(fs)
	tf.paths = append(tf.paths, more...)
	return err
}

// loadDemoTrade loads trade files into the demo database as the system.
func loadDemoTrade(ctx context.Context, e *env, db *sqlstore.DB, paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	fmt.Fprintln(e.stdout, "Loading trade data:")
	return loadTrade(entente.WithCaller(ctx, entente.SystemCaller), e, tradeStore(db), paths, trade.Options{})
}
