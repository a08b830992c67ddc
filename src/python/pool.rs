//! How the bindings run core work: with the GIL released, on a thread of its own, while the
//! calling Python thread wakes every few milliseconds to run Python's signal handlers. A
//! pending KeyboardInterrupt (Ctrl-C) raises the request's cancel flag, which the stages
//! check between documents; the call then raises KeyboardInterrupt and leaves no partial
//! stage behind.
//!
//! The work runs on a plain thread, not a rayon worker, so it may wait for a stage another
//! Python thread is computing (see `crate::stage`); its parallel parts run on the core's
//! pool (`crate::pool`), which is rebuilt in forked children.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use pyo3::marker::Ungil;
use pyo3::prelude::*;

use crate::corpus::Corpus;
use crate::stage::{Cancel, Cancelled};

/// How long the calling thread sleeps between two looks at Python's signals.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// A stage of `corpus` (`Corpus::try_claims`, …): at once if it is ready, else computed (or
/// waited for) with the GIL released and Ctrl-C honoured.
pub fn stage<'a, T: Sync + ?Sized>(
    py: Python<'_>,
    corpus: &'a Corpus,
    get: for<'c> fn(&'c Corpus, &Cancel) -> Result<&'c T, Cancelled>,
) -> PyResult<&'a T> {
    if let Ok(ready) = get(corpus, &Cancel::raised()) {
        return Ok(ready);
    }
    interruptible(py, |cancel| get(corpus, cancel))
}

/// Runs `work` with the GIL released, its parallel parts on the core's pool; no Ctrl-C
/// check (for short work).
pub fn run<T: Ungil + Send>(py: Python<'_>, work: impl Ungil + FnOnce() -> T + Send) -> T {
    py.detach(move || crate::pool::install(work))
}

/// Runs `work` on a thread of its own with the GIL released. Every `SIGNAL_POLL` the calling
/// thread takes the GIL to run Python's signal handlers; if one raises (KeyboardInterrupt),
/// the cancel flag `work` was given is raised, `work` is waited for, and the handler's
/// exception is returned.
pub fn interruptible<T: Send>(
    py: Python<'_>,
    work: impl FnOnce(&Cancel) -> Result<T, Cancelled> + Send,
) -> PyResult<T> {
    let cancel = Cancel::new();
    let outcome = py.detach(|| {
        std::thread::scope(|s| {
            let (done, finished) = mpsc::channel();
            let flag = cancel.clone();
            s.spawn(move || {
                let _ = done.send(panic::catch_unwind(AssertUnwindSafe(|| work(&flag))));
            });
            let mut interrupted = None;
            loop {
                match finished.recv_timeout(SIGNAL_POLL) {
                    Ok(result) => break (result, interrupted),
                    Err(RecvTimeoutError::Timeout) if interrupted.is_none() => {
                        if let Err(e) = Python::attach(|py| py.check_signals()) {
                            cancel.cancel();
                            interrupted = Some(e);
                        }
                    }
                    // Cancelled: the work stops at its next document.
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => {
                        unreachable!("the worker thread sends its result, even a panic")
                    }
                }
            }
        })
    });
    match outcome {
        (_, Some(interrupt)) => Err(interrupt),
        (Ok(Ok(value)), None) => Ok(value),
        (Ok(Err(Cancelled)), None) => unreachable!("only this call raises its cancel flag"),
        (Err(panic), None) => panic::resume_unwind(panic),
    }
}
