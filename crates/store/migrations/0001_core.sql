-- Core tables: sources, articles, entities (with aliases), mentions, amounts, events and their mentions,
-- plus the views users query with sqlite3, Datasette or DuckDB.
--
-- Times are RFC 3339 strings. `published_date` is the publish date in the article's own offset
-- (YYYY-MM-DD, what date filters compare); `seen_at` is the publish time (else the fetch time) in UTC,
-- so plain string order is time order. Amount values are exact decimal strings, never floats.

CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    canonical_url    TEXT NOT NULL UNIQUE,
    url              TEXT,
    source_id        INTEGER REFERENCES sources (id),
    title            TEXT,
    published_at     TEXT,
    published_date   TEXT,
    published_source TEXT,
    author           TEXT,
    site             TEXT,
    body             TEXT NOT NULL,
    encoding         TEXT,
    lang             TEXT,
    kind             TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    extraction_hash  TEXT NOT NULL,
    fetched_at       TEXT NOT NULL,
    seen_at          TEXT NOT NULL,
    loaded_at        TEXT NOT NULL
);
CREATE INDEX articles_published_date ON articles (published_date);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE entities (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    kind  TEXT NOT NULL,
    owner TEXT,
    UNIQUE (name, kind)
);

-- Every surface form an entity was written as, other than its canonical name.
CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases (alias);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE amounts (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    max        TEXT,
    currency   TEXT,
    qualifier  TEXT NOT NULL,
    unit       TEXT
);
CREATE INDEX amounts_article ON amounts (article_id);

-- One row per fact. `id` hashes the type and key arguments (see the store's event_key module), so
-- the same fact reported by many articles is one event. `detail` is the JSON of the type and its
-- arguments as `zhnews extract` writes them, from the most complete report seen.
CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    type         TEXT NOT NULL,
    key          TEXT NOT NULL,
    detail       TEXT NOT NULL,
    completeness INTEGER NOT NULL,
    date         TEXT
);
CREATE INDEX events_type ON events (type);

-- One row per report of an event in an article.
CREATE TABLE event_mentions (
    id            INTEGER PRIMARY KEY,
    event_id      TEXT NOT NULL REFERENCES events (id),
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence      TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    trigger_start INTEGER,
    trigger_end   INTEGER,
    modality      TEXT NOT NULL,
    date          TEXT,
    detail        TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions (event_id);
CREATE INDEX event_mentions_article ON event_mentions (article_id);

-- Events with their support: how many articles and sources report them, first and last seen, the
-- modality most reports use, and the date range the (possibly partial) date covers.
CREATE VIEW v_events AS
SELECT
    e.id,
    e.type,
    e.date,
    e.detail,
    (SELECT m.modality FROM event_mentions m WHERE m.event_id = e.id
      GROUP BY m.modality
      ORDER BY count(*) DESC,
               CASE m.modality WHEN 'asserted' THEN 0 WHEN 'reported' THEN 1 WHEN 'rumored' THEN 2
                               WHEN 'planned' THEN 3 ELSE 4 END
      LIMIT 1) AS modality,
    s.articles,
    s.sources,
    s.mentions,
    s.first_seen,
    s.last_seen,
    coalesce(CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' ELSE e.date END,
             s.first_date) AS date_from,
    coalesce(CASE length(e.date) WHEN 4 THEN e.date || '-12-31' WHEN 7 THEN e.date || '-31' ELSE e.date END,
             s.first_date) AS date_to
FROM events e
JOIN (
    SELECT m.event_id,
           count(DISTINCT m.article_id) AS articles,
           count(DISTINCT coalesce(src.name, a.site, a.canonical_url)) AS sources,
           count(*) AS mentions,
           min(a.seen_at) AS first_seen,
           max(a.seen_at) AS last_seen,
           min(coalesce(a.published_date, substr(a.fetched_at, 1, 10))) AS first_date
    FROM event_mentions m
    JOIN articles a ON a.id = m.article_id
    LEFT JOIN sources src ON src.id = a.source_id
    GROUP BY m.event_id
) s ON s.event_id = e.id;

CREATE VIEW v_talent_moves AS
SELECT
    id,
    json_extract(detail, '$.person') AS person,
    json_extract(detail, '$.action') AS action,
    json_extract(detail, '$.from') AS from_company,
    json_extract(detail, '$.to') AS to_company,
    json_extract(detail, '$.role') AS role,
    date,
    modality,
    articles,
    sources,
    first_seen,
    last_seen
FROM v_events
WHERE type = 'talent_move';

CREATE VIEW v_funding AS
SELECT
    id,
    json_extract(detail, '$.company') AS company,
    json_extract(detail, '$.round') AS round,
    json_extract(detail, '$.amount.value') AS amount,
    json_extract(detail, '$.amount.max') AS amount_max,
    json_extract(detail, '$.amount.currency') AS currency,
    json_extract(detail, '$.amount.text') AS amount_text,
    json_extract(detail, '$.investors') AS investors,
    json_extract(detail, '$.lead_investors') AS lead_investors,
    date,
    modality,
    articles,
    sources,
    first_seen,
    last_seen
FROM v_events
WHERE type = 'funding';
