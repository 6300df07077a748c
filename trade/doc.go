// Package trade turns trade statistics into evidence for a roadmap: what two parties trade,
// which products each is strong in, how well one's exports match the other's imports, and
// which products have untapped potential, tied to the roadmap's tracks.
//
// # Loading
//
// Load reads CEPII BACI flow files (t,i,j,k,v,q; one per year, about 11 million rows),
// BACI's country and product dictionaries, and simpler export tables (exporter, product,
// value, with or without a year), plain or gzip-compressed, recognising each by its header.
// BACI files are streamed: a reader goroutine reads and decompresses while the parser folds
// HS6 rows into HS4 cells, so memory follows the number of cells, not of rows. Bad lines are
// counted by Reason and the first ones kept with file and line; good lines are kept. Each
// data file becomes a Dataset whose DatasetID hashes its content, kind and code tables, so a
// file already loaded is not parsed again.
//
// # Units and codes
//
// Values are whole US dollars (BACI's thousands are multiplied out, exactly: BACI has three
// decimals). Quantities are kilograms (BACI's tonnes × 1000), summed over the rows that report
// one. Parties are ISO 3166-1 alpha-3 codes; BACI's numeric codes are mapped through its own
// dictionary or the embedded default, which knows BACI's exceptions (842 USA with Puerto Rico,
// 251 France with Monaco, 699 India, 757 Switzerland, 490 Other Asia nes as S19, …). Products
// are HS4 headings, or HS sections (1–21) for tables given by section. The HS 2022
// nomenclature (sections, chapters, headings with short descriptions) is embedded, generated
// by internal/gen from the public-domain files beside the repository.
//
// # Storage
//
// A Table (one year of one dataset) encodes to one compact blob (Table.Encode, Decode):
// columnar, run-length and delta coded, DEFLATE-compressed. The database keeps one row per
// dataset and year; see encode.go for the layout and the package benchmarks for sizes.
//
// # Indicators
//
// Methods of Table compute Balassa RCA (RCA, RCAMatrix), the trade complementarity index
// (Complementarity), the trade intensity index (Intensity) and an export-potential ranking
// (Potential); BilateralFlows and SeriesBySection work across years. Each documents its
// formula. Indicators that need imports say so (Available false, with a Reason) on export-only
// tables instead of computing from missing data. TrackProducts maps a roadmap track's sector
// to its HS ranges. The CSV writers (WriteRCACSV, …) and text writers (WriteRCAText, …) give
// pages and the command line their tables.
package trade
