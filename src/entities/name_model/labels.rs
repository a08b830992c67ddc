//! From CoNLL-2003 kinds to OntoNotes labels, for names the lexicon does not know (the
//! lexicon's own label stands for those it knows; see `combine.rs`). PER and ORG map one to
//! one. LOC is LOC after a landform head word (`River`, `Sea`), FAC after a facility's
//! (`Airport`), GPE otherwise. MISC is NORP when the word reads as a nationality or faith
//! (`Kurdish`, `Zairean`); other MISC names (`RBI`, `Dow Jones`) have no OntoNotes label
//! here and are dropped.

use crate::entities::features::Features;
use crate::entities::label::Label;
use crate::entities::lexicon::class;

use super::tags::{Kind, TokenSpan};

pub fn label_of(span: TokenSpan, f: &Features) -> Option<Label> {
    let head = f.tokens[span.end - 1].flags;
    Some(match span.kind {
        Kind::Per => Label::Person,
        Kind::Org => Label::Org,
        Kind::Loc if head & class::LOC_HEAD != 0 => Label::Loc,
        Kind::Loc if head & class::FAC_HEAD != 0 => Label::Fac,
        Kind::Loc => Label::Gpe,
        Kind::Misc if reads_as_group(f.folded(span.end - 1)) => Label::Norp,
        Kind::Misc => return None,
    })
}

/// `kurdish`, `zairean`, `sudanese`, `iraqis`, `moslem`: the endings of nationality and faith
/// adjectives and their plurals.
fn reads_as_group(folded: &str) -> bool {
    let word = folded.strip_suffix('s').unwrap_or(folded);
    word.chars().count() > 3
        && ["an", "ese", "ish", "i", "em", "im"]
            .iter()
            .any(|end| word.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_endings() {
        for w in ["kurdish", "zairean", "sudanese", "iraqis", "moslem"] {
            assert!(reads_as_group(w), "{w}");
        }
        for w in ["rbi", "cup", "jones", "open", "switch", "athletic"] {
            assert!(!reads_as_group(w), "{w}");
        }
    }
}
