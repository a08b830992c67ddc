//! Byte offsets (the core's) to code-point offsets (Python's `str` indices).

/// Maps byte offsets on character boundaries of one text to code-point offsets.
///
/// Held per document once a table asks for character offsets, for the rest of the run: a
/// table of every byte (4 bytes a byte of text, 1 GB at 100,000 articles) is not needed
/// when news text has a few curly quotes or accented names per article. Only the
/// characters over one byte are listed, so a lookup is a binary search over them.
#[derive(Debug, Clone)]
pub enum CharOffsets {
    /// Pure ASCII: the two coincide.
    Identity,
    /// One entry per character of more than one byte, in text order: its first byte, and
    /// the bytes over one that it and every such character before it take (so the
    /// character's own width is this count less the previous entry's, plus one).
    Wide(Vec<(u32, u32)>),
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets::Identity;
        }
        let mut wide = Vec::new();
        let mut extra = 0u32;
        for (i, c) in text.char_indices() {
            let width = c.len_utf8() as u32;
            if width > 1 {
                extra += width - 1;
                wide.push((i as u32, extra));
            }
        }
        wide.shrink_to_fit();
        CharOffsets::Wide(wide)
    }

    /// The code-point index of byte `byte`: of the character it belongs to when it is inside
    /// one, the number of characters when it is the text's length.
    #[inline]
    pub fn to_char(&self, byte: u32) -> u32 {
        match self {
            CharOffsets::Identity => byte,
            CharOffsets::Wide(wide) => {
                // The last wide character starting at or before `byte`.
                let k = wide.partition_point(|&(start, _)| start <= byte);
                if k == 0 {
                    return byte;
                }
                let (start, extra) = wide[k - 1];
                let before = if k >= 2 { wide[k - 2].1 } else { 0 };
                if byte <= start + (extra - before) {
                    // Inside that character (or at its first byte): its own index.
                    start - before
                } else {
                    byte - extra
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn multibyte() {
        let text = "Stremoúsov’s €5 😀!";
        let map = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi as u32), ci as u32);
        }
        assert_eq!(map.to_char(text.len() as u32), text.chars().count() as u32);
    }

    /// The table of every byte the map was before (session 27): the reference.
    fn byte_table(text: &str) -> Vec<u32> {
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for (i, b) in text.bytes().enumerate() {
            if b & 0xC0 != 0x80 && i > 0 {
                chars += 1;
            }
            table.push(if i == 0 { 0 } else { chars });
        }
        table.push(if text.is_empty() { 0 } else { chars + 1 });
        table
    }

    #[test]
    fn every_byte_as_the_byte_table() {
        for text in [
            "é",
            "aé",
            "éa",
            "’’",
            "a😀b€c",
            "Stremoúsov’s €5 😀!",
            "plain",
        ] {
            let map = CharOffsets::new(text);
            for (b, want) in byte_table(text).into_iter().enumerate() {
                assert_eq!(map.to_char(b as u32), want, "{text:?} byte {b}");
            }
        }
    }

    proptest! {
        #[test]
        fn every_byte_agrees_with_the_byte_table(text in "\\PC{0,40}") {
            let map = CharOffsets::new(&text);
            for (b, want) in byte_table(&text).into_iter().enumerate() {
                prop_assert_eq!(map.to_char(b as u32), want);
            }
        }

        #[test]
        fn agrees_with_char_indices(text in "\\PC{0,40}") {
            let map = CharOffsets::new(&text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(map.to_char(bi as u32), ci as u32);
            }
            prop_assert_eq!(map.to_char(text.len() as u32), text.chars().count() as u32);
        }
    }
}
