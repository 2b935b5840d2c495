//! Configuration: the defaults embedded in the binary (`config/sources.toml`), overridden key by key by
//! the user's `--config` file.
//!
//! Merging is on TOML values before any typed parsing: tables merge recursively, any other value in the
//! user's file replaces the default, so a user's `[[sources]]` replaces the embedded list whole.
//! The typed `[crawl]` and `[[sources]]` (keys, defaults, validation) are defined in `zhnews-crawl`'s
//! `settings` module; loading validates them, so a bad key or value is a usage error (exit 2).

use crate::exit::Failure;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The embedded defaults.
pub const EMBEDDED: &str = include_str!("../../config/sources.toml");

/// The whole configuration after merging.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `[crawl]`: politeness and limits for every source (keys documented on `CrawlSettings`).
    #[serde(default)]
    pub crawl: zhnews_crawl::CrawlSettings,
    /// `[[sources]]`: the sites to crawl; each may override any `[crawl]` key.
    #[serde(default)]
    pub sources: Vec<zhnews_crawl::SourceConfig>,
    /// `[extract]`: extractor settings.
    #[serde(default)]
    pub extract: ExtractConfig,
}

/// `[extract]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtractConfig {
    /// Extra dictionary files (format as in `config/dict/`), added to the embedded ones.
    /// Relative paths are relative to the configuration file.
    #[serde(default)]
    pub dictionaries: Vec<PathBuf>,
}

/// Loads the embedded configuration merged with `user_file`.
pub fn load(user_file: Option<&Path>) -> Result<Config, Failure> {
    let mut merged: toml::Table = EMBEDDED
        .parse()
        .map_err(|e| Failure::fatal(format!("embedded configuration is invalid: {e}")))?;
    if let Some(path) = user_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::usage(format!("cannot read config {}: {e}", path.display())))?;
        let user: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            Failure::usage(format!(
                "config {}: {}",
                path.display(),
                one_line(&e.to_string())
            ))
        })?;
        merge(&mut merged, user);
    }
    let mut config: Config =
        toml::Value::Table(merged)
            .try_into()
            .map_err(|e: toml::de::Error| {
                let origin =
                    user_file.map_or("embedded config".to_owned(), |p| p.display().to_string());
                Failure::usage(format!("config {origin}: {}", one_line(&e.to_string())))
            })?;
    let origin = || user_file.map_or("embedded config".to_owned(), |p| p.display().to_string());
    config
        .crawl
        .validate()
        .map_err(|e| Failure::usage(format!("config {}: [crawl] {e}", origin())))?;
    zhnews_crawl::settings::validate_sources(&config.sources, &config.crawl)
        .map_err(|e| Failure::usage(format!("config {}: {e}", origin())))?;
    if let Some(dir) = user_file.and_then(Path::parent) {
        for dict in &mut config.extract.dictionaries {
            if dict.is_relative() {
                *dict = dir.join(&*dict);
            }
        }
    }
    Ok(config)
}

fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(base_table)), toml::Value::Table(over_table)) => {
                merge(base_table, over_table)
            }
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Folds a multi-line message (TOML errors quote the offending line) into one line.
pub fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_tables_merge_and_arrays_replace() {
        let mut base: toml::Table = "[crawl]\na = 1\nb = 2\n[[sources]]\nname = 'x'\n"
            .parse()
            .unwrap();
        let over: toml::Table = "[crawl]\nb = 3\n[[sources]]\nname = 'y'\n".parse().unwrap();
        merge(&mut base, over);
        assert_eq!(base["crawl"]["a"].as_integer(), Some(1));
        assert_eq!(base["crawl"]["b"].as_integer(), Some(3));
        let sources = base["sources"].as_array().unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0]["name"].as_str(), Some("y"));
    }

    #[test]
    fn embedded_config_parses() {
        let config = load(None).unwrap();
        assert!(config.sources.len() >= 10);
        assert!(config.sources.iter().any(|s| s.name == "ithome"));
    }

    #[test]
    fn user_sources_replace_and_bad_keys_are_usage_errors() {
        let dir = std::env::temp_dir().join(format!("zhnews-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.toml");
        std::fs::write(
            &good,
            "[crawl]\nper_host_delay_ms = 5\n[[sources]]\nname = 'mine'\nfeeds = ['http://127.0.0.1:1/f.xml']\n",
        )
        .unwrap();
        let config = load(Some(&good)).unwrap();
        assert_eq!(config.sources.len(), 1);
        assert_eq!(config.crawl.per_host_delay_ms, 5);
        // Keys not given keep the embedded values.
        assert!(config.crawl.user_agent.starts_with("zhnews/"));
        let bad = dir.join("bad.toml");
        std::fs::write(&bad, "[crawl]\nconcurency = 3\n").unwrap();
        let e = load(Some(&bad)).unwrap_err();
        assert_eq!(e.exit, crate::exit::Exit::Usage);
        assert!(e.message.contains("concurency"), "{}", e.message);
        std::fs::write(&bad, "[[sources]]\nname = 'x'\nfeeds = ['ftp://a/b']\n").unwrap();
        assert!(load(Some(&bad)).unwrap_err().message.contains("ftp://a/b"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
