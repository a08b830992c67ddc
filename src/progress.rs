//! How far a corpus's stages have got, for a display (the CLI's progress bar) that reads it
//! from another thread while the work runs. Bumping it is one relaxed atomic add per
//! document, so the stages pay nothing they would notice; a reader may see a stage's count
//! a document behind, which a display does not mind.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The stages that report progress, in pipeline order.
pub const STAGES: [&str; 5] = ["text", "syntax", "entities", "claims", "alignment"];

/// The stage being computed (or last computed), its documents done and its total.
#[derive(Debug, Default)]
pub struct Progress {
    /// 1 + index into `STAGES`; 0 before any stage started.
    stage: AtomicUsize,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// Starts counting `stage` (one of `STAGES`) over `total` documents.
    pub fn start(&self, stage: &str, total: usize) {
        let k = STAGES.iter().position(|s| *s == stage).map_or(0, |k| k + 1);
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(k, Ordering::Relaxed);
    }

    /// One more document done.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// `(stage, done, total)`; the stage is None before any started. With two stages
    /// computed at once (two threads asking), it shows the one that started last.
    pub fn get(&self) -> (Option<&'static str>, usize, usize) {
        let stage = self.stage.load(Ordering::Relaxed).checked_sub(1);
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed).min(total);
        (stage.map(|k| STAGES[k]), done, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_stage_started_last_and_never_past_its_total() {
        let p = Progress::default();
        assert_eq!(p.get(), (None, 0, 0));
        p.start("text", 2);
        p.tick();
        assert_eq!(p.get(), (Some("text"), 1, 2));
        p.tick();
        p.tick();
        assert_eq!(p.get(), (Some("text"), 2, 2));
        p.start("claims", 5);
        assert_eq!(p.get(), (Some("claims"), 0, 5));
    }
}
