//! Giving freed memory back to the system.
//!
//! Rust's allocations go to mimalloc (the global allocator, see lib.rs), which keeps the
//! pages of freed blocks for reuse a while before it returns them: after alignment drops its
//! views (gigabytes on a large corpus), the tables built next would add to a resident size
//! still at its peak. `mi_collect(true)` returns them now. glibc's `malloc_trim` is still
//! called for what others allocate in the process with malloc (Python, when crosswire runs
//! as its extension).

#[cfg(target_os = "linux")]
use std::ffi::{c_int, c_long};

extern "C" {
    // From mimalloc (linked by the `mimalloc` crate, our global allocator).
    fn mi_collect(force: bool);
    #[cfg(target_os = "linux")]
    fn mi_option_set(option: c_int, value: c_long);
    #[cfg(target_os = "linux")]
    fn mi_process_init();
}

/// `mi_option_allow_thp` in mimalloc v2's `mi_option_t` (mimalloc.h); the Rust binding names
/// no constant for it.
#[cfg(target_os = "linux")]
const MI_OPTION_ALLOW_THP: c_int = 37;

/// Runs when the library is loaded, after mimalloc's own start-up and before anything is
/// allocated (the first arena is reserved by the first allocation): mimalloc's arenas are not
/// to be marked for transparent huge pages. Marked, every page it purged and a later stage
/// touched again faulted in as a 2 MB page, zeroed: `clear_page` was over half of a profile,
/// alignment's system time 7-14 s on 2,000 articles against 0.7 s, and decommitting freed
/// pages looked too dear (sessions 22-23 reset them instead, which kept them resident). The
/// models' tables still ask for huge pages for themselves (syntax/huge_pages.rs).
/// `MIMALLOC_ALLOW_THP=1` leaves mimalloc's default.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static KEEP_HEAP_OFF_HUGE_PAGES: extern "C" fn() = {
    extern "C" fn keep_heap_off_huge_pages() {
        // SAFETY: these calls take no pointers. mi_process_init is idempotent; it runs the
        // start-up that reads THP's option while it still allows THP, which would otherwise
        // switch THP off for the whole process (prctl), the models' tables and the host
        // Python included. getenv reads a NUL-terminated literal and allocates nothing.
        unsafe {
            mi_process_init();
            if libc::getenv(c"MIMALLOC_ALLOW_THP".as_ptr()).is_null() {
                mi_option_set(MI_OPTION_ALLOW_THP, 0);
            }
        }
    }
    keep_heap_off_huge_pages
};

/// Returns the allocators' free pages to the system. Costs a walk over the heaps: for
/// after a large structure is dropped, not per item.
///
/// mimalloc purges by decommitting (`MADV_DONTNEED`), so the pages leave the resident size
/// (alignment's views: tests/test_memory.py). Called from inside a pool's worker, only that
/// thread collects: a broadcast from workers busy in a parallel loop (`compare_many`'s small
/// corpora each release) crashed.
pub fn release_free_pages() {
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
