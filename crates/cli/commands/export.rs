//! `zhnews export`: rows out of the database as JSONL (the main format, schema versioned by the
//! `"schema"` field of every row) or CSV (flattened, with a header, safe to open in a spreadsheet).
//!
//! Rows are written as the query steps, so memory stays constant whatever the export's size. With
//! `--out` the rows go to a temporary file beside the target, renamed over it only when complete: a
//! failed or interrupted export never leaves a truncated file under the target's name.

use crate::args::GlobalArgs;
use crate::commands::output_error;
use crate::commands::store_failure;
use crate::exit::{CommandResult, Exit, Failure};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use zhnews_store::export::{ExportFilter, ExportKind, ExportRow};
use zhnews_store::{Store, StoreError};

/// Arguments of `zhnews export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    pub what: What,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Only rows on or after this date (article publish date; for events the event's date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only rows on or before this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Only these types: event types for events (talent_move, funding, valuation, acquisition, ipo,
    /// layoff, spend), entity kinds for entities and mentions (person, company, product, org),
    /// amount kinds for amounts (money, count, percent). Repeat or separate with commas.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Only rows about this entity (canonical name or alias).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Write to this file (atomically: a temporary file renamed at the end) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte order mark so Excel reads Chinese text correctly.
    #[arg(long)]
    pub bom: bool,
}

/// What to export.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum What {
    /// Events merged across articles, with support counts.
    Events,
    /// Entity mentions, one per occurrence.
    Mentions,
    /// Entities with aliases and mention counts.
    Entities,
    /// Articles with their body.
    Articles,
    /// Amounts: money, counts, percentages.
    Amounts,
}

impl What {
    fn kind(self) -> ExportKind {
        match self {
            What::Events => ExportKind::Events,
            What::Mentions => ExportKind::Mentions,
            What::Entities => ExportKind::Entities,
            What::Articles => ExportKind::Articles,
            What::Amounts => ExportKind::Amounts,
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// Runs `zhnews export`.
pub fn run(global: &GlobalArgs, args: ExportArgs) -> CommandResult {
    let kind = args.what.kind();
    let filter = filter(&args, kind)?;
    if args.bom && args.format != Format::Csv {
        return Err(Failure::usage("--bom applies to --format csv only"));
    }
    let store = Store::open_existing(&global.db).map_err(|e| store_failure(&global.db, e))?;
    let written = match &args.out {
        None => {
            let stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            match write_rows(&store, kind, &filter, &args, stdout) {
                Ok(written) => written,
                // The reader went away (`zhnews export … | head`): it has what it wanted.
                Err(WriteError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
                    return Ok(Exit::Ok);
                }
                Err(WriteError::Io(e)) => return Err(output_error(e)),
                Err(WriteError::Store(e)) => return Err(store_failure(&global.db, e)),
            }
        }
        Some(out) => write_file(&store, kind, &filter, &args, out, &global.db)?,
    };
    tracing::info!(
        "exported {written} {}{}",
        kind.as_str(),
        args.out
            .as_ref()
            .map(|p| format!(" to {}", p.display()))
            .unwrap_or_default()
    );
    Ok(Exit::Ok)
}

/// Checks the filter options against the kind exported.
fn filter(args: &ExportArgs, kind: ExportKind) -> Result<ExportFilter, Failure> {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        return Err(Failure::usage(format!(
            "--since {since} is after --until {until}"
        )));
    }
    let known = kind.types();
    for t in &args.types {
        if known.is_empty() {
            return Err(Failure::usage(format!(
                "--type does not apply to {}",
                kind.as_str()
            )));
        }
        if !known.contains(&t.as_str()) {
            return Err(Failure::usage(format!(
                "unknown --type `{t}` for {} (expected one of: {})",
                kind.as_str(),
                known.join(", ")
            )));
        }
    }
    Ok(ExportFilter {
        since: args.since,
        until: args.until,
        types: args.types.clone(),
        entity: args.entity.clone().filter(|e| !e.trim().is_empty()),
    })
}

/// Why writing rows stopped.
enum WriteError {
    /// The destination failed.
    Io(io::Error),
    /// The database failed.
    Store(StoreError),
}

impl From<StoreError> for WriteError {
    fn from(error: StoreError) -> WriteError {
        match error {
            StoreError::Output(e) => WriteError::Io(e),
            other => WriteError::Store(other),
        }
    }
}

/// Writes to a temporary file in the target's directory and renames it over the target when done.
fn write_file(
    store: &Store,
    kind: ExportKind,
    filter: &ExportFilter,
    args: &ExportArgs,
    out: &Path,
    db: &Path,
) -> Result<u64, Failure> {
    let directory = match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .filter(|_| !out.is_dir())
        .ok_or_else(|| Failure::usage(format!("--out {} is a directory", out.display())))?;
    let temp = directory.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| Failure::usage(format!("cannot write {}: {e}", out.display())))?;
    let result = write_rows(
        store,
        kind,
        filter,
        args,
        BufWriter::with_capacity(1 << 16, file),
    )
    .and_then(|written| {
        // Written rows reach the disk before the rename makes them visible under the name.
        File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(WriteError::Io)?;
        std::fs::rename(&temp, out).map_err(WriteError::Io)?;
        Ok(written)
    });
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        match e {
            WriteError::Io(e) => Failure::fatal(format!("cannot write {}: {e}", out.display())),
            WriteError::Store(e) => store_failure(db, e),
        }
    })
}

/// Streams the rows into `out` in the chosen format; returns how many were written.
fn write_rows<W: Write>(
    store: &Store,
    kind: ExportKind,
    filter: &ExportFilter,
    args: &ExportArgs,
    mut out: W,
) -> Result<u64, WriteError> {
    let written = match args.format {
        Format::Jsonl => store.export(kind, filter, |row| {
            serde_json::to_writer(&mut out, row)?;
            out.write_all(b"\n")
        })?,
        Format::Csv => {
            if args.bom {
                out.write_all("\u{feff}".as_bytes())
                    .map_err(WriteError::Io)?;
            }
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(kind.columns()).map_err(csv_error)?;
            let written = store.export(kind, filter, |row: &ExportRow| {
                let mut cells = row.cells();
                cells.iter_mut().for_each(neutralize);
                csv.write_record(&cells).map_err(|e| match e.into_kind() {
                    csv::ErrorKind::Io(e) => e,
                    other => io::Error::other(format!("{other:?}")),
                })
            })?;
            csv.flush().map_err(WriteError::Io)?;
            written
        }
    };
    out.flush().map_err(WriteError::Io)?;
    Ok(written)
}

fn csv_error(error: csv::Error) -> WriteError {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => WriteError::Io(e),
        other => WriteError::Io(io::Error::other(format!("{other:?}"))),
    }
}

/// Keeps a spreadsheet from reading a cell as a formula: a cell starting with `=`, `+`, `-`, `@`,
/// tab or carriage return gets a leading `'`, unless it is a plain number (`-3.5` stays a number).
fn neutralize(cell: &mut String) {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        cell.insert(0, '\'');
    }
}

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    fn neutralize(cell: &str) -> String {
        let mut cell = cell.to_owned();
        super::neutralize(&mut cell);
        cell
    }

    #[test]
    fn formula_cells_are_neutralized_and_numbers_kept() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("+86 10"), "'+86 10");
        assert_eq!(
            neutralize("-2+3+cmd|' /C calc'!A0"),
            "'-2+3+cmd|' /C calc'!A0"
        );
        assert_eq!(neutralize("-3.5"), "-3.5");
        assert_eq!(neutralize("字节跳动"), "字节跳动");
        assert_eq!(neutralize(""), "");
    }
}
