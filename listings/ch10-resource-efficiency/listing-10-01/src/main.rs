use async_stream::stream;
use futures::{Stream, StreamExt};
use std::alloc::{GlobalAlloc, Layout, System};
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

// ANCHOR: allocator
/// The system allocator, plus two counters: heap bytes in use now, and the most ever in use.
struct Counting {
    current: AtomicUsize,
    peak: AtomicUsize,
}

// `GlobalAlloc` is an unsafe trait; this impl only forwards each call to `System` and counts.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = self.current.fetch_add(layout.size(), Relaxed) + layout.size();
            self.peak.fetch_max(now, Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        self.current.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static HEAP: Counting = Counting {
    current: AtomicUsize::new(0),
    peak: AtomicUsize::new(0),
};
// ANCHOR_END: allocator

// ANCHOR: peak_heap
/// Runs `work` and returns its result and the most heap bytes it had in use at any moment.
async fn peak_heap<T>(work: impl Future<Output = T>) -> (T, usize) {
    let before = HEAP.current.load(Relaxed);
    HEAP.peak.store(before, Relaxed);
    let result = work.await;
    (result, HEAP.peak.load(Relaxed) - before)
}
// ANCHOR_END: peak_heap

const COUNT: u32 = 1_000_000;

// ANCHOR: ways
/// One record at a time, made when the consumer asks for it.
fn records(count: u32) -> impl Stream<Item = String> {
    stream! {
        for i in 0..count {
            yield format!("record {i}");
        }
    }
}

/// Every record made and stored before the caller sees any.
async fn all_records(count: u32) -> Vec<String> {
    let mut all = Vec::new();
    for i in 0..count {
        all.push(format!("record {i}"));
    }
    all
}

async fn total_len_streamed() -> usize {
    let mut records = pin!(records(COUNT));
    let mut total = 0;
    while let Some(record) = records.next().await {
        total += record.len();
    }
    total
}

async fn total_len_stored() -> usize {
    let all = all_records(COUNT).await;
    all.iter().map(String::len).sum()
}
// ANCHOR_END: ways

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let (total, peak) = peak_heap(total_len_streamed()).await;
    println!("stream, one at a time: {total} bytes of records, peak heap {peak} bytes");

    let (total, peak) = peak_heap(total_len_stored()).await;
    println!("Vec, all up front:     {total} bytes of records, peak heap {peak} bytes");
    // ANCHOR_END: main
}
