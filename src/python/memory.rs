//! Gives memory a table step freed back to the system. Freed memory otherwise stays with the
//! process: glibc keeps what Python freed (bytearrays, lists) in its heap unless it sits at
//! the top (its mmap threshold rises to 32 MB after the first large free, so big buffers land
//! in the heap too), and mimalloc keeps the core's freed pages until the thread that freed
//! them allocates again.

use pyo3::prelude::*;

extern "C" {
    // mimalloc's own API (the crate's bindings keep it private): frees the calling thread's
    // empty pages and the segments nobody holds.
    fn mi_collect(force: bool);
}

/// Returns freed memory of the Rust heap (mimalloc) and of the C heap (glibc) to the system.
#[pyfunction]
pub fn give_back(py: Python<'_>) {
    py.detach(|| {
        // SAFETY: both calls only release free memory; neither touches live allocations.
        unsafe {
            mi_collect(true);
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            libc::malloc_trim(0);
        }
    });
}
