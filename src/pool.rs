//! Where the core runs its parallel work.
//!
//! Rayon's global pool does not survive `fork()`: a child process (multiprocessing's default
//! on Linux) inherits a pool whose threads were not copied and waits for them forever. So the
//! core uses a pool of its own and builds a new one when it finds itself in a different
//! process than the one that built it.
//!
//! Work asked for from inside a rayon pool (a test's one-thread pool, a caller's
//! `par_iter`) stays in that pool, so the caller's thread count holds.
//!
//! One rule keeps the pool free of deadlocks: a worker never blocks on anything that needs
//! other rayon work to finish. A worker waiting on a lock keeps stealing jobs, and a stolen
//! job may need what the waiting frame below it holds. So lazily built values reached from
//! workers (word lists, lexicons) are built without rayon, and the corpus's stages never
//! make a worker wait (see `stage`).

use std::sync::{Arc, Mutex, PoisonError};

use rayon::ThreadPool;

/// The pool and the process id it was built in.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

fn process_pool() -> Option<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
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

/// Whether the current thread is a worker of some rayon pool.
pub fn in_worker() -> bool {
    rayon::current_thread_index().is_some()
}

/// Runs `op`, whose parallel parts use the pool the caller is in, else this process's pool.
pub fn install<R: Send>(op: impl FnOnce() -> R + Send) -> R {
    if in_worker() {
        return op();
    }
    match process_pool() {
        Some(pool) => pool.install(op),
        // No threads could be started: do the work on this one.
        None => op(),
    }
}
