//! Writing documents: one transaction per batch, each document's rows
//! replaced whole, and the merged events its events touch recomputed in the
//! same transaction.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use dyad_core::{Document, Event, EventActor};
use rusqlite::{params, Transaction};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

use crate::{Result, Stamp, Store};

/// A coded document to store.
pub struct NewDocument<'a> {
    /// The document with every candidate event (of every factuality).
    pub doc: &'a Document,
    pub stamp: Stamp,
    /// Its near-duplicate fingerprint: sorted shingle hashes, compared by
    /// the `near_duplicates` function given to [`Store::write_batch`].
    pub shingles: &'a [u64],
    /// Its MinHash band keys: documents sharing one are compared.
    pub bands: &'a [u64],
}

/// The hash of what a document is: text, title, publication date, URL and
/// outlet (32 hex digits).
pub fn content_hash(doc: &Document) -> String {
    let meta = &doc.meta;
    let mut key = String::with_capacity(doc.text.len() + 200);
    for part in [
        Some(doc.text.as_str()),
        meta.title.as_deref(),
        meta.published.map(|d| d.to_string()).as_deref(),
        meta.url.as_deref(),
        meta.source.as_deref(),
    ] {
        // absent and empty differ
        match part {
            Some(p) => {
                key.push('\u{1}');
                key.push_str(p);
            }
            None => key.push('\u{2}'),
        }
    }
    format!("{:032x}", xxh3_128(key.as_bytes()))
}

/// An event's merge key but for its date: source and target codes, CAMEO
/// code and place (as `dyad code --merge` compares them).
fn undated_key(event: &Event) -> i64 {
    fn code(a: &Option<EventActor>) -> &str {
        a.as_ref().map_or("\u{2}", |a| a.code.as_str())
    }
    let place = event.location.as_ref().map_or("\u{2}", |l| l.name.as_str());
    let key = format!(
        "{}\u{1}{}\u{1}{}\u{1}{}",
        code(&event.source),
        code(&event.target),
        event.cameo,
        place
    );
    xxh3_64(key.as_bytes()) as i64
}

/// The full merge key: the undated key and the date as printed.
fn merge_key(event: &Event, undated: i64) -> i64 {
    let date = event.date.map(|d| d.to_string()).unwrap_or_default();
    let key = format!("{date}\u{1}{undated}");
    xxh3_64(key.as_bytes()) as i64
}

/// Keys whose merged events must be recomputed: full keys, and undated
/// keys within a near-duplicate cluster.
#[derive(Default)]
struct Dirty {
    keys: BTreeSet<i64>,
    cluster_keys: BTreeSet<(i64, i64)>,
    /// Merged rows to drop (by their first mention).
    merged: BTreeSet<i64>,
}

/// A mention as the merge sees it.
struct Mention {
    doc: i64,
    key: i64,
    cluster: i64,
    undated: i64,
    id: String,
}

impl Store {
    /// Stores a batch of coded documents in one transaction: a document
    /// already stored under its id is replaced whole. `near_duplicates`
    /// tells whether two documents' shingles are near-duplicates. Returns
    /// how many documents replaced stored ones.
    pub fn write_batch(
        &mut self,
        docs: &[NewDocument],
        near_duplicates: &dyn Fn(&[u64], &[u64]) -> bool,
    ) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| crate::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut dirty = Dirty::default();
        let last_sentence: i64 = tx
            .query_row("SELECT coalesce(max(seq), 0) FROM sentences", [], |r| {
                r.get(0)
            })
            .map_err(err)?;
        let mut replaced = 0;
        for new in docs {
            let was_stored = write_document(&tx, new, last_sentence, near_duplicates, &mut dirty);
            replaced += usize::from(was_stored.map_err(err)?);
        }
        // the batch's sentences join the full-text index in one statement:
        // FTS5 writes its index once per statement
        tx.execute(
            "INSERT INTO sentences_fts (rowid, text) SELECT seq, text FROM sentences WHERE seq > ?",
            [last_sentence],
        )
        .map_err(err)?;
        remerge(&tx, &dirty).map_err(err)?;
        tx.execute("DELETE FROM event_counts WHERE events = 0", [])
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(replaced)
    }
}

/// Writes one document, replacing its stored rows; returns whether there
/// were any.
fn write_document(
    tx: &Transaction,
    new: &NewDocument,
    last_indexed_sentence: i64,
    near_duplicates: &dyn Fn(&[u64], &[u64]) -> bool,
    dirty: &mut Dirty,
) -> rusqlite::Result<bool> {
    let doc = new.doc;
    let old: Option<i64> = tx
        .prepare_cached("SELECT seq FROM documents WHERE id = ?")?
        .query_row([&doc.id], |r| r.get(0))
        .ok();
    if let Some(old) = old {
        mark_document(tx, old, dirty)?;
        count_events(tx, old, -1)?;
        // out of the full-text index, if in it already (not if stored
        // earlier in this batch)
        tx.execute(
            "INSERT INTO sentences_fts (sentences_fts, rowid, text) \
             SELECT 'delete', seq, text FROM sentences WHERE doc = ? AND seq <= ?",
            [old, last_indexed_sentence],
        )?;
        for table in ["events", "sentences", "document_bands"] {
            tx.execute(&format!("DELETE FROM {table} WHERE doc = ?"), [old])?;
        }
        tx.execute("DELETE FROM documents WHERE seq = ?", [old])?;
    }
    let shingles: Vec<u8> = new.shingles.iter().flat_map(|h| h.to_le_bytes()).collect();
    let meta = &doc.meta;
    tx.prepare_cached(
        "INSERT INTO documents (id, url, source, title, published, content_hash, dyad_version, dictionaries_hash, ingested_at, chars, cluster, shingles) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
    )?
    .execute(params![
        doc.id,
        meta.url,
        meta.source,
        meta.title,
        meta.published.map(|d| d.to_string()),
        new.stamp.content_hash,
        new.stamp.dyad_version,
        new.stamp.dictionaries_hash,
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        doc.text.chars().count() as i64,
        shingles,
    ])?;
    let seq = tx.last_insert_rowid();
    let cluster = join_cluster(tx, seq, new, near_duplicates, dirty)?;
    tx.execute(
        "UPDATE documents SET cluster = ? WHERE seq = ?",
        [cluster, seq],
    )?;
    let mut band =
        tx.prepare_cached("INSERT OR IGNORE INTO document_bands (band, doc) VALUES (?, ?)")?;
    for &b in new.bands {
        band.execute([b as i64, seq])?;
    }
    // the sentences that carry events, each once
    let mut sentence_seq = HashMap::new();
    let mut char_at = CharCounter::new(&doc.text);
    for event in &doc.events {
        if sentence_seq.contains_key(&event.sentence) {
            continue;
        }
        let span = doc.sentences[event.sentence].span;
        tx.prepare_cached(
            "INSERT INTO sentences (doc, idx, start, char_start, text) VALUES (?, ?, ?, ?, ?)",
        )?
        .execute(params![
            seq,
            event.sentence as i64,
            span.start as i64,
            char_at.chars_before(span.start) as i64,
            doc.slice(span)
        ])?;
        sentence_seq.insert(event.sentence, tx.last_insert_rowid());
    }
    for event in &doc.events {
        let undated = undated_key(event);
        let key = event
            .factuality
            .printed_by_default()
            .then(|| merge_key(event, undated));
        insert_event(
            tx,
            seq,
            sentence_seq[&event.sentence],
            doc,
            event,
            undated,
            key,
        )?;
        if let Some(key) = key {
            dirty.keys.insert(key);
            dirty.cluster_keys.insert((cluster, undated));
        }
    }
    count_events(tx, seq, 1)?;
    Ok(old.is_some())
}

/// Adds a document's events to the series table (`sign` 1), or takes them
/// out (-1); rows left at zero go at the end of the batch.
fn count_events(tx: &Transaction, doc: i64, sign: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO event_counts \
         SELECT coalesce(day, ''), coalesce(date_precision, ''), factuality, quad_class, substr(cameo, 1, 2), \
         coalesce(plover, ''), coalesce(location_country, ''), ?1 * count(*), ?1 * sum(goldstein) \
         FROM events WHERE doc = ?2 GROUP BY 1, 2, 3, 4, 5, 6, 7 \
         ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein",
    )?
    .execute([sign, doc])?;
    Ok(())
}

/// Counts characters before byte offsets, walking the text once for
/// offsets given in increasing order.
struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    fn new(text: &'t str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn chars_before(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            *self = CharCounter::new(self.text);
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Marks the merged events of a document's events dirty, before it goes.
fn mark_document(tx: &Transaction, doc: i64, dirty: &mut Dirty) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT e.merge_key, d.cluster, e.undated_key, e.merged FROM events e JOIN documents d ON d.seq = e.doc \
         WHERE e.doc = ? AND e.merge_key IS NOT NULL",
    )?;
    let rows = stmt.query_map([doc], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<i64>>(3)?,
        ))
    })?;
    for row in rows {
        let (key, cluster, undated, merged) = row?;
        dirty.keys.insert(key);
        dirty.cluster_keys.insert((cluster, undated));
        dirty.merged.extend(merged);
    }
    Ok(())
}

/// The near-duplicate cluster a new document joins: that of the earliest
/// stored near-duplicate, whose clusters it joins into one; its own when it
/// has none. Clusters are named by their first document's `seq`.
fn join_cluster(
    tx: &Transaction,
    seq: i64,
    new: &NewDocument,
    near_duplicates: &dyn Fn(&[u64], &[u64]) -> bool,
    dirty: &mut Dirty,
) -> rusqlite::Result<i64> {
    let mut candidates = BTreeSet::new();
    let mut by_band = tx.prepare_cached("SELECT doc FROM document_bands WHERE band = ?")?;
    for &b in new.bands {
        for doc in by_band.query_map([b as i64], |r| r.get::<_, i64>(0))? {
            candidates.insert(doc?);
        }
    }
    let mut clusters = BTreeSet::new();
    let mut fingerprint =
        tx.prepare_cached("SELECT cluster, shingles FROM documents WHERE seq = ?")?;
    for doc in candidates {
        let (cluster, bytes): (i64, Vec<u8>) =
            fingerprint.query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let other: Vec<u64> = bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        if near_duplicates(new.shingles, &other) {
            clusters.insert(cluster);
        }
    }
    let Some(&first) = clusters.first() else {
        return Ok(seq);
    };
    for &other in clusters.iter().skip(1) {
        // the other cluster's documents move to the first: their events'
        // merged rows are recomputed under the new cluster
        let mut stmt = tx.prepare_cached(
            "SELECT e.undated_key, e.merged FROM events e JOIN documents d ON d.seq = e.doc \
             WHERE d.cluster = ? AND e.merge_key IS NOT NULL",
        )?;
        let rows = stmt.query_map([other], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
        })?;
        for row in rows {
            let (undated, merged) = row?;
            dirty.cluster_keys.insert((first, undated));
            dirty.merged.extend(merged);
        }
        tx.execute(
            "UPDATE documents SET cluster = ? WHERE cluster = ?",
            [first, other],
        )?;
    }
    Ok(first)
}

fn insert_event(
    tx: &Transaction,
    doc_seq: i64,
    sentence_seq: i64,
    doc: &Document,
    event: &Event,
    undated: i64,
    key: Option<i64>,
) -> rusqlite::Result<()> {
    let actor = |a: &Option<EventActor>| {
        let a = a.as_ref();
        (
            a.map(|a| a.text.clone()),
            a.map(|a| a.code.clone()),
            a.and_then(|a| a.country.clone()),
            a.and_then(|a| a.sector.clone()),
            a.and_then(|a| a.name.clone()),
            a.map(|a| a.span.start as i64),
            a.map(|a| a.span.end as i64),
        )
    };
    let (st, sc, scn, ss, sn, s0, s1) = actor(&event.source);
    let (tt, tc, tcn, ts, tn, t0, t1) = actor(&event.target);
    let loc = event.location.as_ref();
    let id = dyad_io::event_id(doc, event);
    tx.prepare_cached(
        "INSERT INTO events (id, doc, sentence, sentence_index, date, day, date_precision, date_text, \
         source_text, source_code, source_country, source_sector, source_name, source_start, source_end, \
         target_text, target_code, target_country, target_sector, target_name, target_start, target_end, \
         cameo, cameo_name, plover, quad_class, goldstein, mode, context, factuality, \
         location_name, location_country, location_admin1, location_lat, location_lon, location_geonames_id, location_text, \
         trigger, trigger_start, trigger_end, rule, confidence, undated_key, merge_key) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        id,
        doc_seq,
        sentence_seq,
        event.sentence as i64,
        event.date.map(|d| d.to_string()),
        event.date.map(|d| crate::query::first_day(d).to_string()),
        event.date.map(|d| d.precision.to_string()),
        event.date_text,
        st, sc, scn, ss, sn, s0, s1,
        tt, tc, tcn, ts, tn, t0, t1,
        event.cameo,
        event.cameo_name,
        event.plover,
        event.quad_class,
        event.goldstein,
        event.mode,
        event.context.join(";"),
        event.factuality.as_str(),
        loc.map(|l| l.name.clone()),
        loc.and_then(|l| l.country.clone()),
        loc.and_then(|l| l.admin1.clone()),
        loc.and_then(|l| l.lat),
        loc.and_then(|l| l.lon),
        loc.and_then(|l| l.geonames_id).map(|g| g as i64),
        loc.map(|l| l.text.clone()),
        event.evidence.trigger,
        event.evidence.span.start as i64,
        event.evidence.span.end as i64,
        event.evidence.rule,
        event.confidence,
        undated,
        key,
    ])?;
    Ok(())
}

/// Recomputes the merged events of every mention reachable from the dirty
/// keys: two mentions are one event when they share a full key, or an
/// undated key within one near-duplicate cluster; the record is the first
/// mention's (in the order documents were stored).
fn remerge(tx: &Transaction, dirty: &Dirty) -> rusqlite::Result<()> {
    let mut mentions: BTreeMap<i64, Mention> = BTreeMap::new();
    let (mut keys, mut cluster_keys) = (dirty.keys.clone(), dirty.cluster_keys.clone());
    let (mut seen_keys, mut seen_cluster_keys) = (HashSet::new(), HashSet::new());
    let mut merged_before = dirty.merged.clone();
    let columns = "e.seq, e.doc, e.merge_key, d.cluster, e.undated_key, e.id, e.merged";
    let mut by_key = tx.prepare_cached(&format!(
        "SELECT {columns} FROM events e JOIN documents d ON d.seq = e.doc WHERE e.merge_key = ?"
    ))?;
    let mut by_cluster_key = tx.prepare_cached(&format!(
        "SELECT {columns} FROM documents d JOIN events e ON e.doc = d.seq \
         WHERE d.cluster = ? AND e.undated_key = ? AND e.merge_key IS NOT NULL"
    ))?;
    let read = |r: &rusqlite::Row| -> rusqlite::Result<(i64, Mention, Option<i64>)> {
        Ok((
            r.get(0)?,
            Mention {
                doc: r.get(1)?,
                key: r.get(2)?,
                cluster: r.get(3)?,
                undated: r.get(4)?,
                id: r.get(5)?,
            },
            r.get(6)?,
        ))
    };
    while !keys.is_empty() || !cluster_keys.is_empty() {
        let mut found = Vec::new();
        for key in std::mem::take(&mut keys) {
            if seen_keys.insert(key) {
                found.extend(
                    by_key
                        .query_map([key], read)?
                        .collect::<rusqlite::Result<Vec<_>>>()?,
                );
            }
        }
        for ck in std::mem::take(&mut cluster_keys) {
            if seen_cluster_keys.insert(ck) {
                found.extend(
                    by_cluster_key
                        .query_map([ck.0, ck.1], read)?
                        .collect::<rusqlite::Result<Vec<_>>>()?,
                );
            }
        }
        for (seq, m, merged) in found {
            if mentions.contains_key(&seq) {
                continue;
            }
            keys.insert(m.key);
            cluster_keys.insert((m.cluster, m.undated));
            merged_before.extend(merged);
            mentions.insert(seq, m);
        }
    }
    let mut drop = tx.prepare_cached("DELETE FROM merged_events WHERE first = ?")?;
    for first in merged_before {
        drop.execute([first])?;
    }
    // union by shared keys, in mention order
    let seqs: Vec<i64> = mentions.keys().copied().collect();
    let mut parent: Vec<usize> = (0..seqs.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_of_key = HashMap::new();
    let mut first_of_cluster_key = HashMap::new();
    for (i, m) in mentions.values().enumerate() {
        for first in [
            *first_of_key.entry(m.key).or_insert(i),
            *first_of_cluster_key
                .entry((m.cluster, m.undated))
                .or_insert(i),
        ] {
            let (a, b) = (find(&mut parent, first), find(&mut parent, i));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..seqs.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut doc_of = tx.prepare_cached("SELECT id, source FROM documents WHERE seq = ?")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO merged_events (first, id, mentions, sources, articles, doc_ids) VALUES (?, ?, ?, ?, ?, ?)",
    )?;
    let mut assign = tx.prepare_cached("UPDATE events SET merged = ? WHERE seq = ?")?;
    let all: Vec<&Mention> = mentions.values().collect();
    for group in groups.values() {
        let first = seqs[group[0]];
        let mut docs: Vec<i64> = group.iter().map(|&i| all[i].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut ids = Vec::new();
        let mut outlets = BTreeSet::new();
        for &d in &docs {
            let (id, source): (String, Option<String>) =
                doc_of.query_row([d], |r| Ok((r.get(0)?, r.get(1)?)))?;
            outlets.insert(source.unwrap_or_else(|| format!("\u{0}{id}")));
            ids.push(id);
        }
        insert.execute(params![
            first,
            all[group[0]].id,
            group.len() as i64,
            outlets.len() as i64,
            docs.len() as i64,
            serde_json::to_string(&ids).expect("strings serialize"),
        ])?;
        for &i in group {
            assign.execute([first, seqs[i]])?;
        }
    }
    Ok(())
}
