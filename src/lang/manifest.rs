//! The manifest: every list file a language folder holds, with its line format, written once.
//! From it follow the `List` names, the paths, the format each file is checked against, and
//! the compiled-in text of each built-in language.

/// How the lines of a list file are read. Every format shares the basics: lines are
/// trimmed, blank lines and lines starting with `#` are skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One entry a line: a word or a phrase (`no more posts available`).
    Entries,
    /// Fields separated by whitespace, from `min` to `max` of them.
    Fields {
        /// Fewest fields a line may have.
        min: usize,
        /// Most fields a line may have.
        max: usize,
    },
    /// Columns separated by `sep` (`|`, or a tab in generated tables), each trimmed; a
    /// separator at the end of the line (`a | b |`) adds no column.
    Columns {
        /// The separator.
        sep: char,
        /// Fewest columns a line may have.
        min: usize,
        /// Most columns a line may have.
        max: usize,
    },
    /// `@name args` header lines, each followed by the entries of its section, written as
    /// `|` columns (`Kyiv | Kiev`).
    Sections,
}

/// No upper bound on fields or columns.
const ANY: usize = usize::MAX;

/// Defines `List` (one variant per file, in manifest order), its paths and formats, and
/// `embed!(folder)`, the compiled-in text of every list of a language folder. (`$d` is a
/// `$` passed in, so that the generated macro can have variables of its own.)
macro_rules! manifest {
    (
        $d:tt;
        $($(#[doc = $doc:literal])* $list:ident => $path:literal, $format:expr;)*
    ) => {
        /// A list file of a language folder.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum List {
            $($(#[doc = $doc])* $list,)*
        }

        impl List {
            /// Every list, in manifest order (`list as usize` indexes it).
            pub const ALL: [List; [$($path),*].len()] = [$(List::$list),*];

            /// The file's path inside a language folder (`text/abbreviations.txt`).
            pub fn path(self) -> &'static str {
                match self {
                    $(List::$list => $path,)*
                }
            }

            /// How the file's lines are read.
            pub fn format(self) -> Format {
                match self {
                    $(List::$list => $format,)*
                }
            }
        }

        macro_rules! embed {
            ($d folder:literal) => {
                [$(include_str!(concat!($d folder, "/", $path))),*]
            };
        }
    };
}

/// A language folder's learned name tagger (`entities::name_model`), beside the lists. A
/// folder may lack it (the entity tagger then runs on rules and lists alone); a built-in
/// language has one.
pub const NAME_MODEL: &str = "entities/names.model";

/// The languages compiled into the binary: `BUILT_IN` names them, `built_in` gives the text
/// of their lists, `built_in_name_model` their name model. A folder named here must hold
/// every file of the manifest and a [`NAME_MODEL`].
macro_rules! built_in_languages {
    ($($language:literal),*) => {
        /// The names (and folders) of the languages compiled into the binary.
        pub const BUILT_IN: &[&str] = &[$($language),*];

        /// The compiled-in text of every list of built-in language `name`, in manifest order.
        pub fn built_in(name: &str) -> Option<[&'static str; List::ALL.len()]> {
            match name {
                $($language => Some(embed!($language)),)*
                _ => None,
            }
        }

        /// The compiled-in name model of built-in language `name` (its [`NAME_MODEL`]).
        pub fn built_in_name_model(name: &str) -> Option<&'static [u8]> {
            match name {
                $($language => Some(include_bytes!(concat!($language, "/entities/names.model"))),)*
                _ => None,
            }
        }
    };
}

manifest! {
    $;

    // The text stage: tokens, sentences, boilerplate.
    /// Abbreviations other than titles that keep their period (`Inc.`, `Nov.`).
    Abbreviations => "text/abbreviations.txt", Format::Entries;
    /// Titles written abbreviated before a name (`Gen`, `Mr`): they keep their period and
    /// never end a sentence.
    TitleAbbreviations => "text/title_abbreviations.txt", Format::Entries;
    /// Closed-class words that open sentences.
    SentenceStarters => "text/sentence_starters.txt", Format::Entries;
    /// Words that mark a picture credit inside a credit (`(AP Photo)`).
    PhotoWords => "text/photo_words.txt", Format::Entries;
    /// Openings that announce a credit (`Photo:`, `Credit:`).
    CreditMarkers => "text/credit_markers.txt", Format::Entries;
    /// Lower-case words inside names in credits and bylines (`de`, `via`, `and`).
    NameConnectors => "text/name_connectors.txt", Format::Entries;
    /// Openings of reporting credits (`Reporting by`).
    ContributorOpenings => "text/contributor_openings.txt", Format::Entries;
    /// Openings of an author's contact line (`Write to`).
    ContactOpenings => "text/contact_openings.txt", Format::Entries;
    /// Words a view or share counter ends with (`views`, `shares`).
    CounterWords => "text/counter_words.txt", Format::Entries;
    /// Openings of publication stamps (`Published`, `Updated`).
    TimestampOpenings => "text/timestamp_openings.txt", Format::Entries;
    /// Headings of trailing lists of other stories (`More Stories`).
    NavigationHeaders => "text/navigation_headers.txt", Format::Entries;
    /// Lines of site chrome (`No More Posts Available.`).
    NavigationLines => "text/navigation_lines.txt", Format::Entries;
    /// Openings of promo links inside an article (`Read more:`).
    NavigationPrefixes => "text/navigation_prefixes.txt", Format::Entries;

    // Lists more than one stage reads.
    /// Months, weekdays, parts of the day and units of time: `kind | value | forms`.
    CalendarWords => "shared/calendar_words.txt", Format::Columns { sep: '|', min: 3, max: 3 };
    /// Reporting cues (`assert say^|says^|said^`): claims' cues, entities' speaker verbs.
    ReportingVerbs => "shared/reporting_verbs.txt", Format::Fields { min: 2, max: ANY };
    /// Denial cues, in the format of `ReportingVerbs`.
    Denials => "shared/denials.txt", Format::Fields { min: 2, max: ANY };
    /// News media: organisations tagged ORG, and the names that close photo credits.
    NewsMedia => "shared/news_media.txt", Format::Sections;

    // The entities stage.
    /// Countries and territories (GPE).
    Countries => "entities/countries.txt", Format::Sections;
    /// Places of Ukraine and Russia, with their exonyms and transliterations.
    UkraineRussia => "entities/ukraine_russia.txt", Format::Sections;
    /// World capitals, cities and regions (GPE); seas, rivers and other features (LOC).
    WorldPlaces => "entities/world_places.txt", Format::Sections;
    /// Nationalities, religious and political groups (NORP).
    Groups => "entities/groups.txt", Format::Sections;
    /// Organisations (ORG): government bodies, armed forces, companies.
    Organisations => "entities/organisations.txt", Format::Sections;
    /// Weapons systems and other products (PRODUCT), named events (EVENT).
    ProductsEvents => "entities/products_events.txt", Format::Sections;
    /// Titles and honorifics before a person's name (word class `title`).
    Titles => "entities/titles.txt", Format::Sections;
    /// Nouns for what a person is or does (word class `role`).
    Roles => "entities/roles.txt", Format::Sections;
    /// Head words that type the name they end or begin (`Ministry of X`, `X River`).
    HeadWords => "entities/head_words.txt", Format::Sections;
    /// Name particles (`al`, `von`), words that are no names, place prepositions.
    OtherWords => "entities/other_words.txt", Format::Sections;
    /// Given names common in Eastern European, Middle Eastern, African and Asian news.
    GivenNames => "entities/given_names.txt", Format::Sections;
    /// Given names derived from CoNLL-2003 (`scripts/derive_lexicons.py`).
    GivenNamesConll => "entities/given_names_conll.txt", Format::Sections;
    /// Short forms of given names (`Rick`): `formal | short forms`.
    Nicknames => "entities/nicknames.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// Words mostly written in lower case: not names when capitalised alone.
    CommonWords => "entities/common_words.txt", Format::Sections;
    /// Number words: `word kind value` (`twenty tens 20`).
    NumberWords => "entities/number_words.txt", Format::Fields { min: 3, max: 3 };
    /// Words that bound a figure: `phrase | bound` (`at least | min`).
    FigureCues => "entities/figure_cues.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// Units: `canonical | label | factor | forms after | forms before`.
    Units => "entities/units.txt", Format::Columns { sep: '|', min: 4, max: 5 };

    // The claims stage.
    /// Hedges: word patterns (`*` a gap), `Aa` last when any case matches.
    Hedges => "claims/hedges.txt", Format::Fields { min: 1, max: ANY };
    /// Statement channels that trail a speaker (`in a statement`).
    Trailers => "claims/trailers.txt", Format::Entries;
    /// Modality of a frame's predicate: `class | lemmas` (`unlikely | unlikely doubtful`).
    Modality => "claims/modality.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// Words that negate a frame's predicate or argument, several a line.
    Negations => "claims/negations.txt", Format::Fields { min: 1, max: ANY };
    /// Prepositions whose noun is a place or a time, never whom `who` stands for.
    PlaceCases => "claims/place_cases.txt", Format::Fields { min: 1, max: ANY };
    /// Light verbs whose object names the event (`made a visit`), several a line.
    LightVerbs => "claims/light_verbs.txt", Format::Fields { min: 1, max: ANY };
    /// Verbs that say wanting under a polite `would` (`would like to`), several a line.
    Wishes => "claims/wishes.txt", Format::Fields { min: 1, max: ANY };

    // The alignment stage.
    /// Words that carry no content, several a line.
    Stopwords => "align/stopwords.txt", Format::Fields { min: 1, max: ANY };
    /// Inverse document frequencies: `word<TAB>idf`.
    Idf => "align/idf.txt", Format::Columns { sep: '\t', min: 2, max: 2 };
    /// Paraphrase groups: `name | member | member`.
    Paraphrases => "align/paraphrases.txt", Format::Columns { sep: '|', min: 1, max: ANY };
    /// Event classes: `class | words`.
    Events => "align/events.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// Symmetric predicates (`A met B` is `B met A`), several a line.
    Symmetric => "align/symmetric.txt", Format::Fields { min: 1, max: ANY };
    /// Prepositions whose named object is a participant, not a place, several a line.
    ParticipantCases => "align/participant_cases.txt", Format::Fields { min: 1, max: ANY };
    /// Indefinite pronouns (`anything`, `nothing`): fillers that name no participant, several a line.
    Indefinites => "align/indefinites.txt", Format::Fields { min: 1, max: ANY };
    /// Nouns that name a doing (`efforts`, `activities`): fillers told apart only by what
    /// they say beside their heads, several a line.
    ActivityHeads => "align/activity_heads.txt", Format::Fields { min: 1, max: ANY };
    /// Nouns that join a paraphrase group as a role's head only: `group | nouns`.
    RoleHeads => "align/role_heads.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// Words by which a sentence points at the article itself: `demonstratives | nouns`.
    SelfReference => "align/self_reference.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// Places that stand for a country: `place id | country id`.
    Metonyms => "align/metonyms.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// Words that tell claims of one kind apart: `kind | words` (ordinals, expectations).
    ToldApart => "align/told_apart.txt", Format::Columns { sep: '|', min: 2, max: 2 };
    /// The scorer's weights and thresholds: `name value`.
    Weights => "align/weights.txt", Format::Fields { min: 2, max: 2 };
    /// Learned word weights: `key<TAB>shared<TAB>one-sided`.
    WordWeights => "align/word_weights.txt", Format::Columns { sep: '\t', min: 3, max: 3 };
}

built_in_languages!("en");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_in_stage_folders() {
        let mut paths: Vec<&str> = List::ALL.iter().map(|l| l.path()).collect();
        for p in &paths {
            let folder = p.split('/').next().unwrap();
            assert!(
                ["text", "shared", "entities", "claims", "align"].contains(&folder),
                "{p}"
            );
            assert!(p.ends_with(".txt"), "{p}");
        }
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), List::ALL.len());
    }

    #[test]
    fn every_built_in_language_has_every_list() {
        for name in BUILT_IN {
            let texts = built_in(name).unwrap();
            assert_eq!(texts.len(), List::ALL.len());
        }
        assert!(built_in("xx").is_none());
    }

    #[test]
    fn list_order_is_the_index() {
        for (i, list) in List::ALL.iter().enumerate() {
            assert_eq!(*list as usize, i);
        }
    }
}
