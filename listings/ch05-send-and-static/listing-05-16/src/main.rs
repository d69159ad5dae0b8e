use std::alloc::{GlobalAlloc, Layout, System};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;
use vclock::vprintln;

/// The system allocator, counting how many blocks it was asked for.
struct Counting {
    blocks: AtomicUsize,
}

// `GlobalAlloc` is an unsafe trait; this impl forwards to `System`.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.blocks.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static HEAP: Counting = Counting {
    blocks: AtomicUsize::new(0),
};

// ANCHOR: trait
/// What `#[async_trait]` writes for you: a boxed, `Send` future.
type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

trait Fetcher {
    fn fetch(&self) -> BoxFuture<'_, String>;
}

struct Mirror {
    name: &'static str,
    ms: u64,
}

impl Fetcher for Mirror {
    fn fetch(&self) -> BoxFuture<'_, String> {
        Box::pin(async move {
            tokio::time::sleep(Duration::from_millis(self.ms)).await;
            vprintln!("{}: fetched", self.name);
            format!("{}-data", self.name)
        })
    }
}
// ANCHOR_END: trait

/// Listing 5-12's trait, for comparison.
trait Unboxed {
    fn fetch(&self) -> impl Future<Output = String> + Send;
}

impl Unboxed for Mirror {
    async fn fetch(&self) -> String {
        tokio::time::sleep(Duration::from_millis(self.ms)).await;
        format!("{}-data", self.name)
    }
}

/// How many heap blocks `make` allocates.
fn blocks_allocated_by<T>(make: impl FnOnce() -> T) -> (T, usize) {
    let before = HEAP.blocks.load(Relaxed);
    let made = make();
    (made, HEAP.blocks.load(Relaxed) - before)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    // A boxed future makes the trait dyn compatible: one Vec, two types.
    let fetchers: Vec<Arc<dyn Fetcher + Send + Sync>> = vec![
        Arc::new(Mirror { name: "a", ms: 200 }),
        Arc::new(Mirror { name: "b", ms: 100 }),
    ];
    let mut handles = Vec::new();
    for fetcher in fetchers {
        handles.push(tokio::spawn(async move { fetcher.fetch().await }));
    }
    for handle in handles {
        let data = handle.await.unwrap();
        vprintln!("main: got {data}");
    }

    let mirror = Mirror { name: "c", ms: 100 };
    let (boxed, blocks) = blocks_allocated_by(|| Fetcher::fetch(&mirror));
    vprintln!("main: the boxed call made {blocks} heap allocation(s)");
    boxed.await;
    let (unboxed, blocks) = blocks_allocated_by(|| Unboxed::fetch(&mirror));
    vprintln!("main: the unboxed call made {blocks} heap allocation(s)");
    unboxed.await;
    // ANCHOR_END: main
}
