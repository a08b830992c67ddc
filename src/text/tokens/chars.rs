//! Character classes the scanner branches on. ASCII goes through one table lookup; every
//! other character goes through `classify`, which only the (rarer) non-ASCII path calls.
//!
//! No Unicode property crate: std gives us White_Space, Alphabetic, Numeric, case and
//! control; emoji and combining marks come from the hand-kept ranges below.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Class {
    /// `char::is_whitespace` (includes NBSP, U+2028, ideographic space).
    Space,
    Upper,
    Lower,
    /// A letter without case (CJK, Arabic, Hebrew, ...).
    Letter,
    Digit,
    /// Combining marks, variation selectors, ZWJ/ZWNJ/ZWSP, bidi marks, soft hyphen, BOM,
    /// emoji modifiers and tags: they belong to the character before them, never split.
    Extender,
    Emoji,
    /// Characters that are quotes whatever their context: `"` `“` `”` `„` `«` `»` `‘` ...
    Quote,
    /// `'` and `’`: apostrophe (inside a word) or single quote, decided by context.
    Apostrophe,
    Period,
    /// `-` and the Unicode hyphens U+2010, U+2011.
    Hyphen,
    /// En, em, figure and horizontal-bar dashes, minus sign.
    Dash,
    Ellipsis,
    Punct,
    Symbol,
    /// C0/C1 control characters other than whitespace.
    Control,
}

impl Class {
    /// Letters, digits and extenders: what a word body is made of.
    #[inline]
    pub(super) fn is_word(self) -> bool {
        matches!(
            self,
            Class::Upper | Class::Lower | Class::Letter | Class::Digit | Class::Extender
        )
    }

    #[inline]
    pub(super) fn is_letter(self) -> bool {
        matches!(self, Class::Upper | Class::Lower | Class::Letter)
    }
}

const fn ascii_class(b: u8) -> Class {
    match b {
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Class::Space,
        0x00..=0x1F | 0x7F => Class::Control,
        b'A'..=b'Z' => Class::Upper,
        b'a'..=b'z' => Class::Lower,
        b'0'..=b'9' => Class::Digit,
        b'"' => Class::Quote,
        b'\'' => Class::Apostrophe,
        b'.' => Class::Period,
        b'-' => Class::Hyphen,
        b'!' | b',' | b':' | b';' | b'?' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'/'
        | b'\\' => Class::Punct,
        _ => Class::Symbol, // # $ % & * + < = > @ ^ _ ` | ~
    }
}

const fn build_ascii_table() -> [Class; 128] {
    let mut table = [Class::Symbol; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_class(b as u8);
        b += 1;
    }
    table
}

/// Class of every ASCII byte.
pub(super) static ASCII: [Class; 128] = build_ascii_table();

/// Class of any character (the ASCII table answers for ASCII).
#[inline]
pub(super) fn classify(c: char) -> Class {
    if c.is_ascii() {
        return ASCII[c as usize];
    }
    classify_non_ascii(c)
}

/// A letter's class by its case.
fn letter_class(c: char) -> Class {
    if c.is_uppercase() {
        Class::Upper
    } else if c.is_lowercase() {
        Class::Lower
    } else {
        Class::Letter
    }
}

fn classify_non_ascii(c: char) -> Class {
    // Fast answers for what news text is full of, before the Unicode tables:
    // Latin-1 and Latin Extended letters, and General Punctuation (quotes, dashes, …).
    match c {
        'À'..='ɏ' if c != '×' && c != '÷' => {
            return letter_class(c);
        }
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => return general_punctuation(c),
        _ => {}
    }
    if c.is_whitespace() {
        return Class::Space;
    }
    // Before the letter test: some combining marks are Alphabetic, and all must glue.
    if is_extender(c) {
        return Class::Extender;
    }
    if c.is_alphabetic() {
        return letter_class(c);
    }
    if c.is_numeric() {
        return Class::Digit;
    }
    if is_emoji(c) {
        return Class::Emoji;
    }
    if c.is_control() {
        return Class::Control;
    }
    match c {
        '«' | '»' | '「' | '」' | '『' | '』' => Class::Quote,
        '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Class::Dash,
        '¡' | '¿' | '·' | '§' | '¶' => Class::Punct,
        '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' => Class::Punct,
        // Arabic, Devanagari and full-width punctuation that the letter test did not take.
        '،' | '؛' | '؟' | '۔' | '।' | '॥' | '！' | '，' | '．' | '：' | '；' | '？' => {
            Class::Punct
        }
        _ => Class::Symbol,
    }
}

/// U+2010..U+205E without the invisible and space characters (U+2028..U+202F).
fn general_punctuation(c: char) -> Class {
    match c {
        '“' | '”' | '„' | '‟' | '‹' | '›' | '‘' | '‚' | '‛' => Class::Quote,
        '’' => Class::Apostrophe,
        '…' => Class::Ellipsis,
        '\u{2010}' | '\u{2011}' => Class::Hyphen,
        '\u{2012}'..='\u{2015}' => Class::Dash,
        _ => Class::Punct,
    }
}

/// Emoji that start a cluster (Extended_Pictographic, approximately, plus regional indicators).
pub(super) fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1F3FA}' | '\u{1F400}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{231A}'..='\u{231B}' | '\u{23E9}'..='\u{23FA}'
        | '\u{2B05}'..='\u{2B07}' | '\u{2B1B}'..='\u{2B1C}' | '\u{2B50}' | '\u{2B55}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}')
}

pub(super) fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

pub(super) const ZWJ: char = '\u{200D}';
pub(super) const KEYCAP: char = '\u{20E3}';

/// Characters with no width of their own: they extend whatever precedes them.
fn is_extender(c: char) -> bool {
    matches!(c,
        // combining diacritics (Latin, Greek, Cyrillic), Cyrillic, Hebrew, Arabic marks
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        // Devanagari signs and virama
        | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        // variation selectors
        | '\u{180B}'..='\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}'
        // invisible format characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, bidi, word joiner, BOM
        | '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}'
        // emoji skin-tone modifiers and tag characters (subdivision flags)
        | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_table_agrees_with_classify() {
        for b in 0u8..128 {
            assert_eq!(ASCII[b as usize], classify(b as char), "byte {b}");
        }
    }

    #[test]
    fn whitespace_is_exactly_std_whitespace() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(classify(c) == Class::Space, c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn classes_of_noisy_characters() {
        assert_eq!(classify('\u{A0}'), Class::Space);
        assert_eq!(classify('ú'), Class::Lower);
        assert_eq!(classify('’'), Class::Apostrophe);
        assert_eq!(classify('‘'), Class::Quote);
        assert_eq!(classify('—'), Class::Dash);
        assert_eq!(classify('–'), Class::Dash);
        assert_eq!(classify('…'), Class::Ellipsis);
        assert_eq!(classify('€'), Class::Symbol);
        assert_eq!(classify('😀'), Class::Emoji);
        assert_eq!(classify('\u{1F3FD}'), Class::Extender);
        assert_eq!(classify('\u{200B}'), Class::Extender);
        assert_eq!(classify('\u{0301}'), Class::Extender);
        assert_eq!(classify('\u{85}'), Class::Space);
        assert_eq!(classify('\u{9F}'), Class::Control);
    }
}
