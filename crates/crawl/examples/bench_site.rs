//! The crawl benchmark's site: many local "hosts" (127.0.0.1, 127.0.0.2, … each on its own port)
//! serving generated Chinese tech-news article pages, plus the URL list for `zhnews backfill`.
//!
//! Usage: `bench_site HOSTS PAGES LIST_FILE` — writes one URL per line to LIST_FILE (page i on host
//! i mod HOSTS), prints `ready` and serves until killed. HTTP/1.1 with keep-alive; robots.txt is 404.
//! Used by `crates/crawl/benches/backfill.sh`; not a test server (no scripting).

use std::io::Write;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const COMPANIES: &[&str] = &[
    "月影智能",
    "云岚机器人",
    "深蓝动力",
    "极光出行",
    "华芯半导体",
    "星河科技",
    "北辰汽车",
    "宁远能源",
];
const PEOPLE: &[&str] = &[
    "陈思远",
    "林嘉树",
    "黄子涵",
    "罗一鸣",
    "郑国栋",
    "许文博",
    "王振宇",
    "高建华",
];
const INVESTORS: &[&str] = &["青松资本", "远山创投", "南岭资本", "星火天使"];

fn page(id: usize) -> String {
    let c = COMPANIES[id % COMPANIES.len()];
    let c2 = COMPANIES[(id / 8 + 3) % COMPANIES.len()];
    let p = PEOPLE[id % PEOPLE.len()];
    let p2 = PEOPLE[(id / 8 + 5) % PEOPLE.len()];
    let inv = INVESTORS[id % INVESTORS.len()];
    let money = id % 90 + 5;
    let day = id % 28 + 1;
    format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{c}完成{money}亿元融资 第{id}号_基准科技网</title>
<meta property="og:title" content="{c}完成{money}亿元融资 第{id}号">
<meta property="article:published_time" content="2025-08-{day:02}T09:00:00+08:00">
<meta name="author" content="基准记者">
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news/">资讯</a></div>
<div class="article"><h1>{c}完成{money}亿元融资 第{id}号</h1>
<div class="meta">2025-08-{day:02} 09:00 来源：基准科技网</div>
<div class="content">
<p>8月{day}日消息，{c}宣布完成{money}亿元人民币新一轮融资，本轮由{inv}领投，多家产业资本跟投。公司创始人兼CEO{p}表示，资金将用于大模型研发和海外市场拓展。</p>
<p>{c}成立于2021年，总部位于上海，目前员工超过{emp}人。去年公司营收约为{rev}亿元，同比增长{growth}%。{p}此前曾在{c2}担任技术副总裁。</p>
<p>与此同时，前{c2}首席财务官{p2}已于近日加入{c}，出任首席财务官，负责公司融资与投资者关系。业内人士认为，这一任命将帮助{c}为后续上市做准备。</p>
<p>据了解，{c}计划在未来两年内投入约{invest}亿元建设新的研发中心，并与{c2}在智能驾驶芯片领域展开合作，双方合作金额超过{deal}亿元。</p>
<p>分析人士指出，今年以来国内人工智能领域融资活跃，上半年披露的融资事件超过{events}起，总金额约为{total}亿元。</p>
</div></div>
<div class="footer">基准科技网 · 第{id}号稿件</div>
</body></html>"#,
        emp = 200 + id % 1800,
        rev = id % 40 + 1,
        growth = id % 150 + 10,
        invest = id % 30 + 3,
        deal = id % 12 + 1,
        events = 300 + id % 200,
        total = 800 + id % 900,
    )
}

async fn serve(mut socket: TcpStream) {
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let request = String::from_utf8_lossy(&buf[..end]).into_owned();
        buf.drain(..end);
        let path = request
            .lines()
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or("/");
        let close = request.to_ascii_lowercase().contains("connection: close");
        let id = path
            .strip_prefix("/p/")
            .and_then(|p| p.strip_suffix(".html"))
            .and_then(|p| p.parse::<usize>().ok());
        let (status, body) = match id {
            Some(id) => ("200 OK", page(id)),
            None => ("404 Not Found", "not found".to_owned()),
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        if socket.write_all(head.as_bytes()).await.is_err()
            || socket.write_all(body.as_bytes()).await.is_err()
        {
            return;
        }
        if close {
            return;
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: bench_site HOSTS PAGES LIST_FILE");
        std::process::exit(2);
    }
    let hosts: usize = args[1].parse().unwrap_or(100).clamp(1, 250);
    let pages: usize = args[2].parse().unwrap_or(10_000);
    let mut bases = Vec::new();
    for h in 0..hosts {
        let listener = TcpListener::bind((format!("127.0.0.{}", h + 1), 0)).await?;
        bases.push(format!("http://{}", listener.local_addr()?));
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(serve(socket));
            }
        });
    }
    let mut list = std::io::BufWriter::new(std::fs::File::create(&args[3])?);
    for i in 0..pages {
        writeln!(list, "{}/p/{i}.html", bases[i % hosts])?;
    }
    list.flush()?;
    println!("ready");
    std::future::pending::<()>().await;
    Ok(())
}
