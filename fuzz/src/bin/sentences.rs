//! Sentence segmentation: the input as a document's text (invalid UTF-8
//! replaced, as the readers do), through the whole text stage (sentences,
//! tokens, the long-sentence cut, boilerplate, stories). Every sentence's
//! span must slice the text.

use dyad_core::Document;
use dyad_text::TextAnalyzer;

fn main() {
    let analyzer = TextAnalyzer::new();
    afl::fuzz!(|data: &[u8]| {
        let mut doc = Document::new("fuzz", String::from_utf8_lossy(data), Default::default());
        analyzer.analyze(&mut doc);
        for sentence in &doc.sentences {
            doc.slice(sentence.span);
        }
    });
}
