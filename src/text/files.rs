//! Document names from file names, for `Corpus::from_dir`.
//!
//! A document is named by its file's stem. A file name is any bytes on Unix (and unpaired
//! UTF-16 on Windows), but a name is a `String`: bytes that are not UTF-8 are written `\xNN`,
//! as Python's `backslashreplace` writes them, so every file can be read and two such files
//! keep two names. That escape can collide with a name that really spells `\xff`; the
//! duplicate check below then names both files.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The document name of `path`: its stem, with bytes that are not UTF-8 escaped as `\xNN`.
pub fn document_name(path: &Path) -> String {
    match path.file_stem() {
        Some(stem) => escaped(stem),
        None => String::new(),
    }
}

/// A file or folder name as a `String`, bytes that are not UTF-8 escaped as `\xNN`.
pub fn escaped(stem: &OsStr) -> String {
    let mut name = String::with_capacity(stem.len());
    // On Windows the encoded bytes are WTF-8: an unpaired surrogate is escaped byte by byte.
    for chunk in stem.as_encoded_bytes().utf8_chunks() {
        name.push_str(chunk.valid());
        for byte in chunk.invalid() {
            name.push_str(&format!("\\x{byte:02x}"));
        }
    }
    name
}

/// The first two files (in `named`'s order) that would give the same document name, with
/// that name: `a.txt` and `a.TXT` both name `a`.
pub fn first_clash(named: &[(PathBuf, String)]) -> Option<(&Path, &Path, &str)> {
    let mut seen: HashMap<&str, &Path> = HashMap::with_capacity(named.len());
    for (path, name) in named {
        if let Some(first) = seen.insert(name, path) {
            return Some((first, path, name));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_name_is_the_stem() {
        assert_eq!(
            document_name(Path::new("/x/Kherson, Nov. 9.txt")),
            "Kherson, Nov. 9"
        );
        assert_eq!(document_name(Path::new("Stremoúsov.TXT")), "Stremoúsov");
        assert_eq!(document_name(Path::new("/")), "");
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_escaped_one_by_one() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(OsStr::from_bytes(b"/x/caf\xe9 \xff\xfe\xc3\xa9.txt"));
        assert_eq!(document_name(path), "caf\\xe9 \\xff\\xfe\u{e9}");
        let other = Path::new(OsStr::from_bytes(b"/x/caf\xe8 \xff\xfe\xc3\xa9.txt"));
        assert_ne!(document_name(path), document_name(other));
    }

    #[test]
    fn the_first_clash_names_both_files() {
        let named: Vec<(PathBuf, String)> = ["a.TXT", "b.txt", "a.txt"]
            .iter()
            .map(|p| (PathBuf::from(p), document_name(Path::new(p))))
            .collect();
        assert_eq!(
            first_clash(&named),
            Some((Path::new("a.TXT"), Path::new("a.txt"), "a"))
        );
        assert_eq!(first_clash(&named[..2]), None);
    }
}
