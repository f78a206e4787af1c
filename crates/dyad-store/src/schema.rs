//! The store's schema, versioned by `PRAGMA user_version`, and the forward
//! migrations that bring an older store to the current version.

/// `PRAGMA application_id` of a dyad store ("dyad" in ASCII): a SQLite file
/// without it is not one.
pub const APPLICATION_ID: i32 = 0x6479_6164;

/// The migrations, in order: migration `i` takes a store from version `i`
/// to `i + 1`. The current schema version is their number.
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this dyad writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// The oldest schema version this dyad reads without migrating it: later
/// versions add indexes only, so its queries give the same answers on it
/// (more slowly).
pub const READABLE_FROM: i32 = 1;

const V1: &str = r#"
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT,
    title TEXT,
    published TEXT,
    content_hash TEXT NOT NULL,
    dyad_version TEXT NOT NULL,
    dictionaries_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    chars INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    shingles BLOB NOT NULL
);
CREATE INDEX documents_cluster ON documents(cluster);

CREATE TABLE document_bands (
    band INTEGER NOT NULL,
    doc INTEGER NOT NULL,
    PRIMARY KEY (band, doc)
) WITHOUT ROWID;
CREATE INDEX document_bands_doc ON document_bands(doc);

CREATE TABLE sentences (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='seq');

CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    doc INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    date TEXT,
    day TEXT,
    date_precision TEXT,
    date_text TEXT,
    source_text TEXT,
    source_code TEXT,
    source_country TEXT,
    source_sector TEXT,
    source_name TEXT,
    source_start INTEGER,
    source_end INTEGER,
    target_text TEXT,
    target_code TEXT,
    target_country TEXT,
    target_sector TEXT,
    target_name TEXT,
    target_start INTEGER,
    target_end INTEGER,
    cameo TEXT NOT NULL,
    cameo_name TEXT NOT NULL,
    plover TEXT,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    mode TEXT,
    context TEXT NOT NULL,
    factuality TEXT,
    location_name TEXT,
    location_country TEXT,
    location_admin1 TEXT,
    location_lat REAL,
    location_lon REAL,
    location_geonames_id INTEGER,
    location_text TEXT,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    undated_key INTEGER NOT NULL,
    merge_key INTEGER,
    merged INTEGER
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_doc ON events(doc, undated_key);
CREATE INDEX events_day ON events(day, id);
CREATE INDEX events_source ON events(source_code, day);
CREATE INDEX events_target ON events(target_code, day);
CREATE INDEX events_cameo ON events(cameo, day);
CREATE INDEX events_merge_key ON events(merge_key);
CREATE INDEX events_sentence ON events(sentence);

CREATE TABLE event_counts (
    day TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    factuality TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    root TEXT NOT NULL,
    plover TEXT NOT NULL,
    country TEXT NOT NULL,
    events INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    PRIMARY KEY (day, date_precision, factuality, quad_class, root, plover, country)
) WITHOUT ROWID;

CREATE TABLE merged_events (
    first INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    doc_ids TEXT NOT NULL
);
"#;

/// Version 2: code filters read events in (day, id) order off an index. A
/// code filter is a prefix (`USA` matches `USAGOV`), which an index on the
/// code answers as a range, in code order: a page of events by date then
/// sorted every event of the prefix first. These indexes lead with the
/// code's first three characters (an actor's state or organisation type)
/// or the CAMEO root, which a prefix of that length or longer fixes, then
/// give the day order; the code itself, last, tests a longer prefix without
/// reading the event. They replace the indexes on the code and day.
const V2: &str = r#"
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_cameo;
CREATE INDEX events_source_code3 ON events(substr(source_code, 1, 3), day, id, source_code);
CREATE INDEX events_target_code3 ON events(substr(target_code, 1, 3), day, id, target_code);
CREATE INDEX events_cameo_root ON events(substr(cameo, 1, 2), day, id, cameo);
"#;
