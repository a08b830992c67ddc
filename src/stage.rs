//! A stage's result, computed once however many threads ask for it at once, and a request's
//! cancel flag.
//!
//! `OnceLock::get_or_init` is not enough: a rayon worker initialising a stage waits inside
//! its parallel work, and while it waits it steals jobs, one of which may ask for the same
//! stage; the worker then waits on itself, forever. Here only threads outside any rayon pool
//! (the callers: Python threads, a program's own threads) wait for another thread's
//! computation; they hold nothing rayon work needs. A worker never waits: if the stage is
//! being computed elsewhere, it computes the stage itself (results do not depend on who
//! computes them) and the first result stored wins. Stages ask for the stages before them
//! only (text, syntax, entities, claims, alignment), so waiting threads form no cycle.
//!
//! A computation that is cancelled, or panics, leaves nothing behind: the stage is empty and
//! the next caller computes it. A stage being computed by a thread of a parent process
//! (copied by `fork()` mid-computation) is computed afresh in the child.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Duration;

use crate::pool;

/// The work was cancelled before it finished; nothing of it was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// A request's cancel flag, shared by everything that works for the request. Stages check
/// it between documents.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Option<Arc<AtomicBool>>);

impl Cancel {
    /// A flag that can be raised.
    pub fn new() -> Cancel {
        Cancel(Some(Arc::new(AtomicBool::new(false))))
    }

    /// A flag raised from the start: asks for a stage only if it is ready (computing it
    /// would stop at once).
    pub fn raised() -> Cancel {
        Cancel(Some(Arc::new(AtomicBool::new(true))))
    }

    /// A flag that is never raised.
    pub fn never() -> Cancel {
        Cancel(None)
    }

    /// Raises the flag: every stage checking it stops at its next check.
    pub fn cancel(&self) {
        if let Some(flag) = &self.0 {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Whether the flag is raised.
    pub fn is_cancelled(&self) -> bool {
        self.0.as_ref().is_some_and(|f| f.load(Ordering::Relaxed))
    }

    /// `Err(Cancelled)` once the flag is raised.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// How often a waiting caller looks at its own cancel flag.
const WAIT_SLICE: Duration = Duration::from_millis(20);

/// A lazily computed value (see the module doc).
#[derive(Debug)]
pub struct Stage<T> {
    value: OnceLock<T>,
    /// The process id of the thread computing the value for all, if one is.
    running: Mutex<Option<u32>>,
    finished: Condvar,
}

impl<T> Default for Stage<T> {
    fn default() -> Self {
        Stage::new()
    }
}

impl<T> Stage<T> {
    /// A stage not computed yet.
    pub fn new() -> Stage<T> {
        Stage {
            value: OnceLock::new(),
            running: Mutex::new(None),
            finished: Condvar::new(),
        }
    }

    /// The value, if it has been computed.
    pub fn get(&self) -> Option<&T> {
        self.value.get()
    }

    fn lock(&self) -> MutexGuard<'_, Option<u32>> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The value, computed by `compute` unless it already is (or is being computed by a
    /// thread this caller may wait for). `Err(Cancelled)` when `compute` was cancelled or
    /// `cancel` was raised while waiting.
    pub fn get_or_compute(
        &self,
        cancel: &Cancel,
        compute: impl FnOnce() -> Result<T, Cancelled>,
    ) -> Result<&T, Cancelled> {
        if let Some(v) = self.value.get() {
            return Ok(v);
        }
        let pid = std::process::id();
        let mut running = self.lock();
        loop {
            if let Some(v) = self.value.get() {
                return Ok(v);
            }
            match *running {
                Some(by) if by == pid => {
                    if pool::in_worker() {
                        drop(running);
                        return self.store(compute());
                    }
                    cancel.check()?;
                    running = self
                        .finished
                        .wait_timeout(running, WAIT_SLICE)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
                // Nobody is computing it, or a thread of the process this one was forked from.
                _ => break,
            }
        }
        *running = Some(pid);
        drop(running);
        let release = Release(self);
        let result = compute();
        let stored = self.store(result);
        drop(release);
        stored
    }

    /// Keeps `result`'s value unless another one was stored first.
    fn store(&self, result: Result<T, Cancelled>) -> Result<&T, Cancelled> {
        let value = result?;
        // Set already: another thread computed the same value first.
        let _ = self.value.set(value);
        Ok(self.value.get().expect("the value was just stored"))
    }
}

/// Marks the stage free again and wakes its waiters, however `compute` ended (a value, a
/// cancellation or a panic).
struct Release<'a, T>(&'a Stage<T>);

impl<T> Drop for Release<'_, T> {
    fn drop(&mut self) {
        *self.0.lock() = None;
        self.0.finished.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;
    use std::sync::Barrier;

    use super::*;

    #[test]
    fn computed_once_for_many_callers() {
        let stage: Stage<usize> = Stage::new();
        let runs = AtomicUsize::new(0);
        let start = Barrier::new(8);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    start.wait();
                    let v = stage.get_or_compute(&Cancel::never(), || {
                        runs.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(50));
                        Ok(7)
                    });
                    assert_eq!(v, Ok(&7));
                });
            }
        });
        assert_eq!(runs.load(Ordering::SeqCst), 1, "callers outside rayon wait");
    }

    #[test]
    fn a_cancelled_computation_leaves_the_stage_empty() {
        let stage: Stage<u32> = Stage::new();
        let cancel = Cancel::new();
        cancel.cancel();
        let got = stage.get_or_compute(&cancel, || {
            cancel.check()?;
            Ok(1)
        });
        assert_eq!(got, Err(Cancelled));
        assert_eq!(stage.get(), None);
        assert_eq!(stage.get_or_compute(&Cancel::never(), || Ok(2)), Ok(&2));
    }

    #[test]
    fn a_panicking_computation_frees_the_stage() {
        let stage: Stage<u32> = Stage::new();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = stage.get_or_compute(&Cancel::never(), || panic!("boom"));
        }));
        assert!(panicked.is_err());
        assert_eq!(stage.get_or_compute(&Cancel::never(), || Ok(3)), Ok(&3));
    }

    #[test]
    fn a_waiting_caller_can_be_cancelled() {
        let stage: Stage<u32> = Stage::new();
        let cancel = Cancel::new();
        let started = Barrier::new(2);
        std::thread::scope(|s| {
            s.spawn(|| {
                stage
                    .get_or_compute(&Cancel::never(), || {
                        started.wait();
                        std::thread::sleep(Duration::from_millis(300));
                        Ok(1)
                    })
                    .unwrap();
            });
            started.wait();
            cancel.cancel();
            assert_eq!(stage.get_or_compute(&cancel, || Ok(2)), Err(Cancelled));
        });
        assert_eq!(stage.get(), Some(&1));
    }

    #[test]
    fn a_worker_asking_for_the_stage_it_is_computing_does_not_wait_on_itself() {
        let stage: Stage<u32> = Stage::new();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let v = pool.install(|| {
            *stage
                .get_or_compute(&Cancel::never(), || {
                    // What a stolen job would do: ask for the same stage.
                    Ok(stage.get_or_compute(&Cancel::never(), || Ok(5)).copied()? + 1)
                })
                .unwrap()
        });
        // The inner computation stored first; the outer one's value was dropped.
        assert_eq!(v, 5);
    }
}
