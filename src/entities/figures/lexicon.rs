//! The figures lexicons, parsed once from the readable files in `data/`.

use std::sync::LazyLock;

use super::phrases::PhraseTable;
use super::view::{WordMap, WordSet};
use crate::entities::label::Label;
use crate::wordlist::entries;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberWord {
    Unit(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    Ordinal(f64),
    Vague(f64),
    Fraction(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    Min,
    Above,
    Max,
    Below,
    About,
    Nearly,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    pub canonical: &'static str,
    pub label: Label,
    pub factor: f64,
}

pub(crate) struct Lexicon {
    pub number_words: WordMap<NumberWord>,
    pub cues: PhraseTable<Bound>,
    pub units_after: PhraseTable<Unit>,
    pub units_before: PhraseTable<Unit>,
    /// Words a figure can start with (besides digits): one lookup rejects most tokens.
    pub starters: WordSet,
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let number_words = parse_number_words(include_str!("data/number_words.txt"));
    let cues = parse_cues(include_str!("data/cues.txt"));
    let units_before = parse_units(include_str!("data/units.txt"), 4);
    let mut starters: WordSet = number_words.keys().copied().collect();
    starters.extend(cues.first_words());
    starters.extend(units_before.first_words());
    starters.extend(["a", "an"]);
    Lexicon {
        number_words,
        cues,
        units_after: parse_units(include_str!("data/units.txt"), 3),
        units_before,
        starters,
    }
});

fn parse_number_words(src: &'static str) -> WordMap<NumberWord> {
    let mut map = WordMap::default();
    for line in entries(src) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let (word, kind, value) = match f[..] {
            [w, k, v] => (w, k, v.parse::<f64>().expect("number_words.txt: bad value")),
            _ => panic!("number_words.txt: expected `word kind value`: {line}"),
        };
        let entry = match kind {
            "unit" => NumberWord::Unit(value),
            "tens" => NumberWord::Tens(value),
            "hundred" => NumberWord::Hundred,
            "scale" => NumberWord::Scale(value),
            "dozen" => NumberWord::Dozen,
            "ordinal" => NumberWord::Ordinal(value),
            "vague" => NumberWord::Vague(value),
            "fraction" => NumberWord::Fraction(value),
            _ => panic!("number_words.txt: unknown kind {kind}"),
        };
        map.insert(word, entry);
    }
    map
}

fn parse_cues(src: &'static str) -> PhraseTable<Bound> {
    let mut table = PhraseTable::new();
    for line in entries(src) {
        let (phrase, bound) = line
            .split_once('|')
            .expect("cues.txt: expected `cue | bound`");
        let bound = match bound.trim() {
            "min" => Bound::Min,
            "above" => Bound::Above,
            "max" => Bound::Max,
            "below" => Bound::Below,
            "about" => Bound::About,
            "nearly" => Bound::Nearly,
            other => panic!("cues.txt: unknown bound {other}"),
        };
        table.insert(phrase, bound);
    }
    table
}

/// Units from `units.txt`, taking the forms in column `forms_column` (3: after the number,
/// 4: before it).
fn parse_units(src: &'static str, forms_column: usize) -> PhraseTable<Unit> {
    let mut table = PhraseTable::new();
    for line in entries(src) {
        let cols: Vec<&'static str> = line.split('|').map(str::trim).collect();
        assert!(cols.len() >= 4, "units.txt: too few columns: {line}");
        let unit = Unit {
            canonical: cols[0],
            label: Label::parse(cols[1]).expect("units.txt: unknown label"),
            factor: cols[2].parse().expect("units.txt: bad factor"),
        };
        let forms = cols.get(forms_column).copied().unwrap_or("");
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            table.insert(form, unit);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = &*LEXICON;
        assert_eq!(
            lex.number_words.get("twenty"),
            Some(&NumberWord::Tens(20.0))
        );
        assert_eq!(
            lex.number_words.get("million"),
            Some(&NumberWord::Scale(1e6))
        );
        assert!(lex.number_words.len() > 60);
    }
}
