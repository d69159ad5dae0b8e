use async_stream::stream;
use futures::{Stream, StreamExt};
use std::alloc::{GlobalAlloc, Layout, System};
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The same counting allocator as in Listing 10-1: the system allocator,
/// plus two counters, the heap bytes the program holds now and the most it
/// ever held at once, in requested sizes.
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

// `GlobalAlloc` is an unsafe trait. This impl forwards every method to
// `System`, `realloc` included, so that a block is resized the way it would
// be without the counter.
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

    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
    ) -> *mut u8 {
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

/// The stream of Listing 10-1, consumed one record at a time.
fn records(count: u32) -> impl Stream<Item = String> {
    stream! {
        for i in 0..count {
            yield format!("record {i}");
        }
    }
}

async fn total_len_streamed() -> usize {
    let mut records = pin!(records(COUNT));
    let mut total = 0;
    while let Some(record) = records.next().await {
        total += record.len();
    }
    total
}

// ANCHOR: ways
/// One record, made when the caller awaits it.
async fn fetch_record(i: u32) -> String {
    format!("record {i}")
}

/// No stream: a loop that awaits each record and is done with it before it
/// asks for the next.
async fn total_len_awaited() -> usize {
    let mut total = 0;
    for i in 0..COUNT {
        let record = fetch_record(i).await;
        total += record.len();
    }
    total
}
// ANCHOR_END: ways

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let (total, peak) = peak_heap(total_len_streamed()).await;
    println!(
        "stream, one at a time:     {total} bytes of records, \
         peak heap {peak} bytes"
    );

    let (total, peak) = peak_heap(total_len_awaited()).await;
    println!(
        "await loop, one at a time: {total} bytes of records, \
         peak heap {peak} bytes"
    );
    // ANCHOR_END: main
}
