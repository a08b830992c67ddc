//! Names beside a shared predicate, in none of its participants' roles: `published in the
//! July 1 issue of the Annals of Internal Medicine` / `published in tomorrow's issue of The
//! New England Journal of Medicine`. The parse gives no role to `in the issue of …`, so
//! the frames match on `publish` alone; but each claim names an organisation the other
//! does not, in the same place around the predicate: two publications, two propositions.
//!
//! Only names outside the role fillers of the shared predicate are compared, and only
//! against names outside the other's: a name in its role is compared by role
//! (`frames::fit`), and a name in its role on one side against a loose one on the other
//! (`IBM shares rose` / `rose on the New York Stock Exchange`) is a participant against
//! context, not a rival. A name filling a role of another frame only (`stayed pending an
//! appeal to the Federal Circuit Court of Appeals`: `pend`) is context beside the shared
//! predicate, as a name in no role is.

use super::frames::{self, FrameView};
use super::lexicon::AlignLexicon;
use super::participants::{kind, names_other};
use super::represent::ClaimView;

/// The kinds of name told apart here. Organisations: a journal, an exchange, a court, a
/// company. People are left to `slots::rival_people` (a pronoun may stand for one), and
/// places to `time` and the frames (one place is often inside another: `Kherson`,
/// `Ukraine`).
const KINDS: [&str; 1] = ["ORG"];

/// When `a` and `b` assert one predicate (core frames, compatible) and each names, beside
/// it and in no role, an organisation the other does not name anywhere (no shared one of
/// that kind either): the two names, shown.
pub fn rival_names_beside(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> Option<String> {
    let shared_predicate = (a.frames.iter().filter(|x| x.core))
        .any(|x| (b.frames.iter().filter(|y| y.core)).any(|y| compatible(x, y)));
    if !shared_predicate {
        return None;
    }
    for of in KINDS {
        let (all_a, all_b) = (keys(a, of, lex), keys(b, of, lex));
        if all_a.iter().any(|k| all_b.contains(k)) {
            continue;
        }
        // A loose name is told apart from every name of the other claim, in a role or
        // not: `Pentagon` beside `the Department of Defense's …` / `the Defense Department`.
        let (loose_a, loose_b) = (loose(a, b, &all_a), loose(b, a, &all_b));
        if names_other(&loose_a, &all_b, of) && names_other(&loose_b, &all_a, of) {
            return Some(format!(
                "{} / {}",
                shown(a, &loose_a, lex),
                shown(b, &loose_b, lex)
            ));
        }
    }
    None
}

fn compatible(x: &FrameView, y: &FrameView) -> bool {
    frames::compare(x, y).is_some_and(|m| m.compatible)
}

/// The entity keys (metonyms mapped) of `v`'s names of kind `of`, sorted.
fn keys(v: &ClaimView, of: &str, lex: &AlignLexicon) -> Vec<String> {
    let mut k: Vec<String> = (v.entities.keys())
        .map(|id| lex.entity_key(id).to_owned())
        .filter(|k| kind(k) == of)
        .collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// Those of `names` that no role filler holds of `v`'s frames that share a predicate
/// with one of `other`'s.
fn loose(v: &ClaimView, other: &ClaimView, names: &[String]) -> Vec<String> {
    let shared = |f: &&FrameView| other.frames.iter().any(|g| compatible(f, g));
    let in_role = |k: &String| {
        (v.frames.iter().filter(shared))
            .flat_map(|f| f.roles.iter().flatten())
            .any(|r| r.entity.as_ref() == Some(k) || r.names.binary_search(k).is_ok())
    };
    names.iter().filter(|k| !in_role(k)).cloned().collect()
}

/// The names as the claim writes them.
fn shown(v: &ClaimView, keys: &[String], lex: &AlignLexicon) -> String {
    let names: Vec<&str> = (v.entities.iter())
        .filter(|(id, _)| keys.iter().any(|k| k == lex.entity_key(id)))
        .map(|(_, s)| s.as_str())
        .collect();
    names.join(", ")
}
