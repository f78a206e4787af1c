#!/usr/bin/env bash
# Refreshes the explorer's vendored libraries and data (world-atlas's
# country shapes, keyed by ISO 3166-1 numeric codes, and the table from
# those to the alpha-3 codes of events)
# under crates/dyad-serve/assets/vendor/ from the npm registry: each pinned
# package's minified browser build and its licence, committed with the
# crate so that building and running dyad needs no npm and no network.
# Change a version here, run it, and commit what it writes.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=crates/dyad-serve/assets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# package version file-in-package name-in-vendor
files=(
    "uplot 1.6.32 dist/uPlot.iife.min.js uplot.min.js"
    "uplot 1.6.32 dist/uPlot.min.css uplot.min.css"
    "cytoscape 3.35.0 dist/cytoscape.min.js cytoscape.min.js"
    "internmap 2.0.3 dist/internmap.min.js internmap.min.js"
    "d3-array 3.2.5 dist/d3-array.min.js d3-array.min.js"
    "d3-geo 3.1.2 dist/d3-geo.min.js d3-geo.min.js"
    "topojson-client 3.1.0 dist/topojson-client.min.js topojson-client.min.js"
    "world-atlas 2.0.2 countries-110m.json countries-110m.json"
    "i18n-iso-countries 7.14.0 codes.json iso-3166-codes.json"
)

mkdir -p "$out"
for line in "${files[@]}"; do
    read -r package version file name <<<"$line"
    dir="$work/$package-$version"
    if [ ! -d "$dir" ]; then
        mkdir -p "$dir"
        (cd "$dir" && npm pack --silent "$package@$version" >/dev/null && tar xzf ./*.tgz)
        licence=$(ls "$dir"/package/LICEN[CS]E* | head -1)
        cp "$licence" "$out/$package.LICENSE"
    fi
    cp "$dir/package/$file" "$out/$name"
    echo "$package@$version $file -> $out/$name"
done
