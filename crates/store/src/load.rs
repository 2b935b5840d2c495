//! Loading one article and everything extracted from it, in one transaction.
//!
//! The canonical URL is an article's identity. Loading it again replaces its mentions, amounts and
//! event reports (never adds to them), so loads are idempotent and re-extraction after an extractor
//! improvement just overwrites. Entities and events are shared between articles: a reload links to
//! the existing rows, and only those left without any mention are removed.

use crate::event_key::{KeyMonth, UNDATED_WINDOW_MONTHS, completeness, event_key, shift_month};
use crate::{Store, StoreError};
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use zhnews_model::{Article, Extraction};

/// What loading an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    /// A new article was stored under this id.
    New(i64),
    /// The article was stored before; its content or extraction changed and was replaced.
    Updated(i64),
    /// The article was stored before with the same content and extraction; nothing was written.
    Unchanged(i64),
}

impl LoadOutcome {
    /// The article's id.
    pub fn id(self) -> i64 {
        match self {
            LoadOutcome::New(id) | LoadOutcome::Updated(id) | LoadOutcome::Unchanged(id) => id,
        }
    }

    /// `new`, `updated` or `unchanged`.
    pub fn as_str(self) -> &'static str {
        match self {
            LoadOutcome::New(_) => "new",
            LoadOutcome::Updated(_) => "updated",
            LoadOutcome::Unchanged(_) => "unchanged",
        }
    }
}

impl Store {
    /// Stores `article` and what was extracted from its body, in one transaction.
    ///
    /// `fetched_at` is when the page was fetched (or the file read); `source` names the configured
    /// source it came from, if any. The article's identity is `canonical_url`, else `url`.
    pub fn load_article(
        &mut self,
        article: &Article,
        extraction: &Extraction,
        fetched_at: DateTime<FixedOffset>,
        source: Option<&str>,
    ) -> Result<LoadOutcome, StoreError> {
        let canonical = [&article.canonical_url, &article.url]
            .into_iter()
            .flatten()
            .map(|u| u.trim())
            .find(|u| !u.is_empty())
            .ok_or(StoreError::NoUrl)?;
        let content_hash = hash_json(article);
        let extraction_hash = hash_json(extraction);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT id, content_hash, extraction_hash FROM articles WHERE canonical_url = ?1",
                [canonical],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        if let Some((id, old_content, old_extraction)) = &existing
            && *old_content == content_hash
            && *old_extraction == extraction_hash
        {
            return Ok(LoadOutcome::Unchanged(*id));
        }
        let source_id = match source {
            Some(name) => Some(source_id(&tx, name)?),
            None => None,
        };
        let published_at = article.published_at.map(|t| t.to_rfc3339());
        let published_date = article
            .published_at
            .map(|t| t.date_naive().format("%Y-%m-%d").to_string());
        let seen_at = article
            .published_at
            .unwrap_or(fetched_at)
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, true);
        let loaded_at = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let row = params![
            canonical,
            article.url,
            source_id,
            article.title,
            published_at,
            published_date,
            article.published_source.map(enum_name),
            article.author,
            article.site,
            article.body,
            article.encoding,
            article.lang,
            article.kind.as_str(),
            content_hash,
            extraction_hash,
            fetched_at.to_rfc3339(),
            seen_at,
            loaded_at,
        ];
        let (id, outcome, stale_entities, stale_events) = match existing {
            None => {
                tx.execute(
                    "INSERT INTO articles (canonical_url, url, source_id, title, published_at,
                        published_date, published_source, author, site, body, encoding, lang, kind,
                        content_hash, extraction_hash, fetched_at, seen_at, loaded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                        ?17, ?18)",
                    row,
                )?;
                let id = tx.last_insert_rowid();
                (id, LoadOutcome::New(id), Vec::new(), Vec::new())
            }
            Some((id, _, _)) => {
                tx.execute(
                    "UPDATE articles SET canonical_url = ?1, url = ?2,
                        source_id = coalesce(?3, source_id), title = ?4, published_at = ?5,
                        published_date = ?6, published_source = ?7, author = ?8, site = ?9,
                        body = ?10, encoding = ?11, lang = ?12, kind = ?13, content_hash = ?14,
                        extraction_hash = ?15, fetched_at = ?16, seen_at = ?17, loaded_at = ?18
                     WHERE id = ?19",
                    with_id(row, &id).as_slice(),
                )?;
                let (entities, events) = clear_extraction(&tx, id)?;
                (id, LoadOutcome::Updated(id), entities, events)
            }
        };
        insert_extraction(&tx, id, extraction, published_date.as_deref())?;
        remove_orphans(&tx, &stale_entities, &stale_events)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// True when an article with this canonical URL is stored.
    pub fn article_exists(&self, canonical_url: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM articles WHERE canonical_url = ?1",
                [canonical_url],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}

/// The article row's parameters followed by its id (for the UPDATE's `?19`).
fn with_id<'a>(row: &[&'a dyn rusqlite::ToSql], id: &'a i64) -> Vec<&'a dyn rusqlite::ToSql> {
    let mut values = row.to_vec();
    values.push(id);
    values
}

/// SHA-256 of a value's JSON, in hex: equal values always give equal JSON (struct field order).
fn hash_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_vec(value).unwrap_or_default();
    Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The snake_case name serde gives a unit enum variant.
fn enum_name<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn source_id(tx: &Transaction<'_>, name: &str) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO sources (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
        [name],
    )?;
    Ok(
        tx.query_row("SELECT id FROM sources WHERE name = ?1", [name], |row| {
            row.get(0)
        })?,
    )
}

/// Deletes an article's mentions, amounts and event reports; returns the entity and event ids they
/// referred to, which may now be orphans.
fn clear_extraction(
    tx: &Transaction<'_>,
    article_id: i64,
) -> Result<(Vec<i64>, Vec<String>), StoreError> {
    let entities = tx
        .prepare("SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?1")?
        .query_map([article_id], |row| row.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    let events = tx
        .prepare("SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?1")?
        .query_map([article_id], |row| row.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    for table in ["mentions", "amounts", "event_mentions"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE article_id = ?1"),
            [article_id],
        )?;
    }
    Ok((entities, events))
}

fn remove_orphans(
    tx: &Transaction<'_>,
    entities: &[i64],
    events: &[String],
) -> Result<(), StoreError> {
    let mut entity = tx.prepare(
        "DELETE FROM entities WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)",
    )?;
    for id in entities {
        entity.execute([id])?;
    }
    let mut event = tx.prepare(
        "DELETE FROM events WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM event_mentions WHERE event_id = ?1)",
    )?;
    for id in events {
        event.execute([id])?;
    }
    Ok(())
}

fn insert_extraction(
    tx: &Transaction<'_>,
    article_id: i64,
    extraction: &Extraction,
    published_date: Option<&str>,
) -> Result<(), StoreError> {
    let mut upsert_entity = tx.prepare_cached(
        "INSERT INTO entities (name, kind, owner) VALUES (?1, ?2, ?3)
         ON CONFLICT (name, kind) DO UPDATE SET owner = coalesce(excluded.owner, owner)
         RETURNING id",
    )?;
    let mut alias = tx.prepare_cached(
        "INSERT INTO entity_aliases (entity_id, alias) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    let mut mention = tx.prepare_cached(
        "INSERT INTO mentions (article_id, entity_id, text, start, \"end\")
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for entity in &extraction.entities {
        let name = if entity.name.is_empty() {
            &entity.text
        } else {
            &entity.name
        };
        let entity_id: i64 = upsert_entity
            .query_row(params![name, entity.kind.as_str(), entity.owner], |row| {
                row.get(0)
            })?;
        if entity.text != *name && !entity.text.is_empty() {
            alias.execute(params![entity_id, entity.text])?;
        }
        mention.execute(params![
            article_id,
            entity_id,
            entity.text,
            entity.start as i64,
            entity.end as i64
        ])?;
    }
    let mut amount = tx.prepare_cached(
        "INSERT INTO amounts (article_id, text, start, \"end\", kind, value, max, currency,
            qualifier, unit)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for a in &extraction.amounts {
        amount.execute(params![
            article_id,
            a.text,
            a.start as i64,
            a.end as i64,
            a.kind.as_str(),
            a.value.to_string(),
            a.max.map(|m| m.to_string()),
            a.currency,
            a.qualifier.as_str(),
            a.unit,
        ])?;
    }
    let publish_month = published_date.map(|d| &d[..7.min(d.len())]);
    let mut upsert_event = tx.prepare_cached(
        "INSERT INTO events (id, type, key, detail, completeness, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET
            detail = CASE WHEN excluded.completeness > completeness THEN excluded.detail
                          ELSE detail END,
            completeness = max(completeness, excluded.completeness),
            date = CASE WHEN length(coalesce(excluded.date, '')) > length(coalesce(date, ''))
                        THEN excluded.date ELSE date END",
    )?;
    let mut event_mention = tx.prepare_cached(
        "INSERT INTO event_mentions (event_id, article_id, sentence, start, \"end\",
            trigger_start, trigger_end, modality, date, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for event in &extraction.events {
        let mut key = event_key(event, publish_month);
        if let Some(month) = &key.month {
            if month.dated {
                adopt_undated(tx, &key.id, month)?;
            } else if let Some(existing) = dated_match(tx, month)? {
                key.id = existing;
            }
        }
        let detail = serde_json::to_string(&event.detail).map_err(|e| StoreError::BadValue {
            column: "events.detail",
            reason: e.to_string(),
        })?;
        upsert_event.execute(params![
            key.id,
            event.type_name(),
            key.key,
            detail,
            completeness(&event.detail),
            event.date,
        ])?;
        event_mention.execute(params![
            key.id,
            article_id,
            event.sentence,
            event.start as i64,
            event.end as i64,
            event.trigger.map(|t| t.0 as i64),
            event.trigger.map(|t| t.1 as i64),
            enum_name(event.modality),
            event.date,
            detail,
        ])?;
    }
    Ok(())
}

/// For a report without a date of its own: the event of the same fact from the months before its
/// article (dated events first, then the latest), if one is stored.
fn dated_match(tx: &Transaction<'_>, month: &KeyMonth) -> Result<Option<String>, StoreError> {
    let Some(earliest) = shift_month(&month.month, -(UNDATED_WINDOW_MONTHS as i32)) else {
        return Ok(None);
    };
    let mut statement = tx.prepare_cached(
        "SELECT id FROM events
         WHERE key > ?1 AND key < ?1 || '~'
           AND substr(key, length(?1) + 1) BETWEEN ?2 AND ?3
         ORDER BY date IS NULL, key DESC
         LIMIT 1",
    )?;
    Ok(statement
        .query_row(params![month.prefix, earliest, month.month], |row| {
            row.get(0)
        })
        .optional()?)
}

/// For a dated report: moves the reports of undated events of the same fact, keyed by publish
/// months in the window after this date, onto this event (whose row is created if needed).
fn adopt_undated(tx: &Transaction<'_>, id: &str, month: &KeyMonth) -> Result<(), StoreError> {
    let Some(latest) = shift_month(&month.month, UNDATED_WINDOW_MONTHS as i32) else {
        return Ok(());
    };
    let undated = tx
        .prepare_cached(
            "SELECT id FROM events
             WHERE key > ?1 AND key < ?1 || '~' AND date IS NULL AND id <> ?4
               AND substr(key, length(?1) + 1) BETWEEN ?2 AND ?3",
        )?
        .query_map(params![month.prefix, month.month, latest, id], |row| {
            row.get::<_, String>(0)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if undated.is_empty() {
        return Ok(());
    }
    // The adopting event must exist before reports point at it; the caller's upsert then fills it.
    tx.execute(
        "INSERT INTO events (id, type, key, detail, completeness, date)
         SELECT ?1, type, ?2 || ?3, detail, completeness, NULL FROM events WHERE id = ?4
         ON CONFLICT (id) DO NOTHING",
        params![id, month.prefix, month.month, undated[0]],
    )?;
    for old in &undated {
        tx.execute(
            "UPDATE event_mentions SET event_id = ?1 WHERE event_id = ?2",
            params![id, old],
        )?;
        tx.execute("DELETE FROM events WHERE id = ?1", [old])?;
    }
    Ok(())
}
