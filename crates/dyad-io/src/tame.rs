//! A linear pre-pass that gives any HTML a shape the extractor handles in
//! linear time.
//!
//! `rs-trafilatura` slows down with nesting depth (quadratically: 5k / 10k /
//! 20k levels took 4 / 16 / 66 s), and pages found in the wild or made by
//! fuzzing nest 100,000 elements or leave 14,000 `<div>` unclosed. So before
//! extraction the page is cut at [`MAX_HTML_BYTES`] (at a tag boundary) and
//! its nesting flattened: a start tag opened deeper than [`MAX_DEPTH`] is
//! dropped along with its end tag, its content kept (paragraphs and
//! headings stay, so that their text stays apart). A page within both caps
//! is passed on unchanged, byte for byte.
//!
//! The scan follows the HTML tokenizer just enough to track depth: void
//! elements and self-closing tags open nothing, comments, doctypes and the
//! raw text of `<script>`, `<style>` and the like are copied as they are, an
//! end tag closes the nearest matching open element among the innermost
//! [`MAX_DEPTH`] (the parser ignores one that matches none).

/// Elements opened deeper than this are flattened into their parent.
pub const MAX_DEPTH: usize = 256;
/// Pages longer than this are cut; 16 MiB is far beyond any article page.
pub const MAX_HTML_BYTES: usize = 16 << 20;

const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];
/// Kept at any depth: the extractor reads text held directly by nested
/// `<div>`s once per level, but a paragraph once, and a paragraph cannot
/// hold another (the parser closes it first), so these add no depth.
const PARAGRAPHS: &[&[u8]] = &[b"p", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"];
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"plaintext",
];

/// The page reshaped, and what was changed (empty when nothing was).
pub struct Tamed<'a> {
    pub html: std::borrow::Cow<'a, [u8]>,
    pub changes: Vec<String>,
}

struct Open {
    name: Vec<u8>,
    kept: bool,
}

/// Cuts `html` to [`MAX_HTML_BYTES`] and flattens nesting beyond
/// [`MAX_DEPTH`]; linear in the page's length.
pub fn tame(html: &[u8]) -> Tamed<'_> {
    let mut changes = Vec::new();
    let input = if html.len() > MAX_HTML_BYTES {
        // Cut before the last tag that starts within the cap.
        let end = html[..MAX_HTML_BYTES]
            .iter()
            .rposition(|&b| b == b'<')
            .unwrap_or(MAX_HTML_BYTES);
        changes.push(format!(
            "page of {} bytes cut to its first {end} (the cap is {MAX_HTML_BYTES})",
            html.len()
        ));
        &html[..end]
    } else {
        html
    };
    let mut out: Vec<u8> = Vec::new();
    // Copied verbatim up to here; `out` is only filled once a tag is dropped.
    let mut copied = 0;
    let mut dropped = 0usize;
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &input[i..]) {
        let lt = i + off;
        if input[lt..].starts_with(b"<!--") {
            i = find(&input[lt + 4..], b"-->").map_or(input.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let tag = match scan_tag(input, lt) {
            Scan::Tag(tag) => tag,
            Scan::NotATag => {
                i = lt + 1;
                continue;
            }
            // No tag closes after this one: scanning on from each later `<`
            // would make the pass quadratic.
            Scan::Unterminated => break,
        };
        i = tag.end;
        let keep = match tag.kind {
            TagKind::Start { self_closing } => {
                let name = lower(&input[tag.name.clone()]);
                if let Some(close) = RAW_TEXT.iter().find(|r| **r == name.as_slice()) {
                    i = raw_text_end(input, i, close);
                }
                if self_closing || VOID.contains(&name.as_slice()) {
                    true
                } else {
                    let kept = stack.len() < MAX_DEPTH || PARAGRAPHS.contains(&name.as_slice());
                    stack.push(Open { name, kept });
                    kept
                }
            }
            TagKind::End => {
                let name = lower(&input[tag.name.clone()]);
                let from = stack.len().saturating_sub(MAX_DEPTH);
                match stack[from..].iter().rposition(|o| o.name == name) {
                    Some(at) => {
                        let kept = stack[from + at].kept;
                        stack.truncate(from + at);
                        kept
                    }
                    None => true,
                }
            }
        };
        if !keep {
            out.extend_from_slice(&input[copied..lt]);
            copied = tag.end;
            dropped += 1;
        }
    }
    if dropped > 0 {
        changes.push(format!(
            "{dropped} tags nested deeper than {MAX_DEPTH} levels flattened"
        ));
    }
    let html = if dropped == 0 {
        std::borrow::Cow::Borrowed(input)
    } else {
        out.extend_from_slice(&input[copied..]);
        std::borrow::Cow::Owned(out)
    };
    Tamed { html, changes }
}

enum TagKind {
    Start { self_closing: bool },
    End,
}

struct Tag {
    kind: TagKind,
    name: std::ops::Range<usize>,
    /// Just past the closing `>`.
    end: usize,
}

enum Scan {
    Tag(Tag),
    /// Text, a comment, a doctype.
    NotATag,
    /// A tag still open at the end of the page.
    Unterminated,
}

/// What opens at `lt`: a start or end tag, or something else.
fn scan_tag(s: &[u8], lt: usize) -> Scan {
    let mut j = lt + 1;
    let end_tag = s.get(j) == Some(&b'/');
    if end_tag {
        j += 1;
    }
    if !s.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return Scan::NotATag;
    }
    let name_start = j;
    while j < s.len() && !matches!(s[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
        j += 1;
    }
    let name = name_start..j;
    // Attributes: a quoted value may hold `>`.
    let mut quote = None;
    let mut prev = 0u8;
    while j < s.len() {
        let b = s[j];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'>' => {
                let kind = if end_tag {
                    TagKind::End
                } else {
                    TagKind::Start {
                        self_closing: prev == b'/',
                    }
                };
                return Scan::Tag(Tag {
                    kind,
                    name,
                    end: j + 1,
                });
            }
            None if (b == b'"' || b == b'\'') && prev == b'=' => quote = Some(b),
            None => {}
        }
        if !b.is_ascii_whitespace() {
            prev = b;
        }
        j += 1;
    }
    Scan::Unterminated
}

/// Where the raw text of an element named `name` ends: at its end tag, or at
/// the end of the page.
fn raw_text_end(s: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr(b'<', &s[i..]) {
        let lt = i + off;
        let after = &s[lt + 1..];
        if after.first() == Some(&b'/')
            && after.len() > name.len()
            && after[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return lt;
        }
        i = lt + 1;
    }
    s.len()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn lower(name: &[u8]) -> Vec<u8> {
    name.to_ascii_lowercase()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tamed(html: &str) -> (String, Vec<String>) {
        let t = tame(html.as_bytes());
        (String::from_utf8(t.html.into_owned()).unwrap(), t.changes)
    }

    fn nested(depth: usize, close: bool) -> String {
        let mut s = "<html><body>".to_string();
        for i in 0..depth {
            s.push_str(&format!("<div class=\"d{i}\">"));
        }
        s.push_str("<p>Deep text.</p>");
        if close {
            s.push_str(&"</div>".repeat(depth));
        }
        s.push_str("</body></html>");
        s
    }

    #[test]
    fn a_page_within_the_caps_is_unchanged() {
        let page = concat!(
            "<!DOCTYPE html><html><head><title>a < b</title>",
            "<script>if (a<b) { x = '</div>'; }</script></head>",
            "<body><!-- <div> --><p class='x>y'>One<br>two<img src=a.png/></p></body></html>"
        );
        let t = tame(page.as_bytes());
        assert!(matches!(t.html, std::borrow::Cow::Borrowed(_)));
        assert!(t.changes.is_empty());
        // html, body, the divs and p: MAX_DEPTH levels.
        let (same, _) = tamed(&nested(MAX_DEPTH - 3, true));
        assert_eq!(same, nested(MAX_DEPTH - 3, true));
    }

    #[test]
    fn nesting_beyond_the_cap_is_flattened_and_the_text_kept() {
        let depth = 10_000;
        let (out, changes) = tamed(&nested(depth, true));
        // html and body take two levels: the divs past MAX_DEPTH - 2 go.
        let kept = MAX_DEPTH - 2;
        assert_eq!(out.matches("<div").count(), kept);
        assert_eq!(out.matches("</div>").count(), kept);
        // The paragraph, deeper than the cap, stays.
        assert!(out.contains("\"><p>Deep text.</p></div>"));
        assert!(out.ends_with("</body></html>"));
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].contains(&format!("{} tags", 2 * (depth - kept))));
    }

    #[test]
    fn unclosed_divs_are_flattened() {
        let (out, changes) = tamed(&nested(14_000, false));
        assert_eq!(out.matches("<div").count(), MAX_DEPTH - 2);
        assert!(out.contains("Deep text."));
        assert_eq!(changes.len(), 1);
    }

    #[test]
    fn unterminated_tags_are_passed_over() {
        // Each `<a` would scan to the end of the page for its `>`.
        let page = format!("<html><body>{}", "<a x ".repeat(200_000));
        let (out, changes) = tamed(&page);
        assert_eq!(out, page);
        assert!(changes.is_empty());
    }

    #[test]
    fn a_page_beyond_the_size_cap_is_cut_at_a_tag() {
        let para = "<p>Talks resumed on Monday.</p>\n";
        let page = para.repeat(MAX_HTML_BYTES / para.len() + 100);
        let (out, changes) = tamed(&page);
        assert!(out.len() <= MAX_HTML_BYTES);
        assert_eq!(page.as_bytes()[out.len()], b'<', "cut inside a tag");
        assert!(out.ends_with("Talks resumed on Monday."));
        assert!(changes[0].contains(&format!("page of {} bytes", page.len())));
    }
}
