//! Checksums of the text stage's output (tokens, boilerplate, sentences, metadata) on several
//! corpora, to show that a performance change leaves behaviour identical: run it before and
//! after and diff the output. `cargo run --release --example text_checksum`.
//!
//! Corpora: the bundled sample; the sample repeated to ~4 MB (as benches/bench_tokenize.py);
//! MSRP sentences and CoNLL-2003 tokens from /work/shared/data (if present) made into
//! documents; and pseudo-random documents built from tricky fragments (a fixed seed).

use _core::corpus::Document;
use _core::text::TextLayer;

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn u32(&mut self, x: u32) {
        self.bytes(&x.to_le_bytes());
    }
}

fn checksum(label: &str, texts: &[String]) {
    let (mut tok, mut bp, mut sent, mut meta) = (Fnv::new(), Fnv::new(), Fnv::new(), Fnv::new());
    let (mut nt, mut nb, mut ns, mut bytes) = (0, 0, 0, 0);
    for (i, text) in texts.iter().enumerate() {
        let doc = Document::new(i.to_string(), text.clone(), None, None);
        meta.u32(doc.body_start as u32);
        meta.bytes(format!("{:?}|{:?}", doc.date.map(|d| d.to_string()), doc.source).as_bytes());
        let layer = TextLayer::analyse(&doc.text, doc.body_start, _core::lang::Language::english());
        for t in &layer.tokens {
            tok.u32(t.start);
            tok.u32(t.end);
            tok.bytes(t.kind.as_str().as_bytes());
        }
        for b in &layer.boilerplate {
            bp.u32(b.start);
            bp.u32(b.end);
            bp.bytes(b.kind.as_str().as_bytes());
        }
        for s in &layer.sentences {
            sent.u32(s.start);
            sent.u32(s.end);
            sent.bytes(&[s.boilerplate as u8]);
        }
        // Document boundaries count too.
        for h in [&mut tok, &mut bp, &mut sent] {
            h.bytes(b"\0doc\0");
        }
        nt += layer.tokens.len();
        nb += layer.boilerplate.len();
        ns += layer.sentences.len();
        bytes += text.len();
    }
    println!(
        "{label:<12} docs {:>6} bytes {bytes:>9} | tokens {nt:>8} {:016x} | boilerplate {nb:>6} {:016x} | sentences {ns:>7} {:016x} | meta {:016x}",
        texts.len(),
        tok.0,
        bp.0,
        sent.0,
        meta.0
    );
}

fn sample() -> Vec<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/python/crosswire/data/kherson-2022"
    );
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn msrp() -> Vec<String> {
    let Ok(raw) = std::fs::read_to_string("/work/shared/data/msrp/msr_paraphrase_train.txt") else {
        return Vec::new();
    };
    let sentences: Vec<&str> = raw
        .lines()
        .skip(1)
        .flat_map(|l| l.split('\t').skip(3))
        .collect();
    sentences
        .chunks(30)
        .enumerate()
        .map(|(i, chunk)| {
            // Vary the paragraph separators: one line each, blank lines, CRLF, run-on.
            let sep = ["\n", "\n\n", "\r\n", " "][i % 4];
            chunk.join(sep)
        })
        .collect()
}

fn conll() -> Vec<String> {
    let Ok(raw) = std::fs::read_to_string("/work/shared/data/conll2003/eng.train") else {
        return Vec::new();
    };
    let mut docs = Vec::new();
    let mut doc = String::new();
    let mut sentences = 0;
    for line in raw.lines() {
        let word = line.split(' ').next().unwrap_or("");
        if word.is_empty() {
            // No -DOCSTART- lines in this copy: a document every 40 sentences.
            sentences += 1;
            if sentences % 40 == 0 {
                docs.push(std::mem::take(&mut doc));
            } else {
                doc.push('\n');
            }
        } else {
            if !doc.is_empty() && !doc.ends_with('\n') {
                doc.push(' ');
            }
            doc.push_str(word);
        }
    }
    docs.push(doc);
    docs
}

fn fuzz() -> Vec<String> {
    const PIECES: &[&str] = &[
        "Kherson",
        "the",
        "said",
        "U.S.",
        "Gen.",
        "Mr.",
        "O.",
        "St.",
        "Inc.",
        "Nov.",
        "The",
        "But",
        "’s",
        "'s",
        "didn’t",
        "O’Brien",
        "Russian-installed",
        "17-year-old",
        "TB-2",
        "2022-11-08",
        "1,600",
        "1.5",
        "07/29/2024",
        "155th",
        "$1.5bn",
        "€5",
        "15%",
        ".",
        ".",
        ",",
        "!",
        "?",
        "...",
        "…",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "'90s",
        "(",
        ")",
        "[",
        "]",
        "—",
        "--",
        "–",
        "-",
        "/",
        ":",
        ";",
        "http://x.com/a?b=1).",
        "www.bbc.co.uk",
        "bbc.com/news",
        "a.b@c.org",
        "[email protected]",
        "#Kherson",
        "@handle",
        "👍🏽",
        "🇺🇦",
        "1️⃣",
        "\u{200B}",
        "\u{00AD}",
        "\u{FEFF}",
        "é",
        "Stremoúsov",
        "Київ",
        "東京",
        "\u{0301}",
        "©",
        "2022",
        "Photo: Reuters",
        "AP Photo/John Doe",
        "Getty Images",
        "By Jane Smith",
        "Reuters",
        "Copyright",
        "All rights reserved",
        "Read more",
        "Share",
        "views",
        "87990cbe856818d5",
        "\u{1}",
        "\u{7F}",
        "AT&T",
        "a.m.",
        "e.g.",
        "kyiv.Ukraine",
        "Messrs",
        "x_y",
        "&",
        "#1",
    ];
    const GAPS: &[&str] = &[
        " ", " ", " ", " ", " ", "", "", "\n", "\n\n", "\r\n", "\r", "\u{A0}", "\u{2028}",
        "\u{2029}", "\u{85}", "\t", "  ", "\u{0B}", "\u{0C}", " \n ",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        // xorshift64*: fixed seed, the same documents every run.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    };
    (0..3000)
        .map(|_| {
            let mut doc = String::new();
            if next(4) == 0 {
                doc.push_str(" date 2022-11-08 source Reuters ");
            }
            for _ in 0..next(400) {
                doc.push_str(PIECES[next(PIECES.len())]);
                doc.push_str(GAPS[next(GAPS.len())]);
            }
            doc
        })
        .collect()
}

fn main() {
    let sample = sample();
    let mut big = Vec::new();
    let mut size = 0;
    while size < 4_000_000 {
        for a in &sample {
            big.push(a.clone());
            size += a.len();
        }
    }
    checksum("sample", &sample);
    checksum("sample-4mb", &big);
    checksum("msrp", &msrp());
    checksum("conll", &conll());
    checksum("fuzz", &fuzz());
}
