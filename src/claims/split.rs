//! Splitting a proposition into the statements it holds, each of which stands alone:
//! - the sentences of a quotation that runs over several (`"It's going on right now. And they
//!   are discussing an end to war."`): a question stays with the sentence after it (`"Is
//!   Putin ready? Obviously not."`), and a piece of three words or fewer, or with no verb,
//!   with its neighbour;
//! - clauses joined by a semicolon, when each has a verb (`Trade is another concern; Abe's
//!   government fears …`);
//! - clauses joined by `, and` / `, but` / `, yet` when the second has a subject of its own
//!   (`… rounds of golf, and they may hit the links again`), by the parse;
//! - predicates joined by `and` / `but` / `yet` when the second has a tense of its own
//!   (`Kim was willing to talk and [would suspend testing]`, also after a clause whose verb
//!   the tagger read as a noun: `Chamorro, 66, suffers …, and [has flown …]`; not a
//!   participle sharing its auxiliary, `were picked up and transported`, unless `and then`
//!   orders the two): inside the proposition, both are the speaker's; joined to the cue
//!   itself (`Kudlow said he expected …, but [declined to predict …]`), the second is what
//!   the speaker did, the article's statement;
//! - `A and that B`, `A, but that B`: two complements of one cue;
//! - a contrast clause with a subject of its own after a comma (`Manafort has been indicted,
//!   while [Gates and Papadopoulos] have pleaded guilty`);
//! - the main clause after a subordinate clause that holds the cue (`As Iran warned that it
//!   might resume …, [Mr. Trump] threatened it`): the cue's content ends with its clause, and
//!   the main clause is the article's statement.

use super::segments::{self, Paragraph};
use super::tree;
use super::words::Word;
use crate::syntax::document::DocumentSyntax;
use crate::text::tokens::TokenKind;

/// Words a piece needs to stand alone; shorter ones join a neighbour.
const MIN_PIECE_WORDS: usize = 4;

/// Conjunctions that join two clauses each of which is a statement.
const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "yet"];

/// Subordinators that, after a comma, open a clause contrasting with the one before: a
/// statement of its own (not `while` of time, which takes no comma before it).
const CONTRAST_SUBORDINATORS: &[&str] = &["while", "whereas"];

/// How far up the tree a conjunct's wrongly attached head is followed to a tensed predicate.
const MAX_CLIMB: usize = 6;

/// How far up the tree the proposition's first word is followed to the clause it hangs in.
const MAX_DEPTH: usize = 12;

/// One statement of a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Statement {
    /// Its words.
    pub start: usize,
    pub end: usize,
    /// Coordinated with the verb that frames the proposition, not inside it: the article
    /// says it, not the speaker.
    pub narrative: bool,
}

/// Where one statement ends and the next begins.
struct Cut {
    end: usize,
    next: usize,
    narrative: bool,
}

/// The statements of words `a..b`, in order. Each starts after the conjunction that joined
/// it; edge punctuation is left for the caller to trim.
pub fn statements(p: &Paragraph, a: usize, b: usize) -> Vec<Statement> {
    let words = &p.words;
    let cut = |end, next, narrative| Cut {
        end,
        next,
        narrative,
    };
    let mut cuts: Vec<Cut> = Vec::new();
    for k in a + 1..b {
        let prev = &words[k - 1];
        let stop = prev.is_terminal() && !segments::opens_a_name(words, k - 1);
        if stop && !prev.is_punct("?") && opens_sentence(&words[k]) {
            cuts.push(cut(k, k, false));
        } else if words[k].is_punct(";") && has_verb(p, a, k) && has_verb(p, k + 1, b) {
            cuts.push(cut(k, k + 1, false));
        } else if words[k].is_any(CLAUSE_CONJUNCTIONS) && k + 1 < b {
            // After a quotation has closed, a clause outside quotes is the writer's again
            // (`declare that "…," but the gap … is stark`).
            let after_quotation = prev.kind == TokenKind::Quote && !p.quoted[k + 1];
            let joined = || {
                let subject =
                    own_subject(p, k, a, b).filter(|_| prev.is_punct(",") || after_quotation);
                subject
                    .or_else(|| tensed_predicate(p, k, a, b))
                    .or_else(|| clause_after_quotation(p, k, b).filter(|_| after_quotation))
            };
            if words[k + 1].is("that") && k > a + 1 {
                cuts.push(cut(k, k + 1, false));
            } else if let Some(narrative) = joined() {
                cuts.push(cut(k, k + 1, narrative || after_quotation));
            }
        } else if words[k].is_any(CONTRAST_SUBORDINATORS) && prev.is_punct(",") && k + 1 < b {
            if let Some(narrative) = contrast_clause(p, k, a, b) {
                cuts.push(cut(k, k + 1, narrative));
            }
        } else if words[k].is_punct(",") && k + 1 < b && main_clause_after(p, k, a, b) {
            cuts.push(cut(k, k + 1, true));
        }
    }
    let mut pieces: Vec<Statement> = Vec::new();
    let mut start = (a, false);
    for c in cuts.into_iter().chain(std::iter::once(cut(b, b, false))) {
        let joins_next = pieces
            .last()
            .is_some_and(|s| !stands_alone(p, s.start, s.end));
        match pieces.last_mut() {
            Some(last) if joins_next => last.end = c.end,
            _ => pieces.push(Statement {
                start: start.0,
                end: c.end,
                narrative: start.1,
            }),
        }
        start = (c.next, c.narrative);
    }
    // A last piece that cannot stand alone joins the one before it.
    if pieces.len() > 1 {
        let last = pieces[pieces.len() - 1];
        if !stands_alone(p, last.start, last.end) {
            pieces.pop();
            if let Some(before) = pieces.last_mut() {
                before.end = last.end;
            }
        }
    }
    pieces
}

/// Words that carry meaning: not a clitic (`'ll`, `n't`) nor an opening conjunction.
fn word_count(words: &[Word], a: usize, b: usize) -> usize {
    let clitic = |w: &Word| {
        w.lower.starts_with(['\'', '’']) || w.lower.ends_with("n't") || w.lower.ends_with("n’t")
    };
    let mut n = words[a..b]
        .iter()
        .filter(|w| w.is_word() && !clitic(w))
        .count();
    let first = words[a..b].iter().find(|w| w.is_word());
    if first.is_some_and(|w| w.is_any(&["and", "but", "or", "so", "yet"])) {
        n -= 1;
    }
    n
}

/// Long enough, with a verb, and no question waiting for its answer (`"But we'll see."`,
/// `"Good for them, good for us."` stay with their neighbour).
fn stands_alone(p: &Paragraph, s: usize, e: usize) -> bool {
    let words = &p.words;
    let mut end = e;
    while end > s && words[end - 1].kind == TokenKind::Quote {
        end -= 1;
    }
    let question = end > s && words[end - 1].is_punct("?");
    !question && has_verb(p, s, e)
}

fn opens_sentence(w: &Word) -> bool {
    w.is_capitalised() || w.kind == TokenKind::Quote || w.kind == TokenKind::Number
}

/// A verb by the tags; without a parse, any three words will do (a semicolon rarely joins
/// what is not a clause in running prose).
fn has_verb(p: &Paragraph, a: usize, b: usize) -> bool {
    a < b
        && word_count(&p.words, a, b) >= MIN_PIECE_WORDS
        && tree::has_verb(p, a, b).unwrap_or(true)
}

/// Whether the conjunction at word `k` opens a clause with a subject of its own before its
/// verb, inside `..b` (`, and [they] may hit the links`), and where the clause it joins lies:
/// `Some(false)` inside `a..`, `Some(true)` before `a` (`Billboards declare that "…," but
/// the gap … is stark`: the article's words, not the billboards').
fn own_subject(p: &Paragraph, k: usize, a: usize, b: usize) -> Option<bool> {
    let (syntax, first, cc, verb, joined) = conjunct(p, k, a, b)?;
    let subject = syntax.children(verb).any(|c| {
        let dep = syntax.get(c).dep;
        c > cc && c < verb && (dep == "nsubj" || dep == "nsubj:pass" || dep == "expl")
    });
    subject.then_some(joined < first)
}

/// Whether the conjunction at word `k`, right after a closed quotation, opens a clause of
/// the writer's by its words alone: a noun phrase, then a tensed verb before the next comma
/// (`"Kherson is forever with Russia," but [the gap …] is stark`). A parser may read the
/// noun phrase as a conjunct of the quotation's last noun, and the quotation as the
/// subject of the clause's verb; the quotation marks say otherwise. `Some(true)`: the
/// article's statement.
fn clause_after_quotation(p: &Paragraph, k: usize, b: usize) -> Option<bool> {
    let tag = |w: usize| p.parse(w).map(|t| t.tag);
    let opens_noun_phrase = matches!(
        p.parse(k + 1)?.pos,
        "DET" | "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM"
    );
    let tensed = (k + 2..b)
        .take_while(|&w| !p.words[w].is_punct(",") && !p.quoted[w])
        .any(|w| matches!(tag(w), Some("VBD" | "VBZ" | "VBP" | "MD")));
    (opens_noun_phrase && tensed).then_some(true)
}

/// Whether the conjunction at word `k` joins a predicate with a tense of its own (a finite
/// verb, or an auxiliary, modal or copula: `and [would suspend]`, `but [was] not a
/// signatory`) to a predicate before it, and where that one lies: `Some(false)` inside
/// `a..`, `Some(true)` before `a` (the verb that frames the proposition). A participle
/// sharing its auxiliary (`were picked up and transported`) is no statement of its own.
fn tensed_predicate(p: &Paragraph, k: usize, a: usize, b: usize) -> Option<bool> {
    let (syntax, first, cc, verb, joined) = conjunct(p, k, a, b)?;
    let is_predicate = |t: usize| {
        matches!(syntax.get(t).pos, "VERB" | "AUX")
            || syntax.children(t).any(|c| syntax.get(c).dep == "cop")
    };
    let finite = |t: usize| matches!(syntax.get(t).tag, "VBD" | "VBZ" | "VBP" | "MD");
    let has_tense = |t: usize| {
        finite(t)
            || syntax.children(t).any(|c| {
                let child = syntax.get(c);
                matches!(child.dep, "aux" | "aux:pass" | "cop") && finite(c)
            })
    };
    // A verb cannot be coordinated with a noun: where the parser hung the conjunct on one
    // (`grant Japan an exemption, but declined`: `declined` on `exemption`), it joins the
    // nearest tensed predicate above that noun.
    let mut before = joined;
    let own_tense = syntax.children(verb).any(|c| {
        let child = syntax.get(c);
        c > cc && matches!(child.dep, "aux" | "aux:pass" | "cop") && finite(c)
    });
    let past = |t: usize| {
        syntax.get(t).tag == "VBD"
            || syntax
                .children(t)
                .any(|c| syntax.get(c).dep.starts_with("aux") && syntax.get(c).tag == "VBD")
    };
    // Climbing, the tense is the evidence: a conjunct with an auxiliary of its own, or a past
    // form under a past predicate (`expected …, but declined`); not a participle that may
    // share a future auxiliary (`will be picked up by buses and transported`).
    // And nothing nominal between the conjunction and the predicate: a noun there is the
    // subject the parser lost (`after power and [water] were cut`), the coordination a noun's.
    let bare = (cc + 1..verb)
        .all(|t| !matches!(syntax.get(t).pos, "NOUN" | "PROPN" | "PRON" | "NUM" | "DET"));
    let agrees = |t: usize| {
        bare && (own_tense || (matches!(syntax.get(verb).tag, "VBD" | "VBN") && past(t)))
    };
    if !is_predicate(before) {
        let mut t = before;
        for _ in 0..MAX_CLIMB {
            let up = syntax.head(t);
            if up == t {
                break;
            }
            t = up;
            if is_predicate(t) && has_tense(t) {
                if agrees(t) {
                    before = t;
                }
                break;
            }
        }
    }
    let after_comma = k > 0 && p.words[k - 1].is_punct(",");
    if own_tense
        && bare
        && after_comma
        && !is_predicate(before)
        && joined_to_lost_verb(syntax, joined, cc)
    {
        return Some(joined < first);
    }
    // The tagger gives many a past tense `VBN`: after a past tense, one is a past tense too.
    let tensed = sequenced(syntax, cc, verb)
        || finite(verb)
        || (syntax.get(verb).tag == "VBN" && syntax.get(before).tag == "VBD")
        || syntax.children(verb).any(|c| {
            let child = syntax.get(c);
            c > cc
                && matches!(child.dep, "aux" | "aux:pass" | "cop")
                && matches!(child.tag, "MD" | "VBD" | "VBZ" | "VBP")
        });
    // A noun between the conjunction and the predicate that hangs outside the conjunct is
    // a subject the parser gave to the noun before the conjunction (`after power and [water]
    // were cut`, `water` on `power`): the coordination is the nouns'.
    let lost_subject = (cc + 1..verb).any(|t| {
        matches!(syntax.get(t).pos, "NOUN" | "PROPN") && !(cc + 1..=verb).contains(&syntax.head(t))
    });
    if !(tensed && is_predicate(verb) && is_predicate(before) && before < cc) || lost_subject {
        return None;
    }
    Some(before < first)
}

/// Whether the conjunct headed by `verb` opens with `and then` (`and then [be allowed to
/// stay]`, conjunction at token `cc`): `then` orders two events, each a statement of its
/// own, whatever tense or modal the second shares with the first.
fn sequenced(syntax: &DocumentSyntax, cc: usize, verb: usize) -> bool {
    syntax.children(verb).any(|c| {
        cc < c
            && c < verb
            && syntax.get(c).dep == "advmod"
            && syntax.get(c).lemma.eq_ignore_ascii_case("then")
    })
}

/// Whether a conjunct with a tense of its own after `, and` is joined to the sentence's root
/// noun (`joined`, before the conjunction at `cc`): the tagger took the first clause's verb
/// for a noun (`Chamorro, 66, suffers from …, and has repeatedly flown …`: `suffers` a
/// plural noun, the root `Chamorro`), so the conjunct is a predicate of its own.
fn joined_to_lost_verb(syntax: &DocumentSyntax, joined: usize, cc: usize) -> bool {
    joined < cc
        && syntax.head(joined) == joined
        && matches!(syntax.get(joined).pos, "NOUN" | "PROPN")
}

/// The conjunct the conjunction at word `k` opens within `..b`, by the parse: the document's
/// parse, the token of word `a`, the conjunction's token, the conjunct's head token and the
/// head token of what it is joined to.
fn conjunct<'p>(
    p: &'p Paragraph,
    k: usize,
    a: usize,
    b: usize,
) -> Option<(&'p DocumentSyntax<'p>, usize, usize, usize, usize)> {
    let syntax = p.syntax?;
    let (first, cc, last) = (
        p.token_of[a] as usize,
        p.token_of[k] as usize,
        p.token_of[b - 1] as usize,
    );
    let verb = syntax.head(cc);
    let opens = cc < verb && verb <= last && syntax.get(verb).dep == "conj";
    if opens {
        return Some((syntax, first, cc, verb, syntax.head(verb)));
    }
    // The parser hung both clauses on one head by one relation (`… were being moved and
    // Russian forces are taking over …, it said`, two complements of `said`): the one
    // before the conjunction is what the conjunct joins.
    let head = syntax.head(verb);
    let clause = cc < verb && verb <= last && head != verb && syntax.get(cc).dep == "cc";
    let sibling = (first..cc).rev().find(|&t| {
        syntax.head(t) == head
            && t != head
            && syntax.get(t).dep == syntax.get(verb).dep
            && matches!(syntax.get(t).pos, "VERB" | "AUX")
    });
    if let Some(sibling) =
        sibling.filter(|_| clause && matches!(syntax.get(verb).pos, "VERB" | "AUX"))
    {
        return Some((syntax, first, cc, verb, sibling));
    }
    // The parser hung the conjunction on the next clause's subject (`, and [Gates] also
    // pleaded guilty`, `Gates` its head): the clause is that subject's verb, when it hangs
    // on what comes before the conjunction.
    let subject = verb;
    let verb = syntax.head(subject);
    // Only after a comma: without one, `and` before a subject more often joins two nouns the
    // parser split (`after power and [water] were cut`).
    let after_comma = k > 0 && p.words[k - 1].is_punct(",");
    let hung_on_subject = after_comma
        && cc < subject
        && syntax.get(subject).dep.starts_with("nsubj")
        && subject < verb
        && verb <= last
        && syntax.head(verb) < cc
        && matches!(syntax.get(verb).pos, "VERB" | "AUX");
    hung_on_subject.then_some((syntax, first, cc, verb, syntax.head(verb)))
}

/// Whether the subordinator at word `k` opens a contrast clause with a subject of its own
/// inside `..b`, hung on a clause before it, and where that clause lies: `Some(false)` inside
/// `a..`, `Some(true)` before `a` (the cue's: the article's contrast, not the speaker's).
fn contrast_clause(p: &Paragraph, k: usize, a: usize, b: usize) -> Option<bool> {
    let (syntax, first, last) = p.parsed_tokens(a, b)?;
    let mark = p.token_of[k] as usize;
    let verb = syntax.head(mark);
    let clause = syntax.get(mark).dep == "mark"
        && mark < verb
        && verb <= last
        && syntax.get(verb).dep == "advcl"
        && syntax.head(verb) < mark;
    if !clause || !has_subject_between(syntax, verb, mark) {
        return None;
    }
    Some(syntax.head(verb) < first)
}

/// Whether the comma at word `k` closes a subordinate clause that holds the cue and the
/// proposition `a..k` (`As Iran warned that [it might resume …], Mr. Trump threatened`): the
/// words after it are the main clause, with a subject of its own, on which the cue's clause
/// hangs.
fn main_clause_after(p: &Paragraph, k: usize, a: usize, b: usize) -> bool {
    let Some((syntax, first, last)) = p.parsed_tokens(a, b) else {
        return false;
    };
    let comma = p.token_of[k] as usize;
    // Climb from the proposition's first word to the first head after the comma.
    let mut t = first;
    let mut main = None;
    for _ in 0..MAX_DEPTH {
        let up = syntax.head(t);
        if up == t {
            break;
        }
        if up > comma {
            main = Some(up);
            break;
        }
        t = up;
    }
    let Some(main) = main else {
        return false;
    };
    // The cue's subordinate clause holds the content (`As Iran warned that [it might
    // resume …], Mr. Trump threatened`); a parser may hang the content on the main verb
    // instead, the subordinate clause still right before it.
    let cue_clause = if t < first {
        syntax.get(t).dep == "advcl"
    } else {
        subordinate_clause_before(syntax, main, first)
    };
    cue_clause
        && main <= last
        && matches!(syntax.get(main).pos, "VERB" | "AUX")
        && has_subject_between(syntax, main, comma)
}

/// Whether `verb` has a subordinate clause (an `advcl` opened by a subordinator) before
/// token `at` with no other verb between its own verb and `at`: what starts at `at`
/// continues that clause.
fn subordinate_clause_before(syntax: &DocumentSyntax, verb: usize, at: usize) -> bool {
    syntax.children(verb).any(|c| {
        c < at
            && syntax.get(c).dep == "advcl"
            && syntax
                .children(c)
                .any(|m| m < c && syntax.get(m).dep == "mark")
            && (c + 1..at).all(|t| !matches!(syntax.get(t).pos, "VERB" | "AUX"))
    })
}

/// Whether `verb` has a subject among the tokens between `after` and itself.
fn has_subject_between(syntax: &DocumentSyntax, verb: usize, after: usize) -> bool {
    syntax.children(verb).any(|c| {
        let dep = syntax.get(c).dep;
        c > after && c < verb && (dep.starts_with("nsubj") || dep == "expl")
    })
}
