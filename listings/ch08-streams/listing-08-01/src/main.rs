use futures::{Stream, StreamExt};
use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: countdown
/// Yields `next`, `next - 1`, ..., 1, then ends.
struct Countdown {
    next: u32,
}

impl Stream for Countdown {
    type Item = u32;

    fn poll_next(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<u32>> {
        if self.next == 0 {
            return Poll::Ready(None); // no more items: the stream is over
        }
        let item = self.next;
        self.next -= 1;
        Poll::Ready(Some(item)) // an item, ready now
    }
}
// ANCHOR_END: countdown

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let mut countdown = Countdown { next: 3 };
    while let Some(n) = countdown.next().await {
        println!("got {n}");
    }
    println!("the stream is over");
    // ANCHOR_END: main
}
