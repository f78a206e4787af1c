//! The tokenizer: the input as text (invalid UTF-8 replaced), tokenized
//! whole. Every token's span must slice the text.

use dyad_text::TextAnalyzer;

fn main() {
    let analyzer = TextAnalyzer::new();
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        for token in analyzer.tokenizer().tokenize(&text, 0, text.len()) {
            token.slice(&text);
        }
    });
}
