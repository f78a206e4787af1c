#!/usr/bin/env python3
"""PETRARCH unit-test records as dyad input: one JSON line per <Sentence>.

Each line is {"id": the sentence's id, "text": its <Text> with every run of
white space folded to one space, "published": its date as YYYY-MM-DD}; the
hand-made <Parse> is not used. With the lines, `dyad code` can be scored by
`score.py petrarch` exactly as `dyad eval petrarch` scores itself:

    python3 tools/eval/petrarch_jsonl.py RECORDS.xml > /tmp/petr.jsonl
    dyad code --dictionaries DIR /tmp/petr.jsonl -o /tmp/petr-events.jsonl
    python3 ../shared/eval/score.py petrarch RECORDS.xml /tmp/petr-events.jsonl
"""

import json
import sys
import xml.etree.ElementTree as ET


def records(path):
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        text = sentence.find("Text")
        date = sentence.get("date", "")
        yield {
            "id": sentence.get("id"),
            "text": " ".join((text.text if text is not None else "").split()),
            "published": f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else None,
        }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for record in records(sys.argv[1]):
        print(json.dumps(record, ensure_ascii=False))
