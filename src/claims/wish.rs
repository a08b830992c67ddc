//! A wish said politely: `would like` (`I would like us to work on a deal`) says what `want`
//! says (`he wants to work on a new deal`): the frame's predicate is `want`. Without
//! `would` the verb says liking (`he likes to golf`). The verbs: `claims/wishes.txt`.

use std::collections::HashSet;
use std::ops::Range;

use crate::syntax::document::DocumentSyntax;

/// The `would` that makes the predicate `p` a polite wish: `p` is a verb of
/// `claims/wishes.txt` with that auxiliary and with something wished for, a complement
/// (`like us to work`) or an object (`would like a new deal`). None otherwise: `likes to
/// golf` is liking, and a bare `would like` no wish for anything named.
pub(super) fn polite_would(
    syntax: &DocumentSyntax,
    p: usize,
    r: &Range<usize>,
    wishes: &HashSet<String>,
) -> Option<usize> {
    if syntax.get(p).pos != "VERB" || !wishes.contains(&syntax.get(p).lemma.to_lowercase()) {
        return None;
    }
    let kids = || syntax.children(p).filter(|k| r.contains(k));
    let wished = kids().any(|k| matches!(syntax.get(k).dep, "xcomp" | "obj" | "ccomp"));
    let would = kids().find(|&k| {
        syntax.get(k).dep == "aux" && syntax.get(k).lemma.eq_ignore_ascii_case("would")
    })?;
    wished.then_some(would)
}
