//! Shared by the crawl, backfill and demo tests: a scriptable HTTP/1.1 server on 127.0.0.1:0 (threads
//! over std::net, one request per connection), article pages to serve, and helpers to run the binary
//! and read its database.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
    /// 1 for the first request to this path, 2 for the second…
    pub nth: usize,
    pub at: Instant,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// What the server does with a request.
pub enum Reply {
    /// A complete response.
    Send {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Headers with this Content-Length, then that many filler bytes written in chunks.
    Huge { len: usize },
    /// Never answer (hold the connection open for a minute).
    Hang,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Send {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }
    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::ok("text/html; charset=utf-8", body)
    }
    pub fn status(status: u16) -> Reply {
        Reply::Send {
            status,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: format!("status {status}").into_bytes(),
        }
    }
    pub fn with(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Reply {
        Reply::Send {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            body: body.into(),
        }
    }
}

type Handler = dyn Fn(&Request, &str) -> Reply + Send + Sync;

/// A running test server; it lives until the test process ends.
pub struct Server {
    pub addr: SocketAddr,
    pub base: String,
    log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    /// Starts a server whose `handler` gets each request and the server's base URL.
    pub fn start(handler: impl Fn(&Request, &str) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_on("127.0.0.1", handler)
    }

    /// Same on another loopback address (127.0.0.x), to make another host.
    pub fn start_on(
        ip: &str,
        handler: impl Fn(&Request, &str) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind((ip, 0)).unwrap();
        let addr = listener.local_addr().unwrap();
        let base = format!("http://{addr}");
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let (log2, base2) = (log.clone(), base.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (log, handler, base) = (log2.clone(), handler.clone(), base2.clone());
                std::thread::spawn(move || serve(stream, &log, &*handler, &base));
            }
        });
        Server { addr, base, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    /// Requests to `path` (query included) so far.
    pub fn hits(&self, path: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .count()
    }

    /// Times of the requests to `path`.
    pub fn times(&self, path: &str) -> Vec<Instant> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .map(|r| r.at)
            .collect()
    }
}

fn serve(mut stream: TcpStream, log: &Mutex<Vec<Request>>, handler: &Handler, base: &str) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    let mut lines = text.lines();
    let path = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_owned();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let request = {
        let mut log = log.lock().unwrap();
        let nth = log.iter().filter(|r| r.path == path).count() + 1;
        let r = Request {
            path,
            headers,
            nth,
            at: Instant::now(),
        };
        log.push(r.clone());
        r
    };
    match handler(&request, base) {
        Reply::Send {
            status,
            headers,
            body,
        } => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Reply::Huge { len } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes());
            let block = vec![b'a'; 64 * 1024];
            let mut left = len;
            while left > 0 {
                let n = left.min(block.len());
                if stream.write_all(&block[..n]).is_err() {
                    return;
                }
                left -= n;
            }
        }
        Reply::Hang => std::thread::sleep(Duration::from_secs(60)),
    }
    let _ = stream.flush();
}

/// An article page the article extractor reads as one (title, time, several paragraphs).
pub fn article_html(id: u32, charset: &str) -> String {
    let (person, company) = PEOPLE[id as usize % PEOPLE.len()];
    format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{company}发布新一代大模型产品 第{id}期_测试科技网</title>
<meta property="og:title" content="{company}发布新一代大模型产品 第{id}期">
<meta property="article:published_time" content="2025-09-{day:02}T10:00:00+08:00">
</head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="article"><h1>{company}发布新一代大模型产品 第{id}期</h1>
<div class="meta">2025-09-{day:02} 10:00 作者：测试记者</div>
<div class="content">
<p>9月{day}日消息，{company}今日在北京举行发布会，正式推出新一代大模型产品。公司创始人兼CEO{person}在发布会上表示，新产品在推理能力和多模态理解上都有明显提升。</p>
<p>据介绍，{company}今年已累计投入超过{money}亿元用于模型研发和算力建设，研发团队规模已扩大到800人。{person}透露，公司计划在明年上半年推出面向企业客户的专业版本。</p>
<p>业内人士认为，随着大模型应用逐步落地，国内厂商之间的竞争将更加激烈，{company}此次发布的新品有望进一步巩固其在企业服务市场的地位。</p>
<p>编号：{id}。本文为测试站点自动生成的稿件，内容仅用于抓取测试。</p>
</div></div></body></html>"#,
        day = id % 28 + 1,
        money = id % 9 + 2,
    )
}

const PEOPLE: &[(&str, &str)] = &[
    ("陈思远", "月影智能"),
    ("林嘉树", "云岚机器人"),
    ("黄子涵", "深蓝动力"),
    ("罗一鸣", "极光出行"),
    ("郑国栋", "华芯半导体"),
];

/// RSS 2.0 feed of these absolute links.
pub fn rss(links: &[String]) -> String {
    let items: String = links
        .iter()
        .map(|l| {
            format!(
                "<item><title>t</title><link>{}</link></item>",
                l.replace('&', "&amp;")
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>测试</title>{items}</channel></rss>"#
    )
}

/// A `<urlset>` sitemap of these links.
pub fn urlset(links: &[String]) -> String {
    let urls: String = links
        .iter()
        .map(|l| format!("<url><loc>{}</loc></url>", l.replace('&', "&amp;")))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>"#
    )
}

/// A temporary directory with a database path and a config writer.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("zhnews.db")
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// Writes a config with fast test settings plus `extra` (usually `[[sources]]`), returns its path.
    pub fn config(&self, crawl_extra: &str, sources: &str) -> PathBuf {
        let defaults = "per_host_delay_ms = 0\nper_host_concurrency = 4\nconcurrency = 16\ntimeout_s = 3\nmax_attempts = 3\nbackoff_base_ms = 50\nmax_backoff_s = 5";
        let key = |l: &str| l.split('=').next().unwrap_or("").trim().to_owned();
        let extra: Vec<&str> = crawl_extra
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let mut lines: Vec<&str> = defaults
            .lines()
            .filter(|d| !extra.iter().any(|e| key(e) == key(d)))
            .collect();
        lines.extend(extra);
        let text = format!("[crawl]\n{}\n{sources}\n", lines.join("\n"));
        let path = self.path("config.toml");
        std::fs::write(&path, text).unwrap();
        path
    }
    /// A command for the binary with `--db` and (if written) `--config` set.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_zhnews"));
        c.arg("--db").arg(self.db());
        let config = self.path("config.toml");
        if config.exists() {
            c.arg("--config").arg(config);
        }
        c.env_remove("ZHNEWS_DB")
            .env_remove("ZHNEWS_CONFIG")
            .env_remove("RUST_LOG");
        c
    }
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }
    pub fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).unwrap()
    }
    pub fn count(&self, sql: &str) -> i64 {
        self.sql().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code, panicking with the output when the process was killed by a signal.
pub fn code(o: &Output) -> i32 {
    o.status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {}\n{}", stdout(o), stderr(o)))
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}
