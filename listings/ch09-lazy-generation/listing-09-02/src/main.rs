use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use vclock::vprintln;

// ANCHOR: pages
/// Fetches pages one by one; each stands in for a 100 ms network call.
fn pages(count: u32) -> impl Stream<Item = String> {
    stream! {
        for i in 1..=count {
            vprintln!("  fetching page {i}");
            tokio::time::sleep(Duration::from_millis(100)).await;
            vprintln!("  produced page {i}");
            yield format!("page {i}");
        }
    }
}
// ANCHOR_END: pages

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut pages = pin!(pages(3));
    while let Some(page) = pages.next().await {
        vprintln!("consumed {page}");
    }
    vprintln!("done");
    // ANCHOR_END: main
}
