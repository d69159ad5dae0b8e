use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use vclock::vprintln;

// ANCHOR: countdown
fn countdown() -> impl Stream<Item = u32> {
    stream! {
        for n in (1..=3).rev() {
            tokio::time::sleep(Duration::from_millis(100)).await;
            yield n;
        }
    }
}
// ANCHOR_END: countdown

// ANCHOR: print_all
async fn print_all(numbers: impl Stream<Item = u32>) {
    // Pinned where it stands, in this function's state.
    let mut numbers = pin!(numbers);
    while let Some(n) = numbers.next().await {
        vprintln!("got {n}");
    }
    vprintln!("the stream is over");
}
// ANCHOR_END: print_all

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    print_all(countdown()).await;
}
