//! Whether a proposition is stated in the negative, read from the parse with its scope: a
//! negator on the proposition's main predicate (`the U.S. was not among them`, `he does n't
//! know`, `no longer needed`), or a negated subject or object of it (`required no further
//! tests`, `nobody was hurt`, `NO proof or evidence`). A negator inside a relative clause, a
//! subordinate clause or a clause the predicate frames does not reach the proposition (`the
//! site, which was not used, was closed`). Words: `claims/negations.txt`.

use super::segments::Paragraph;
use crate::syntax::document::DocumentSyntax;

/// Lemmas of auxiliaries and modals the parser sometimes heads a clause with (`he does n't
/// know` parsed with `does` over `know`): the predicate is the verb below them.
const AUXILIARIES: &[&str] = &[
    "be", "do", "have", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
];

/// Relations by which a word belongs to its predicate's own clause: negators found there
/// negate it (`not`, `never`), subjects and objects there are its arguments.
const OWN: &[&str] = &[
    "advmod", "aux", "aux:pass", "cop", "neg", "det", "amod", "nummod",
];

/// The arguments of a predicate a negator can determine (`no civilians were hurt`).
const ARGUMENTS: &[&str] = &["nsubj", "nsubj:pass", "obj", "iobj", "expl"];

/// Words after `not` that make it no negation of the predicate (`not only … but`, `not
/// least`). `not just` stays a negation: it denies that the predicate is all there is.
const NOT_NEGATING_AFTER: &[&str] = &["only", "least"];

/// Whether words `a..b` of `p` state their proposition in the negative. False without a
/// parse (the frames then decide).
pub fn is_negated(p: &Paragraph, a: usize, b: usize) -> bool {
    let Some((syntax, first, last)) = p.parsed_tokens(a, b) else {
        return false;
    };
    let read = Reader {
        p,
        syntax,
        first,
        last,
    };
    let Some(main) = read.main_predicate() else {
        return false;
    };
    // An opening participle clause read as the sentence (`not knowing …, I would like`):
    // its negator is the circumstance's, the clause after its comma is the proposition.
    let rehung;
    let (syntax, main, read) = match super::opening::reread(syntax, &(first..last + 1), main) {
        Some(edits) => {
            rehung = syntax.clone().rehung(&edits);
            (
                &rehung,
                edits[0].0,
                Reader {
                    syntax: &rehung,
                    ..read
                },
            )
        }
        None => (syntax, main, read),
    };
    // A predicate whose subject is a relative pronoun is a relative clause the parser
    // hung from outside (`the Party, which no longer exists`): not the proposition's.
    if syntax
        .children(main)
        .any(|c| syntax.get(c).dep == "nsubj" && matches!(syntax.get(c).lemma, "who" | "which"))
    {
        return false;
    }
    let mut chain = vec![main];
    // `does n't know` with `does` as head: the verb right below belongs to the same
    // predicate (not a verb coordinated with it: `have … or won't have`).
    let has_object = syntax.children(main).any(|c| syntax.get(c).dep == "obj");
    if AUXILIARIES.contains(&syntax.get(main).lemma) && !has_object {
        chain.extend(
            syntax
                .children(main)
                .filter(|&c| read.inside(c) && c > main)
                .filter(|&c| matches!(syntax.get(c).dep, "ccomp" | "xcomp"))
                .filter(|&c| matches!(syntax.get(c).pos, "VERB" | "AUX" | "ADJ"))
                .take(1),
        );
    }
    // A negator on the predicate (`n` `'t` split in two count once); a negated argument
    // turns it again (`nobody did not`).
    let own = chain
        .iter()
        .flat_map(|&v| syntax.children(v).filter(|&c| read.inside(c)))
        .filter(|&c| OWN.contains(&syntax.get(c).dep))
        .any(|c| read.negates_predicate(c));
    let arguments = chain
        .iter()
        .flat_map(|&v| syntax.children(v).filter(|&c| read.inside(c)))
        .filter(|&c| ARGUMENTS.contains(&syntax.get(c).dep))
        .filter(|&c| read.negated_phrase(c))
        .count();
    // A verbless proposition (`NO proof or evidence`) is its head's phrase.
    let verbless =
        !matches!(syntax.get(main).pos, "VERB" | "AUX") && read.negated_phrase(main) && !own;
    own != (arguments % 2 == 1) || verbless
}

/// Tags of the word after `no matter` that make it a concession (`no matter how the vote
/// turns out`, `no matter where you go`): whatever happens, the clause holds, so its `no`
/// negates nothing.
const CONCESSION_WORDS: &[&str] = &["WDT", "WP", "WP$", "WRB"];

/// Whether the phrase headed by `h` is a concession `no matter` + a question word (or
/// `whether`), which a parser hangs on the clause as an object or subject. A relative
/// `that` leaves it a noun, negated (`found no matter that needed attention`).
pub(super) fn no_matter(syntax: &DocumentSyntax, h: usize) -> bool {
    let word = |i: usize| syntax.get(i).lemma.to_lowercase();
    h > 0
        && h + 1 < syntax.len()
        && word(h) == "matter"
        && word(h - 1) == "no"
        && (CONCESSION_WORDS.contains(&syntax.get(h + 1).tag) && word(h + 1) != "that"
            || word(h + 1) == "whether")
}

struct Reader<'a, 't> {
    p: &'a Paragraph<'t>,
    syntax: &'a DocumentSyntax<'a>,
    first: usize,
    last: usize,
}

impl Reader<'_, '_> {
    fn inside(&self, t: usize) -> bool {
        self.first <= t && t <= self.last
    }

    /// The token's word form, lower case (its lemma where it is no word of the paragraph).
    fn form(&self, t: usize) -> String {
        match self.p.token_of.binary_search(&(t as u32)) {
            Ok(k) => self.p.words[k].lower.clone(),
            Err(_) => self.syntax.get(t).lemma.to_lowercase(),
        }
    }

    fn is_negator(&self, t: usize) -> bool {
        let lex = &self.p.lexicon.negations;
        lex.contains(&self.form(t)) || lex.contains(&self.syntax.get(t).lemma.to_lowercase())
    }

    /// The proposition's main predicate: the first verb whose head lies outside the words
    /// (or that is a root), else the first such word of any kind.
    fn main_predicate(&self) -> Option<usize> {
        let tops: Vec<usize> = (self.first..=self.last)
            .filter(|&t| {
                let h = self.syntax.head(t);
                h == t || !self.inside(h)
            })
            .filter(|&t| self.syntax.get(t).pos != "PUNCT")
            .collect();
        let verbal = |t: &&usize| {
            let s = self.syntax.get(**t);
            matches!(s.pos, "VERB" | "AUX")
                || self
                    .syntax
                    .children(**t)
                    .any(|c| self.syntax.get(c).dep == "cop")
        };
        let main = tops.iter().find(verbal).or(tops.first()).copied()?;
        Some(self.clause_on_noun(main).unwrap_or(main))
    }

    /// A clause with a subject of its own hung on the proposition's head noun as `acl`
    /// (`Wang's family and Hangzhou police could not be reached`, read as `family` with a
    /// clause `police … reached` on it): the parser misread a sentence, whose predicate is
    /// the clause's verb, as the frames read it too.
    fn clause_on_noun(&self, main: usize) -> Option<usize> {
        if !matches!(self.syntax.get(main).pos, "NOUN" | "PROPN") {
            return None;
        }
        self.syntax.children(main).find(|&k| {
            let s = self.syntax.get(k);
            self.inside(k)
                && s.pos == "VERB"
                && s.dep == "acl"
                && (self.syntax.children(k))
                    .any(|a| matches!(self.syntax.get(a).dep, "nsubj" | "nsubj:pass"))
        })
    }

    /// Whether dependent `c` of the predicate negates it: `not`, `n't`, `never`, and `no`
    /// in `no longer`; not `not only`.
    fn negates_predicate(&self, c: usize) -> bool {
        let form = self.form(c);
        if form == "longer" || form == "more" {
            return self
                .syntax
                .children(c)
                .any(|n| self.form(n) == "no" && n + 1 == c);
        }
        if !self.is_negator(c) || matches!(form.as_str(), "no" | "nor" | "neither") {
            return false;
        }
        let next = c + 1;
        !(self.inside(next) && NOT_NEGATING_AFTER.contains(&self.form(next).as_str()))
    }

    /// Whether the phrase headed by `h` is negated: a negative word itself (`nobody`,
    /// `nothing`, `none`), or opened by `no` (`no further tests`, `no one`).
    fn negated_phrase(&self, h: usize) -> bool {
        if no_matter(self.syntax, h) {
            return false;
        }
        let form = self.form(h);
        if matches!(form.as_str(), "nobody" | "nothing" | "none" | "noone") {
            return true;
        }
        // `no` may hang from the head or from a modifier before it (`no further tests`).
        let mut first = h;
        while first > self.first && self.descends(first - 1, h) {
            first -= 1;
        }
        first < h && self.form(first) == "no" && self.is_negator(first)
    }

    /// Whether token `t` lies in the phrase of `h` without crossing a clause.
    fn descends(&self, mut t: usize, h: usize) -> bool {
        for _ in 0..4 {
            if t == h {
                return true;
            }
            let s = self.syntax.get(t);
            if !matches!(s.dep, "det" | "amod" | "advmod" | "nummod" | "compound") {
                return false;
            }
            t = s.head as usize;
        }
        t == h
    }
}
