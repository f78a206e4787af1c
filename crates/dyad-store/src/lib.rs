//! dyad's event store: what `dyad ingest` codes, kept in one SQLite file
//! for `dyad query`, the explorer and the Python bindings.
//!
//! The file holds documents (with the hash of their content and the dyad
//! version and dictionaries that coded them), the sentences that carry
//! events (with a full-text index), every candidate event of every
//! factuality with its actors as columns, and merged events: the same event
//! reported in several sentences or documents, as `dyad code --merge`
//! counts it. The schema is versioned ([`SCHEMA_VERSION`]) and described in
//! `docs/store.md`.
//!
//! Writes go through [`Store::write_batch`], one transaction per batch of
//! documents: a crash or a full disk loses at most the batch being written,
//! never part of a document.

mod explore;
mod query;
mod schema;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

pub use explore::{ActorCount, CountryCount, DyadEdge, EventDetail, PlaceCount, ACTOR_NAMES};
pub use query::{Cursor, Filter, Period, Query, SeriesRow, Split, StoredDocument, StoredEvent};
pub use schema::SCHEMA_VERSION;
pub use write::{content_hash, NewDocument};

/// How long a writer waits for another to finish before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a dyad store ({reason}); it was left untouched")]
    NotAStore { path: PathBuf, reason: String },
    #[error("{path}: schema version {found} is newer than this dyad's ({SCHEMA_VERSION}); it was left untouched (upgrade dyad)")]
    Newer { path: PathBuf, found: i32 },
    #[error("{path}: no such store")]
    Missing { path: PathBuf },
    #[error("{path}: another process is writing to the store; gave up after {} s", BUSY_TIMEOUT.as_secs())]
    Busy { path: PathBuf },
    #[error("{path}: the disk is full; the batch was rolled back and the store holds every earlier batch")]
    Full { path: PathBuf },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// A filter value that cannot match anything as written: the flag
    /// (`--quad`) and what is wrong with its value.
    #[error("{flag} {reason}")]
    Invalid { flag: &'static str, reason: String },
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What a stored document was coded from and with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub content_hash: String,
    pub dyad_version: String,
    pub dictionaries_hash: String,
}

/// What `dyad store info` reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Info {
    pub schema_version: i32,
    pub documents: u64,
    pub sentences: u64,
    pub events: u64,
    /// Events by factuality, most frequent first.
    pub factuality: Vec<(String, u64)>,
    pub merged: u64,
    /// The first and last event day.
    pub dates: Option<(String, String)>,
    /// Documents by the dyad version and dictionaries that coded them.
    pub coded_by: Vec<(String, String, u64)>,
    /// Bytes of the file (and its write-ahead log).
    pub bytes: u64,
}

impl Store {
    /// Opens the store at `path` for writing, creating it if there is no
    /// file, and migrates an older schema forward.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| sqlite(path, e))?;
        let store = Store::new(conn, path)?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store for reading: queries see what a concurrent
    /// writer has committed. An older schema that this dyad's queries read
    /// is read as it is (only [`Store::open`] migrates). In a folder no one
    /// may write to (a read-only copy, where SQLite could not make the
    /// write-ahead log's index), the file is opened as immutable: no writer
    /// can be there.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.into() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match folder_read_only(path) {
            true => {
                Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
            }
            false => Connection::open_with_flags(path, flags),
        }
        .map_err(|e| sqlite(path, e))?;
        let store = Store::new(conn, path)?;
        match store.version()? {
            // an empty file: a store no one has written yet
            0 => Err(StoreError::NotAStore {
                path: path.into(),
                reason: "no dyad schema".into(),
            }),
            version if version < schema::READABLE_FROM => Err(StoreError::NotAStore {
                path: path.into(),
                reason: "an older schema; open it with `dyad ingest` once to migrate it".into(),
            }),
            // a newer version was refused by `new`
            _ => Ok(store),
        }
    }

    fn new(conn: Connection, path: &Path) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| sqlite(path, e))?;
        let store = Store {
            conn,
            path: path.into(),
        };
        // Reading the header tells a SQLite file from anything else.
        let application_id: i32 = store
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(ErrorCode::NotADatabase) => StoreError::NotAStore {
                    path: path.into(),
                    reason: "not a SQLite file".into(),
                },
                _ => store.error(e),
            })?;
        let version = store.version()?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.into(),
                found: version,
            });
        }
        let empty = version == 0 && store.table_count()? == 0;
        if application_id != schema::APPLICATION_ID && !empty {
            return Err(StoreError::NotAStore {
                path: path.into(),
                reason: "a SQLite file of another program".into(),
            });
        }
        store
            .conn
            .execute_batch(
                "PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL; \
                 PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;",
            )
            .map_err(|e| store.error(e))?;
        // Plans that do not depend on the values bound: a cached statement
        // is prepared once, where SQLite would prepare it again whenever a
        // new LIMIT, or a small integer where it was another, is bound.
        store
            .conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(|e| store.error(e))?;
        Ok(store)
    }

    fn version(&self) -> Result<i32> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.error(e))
    }

    fn table_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.error(e))
    }

    /// Brings the schema to [`SCHEMA_VERSION`], one migration a transaction.
    fn migrate(&self) -> Result<()> {
        let version = self.version()?;
        if version == 0 {
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
                .map_err(|e| self.error(e))?;
        }
        for (from, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            let sql = format!(
                "BEGIN IMMEDIATE; {sql} PRAGMA application_id = {}; PRAGMA user_version = {}; COMMIT;",
                schema::APPLICATION_ID,
                from + 1
            );
            if let Err(e) = self.conn.execute_batch(&sql) {
                // leave no half-applied migration behind
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(self.error(e));
            }
        }
        Ok(())
    }

    /// What a document of this id was stored from, if it was.
    pub fn stamp(&self, id: &str) -> Result<Option<Stamp>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT content_hash, dyad_version, dictionaries_hash FROM documents WHERE id = ?",
            )
            .map_err(|e| self.error(e))?;
        let mut rows = stmt.query([id]).map_err(|e| self.error(e))?;
        match rows.next().map_err(|e| self.error(e))? {
            Some(r) => Ok(Some(Stamp {
                content_hash: r.get(0).map_err(|e| self.error(e))?,
                dyad_version: r.get(1).map_err(|e| self.error(e))?,
                dictionaries_hash: r.get(2).map_err(|e| self.error(e))?,
            })),
            None => Ok(None),
        }
    }

    /// Counts, schema version, dates and the versions that coded the documents.
    pub fn info(&self) -> Result<Info> {
        let count = |table: &str| self.rows(table);
        let pairs = |sql: &str| -> Result<Vec<(String, String, u64)>> {
            let mut stmt = self.conn.prepare(sql).map_err(|e| self.error(e))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64))
                })
                .map_err(|e| self.error(e))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(|e| self.error(e))
        };
        let factuality = pairs(
            "SELECT coalesce(factuality, ''), '', count(*) FROM events GROUP BY 1 ORDER BY 3 DESC, 1",
        )?
        .into_iter()
        .map(|(f, _, n)| (f, n))
        .collect();
        let dates = self
            .conn
            .query_row(
                "SELECT min(day), max(day) FROM events WHERE day IS NOT NULL",
                [],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                    ))
                },
            )
            .map_err(|e| self.error(e))?;
        let bytes = [self.path.clone(), wal_path(&self.path)]
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        Ok(Info {
            schema_version: self.version()?,
            documents: count("documents")?,
            sentences: count("sentences")?,
            events: self.event_count()?,
            factuality,
            merged: count("merged_events")?,
            dates: match dates {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            },
            coded_by: pairs(
                "SELECT dyad_version, dictionaries_hash, count(*) FROM documents GROUP BY 1, 2 ORDER BY 1, 2",
            )?,
            bytes,
        })
    }

    /// Events stored, of every factuality.
    pub fn event_count(&self) -> Result<u64> {
        self.rows("events")
    }

    /// Rows of a table.
    fn rows(&self, table: &str) -> Result<u64> {
        self.conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(|e| self.error(e))
    }

    /// A SQLite error as the store reports it: a busy store and a full disk
    /// in plain words, anything else with the file's name.
    fn error(&self, e: rusqlite::Error) -> StoreError {
        sqlite(&self.path, e)
    }
}

fn sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Busy { path }
        }
        Some(ErrorCode::DiskFull) => StoreError::Full { path },
        Some(ErrorCode::NotADatabase) => StoreError::NotAStore {
            path,
            reason: "not a SQLite file".into(),
        },
        _ => StoreError::Sqlite { path, source: e },
    }
}

/// Whether the folder of `path` has no write permission for anyone.
fn folder_read_only(path: &Path) -> bool {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::metadata(folder).is_ok_and(|m| m.permissions().readonly())
}

/// The SQLite URI opening `path` read-only and immutable.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    uri
}

fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}
