//! The figures' word lists (`lang/<language>/entities/`: number words, bound cues, units),
//! parsed once per language.

use super::phrases::PhraseTable;
use super::view::{WordMap, WordSet};
use crate::entities::label::Label;
use crate::lang::lines::{Files, ListError, ListFile, Problems};
use crate::lang::List;

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

#[derive(Debug)]
pub(crate) struct Lexicon {
    pub number_words: WordMap<NumberWord>,
    pub cues: PhraseTable<Bound>,
    pub units_after: PhraseTable<Unit>,
    pub units_before: PhraseTable<Unit>,
    /// Words a figure can start with (besides digits): one lookup rejects most tokens.
    pub starters: WordSet,
}

impl Lexicon {
    pub(crate) fn parse(files: &Files, problems: &mut Problems) -> Result<Lexicon, ListError> {
        let number_words = parse_number_words(files.get(List::NumberWords), problems)?;
        let cues = parse_cues(files.get(List::FigureCues), problems)?;
        let units_after = parse_units(files.get(List::Units), 3, problems)?;
        let units_before = parse_units(files.get(List::Units), 4, problems)?;
        let mut starters: WordSet = number_words.keys().copied().collect();
        starters.extend(cues.first_words());
        starters.extend(units_before.first_words());
        starters.extend(["a", "an"]);
        Ok(Lexicon {
            number_words,
            cues,
            units_after,
            units_before,
            starters,
        })
    }
}

fn parse_number_words(
    file: ListFile,
    problems: &mut Problems,
) -> Result<WordMap<NumberWord>, ListError> {
    let mut map = WordMap::default();
    file.rows(problems, |row| {
        let &[word, kind, value] = row else {
            return Err("expected `word kind value`".into());
        };
        let value: f64 = value
            .parse()
            .map_err(|_| format!("the value {value:?} is not a number"))?;
        let entry = match kind {
            "unit" => NumberWord::Unit(value),
            "tens" => NumberWord::Tens(value),
            "hundred" => NumberWord::Hundred,
            "scale" => NumberWord::Scale(value),
            "dozen" => NumberWord::Dozen,
            "ordinal" => NumberWord::Ordinal(value),
            "vague" => NumberWord::Vague(value),
            "fraction" => NumberWord::Fraction(value),
            _ => return Err(format!("unknown kind {kind:?}")),
        };
        map.insert(word, entry);
        Ok(())
    })?;
    Ok(map)
}

fn parse_cues(file: ListFile, problems: &mut Problems) -> Result<PhraseTable<Bound>, ListError> {
    let mut table = PhraseTable::new();
    file.rows(problems, |row| {
        let bound = match row[1] {
            "min" => Bound::Min,
            "above" => Bound::Above,
            "max" => Bound::Max,
            "below" => Bound::Below,
            "about" => Bound::About,
            "nearly" => Bound::Nearly,
            other => return Err(format!("unknown bound {other:?}")),
        };
        table.insert(row[0], bound)
    })?;
    Ok(table)
}

/// Units from `units.txt`, taking the forms in column `forms_column` (3: after the number,
/// 4: before it).
fn parse_units(
    file: ListFile,
    forms_column: usize,
    problems: &mut Problems,
) -> Result<PhraseTable<Unit>, ListError> {
    let mut table = PhraseTable::new();
    file.rows(problems, |cols| {
        let unit = Unit {
            canonical: cols[0],
            label: Label::parse(cols[1]).ok_or_else(|| format!("unknown label {:?}", cols[1]))?,
            factor: cols[2]
                .parse()
                .map_err(|_| format!("the factor {:?} is not a number", cols[2]))?,
        };
        let forms = cols.get(forms_column).copied().unwrap_or("");
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            table.insert(form, unit)?;
        }
        Ok(())
    })?;
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = &crate::lang::Language::english().figures;
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
