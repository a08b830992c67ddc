//! How long the shipped syntax model takes to load (what every process pays once, before its
//! first sentence): `Models::from_bytes` on `src/lang/en/syntax/syntax.model`, five times,
//! CPU seconds of each, and a digest of the loaded tables (a change meant only for speed
//! must keep it). `cargo run --release --example model_load`. A benchmark, not a test.
use _core::syntax::model::Models;

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/lang/en/syntax/syntax.model"
    );
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut times = Vec::new();
    let mut digest = 0;
    for _ in 0..5 {
        let (wall, cpu) = (std::time::Instant::now(), cpu_seconds());
        let models = Models::from_bytes(&bytes).expect("the shipped model loads");
        times.push((cpu_seconds() - cpu, wall.elapsed().as_secs_f64()));
        // The saved form is a function of the tables: equal bytes, equal models.
        digest = _core::syntax::hashing::hash_bytes(&models.to_bytes());
    }
    println!("models digest: {digest:016x}");
    for (cpu, wall) in times {
        println!("load: {cpu:.2} CPU s, {wall:.3} wall s");
    }
}
