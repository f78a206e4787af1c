//! Web pages: the article body and its metadata from raw HTML.
//!
//! Telling an article's body from navigation, teasers and comments is a
//! field of its own, so dyad leaves it to `rs-trafilatura`, the Rust port of
//! trafilatura, which leads the public article-extraction benchmark. The
//! crate also reads the page's metadata (JSON-LD, Open Graph and other
//! `<meta>` tags, `<time>`); dyad keeps the title, publication date, URL and
//! outlet from it.

use chrono::{Datelike, NaiveDate};

/// Dates before this year are placeholders, not publication dates.
const EARLIEST_YEAR: i32 = 1900;

/// What a page yields: its article body and what its metadata says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article body as plain text, one paragraph a line block.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The outlet: the site's name, or its host name.
    pub source: Option<String>,
    /// What was changed in the page's shape before extraction (see
    /// the `tame` module): a cut beyond the size cap, flattened nesting.
    pub reshaped: Vec<String>,
}

/// Extracts the article of a page given as bytes (the encoding is detected).
/// The page is first given a shape the extractor handles in linear time
/// (see the `tame` module); `Page::reshaped` says what that changed.
pub fn extract_page(html: &[u8]) -> Result<Page, String> {
    let tamed = crate::tame::tame(html);
    let result = rs_trafilatura::extract_bytes(&tamed.html)
        .map_err(|e| format!("cannot extract the page's article: {e}"))?;
    let meta = result.metadata;
    let non_empty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Page {
        text: paragraphs(&result.content_text),
        title: non_empty(meta.title),
        // The extractor gives the year 1 when it found no usable date.
        published: meta
            .date
            .map(|d| d.date_naive())
            .filter(|d| d.year() >= EARLIEST_YEAR),
        url: non_empty(meta.url),
        source: non_empty(meta.sitename).or(non_empty(meta.hostname)),
        reshaped: tamed.changes,
    })
}

/// The body with each paragraph (a line of the extractor's output) set apart
/// by a blank line, so that the text stage sees headlines and captions as
/// paragraphs of their own.
fn paragraphs(body: &str) -> String {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page written for the tests.
    const PAGE: &str = include_str!("../tests/pages/talks.html");

    /// The test page's article, its paragraphs apart.
    fn assert_article(page: &Page) {
        for part in [
            "Uganda and Kenya agreed on Monday",
            "\n\nThe foreign ministers",
        ] {
            assert!(page.text.contains(part), "{}", page.text);
        }
    }

    #[test]
    fn keeps_the_article_and_its_metadata() {
        let page = extract_page(PAGE.as_bytes()).unwrap();
        assert_article(&page);
        assert!(!page.text.contains("Copyright"), "{}", page.text);
        assert!(!page.text.contains("Sport"), "{}", page.text);
        assert_eq!(page.title.as_deref(), Some("Talks resume on lake dispute"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2019, 5, 13));
        assert_eq!(
            page.url.as_deref(),
            Some("https://wire.example/talks-resume")
        );
        assert_eq!(page.source.as_deref(), Some("Dyad Wire"));
    }

    /// The test page with `depth` elements `open`ed (and, with `close`,
    /// closed) around its article.
    fn buried(open: &str, depth: usize, close: Option<&str>) -> String {
        let (head, rest) = PAGE.split_once("<article").unwrap();
        let (article, tail) = rest.split_once("</article>").unwrap();
        let mut page = head.to_string();
        page.push_str(&open.repeat(depth));
        page.push_str("<article");
        page.push_str(article);
        page.push_str("</article>");
        if let Some(close) = close {
            page.push_str(&close.repeat(depth));
        }
        page.push_str(tail);
        page
    }

    #[test]
    fn pages_of_any_depth_come_back_with_their_article() {
        for (open, close) in [("<div><span>", Some("</span></div>")), ("<div>", None)] {
            let depth = if close.is_some() { 50_000 } else { 14_000 };
            let page = extract_page(buried(open, depth, close).as_bytes()).unwrap();
            // Its paragraphs, deeper than the cap, are kept apart.
            assert_article(&page);
            assert_eq!(page.title.as_deref(), Some("Talks resume on lake dispute"));
            assert_eq!(page.reshaped.len(), 1, "{:?}", page.reshaped);
            assert!(page.reshaped[0].contains("flattened"));
        }
    }
}
