//! Name rules: capitalised sequences found in the text and typed by what surrounds them —
//! a title before (`President X`, `Gen. X`), a role after (`X, a spokeswoman for`), a head
//! word (`Ministry of X`, `X Forces`, `X River`, `the X district`), a reporting verb
//! (`X said`, `said X`), a place preposition (`in X`). A capitalised first word of a
//! sentence is an ordinary word unless the lexicon or the context says otherwise.

use crate::text::tokens::TokenKind;

use super::candidate::{priority, Candidate, Source};
use super::features::{Features, Shape};
use super::label::Label;
use super::lexicon::class::*;

/// Proposes candidates for capitalised sequences. `known[i]` is the lexicon match token `i`
/// belongs to: those split person names but may sit inside organisation and place names.
pub fn candidates(f: &Features, known: &[Option<u32>], out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < f.len() {
        if !starts_run(f, i) {
            i += 1;
            continue;
        }
        let end = run_end(f, i);
        typed_by_head(f, known, i, end, out);
        for (a, b) in segments(f, known, i, end) {
            typed_by_context(f, a, b, out);
        }
        i = end;
    }
}

fn is_name_word(f: &Features, i: usize) -> bool {
    f.is_cap(i) && matches!(f.tokens[i].kind, TokenKind::Word)
}

fn starts_run(f: &Features, i: usize) -> bool {
    is_name_word(f, i)
}

/// A dot glued to an initial or abbreviation (`V.` when the tokenizer splits it off).
fn is_glued_dot(f: &Features, i: usize) -> bool {
    f.is(i, ".")
        && !f.tokens[i].space_before
        && i > 0
        && (f.text_of(i - 1).chars().count() <= 3 || f.has(i - 1, TITLE))
        // A sentence's last syllable is no abbreviation: `Moon Jae-in. Kim`.
        && (is_name_word(f, i - 1) || f.has(i - 1, TITLE))
        && is_name_word(f, i + 1)
        && f.tokens[i + 1].space_before
}

/// `St. Catherine’s Cathedral`: a possessive inside a name that ends in a facility or
/// organisation head word. Returns where the words after the possessive start.
fn possessive_in_name(f: &Features, j: usize) -> Option<usize> {
    let after = if matches!(f.text_of(j), "’s" | "'s") {
        j + 1
    } else if matches!(f.text_of(j), "’" | "'") && f.is(j + 1, "s") && !f.tokens[j + 1].space_before
    {
        j + 2
    } else {
        return None;
    };
    let mut k = after;
    while is_name_word(f, k) && !f.tokens[k].sentence_start {
        k += 1;
    }
    (k > after && f.has(k - 1, FAC_HEAD | ORG_HEAD)).then_some(after)
}

fn has_head(f: &Features, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        f.has(k, ORG_HEAD | LOC_HEAD | FAC_HEAD) && f.tokens[k].shape == Shape::Capitalised
    })
}

/// The end (exclusive) of the capitalised sequence starting at `i`: name words, with
/// hyphens (`Jean-Yves`), initials' dots, particles (`al-Assad`, `von der`) and `of`/`for`
/// after a head word (`Ministry of Defence`, `Sea of Azov`) inside.
fn run_end(f: &Features, i: usize) -> usize {
    let mut j = i + 1;
    loop {
        let next_ok = |k: usize| k < f.len() && !f.tokens[k].sentence_start;
        if !next_ok(j) {
            break;
        }
        if is_name_word(f, j) {
            j += 1;
        } else if f.is(j, "-")
            && !f.tokens[j].space_before
            && is_name_word(f, j + 1)
            && !f.tokens[j + 1].space_before
        {
            j += 2;
        } else if j - i >= 2 && is_syllable_after_hyphen(f, j) {
            // The last syllable of an East Asian given name: `Kim Jong-un`, `Moon Jae-in`.
            j += 2;
        } else if f.folded(j) == "the" && is_epithet(f, j + 1) {
            // An epithet: `Catherine the Great`.
            j += 2;
        } else if is_glued_dot(f, j) {
            j += 1;
        } else if let Some(after) = possessive_in_name(f, j) {
            j = after;
        } else if f.has(j, PARTICLE)
            && f.tokens[j].shape == Shape::Lower
            && (is_name_word(f, j + 1) || (f.is(j + 1, "-") && is_name_word(f, j + 2)))
        {
            j += 1;
        } else if matches!(f.folded(j), "of" | "for")
            && has_head(f, i, j)
            && (is_name_word(f, j + 1) && !f.has(j + 1, GIVEN)
                || (f.folded(j + 1) == "the" && is_name_word(f, j + 2)))
        {
            j += if f.folded(j + 1) == "the" { 2 } else { 1 };
        } else {
            break;
        }
    }
    j
}

/// A glued hyphen and a glued lower-case syllable of two letters ending the word (`-un` in
/// `Jong-un`): after two name words, the rest of a given name. Longer pieces are words of
/// their own (`Obama-era`, `Saudi-led`).
fn is_syllable_after_hyphen(f: &Features, j: usize) -> bool {
    let k = j + 1;
    f.is(j, "-")
        && !f.tokens[j].space_before
        && k < f.len()
        && !f.tokens[k].space_before
        && matches!(f.tokens[k].kind, TokenKind::Word)
        && f.text_of(k).len() == 2
        && f.text_of(k).chars().all(|c| c.is_ascii_lowercase())
        && (!f.is(k + 1, "-") || f.tokens[k + 1].space_before)
}

fn word_count(f: &Features, a: usize, b: usize) -> usize {
    (a..b).filter(|&k| is_name_word(f, k)).count()
}

/// Organisation, place and facility names typed by a head word that is part of the name.
fn typed_by_head(
    f: &Features,
    known: &[Option<u32>],
    mut a: usize,
    mut b: usize,
    out: &mut Vec<Candidate>,
) {
    while a < b && (f.has(a, NOT_NAME) || !is_name_word(f, a)) {
        a += 1;
    }
    while b > a && (f.has(b - 1, NOT_NAME) || !is_name_word(f, b - 1)) {
        b -= 1;
    }
    // One lexicon name already says what this is (`Black Sea`, `Russian Federation`); two
    // make a longer name (`Russian` + `General Staff`).
    if word_count(f, a, b) < 2 || known[a].is_some() && (a..b).all(|k| known[k] == known[a]) {
        return;
    }
    // `Ministry of Defence`, `Economic Club of New York`: the head stands before the `of`.
    let connector = (a..b).find(|&k| matches!(f.folded(k), "of" | "for"));
    let first_of = connector.is_some_and(|k| k > a && f.has(k - 1, ORG_HEAD | LOC_HEAD));
    let head = match connector {
        Some(k) if first_of => k - 1,
        _ => b - 1,
    };
    let flags = f.tokens[head].flags;
    let label = if flags & ORG_HEAD != 0 {
        Label::Org
    } else if flags & LOC_HEAD != 0 {
        Label::Loc
    } else if flags & FAC_HEAD != 0 && !first_of {
        Label::Fac
    } else if flags & GPE_HEAD != 0 && !first_of {
        Label::Gpe
    } else {
        return;
    };
    out.push(Candidate::new(
        a,
        b,
        label,
        Source::Context,
        priority::CONTEXT_STRONG,
    ));
}

/// Splits a run into the stretches that may be a name on their own: titles, calendar and
/// other non-name words, connectors and lexicon names fall between them.
fn segments(f: &Features, known: &[Option<u32>], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    // `b` may be the end of the tokens: it only closes the last segment.
    for k in a..=b {
        let breaks = k == b
            || known.get(k).is_some_and(Option::is_some)
            || f.has(k, TITLE | NOT_NAME)
                && f.tokens[k].shape == Shape::Capitalised
                && !is_initial(f, k)
            || matches!(f.folded(k), "of" | "for")
            || f.folded(k) == "the" && !is_epithet(f, k + 1);
        match (breaks, start) {
            (true, Some(s)) => {
                out.push(trim(f, s, k));
                start = None;
            }
            (false, None) if is_name_word(f, k) => start = Some(k),
            _ => {}
        }
    }
    out.retain(|&(s, e)| word_count(f, s, e) > 0);
    out
}

fn is_epithet(f: &Features, k: usize) -> bool {
    k < f.len() && matches!(f.text_of(k), "Great" | "Elder" | "Younger" | "Terrible")
}

/// `A.`, `O`, `M`: one capital letter (with its dot), inside a run a middle initial.
fn is_initial(f: &Features, k: usize) -> bool {
    let s = f.text_of(k).trim_end_matches('.');
    s.chars().count() == 1 && k > 0 && is_name_word(f, k - 1) && !f.has(k - 1, TITLE)
}

/// Drops hyphens, dots and particles from the ends of a stretch.
fn trim(f: &Features, mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && !is_name_word(f, a) {
        a += 1;
    }
    let syllable = |b: usize| b >= a + 4 && is_syllable_after_hyphen(f, b - 2);
    let kept = |b: usize| is_name_word(f, b - 1) || f.is(b - 1, ".") && b - a > 1 || syllable(b);
    while b > a && !kept(b) {
        b -= 1;
    }
    (a, b)
}

/// The index of the token before `a`, stepping over a dot glued to an abbreviated title
/// (`Gen` `.` when the tokenizer splits it).
fn before(f: &Features, a: usize) -> Option<usize> {
    let p = a.checked_sub(1)?;
    if f.is(p, ".") && !f.tokens[p].space_before && p > 0 && f.has(p - 1, TITLE) {
        return Some(p - 1);
    }
    Some(p)
}

fn title_before(f: &Features, a: usize) -> bool {
    let Some(p) = before(f, a) else { return false };
    if f.has(p, TITLE) {
        return true;
    }
    // "the host, Anton Krasovsky"; "the Ukrainian President, Mikhailo Podolyak"
    f.is(p, ",") && p > 0 && f.has(p - 1, TITLE) && f.has(p - 1, ROLE)
}

/// `X, a spokeswoman for …`, `X, the Kyiv regional governor`, `X, Germany's defence minister`.
fn role_after(f: &Features, b: usize) -> bool {
    if !f.is(b, ",") {
        return false;
    }
    for k in b + 1..(b + 9).min(f.len()) {
        let t = &f.tokens[k];
        if t.boilerplate || t.sentence_start {
            return false;
        }
        if matches!(t.kind, TokenKind::Punct | TokenKind::Quote)
            && !matches!(f.text_of(k), "-" | "’" | "'")
        {
            return false;
        }
        if t.flags & ROLE != 0 && t.shape == Shape::Lower {
            return true;
        }
        if matches!(
            f.folded(k),
            "who" | "which" | "that" | "and" | "or" | "said" | "is" | "was"
        ) {
            return false;
        }
    }
    false
}

fn typed_by_context(f: &Features, mut a: usize, b: usize, out: &mut Vec<Candidate>) {
    let first = &f.tokens[a];
    // A capitalised ordinary word opening a sentence is not part of a name.
    if first.sentence_start && first.flags & COMMON != 0 && first.flags & GIVEN == 0 {
        a += 1;
        while a < b && !is_name_word(f, a) {
            a += 1;
        }
        if a >= b {
            return;
        }
    }
    let words = word_count(f, a, b);
    let push = |label, source, p, out: &mut Vec<Candidate>| {
        out.push(Candidate::new(a, b, label, source, p));
    };
    let prev = before(f, a);
    let lower_prev =
        |flag: u32| prev.is_some_and(|p| f.has(p, flag) && f.tokens[p].shape == Shape::Lower);
    let next_lower = |flag: u32| b < f.len() && f.has(b, flag) && f.tokens[b].shape == Shape::Lower;
    let all_common = (a..b)
        .filter(|&k| is_name_word(f, k))
        .all(|k| f.has(k, COMMON) && !f.has(k, GIVEN));
    let last_plain = f.has(b - 1, COMMON) && !f.has(b - 1, GIVEN);

    // "Deputy Prime Minister X": a word between titles is part of the title.
    let title_next = b < f.len() && f.has(b, TITLE) && f.tokens[b].shape == Shape::Capitalised;
    if title_before(f, a) && !title_next {
        return push(
            Label::Person,
            Source::Context,
            priority::CONTEXT_STRONG,
            out,
        );
    }
    if role_after(f, b) && !all_common {
        return push(
            Label::Person,
            Source::Context,
            priority::CONTEXT_STRONG,
            out,
        );
    }
    if next_lower(GPE_HEAD) && !all_common {
        return push(Label::Gpe, Source::Context, priority::CONTEXT_STRONG, out);
    }
    if prev.is_some_and(|p| f.is(p, "of") && p > 0 && f.has(p - 1, GPE_BEFORE)) && !all_common {
        return push(Label::Gpe, Source::Context, priority::CONTEXT_STRONG, out);
    }
    if words >= 2 && f.has(a, GIVEN) && !last_plain {
        return push(Label::Person, Source::Context, priority::GIVEN_NAME, out);
    }
    if (lower_prev(REPORTING) || next_lower(REPORTING)) && !all_common {
        return push(Label::Person, Source::Context, priority::REPORTING, out);
    }
    if lower_prev(PLACE_PREP)
        && words <= 3
        && !all_common
        && !f.tokens[a].sentence_start
        && !f.tokens[a].title_case
    {
        return push(Label::Gpe, Source::Guess, priority::GUESS, out);
    }
    let first_plain = f.has(a, COMMON) && !f.has(a, GIVEN);
    if words >= 2 && !last_plain && !first_plain && !f.tokens[a].title_case {
        push(Label::Person, Source::Guess, priority::GUESS, out);
    }
}
