//! The bundled sample corpus (`python/crosswire/data/kherson-2022/`), compiled into the tests
//! of every stage so that none can pass by not finding it.

/// (file stem, text) of the five articles, in name order.
pub(crate) const SAMPLE: [(&str, &str); 5] = [
    (
        "000_9d7fe53fd889174e",
        include_str!("../../python/crosswire/data/kherson-2022/000_9d7fe53fd889174e.txt"),
    ),
    (
        "001_9dfa54e588b8d208",
        include_str!("../../python/crosswire/data/kherson-2022/001_9dfa54e588b8d208.txt"),
    ),
    (
        "002_5ae856ba477d4853",
        include_str!("../../python/crosswire/data/kherson-2022/002_5ae856ba477d4853.txt"),
    ),
    (
        "003_7878a072beb5b911",
        include_str!("../../python/crosswire/data/kherson-2022/003_7878a072beb5b911.txt"),
    ),
    (
        "004_23350b8c88186ba0",
        include_str!("../../python/crosswire/data/kherson-2022/004_23350b8c88186ba0.txt"),
    ),
];

/// The texts alone, in name order.
pub(crate) fn texts() -> impl Iterator<Item = &'static str> {
    SAMPLE.iter().map(|(_, text)| *text)
}

/// The text of the document whose name starts with `prefix` (`"003"`).
pub(crate) fn text(prefix: &str) -> &'static str {
    SAMPLE
        .iter()
        .find(|(name, _)| name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no sample document {prefix:?}"))
        .1
}

/// One line of most boilerplate kinds, written as the sample corpus writes them, for
/// property tests to mix into article text.
pub(crate) const BOILERPLATE_LINES: [&str; 7] = [
    "by -922 Views",
    "(AP Photo)",
    "More Stories",
    "© Reuters/Alexander Ermochenko",
    "[email protected]",
    "87990cbe856818d5eddac44c7b1cdeb8",
    "Copyright © 2022 X",
];

/// `BOILERPLATE_LINES` and `others`, as one list to pick from.
pub(crate) fn with_boilerplate_lines(others: &[&'static str]) -> Vec<&'static str> {
    others.iter().chain(&BOILERPLATE_LINES).copied().collect()
}
