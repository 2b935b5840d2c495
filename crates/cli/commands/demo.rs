//! `zhnews demo`: serves the bundled fixture site (`fixtures/site/`, embedded in the binary) on
//! 127.0.0.1 at a free port, crawls it with the real crawler into a fresh database and prints a short
//! report of what it found.
//!
//! The site has a robots.txt (with a disallowed directory and a Crawl-delay), an RSS feed, a Google
//! News sitemap, a listing page, UTF-8 and GBK articles (one GBK page declares its charset only in
//! `<meta>`), a tracking-parameter duplicate and a mobile copy with `<link rel=canonical>`.

use crate::args::GlobalArgs;
use crate::exit::{CommandResult, Exit, Failure};
use crate::lock;
use crate::pipeline::{self, Observer, Plan, Progress, Summary, db, fatal_db, new_url};
use crate::site_server::{self, SiteFile};
use clap::Args;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use zhnews_crawl::{CrawlSettings, Listing, SettingsOverride, SourceConfig, SourcePlan};
use zhnews_model::{
    Amount, AmountKind, Article, EntityKind, Event, EventDetail, Extraction, Modality, Qualifier,
};
use zhnews_store::frontier::Requeue;

/// Arguments of `zhnews demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {}

/// The database the demo writes when `--db` is not given.
pub const DEFAULT_DB: &str = "zhnews-demo.db";

macro_rules! site {
    ($($path:literal => $file:literal, $ct:literal;)*) => {
        &[$(SiteFile {
            path: $path,
            body: include_bytes!(concat!("../../../fixtures/site/", $file)),
            content_type: $ct,
        }),*]
    };
}

/// The fixture site. 1003 is GBK with the charset in the header; 1004 is GBK with it only in
/// `<meta>` (the header says just text/html).
static SITE: &[SiteFile] = site! {
    "/robots.txt" => "robots.txt", "text/plain; charset=utf-8";
    "/index.html" => "index.html", "text/html; charset=utf-8";
    "/about.html" => "about.html", "text/html; charset=utf-8";
    "/feed.xml" => "feed.xml", "application/rss+xml; charset=utf-8";
    "/sitemap.xml" => "sitemap.xml", "application/xml; charset=utf-8";
    "/news/index.html" => "news/index.html", "text/html; charset=utf-8";
    "/news/1001.html" => "news/1001.html", "text/html; charset=utf-8";
    "/news/1002.html" => "news/1002.html", "text/html; charset=utf-8";
    "/news/1003.html" => "news/1003.html", "text/html; charset=GBK";
    "/news/1004.html" => "news/1004.html", "text/html";
    "/news/1005.html" => "news/1005.html", "text/html; charset=utf-8";
    "/news/1006.html" => "news/1006.html", "text/html; charset=utf-8";
    "/m/1006.html" => "m/1006.html", "text/html; charset=utf-8";
    "/private/1099.html" => "private/1099.html", "text/html; charset=utf-8";
};

/// What the report is built from, gathered as articles are stored.
#[derive(Debug, Default)]
struct Report {
    /// Canonical URLs reported: a page and its copy fetched at once are one article.
    seen: std::collections::HashSet<String>,
    titles: Vec<String>,
    people: HashMap<String, usize>,
    companies: HashMap<String, usize>,
    amounts: Vec<String>,
    events: Vec<String>,
}

impl Report {
    fn add(&mut self, article: &Article, x: &Extraction) {
        let key = article.canonical_url.clone().unwrap_or_default();
        if !self.seen.insert(key) {
            return;
        }
        self.titles
            .push(article.title.clone().unwrap_or_else(|| "(untitled)".into()));
        for e in &x.entities {
            let bucket = match e.kind {
                EntityKind::Person => &mut self.people,
                EntityKind::Company => &mut self.companies,
                _ => continue,
            };
            *bucket.entry(e.name.clone()).or_default() += 1;
        }
        for a in x.amounts.iter().filter(|a| a.kind == AmountKind::Money) {
            let line = format!("{} = {}", a.text, amount_value(a));
            if !self.amounts.contains(&line) {
                self.amounts.push(line);
            }
        }
        for ev in &x.events {
            let line = format!("{}: {}", ev.type_name(), event_summary(ev));
            if !self.events.contains(&line) {
                self.events.push(line);
            }
        }
    }
}

/// A normalized amount as a reader checks it: `140000000 CNY (under)`.
fn amount_value(amount: &Amount) -> String {
    let mut out = amount.value.to_string();
    if let Some(max) = amount.max {
        out = format!("{out}..{max}");
    }
    if let Some(currency) = &amount.currency {
        out = format!("{out} {currency}");
    }
    if amount.qualifier != Qualifier::Exact && amount.qualifier != Qualifier::Range {
        out = format!("{out} ({})", amount.qualifier.as_str());
    }
    out
}

/// One event's arguments on one line: `林嘉树 join 星河科技 → 云岚机器人 as CTO, 2024-10`.
fn event_summary(event: &Event) -> String {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "?".to_owned());
    let money = |a: &Option<Amount>| a.as_ref().map_or("?".to_owned(), amount_value);
    let mut line = match &event.detail {
        EventDetail::TalentMove {
            action,
            person,
            from,
            to,
            role,
        } => {
            let action = serde_json::to_value(action).ok();
            let action = action.as_ref().and_then(|v| v.as_str()).unwrap_or("move");
            let mut line = format!("{person} {action} {} → {}", opt(from), opt(to));
            if let Some(role) = role {
                line.push_str(&format!(" as {role}"));
            }
            line
        }
        EventDetail::Funding {
            company,
            round,
            amount,
            lead_investors,
            ..
        } => {
            let mut line = format!("{company} raised {} in round {}", money(amount), opt(round));
            if !lead_investors.is_empty() {
                line.push_str(&format!(", led by {}", lead_investors.join("、")));
            }
            line
        }
        EventDetail::Valuation { company, amount } => {
            format!("{company} valued at {}", money(amount))
        }
        EventDetail::Acquisition {
            acquirer,
            target,
            seller,
            stake,
            amount,
        } => {
            let mut line = format!("{} buys {}", opt(acquirer), opt(target));
            if let Some(stake) = stake {
                line.push_str(&format!(" ({stake})"));
            }
            if let Some(seller) = seller {
                line.push_str(&format!(" from {seller}"));
            }
            line.push_str(&format!(" for {}", money(amount)));
            line
        }
        EventDetail::Ipo {
            company,
            exchange,
            amount,
        } => {
            format!(
                "{company} lists on {} raising {}",
                opt(exchange),
                money(amount)
            )
        }
        EventDetail::Layoff {
            company,
            count,
            share,
        } => {
            format!("{company} cuts {} / {}", money(count), money(share))
        }
        EventDetail::Spend {
            company,
            purpose,
            amount,
        } => {
            format!("{company} spends {} on {}", money(amount), opt(purpose))
        }
    };
    if let Some(date) = &event.date {
        line.push_str(&format!(", {date}"));
    }
    if event.modality != Modality::Asserted {
        line.push_str(&format!(
            " [{}]",
            serde_json::to_value(event.modality)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ));
    }
    line
}

fn top(counts: &HashMap<String, usize>, n: usize) -> String {
    let mut v: Vec<(&String, &usize)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = v
        .iter()
        .take(n)
        .map(|(name, c)| format!("{name} ({c})"))
        .collect();
    if shown.is_empty() {
        "none found".into()
    } else {
        shown.join(", ")
    }
}

/// The database to use: `--db` when given, else [`DEFAULT_DB`].
fn demo_db(global: &GlobalArgs) -> PathBuf {
    if global.db == Path::new("zhnews.db") {
        PathBuf::from(DEFAULT_DB)
    } else {
        global.db.clone()
    }
}

/// Makes room for a fresh database: the default demo file is replaced; any other existing file is
/// left alone and refused, since it may be someone's real database.
fn fresh(path: &Path) -> Result<(), Failure> {
    if !path.exists() {
        return Ok(());
    }
    if path != Path::new(DEFAULT_DB) {
        return Err(Failure::usage(format!(
            "{} exists; the demo writes a fresh database: remove it or choose another --db",
            path.display()
        )));
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(PathBuf::from(p)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Failure::fatal(format!(
                    "cannot replace {}: {e}",
                    path.display()
                )));
            }
        }
    }
    Ok(())
}

/// Runs `zhnews demo`.
pub fn run(global: &GlobalArgs, _args: DemoArgs) -> CommandResult {
    let db_path = demo_db(global);
    let extractor = Arc::new(crate::commands::extract::build_extractor(global)?);
    let _lock = lock::acquire(&db_path, "demo")?;
    fresh(&db_path)?;
    let rt = pipeline::runtime()?;
    let report = Arc::new(Mutex::new(Report::default()));
    let (summary, stop, store, run_id, base) = rt.block_on(async {
        let signals = pipeline::watch_signals()?;
        let addr = site_server::serve(SITE)
            .await
            .map_err(|e| Failure::fatal(format!("cannot serve the demo site: {e}")))?;
        let base = format!("http://{addr}");
        tracing::info!("serving the demo site at {base}/");
        let settings = CrawlSettings {
            per_host_concurrency: 4,
            per_host_delay_ms: 10,
            timeout_s: 10.0,
            max_attempts: 2,
            backoff_base_ms: 100,
            ..CrawlSettings::default()
        };
        let source = SourceConfig {
            name: "demo".into(),
            feeds: vec![format!("{base}/feed.xml")],
            sitemaps: vec![format!("{base}/sitemap.xml")],
            listings: vec![Listing::Detailed {
                url: format!("{base}/news/"),
                selector: Some("ul.news-list a".into()),
                pattern: None,
            }],
            article_pattern: Some(r"^http://127\.0\.0\.1:\d+/(news|m|private)/\d+\.html$".into()),
            overrides: SettingsOverride::default(),
        };
        let plan_source = SourcePlan::new(&source, &settings).map_err(Failure::fatal)?;
        let store = pipeline::open_store(&db_path)?;
        let run_id = db(&store, |s| s.begin_run("demo"))
            .await
            .map_err(fatal_db)?;
        let starts: Vec<_> = plan_source
            .start
            .iter()
            .map(|(u, k)| new_url(u, *k, "demo"))
            .collect();
        db(&store, move |s| {
            s.enqueue(&starts, Requeue::OncePerRun, run_id)
        })
        .await
        .map_err(fatal_db)?;
        let sink = report.clone();
        let observer: Observer = Arc::new(move |a: &Article, x: &Extraction| {
            sink.lock().unwrap_or_else(|e| e.into_inner()).add(a, x);
        });
        let plan = Plan {
            command: "demo",
            jobs: HashMap::from([("demo".to_owned(), plan_source)]),
            base: settings,
            max_pages: None,
            deadline: Some(tokio::time::Instant::now() + Duration::from_secs(120)),
            refetch: false,
            progress: Progress::Quiet,
            observer: Some(observer),
        };
        let summary = Summary {
            command: "demo".into(),
            ..Summary::default()
        };
        let (summary, stop) = pipeline::run(
            store.clone(),
            extractor,
            plan,
            run_id,
            None,
            signals,
            summary,
        )
        .await?;
        Ok::<_, Failure>((summary, stop, store, run_id, base))
    })?;
    let report = report.lock().unwrap_or_else(|e| e.into_inner());
    println!("zhnews demo: crawled {base}/ into {}", db_path.display());
    println!("{}", summary.line());
    println!("articles ({}):", report.titles.len());
    for t in &report.titles {
        println!("  - {t}");
    }
    println!("top people: {}", top(&report.people, 8));
    println!("top companies: {}", top(&report.companies, 8));
    let amounts: Vec<&str> = report.amounts.iter().take(12).map(String::as_str).collect();
    println!(
        "amounts: {}",
        if amounts.is_empty() {
            "none found".to_owned()
        } else {
            amounts.join(", ")
        }
    );
    println!("events ({}):", report.events.len());
    for e in report.events.iter().take(10) {
        println!("  - {e}");
    }
    println!(
        "try: zhnews --db {} export entities | head",
        db_path.display()
    );
    let exit = pipeline::exit_code(&summary, stop, Some(0.5));
    let json = serde_json::to_string(&summary).unwrap_or_default();
    let code = exit.as_u8();
    rt.block_on(db(&store, move |s| s.finish_run(run_id, code, &json)))
        .map_err(fatal_db)?;
    // The robots.txt skip is part of the show, not a failure.
    Ok(if exit == Exit::Failures && summary.failed == 0 {
        Exit::Ok
    } else {
        exit
    })
}
