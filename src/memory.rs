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

/// Sets mimalloc up once per process, before the first stage. Freed pages are given back by
/// resetting them (`MADV_DONTNEED`: the resident size falls as before) rather than
/// decommitting them: decommitted pages fault in again one by one, which made alignment of
/// one long document grow 7x per 4x its claims (`benches/growth.py`, `long_document`).
pub fn configure_allocator() {
    static ONCE: Once = Once::new();
    // SAFETY: mi_option_set takes no pointers and only stores an option mimalloc reads.
    ONCE.call_once(|| unsafe { mi_option_set(MI_OPTION_PURGE_DECOMMITS, 0) });
}

/// Returns the allocators' free pages to the system. Costs a walk over the heap: for after
/// a large structure is dropped, not per item.
pub fn release_free_pages() {
    // SAFETY: mi_collect takes no pointers; with `force` it frees the calling thread's
    // unused pages and the abandoned ones, under mimalloc's own synchronisation.
    unsafe { mi_collect(true) };
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim takes no pointers and only reorganises the allocator's own
        // free lists, under its locks; it is safe to call from any thread at any time.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
