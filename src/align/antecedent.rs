//! A personal pronoun as a frame's agent (`he was willing to negotiate`) stands for the
//! person it refers to, when that is unambiguous: the claim's speaker when the pronoun is
//! the first person the content names (`Mr. Kim said he was willing …`), else the one
//! person the paragraph names before it. Two people in reach, or a person of the other
//! gender only, leave the pronoun as it is: a wrong person would make two people's claims
//! one (issue 10, linking recall).

use crate::claims::frame::Frame;
use crate::corpus::EntityLayer;
use crate::entities::label::Label;
use crate::entities::lexicon::class;
use crate::entities::tagger::Mention;
use crate::lang::Language;
use crate::text::tokens::Token;
use std::collections::HashMap;

use super::frames::FrameView;

/// How far back a pronoun looks for its person: its paragraph, but no more than this many
/// bytes, so that a text with no paragraph breaks costs the same per pronoun as any other.
const REACH_BYTES: usize = 2_000;

/// A pronoun's gender, as far as it tells one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Man,
    Woman,
}

fn pronoun_gender(form: &str) -> Option<Gender> {
    match form {
        "he" => Some(Gender::Man),
        "she" => Some(Gender::Woman),
        _ => None,
    }
}

/// What one document offers to resolve pronouns against.
pub struct Reach<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub entities: &'a EntityLayer,
    pub doc: usize,
    pub language: &'a Language,
    /// `document_genders` of this document.
    pub genders: &'a Genders,
}

/// The gender the document gives each person (by entity id): a woman by a title or given
/// name (`Mrs.`, `Melania`), a man by a man's title (`Mr.`); None where it says both.
/// Persons it says neither of are absent.
pub type Genders = HashMap<String, Option<Gender>>;

/// `Genders` of document `doc`, in one pass over its mentions.
pub fn document_genders(
    text: &str,
    entities: &EntityLayer,
    doc: usize,
    language: &Language,
) -> Genders {
    let mut genders = Genders::new();
    for (m, x) in entities.mentions[doc].iter().enumerate() {
        if x.label != Label::Person {
            continue;
        }
        let Some(entity) = entities.entity_of(doc, m) else {
            continue;
        };
        let first = text[x.start as usize..x.end as usize]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let before = text[..x.start as usize]
            .split_whitespace()
            .next_back()
            .unwrap_or_default()
            .to_lowercase();
        let names = &language.names;
        let here = if (names.classes_of(&first) | names.classes_of(&before)) & class::WOMAN != 0 {
            Gender::Woman
        } else if names.classes_of(&before) & class::MAN_TITLE != 0 {
            Gender::Man
        } else {
            continue;
        };
        genders
            .entry(entity.id.clone())
            .and_modify(|g| {
                if *g != Some(here) {
                    *g = None;
                }
            })
            .or_insert(Some(here));
    }
    genders
}

impl Reach<'_> {
    fn mentions(&self) -> &[Mention] {
        &self.entities.mentions[self.doc]
    }

    fn person(&self, m: usize) -> Option<&str> {
        if self.mentions()[m].label != Label::Person {
            return None;
        }
        self.entities.entity_of(self.doc, m).map(|e| e.id.as_str())
    }

    /// Whether a person may be what a pronoun of gender `g` stands for: not one the
    /// document says is of the other gender (`she` is never `Mr. Moon`, nor `he` `Sarah
    /// Sanders`); `she` only a person the document says is a woman (most people named in
    /// the news with no title are men, so a `she` with no woman in reach stays unresolved).
    fn fits(&self, id: &str, g: Gender) -> bool {
        match (self.genders.get(id).copied().flatten(), g) {
            (Some(x), g) => x == g,
            (None, Gender::Man) => true,
            (None, Gender::Woman) => false,
        }
    }

    /// The entity id a `he`/`she` at token `at` stands for, in a claim starting at byte
    /// `claim_start` said by `speaker` (an entity id), when one person is in reach.
    fn resolve(&self, at: usize, claim_start: u32, speaker: Option<&str>) -> Option<String> {
        let t = &self.tokens[at];
        let form = self.text[t.start as usize..t.end as usize].to_lowercase();
        let g = pronoun_gender(&form)?;
        let mut floor = (t.start as usize).saturating_sub(REACH_BYTES);
        while !self.text.is_char_boundary(floor) {
            floor += 1;
        }
        let para = self.text[floor..t.start as usize]
            .rfind('\n')
            .map_or(floor, |i| floor + i + 1) as u32;
        // Persons named in the paragraph before the pronoun, and whether one is named in
        // the claim's own words before it.
        let mut before: Vec<&str> = Vec::new();
        let mut nearest = None;
        let mentions = self.mentions();
        let first = mentions.partition_point(|x| x.start < para);
        for (m, x) in mentions.iter().enumerate().skip(first) {
            if x.end > t.start {
                break;
            }
            if let Some(id) = self.person(m) {
                nearest = Some((id, x.start >= claim_start));
                if !before.contains(&id) {
                    before.push(id);
                }
            }
        }
        // `Mr. Kim said he was willing …`: the speaker, when the content names no one before
        // the pronoun and the last person named before it is the speaker (not `Rosenstein
        // told Trump he is not the target`).
        if let Some(s) = speaker.filter(|s| s.starts_with("PERSON:")) {
            let last_is_speaker = nearest.is_none_or(|(id, in_claim)| id == s && !in_claim);
            if last_is_speaker && self.fits(s, g) {
                return Some(s.to_owned());
            }
        }
        let fitting: Vec<&str> = before.into_iter().filter(|id| self.fits(id, g)).collect();
        match fitting[..] {
            [one] => Some(one.to_owned()),
            _ => None,
        }
    }
}

/// Gives each frame view's agent that is a bare `he`/`she`, with no entity, the person it
/// stands for, when `Reach::resolve` finds one. `frames` and `views` are index-aligned.
pub fn fill_pronouns(
    reach: &Reach,
    frames: &[Frame],
    views: &mut [FrameView],
    claim_start: u32,
    speaker: Option<&str>,
) {
    for (f, v) in frames.iter().zip(views.iter_mut()) {
        // Agents only: an object pronoun (`he would be sent to …`) joined two claims on a
        // thin core frame in the CoNLL audit.
        let args = [&f.agent];
        for (a, filler) in args.into_iter().zip(v.roles.iter_mut()) {
            let (Some(a), Some(filler)) = (a, filler.as_mut()) else {
                continue;
            };
            if filler.entity.is_some() || a.span.end - a.span.start > 3 {
                continue;
            }
            if let Some(id) = reach.resolve(a.head as usize, claim_start, speaker) {
                filler.entity = Some(reach.language.align.entity_key(&id).to_owned());
                filler.pronoun = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::build::text_views;
    use crate::lang::Language;

    /// The entity each `he`/`she` agent of `text`'s frames is given.
    fn pronouns(text: &str) -> Vec<Option<String>> {
        let views = text_views(&[text], Language::english());
        (views[0].frames.iter())
            .filter_map(|f| f.roles[0].as_ref())
            .filter(|x| matches!(x.text.to_lowercase().as_str(), "he" | "she"))
            .map(|x| {
                assert_eq!(x.pronoun, x.entity.is_some());
                x.entity.clone()
            })
            .collect()
    }

    fn is(found: &[Option<String>], surname: &str) -> bool {
        !found.is_empty()
            && found.iter().all(|e| {
                e.as_deref()
                    .is_some_and(|e| e.starts_with("PERSON:") && e.contains(surname))
            })
    }

    #[test]
    fn the_speaker_of_x_said_he() {
        let found = pronouns("Mr. Kim said he was willing to negotiate with the United States.");
        assert!(is(&found, "kim"), "{found:?}");
    }

    #[test]
    fn the_one_person_the_paragraph_names_before() {
        let found = pronouns("Kim Jong Un arrived in Seoul. He will meet the envoys.");
        assert!(is(&found, "kim"), "{found:?}");
    }

    #[test]
    fn no_one_when_two_people_are_in_reach_or_the_paragraph_names_none() {
        // `told Trump he`: the speaker is not the last person named.
        let told = pronouns("Rod Rosenstein told Donald Trump he would not attend the hearing.");
        assert!(
            !told.is_empty() && told.iter().all(Option::is_none),
            "{told:?}"
        );
        let two = pronouns("Kim Jong Un met Donald Trump. He will meet the envoys.");
        assert!(
            !two.is_empty() && two.iter().all(Option::is_none),
            "{two:?}"
        );
        let apart = pronouns("Kim Jong Un arrived in Seoul.\nHe will meet the envoys.");
        assert!(
            !apart.is_empty() && apart.iter().all(Option::is_none),
            "{apart:?}"
        );
    }

    #[test]
    fn never_a_person_of_the_other_gender() {
        // A woman by her given name is no `he`; `she` needs a person known to be a woman (by
        // a title or given name).
        let he = pronouns("Sarah Sanders arrived in Paris. He will meet the envoys.");
        assert!(!he.is_empty() && he.iter().all(Option::is_none), "{he:?}");
        let she = pronouns("Mr. Moon arrived in Seoul. She will meet the envoys.");
        assert!(
            !she.is_empty() && she.iter().all(Option::is_none),
            "{she:?}"
        );
        let her = pronouns("Mrs. Trump arrived in Paris. She will meet the envoys.");
        assert!(is(&her, "trump"), "{her:?}");
    }
}
