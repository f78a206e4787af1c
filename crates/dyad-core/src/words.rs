//! Word helpers the stages share.

use std::borrow::Cow;

/// A word in lower case, as `str::to_lowercase` gives it, borrowed when it
/// already is: most words of running text are, and they then cost no
/// allocation.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_lower_case_words_only() {
        assert!(matches!(lowercase("talks"), Cow::Borrowed("talks")));
        assert_eq!(lowercase("Moscow"), "moscow");
        assert_eq!(lowercase("ΟΔΟΣ"), "οδος");
        assert_eq!(lowercase("ǅ"), "ǆ");
    }
}
