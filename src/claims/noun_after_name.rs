//! A plural noun after a name that the tagger reads as a verb (`published the first archives
//! of stolen Democratic National Committee emails on July 22`: `emails` VBZ, a clausal
//! complement of `published`). The frames then lose the object or cut it before the noun it
//! is about (`the first archives of stolen Democratic National Committee`). A verb in `-s`
//! has a subject, and not a plural one: a `VBZ` complement with no subject, right after a
//! name inside the object of the verb above, or with a plural common noun for its subject,
//! right after a name inside that subject's phrase, is the last noun of that phrase. Read
//! so, the phrase is the object of the verb above, the noun heads the name before it, and
//! what the misread verb held (a date, a place) goes to the verb above
//! (`frame::FrameSource::reread`).

use std::ops::Range;

use super::participle::{under, Edit};
use crate::syntax::document::DocumentSyntax;

/// Relations a parser hangs the misread verb on the clause's verb with.
const COMPLEMENT_DEPS: &[&str] = &["ccomp", "parataxis"];

/// Relations of the misread verb's own that say where or when the clause above happens.
const CIRCUMSTANCES: &[&str] = &["obl", "obl:unmarked", "obl:tmod", "advmod"];

/// Relations that give the misread verb a clause of its own (an object, an auxiliary, a
/// subordinator): then it may be a verb.
const CLAUSE_WORDS: &[&str] = &["obj", "iobj", "aux", "aux:pass", "mark", "cop", "xcomp"];

fn has_child(syntax: &DocumentSyntax, i: usize, deps: &[&str]) -> bool {
    syntax
        .children(i)
        .any(|k| deps.contains(&syntax.get(k).dep))
}

/// How to hang the content `r` so that a plural noun read as a verb after a name ends the
/// object phrase of the verb above it: the noun takes the place of the name's phrase under
/// the phrase's head (the name a compound of the noun), that head is the object of the verb
/// above, and the noun's circumstances hang on that verb. None when nothing is misread so.
pub(super) fn reread<'a>(syntax: &'a DocumentSyntax, r: &Range<usize>) -> Option<Vec<Edit<'a>>> {
    (r.start + 1..r.end).find_map(|v| {
        let noun = syntax.get(v);
        if noun.pos != "VERB"
            || noun.tag != "VBZ"
            || !COMPLEMENT_DEPS.contains(&noun.dep)
            || has_child(syntax, v, CLAUSE_WORDS)
        {
            return None;
        }
        let (phrase, above) = host(syntax, r, v)?;
        // Right after a name inside the phrase, not the phrase's head itself.
        let name = v - 1;
        if name == phrase
            || !matches!(syntax.get(name).tag, "NNP" | "NNPS")
            || !under(syntax, name, phrase)
        {
            return None;
        }
        // The name's phrase: its word hanging right on the phrase's head.
        let mut top = name;
        while syntax.head(top) != phrase {
            top = syntax.head(top);
        }
        let mut edits: Vec<Edit<'a>> = vec![
            (phrase, above, "obj"),
            (v, phrase, syntax.get(top).dep),
            (top, v, "compound"),
        ];
        edits.extend(
            (syntax.children(v))
                .filter(|&k| k != phrase && CIRCUMSTANCES.contains(&syntax.get(k).dep))
                .map(|k| (k, above, syntax.get(k).dep)),
        );
        Some(edits)
    })
}

/// The noun phrase the misread `v` belongs in and the verb whose object that phrase is: the
/// object of the verb `v` hangs on, when `v` has no subject (a finite verb always has one);
/// or `v`'s subject when it is a plural common noun (a verb in `-s` cannot agree with it) and
/// the verb before it, on which `v` or its head hangs, has no object yet.
fn host(syntax: &DocumentSyntax, r: &Range<usize>, v: usize) -> Option<(usize, usize)> {
    let head = syntax.head(v);
    let verb_before = |k: usize| k < v && r.contains(&k) && syntax.get(k).pos == "VERB";
    let object = |k: usize| syntax.children(k).find(|&o| syntax.get(o).dep == "obj");
    let Some(subject) = syntax.children(v).find(|&k| syntax.get(k).dep == "nsubj") else {
        let o = object(head).filter(|_| verb_before(head))?;
        return matches!(syntax.get(o).pos, "NOUN").then_some((o, head));
    };
    let s = syntax.get(subject);
    if s.pos != "NOUN" || s.tag != "NNS" {
        return None;
    }
    // The verb above: `v`'s head, or a verb beside `v` on one head (`…, officials said`
    // taking both as its clauses), before the subject.
    let above = if verb_before(head) {
        head
    } else {
        (r.start..subject).find(|&k| verb_before(k) && k != head && syntax.head(k) == head)?
    };
    (above < subject && object(above).is_none()).then_some((subject, above))
}
