//! Byte offsets (the core's) to code-point offsets (Python's `str` indices).

/// Maps byte offsets on character boundaries of one text to code-point offsets.
#[derive(Debug, Clone)]
pub enum CharOffsets {
    /// Pure ASCII: the two coincide.
    Identity,
    /// `table[b]` is the code-point index of byte `b`; one entry past the end.
    Table(Vec<u32>),
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets::Identity;
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for (i, b) in text.bytes().enumerate() {
            // Continuation bytes share the index of the character they belong to.
            if b & 0xC0 != 0x80 && i > 0 {
                chars += 1;
            }
            table.push(if i == 0 { 0 } else { chars });
        }
        table.push(if text.is_empty() { 0 } else { chars + 1 });
        CharOffsets::Table(table)
    }

    #[inline]
    pub fn to_char(&self, byte: u32) -> u32 {
        match self {
            CharOffsets::Identity => byte,
            CharOffsets::Table(t) => t[byte as usize],
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

    proptest! {
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
