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
    fn mi_process_init();
}

/// Options in mimalloc v2's `mi_option_t` (mimalloc.h); the Rust binding names neither.
const MI_OPTION_PURGE_DECOMMITS: c_int = 5;
const MI_OPTION_ALLOW_THP: c_int = 37;

/// Runs `configure_allocator` when the library is loaded, after mimalloc's own start-up and
/// before anything is allocated: the first arena is reserved by the first allocation.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static CONFIGURE_AT_LOAD: extern "C" fn() = {
    extern "C" fn configure_at_load() {
        configure_allocator();
    }
    configure_at_load
};

/// Sets mimalloc up once per process (at load on Linux, else before the first stage).
///
/// - Pages freed while a stage runs are purged by resetting them rather than decommitting
///   them: decommitted pages fault in again one by one, which made alignment of one long
///   document grow 7x per 4x its claims (`benches/growth.py`, `long_document`). On Linux a
///   reset is `MADV_FREE`: the kernel takes such pages back only under memory pressure, so
///   they still count in the resident size (see `release_free_pages`).
/// - Its arenas are not marked for transparent huge pages: every purged page touched again
///   was then zeroed 2 MB at a time (`clear_page` over half of a profile, alignment's system
///   time 7-14 s on 2,000 articles against 0.7 s). The models' tables still ask for huge
///   pages for themselves (syntax/huge_pages.rs). `MIMALLOC_ALLOW_THP=1` keeps mimalloc's.
pub fn configure_allocator() {
    static ONCE: Once = Once::new();
    // SAFETY: these calls take no pointers. mi_process_init is idempotent; it runs the start-up
    // that reads THP's option while it still allows THP, which would otherwise switch THP off
    // for the whole process (prctl), the models' tables and the host Python included.
    // getenv reads a NUL-terminated literal and allocates nothing.
    ONCE.call_once(|| unsafe {
        mi_process_init();
        mi_option_set(MI_OPTION_PURGE_DECOMMITS, 0);
        #[cfg(target_os = "linux")]
        if libc::getenv(c"MIMALLOC_ALLOW_THP".as_ptr()).is_null() {
            mi_option_set(MI_OPTION_ALLOW_THP, 0);
        }
    });
}

/// Returns the allocators' free pages to the system. Costs a walk over the heaps: for
/// after a large structure is dropped, not per item.
///
/// mimalloc purges by resetting (`MADV_FREE`), so the freed pages still count as resident
/// until the kernel needs them (alignment's views: tests/test_memory.py, an expected
/// failure). Decommitting them here (`MADV_DONTNEED`) cut the 10,000-article peak by a
/// fifth but made the next stages fault every page in again, zeroed (`clear_page` half of
/// the samples; long-document alignment 14x per 4x its claims): not done. Called from
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

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use crate::syntax::huge_pages::Table;

    /// The `VmFlags` of the mapping that holds `address`, from /proc/self/smaps.
    fn flags_at(address: usize) -> Vec<String> {
        let smaps = std::fs::read_to_string("/proc/self/smaps").expect("smaps");
        let mut inside = false;
        for line in smaps.lines() {
            let range = line.split_whitespace().next().unwrap_or("");
            if let Some((start, end)) = range.split_once('-') {
                if let (Ok(start), Ok(end)) = (
                    usize::from_str_radix(start, 16),
                    usize::from_str_radix(end, 16),
                ) {
                    inside = (start..end).contains(&address);
                    continue;
                }
            }
            if inside {
                if let Some(flags) = line.strip_prefix("VmFlags:") {
                    return flags.split_whitespace().map(str::to_owned).collect();
                }
            }
        }
        panic!("no mapping holds {address:#x}");
    }

    #[test]
    fn only_the_models_tables_ask_for_huge_pages() {
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
            return; // the user asked for mimalloc's own choice
        }
        let heap = vec![1u8; 64 << 20];
        let table = Table::filled(3 << 20, 1u8);
        assert!(!flags_at(heap.as_ptr() as usize).contains(&"hg".to_owned()));
        let thp = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled");
        if thp.is_ok_and(|setting| !setting.contains("[never]")) {
            assert!(flags_at(table.as_ptr() as usize).contains(&"hg".to_owned()));
        }
    }
}
