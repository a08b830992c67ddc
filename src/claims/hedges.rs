//! Hedges (`likely`, `could`, `appeared to`, `reportedly`, `could not be independently
//! confirmed`) and verification disclaimers, which hedge the claims just before them
//! (`Khlan said … . While his claims could not be independently verified, …`).

use super::lexicon::{HedgePattern, Lexicon, Slot};
use super::segments::Paragraph;
use super::words::Word;

fn matches_at(words: &[Word], i: usize, hi: usize, p: &HedgePattern) -> Option<usize> {
    fn go(
        words: &[Word],
        i: usize,
        hi: usize,
        slots: &[Slot],
        any_case: bool,
        first: bool,
    ) -> Option<usize> {
        let Some((slot, rest)) = slots.split_first() else {
            return Some(i);
        };
        match slot {
            Slot::Forms(forms) => {
                let w = words.get(i).filter(|_| i < hi)?;
                let lower_ok = any_case || w.text == w.lower || (first && i == 0);
                if lower_ok && forms.iter().any(|f| f.text == w.lower) {
                    go(words, i + 1, hi, rest, any_case, false)
                } else {
                    None
                }
            }
            Slot::Gap(max) => (0..=*max)
                .take_while(|&n| n == 0 || (i + n <= hi && words[i + n - 1].is_word()))
                .find_map(|n| go(words, i + n, hi, rest, any_case, false)),
        }
    }
    go(words, i, hi, &p.slots, p.any_case, true)
}

/// The hedge phrases found in `words[lo..hi]`, as word ranges.
pub fn find(words: &[Word], lo: usize, hi: usize, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        let starts = words
            .get(i)
            .map_or(&[][..], |w| lex.hedge_starts.at(&w.lower));
        let best = (starts.iter())
            .filter_map(|&p| matches_at(words, i, hi, &lex.hedges[p as usize]))
            .max();
        match best {
            Some(end) => {
                out.push((i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

pub fn is_hedged(words: &[Word], lo: usize, hi: usize, lex: &Lexicon) -> bool {
    !find(words, lo, hi, lex).is_empty()
}

/// The segment says something could not be confirmed or verified: it hedges the
/// attributed claims of the segment before it.
pub fn disclaims_verification(p: &Paragraph, lo: usize, hi: usize) -> bool {
    find(&p.words, lo, hi, p.lexicon).iter().any(|&(a, b)| {
        p.words[a..b]
            .iter()
            .any(|w| w.lower.starts_with("confirm") || w.lower.starts_with("verif"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::words::words_en;

    fn hedges(text: &str) -> Vec<String> {
        let words = words_en(text);
        find(
            &words,
            0,
            words.len(),
            &crate::lang::Language::english().claims,
        )
        .into_iter()
        .map(|(a, b)| text[words[a].start as usize..words[b - 1].end as usize].to_string())
        .collect()
    }

    #[test]
    fn phrases() {
        assert_eq!(
            hedges("Russian forces are likely attempting it"),
            ["likely"]
        );
        assert_eq!(
            hedges("The situation could not be independently confirmed."),
            ["could not be independently confirmed"]
        );
        assert_eq!(
            hedges("soldiers appeared to be digging in"),
            ["appeared to"]
        );
        assert_eq!(hedges("Reportedly, it fell."), ["Reportedly"]);
        assert_eq!(
            hedges("Russian unsubstantiated claims"),
            ["unsubstantiated"]
        );
    }

    #[test]
    fn the_month_may_is_not_a_hedge() {
        assert!(hedges("The talks in May failed.").is_empty());
        assert_eq!(hedges("The city may come under shelling."), ["may"]);
        assert!(hedges("Troops can only be supplied by river.").is_empty());
    }

    proptest::proptest! {
        /// Every hedge that matches at a word is among those `hedge_starts` tries there
        /// (case as written: some hedges match only lower-case words).
        #[test]
        fn the_first_word_index_keeps_every_match(
            picks in proptest::collection::vec((0usize..10_000, 0u8..3), 1..40)
        ) {
            let lex = &crate::lang::Language::english().claims;
            let vocab = crate::claims::lexicon::tests::pattern_words(
                lex.hedges.iter().map(|h| h.slots.clone()),
            );
            let text = (picks.iter())
                .map(|&(k, case)| {
                    let w = &vocab[k % vocab.len()];
                    match case {
                        0 => w.clone(),
                        1 => w.to_uppercase(),
                        _ => w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            let words = words_en(&text);
            for i in 0..words.len() {
                let tried = lex.hedge_starts.at(&words[i].lower);
                for (p, pattern) in lex.hedges.iter().enumerate() {
                    if matches_at(&words, i, words.len(), pattern).is_some() {
                        proptest::prop_assert!(
                            tried.contains(&(p as u32)),
                            "hedge {p} matches at {:?} in {text:?} but is not tried",
                            words[i].lower
                        );
                    }
                }
            }
        }
    }
}
