//! A past tense the tagger reads as a participle (`The army destroyed bridges`: `destroyed`
//! VBN, an `amod` of `bridges`). With no verb left, a parser hangs the subject and the object
//! on the sentence's other words (a second subject of the cue, or a root with the object
//! under it), and the content's head becomes a noun: `army`, so two claims agree on it
//! whatever was destroyed. A participle modifying the noun after it, right after a noun
//! that is not part of that noun's phrase, can only be a verb between its subject and its
//! object: read so, the frame has `destroy` with both (`frame::FrameSource::frames`).

use std::ops::Range;

use crate::syntax::document::DocumentSyntax;

/// A token hung anew: `(token, head, label)`, as `DocumentSyntax::rehung` takes it.
pub(super) type Edit<'a> = (usize, usize, &'a str);

/// Whether `v` has a tense of its own, or a modal or auxiliary that gives it one.
pub(super) fn finite(syntax: &DocumentSyntax, v: usize) -> bool {
    let tensed = |i: usize| matches!(syntax.get(i).tag, "VBD" | "VBZ" | "VBP" | "MD");
    tensed(v)
        || syntax
            .children(v)
            .any(|k| matches!(syntax.get(k).dep, "aux" | "aux:pass") && tensed(k))
}

/// Whether `i` lies under `top` in the tree.
pub(super) fn under(syntax: &DocumentSyntax, mut i: usize, top: usize) -> bool {
    // A tree has no cycle, but a bound keeps a malformed one from looping.
    for _ in 0..syntax.len() {
        let h = syntax.head(i);
        if h == top {
            return true;
        }
        if h == i {
            return false;
        }
        i = h;
    }
    false
}

fn nominal(syntax: &DocumentSyntax, i: usize) -> bool {
    matches!(syntax.get(i).pos, "NOUN" | "PROPN")
}

/// How to hang the content `r` (headed by the noun `main`) so that a misread past tense in
/// it is its verb: the verb takes the place of the higher of its subject and object, and
/// they hang on it. None when `main` is no noun or no participle is misread so. Only a
/// clause that opens the content, its subject's phrase first: after a subordinator (`While
/// the data provided support …, markets weakened`) the misread clause is not what the
/// content says, and the main one is lost to the parse either way.
pub(super) fn reread<'a>(
    syntax: &'a DocumentSyntax,
    r: &Range<usize>,
    main: usize,
) -> Option<[Edit<'a>; 3]> {
    if !nominal(syntax, main) || syntax.children(main).any(|k| syntax.get(k).dep == "cop") {
        return None;
    }
    (r.start + 1..r.end).find_map(|v| {
        let verb = syntax.get(v);
        let (subject, object) = (v - 1, syntax.head(v));
        let misread = verb.pos == "VERB"
            && matches!(verb.tag, "VBD" | "VBN")
            && verb.dep == "amod"
            && object > v
            && r.contains(&object)
            && nominal(syntax, object)
            && nominal(syntax, subject)
            && !under(syntax, subject, object)
            && (r.start..subject).all(|k| under(syntax, k, subject))
            && !syntax
                .children(subject)
                .any(|k| syntax.get(k).dep == "case");
        if !misread {
            return None;
        }
        let top = if under(syntax, object, subject) {
            subject
        } else {
            object
        };
        let place = if syntax.head(top) == top {
            (v, v, "root")
        } else {
            (v, syntax.head(top), syntax.get(top).dep)
        };
        Some([place, (subject, v, "nsubj"), (object, v, "obj")])
    })
}
