//! `zhnews extract`: text (or an HTML page, or a JSONL batch) in, entities/amounts/events JSON out.
//! No database is touched.

use crate::args::GlobalArgs;
use crate::commands::{output_error, read_input};
use crate::config;
use crate::exit::{CommandResult, Exit, Failure};
use chrono::NaiveDate;
use clap::Args;
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use zhnews_extract::{Dictionary, Extractor};
use zhnews_model::Extraction;

/// Arguments of `zhnews extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The input file, or `-` for standard input.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// The input is an HTML page: its article text is extracted first (offsets refer to `text`).
    #[arg(long, conflicts_with = "jsonl")]
    pub html: bool,
    /// Batch mode: each input line is {"id": any, "text": string, "published": "YYYY-MM-DD"?}; each
    /// output line is {"id", "entities", "amounts", "events"}, in input order.
    #[arg(long)]
    pub jsonl: bool,
    /// With --jsonl: skip malformed lines (each is logged with its line number; exit code 1 at the end).
    #[arg(long, requires = "jsonl")]
    pub keep_going: bool,
    /// The publish date that relative dates (今年8月) are resolved against.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Pretty-print the JSON (single-document mode).
    #[arg(long, conflicts_with = "jsonl")]
    pub pretty: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// Builds the extractor: embedded dictionaries plus the user's from `[extract] dictionaries`.
pub fn build_extractor(global: &GlobalArgs) -> Result<Extractor, Failure> {
    let config = config::load(global.config.as_deref())?;
    let mut dictionary = Dictionary::embedded();
    for path in &config.extract.dictionaries {
        dictionary
            .extend_from_file(path)
            .map_err(|e| Failure::usage(e.to_string()))?;
    }
    Ok(Extractor::with_dictionary(dictionary))
}

/// Runs `zhnews extract`.
pub fn run(global: &GlobalArgs, args: ExtractArgs) -> CommandResult {
    let extractor = build_extractor(global)?;
    if args.jsonl {
        return run_jsonl(&extractor, &args);
    }
    let bytes = read_input(&args.input)?;
    let origin = input_name(&args);
    let (text, title, published) = if args.html {
        let article = zhnews_article::extract(&bytes, &zhnews_article::PageInfo::default())
            .map_err(|e| Failure::usage(format!("{origin}: {e}")))?;
        let published = args
            .published
            .or(article.published_at.map(|t| t.date_naive()));
        (article.body, article.title, published)
    } else {
        let text = String::from_utf8(bytes).map_err(|e| {
            Failure::usage(format!(
                "{origin} is not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        (text, None, args.published)
    };
    if text.trim().is_empty() {
        return Err(Failure::usage(format!(
            "{origin} is empty: no text to extract from"
        )));
    }
    let extraction = extractor.extract(&text, published);
    let document = Document {
        title,
        text: args.html.then_some(&text),
        extraction,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if args.pretty {
        serde_json::to_writer_pretty(&mut out, &document)
    } else {
        serde_json::to_writer(&mut out, &document)
    };
    written.map_err(|e| output_error(e.into()))?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(output_error)?;
    Ok(Exit::Ok)
}

fn input_name(args: &ExtractArgs) -> String {
    if args.input.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        args.input.display().to_string()
    }
}

/// Single-document output.
#[derive(Serialize)]
struct Document<'a> {
    /// The article title, for --html.
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    /// The text the offsets refer to, for --html.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a String>,
    #[serde(flatten)]
    extraction: Extraction,
}

/// One input line of batch mode.
#[derive(Deserialize)]
struct BatchInput {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// One output line of batch mode.
#[derive(Serialize)]
struct BatchOutput<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    extraction: Extraction,
}

/// Lines read and extracted together: enough to keep every core busy, few enough that memory stays
/// bounded whatever the input size.
const BATCH_LINES: usize = 256;

fn run_jsonl(extractor: &Extractor, args: &ExtractArgs) -> CommandResult {
    let origin = input_name(args);
    let mut reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(&args.input)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", args.input.display())))?;
        Box::new(BufReader::with_capacity(1 << 20, file))
    };
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut skipped = 0usize;
    let mut lines_seen = 0usize;
    loop {
        // (line number, raw bytes) of the next non-blank lines.
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
        while batch.len() < BATCH_LINES {
            let mut line = Vec::new();
            let read = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| Failure::usage(format!("cannot read {origin}: {e}")))?;
            if read == 0 {
                break;
            }
            lines_seen += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                batch.push((lines_seen, line));
            }
        }
        if batch.is_empty() {
            break;
        }
        for (line_number, result) in extract_batch(extractor, &batch, workers) {
            match result {
                Ok(json) => {
                    out.write_all(json.as_bytes()).map_err(output_error)?;
                    out.write_all(b"\n").map_err(output_error)?;
                }
                Err(message) => {
                    let message = format!("{origin}:{line_number}: {message}");
                    if !args.keep_going {
                        out.flush().map_err(output_error)?;
                        return Err(Failure::usage(message));
                    }
                    tracing::error!("{message} (skipped)");
                    skipped += 1;
                }
            }
        }
    }
    out.flush().map_err(output_error)?;
    if lines_seen == 0 {
        return Err(Failure::usage(format!(
            "{origin} is empty: no lines to extract from"
        )));
    }
    if skipped > 0 {
        tracing::warn!("{skipped} malformed line(s) skipped");
        return Ok(Exit::Failures);
    }
    Ok(Exit::Ok)
}

/// Parses and extracts a batch of lines on `workers` threads; results keep the input order.
fn extract_batch(
    extractor: &Extractor,
    batch: &[(usize, Vec<u8>)],
    workers: usize,
) -> Vec<(usize, Result<String, String>)> {
    let process = |(line_number, line): &(usize, Vec<u8>)| {
        let result = parse_batch_line(line).and_then(|(input, published)| {
            let extraction = extractor.extract(&input.text, published);
            serde_json::to_string(&BatchOutput {
                id: &input.id,
                extraction,
            })
            .map_err(|e| format!("cannot encode output: {e}"))
        });
        (*line_number, result)
    };
    if workers <= 1 || batch.len() < 2 {
        return batch.iter().map(process).collect();
    }
    let chunk = batch.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(process).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("extraction thread panicked"))
            .collect()
    })
}

fn parse_batch_line(line: &[u8]) -> Result<(BatchInput, Option<NaiveDate>), String> {
    let text = std::str::from_utf8(line).map_err(|_| "not valid UTF-8".to_owned())?;
    let input: BatchInput = serde_json::from_str(text)
        .map_err(|e| format!("not a JSON object with \"id\" and \"text\": {e}"))?;
    let published = match input.published.as_deref() {
        None | Some("") => None,
        Some(date) => Some(parse_date(date)?),
    };
    Ok((input, published))
}
