//! Which story a document tells, read off the names it mentions most: two outlets on one
//! event name mostly the same people, places and organisations, two unrelated stories share
//! a name or two (`Trump`, `the FBI`) at most. A corpus may hold many stories; a claim of
//! one and a claim of another are one proposition only when something named in what they
//! say ties them (see `relation::judge`). Without it the same speaker's stock praise
//! (`very good news` of a test ban, of a lawsuit) or a stock line agrees across stories.
//! One story, known (`one`), is what ties two descriptions to one referent (`referents`):
//! `the poll` of two outlets on one race.

use std::collections::HashMap;

use super::outline::key_hash;
use crate::corpus::EntityLayer;

/// The names a story is read from: the document's most mentioned ones.
const STORY_NAMES: usize = 10;
/// A document naming fewer distinct names than this tells no story one can tell apart
/// from another (a brief, a table): its claims are never held apart by it.
const MIN_STORY_NAMES: usize = 4;
/// Two stories naming fewer of their names in common than this are two stories. On
/// newswcl50-dev, outlets on one event share 4 to 7 of their ten, unrelated events 0 to 3
/// (two events on one summit share 3 to 6).
const MIN_SHARED_NAMES: usize = 3;
/// Names two documents must share at least to be known to tell one story, however few
/// they name: one (`U.S.`, `New York`) is what any two reports may have in common.
const MIN_ONE_STORY: usize = 2;

/// The story of document `d`: the ids of its `STORY_NAMES` most mentioned names (people,
/// groups, organisations, places, events; not dates or figures), hashed and sorted. Ties
/// go to the id that sorts first, so the story does not depend on mention order.
pub fn story(entities: &EntityLayer, d: usize) -> Vec<u64> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for m in 0..entities.mentions[d].len() {
        if let Some(e) = entities.entity_of(d, m).filter(|e| e.label.is_name()) {
            *counts.entry(e.id.as_str()).or_default() += 1;
        }
    }
    let mut named: Vec<(&str, u32)> = counts.into_iter().collect();
    named.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let mut top: Vec<u64> = (named.iter().take(STORY_NAMES))
        .map(|(id, _)| key_hash(id))
        .collect();
    top.sort_unstable();
    top.dedup();
    top
}

/// Whether two documents' stories (`story`) are known to be two: each names enough to
/// tell (`MIN_STORY_NAMES`), and they share fewer than `MIN_SHARED_NAMES`. Unknown stories
/// (texts compared on their own, short documents) are never apart.
pub fn apart(a: &[u64], b: &[u64]) -> bool {
    a.len() >= MIN_STORY_NAMES && b.len() >= MIN_STORY_NAMES && shared(a, b) < MIN_SHARED_NAMES
}

/// Whether two documents' stories are known to be one: they share `MIN_SHARED_NAMES` when
/// both tell a story, `MIN_ONE_STORY` when one is short (`Ohio` and `Pennsylvania` in two
/// short reports of one race). Never both `one` and `apart`.
pub fn one(a: &[u64], b: &[u64]) -> bool {
    let both_tell = a.len() >= MIN_STORY_NAMES && b.len() >= MIN_STORY_NAMES;
    shared(a, b)
        >= if both_tell {
            MIN_SHARED_NAMES
        } else {
            MIN_ONE_STORY
        }
}

fn shared(a: &[u64], b: &[u64]) -> usize {
    super::score::sorted_overlap_iter(a.iter(), b.iter(), MIN_SHARED_NAMES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_sharing_few_names_are_apart_and_short_ones_never() {
        let a = [1, 2, 3, 4, 5, 6];
        assert!(apart(&a, &[1, 2, 7, 8, 9]));
        assert!(!apart(&a, &[1, 2, 3, 8, 9]));
        assert!(!apart(&a, &[7, 8, 9]), "three names tell no story");
        assert!(!apart(&[], &a));
    }

    #[test]
    fn one_story_is_known_from_enough_names_shared_and_never_apart() {
        let a = [1, 2, 3, 4, 5, 6];
        assert!(one(&a, &[1, 2, 3, 8, 9]));
        assert!(!one(&a, &[1, 2, 7, 8, 9]), "two of many names: two stories");
        assert!(
            one(&[1, 2], &[1, 2, 7]),
            "two names shared by short stories"
        );
        assert!(one(&[1, 2, 3], &[1, 2, 7]));
        assert!(!one(&[1], &[1, 7]), "one name tells nothing");
        assert!(!one(&[], &[]));
        let stories: [&[u64]; 6] = [&a, &[1, 2, 7, 8, 9], &[1, 2], &[1], &[], &[2, 3, 4, 5]];
        for x in stories {
            for y in stories {
                assert!(!(one(x, y) && apart(x, y)), "{x:?} {y:?}");
            }
        }
    }

    #[test]
    fn a_story_is_the_most_mentioned_names_without_dates() {
        let text = "Kyiv said on Monday that Kherson was freed. Kyiv and Kherson celebrated. \
            Moscow denied it. Zelensky visited Kherson on Monday. Mykolaiv, Odesa, Lviv, \
            Dnipro, Kharkiv, Poltava, Sumy and Chernihiv cheered.";
        let date = crate::calendar::Date::new(2022, 11, 14);
        let doc = crate::corpus::Document::new("d".into(), text.into(), date, None);
        let corpus = crate::corpus::Corpus::new(vec![doc]).unwrap();
        let entities = corpus.entities();
        let got = story(entities, 0);
        assert_eq!(got.len(), STORY_NAMES);
        assert!(got.windows(2).all(|w| w[0] < w[1]), "sorted, deduplicated");
        for most in ["GPE:kherson", "GPE:kyiv"] {
            assert!(got.contains(&key_hash(most)), "{most} is mentioned most");
        }
        // `Monday`, twice, is as mentioned as Kyiv.
        let monday = "DATE:2022-11-14";
        assert!((entities.resolution.entities.iter()).any(|e| e.id == monday));
        assert!(!got.contains(&key_hash(monday)), "a date is no name");
    }
}
