//! The one reader of list files: content lines, numbered, split as the manifest's format
//! says, and the one error type for lists (language files and the user's patterns alike),
//! which names the file and the line.

use std::fmt;

use super::manifest::{Format, List};

/// A problem in a list: where (a file of a language folder, or the origin of the user's
/// patterns) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    /// The file (`text/abbreviations.txt`, `names.csv`) or origin (`Patterns.add`).
    pub source: String,
    /// 1-based; 0 when the problem concerns the source as a whole (a missing file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl ListError {
    /// A problem with `source` at `line`.
    pub fn new(source: impl Into<String>, line: usize, message: impl Into<String>) -> ListError {
        ListError {
            source: source.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}, line {}: {}", self.source, self.line, self.message)
        }
    }
}

impl std::error::Error for ListError {}

/// What loading does with a bad line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Fail on the first problem (tests, and checking a new language folder).
    Strict,
    /// Skip the bad line and note the problem (`Language::problems`): loading never fails.
    Lenient,
}

/// The problems met while loading one language.
#[derive(Debug)]
pub(crate) struct Problems {
    strictness: Strictness,
    found: Vec<ListError>,
}

impl Problems {
    pub(crate) fn new(strictness: Strictness) -> Problems {
        Problems {
            strictness,
            found: Vec::new(),
        }
    }

    /// Strict: the problem, as an error. Lenient: noted; the caller skips what was bad.
    pub(crate) fn report(&mut self, problem: ListError) -> Result<(), ListError> {
        match self.strictness {
            Strictness::Strict => Err(problem),
            Strictness::Lenient => {
                self.found.push(problem);
                Ok(())
            }
        }
    }

    pub(crate) fn into_vec(self) -> Vec<ListError> {
        self.found
    }
}

/// The list files of one language folder, one text per `List`.
#[derive(Debug, Clone)]
pub(crate) struct Files {
    /// The folder, as errors name it (`en`, `/path/to/xx`).
    pub folder: &'static str,
    /// Static: parsed words are borrowed from them by every result (see `Language::from_dir`).
    pub texts: [&'static str; List::ALL.len()],
}

impl Files {
    pub fn get(&self, list: List) -> ListFile {
        ListFile {
            folder: self.folder,
            list,
            text: self.texts[list as usize],
        }
    }
}

/// One list file of a language: which list, and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListFile {
    pub folder: &'static str,
    pub list: List,
    pub text: &'static str,
}

/// One row of a `Format::Sections` file.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SectionRow<'a> {
    /// `@label ORG credit`: the name (`label`) and its arguments.
    Header(&'static str, &'a [&'static str]),
    /// The `|` columns of an entry line.
    Entry(&'a [&'static str]),
}

impl ListFile {
    /// Content lines: `(line number, trimmed text)`, without blank and `#` comment lines.
    fn lines(&self) -> impl Iterator<Item = (usize, &'static str)> {
        self.text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
    }

    /// The file as errors name it: `en/text/abbreviations.txt`.
    pub fn source(&self) -> String {
        format!("{}/{}", self.folder, self.list.path())
    }

    fn error(&self, line: usize, message: impl Into<String>) -> ListError {
        ListError::new(self.source(), line, message)
    }

    /// Calls `each` with the fields of every content line, split as the list's format
    /// says. A line of the wrong shape, or one `each` rejects (`Err(message)`), is a
    /// problem that names the file and the line.
    pub fn rows(
        &self,
        problems: &mut Problems,
        mut each: impl FnMut(&[&'static str]) -> Result<(), String>,
    ) -> Result<(), ListError> {
        self.each_line(problems, |fields| match fields {
            SectionRow::Entry(fields) => each(fields),
            SectionRow::Header(name, _) => Err(format!("no section headers here ({name})")),
        })
    }

    /// `rows` for a `Format::Sections` file: header lines and entries, in order.
    pub fn sections(
        &self,
        problems: &mut Problems,
        each: impl FnMut(SectionRow) -> Result<(), String>,
    ) -> Result<(), ListError> {
        self.each_line(problems, each)
    }

    /// Every entry of an `Entries` (or `Fields`) file, one by one: the whole line, or each
    /// field of it.
    pub fn entries(&self, problems: &mut Problems) -> Result<Vec<&'static str>, ListError> {
        let mut out = Vec::new();
        self.rows(problems, |fields| {
            out.extend_from_slice(fields);
            Ok(())
        })?;
        Ok(out)
    }

    fn each_line(
        &self,
        problems: &mut Problems,
        mut each: impl FnMut(SectionRow) -> Result<(), String>,
    ) -> Result<(), ListError> {
        let mut fields: Vec<&'static str> = Vec::new();
        for (number, line) in self.lines() {
            fields.clear();
            let row = match split(line, self.list.format(), &mut fields) {
                Ok(row) => row,
                Err(message) => {
                    problems.report(self.error(number, message))?;
                    continue;
                }
            };
            let row = match row {
                Shape::Header => SectionRow::Header(fields[0], &fields[1..]),
                Shape::Entry => SectionRow::Entry(&fields),
            };
            if let Err(message) = each(row) {
                problems.report(self.error(number, message))?;
            }
        }
        Ok(())
    }
}

enum Shape {
    Header,
    Entry,
}

/// Splits one content line as `format` says, into `out`; `Err` says why the line does not
/// fit the format.
fn split(line: &'static str, format: Format, out: &mut Vec<&'static str>) -> Result<Shape, String> {
    let (min, max, what) = match format {
        Format::Entries => {
            out.push(line);
            return Ok(Shape::Entry);
        }
        Format::Fields { min, max } => {
            out.extend(line.split_whitespace());
            (min, max, "fields")
        }
        Format::Columns { sep, min, max } => {
            // A closing separator (`a | b |`, table style) adds no column.
            let line = line.strip_suffix(sep).unwrap_or(line);
            out.extend(line.split(sep).map(str::trim));
            (min, max, "columns")
        }
        Format::Sections => {
            if let Some(header) = line.strip_prefix('@') {
                out.extend(header.split_whitespace());
                if out.is_empty() {
                    return Err("a section header needs a name after `@`".into());
                }
                return Ok(Shape::Header);
            }
            out.extend(line.split('|').map(str::trim));
            (1, usize::MAX, "columns")
        }
    };
    if out.len() < min || out.len() > max {
        let expected = match (min, max) {
            (n, m) if n == m => format!("{n}"),
            (n, usize::MAX) => format!("at least {n}"),
            (n, m) => format!("{n} to {m}"),
        };
        return Err(format!(
            "expected {expected} {what}, found {}: {line:?}",
            out.len()
        ));
    }
    Ok(Shape::Entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(list: List, text: &'static str) -> ListFile {
        ListFile {
            folder: "en",
            list,
            text,
        }
    }

    fn rows(
        list: List,
        text: &'static str,
        strictness: Strictness,
    ) -> (
        Vec<Vec<&'static str>>,
        Result<(), ListError>,
        Vec<ListError>,
    ) {
        let mut problems = Problems::new(strictness);
        let mut out = Vec::new();
        let result = file(list, text).rows(&mut problems, |f| {
            out.push(f.to_vec());
            Ok(())
        });
        (out, result, problems.into_vec())
    }

    #[test]
    fn comments_and_blank_lines_are_skipped_and_lines_trimmed() {
        let (got, result, _) = rows(
            List::NavigationLines,
            "# a comment\n\n  no more posts  \n\t#also a comment\nread next\n",
            Strictness::Strict,
        );
        assert!(result.is_ok());
        assert_eq!(got, vec![vec!["no more posts"], vec!["read next"]]);
    }

    #[test]
    fn columns_are_trimmed_and_counted() {
        let (got, result, _) = rows(
            List::FigureCues,
            "at least | min\nmore than|above\n",
            Strictness::Strict,
        );
        assert!(result.is_ok());
        assert_eq!(
            got,
            vec![vec!["at least", "min"], vec!["more than", "above"]]
        );
        let (_, result, _) = rows(List::FigureCues, "# c\nat least\n", Strictness::Strict);
        let err = result.unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.source, "en/entities/figure_cues.txt");
        assert!(
            err.to_string()
                .starts_with("en/entities/figure_cues.txt, line 2: expected 2 columns, found 1"),
            "{err}"
        );
    }

    #[test]
    fn a_closing_separator_adds_no_column() {
        let (got, result, _) = rows(
            List::Units,
            "km | QUANTITY | 1 | km, kms |\nEUR | MONEY | 1 | euro | € |\n",
            Strictness::Strict,
        );
        assert!(result.is_ok());
        assert_eq!(got[0], ["km", "QUANTITY", "1", "km, kms"]);
        assert_eq!(got[1].len(), 5);
    }

    #[test]
    fn tabs_split_generated_tables() {
        let (got, result, _) = rows(List::WordWeights, "kill\t0.5\t-0.25\n", Strictness::Strict);
        assert!(result.is_ok());
        assert_eq!(got, vec![vec!["kill", "0.5", "-0.25"]]);
        let (_, result, _) = rows(List::Idf, "the 1.134\n", Strictness::Strict);
        assert!(result.unwrap_err().message.contains("expected 2 columns"));
    }

    #[test]
    fn lenient_loading_skips_the_bad_line_and_keeps_the_problem() {
        let text = "twenty tens 20\nbad line\nthirty tens 30\n";
        let (got, result, found) = rows(List::NumberWords, text, Strictness::Lenient);
        assert!(result.is_ok());
        assert_eq!(got.len(), 2);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 2);
        assert!(
            found[0].message.contains("expected 3 fields, found 2"),
            "{}",
            found[0]
        );
        let (got, result, _) = rows(List::NumberWords, text, Strictness::Strict);
        assert_eq!(result.unwrap_err().line, 2);
        assert_eq!(got.len(), 1, "strict loading stops at the bad line");
    }

    #[test]
    fn a_rejected_row_names_file_and_line() {
        let mut problems = Problems::new(Strictness::Strict);
        let err = file(List::NumberWords, "one unit 1\ntwo unit x\n")
            .rows(&mut problems, |f| {
                f[2].parse::<f64>()
                    .map(|_| ())
                    .map_err(|_| format!("bad value {:?}", f[2]))
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "en/entities/number_words.txt, line 2: bad value \"x\""
        );
    }

    #[test]
    fn sections_give_headers_and_entries() {
        let mut problems = Problems::new(Strictness::Strict);
        let mut seen = Vec::new();
        file(
            List::NewsMedia,
            "@label ORG credit\nAssociated Press | AP\n@\n",
        )
        .sections(&mut problems, |row| {
            seen.push(match row {
                SectionRow::Header(name, args) => format!("{name}:{}", args.join(",")),
                SectionRow::Entry(cols) => cols.join("+"),
            });
            Ok(())
        })
        .unwrap_err();
        assert_eq!(seen, vec!["label:ORG,credit", "Associated Press+AP"]);
    }

    #[test]
    fn whole_source_errors_have_no_line() {
        let err = ListError::new("xx/text/titles.txt", 0, "missing");
        assert_eq!(err.to_string(), "xx/text/titles.txt: missing");
    }
}
