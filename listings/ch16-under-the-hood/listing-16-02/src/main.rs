use futures::{Stream, StreamExt, stream};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: ticks
fn ticks(count: u32) -> impl Stream<Item = u32> {
    // The state is the number of the next tick; each step returns an item
    // and the next state.
    stream::unfold(1, move |n| async move {
        if n > count {
            return None;
        }
        sleep(Duration::from_millis(100)).await;
        Some((n, n + 1))
    })
}
// ANCHOR_END: ticks

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut ticks = pin!(ticks(3));
    while let Some(n) = ticks.next().await {
        vprintln!("got tick {n}");
        // The consumer takes 50 ms per item.
        sleep(Duration::from_millis(50)).await;
    }
    vprintln!("no more ticks");
    // ANCHOR_END: main
}
