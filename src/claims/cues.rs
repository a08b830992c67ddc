//! Finding reporting cues (`said`, `accused`, `put the figure at`, `described … as`) among a
//! segment's words, and setting aside the uses that are not reports: nouns (`his claims`,
//! `an estimated 300,000`), passive modifiers (`talks first reported by the WSJ`),
//! infinitives (`refused to say`), words inside a quotation.

use super::lexicon::{CuePattern, Lexicon, Slot};
use super::segments::Paragraph;
use super::tree::{self, Reading};
use super::words::{Word, DETERMINERS, PASSIVE_AUX, PREPOSITIONS, QUANTIFIERS};
use super::CueClass;
use crate::text::tokens::TokenKind;

#[derive(Debug, Clone)]
pub struct CueMatch {
    pub class: CueClass,
    /// Word indices: the cue is `first..end`.
    pub first: usize,
    pub end: usize,
    /// Where the claim starts when the cue frames it (`described [the evacuation as …]`):
    /// after the first words when a gap was filled, else `end`.
    pub content_from: usize,
    /// The cue in lowercase, gaps shown as `…` (`described … as`, `according to`).
    pub text: String,
    /// An `-ing` form (`adding that`, `denying that`): its subject is elsewhere.
    pub participle: bool,
    /// `It was claimed that`: a passive with no agent.
    pub passive: bool,
}

fn gap_word(w: &Word) -> bool {
    matches!(w.kind, TokenKind::Word | TokenKind::Number) || w.is_possessive() || w.text == "-"
}

/// Matches `slots` at word `i`; returns the end index and the word ranges the gaps took.
fn match_slots(
    words: &[Word],
    i: usize,
    end: usize,
    slots: &[Slot],
    gaps: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else {
        return Some(i);
    };
    match slot {
        Slot::Forms(forms) => {
            let w = words.get(i).filter(|_| i < end)?;
            if forms.iter().any(|f| f.text == w.lower) {
                match_slots(words, i + 1, end, rest, gaps)
            } else {
                None
            }
        }
        Slot::Gap(max) => {
            for n in 0..=*max {
                if n > 0 && !(i + n <= end && gap_word(&words[i + n - 1])) {
                    break;
                }
                gaps.push((i, i + n));
                if let Some(e) = match_slots(words, i + n, end, rest, gaps) {
                    return Some(e);
                }
                gaps.pop();
            }
            None
        }
    }
}

fn surface(words: &[Word], first: usize, end: usize, gaps: &[(usize, usize)]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut k = first;
    while k < end {
        if let Some(&(_, ge)) = gaps.iter().find(|&&(gs, ge)| gs == k && ge > gs) {
            parts.push("…");
            k = ge;
        } else {
            parts.push(&words[k].lower);
            k += 1;
        }
    }
    parts.join(" ")
}

/// A word before a cue that makes the cue a noun or adjective (`the claims`, `his warning`,
/// `unsubstantiated claims`, `Russian claims`).
fn noun_context(words: &[Word], i: usize, noun_too: bool) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &words[p]) else {
        return false;
    };
    // `Some argue that …`, `Many believe`: a quantifier opening the clause is the subject.
    let opens_clause = i < 2 || {
        let before = &words[i - 2];
        before.is_terminal() || before.is_phrase_break() || before.kind == TokenKind::Quote
    };
    if !noun_too && opens_clause && prev.is_any(QUANTIFIERS) {
        return false;
    }
    if prev.is_any(DETERMINERS) || prev.is_possessive() {
        return true;
    }
    if !noun_too {
        return false;
    }
    let next_marks_noun = words
        .get(i + 1)
        .is_some_and(|n| n.is_any(&["of", "by", "about", "from", "on"]));
    let adjective = prev.kind == TokenKind::Word
        && !prev.is_capitalised()
        && ["ed", "al", "ous", "ive", "ful", "ic", "less", "ing"]
            .iter()
            .any(|s| prev.lower.ends_with(s));
    let demonym = prev.is_capitalised()
        && ["ian", "ish", "ese", "ean"]
            .iter()
            .any(|s| prev.lower.ends_with(s));
    next_marks_noun || adjective || demonym
}

/// `…, the lawsuit alleges.` / `"…," the suit claims,`: a short phrase after a comma or a
/// quotation mark, then the word, then the end of the clause.
fn closes_attribution(words: &[Word], i: usize, next: Option<&Word>) -> bool {
    if !next.is_some_and(|n| n.is_terminal() || n.is_punct(",")) {
        return false;
    }
    let mut k = i;
    while k > 0
        && i - k < 5
        && (words[k - 1].is_word() || words[k - 1].is_possessive())
        && !words[k - 1].is_any(PREPOSITIONS)
    {
        k -= 1;
    }
    k < i && k > 0 && (words[k - 1].is_punct(",") || words[k - 1].kind == TokenKind::Quote)
}

/// `"…," added Smith`: the cue right after a comma or a quotation mark, its subject after it
/// (a parser may take that subject for an object).
fn closes_or_inverts(words: &[Word], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| words[p].is_punct(",") || words[p].kind == TokenKind::Quote)
}

fn is_past_participle(w: &Word) -> bool {
    w.lower.ends_with("ed")
        || w.is_any(&["told", "said", "written", "put", "out", "shown", "known"])
}

/// All cues of `words[lo..hi]`, in order, not overlapping; `quoted[i]` is true for words
/// inside a quotation. `parsed` is the paragraph of `words` when it has a parse: the tags
/// then tell verbs from nouns.
pub fn find(
    words: &[Word],
    lo: usize,
    hi: usize,
    quoted: &[bool],
    lex: &Lexicon,
    parsed: Option<&Paragraph>,
) -> Vec<CueMatch> {
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        if quoted[i] || words[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        // The longest match: its pattern, where it ends, the words its gaps skipped.
        type Match<'p> = (&'p CuePattern, usize, Vec<(usize, usize)>);
        let mut best: Option<Match> = None;
        for &p in lex.cue_starts.at(&words[i].lower) {
            let pattern = &lex.cues[p as usize];
            let mut gaps = Vec::new();
            if let Some(end) = match_slots(words, i, hi, &pattern.slots, &mut gaps) {
                // A frame the next words rule out leaves the shorter cue its place
                // (`condemned the raid as they fled`: `condemned`, no `condemned … as`).
                let ruled_out = words
                    .get(end)
                    .is_some_and(|n| end < hi && pattern.not_before.contains(&n.lower));
                if ruled_out || lists_examples(words, end) {
                    continue;
                }
                if best.as_ref().is_none_or(|(_, e, _)| end > *e) {
                    best = Some((pattern, end, gaps));
                }
            }
        }
        let Some((pattern, end, gaps)) = best else {
            i += 1;
            continue;
        };
        let reading = parsed.and_then(|p| tree::reading(p, i, end, hi));
        let noun_object = pattern.clause_only
            && parsed.and_then(|p| tree::takes_only_a_noun_object(p, i)) == Some(true);
        if noun_object && !closes_or_inverts(words, i) {
            i += 1;
            continue;
        }
        if let Some(m) = accept(words, i, end, hi, pattern, &gaps, reading) {
            out.push(m);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the match ending at word `end` ends in `such as`: examples follow (`dismissed
/// programs such as Linux`), not what the thing is described as.
fn lists_examples(words: &[Word], end: usize) -> bool {
    end >= 2 && words[end - 1].is("as") && words[end - 2].is("such")
}

fn accept(
    words: &[Word],
    i: usize,
    end: usize,
    hi: usize,
    pattern: &CuePattern,
    gaps: &[(usize, usize)],
    reading: Option<Reading>,
) -> Option<CueMatch> {
    let head = &words[i];
    let noun_too = match &pattern.slots[0] {
        Slot::Forms(forms) => forms.iter().any(|f| f.noun_too && f.text == head.lower),
        Slot::Gap(_) => false,
    };
    // `find` already passed over a pattern its next word rules out.
    let next = words.get(end).filter(|_| end < hi);
    // The tag decides, except where the words frame a clause: a that-clause, a colon or a
    // clause after the word (`Moscow denies abusing`, which the tagger takes for a noun),
    // or a closing attribution (`…, the suit claims.`); a word after a determiner or an
    // adjective stays a noun (`Russian claims that`).
    let announces =
        next.is_some_and(|n| n.is("that") || n.is_punct(":")) || closes_attribution(words, i, next);
    let as_verb = match reading {
        Some(Reading::Verb) => true,
        Some(Reading::NounBeforeClause) => !noun_context(words, i, noun_too),
        Some(Reading::Noun) => announces && !noun_context(words, i, noun_too),
        None => !noun_context(words, i, noun_too),
    };
    if pattern.class != CueClass::Source && !as_verb {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| &words[p]);
    // `the United States`: a capitalised word inside a sentence is a name, not a verb.
    if head.is_capitalised() && prev.is_some_and(|p| !p.is_terminal() && p.kind != TokenKind::Quote)
    {
        return None;
    }
    // `so-called`; `on state television` (a gerund after a preposition is still a report:
    // `the step of denying that`).
    if prev.is_some_and(|p| p.text == "-" && p.end == head.start) {
        return None;
    }
    if prev.is_some_and(|p| p.is_any(PREPOSITIONS) && !p.is("to")) && !head.lower.ends_with("ing") {
        return None;
    }
    // After any other preposition a past participle modifies a noun (`information about
    // alleged collusion`, `reports of claimed gains`): no finite verb follows `about`.
    if prev.is_some_and(|p| p.is_any(&["about", "of", "for", "against", "into", "amid"]))
        && is_past_participle(head)
    {
        return None;
    }
    // `refused to say`, `asked to confirm`, `rather than report`: an infinitive reports
    // nothing.
    if prev.is_some_and(|p| p.is_any(&["to", "than"])) && pattern.class != CueClass::Source {
        return None;
    }
    let participle_form = head.lower.ends_with("ing");
    // A past participle before `by` modifies a noun (`talks first reported by the WSJ`).
    if is_past_participle(head) && next.is_some_and(|n| n.is("by")) && end == i + 1 {
        return None;
    }
    // A passive: `could not be verified`, `have been told`, `It was claimed that`.
    let mut passive = false;
    if is_past_participle(head) && !participle_form {
        let mut k = i;
        while k > 0 && words[k - 1].is_any(&["not", "never", "also", "widely", "independently"]) {
            k -= 1;
        }
        if k > 0 && words[k - 1].is_any(PASSIVE_AUX) {
            let mut s = k - 1;
            while s > 0 && words[s - 1].is_any(&["has", "have", "had", "been", "was", "is"]) {
                s -= 1;
            }
            let impersonal = s > 0 && words[s - 1].is("it");
            if !impersonal {
                return None;
            }
            passive = true;
        }
    }
    let filled: Vec<(usize, usize)> = gaps.iter().copied().filter(|(a, b)| b > a).collect();
    let content_from = if filled.is_empty() {
        end
    } else {
        (i + 1..end)
            .find(|&k| filled.iter().any(|&(a, _)| a == k))
            .unwrap_or(end)
    };
    Some(CueMatch {
        class: pattern.class,
        first: i,
        end,
        content_from,
        text: surface(words, i, end, &filled),
        participle: participle_form,
        passive,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::words::words_en;

    fn en() -> &'static Lexicon {
        &crate::lang::Language::english().claims
    }

    fn cues(text: &str) -> Vec<(String, CueClass)> {
        let words = words_en(text);
        let quoted = vec![false; words.len()];
        find(&words, 0, words.len(), &quoted, en(), None)
            .into_iter()
            .map(|c| (c.text, c.class))
            .collect()
    }

    #[test]
    fn an_as_of_examples_or_of_a_clause_describes_nothing() {
        assert_eq!(
            cues("He dismissed programs such as Linux."),
            [("dismissed".into(), CueClass::Deny)]
        );
        assert_eq!(
            cues("They condemned the raid as they fled."),
            [("condemned".into(), CueClass::Accuse)]
        );
        assert_eq!(cues("Officials praised the troops as heroes.").len(), 1);
        assert!(cues("Officials praised the troops.").is_empty());
    }

    #[test]
    fn verbs_and_frames() {
        assert_eq!(
            cues("Moscow denies abusing civilians."),
            [("denies".into(), CueClass::Deny)]
        );
        assert_eq!(
            cues("Kyiv has described the evacuation as a forced deportation."),
            [("described … as".into(), CueClass::Describe)]
        );
        assert_eq!(
            cues("Stone dismissed it in an email as a conspiracy theory."),
            [("dismissed … as".into(), CueClass::Describe)]
        );
        assert_eq!(
            cues("The campaign slammed the suit as frivolous."),
            [("slammed … as".into(), CueClass::Describe)]
        );
        assert_eq!(
            cues("Ukrainian officials put the figure at closer to 1,000."),
            [("put the figure at".into(), CueClass::Figure)]
        );
        assert_eq!(
            cues("Officials put the civilian death toll in the invasion at 2,000."),
            [("put the … toll … at".into(), CueClass::Figure)]
        );
        assert_eq!(
            cues("Kyiv ruled out talks."),
            [("ruled out".into(), CueClass::Deny)]
        );
        assert_eq!(
            cues("It rose, according to the UN."),
            [("according to".into(), CueClass::Source)]
        );
    }

    #[test]
    fn a_participle_after_a_preposition_modifies_a_noun() {
        // newswcl50-dev 3_LL: `alleged` was read as a cue with `Most of the accusations`.
        assert!(
            cues("They offered little new information about alleged collusion with Moscow.")
                .is_empty()
        );
        assert!(cues("He spoke of reported gains near the city.").is_empty());
        // Not a gerund: `the step of denying that` still reports.
        assert_eq!(
            cues("Kyiv took the step of denying that it shelled the plant.").len(),
            1
        );
    }

    #[test]
    fn nouns_passives_and_infinitives_are_not_cues() {
        assert!(
            cues("While his claims could not be independently verified, it went on.").is_empty()
        );
        assert!(cues("Russian unsubstantiated claims that Ukraine is planning it.").is_empty());
        assert!(cues("The talks, first reported by the Wall Street Journal, go on.").is_empty());
        assert!(cues("Civilians have been told by officials to leave.").is_empty());
        assert!(cues("Ukraine has never refused to say so.").is_empty());
        assert!(cues("An estimated 300,000 people fled.").is_empty());
        assert!(cues("Zelensky called on the residents to resist.").is_empty());
        assert!(cues("Moscow has not yet ruled on these accusations.").is_empty());
    }

    #[test]
    fn impersonal_passive_is_kept() {
        let text = "It was claimed that troops retreated.";
        let words = words_en(text);
        let found = find(
            &words,
            0,
            words.len(),
            &vec![false; words.len()],
            en(),
            None,
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].passive);
    }

    proptest::proptest! {
        /// Every cue pattern that matches at a word is among those `cue_starts` tries
        /// there: `find` tries no others, so it finds what trying every pattern would.
        #[test]
        fn the_first_word_index_keeps_every_match(
            picks in proptest::collection::vec((0usize..10_000, proptest::bool::ANY), 1..40)
        ) {
            let lex = en();
            let vocab = crate::claims::lexicon::tests::pattern_words(
                lex.cues.iter().map(|c| c.slots.clone()),
            );
            let text = (picks.iter())
                .map(|&(k, upper)| {
                    let w = &vocab[k % vocab.len()];
                    if upper { w.to_uppercase() } else { w.clone() }
                })
                .collect::<Vec<_>>()
                .join(" ");
            let words = words_en(&text);
            for i in 0..words.len() {
                let tried = lex.cue_starts.at(&words[i].lower);
                for (p, pattern) in lex.cues.iter().enumerate() {
                    let mut gaps = Vec::new();
                    if match_slots(&words, i, words.len(), &pattern.slots, &mut gaps).is_some() {
                        proptest::prop_assert!(
                            tried.contains(&(p as u32)),
                            "cue {p} matches at {:?} in {text:?} but is not tried",
                            words[i].lower
                        );
                    }
                }
            }
        }
    }
}
