use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

/// Listing 10-1's counting allocator, with a switch: `FORWARD_REALLOC`.
struct Counting {
    current: AtomicUsize,
    peak: AtomicUsize,
}

impl Counting {
    fn add(&self, bytes: usize) {
        let now = self.current.fetch_add(bytes, Relaxed) + bytes;
        self.peak.fetch_max(now, Relaxed);
    }

    fn sub(&self, bytes: usize) {
        self.current.fetch_sub(bytes, Relaxed);
    }
}

// ANCHOR: switch
/// Whether `Counting::realloc` forwards to `System`, as in Listing 10-1, or
/// does what an allocator that implements only `alloc` and `dealloc` gets:
/// the trait's default `realloc`.
static FORWARD_REALLOC: AtomicBool = AtomicBool::new(true);

/// Implements only `alloc` and `dealloc`, both through `HEAP`, so both are
/// counted; its `realloc` is `GlobalAlloc`'s default: `alloc` the new
/// block, copy, `dealloc` the old one.
struct AllocDeallocOnly;

#[allow(unsafe_code)]
unsafe impl GlobalAlloc for AllocDeallocOnly {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { HEAP.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { HEAP.dealloc(ptr, layout) }
    }
}
// ANCHOR_END: switch

// `GlobalAlloc` is an unsafe trait. This impl forwards every method to
// `System`, and `realloc` too while `FORWARD_REALLOC` is set.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            self.add(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            self.add(layout.size());
        }
        ptr
    }

    // ANCHOR: realloc
    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
    ) -> *mut u8 {
        if !FORWARD_REALLOC.load(Relaxed) {
            // The block came from `HEAP`, which is what
            // `AllocDeallocOnly` allocates from.
            return unsafe {
                AllocDeallocOnly.realloc(ptr, layout, new_size)
            };
        }
        let new_ptr = unsafe { System.realloc(ptr, layout, new_size) };
        if !new_ptr.is_null() {
            // One block, resized from `layout.size()` to `new_size` bytes,
            // in place or moved.
            if new_size > layout.size() {
                self.add(new_size - layout.size());
            } else {
                self.sub(layout.size() - new_size);
            }
        }
        new_ptr
    }
    // ANCHOR_END: realloc

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        self.sub(layout.size());
    }
}

#[global_allocator]
static HEAP: Counting = Counting {
    current: AtomicUsize::new(0),
    peak: AtomicUsize::new(0),
};

/// Runs `work` and returns its result and the most heap bytes it had in use
/// at any moment.
async fn peak_heap<T>(work: impl Future<Output = T>) -> (T, usize) {
    let before = HEAP.current.load(Relaxed);
    HEAP.peak.store(before, Relaxed);
    let result = work.await;
    (result, HEAP.peak.load(Relaxed) - before)
}

const COUNT: u32 = 1_000_000;

/// The `Vec` way of Listing 10-1: every record made and stored before the
/// caller sees any.
async fn all_records(count: u32) -> Vec<String> {
    let mut all = Vec::new();
    for i in 0..count {
        all.push(format!("record {i}"));
    }
    all
}

async fn total_len_stored() -> usize {
    let all = all_records(COUNT).await;
    all.iter().map(String::len).sum()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let (total, peak) = peak_heap(total_len_stored()).await;
    println!(
        "realloc forwarded to System: {total} bytes of records, \
         peak heap {peak} bytes"
    );

    FORWARD_REALLOC.store(false, Relaxed);
    let (total, peak) = peak_heap(total_len_stored()).await;
    println!(
        "realloc left to the default: {total} bytes of records, \
         peak heap {peak} bytes"
    );
    // ANCHOR_END: main
}
