use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::sleep;
use vclock::vprintln;

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

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: setup
    let (stop, mut stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        sleep(Duration::from_millis(250)).await;
        vprintln!("shutdown requested");
        let _ = stop.send(());
    });
    // ANCHOR_END: setup

    // ANCHOR: main
    {
        let mut page_stream = pin!(pages());
        loop {
            tokio::select! {
                page = page_stream.next() => {
                    let Some(n) = page else { break };
                    vprintln!("main: got page {n}");
                }
                _ = &mut stopped => {
                    vprintln!("main: stopping");
                    break;
                }
            }
        }
    } // the stream is dropped here, in the middle of fetching page 3
    vprintln!("main: stream dropped");
    // ANCHOR_END: main
}
