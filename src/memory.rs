//! Giving freed memory back to the system.
//!
//! Rust's allocations go to mimalloc (the global allocator, see lib.rs), which keeps the
//! pages of freed blocks for reuse a while before it returns them: after alignment drops its
//! views (gigabytes on a large corpus), the tables built next would add to a resident size
//! still at its peak. `mi_collect(true)` returns them now. glibc's `malloc_trim` is still
//! called for what others allocate in the process with malloc (Python, when crosswire runs
//! as its extension).

use std::ffi::{c_int, c_long};
use std::sync::Once;

extern "C" {
    // From mimalloc (linked by the `mimalloc` crate, our global allocator).
    fn mi_collect(force: bool);
    fn mi_option_set(option: c_int, value: c_long);
}

/// `mi_option_purge_decommits` in mimalloc v2's `mi_option_t` (mimalloc.h); the Rust
/// binding names no constant for it.
const MI_OPTION_PURGE_DECOMMITS: c_int = 5;

/// Sets mimalloc up once per process, before the first stage. Pages freed while a stage
/// runs are purged by resetting them rather than decommitting them: decommitted pages fault
/// in again one by one, which made alignment of one long document grow 7x per 4x its claims
/// (`benches/growth.py`, `long_document`). On Linux a reset is `MADV_FREE`: the kernel takes
/// such pages back only under memory pressure, so they still count in the resident size
/// (see `release_free_pages`, which decommits).
pub fn configure_allocator() {
    static ONCE: Once = Once::new();
    // SAFETY: mi_option_set takes no pointers and only stores an option mimalloc reads.
    ONCE.call_once(|| unsafe { mi_option_set(MI_OPTION_PURGE_DECOMMITS, 0) });
}

/// Returns the allocators' free pages to the system, so that the resident size falls. Costs
/// a walk over the heaps: for after a large structure is dropped, not per item.
///
/// A reset page (`MADV_FREE`) counts as resident until the kernel needs it, so a stage's
/// freed memory stayed resident (alignment's views, when they all fit: 404 of 404 MB on
/// 800 articles, see tests/test_memory.py): here the purge decommits (`MADV_DONTNEED`) for
/// once. Pages already reset while a stage ran are not purged again (mimalloc clears their
/// purge mark), so alignment past its views bound still leaves them counted (see
/// benches/README.md, session 23). Called from inside a pool's worker, only that thread
/// collects: a broadcast from workers busy in a parallel loop (`compare_many`'s small
/// corpora each release) crashed.
pub fn release_free_pages() {
    configure_allocator();
    // SAFETY: mi_option_set takes no pointers and only stores an option mimalloc reads; a
    // purge racing with it on another thread resets or decommits, either is correct.
    // mi_collect takes no pointers; with `force` it purges the calling thread's unused
    // pages and the abandoned ones, under mimalloc's own synchronisation.
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DECOMMITS, 1);
        // mimalloc's heaps are per thread and `mi_collect` purges the calling thread's
        // (and abandoned) pages only: from outside any pool (a stage's own thread), every
        // thread of the core's pool collects its own too.
        if !crate::pool::in_worker() {
            crate::pool::install(|| rayon::broadcast(|_| mi_collect(true)));
        }
        mi_collect(true);
        mi_option_set(MI_OPTION_PURGE_DECOMMITS, 0);
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim takes no pointers and only reorganises the allocator's own
        // free lists, under its locks; it is safe to call from any thread at any time.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
