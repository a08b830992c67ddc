//! Silver trees for uptraining the greedy parser: unlabelled news tokenized, split, tagged
//! and parsed by crosswire with a stronger model (e.g. a beam parser), written as CoNLL-U
//! for `train_syntax --silver`. Deterministic: the same inputs and model give the same file.
//!
//!     cargo run --release --example silver_trees -- --model DIR --out FILE \
//!         [--conll FILE].. [--msrp FILE].. [--text FILE_OR_DIR].. [--min-tokens N] [--max-tokens N]
//!
//! `--conll`: CoNLL-2003 (one token a line, `-DOCSTART-` and blank lines between): each
//! sentence's tokens joined by spaces is one text. `--msrp`: the MSRP pairs file, both
//! sentences of every pair. `--text`: a plain-text article, or every `.txt` file under a
//! folder (sorted). Never give them the UD EWT or CoNLL-2003 test splits. Each text goes
//! through crosswire's tokenizer and sentence splitter, then the model's tagger and parser;
//! a sentence is kept once (by its text), when it has `--min-tokens` (3) to `--max-tokens`
//! (60) tokens and at least half of them are words (CoNLL's sports tables are left out).
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use _core::lang::Language;
use _core::syntax::document::analyse;
use _core::syntax::lemma::Lemmatizer;
use _core::syntax::model::{Models, Syntax};
use _core::syntax::silver::{write_sentence, SilverToken};
use _core::text::tokens::TokenKind;
use _core::text::TextLayer;

fn main() {
    if let Err(e) = run() {
        eprintln!("silver_trees: {e}");
        std::process::exit(1);
    }
}

/// The models in `dir` (their lemma files too, so lemmas are those the model would give).
fn load(dir: &str) -> Result<Syntax, String> {
    let read = |name: &str| {
        std::fs::read(format!("{dir}/{name}")).map_err(|e| format!("{dir}/{name}: {e}"))
    };
    let text = |name: &str| read(name).map(|b| String::from_utf8_lossy(&b).into_owned());
    let models = Models::from_bytes(&read("syntax.model")?).map_err(|e| e.to_string())?;
    let lemmatizer =
        Lemmatizer::from_text(&text("lemma_exceptions.txt")?, &text("lemma_rules.txt")?)?;
    Ok(Syntax { models, lemmatizer })
}

/// CoNLL-2003's sentences, each as its tokens joined by spaces.
fn conll_sentences(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.lines() {
        let word = line.split(' ').next().unwrap_or("").trim();
        if word.is_empty() || word == "-DOCSTART-" {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(word);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// Both sentences of every MSRP pair (`quality, id1, id2, sentence1, sentence2`).
fn msrp_sentences(raw: &str) -> Vec<String> {
    raw.lines()
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let quality = cols.first()?.trim_start_matches('\u{feff}');
            (cols.len() == 5 && (quality == "0" || quality == "1"))
                .then(|| [cols[3].to_string(), cols[4].to_string()])
        })
        .flatten()
        .collect()
}

/// `path` itself, or every `.txt` file under it, sorted.
fn text_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
    for entry in entries {
        let p = entry.map_err(|e| e.to_string())?.path();
        if p.is_dir() {
            out.extend(text_files(&p)?);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// The CoNLL-U of every sentence of `text` that passes the filters: (sentence text, lines).
fn parsed_sentences(
    syntax: &Syntax,
    text: &str,
    min_tokens: usize,
    max_tokens: usize,
) -> Vec<(String, String)> {
    let layer = TextLayer::analyse(text, 0, Language::english());
    let parsed = analyse(syntax, text, &layer.tokens, &layer.sentences);
    let mut out = Vec::new();
    let mut i = 0;
    while i < parsed.len() {
        let run = parsed.run_of(i);
        i = run.end;
        let tokens = &layer.tokens[run.clone()];
        let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
        if !(min_tokens..=max_tokens).contains(&run.len()) || 2 * words < run.len() {
            continue;
        }
        let forms: Vec<&str> = tokens
            .iter()
            .map(|t| text.get(t.start as usize..t.end as usize).unwrap_or(""))
            .collect();
        let silver: Vec<SilverToken> = run
            .clone()
            .zip(&forms)
            .map(|(j, form)| {
                let t = parsed.get(j);
                let head = (t.head as usize != j).then(|| t.head as usize - run.start);
                SilverToken {
                    form,
                    lemma: if t.lemma.is_empty() { "_" } else { t.lemma },
                    upos: t.pos,
                    xpos: t.tag,
                    head,
                    dep: t.dep,
                }
            })
            .collect();
        let sentence = &text[tokens[0].start as usize..tokens[tokens.len() - 1].end as usize];
        let mut lines = String::new();
        if write_sentence(&mut lines, sentence, &silver).is_some() {
            out.push((forms.join(" "), lines));
        }
    }
    out
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut model, mut out) = (None, None);
    let (mut min_tokens, mut max_tokens) = (3usize, 60usize);
    let mut texts: Vec<String> = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
        match arg.as_str() {
            "--model" => model = Some(value()?),
            "--out" => out = Some(value()?),
            "--conll" => texts.extend(conll_sentences(&read(&value()?)?)),
            "--msrp" => texts.extend(msrp_sentences(&read(&value()?)?)),
            "--text" => {
                for file in text_files(Path::new(&value()?))? {
                    texts.push(read(&file.to_string_lossy())?);
                }
            }
            "--min-tokens" => min_tokens = value()?.parse().map_err(|e| format!("{e}"))?,
            "--max-tokens" => max_tokens = value()?.parse().map_err(|e| format!("{e}"))?,
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    let (Some(model), Some(out)) = (model, out) else {
        return Err(
            "usage: silver_trees --model DIR --out FILE [--conll F] [--msrp F] [--text P]".into(),
        );
    };
    let syntax = load(&model)?;
    eprintln!(
        "{} texts; parser beam width {} margin {}",
        texts.len(),
        syntax.models.beam,
        syntax.models.beam_margin
    );
    let started = std::time::Instant::now();
    let parsed: Vec<Vec<(String, String)>> = texts
        .par_iter()
        .map(|t| parsed_sentences(&syntax, t, min_tokens, max_tokens))
        .collect();
    let mut seen = HashSet::new();
    let (mut conllu, mut sentences, mut tokens) = (String::new(), 0usize, 0usize);
    for (key, lines) in parsed.into_iter().flatten() {
        if seen.insert(key) {
            sentences += 1;
            tokens += lines.lines().count() - 2; // less `# text` and the blank line
            conllu.push_str(&lines);
        }
    }
    std::fs::write(&out, &conllu).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {out}: {sentences} sentences, {tokens} tokens ({:.1}s)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
