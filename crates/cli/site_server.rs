//! A tiny static HTTP/1.1 server for `zhnews demo`: serves the fixture site embedded in the binary on
//! 127.0.0.1, so the demo runs the real crawler over real sockets from any directory.
//!
//! `{{BASE}}` in a text file is replaced by the server's own `http://127.0.0.1:PORT`, so feeds and
//! sitemaps can hold absolute URLs. Every file has an ETag; a matching `If-None-Match` gets a 304.
//! One request per connection (`Connection: close`): plenty for a demo, and nothing to get wrong.

use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One served file.
#[derive(Debug, Clone, Copy)]
pub struct SiteFile {
    /// The URL path (`/news/1001.html`).
    pub path: &'static str,
    /// The bytes.
    pub body: &'static [u8],
    /// The Content-Type header value.
    pub content_type: &'static str,
}

/// Starts serving `files` on 127.0.0.1 at a free port; the server lives as long as the runtime.
pub async fn serve(files: &'static [SiteFile]) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let base = format!("http://{addr}");
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                continue;
            };
            let base = base.clone();
            tokio::spawn(async move {
                let mut buf = Vec::with_capacity(1024);
                let mut chunk = [0u8; 1024];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
                    match socket.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
                let response = respond(files, &base, &String::from_utf8_lossy(&buf));
                let _ = socket.write_all(&response).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    Ok(addr)
}

fn respond(files: &[SiteFile], base: &str, request: &str) -> Vec<u8> {
    let mut lines = request.lines();
    let target = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    let if_none_match = lines.find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("if-none-match")
            .then(|| v.trim().to_owned())
    });
    let Some(file) = files.iter().find(|f| f.path == path) else {
        let body = b"not found";
        return head("404 Not Found", "text/plain", body.len(), None)
            .into_iter()
            .chain(body.iter().copied())
            .collect();
    };
    let body: Vec<u8> = match std::str::from_utf8(file.body) {
        Ok(text) => text.replace("{{BASE}}", base).into_bytes(),
        // GBK pages hold no placeholders; their bytes are served untouched.
        Err(_) => file.body.to_vec(),
    };
    let etag = format!("\"{:016x}\"", fnv(&body));
    if if_none_match.as_deref() == Some(etag.as_str()) {
        return head("304 Not Modified", file.content_type, 0, Some(&etag));
    }
    let mut out = head("200 OK", file.content_type, body.len(), Some(&etag));
    out.extend_from_slice(&body);
    out
}

fn head(status: &str, content_type: &str, len: usize, etag: Option<&str>) -> Vec<u8> {
    let mut h = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len}\r\nConnection: close\r\n"
    );
    if let Some(e) = etag {
        h.push_str(&format!("ETag: {e}\r\n"));
    }
    h.push_str("\r\n");
    h.into_bytes()
}

/// FNV-1a: a stable content hash for ETags.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}
