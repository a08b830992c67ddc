//! Where the bindings run parallel work. Rayon's global pool does not survive `fork()`: a
//! child process (multiprocessing's default on Linux) inherits a pool whose threads were not
//! copied and waits for them forever. So the bindings use a pool of their own and build a new
//! one when they find themselves in a different process than the one that built it.

use std::sync::{Arc, Mutex};

use pyo3::marker::Ungil;
use pyo3::prelude::*;
use rayon::ThreadPool;

use crate::corpus::Corpus;

/// The pool and the process id it was built in.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

fn pool() -> Option<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((built_in, pool)) = slot.as_ref() {
        if *built_in == pid {
            return Some(Arc::clone(pool));
        }
    }
    // A forked child: the old pool's threads are gone, so it is leaked, never dropped or used.
    if let Some((_, stale)) = slot.take() {
        std::mem::forget(stale);
    }
    // Thread count as rayon's global pool would choose it (RAYON_NUM_THREADS, else all cores).
    let pool = Arc::new(rayon::ThreadPoolBuilder::new().build().ok()?);
    *slot = Some((pid, Arc::clone(&pool)));
    Some(pool)
}

/// A stage of `corpus` (`Corpus::claims`, …), computed the first time with the GIL released.
pub fn stage<'a, T: ?Sized>(
    py: Python<'_>,
    corpus: &'a Arc<Corpus>,
    get: fn(&Corpus) -> &T,
) -> &'a T {
    let shared = Arc::clone(corpus);
    run(py, move || {
        get(&shared);
    });
    get(corpus)
}

/// Runs `work` with the GIL released, its parallel parts on this process's pool.
pub fn run<T: Ungil + Send>(py: Python<'_>, work: impl Ungil + FnOnce() -> T + Send) -> T {
    py.detach(move || match pool() {
        Some(pool) => pool.install(work),
        // No threads could be started: do the work on this one.
        None => work(),
    })
}
