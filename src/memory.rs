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
/// `mi_option_purge_delay` (milliseconds), same enum.
const MI_OPTION_PURGE_DELAY: c_int = 15;

/// How long (ms) a freed span of pages waits before mimalloc decommits it: a stage that
/// frees and allocates again within this time reuses its pages without faulting them in.
/// With mimalloc's 10 ms, alignment of one long document grew 7.3x per 4x its claims
/// (`benches/growth.py`, `long_document`: pages decommitted between two passes faulted in
/// again, zeroed); with 1,000 ms it stays under the 6x limit, as with resets.
const PURGE_DELAY_MS: c_long = 1_000;

/// Sets mimalloc up once per process, before the first stage. Pages freed while a stage
/// runs are purged by decommitting them (`MADV_DONTNEED`), after `PURGE_DELAY_MS`. Reset
/// (`MADV_FREE`, sessions 22-23) faulted nothing in again, but the kernel takes such pages
/// back only under memory pressure, so they still counted in the resident size: alignment's
/// freed views (gigabytes past its views bound) stayed resident and the tables stacked on
/// them; and a page reset while a stage ran was never decommitted later (mimalloc clears
/// its purge mark). A `MIMALLOC_PURGE_DECOMMITS` or `MIMALLOC_PURGE_DELAY` the user set
/// wins (mimalloc reads them itself).
pub fn configure_allocator() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let given = |name: &str| std::env::var_os(name).is_some();
        // SAFETY: mi_option_set takes no pointers and only stores an option mimalloc reads.
        // A MIMALLOC_ variable the user set wins (mimalloc reads it itself).
        unsafe {
            if !given("MIMALLOC_PURGE_DECOMMITS") {
                mi_option_set(MI_OPTION_PURGE_DECOMMITS, 1);
            }
            if !given("MIMALLOC_PURGE_DELAY") {
                mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
            }
        }
    });
}

/// Returns the allocators' free pages to the system. Costs a walk over the heaps: for
/// after a large structure is dropped, not per item.
///
/// The freed pages are decommitted now rather than after the purge delay (alignment's
/// views: tests/test_memory.py). Session 23 decommitted here while purging by reset
/// throughout, and later stages faulted pages in again (long-document alignment 14x per 4x
/// its claims); with decommits throughout behind a 1 s delay, what a stage frees and
/// reuses soon is not purged at all. Called from
/// inside a pool's worker, only that thread collects: a broadcast from workers busy in a
/// parallel loop (`compare_many`'s small corpora each release) crashed.
pub fn release_free_pages() {
    configure_allocator();
    // SAFETY: mi_collect takes no pointers; with `force` it purges the calling thread's unused
    // pages and the abandoned ones, under mimalloc's own synchronisation.
    unsafe {
        // mimalloc's heaps are per thread and `mi_collect` purges the calling thread's
        // (and abandoned) pages only: from outside any pool (a stage's own thread), every
        // thread of the core's pool collects its own too.
        if !crate::pool::in_worker() {
            crate::pool::install(|| rayon::broadcast(|_| mi_collect(true)));
        }
        mi_collect(true);
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
