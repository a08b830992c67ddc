//! CoNLL-2003 files (`word POS chunk NER` a line, blank lines between sentences, IOB1 or IOB2
//! name tags) read into plain texts with their names as byte spans. Only the words and the
//! name tags are read: the POS and chunk columns are gold annotation, and no run-time feature
//! may use them.
//!
//! Documents are split at `-DOCSTART-` lines; a file without them (as in `../shared/data`) is
//! cut into articles before each dateline (`LONDON 1996-08-30`): an article is its headline,
//! an optional byline, the dateline and the story. A document's text is its sentences one a
//! line, words joined by single spaces, as `benches/conll_heldout.py` builds it: crosswire
//! then tokenizes that text like any other, and the names are projected onto its tokens.

use super::tags::Kind;

/// One article: its text as crosswire reads it, and its gold names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Sentences one a line, words joined by single spaces.
    pub text: String,
    /// Sorted, non-overlapping.
    pub names: Vec<Name>,
}

/// A gold name: `text[start..end]` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) kind: Kind,
}

/// A line the reader could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllError {
    /// Its number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for ConllError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConllError {}

/// A word and its name tag: the kind, and whether the tag says a name begins here (`B-`).
type Word<'a> = (&'a str, Option<(bool, Kind)>);

/// The file's sentences, and the indices of the sentences that follow a `-DOCSTART-`.
fn sentences(input: &str) -> Result<(Vec<Vec<Word<'_>>>, Vec<usize>), ConllError> {
    let mut sentences: Vec<Vec<Word>> = vec![Vec::new()];
    let mut starts = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let current_empty = sentences.last().is_some_and(Vec::is_empty);
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !current_empty {
                sentences.push(Vec::new());
            }
            if !cols.is_empty() {
                starts.push(sentences.len() - 1);
            }
            continue;
        }
        let err = |message: String| ConllError {
            line: i + 1,
            message,
        };
        if cols.len() < 2 {
            return Err(err(format!("expected `word ... tag`, got {line:?}")));
        }
        let tag = cols[cols.len() - 1];
        let kind = match tag {
            "O" => None,
            _ => Some(
                tag.split_once('-')
                    .filter(|(b, _)| matches!(*b, "B" | "I"))
                    .and_then(|(b, k)| Some((b == "B", Kind::parse(k)?)))
                    .ok_or_else(|| err(format!("unknown name tag {tag:?}")))?,
            ),
        };
        sentences
            .last_mut()
            .expect("never empty")
            .push((cols[0], kind));
    }
    if sentences.last().is_some_and(Vec::is_empty) {
        sentences.pop();
    }
    Ok((sentences, starts))
}

/// `LONDON 1996-08-30`, `NICE , France 1996-08-30`: a short line ending in an ISO date.
fn is_dateline(s: &[Word]) -> bool {
    let is_date = |w: &str| {
        let b = w.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
    };
    s.len() <= 8 && s.last().is_some_and(|(w, _)| is_date(w))
}

/// `Peter Blackburn`: a few capitalised words, no punctuation or digits.
fn is_byline(s: &[Word]) -> bool {
    s.len() <= 4
        && s.iter().all(|(w, _)| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
}

/// Where articles start in a file without `-DOCSTART-`: at the headline before each dateline
/// (before the byline, if one sits between them).
fn article_starts(sentences: &[Vec<Word>]) -> Vec<usize> {
    let mut starts = vec![0];
    for k in 1..sentences.len() {
        if !is_dateline(&sentences[k]) {
            continue;
        }
        let mut start = k - 1;
        if start >= 1 && is_byline(&sentences[start]) {
            start -= 1;
        }
        if start > *starts.last().expect("never empty") {
            starts.push(start);
        }
    }
    starts
}

/// The documents of one CoNLL-2003 file, in file order.
pub fn parse(input: &str) -> Result<Vec<Document>, ConllError> {
    let (sentences, mut starts) = sentences(input)?;
    if starts.is_empty() {
        starts = article_starts(&sentences);
    }
    starts.push(sentences.len());
    Ok(starts
        .windows(2)
        .filter_map(|w| document(&sentences[w[0]..w[1]]))
        .collect())
}

fn document(sentences: &[Vec<Word>]) -> Option<Document> {
    let mut text = String::new();
    let mut names: Vec<Name> = Vec::new();
    for sentence in sentences {
        let mut open: Option<Name> = None;
        for (k, &(word, tag)) in sentence.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let start = text.len() as u32;
            text.push_str(word);
            let end = text.len() as u32;
            match (open.as_mut(), tag) {
                (Some(o), Some((false, kind))) if o.kind == kind => o.end = end,
                (_, Some((_, kind))) => {
                    names.extend(open.take());
                    open = Some(Name { start, end, kind });
                }
                (_, None) => names.extend(open.take()),
            }
        }
        names.extend(open);
        text.push('\n');
    }
    (!text.is_empty()).then_some(Document { text, names })
}

#[cfg(test)]
mod tests {
    use super::*;

    const IOB1: &str = "-DOCSTART- -X- O O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n.  . O O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\nSmith NNP I-NP B-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP B-NP I-LOC\n";

    fn names(doc: &Document) -> Vec<(&str, Kind)> {
        doc.names
            .iter()
            .map(|n| (&doc.text[n.start as usize..n.end as usize], n.kind))
            .collect()
    }

    #[test]
    fn docstart_documents_and_iob1_names() {
        let docs = parse(IOB1).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].text,
            "EU rejects German call .\nPeter Blackburn Smith\n"
        );
        assert_eq!(
            names(&docs[0]),
            vec![
                ("EU", Kind::Org),
                ("German", Kind::Misc),
                ("Peter Blackburn", Kind::Per),
                ("Smith", Kind::Per)
            ]
        );
        assert_eq!(names(&docs[1]), vec![("BRUSSELS", Kind::Loc)]);
    }

    #[test]
    fn articles_start_at_the_headline_before_a_dateline() {
        let file = "\
EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n. . O O\n\n\
Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n\
BRUSSELS NNP B-NP B-LOC\n1996-08-22 CD I-NP O\n\n\
It PRP B-NP O\nrained VBD B-VP O\n. . O O\n\n\
CRICKET NNP B-NP O\n- : O O\nESSEX NNP B-NP B-ORG\nWIN NNP I-NP O\n. . O O\n\n\
LONDON NNP B-NP B-LOC\n1996-08-30 CD I-NP O\n\n\
Essex NNP B-NP B-ORG\nwon VBD B-VP O\n. . O O\n";
        let docs = parse(file).unwrap();
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "EU rejects .\nPeter Blackburn\nBRUSSELS 1996-08-22\nIt rained .\n",
                "CRICKET - ESSEX WIN .\nLONDON 1996-08-30\nEssex won .\n"
            ]
        );
        assert_eq!(
            names(&docs[1]),
            vec![
                ("ESSEX", Kind::Org),
                ("LONDON", Kind::Loc),
                ("Essex", Kind::Org)
            ]
        );
    }

    #[test]
    fn iob2_begins_split_adjacent_names_and_sentences_end_names() {
        let docs = parse("A NNP x B-PER\nB NNP x B-PER\nC NNP x I-PER\n\nD NNP x I-PER\n").unwrap();
        assert_eq!(
            names(&docs[0]),
            vec![("A", Kind::Per), ("B C", Kind::Per), ("D", Kind::Per)]
        );
    }

    #[test]
    fn bad_lines_say_where() {
        let err = parse("EU NNP B-NP I-ORG\nx NN B-NP I-TEAM\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("I-TEAM"), "{err}");
        assert_eq!(parse("lonely\n").unwrap_err().line, 1);
        assert!(parse("").unwrap().is_empty());
        assert!(parse("\n\n-DOCSTART- -X- O O\n\n").unwrap().is_empty());
    }
}
