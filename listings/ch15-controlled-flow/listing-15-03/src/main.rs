use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: pages
/// Stands in for a file or a connection, to be released whatever happens.
struct Cleanup;

impl Drop for Cleanup {
    fn drop(&mut self) {
        vprintln!("pages: cleanup runs");
    }
}

fn pages() -> impl Stream<Item = u32> {
    stream! {
        let _cleanup = Cleanup;
        for n in 1..=5 {
            vprintln!("pages: fetching {n}");
            sleep(Duration::from_millis(100)).await;
            yield n;
        }
        // Runs only if the consumer reads to the end.
        vprintln!("pages: all fetched");
    }
}
// ANCHOR_END: pages

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    {
        let mut page_stream = pin!(pages());
        while let Some(n) = page_stream.next().await {
            vprintln!("main: got page {n}");
            if n == 2 {
                break;
            }
        }
        vprintln!("main: left the loop");
    } // the stream is dropped here, at the end of its block
    vprintln!("main: stream dropped");
    // ANCHOR_END: main
}
