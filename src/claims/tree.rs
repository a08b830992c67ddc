//! What the parse says about a cue: whether the reporting word is used as a verb, and who
//! its subject is. Every question is about a paragraph word and stays inside its sentence;
//! `None` where the document has no parse (the word-list rules then decide alone).

use super::segments::Paragraph;
use crate::syntax::document::DocumentSyntax;

/// How far a cue with no subject of its own climbs to the verb it hangs from (`…, adding
/// that`, `and said`, `Hosting Macron, Mr Trump said`).
const MAX_CLIMB: usize = 3;

/// How many heads a pronoun's clause climbs to find the clause whose subject it stands for.
const MAX_GOVERNING_CLIMB: usize = 6;

/// Whether words `s..e` name several sources: coordinated (`Trump and Abe`) or headed by a
/// plural noun (`Aides`, `two people briefed on the trip`). By the words alone without a
/// parse: a lowercase last word in `-s`.
pub fn is_plural(p: &Paragraph, s: usize, e: usize) -> bool {
    if p.words[s..e].iter().any(|w| w.is("and")) {
        return true;
    }
    let Some(syntax) = p.syntax else {
        let last = &p.words[e - 1];
        return !last.is_capitalised() && last.lower.ends_with('s') && !last.lower.ends_with("ss");
    };
    // The head: the word whose head lies outside the phrase. A capitalised head inside the
    // phrase is a name, whatever its tag (`Mr. Mallets`); first, it may be a plural noun
    // that opens the sentence (`Aides`, `Democrats`).
    let (first, last) = (p.token_of[s] as usize, p.token_of[e - 1] as usize);
    (first..=last)
        .find(|&t| {
            let h = syntax.head(t);
            h == t || h < first || h > last
        })
        .is_some_and(|t| {
            let word = p.token_of.binary_search(&(t as u32)).ok();
            let name_inside = word.is_some_and(|k| k > s && p.words[k].is_capitalised());
            matches!(syntax.get(t).tag, "NNS" | "NNPS") && !name_inside
        })
}

/// Words a verbless line has at most to be taken for a caption or a fragment.
const MAX_FRAGMENT_WORDS: usize = 20;

/// Relations through which a verb with no subject shares the subject of its head.
const SHARES_SUBJECT: &[&str] = &["conj", "advcl", "xcomp"];

/// How the parse reads a reporting word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Tagged a verb (`says`, `reported`).
    Verb,
    /// Tagged a noun or an adjective, but followed by what opens a clause or an object (a
    /// pronoun, a name, a determiner, a figure, a verb): the tagger errs most on `-s` verbs
    /// (`Moscow denies abusing`), so the word rules decide.
    NounBeforeClause,
    /// Tagged a noun or an adjective and followed by no clause (`state media`, `exchange of
    /// tweets and`, `an estimated 300,000`).
    Noun,
}

/// How the parse reads the reporting word at word `k` (the cue ends at `end`, the segment
/// at `hi`).
pub fn reading(p: &Paragraph, k: usize, end: usize, hi: usize) -> Option<Reading> {
    if p.parse(k)?.pos == "VERB" {
        return Some(Reading::Verb);
    }
    let opens = end < hi
        && p.parse(end)
            .is_some_and(|t| matches!(t.pos, "PRON" | "PROPN" | "DET" | "NUM" | "VERB" | "SCONJ"));
    Some(if opens {
        Reading::NounBeforeClause
    } else {
        Reading::Noun
    })
}

/// Whether words `s..e` can be a speaker by their tags: a noun, a name, a pronoun or a
/// figure among them, and no verb, adverb, preposition or conjunction first (`Hosting
/// Macron at the`, `essentially`, `In welcoming Abe to what`). True without a parse.
pub fn is_noun_phrase(p: &Paragraph, s: usize, e: usize) -> bool {
    let Some(first) = p.parse(s) else {
        return true;
    };
    let opens = !matches!(
        first.pos,
        "VERB" | "AUX" | "ADV" | "ADP" | "SCONJ" | "CCONJ" | "PART"
    );
    opens
        && (s..e).any(|k| {
            p.parse(k)
                .is_some_and(|t| matches!(t.pos, "NOUN" | "PROPN" | "PRON" | "NUM"))
        })
}

/// The subject of the cue verb at word `cue`, as a word range within `lo..hi`: the whole
/// noun phrase of its `nsubj`, quantifier and determiner kept (`Few in Israel`, `some
/// foreign policy experts in the United States`), without a relative clause. A relative
/// pronoun (`experts …, who point out`) stands for the noun its clause modifies; a verb
/// with no subject shares that of the verb it is coordinated with or hangs from, when
/// `climb` allows.
pub fn subject(
    p: &Paragraph,
    cue: usize,
    lo: usize,
    hi: usize,
    climb: bool,
) -> Option<(usize, usize)> {
    let syntax = p.syntax?;
    let mut verb = p.token_of[cue] as usize;
    let climbs = if climb { MAX_CLIMB } else { 0 };
    for _ in 0..=climbs {
        // A participle clause (`…, charging that`) takes the subject of the verb it hangs
        // from; a subject the parser gives it is nearly always a misattached noun.
        let participle = {
            let v = syntax.get(verb);
            v.tag == "VBG" && v.dep == "advcl"
        };
        let nsubj = syntax
            .children(verb)
            .find(|&c| !participle && syntax.get(c).dep == "nsubj");
        if let Some(s) = nsubj {
            let relative = matches!(syntax.get(s).lemma, "who" | "which" | "that");
            let phrase = if relative && syntax.get(verb).dep == "acl:relcl" {
                let noun = syntax.head(verb);
                let person = matches!(syntax.get(s).lemma, "who" | "whom");
                noun_phrase(
                    p,
                    if person {
                        person_antecedent(p, noun)
                    } else {
                        noun
                    },
                )?
            } else if let Some(name) = named_in_apposition(syntax, s) {
                noun_phrase(p, name)?
            } else {
                noun_phrase(p, s)?
            };
            let inside = lo <= phrase.0 && phrase.1 <= hi && phrase.0 < phrase.1;
            let apart = phrase.1 <= cue || cue < phrase.0;
            return (inside && apart).then_some(phrase);
        }
        let up = syntax.get(verb);
        if !SHARES_SUBJECT.contains(&up.dep) || up.head as usize == verb {
            return None;
        }
        verb = up.head as usize;
    }
    None
}

/// Whether the verb at word `k` takes a noun phrase for its object and no clause
/// (`added 28 points`, `added Giuliani to his legal team`): a verb that reports only
/// clauses then has its other sense. `None` without a parse.
pub fn takes_only_a_noun_object(p: &Paragraph, k: usize) -> Option<bool> {
    let syntax = p.syntax?;
    let verb = p.token_of[k] as usize;
    let mut noun_object = false;
    for c in syntax.children(verb) {
        let child = syntax.get(c);
        match child.dep {
            "ccomp" | "parataxis" | "xcomp" | "csubj" => return Some(false),
            "obj" => noun_object |= matches!(child.pos, "NOUN" | "PROPN" | "NUM"),
            _ => {}
        }
    }
    Some(noun_object)
}

/// Whether the cue word at `upper` governs the one at `lower`: `lower` lies in the subtree
/// of `upper` (`In welcoming Abe to what he called …, Trump said`: `said` governs `called`).
/// False without a parse.
pub fn governs(p: &Paragraph, upper: usize, lower: usize) -> bool {
    let Some(syntax) = p.syntax else {
        return false;
    };
    token_governs(
        syntax,
        p.token_of[upper] as usize,
        p.token_of[lower] as usize,
    )
}

/// The comma before the cue at word `cue` when the cue heads a clause of its own, with its
/// own subject, set off by `, and` / `, but` and coordinated with the open content of the
/// earlier cue at word `earlier` (`Trump has said his campaign did not collude …, and [he]
/// has called investigations … a "witch hunt"`): a second statement, with its own speaker,
/// not part of the first. A parser hangs the conjunct on the earlier cue (UD's reading) or
/// on the content's verb; either way it lies under the earlier cue. `None` without a parse.
pub fn coordinated_cue(p: &Paragraph, earlier: usize, cue: usize) -> Option<usize> {
    let syntax = p.syntax?;
    let (top, verb) = (p.token_of[earlier] as usize, p.token_of[cue] as usize);
    let head = syntax.head(verb);
    let under_earlier = head == top || (head != verb && token_governs(syntax, top, head));
    if syntax.get(verb).dep != "conj" || syntax.get(verb).pos != "VERB" || !under_earlier {
        return None;
    }
    let cc = (syntax.children(verb)).find(|&c| c < verb && syntax.get(c).dep == "cc")?;
    let subject = (syntax.children(verb))
        .any(|c| cc < c && c < verb && syntax.get(c).dep.starts_with("nsubj"));
    let cc_word = (earlier + 1..cue).find(|&w| p.token_of[w] as usize == cc)?;
    let comma = cc_word - 1;
    (subject && p.words[comma].is_punct(",")).then_some(comma)
}

/// Whether token `lower` lies in the subtree of token `upper`.
fn token_governs(syntax: &DocumentSyntax, upper: usize, lower: usize) -> bool {
    let mut t = lower;
    // A tree's depth is below its length; the bound only guards against a malformed parse.
    for _ in 0..syntax.run_of(t).len() {
        let up = syntax.head(t);
        if up == upper {
            return true;
        }
        if up == t {
            return false;
        }
        t = up;
    }
    false
}

/// The pronoun at word `pronoun` opens a clause of its own (`…, whom he described as`); the
/// subject of the nearest clause above it with a named subject before the pronoun and
/// within `lo..` stands for it (`Mr. Trump appeared to savor … with Mr. Abe, whom he
/// described …` → `Mr. Trump`). `Some(None)` where the clauses above have no such subject
/// or a pronoun one; `None` without a parse.
pub fn governing_subject(
    p: &Paragraph,
    lo: usize,
    pronoun: usize,
) -> Option<Option<(usize, usize)>> {
    let syntax = p.syntax?;
    let own = p.token_of[pronoun] as usize;
    let mut verb = syntax.head(own);
    for _ in 0..MAX_GOVERNING_CLIMB {
        let up = syntax.head(verb);
        if up == verb {
            break;
        }
        verb = up;
        let Some(s) = syntax
            .children(verb)
            .find(|&c| syntax.get(c).dep == "nsubj")
        else {
            continue;
        };
        if syntax.get(s).pos == "PRON" {
            return Some(None);
        }
        let phrase = noun_phrase(p, s);
        return Some(phrase.filter(|&(a, b)| lo <= a && a < b && b <= pronoun));
    }
    Some(None)
}

/// The name set after a describing noun in apposition (`The presidential adviser,
/// [Mykhailo Podalyak],`): it names the speaker, as the word rules read `A, B, said`. A
/// parser hangs the pair either way (the name the subject and the noun loose, or the noun
/// the subject and the name its `appos`); a name first keeps its description out anyway.
fn named_in_apposition(syntax: &DocumentSyntax, s: usize) -> Option<usize> {
    if syntax.get(s).pos == "PROPN" {
        return None;
    }
    syntax
        .children(s)
        .find(|&c| c > s && syntax.get(c).dep == "appos" && syntax.get(c).pos == "PROPN")
}

/// Words `s..e` of a speaker without what is no part of it: adverbs and auxiliaries after
/// it (`He even suggested`, `officials privately dismissed`, `who has long denied`), and a
/// relative pronoun for the noun it stands for (`critics, who pointed out` → `critics`).
/// `None` where nothing changes or there is no parse.
pub fn speaker_proper(p: &Paragraph, s: usize, e: usize) -> Option<(usize, usize)> {
    p.syntax?;
    let mut end = e;
    // A speaker ends with a word: a parenthetical's comma left behind once its adverb is
    // cut goes too (`Right-wing media, [meanwhile] described`, where a parser hangs the
    // parenthetical on the subject).
    while end > s + 1
        && ((!p.words[end - 1].is_capitalised()
            && p.parse(end - 1)
                .is_some_and(|t| matches!(t.pos, "ADV" | "AUX")))
            || p.words[end - 1].is_punct(","))
    {
        end -= 1;
    }
    // A name before `, who` that only places a noun's phrase (`experts in the United
    // States, who point out`): `who` and so the speaker is that noun's phrase.
    if e > s
        && p.words.get(e).is_some_and(|w| w.is_punct(","))
        && p.words
            .get(e + 1)
            .is_some_and(|w| w.is_any(&["who", "whom"]))
    {
        let noun = p.token_of[e - 1] as usize;
        let person = person_antecedent(p, noun);
        if person != noun {
            let phrase = noun_phrase(p, person)?;
            return (phrase.1 <= e && phrase.0 < phrase.1).then_some(phrase);
        }
    }
    let relative = end == s + 1 && p.words[s].is_any(&["who", "which"]);
    if relative && s >= 2 && p.words[s - 1].is_punct(",") {
        let noun = p.token_of[s - 2] as usize;
        let person = p.words[s].is("who");
        let phrase = noun_phrase(
            p,
            if person {
                person_antecedent(p, noun)
            } else {
                noun
            },
        )?;
        return (phrase.1 <= s).then_some(phrase);
    }
    (end != e).then_some((s, end))
}

/// The noun a relative `who` after token `noun` stands for: `who` names a person, so a
/// noun that only places or dates the phrase it hangs on (`experts in the United States,
/// who point out`, `in` a place case) gives way to that phrase's noun, however the parser
/// hung the relative clause. Climbs through a few such phrases.
fn person_antecedent(p: &Paragraph, mut noun: usize) -> usize {
    let Some(syntax) = p.syntax else {
        return noun;
    };
    for _ in 0..MAX_CLIMB {
        let up = syntax.head(noun);
        let placed = matches!(syntax.get(noun).dep, "nmod" | "obl")
            && syntax.children(noun).any(|c| {
                syntax.get(c).dep == "case"
                    && (p.lexicon.place_cases).contains(&syntax.get(c).lemma.to_lowercase())
            });
        if up == noun || !placed || !matches!(syntax.get(up).pos, "NOUN" | "PROPN" | "PRON") {
            break;
        }
        noun = up;
    }
    noun
}

/// The words of the phrase headed by token `head`: its subtree up to a relative clause or
/// a parenthesis, edge punctuation trimmed.
fn noun_phrase(p: &Paragraph, head: usize) -> Option<(usize, usize)> {
    let syntax = p.syntax?;
    let run = syntax.run_of(head);
    let within = |mut t: usize| loop {
        if t == head {
            return true;
        }
        let up = syntax.head(t);
        if up == t || matches!(syntax.get(t).dep, "acl:relcl" | "parataxis") {
            return false;
        }
        t = up;
    };
    // The phrase is the contiguous stretch around `head` whose tokens descend from it.
    let mut first = head;
    while first > run.start && within(first - 1) {
        first -= 1;
    }
    let mut last = head;
    while last + 1 < run.end && within(last + 1) {
        last += 1;
    }
    let word = |t: usize| p.token_of.binary_search(&(t as u32)).ok();
    let (mut a, mut b) = (word(first)?, word(last)? + 1);
    while a < b && !p.words[a].is_word() {
        a += 1;
    }
    while a < b && !p.words[b - 1].is_word() && !p.words[b - 1].is_possessive() {
        b -= 1;
    }
    Some((a, b))
}

/// Whether words `a..b` hold a verb other than an `-ing` form, by their tags (`None`
/// without a parse): a line with none is a caption, a credit or a fragment (`Tom Perez, the
/// chairman of the party, during the party's winter meeting.`, `Particularly in Kim's case.`),
/// no statement. Past participles count: the tagger gives `VBN` to many a past tense. A
/// long sentence with no verb is rather one the tagger misread (`The suit amounts to …` with
/// `amounts` a noun): it counts as having one.
pub fn has_verb(p: &Paragraph, a: usize, b: usize) -> Option<bool> {
    p.syntax?;
    if (a..b).filter(|&k| p.words[k].is_word()).count() > MAX_FRAGMENT_WORDS {
        return Some(true);
    }
    Some((a..b).any(|k| {
        p.parse(k)
            .is_some_and(|t| matches!(t.pos, "VERB" | "AUX") && t.tag != "VBG")
    }))
}

/// Whether words `a..b` state something of their own, by the tree (`None` without a
/// parse): `has_verb`, not counting a participle that only modifies a noun (`acl`: `Results
/// of Australian rugby league matches played at the weekend`, `games played on Thursday`).
/// Such a line is a heading or a caption: the tree hangs it on its noun. A past tense the
/// tagger reads as `VBN` still heads its sentence, or has its subject or object, so it
/// still counts.
pub fn states_something(p: &Paragraph, a: usize, b: usize) -> Option<bool> {
    if !has_verb(p, a, b)? {
        return Some(false);
    }
    let Some((syntax, first, last)) = p.parsed_tokens(a, b) else {
        return Some(true);
    };
    if (a..b).filter(|&k| p.words[k].is_word()).count() > MAX_FRAGMENT_WORDS {
        return Some(true);
    }
    // A participle with a subject or an object of its own is a verb the parser hung on a
    // noun by mistake (`The cyberattack created chaos …`, `police found only knives`).
    let argued = |t: usize| {
        syntax.children(t).any(|c| {
            let dep = syntax.get(c).dep;
            dep.starts_with("nsubj") || matches!(dep, "obj" | "iobj" | "xcomp" | "ccomp")
        })
    };
    Some((first..=last).any(|t| {
        let tok = syntax.get(t);
        matches!(tok.pos, "VERB" | "AUX")
            && tok.tag != "VBG"
            && !(tok.tag == "VBN" && tok.dep == "acl" && !argued(t))
    }))
}

/// Whether words `a..b` are a command (`Remember the cold hard reality of …`, `So let us be
/// strong`, `If …, don't buy him a knife`): their main verb, the first verb whose head lies
/// outside them and that opens no subordinate clause, is bare (`VB`), opens its clause (only
/// particles, adverbs, conjunctions and subordinate clauses before it) and has no subject, no
/// modal, no `to` and no finite copula. A command that frames a clause (`Remember that Kim
/// made a statement`) puts that clause forward, so it is no command here. False without a
/// parse.
pub fn is_imperative(p: &Paragraph, a: usize, b: usize) -> bool {
    let Some((syntax, first, last)) = p.parsed_tokens(a, b) else {
        return false;
    };
    let inside = |t: usize| first <= t && t <= last;
    let marked = |t: usize| syntax.children(t).any(|c| syntax.get(c).dep == "mark");
    let main = (first..=last).find(|&t| {
        let head = syntax.head(t);
        matches!(syntax.get(t).pos, "VERB" | "AUX") && (head == t || !inside(head)) && !marked(t)
    });
    let Some(verb) = main else {
        return false;
    };
    if syntax.get(verb).tag != "VB" {
        return false;
    }
    // A word before the verb that belongs to no subordinate clause is its subject or object,
    // read wrongly (`Russian forces, "disguised …", occupy`): no command.
    let in_subordinate = |mut t: usize| loop {
        if t == verb {
            return false;
        }
        if marked(t) {
            return true;
        }
        let up = syntax.head(t);
        if up == t || !inside(up) {
            return false;
        }
        t = up;
    };
    let opens = (first..verb).all(|t| {
        matches!(
            syntax.get(t).pos,
            "ADV" | "CCONJ" | "SCONJ" | "PART" | "INTJ" | "PUNCT" | "AUX"
        ) || in_subordinate(t)
    });
    opens
        && !syntax.children(verb).any(|c| {
            let child = syntax.get(c);
            let dep = child.dep;
            dep.starts_with("nsubj")
                || dep.starts_with("csubj")
                || matches!(dep, "expl" | "ccomp" | "mark")
                || ((dep.starts_with("aux") || dep == "cop")
                    && matches!(child.tag, "MD" | "TO" | "VBZ" | "VBD" | "VBP"))
        })
}
