//! Hand-made cases, one group per rule in the module doc, and sentences from the sample corpus.

use super::{tokenize_en as tokenize, TokenKind};
use crate::lang::Language;

fn explain(text: &str) -> Vec<(String, super::Token)> {
    super::explain(text, Language::english())
}
use crate::text::sample;

/// `(text, kind)` of every token.
fn tokens(text: &str) -> Vec<(&str, &'static str)> {
    tokenize(text)
        .iter()
        .map(|t| (&text[t.start as usize..t.end as usize], t.kind.as_str()))
        .collect()
}

fn texts(text: &str) -> Vec<&str> {
    tokens(text).into_iter().map(|(s, _)| s).collect()
}

/// The kind of the one token whose text is `piece`.
fn kind_of(text: &str, piece: &str) -> &'static str {
    let found: Vec<_> = tokens(text)
        .into_iter()
        .filter(|(s, _)| *s == piece)
        .collect();
    assert_eq!(found.len(), 1, "{piece:?} in {:?}", texts(text));
    found[0].1
}

fn rules(text: &str) -> Vec<(&str, String)> {
    explain(text)
        .into_iter()
        .map(|(rule, t)| (&text[t.start as usize..t.end as usize], rule))
        .collect()
}

// ---- words, numbers, special cases ----

#[test]
fn numbers_stay_whole() {
    for n in [
        "1,600",
        "1.5",
        "300,000",
        "2022-11-08",
        "0.45",
        "07/29/2024",
        "10:30",
        "155th",
    ] {
        assert_eq!(
            tokens(&format!("about {n} people")),
            [("about", "word"), (n, "number"), ("people", "word")]
        );
    }
    assert_eq!(texts("$1.5bn"), ["$", "1.5bn"]);
    assert_eq!(tokens("€5"), [("€", "symbol"), ("5", "number")]);
    assert_eq!(tokens("15%"), [("15", "number"), ("%", "symbol")]);
    assert_eq!(texts("2,000."), ["2,000", "."]);
    assert_eq!(texts("in 2022, then"), ["in", "2022", ",", "then"]);
    assert_eq!(texts("1.5."), ["1.5", "."]);
}

#[test]
fn hashes_are_one_word() {
    assert_eq!(
        tokens("87990cbe856818d5eddac44c7b1cdeb8"),
        [("87990cbe856818d5eddac44c7b1cdeb8", "word")]
    );
    assert_eq!(
        tokens("d41d8cd98f00b204e9800998ecf8427e"),
        [("d41d8cd98f00b204e9800998ecf8427e", "word")]
    );
}

#[test]
fn non_ascii_letters_are_letters() {
    assert_eq!(tokens("Stremoúsov"), [("Stremoúsov", "word")]);
    assert_eq!(
        texts("Volodímir Zelenski, Київ, Żółć"),
        ["Volodímir", "Zelenski", ",", "Київ", ",", "Żółć"]
    );
    // decomposed accent: the combining mark stays in its word
    assert_eq!(texts("Stremou\u{301}sov."), ["Stremou\u{301}sov", "."]);
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        texts("Gen. Kyrylo O. Budanov"),
        ["Gen.", "Kyrylo", "O.", "Budanov"]
    );
    assert_eq!(
        texts("Mr. Putin and Mrs. Smith on Feb. 24"),
        ["Mr.", "Putin", "and", "Mrs.", "Smith", "on", "Feb.", "24"]
    );
    assert_eq!(
        texts("St. Catherine’s Cathedral"),
        ["St.", "Catherine", "’s", "Cathedral"]
    );
    assert_eq!(
        texts("Dow Jones & Company, Inc. all"),
        ["Dow", "Jones", "&", "Company", ",", "Inc.", "all"]
    );
    assert_eq!(texts("a Ph.D. student"), ["a", "Ph.D.", "student"]);
    assert_eq!(
        rules("Col. Dave")[0],
        ("Col.", "special:abbreviation".to_string())
    );
}

#[test]
fn initials_and_dotted_acronyms() {
    assert_eq!(texts("Vladimir V. Putin"), ["Vladimir", "V.", "Putin"]);
    assert_eq!(texts("the U.S. and U.K."), ["the", "U.S.", "and", "U.K."]);
    assert_eq!(
        texts("at 10 a.m. today, e.g. now"),
        ["at", "10", "a.m.", "today", ",", "e.g.", "now"]
    );
    assert_eq!(rules("O. Budanov")[0].1, "special:initial");
    assert_eq!(rules("U.S.")[0].1, "special:dotted_acronym");
    assert_eq!(texts("U.S.-provided"), ["U.S.", "-", "provided"]);
    assert_eq!(texts("U.S.Army"), ["U.S.", "Army"]);
    assert_eq!(
        tokens("the U.S.’s aid"),
        [
            ("the", "word"),
            ("U.S.", "word"),
            ("’s", "word"),
            ("aid", "word")
        ]
    );
}

#[test]
fn sentence_final_period_splits() {
    assert_eq!(texts("the war."), ["the", "war", "."]);
    assert_eq!(texts("war."), ["war", "."]);
    assert_eq!(texts("In May."), ["In", "May", "."]);
    assert_eq!(texts("the war.”"), ["the", "war", ".", "”"]);
    assert_eq!(texts("Kherson. ."), ["Kherson", ".", "."]);
    assert_eq!(
        texts("a missing space kyiv.Ukraine"),
        ["a", "missing", "space", "kyiv", ".", "Ukraine"]
    );
    // an ellipsis is never eaten by an abbreviation
    assert_eq!(texts("Gen... etc."), ["Gen", "...", "etc."]);
}

// ---- clitics, apostrophes, quotes ----

#[test]
fn clitics_split_at_the_apostrophe() {
    assert_eq!(tokens("Ukraine’s"), [("Ukraine", "word"), ("’s", "word")]);
    assert_eq!(texts("didn’t"), ["didn", "’t"]);
    assert_eq!(texts("war's"), ["war", "'s"]);
    assert_eq!(
        texts("they’re we’ve I’ll I’d I’m"),
        ["they", "’re", "we", "’ve", "I", "’ll", "I", "’d", "I", "’m"]
    );
    assert_eq!(texts("UKRAINE’S"), ["UKRAINE", "’S"]);
    assert_eq!(texts("the 1990’s"), ["the", "1990", "’s"]);
    // an elided century is not an opening quote
    assert_eq!(
        tokens("the ’90s and '22 persons' home"),
        [
            ("the", "word"),
            ("’90s", "number"),
            ("and", "word"),
            ("'22", "number"),
            ("persons", "word"),
            ("'", "punct"),
            ("home", "word")
        ]
    );
    assert_eq!(rules("Kyiv’s")[1].1, "suffix:clitic");
}

#[test]
fn apostrophes_inside_names_join() {
    assert_eq!(
        texts("O’Brien and O'Neill in Kam’yanka"),
        ["O’Brien", "and", "O'Neill", "in", "Kam’yanka"]
    );
}

#[test]
fn curly_and_straight_quotes_are_told_apart() {
    assert_eq!(
        tokens("“Thousands of ‘Ukrainian Nazis’ and"),
        [
            ("“", "quote"),
            ("Thousands", "word"),
            ("of", "word"),
            ("‘", "quote"),
            ("Ukrainian", "word"),
            ("Nazis", "word"),
            ("’", "quote"),
            ("and", "word")
        ]
    );
    assert_eq!(
        tokens("'Ukrainian Nazis' and"),
        [
            ("'", "quote"),
            ("Ukrainian", "word"),
            ("Nazis", "word"),
            ("'", "quote"),
            ("and", "word")
        ]
    );
    assert_eq!(
        tokens("an elderly persons' home"),
        [
            ("an", "word"),
            ("elderly", "word"),
            ("persons", "word"),
            ("'", "punct"),
            ("home", "word")
        ]
    );
    assert_eq!(
        texts("said \"sabotage\", while"),
        ["said", "\"", "sabotage", "\"", ",", "while"]
    );
    assert_eq!(texts("«Ja» „so“"), ["«", "Ja", "»", "„", "so", "“"]);
    // an open single quote is forgotten at the end of its line
    assert_eq!(kind_of("‘open\nthe persons’ home", "’"), "punct");
    let r = rules("‘Nazis’");
    assert_eq!(
        (r[0].1.as_str(), r[2].1.as_str()),
        ("quote:open", "quote:close")
    );
}

// ---- hyphens, dashes, ellipses ----

#[test]
fn hyphen_policy() {
    assert_eq!(texts("Russian-installed"), ["Russian", "-", "installed"]);
    assert_eq!(texts("17-year-old"), ["17", "-", "year", "-", "old"]);
    assert_eq!(texts("TB-2 drones"), ["TB-2", "drones"]);
    assert_eq!(texts("COVID-19, F-16"), ["COVID-19", ",", "F-16"]);
    assert_eq!(
        texts("Jean-Yves Le Drian"),
        ["Jean", "-", "Yves", "Le", "Drian"]
    );
    assert_eq!(texts("by -922 Views"), ["by", "-", "922", "Views"]);
    assert_eq!(rules("anti-aircraft")[1].1, "infix:hyphen");
    assert_eq!(rules("a - b")[1].1, "punct");
}

#[test]
fn dashes_and_ellipses() {
    assert_eq!(
        tokens("Kyiv, Ukraine – Russia"),
        [
            ("Kyiv", "word"),
            (",", "punct"),
            ("Ukraine", "word"),
            ("–", "punct"),
            ("Russia", "word")
        ]
    );
    assert_eq!(
        texts("KYIV, Ukraine—The"),
        ["KYIV", ",", "Ukraine", "—", "The"]
    );
    assert_eq!(texts("2014–2022"), ["2014", "–", "2022"]);
    assert_eq!(texts("a -- b——c"), ["a", "--", "b", "——", "c"]);
    assert_eq!(texts("wait... what…"), ["wait", "...", "what", "…"]);
    assert_eq!(
        texts("Reuters/Alexander Ermochenko"),
        ["Reuters", "/", "Alexander", "Ermochenko"]
    );
}

// ---- token matches ----

#[test]
fn urls_and_emails_are_whole() {
    assert_eq!(
        tokens("see https://www.dw.com/en/kherson/a-63650281."),
        [
            ("see", "word"),
            ("https://www.dw.com/en/kherson/a-63650281", "url"),
            (".", "punct")
        ]
    );
    assert_eq!(
        tokens("(www.reuters.com)"),
        [("(", "punct"), ("www.reuters.com", "url"), (")", "punct")]
    );
    assert_eq!(
        tokens("at aljazeera.com, and"),
        [
            ("at", "word"),
            ("aljazeera.com", "url"),
            (",", "punct"),
            ("and", "word")
        ]
    );
    assert_eq!(tokens("Node.js"), [("Node.js", "word")]);
    assert_eq!(
        tokens("write to yaroslav.trofimov@wsj.com."),
        [
            ("write", "word"),
            ("to", "word"),
            ("yaroslav.trofimov@wsj.com", "email"),
            (".", "punct")
        ]
    );
    assert_eq!(
        texts("first-last+x@mail.example.org"),
        ["first-last+x@mail.example.org"]
    );
    assert_eq!(texts("[email protected]"), ["[", "email", "protected", "]"]);
    assert_eq!(rules("http://x.org")[0].1, "match:url");
}

#[test]
fn hashtags_and_handles() {
    assert_eq!(
        tokens("#StandWithUkraine @ZelenskyyUa #1"),
        [
            ("#StandWithUkraine", "hashtag"),
            ("@ZelenskyyUa", "mention"),
            ("#", "symbol"),
            ("1", "number")
        ]
    );
    assert_eq!(tokens("#Херсон!"), [("#Херсон", "hashtag"), ("!", "punct")]);
    assert_eq!(tokens("@ alone"), [("@", "symbol"), ("alone", "word")]);
}

#[test]
fn emoji_clusters_are_one_token() {
    for e in ["😀", "👍🏽", "👩🏽‍🚒", "👨‍👩‍👧‍👦", "🇺🇦", "❤️", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]
    {
        assert_eq!(
            tokens(&format!("ok{e}ok")),
            [("ok", "word"), (e, "emoji"), ("ok", "word")],
            "{e:?}"
        );
    }
    assert_eq!(texts("🇺🇦🇺🇦"), ["🇺🇦", "🇺🇦"]);
}

// ---- noise ----

#[test]
fn invisible_and_control_characters_are_covered() {
    assert_eq!(texts("Kher\u{200B}son"), ["Kher\u{200B}son"]);
    assert_eq!(texts("end.\u{200B} next"), ["end", ".\u{200B}", "next"]);
    assert_eq!(
        tokens("\u{FEFF}Start"),
        [("\u{FEFF}", "symbol"), ("Start", "word")]
    );
    assert_eq!(
        tokens("a \u{0}\u{7} b"),
        [("a", "word"), ("\u{0}\u{7}", "symbol"), ("b", "word")]
    );
    assert_eq!(tokens("soft\u{AD}hyphen"), [("soft\u{AD}hyphen", "word")]);
    assert_eq!(rules("\u{200D}")[0].1, "invisible");
}

#[test]
fn unusual_whitespace_separates() {
    assert_eq!(
        texts("1\u{A0}600 a\u{2009}b\r\nc\u{3000}d\u{2028}e"),
        ["1", "600", "a", "b", "c", "d", "e"]
    );
    assert_eq!(
        texts("line one.\r\nline two\r\n"),
        ["line", "one", ".", "line", "two"]
    );
}

#[test]
fn edges() {
    assert!(tokenize("").is_empty());
    assert!(tokenize(" \n\t\u{A0}").is_empty());
    assert_eq!(texts("."), ["."]);
    assert_eq!(texts("'"), ["'"]);
    assert_eq!(texts("’s"), ["’", "s"]);
    assert_eq!(texts("A."), ["A."]);
    assert_eq!(texts("x@"), ["x", "@"]);
    assert_eq!(texts("https://"), ["https", ":", "/", "/"]);
}

#[test]
fn explain_agrees_with_tokenize() {
    let text = sample::text("003");
    let explained: Vec<_> = explain(text).into_iter().map(|(_, t)| t).collect();
    assert_eq!(explained, tokenize(text));
}

// ---- the sample corpus ----

/// Tokens of the corpus line containing `needle`, from `needle` on, up to `n` tokens.
fn corpus_tokens(needle: &str, n: usize) -> Vec<(&'static str, &'static str)> {
    let doc = sample::texts()
        .find(|d| d.contains(needle))
        .expect("needle in corpus");
    let at = doc.find(needle).unwrap();
    tokens(doc)
        .into_iter()
        .zip(tokenize(doc))
        .filter(|(_, t)| t.start as usize >= at)
        .map(|(x, _)| x)
        .take(n)
        .collect()
}

fn corpus_texts(needle: &str, n: usize) -> Vec<&'static str> {
    corpus_tokens(needle, n)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

#[test]
fn corpus_sentences() {
    assert_eq!(
        corpus_texts("“Thousands of ‘Ukrainian", 8),
        [
            "“",
            "Thousands",
            "of",
            "‘",
            "Ukrainian",
            "Nazis",
            "’",
            "and"
        ]
    );
    assert_eq!(
        corpus_texts("Kiril Stremoúsov, referring", 3),
        ["Kiril", "Stremoúsov", ","]
    );
    assert_eq!(corpus_texts("Kherson. .", 3), ["Kherson", ".", "."]);
    assert_eq!(
        corpus_texts("“They are not preparing to exit now,” Gen.", 14),
        [
            "“",
            "They",
            "are",
            "not",
            "preparing",
            "to",
            "exit",
            "now",
            ",",
            "”",
            "Gen.",
            "Kyrylo",
            "O.",
            "Budanov"
        ]
    );
    assert_eq!(
        corpus_texts("on Feb. 24, the", 5),
        ["on", "Feb.", "24", ",", "the"]
    );
    assert_eq!(
        corpus_texts("President Vladimir V. Putin said", 5),
        ["President", "Vladimir", "V.", "Putin", "said"]
    );
    assert_eq!(
        corpus_texts("Col. Dave Butler, said", 5),
        ["Col.", "Dave", "Butler", ",", "said"]
    );
    assert_eq!(
        corpus_texts("on Wednesday, Nov. 2, 2022.", 7),
        ["on", "Wednesday", ",", "Nov.", "2", ",", "2022"]
    );
    assert_eq!(
        corpus_texts("in St. Catherine’s Cathedral.", 6),
        ["in", "St.", "Catherine", "’s", "Cathedral", "."]
    );
    assert_eq!(
        corpus_texts("100,000 rubles, about 1,600 euros", 6),
        ["100,000", "rubles", ",", "about", "1,600", "euros"]
    );
    assert_eq!(
        corpus_texts("the war's most", 4),
        ["the", "war", "'s", "most"]
    );
    assert_eq!(
        corpus_texts("elderly persons' home", 4),
        ["elderly", "persons", "'", "home"]
    );
    assert_eq!(
        corpus_texts("Russian-installed officials", 4),
        ["Russian", "-", "installed", "officials"]
    );
    assert_eq!(
        corpus_texts("Ukrainian \"sabotage\",", 5),
        ["Ukrainian", "\"", "sabotage", "\"", ","]
    );
    assert_eq!(
        corpus_texts("Bayraktar TB-2 drones", 3),
        ["Bayraktar", "TB-2", "drones"]
    );
    assert_eq!(
        corpus_texts("17-year-old arrested", 6),
        ["17", "-", "year", "-", "old", "arrested"]
    );
    assert_eq!(
        corpus_tokens("DW – 07/29/2024", 3),
        [("DW", "word"), ("–", "punct"), ("07/29/2024", "number")]
    );
    assert_eq!(
        corpus_tokens("87990cbe856818d5eddac44c7b1cdeb8", 1),
        [("87990cbe856818d5eddac44c7b1cdeb8", "word")]
    );
    assert_eq!(
        corpus_texts("at [email protected] and", 6),
        ["at", "[", "email", "protected", "]", "and"]
    );
    assert_eq!(
        corpus_texts("Copyright © 2022", 3),
        ["Copyright", "©", "2022"]
    );
    assert_eq!(
        corpus_texts("Mr. Le Drian, adding", 5),
        ["Mr.", "Le", "Drian", ",", "adding"]
    );
    assert_eq!(
        corpus_texts("KYIV, Ukraine — The", 5),
        ["KYIV", ",", "Ukraine", "—", "The"]
    );
    assert_eq!(
        corpus_texts("Ukraine’s military intelligence", 4),
        ["Ukraine", "’s", "military", "intelligence"]
    );
    assert_eq!(
        corpus_texts("They won’t have", 5),
        ["They", "won", "’t", "have", "one"]
    );
    assert_eq!(
        corpus_texts("No More Posts Available.", 5),
        ["No", "More", "Posts", "Available", "."]
    );
    assert_eq!(
        corpus_texts("© Reuters/Alexander", 4),
        ["©", "Reuters", "/", "Alexander"]
    );
    assert_eq!(corpus_texts(" date 2022-11-08", 2), ["date", "2022-11-08"]);
}

#[test]
fn corpus_has_no_stray_periods_in_words() {
    for doc in sample::texts() {
        for (text, rule) in rules(doc) {
            if rule == "word" || rule == "number" {
                assert!(!text.ends_with('.'), "{text:?}");
            }
        }
    }
}

#[test]
fn corpus_uses_only_expected_kinds() {
    for doc in sample::texts() {
        for (text, kind) in tokens(doc) {
            assert!(TokenKind::ALL.iter().any(|k| k.as_str() == kind));
            assert!(
                !matches!(kind, "url" | "email" | "emoji" | "hashtag" | "mention"),
                "{text:?} is {kind}"
            );
        }
    }
}

#[test]
fn unicode_hyphens_split_like_ascii_ones() {
    assert_eq!(texts("pro\u{2011}Russian"), ["pro", "\u{2011}", "Russian"]);
    assert_eq!(texts("a\u{2010}\u{2011}b"), ["a", "\u{2010}\u{2011}", "b"]);
    assert_eq!(texts("\u{2011}"), ["\u{2011}"]);
}
