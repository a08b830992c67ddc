//! Bytes to text. Strict decoding reports where the input stops being UTF-8; lenient decoding
//! substitutes U+FFFD and says how many bytes it could not read, so nothing is lost silently.

use std::fmt;

/// How to read bytes that are not valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    /// Invalid UTF-8 is an error.
    Strict,
    /// Invalid sequences become U+FFFD; the caller is told how many.
    Replace,
}

/// Where strict decoding stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the first invalid sequence in the input as given (BOM included).
    pub offset: usize,
    /// The invalid bytes found there.
    pub bytes: Vec<u8>,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex: Vec<String> = self.bytes.iter().map(|b| format!("0x{b:02x}")).collect();
        write!(
            f,
            "invalid UTF-8 at byte offset {} ({})",
            self.offset,
            hex.join(" ")
        )
    }
}

/// Decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a leading BOM.
    pub text: String,
    /// Invalid sequences replaced (0 in strict mode).
    pub replaced: usize,
    /// Byte offset of the first replaced sequence, if any.
    pub first_invalid: Option<usize>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes UTF-8, dropping a leading byte-order mark the way Python's `utf-8-sig` does.
pub fn decode(bytes: &[u8], mode: Decoding) -> Result<Decoded, DecodeError> {
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = &bytes[skip..];
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            replaced: 0,
            first_invalid: None,
        }),
        Err(err) => {
            let offset = skip + err.valid_up_to();
            if mode == Decoding::Strict {
                let len = err.error_len().unwrap_or(body.len() - err.valid_up_to());
                return Err(DecodeError {
                    offset,
                    bytes: bytes[offset..offset + len].to_vec(),
                });
            }
            let replaced = body
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            Ok(Decoded {
                text: String::from_utf8_lossy(body).into_owned(),
                replaced,
                first_invalid: Some(offset),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_reports_offset_of_first_bad_byte() {
        let err = decode(b"abc\xffdef", Decoding::Strict).unwrap_err();
        assert_eq!(err.offset, 3);
        assert_eq!(err.to_string(), "invalid UTF-8 at byte offset 3 (0xff)");
    }

    #[test]
    fn offset_counts_the_bom() {
        let err = decode(b"\xEF\xBB\xBFab\xc3", Decoding::Strict).unwrap_err();
        assert_eq!(err.offset, 5);
    }

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let d = decode(b"\xEF\xBB\xBFa\r\nb", Decoding::Strict).unwrap();
        assert_eq!(d.text, "a\r\nb");
    }

    #[test]
    fn replace_counts_each_bad_sequence() {
        let d = decode(b"a\xffb\xfe\xfdc", Decoding::Replace).unwrap();
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}\u{FFFD}c");
        assert_eq!(d.replaced, 3);
        assert_eq!(d.first_invalid, Some(1));
    }
}
