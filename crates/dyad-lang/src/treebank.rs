//! Dependency-annotated sentences in CoNLL-U, and how a parse is scored
//! against them.
//!
//! The parser is trained and measured on CoNLL-U files: the spaCy-labelled
//! news that tools/lang/train_parser.py writes outside the repository, and the
//! hand-checked gold sentences under crates/dyad-lang/tests/gold.  One reader
//! and one scorer serve the trainer, `examples/parse_eval.rs` and the gold
//! test, so their figures mean the same thing.

use std::collections::BTreeMap;

use crate::{Arc, Parser, Tagger};

/// One sentence: per token its form, Penn Treebank tag (XPOS), head
/// (`None` for the root) and dependency label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
    pub heads: Vec<Option<usize>>,
    pub labels: Vec<String>,
}

impl Sentence {
    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }

    /// Whether no two arcs cross (the parser can only build such trees).
    pub fn is_projective(&self) -> bool {
        let arcs: Vec<(usize, usize)> = (0..self.heads.len())
            .map(|d| {
                let h = self.heads[d].map_or(0, |h| h + 1);
                let d = d + 1;
                (h.min(d), h.max(d))
            })
            .collect();
        arcs.iter()
            .all(|&(a, b)| arcs.iter().all(|&(c, d)| !(a < c && c < b && b < d)))
    }
}

/// Reads CoNLL-U text: comment lines (`#`) are skipped, as are multiword
/// ranges (`1-2`) and empty nodes (`1.1`).  Fails on a malformed line, with
/// its number.
pub fn read_conllu(text: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: vec![],
        tags: vec![],
        heads: vec![],
        labels: vec![],
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: vec![],
                        tags: vec![],
                        heads: vec![],
                        labels: vec![],
                    },
                ));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| format!("line {}: {what}", i + 1);
        if cols.len() != 10 {
            return Err(bad("expected 10 tab-separated columns"));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| bad("bad ID"))?;
        if id != cur.words.len() + 1 {
            return Err(bad("IDs must count up from 1"));
        }
        let head: usize = cols[6].parse().map_err(|_| bad("bad HEAD"))?;
        cur.words.push(cols[1].to_string());
        cur.tags.push(cols[4].to_string());
        cur.heads.push(head.checked_sub(1));
        cur.labels.push(cols[7].to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (k, s) in out.iter().enumerate() {
        if s.heads.iter().flatten().any(|&h| h >= s.words.len()) {
            return Err(format!("sentence {}: HEAD out of range", k + 1));
        }
    }
    Ok(out)
}

/// Correct and total counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, correct: bool) {
        self.correct += correct as usize;
        self.total += 1;
    }

    /// Share correct (1.0 when there is nothing to count).
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// The relations the event coder reads who-did-what-to-whom from: subjects,
/// direct objects, and the object of a passive agent's "by".
pub const CORE_RELATIONS: &[&str] = &["nsubj", "nsubjpass", "dobj", "pobj under agent"];

/// Attachment scores of parses against reference trees.
#[derive(Debug, Clone, Default)]
pub struct AttachmentScores {
    /// Heads right (unlabelled) and heads and labels right (labelled), all tokens.
    pub unlabelled: Tally,
    pub labelled: Tally,
    /// The same without punctuation (reference label `punct`).
    pub unlabelled_no_punct: Tally,
    pub labelled_no_punct: Tally,
    /// Per reference label (and `pobj under agent`): the head right.
    pub by_label: BTreeMap<String, Tally>,
}

impl AttachmentScores {
    /// Scores one parse against its reference sentence.
    pub fn add(&mut self, gold: &Sentence, parse: &[Arc]) {
        assert_eq!(gold.words.len(), parse.len(), "one arc per token");
        for (i, arc) in parse.iter().enumerate() {
            let head_ok = arc.head == gold.heads[i];
            let label_ok = head_ok && arc.label == gold.labels[i];
            self.unlabelled.add(head_ok);
            self.labelled.add(label_ok);
            if gold.labels[i] != "punct" {
                self.unlabelled_no_punct.add(head_ok);
                self.labelled_no_punct.add(label_ok);
            }
            self.by_label
                .entry(gold.labels[i].clone())
                .or_default()
                .add(head_ok);
            if gold.labels[i] == "pobj" && gold.heads[i].is_some_and(|h| gold.labels[h] == "agent")
            {
                self.by_label
                    .entry("pobj under agent".into())
                    .or_default()
                    .add(head_ok);
            }
        }
    }

    /// Parses `sentences` (tagged by the built-in tagger) and scores the parses.
    pub fn of(parser: &Parser, sentences: &[Sentence]) -> AttachmentScores {
        let mut scores = AttachmentScores::default();
        for s in sentences {
            let words = s.words();
            scores.add(s, &parser.parse(&words, &Tagger::builtin().tag(&words)));
        }
        scores
    }

    /// Head accuracy over the [`CORE_RELATIONS`] together.
    pub fn core(&self) -> Tally {
        let mut t = Tally::default();
        for r in CORE_RELATIONS {
            if let Some(x) = self.by_label.get(*r) {
                t.correct += x.correct;
                t.total += x.total;
            }
        }
        t
    }
}

impl std::fmt::Display for AttachmentScores {
    /// UAS and LAS, then the head accuracy of the core relations.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |t: &Tally| format!("{:.2}% ({}/{})", 100.0 * t.rate(), t.correct, t.total);
        writeln!(
            f,
            "UAS {}  LAS {}",
            pct(&self.unlabelled),
            pct(&self.labelled)
        )?;
        writeln!(
            f,
            "without punctuation: UAS {}  LAS {}",
            pct(&self.unlabelled_no_punct),
            pct(&self.labelled_no_punct)
        )?;
        for r in CORE_RELATIONS {
            writeln!(
                f,
                "  {r:<17} head {}",
                pct(&self.by_label.get(*r).copied().unwrap_or_default())
            )?;
        }
        write!(f, "subject/object/agent head {}", pct(&self.core()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# text = His call was rejected by Moscow.
1\tHis\this\tPRON\tPRP$\t_\t2\tposs\t_\t_
2\tcall\tcall\tNOUN\tNN\t_\t4\tnsubjpass\t_\t_
3\twas\tbe\tAUX\tVBD\t_\t4\tauxpass\t_\t_
4\trejected\treject\tVERB\tVBN\t_\t0\tROOT\t_\t_
5\tby\tby\tADP\tIN\t_\t4\tagent\t_\t_
6\tMoscow\tMoscow\tPROPN\tNNP\t_\t5\tpobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tfailed\tfail\tVERB\tVBD\t_\t0\tROOT\t_\t_
";

    #[test]
    fn reads_and_scores() {
        let s = read_conllu(TEXT).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].words(),
            ["His", "call", "was", "rejected", "by", "Moscow", "."]
        );
        assert_eq!(s[0].heads[3], None);
        assert_eq!(s[0].heads[5], Some(4));
        assert_eq!(s[0].tags[0], "PRP$");
        assert!(s[0].is_projective());

        let mut parse: Vec<Arc> = (0..7)
            .map(|i| Arc {
                head: s[0].heads[i],
                label: Box::leak(s[0].labels[i].clone().into_boxed_str()),
            })
            .collect();
        parse[5].head = Some(3); // Moscow attached to the verb
        parse[6].label = "dep";
        let mut sc = AttachmentScores::default();
        sc.add(&s[0], &parse);
        assert_eq!(
            sc.unlabelled,
            Tally {
                correct: 6,
                total: 7
            }
        );
        assert_eq!(
            sc.labelled,
            Tally {
                correct: 5,
                total: 7
            }
        );
        assert_eq!(
            sc.labelled_no_punct,
            Tally {
                correct: 5,
                total: 6
            }
        );
        assert_eq!(
            sc.by_label["pobj under agent"],
            Tally {
                correct: 0,
                total: 1
            }
        );
        assert_eq!(
            sc.core(),
            Tally {
                correct: 1,
                total: 2
            }
        );
    }

    #[test]
    fn crossing_arcs_are_not_projective() {
        let s = Sentence {
            words: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            tags: vec!["X".into(); 4],
            heads: vec![Some(2), None, Some(1), Some(0)],
            labels: vec!["dep".into(); 4],
        };
        assert!(!s.is_projective());
    }

    #[test]
    fn malformed_lines_are_reported() {
        assert!(read_conllu("1\tx\n").unwrap_err().starts_with("line 1"));
        assert!(read_conllu("2\tx\t_\t_\tNN\t_\t0\tROOT\t_\t_\n").is_err());
        assert!(read_conllu("1\tx\t_\t_\tNN\t_\t5\tROOT\t_\t_\n").is_err());
    }
}
