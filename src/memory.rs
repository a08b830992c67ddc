//! Giving freed memory back to the system.
//!
//! glibc's allocator keeps the pages of freed small blocks for reuse: after alignment drops
//! its views (gigabytes on a large corpus), the process's resident size stays at its peak
//! and the tables built next add to it. `malloc_trim` returns those free pages.

/// Returns the allocator's free pages to the system (glibc on Linux; elsewhere nothing).
/// Costs a walk over the heap: for after a large structure is dropped, not per item.
pub fn release_free_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim takes no pointers and only reorganises the allocator's own
        // free lists, under its locks; it is safe to call from any thread at any time.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
