//! Fixed-size tables backed by 2 MB pages where the system allows it.
//!
//! The models' lookup tables are megabytes read at random: with 4 KB pages nearly every
//! lookup also misses the TLB, and the page walk costs about as much as the cache miss.
//! Linux backs memory marked `MADV_HUGEPAGE` (the usual `madvise` setting of transparent
//! huge pages) with 2 MB pages if it is marked before it is first written, and the whole
//! table is covered only if it starts on a 2 MB boundary: so a large table gets its own
//! aligned mapping. It is mapped apart from the allocator's memory because a marked range
//! stays marked: an allocator that reused it after the table is dropped would have its pages
//! zeroed 2 MB at a time whenever they fault in. Elsewhere, or when the system says no, the
//! table sits in ordinary pages; its contents are the same either way.

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

/// The huge page size on x86_64 and aarch64 Linux.
const HUGE_PAGE: usize = 2 << 20;

/// A fixed-size array of `Copy` items, in huge pages when it fills at least one.
pub struct Table<T: Copy> {
    ptr: NonNull<T>,
    len: usize,
    backing: Backing,
}

/// Where a table's items live.
enum Backing {
    /// An empty table: nothing allocated.
    Nothing,
    /// From the global allocator.
    Heap(Layout),
    /// A mapping of its own of this many bytes (Linux, at least one huge page).
    #[cfg(target_os = "linux")]
    Mapped(usize),
}

// SAFETY: a `Table` owns its items and never shares them mutably, like a `Box<[T]>`.
unsafe impl<T: Copy + Send> Send for Table<T> {}
// SAFETY: as above: `&Table` only hands out `&[T]`.
unsafe impl<T: Copy + Sync> Sync for Table<T> {}

impl<T: Copy> Table<T> {
    /// `len` copies of `value`.
    pub fn filled(len: usize, value: T) -> Table<T> {
        let table = Table::<T>::uninit(len);
        for i in 0..len {
            // SAFETY: `uninit` allocated room for `len` items; each is written once.
            unsafe { table.ptr.as_ptr().add(i).write(value) };
        }
        table
    }

    /// A copy of `items`.
    pub fn copied(items: &[T]) -> Table<T> {
        let table = Table::<T>::uninit(items.len());
        // SAFETY: room for `items.len()` items, and a fresh allocation cannot overlap `items`.
        unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), table.ptr.as_ptr(), items.len()) };
        table
    }

    /// Room for `len` items, not yet written: callers write every item before reading.
    fn uninit(len: usize) -> Table<T> {
        let bytes = len
            .checked_mul(std::mem::size_of::<T>())
            .expect("table size overflows");
        if bytes == 0 {
            return Table {
                ptr: NonNull::dangling(),
                len,
                backing: Backing::Nothing,
            };
        }
        #[cfg(target_os = "linux")]
        if bytes >= HUGE_PAGE {
            let size = bytes.next_multiple_of(HUGE_PAGE);
            return Table {
                ptr: map_huge(size).cast(),
                len,
                backing: Backing::Mapped(size),
            };
        }
        let layout = Layout::array::<T>(len).expect("table size overflows");
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc(layout) };
        let Some(ptr) = NonNull::new(raw.cast::<T>()) else {
            handle_alloc_error(layout)
        };
        Table {
            ptr,
            len,
            backing: Backing::Heap(layout),
        }
    }
}

/// `size` bytes (a multiple of `HUGE_PAGE`) mapped at a `HUGE_PAGE` boundary and marked for
/// huge pages: one huge page more is mapped, then the unaligned ends are unmapped.
#[cfg(target_os = "linux")]
fn map_huge(size: usize) -> NonNull<u8> {
    let mapped = size + HUGE_PAGE;
    // SAFETY: an anonymous private mapping at an address of the kernel's choosing touches no
    // existing memory; the two munmaps only cut this mapping's own ends, outside the range
    // returned; madvise only changes how the kernel backs the range, never its contents.
    unsafe {
        let raw = libc::mmap(
            std::ptr::null_mut(),
            mapped,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if raw == libc::MAP_FAILED {
            handle_alloc_error(Layout::from_size_align(size, HUGE_PAGE).expect("size checked"));
        }
        let start = raw as usize;
        let head = start.next_multiple_of(HUGE_PAGE) - start;
        if head > 0 {
            libc::munmap(raw, head);
        }
        let aligned = raw.cast::<u8>().add(head);
        let tail = HUGE_PAGE - head;
        if tail > 0 {
            libc::munmap(aligned.add(size).cast(), tail);
        }
        // A refusal leaves ordinary pages.
        libc::madvise(aligned.cast(), size, libc::MADV_HUGEPAGE);
        NonNull::new_unchecked(aligned)
    }
}

impl<T: Copy> Deref for Table<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        // SAFETY: `len` items written at construction (a dangling, aligned pointer for none).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> DerefMut for Table<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `deref`, and `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> Drop for Table<T> {
    fn drop(&mut self) {
        match self.backing {
            Backing::Nothing => {}
            // SAFETY: allocated in `uninit` with this layout; `T: Copy` needs no drop.
            Backing::Heap(layout) => unsafe { dealloc(self.ptr.as_ptr().cast(), layout) },
            // SAFETY: mapped in `uninit` with this size, and unmapped only here.
            #[cfg(target_os = "linux")]
            Backing::Mapped(size) => unsafe {
                libc::munmap(self.ptr.as_ptr().cast(), size);
            },
        }
    }
}

impl<T: Copy> Clone for Table<T> {
    fn clone(&self) -> Self {
        Table::copied(self)
    }
}

impl<T: Copy + PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table({} items)", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_what_they_were_given_at_every_size() {
        let big = Table::filled(3 * HUGE_PAGE / 8 + 5, 7u64);
        assert_eq!(big.len(), 3 * HUGE_PAGE / 8 + 5);
        assert!(big.iter().all(|&x| x == 7));
        #[cfg(target_os = "linux")]
        assert_eq!(big.as_ptr() as usize % HUGE_PAGE, 0);
        assert!(Table::filled(0, 1u8).is_empty());
        for n in [1usize, 3, 1000, 1_000_000] {
            let items: Vec<u32> = (0..n as u32).collect();
            let table = Table::copied(&items);
            assert_eq!(&*table, &items[..]);
            assert_eq!(table.clone(), table);
        }
        assert!(Table::<u16>::copied(&[]).is_empty());
    }
}
