//! A relative clause set off by commas that a parser runs on into the sentence's own verb
//! (`Woods, who turned pro after winning the title, almost eagled the 18th hole`: `eagled`
//! an adverbial clause or a complement of `turned`, the noun the sentence's root). The
//! content's head is then the noun, the relative clause is not background, and two claims
//! that share the clause agree on it whatever each says of the noun. A finite verb under
//! the clause, right after the comma that closes it, with no subject, subordinator or
//! conjunction of its own, can only be the noun's predicate: read so, the clause hangs on
//! the noun again and the verb heads the content (`frame::FrameSource::reread`).

use std::ops::Range;

use super::participle::{finite, under, Edit};
use crate::syntax::document::DocumentSyntax;

/// Relative pronouns that open a clause set off by commas (`that` opens a restrictive one,
/// which is never set off).
const NON_RESTRICTIVE: &[&str] = &["who", "which", "whom"];

/// Relations under which a parser hangs the run-on verb on the relative clause.
const RUN_ON_DEPS: &[&str] = &["advcl", "parataxis", "xcomp", "conj"];

fn comma(syntax: &DocumentSyntax, i: usize) -> bool {
    syntax.get(i).tag == ","
}

/// How to hang the content `r` (headed by the noun `main`) so that the verb a relative
/// clause on it runs on into is the noun's predicate: the verb takes the noun's place, the
/// noun is its subject and the clause hangs on the noun. None when nothing is misread so.
pub(super) fn reread<'a>(
    syntax: &'a DocumentSyntax,
    r: &Range<usize>,
    main: usize,
) -> Option<[Edit<'a>; 3]> {
    let noun = syntax.get(main);
    if !matches!(noun.pos, "NOUN" | "PROPN")
        || syntax.children(main).any(|k| syntax.get(k).dep == "cop")
    {
        return None;
    }
    // The clause on the noun, opened by a relative pronoun right after a comma.
    let clause = syntax.children(main).find(|&c| {
        c > main
            && r.contains(&c)
            && syntax.get(c).pos == "VERB"
            && syntax.children(c).any(|w| {
                w < c
                    && w > r.start
                    && comma(syntax, w - 1)
                    && syntax.get(w).pos == "PRON"
                    && NON_RESTRICTIVE.contains(&syntax.get(w).lemma.to_lowercase().as_str())
            })
    })?;
    let verb = (clause + 1..r.end).find(|&v| {
        let t = syntax.get(v);
        let own = |deps: &[&str]| {
            syntax
                .children(v)
                .any(|k| deps.contains(&syntax.get(k).dep))
        };
        // The verb's clause opens right after a comma: its first word is the first token
        // of `r` under it that is no punctuation (a parser may hang the comma on it).
        let first = (r.start..v)
            .find(|&k| under(syntax, k, v) && syntax.get(k).pos != "PUNCT")
            .unwrap_or(v);
        t.pos == "VERB"
            && RUN_ON_DEPS.contains(&t.dep)
            && finite(syntax, v)
            && !own(&["nsubj", "nsubj:pass", "mark", "cc"])
            && under(syntax, v, clause)
            && first > r.start
            && comma(syntax, first - 1)
    })?;
    let place = if syntax.head(main) == main {
        (verb, verb, "root")
    } else {
        (verb, syntax.head(main), noun.dep)
    };
    Some([place, (main, verb, "nsubj"), (clause, main, "acl:relcl")])
}
