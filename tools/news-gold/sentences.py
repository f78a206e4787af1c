"""Sentence spans of an article's text, shared by sample.py and build.py.

A sentence ends at . ! or ? (optionally followed by closing quotes or
brackets) before whitespace and an upper-case letter, digit or opening quote,
unless the word before the stop is a common abbreviation; paragraphs (lines)
always end a sentence. Spans are byte offsets into the UTF-8 text.
"""
import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov", "sen",
    "rep", "sens", "reps", "rev", "st", "jr", "sr", "prof", "pres", "u.s", "u.n", "u.k",
    "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "inc", "corp", "co", "ltd", "e.g", "i.e", "a.m", "p.m", "d.c", "ft", "mt", "ave",
}
STOP = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def spans(text):
    """Yield (start, end) byte spans of the sentences of text."""
    data = text.encode("utf-8")
    pos = 0
    for line in text.split("\n"):
        line_bytes = len(line.encode("utf-8"))
        start = 0
        for m in STOP.finditer(line):
            word = re.search(r"(\S+)$", line[start:m.start()])
            if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
            end = m.end()
            seg = line[start:end].rstrip()
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                b0 = pos + len(line[: start + lead].encode("utf-8"))
                b1 = pos + len(line[: start + len(seg)].encode("utf-8"))
                yield b0, b1
            start = end
        seg = line[start:].rstrip()
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            yield pos + len(line[: start + lead].encode("utf-8")), pos + len(line[: start + len(seg)].encode("utf-8"))
        pos += line_bytes + 1
    assert pos >= len(data)
