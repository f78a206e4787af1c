#!/usr/bin/env python3
"""Make a large dyad store for benchmarks from a small one.

usage: tools/bench/make_store.py SEED.db OUT.db [--events N] [--sentences M]

SEED.db is a store made by `dyad ingest` from a real corpus (tools/bench/
store.sh makes one from allsides_intl). OUT.db gets SEED's rows and
recombined copies of them until it holds about N events (default
10,000,000) over about M distinct sentences (default 2,000,000):
copy r of an event is dated r*7 months later (modulo ten years), its actors'
states rotated r places through the states the seed names (RUSMIL becomes
the same sector of another state), and it points to copy r mod K of its
document and sentence (K = M / seed sentences), so copies of one sentence
carry events of different dates and actors. Copies have new event ids;
merged events are those of the seed only (copies have none); the
series table (event_counts) is recomputed. The schema is
the seed's, so the file opens as any store. Python's sqlite3 only.
"""
import argparse
import math
import os
import shutil
import sqlite3
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed")
    ap.add_argument("out")
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--sentences", type=int, default=2_000_000)
    args = ap.parse_args()
    seed = sqlite3.connect(args.seed)
    seed.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seed.close()
    if os.path.exists(args.out):
        os.remove(args.out)
    shutil.copy(args.seed, args.out)
    db = sqlite3.connect(args.out, isolation_level=None)
    db.executescript("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;")
    one = lambda sql: db.execute(sql).fetchone()[0]
    n_events = one("SELECT count(*) FROM events")
    n_sentences = one("SELECT count(*) FROM sentences")
    doc_step = one("SELECT max(seq) FROM documents") + 1
    sentence_step = one("SELECT max(seq) FROM sentences") + 1
    event_step = one("SELECT max(seq) FROM events") + 1
    copies = math.ceil(args.events / n_events)
    sentence_copies = max(1, min(copies, round(args.sentences / n_sentences)))
    print(f"seed: {n_events} events, {n_sentences} sentences; {copies} copies over {sentence_copies} sentence copies")
    db.executescript("""
        CREATE TEMP TABLE states (i INTEGER PRIMARY KEY, code TEXT UNIQUE);
        INSERT INTO states (code)
            SELECT DISTINCT c FROM (SELECT source_country AS c FROM events UNION SELECT target_country FROM events)
            WHERE length(c) = 3 AND c NOT IN ('IGO', 'NGO', 'IMG', 'MNC') ORDER BY c;
        CREATE TEMP TABLE rotated (copy INTEGER, code TEXT, moved TEXT, PRIMARY KEY (copy, code));
    """)
    n_states = one("SELECT count(*) FROM states")
    started = time.time()
    db.execute("BEGIN")
    for k in range(1, sentence_copies):
        db.execute(f"""INSERT INTO documents (seq, id, url, source, title, published, content_hash, dyad_version,
                       dictionaries_hash, ingested_at, chars, cluster, shingles)
                       SELECT seq + {k * doc_step}, id || '#{k}', url, source, title, published, content_hash,
                       dyad_version, dictionaries_hash, ingested_at, chars, cluster + {k * doc_step}, x''
                       FROM documents WHERE seq < {doc_step}""")
        db.execute(f"""INSERT INTO sentences (seq, doc, idx, start, char_start, text)
                       SELECT seq + {k * sentence_step}, doc + {k * doc_step}, idx, start, char_start, text
                       FROM sentences WHERE seq < {sentence_step}""")
    for r in range(1, copies):
        k = r % sentence_copies
        months = (r * 7) % 120
        db.execute(f"""INSERT INTO rotated SELECT {r}, a.code, b.code FROM states a
                       JOIN states b ON b.i = (a.i - 1 + {r}) % {n_states} + 1""")
        shifted = f"date(e.day, '+{months} months')"
        def actor(side):
            return f"""CASE WHEN t.moved IS NULL THEN e.{side}_code ELSE t.moved || substr(e.{side}_code, 4) END,
                       coalesce(t.moved, e.{side}_country)""".replace("t.", f"{side[0]}.")
        db.execute(f"""INSERT INTO events
            SELECT e.seq + {r * event_step}, printf('%016x', e.seq + {r * event_step}),
                e.doc + {k * doc_step}, e.sentence + {k * sentence_step}, e.sentence_index,
                CASE e.date_precision WHEN 'day' THEN {shifted} WHEN 'month' THEN substr({shifted}, 1, 7)
                    ELSE strftime('%Y', {shifted}) END,
                CASE e.date_precision WHEN 'year' THEN strftime('%Y-01-01', {shifted}) ELSE {shifted} END,
                e.date_precision, e.date_text,
                e.source_text, {actor('source')}, e.source_sector, e.source_name, e.source_start, e.source_end,
                e.target_text, {actor('target')}, e.target_sector, e.target_name, e.target_start, e.target_end,
                e.cameo, e.cameo_name, e.plover, e.quad_class, e.goldstein, e.mode, e.context, e.factuality,
                e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
                e.location_geonames_id, e.location_text, e.trigger, e.trigger_start, e.trigger_end, e.rule,
                e.confidence, e.undated_key, NULL, NULL
            FROM events e
            LEFT JOIN rotated s ON s.copy = {r} AND s.code = e.source_country
            LEFT JOIN rotated t ON t.copy = {r} AND t.code = e.target_country
            WHERE e.seq < {event_step}""")
        if r % 20 == 0:
            print(f"  {r}/{copies} copies, {time.time() - started:.0f} s", flush=True)
    db.execute("""DELETE FROM event_counts""")
    db.execute("""INSERT INTO event_counts
        SELECT coalesce(day, ''), coalesce(date_precision, ''), factuality, quad_class, substr(cameo, 1, 2),
        coalesce(plover, ''), coalesce(location_country, ''), count(*), sum(goldstein)
        FROM events WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7""")
    db.execute("COMMIT")
    db.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"{one('SELECT count(*) FROM events')} events, {one('SELECT count(*) FROM sentences')} sentences, "
          f"{os.path.getsize(args.out) / 1e9:.2f} GB, {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
