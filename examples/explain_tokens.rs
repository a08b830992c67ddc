//! Prints how the tokenizer splits its argument (or stdin), one token per line, with the
//! rule that produced it: `cargo run --example explain_tokens -- "Gen. Budanov’s war."`
use std::io::Read;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(arg) => arg,
        None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .expect("stdin is UTF-8");
            s
        }
    };
    for (rule, t) in _core::text::tokens::explain(&text, _core::lang::Language::english()) {
        let span = &text[t.start as usize..t.end as usize];
        println!("{span:?}\t{}\t{rule}", t.kind.as_str());
    }
}
