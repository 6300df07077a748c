package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/chromium"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/signature"
	"github.com/entente/entente/signingcopy"
	"github.com/entente/entente/sqlstore"
)

// agreementUsage lists the subcommands of entente agreement.
const agreementUsage = `Usage: entente agreement verify|export|import-draft [flags] ID

  verify ID                     check every signature and that the stored text is what was signed
  export ID [--version N] --format text|markdown|pdf [--layout side-by-side|sequential] [--out FILE]
  import-draft ID FILE…         save a new version read from plain text or Markdown drafts
                                (FILE with --language, or LANG=FILE for each language)

Every subcommand takes --db (a SQLite file or a postgres:// URL; ENTENTE_DB).`

func cmdAgreement(ctx context.Context, e *env, args []string) error {
	sub := map[string]func(context.Context, *env, []string) error{
		"verify": cmdAgreementVerify, "export": cmdAgreementExport, "import-draft": cmdAgreementImport}
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
		fmt.Fprintln(e.stderr, agreementUsage)
		return nil
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(e.stderr, agreementUsage)
		return errUsage
	}
	return sub[args[0]](entente.WithCaller(ctx, entente.SystemCaller), e, args[1:])
}

// parseWithArgs parses flags that may come before, between or after the positional arguments,
// and returns the positional ones.
func parseWithArgs(fs *flag.FlagSet, args []string) ([]string, bool, error) {
	var positional []string
	for {
		if ok, err := parse(fs, args); !ok || err != nil {
			return nil, ok, err
		}
		if fs.NArg() == 0 {
			return positional, true, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// agreementID reads the agreement id, the first positional argument.
func agreementID(fs *flag.FlagSet, args []string) (int64, error) {
	if len(args) == 0 {
		fmt.Fprintln(fs.Output(), "missing the agreement id")
		fs.Usage()
		return 0, errUsage
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q is not an agreement id", args[0])
	}
	return id, nil
}

// cmdAgreementVerify prints the verification report of an agreement and fails when any
// signature, or the stored text, does not verify.
func cmdAgreementVerify(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "agreement verify", "agreement verify [--db entente.db] ID")
	dsn := dbFlag(fs, e)
	rest, ok, err := parseWithArgs(fs, args)
	if !ok || err != nil {
		return err
	}
	id, err := agreementID(fs, rest)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	report, err := sqlstore.NewSigningService(db).VerificationReport(ctx, id)
	if err != nil {
		return err
	}
	if err := signature.WriteReport(e.stdout, report); err != nil {
		return err
	}
	if !report.OK {
		return fmt.Errorf("agreement %d does not verify: see the report above", id)
	}
	return nil
}

// cmdAgreementExport writes a version as text, Markdown or the PDF signing copy.
func cmdAgreementExport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "agreement export", "agreement export [--db entente.db] [--version N] --format text|markdown|pdf [--layout side-by-side|sequential] [--out FILE] ID")
	dsn := dbFlag(fs, e)
	number := fs.Int("version", 0, "the version (default: the agreed one, else the latest)")
	format := fs.String("format", "text", "text, markdown or pdf")
	layout := fs.String("layout", signingcopy.SideBySide, "for a PDF: side-by-side or sequential")
	out := fs.String("out", "", "the file to write (default: standard output)")
	rest, ok, err := parseWithArgs(fs, args)
	if !ok || err != nil {
		return err
	}
	id, err := agreementID(fs, rest)
	if err != nil {
		return err
	}
	if err := checkExportFlags(*format, *layout); err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := exportedVersion(ctx, db, id, *number)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return writeVersion(ctx, db, w, id, v, *format, *layout) }
	if *out == "" {
		return write(e.stdout)
	}
	if err := writeFileAtomically(*out, write); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Wrote version %d of agreement %d to %s.\n", v.Number, id, *out)
	return nil
}

// checkExportFlags refuses a format or layout that does not exist.
func checkExportFlags(format, layout string) error {
	switch {
	case format != "text" && format != "markdown" && format != "pdf":
		return fmt.Errorf("--format %q: give text, markdown or pdf", format)
	case layout != signingcopy.SideBySide && layout != signingcopy.Sequential:
		return fmt.Errorf("--layout %q: give %s or %s", layout, signingcopy.SideBySide, signingcopy.Sequential)
	}
	return nil
}

// exportedVersion loads the version to export: the one asked for, or the agreed one, or the
// latest.
func exportedVersion(ctx context.Context, db *sqlstore.DB, id int64, number int) (*entente.AgreementVersion, error) {
	texts := sqlstore.NewAgreementTextService(db)
	if number == 0 {
		a, err := sqlstore.NewAgreementService(db).FindAgreementByID(ctx, id)
		if err != nil {
			return nil, err
		}
		number = a.AgreedVersion
	}
	if number == 0 {
		vs, err := texts.FindAgreementVersions(ctx, id)
		if err != nil {
			return nil, err
		}
		if len(vs) == 0 {
			return nil, fmt.Errorf("agreement %d has no text yet: import a draft first (entente agreement import-draft)", id)
		}
		number = vs[len(vs)-1].Number
	}
	return texts.FindAgreementVersion(ctx, id, number)
}

// writeVersion writes a version in a format.
func writeVersion(ctx context.Context, db *sqlstore.DB, w io.Writer, id int64, v *entente.AgreementVersion, format, layout string) error {
	if format != "pdf" {
		_, err := io.WriteString(w, signingcopy.Text(v, format == "markdown"))
		return err
	}
	html, err := signingCopy(ctx, db, id, v, layout)
	if err != nil {
		return err
	}
	path, err := chromium.Find()
	if err != nil {
		return err
	}
	pdf, err := chromium.NewPrinter(path).PrintPDF(ctx, html)
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}

// signingCopy writes the HTML signing copy of a version.
func signingCopy(ctx context.Context, db *sqlstore.DB, id int64, v *entente.AgreementVersion, layout string) ([]byte, error) {
	a, err := sqlstore.NewAgreementService(db).FindAgreementByID(ctx, id)
	if err != nil {
		return nil, err
	}
	r, err := sqlstore.NewRoadmapService(db).FindRoadmapByID(ctx, a.RoadmapID)
	if err != nil {
		return nil, err
	}
	sigs, err := sqlstore.NewSigningService(db).FindSignatures(ctx, id)
	if err != nil {
		return nil, err
	}
	cat, err := i18n.New()
	if err != nil {
		return nil, err
	}
	return signingcopy.HTML(cat, signingcopy.Document{Agreement: a, Version: v, Parties: r.Parties, Signatures: sigs, Layout: layout})
}

// readDraftFiles reads the drafts named on the command line: LANG=FILE, or FILE in the
// language of --language.
func readDraftFiles(files []string, language string) ([]entente.Draft, error) {
	var drafts []entente.Draft
	for _, f := range files {
		lang, path, ok := strings.Cut(f, "=")
		if !ok {
			lang, path = language, f
		}
		if lang == "" {
			return nil, fmt.Errorf("say the language of %s: --language en, or en=%s", f, f)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, entente.Draft{Language: lang, Text: string(b)})
	}
	return drafts, nil
}

// cmdAgreementImport saves a new version of an agreement from drafts in plain text or
// Markdown, as the system, for a party (the agreement's drafting party by default).
func cmdAgreementImport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "agreement import-draft", "agreement import-draft [--db entente.db] [--language en] [--party BLR] [--round N] [--base N] [--scope shared|PARTY] [--note TEXT] ID FILE [LANG=FILE…]")
	dsn := dbFlag(fs, e)
	language := fs.String("language", "", "the language of a FILE given without LANG=")
	party := fs.String("party", "", "the party that tables the version (default: the agreement's lead party)")
	round := fs.Int("round", -1, "the negotiation round (default: that of the latest version)")
	base := fs.Int("base", -1, "the version the drafts were edited from (default: the latest)")
	scope := fs.String("scope", entente.ScopeShared, "shared, or the party's code for an internal draft")
	note := fs.String("note", "", "a note saved with the version")
	rest, ok, err := parseWithArgs(fs, args)
	if !ok || err != nil {
		return err
	}
	id, err := agreementID(fs, rest)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		fmt.Fprintln(fs.Output(), "missing the draft FILE")
		fs.Usage()
		return errUsage
	}
	drafts, err := readDraftFiles(rest[1:], *language)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	nv := &entente.NewAgreementVersion{AgreementID: id, Party: *party, Round: *round, Base: *base, Scope: *scope, Note: *note, Drafts: drafts}
	if err := importDefaults(ctx, db, nv); err != nil {
		return err
	}
	v, err := sqlstore.NewAgreementTextService(db).CreateAgreementVersion(ctx, nv)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(e.stdout, "Saved version %d of agreement %d (%s, round %d, %s): digest %s.\n", v.Number, id, v.Party, v.Round, v.Scope, v.Digest)
	return nil
}

// importDefaults fills the party, base and round an import leaves out from the agreement and
// its latest version.
func importDefaults(ctx context.Context, db *sqlstore.DB, nv *entente.NewAgreementVersion) error {
	a, err := sqlstore.NewAgreementService(db).FindAgreementByID(ctx, nv.AgreementID)
	if err != nil {
		return err
	}
	if nv.Party == "" {
		if nv.Party = a.LeadParty; nv.Party == "" {
			return fmt.Errorf("agreement %d has no drafting party: say which party tables the version with --party", a.ID)
		}
	}
	vs, err := sqlstore.NewAgreementTextService(db).FindAgreementVersions(ctx, a.ID)
	if err != nil {
		return err
	}
	latest := entente.AgreementVersion{}
	if len(vs) > 0 {
		latest = *vs[len(vs)-1]
	}
	if nv.Base < 0 {
		nv.Base = latest.Number
	}
	if nv.Round < 0 {
		nv.Round = latest.Round
	}
	return nil
}
