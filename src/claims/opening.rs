//! An opening participle clause read as the sentence (`Not knowing the decision he will take,
//! I would like us to work on a deal`: `knowing` the root, the main clause hung under the
//! clause inside it as a parataxis). The frames then take `know` for what the content says
//! and the main clause for something beside it. A participle with no subject of its own that
//! opens the content, set off by a comma after which a clause with its own subject follows,
//! only says the circumstances of that clause: read so, the clause after the comma heads the
//! content and the participle hangs on it (`frame::FrameSource::frames`).

use std::ops::Range;

use super::participle::{finite, under, Edit};
use crate::syntax::document::DocumentSyntax;

/// Relations of the words a participle clause may open with (`But not knowing …`).
const OPENERS: &[&str] = &["cc", "advmod", "mark", "punct"];
const SUBJECTS: &[&str] = &["nsubj", "nsubj:pass", "expl"];
const CLAUSE_WORDS: &[&str] = &["aux", "aux:pass", "cop"];

fn has_child(syntax: &DocumentSyntax, i: usize, deps: &[&str]) -> bool {
    syntax
        .children(i)
        .any(|k| deps.contains(&syntax.get(k).dep))
}

/// How to hang the content `r`, headed by the participle `main`, so that the tensed clause
/// after the participle's comma heads it: that clause takes the participle's place and the
/// participle hangs on it as an adverbial clause. None when `main` is no subjectless `-ing`
/// verb opening the content, or no clause with a subject of its own starts right after the
/// first comma inside the participle's clause.
pub(super) fn reread<'a>(
    syntax: &'a DocumentSyntax,
    r: &Range<usize>,
    main: usize,
) -> Option<[Edit<'a>; 2]> {
    let participle = syntax.get(main);
    // An auxiliary or copula on it makes it a gerund subject the parser hung the verb on
    // (`Recapturing it has been the focus`), no clause of circumstance.
    let clause_of_its_own = [SUBJECTS, CLAUSE_WORDS].concat();
    if participle.pos != "VERB"
        || participle.tag != "VBG"
        || has_child(syntax, main, &clause_of_its_own)
    {
        return None;
    }
    let opens =
        (r.start..main).all(|k| syntax.head(k) == main && OPENERS.contains(&syntax.get(k).dep));
    if !opens {
        return None;
    }
    let comma = (main + 1..r.end).find(|&k| syntax.get(k).lemma == ",")?;
    // The clause after the comma: its first word and all up to its verb hang under the
    // verb (the subject, an auxiliary), and the verb hangs somewhere in the participle's.
    // Not a relative clause on a word of the participle's (`…, which include cars, fell`)
    // nor a subordinate one (`…, since other nations have immunity`).
    if matches!(syntax.get(comma + 1).tag, "WDT" | "WP" | "WP$") {
        return None;
    }
    let verb = (comma + 2..r.end).find(|&v| {
        syntax.get(v).pos == "VERB"
            && under(syntax, v, main)
            && has_child(syntax, v, &["nsubj", "nsubj:pass"])
            && finite(syntax, v)
            && !has_child(syntax, v, &["mark"])
            && (comma + 1..v).all(|k| under(syntax, k, v))
    })?;
    let place = if syntax.head(main) == main {
        (verb, verb, "root")
    } else {
        (verb, syntax.head(main), syntax.get(main).dep)
    };
    Some([place, (main, verb, "advcl")])
}
