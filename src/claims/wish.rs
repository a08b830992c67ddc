//! A wish said politely: `would like` (`I would like us to work on a deal`) says what `want`
//! says (`he wants to work on a new deal`): the frame's predicate is `want`. Without
//! `would` the verb says liking (`he likes to golf`). The verbs: `claims/wishes.txt`.

use std::collections::HashSet;
use std::ops::Range;

use crate::syntax::document::DocumentSyntax;

/// Whether the predicate `p` is a polite wish: a verb of `claims/wishes.txt` with the
/// auxiliary `would` and something wished for, a complement (`like us to work`) or an
/// object (`would like a new deal`). Not `likes to golf` (liking), nor a bare `would like`
/// (no wish for anything named).
pub(super) fn polite_would(
    syntax: &DocumentSyntax,
    p: usize,
    r: &Range<usize>,
    wishes: &HashSet<String>,
) -> bool {
    if syntax.get(p).pos != "VERB" || !wishes.contains(&syntax.get(p).lemma.to_lowercase()) {
        return false;
    }
    let kids = || syntax.children(p).filter(|k| r.contains(k));
    kids().any(|k| matches!(syntax.get(k).dep, "xcomp" | "obj" | "ccomp"))
        && kids().any(|k| {
            syntax.get(k).dep == "aux" && syntax.get(k).lemma.eq_ignore_ascii_case("would")
        })
}
