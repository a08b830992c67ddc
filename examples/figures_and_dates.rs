//! Prints the figures and dates found in text files: `cargo run --example figures_and_dates -- FILE...`
//! A first line ` date YYYY-MM-DD` gives the document date.

use _core::calendar::Date;
use _core::entities::{dates::find_dates, figures::find_figures};
use _core::lang::Language;
use _core::text::tokens::tokenize;

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable file");
        let doc_date = text
            .trim_start()
            .strip_prefix("date ")
            .and_then(|r| Date::parse_iso(r.get(..10)?));
        let en = Language::english();
        let tokens = tokenize(&text, en);
        let span = |r: &std::ops::Range<usize>| {
            &text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize]
        };
        println!("== {path} (date {doc_date:?})");
        for d in find_dates(&text, &tokens, doc_date, en) {
            let value = d.value.map_or("-".to_string(), |v| v.iso());
            println!(
                "{:8} {:32} {value}{}",
                d.label.as_str(),
                span(&d.tokens),
                if d.relative { " (relative)" } else { "" }
            );
        }
        for f in find_figures(&text, &tokens, en) {
            println!(
                "{:8} {:32} {} {} lower={:?} upper={:?}{}",
                f.label.as_str(),
                span(&f.tokens),
                f.value,
                f.unit.unwrap_or(""),
                f.lower,
                f.upper,
                if f.approximate { " approx" } else { "" }
            );
        }
    }
}
