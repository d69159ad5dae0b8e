use async_stream::stream;
use futures::{Stream, StreamExt};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The same counting allocator as in Listing 10-1: the system allocator, plus two counters: heap bytes in use now, and the most ever in use.
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

/// Runs `work` and returns its result and the most heap bytes it had in use at any moment.
async fn peak_heap<T>(work: impl Future<Output = T>) -> (T, usize) {
    let before = HEAP.current.load(Relaxed);
    HEAP.peak.store(before, Relaxed);
    let result = work.await;
    (result, HEAP.peak.load(Relaxed) - before)
}

const COUNT: u32 = 1_000_000;

fn records(count: u32) -> impl Stream<Item = String> {
    stream! {
        for i in 0..count {
            yield format!("record {i}");
        }
    }
}

// ANCHOR: ways
/// The stream from Listing 10-1, collected into a Vec before use.
async fn total_len_collected() -> usize {
    let all: Vec<String> = records(COUNT).collect().await;
    all.iter().map(String::len).sum()
}

/// No stream and no async: a plain iterator, consumed one record at a time.
fn total_len_iterated() -> usize {
    let records = (0..COUNT).map(|i| format!("record {i}"));
    let mut total = 0;
    for record in records {
        total += record.len();
    }
    total
}
// ANCHOR_END: ways

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let (total, peak) = peak_heap(total_len_collected()).await;
    println!("stream, collected:        {total} bytes of records, peak heap {peak} bytes");

    let (total, peak) = peak_heap(async { total_len_iterated() }).await;
    println!("iterator, one at a time:  {total} bytes of records, peak heap {peak} bytes");
    // ANCHOR_END: main
}
