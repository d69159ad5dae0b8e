use async_stream::stream;
use futures::{Stream, StreamExt, stream};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: source
fn source(
    name: &'static str,
    every_ms: u64,
    count: u32,
) -> impl Stream<Item = String> {
    stream! {
        for n in 1..=count {
            sleep(Duration::from_millis(every_ms)).await;
            yield format!("{name}{n}");
        }
    }
}
// ANCHOR_END: source

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let fast = source("fast-", 100, 3);
    let slow = source("slow-", 250, 2);
    let mut merged = pin!(stream::select(fast, slow));
    while let Some(item) = merged.next().await {
        vprintln!("{item}");
    }
    vprintln!("both sources ended");
    // ANCHOR_END: main
}
