//! A CoNLL-U reader for training and evaluation: comments, multiword tokens (`3-4`),
//! `SpaceAfter=No`; empty nodes (`8.1`, enhanced graphs only) are skipped.

/// One syntactic word (a line with an integer id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as written.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific (Penn) tag.
    pub xpos: String,
    /// 0-based index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// Dependency relation to the head (`root` for the root).
    pub deprel: String,
}

/// A multiword token: words `first..=last` written as one surface `form` (`don't` = do + n't).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    /// Index of the first word it spells.
    pub first: usize,
    /// Index of the last word it spells.
    pub last: usize,
    /// The surface form.
    pub form: String,
}

/// One sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines without the leading `#`, trimmed (`sent_id = …`, `text = …`).
    pub comments: Vec<String>,
    /// Its syntactic words, in order.
    pub words: Vec<Word>,
    /// Its multiword tokens, in order.
    pub multiword: Vec<MultiwordToken>,
    /// Per word: is the word's surface token followed by a space (false for `SpaceAfter=No`;
    /// inside a multiword token, what the multiword token says, on its last word).
    pub space_after: Vec<bool>,
}

impl Sentence {
    /// The value of a `key = value` comment, e.g. `text`.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// Surface tokens in order: `(first word, last word, form)`, a multiword token as one.
    pub fn surface(&self) -> Vec<(usize, usize, &str)> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut mwt = self.multiword.iter().peekable();
        let mut i = 0;
        while i < self.words.len() {
            match mwt.peek() {
                Some(m) if m.first == i => {
                    out.push((m.first, m.last, m.form.as_str()));
                    i = m.last + 1;
                    mwt.next();
                }
                _ => {
                    out.push((i, i, self.words[i].form.as_str()));
                    i += 1;
                }
            }
        }
        out
    }

    /// The sentence text rebuilt from its surface tokens and `SpaceAfter`.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for (_, last, form) in self.surface() {
            text.push_str(form);
            if self.space_after[last] {
                text.push(' ');
            }
        }
        text.truncate(text.trim_end().len());
        text
    }
}

/// A line that is not valid CoNLL-U, by 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with the line.
    pub message: String,
}

impl std::fmt::Display for ConlluError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CoNLL-U line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

/// Every sentence of a CoNLL-U document.
pub fn parse(input: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let mut first_line = 1;
    for (n, raw) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() || !current.comments.is_empty() {
                finish(&mut current, first_line)?;
                sentences.push(std::mem::take(&mut current));
            }
            first_line = line_no + 1;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            current.comments.push(comment.trim().to_string());
            continue;
        }
        read_line(line, line_no, &mut current)?;
    }
    if !current.words.is_empty() {
        finish(&mut current, first_line)?;
        sentences.push(current);
    }
    Ok(sentences)
}

fn read_line(line: &str, line_no: usize, s: &mut Sentence) -> Result<(), ConlluError> {
    let err = |message: String| ConlluError {
        line: line_no,
        message,
    };
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(err(format!(
            "expected 10 tab-separated columns, found {}",
            cols.len()
        )));
    }
    let id = cols[0];
    let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
    if id.contains('.') {
        return Ok(()); // an empty node of the enhanced graph
    }
    if let Some((a, b)) = id.split_once('-') {
        let (first, last) = match (a.parse::<usize>(), b.parse::<usize>()) {
            (Ok(a), Ok(b)) if a >= 1 && b >= a => (a - 1, b - 1),
            _ => return Err(err(format!("bad multiword range {id:?}"))),
        };
        if first != s.words.len() {
            return Err(err(format!(
                "multiword range {id} does not start at the next word"
            )));
        }
        s.multiword.push(MultiwordToken {
            first,
            last,
            form: cols[1].to_string(),
        });
        // Remembered on the range's last word once that word is read.
        s.space_after.resize(last + 1, true);
        s.space_after[last] = space_after;
        return Ok(());
    }
    let index: usize = id.parse().map_err(|_| err(format!("bad word id {id:?}")))?;
    if index != s.words.len() + 1 {
        return Err(err(format!("word id {index} out of sequence")));
    }
    let head = match cols[6] {
        "0" => None,
        "_" => return Err(err("missing head".into())),
        h => Some(
            h.parse::<usize>()
                .ok()
                .filter(|&h| h >= 1)
                .ok_or_else(|| err(format!("bad head {h:?}")))?
                - 1,
        ),
    };
    let inside_mwt = s.multiword.last().is_some_and(|m| m.last >= s.words.len());
    if !inside_mwt {
        s.space_after.resize(s.words.len() + 1, true);
        s.space_after[s.words.len()] = space_after;
    }
    s.words.push(Word {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        head,
        deprel: cols[7].to_string(),
    });
    Ok(())
}

fn finish(s: &mut Sentence, first_line: usize) -> Result<(), ConlluError> {
    let err = |message: &str| ConlluError {
        line: first_line,
        message: message.to_string(),
    };
    let n = s.words.len();
    if n == 0 {
        return Err(err("a sentence with comments but no words"));
    }
    if s.multiword.last().is_some_and(|m| m.last >= n) {
        return Err(err("a multiword range runs past the sentence"));
    }
    s.space_after.resize(n, true);
    if s.words.iter().any(|w| w.head.is_some_and(|h| h >= n)) {
        return Err(err("a head points past the sentence"));
    }
    if s.words.iter().filter(|w| w.head.is_none()).count() != 1 {
        return Err(err("a sentence needs exactly one root"));
    }
    Ok(())
}

/// UD EWT dev from `../shared`, for tests; `None` where the shared data is not beside the clone.
#[cfg(test)]
pub(crate) fn dev_treebank() -> Option<Vec<Sentence>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/ud-ewt/en_ewt-ud-dev.conllu"
    );
    let text = std::fs::read_to_string(path).ok()?;
    Some(parse(&text).expect("UD EWT dev reads"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1
# text = I don't know, Bob's dog.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_
6-7\tBob's\t_\t_\t_\t_\t_\t_\t_\t_
6\tBob\tBob\tPROPN\tNNP\t_\t8\tnmod:poss\t_\t_
7\t's\t's\tPART\tPOS\t_\t6\tcase\t_\t_
7.1\tx\tx\tX\tX\t_\t_\t_\t4:dep\t_
8\tdog\tdog\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = Two
1\tTwo\ttwo\tNUM\tCD\t_\t0\troot\t_\t_
";

    #[test]
    fn reads_words_multiword_tokens_and_spacing() {
        let sentences = parse(SAMPLE).unwrap();
        assert_eq!(sentences.len(), 2);
        let s = &sentences[0];
        assert_eq!(s.comment("sent_id"), Some("s1"));
        assert_eq!(s.words.len(), 9, "the empty node 7.1 is skipped");
        assert_eq!(s.words[1].form, "do");
        assert_eq!(s.words[0].head, Some(3));
        assert_eq!(s.words[3].head, None);
        assert_eq!(s.words[6].deprel, "case");
        assert_eq!(
            s.surface().iter().map(|t| t.2).collect::<Vec<_>>(),
            ["I", "don't", "know", ",", "Bob's", "dog", "."]
        );
        assert_eq!(s.text(), "I don't know, Bob's dog.");
        assert_eq!(Some(s.text().as_str()), s.comment("text"));
        assert_eq!(sentences[1].text(), "Two");
    }

    #[test]
    fn bad_lines_name_their_line() {
        let broken = SAMPLE.replace(
            "4\tknow\tknow\tVERB\tVB\t_\t0",
            "4\tknow\tknow\tVERB\tVB\t_\tX",
        );
        assert_eq!(parse(&broken).unwrap_err().line, 7);
        let short = "1\tA\ta\n";
        assert_eq!(parse(short).unwrap_err().line, 1);
        let two_roots = "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t0\troot\t_\t_\n";
        assert!(parse(two_roots).is_err());
        let out_of_range = "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t7\tdep\t_\t_\n";
        assert!(parse(out_of_range).is_err());
    }

    #[test]
    fn reads_the_treebank_when_present() {
        let Some(sentences) = dev_treebank() else {
            return; // the shared data is not beside this clone
        };
        assert_eq!(sentences.len(), 2001);
        let same = sentences
            .iter()
            .filter(|s| s.comment("text") == Some(s.text().as_str()))
            .count();
        assert!(
            same >= 1990,
            "rebuilt text matches `# text` in {same} of 2001"
        );
    }
}
