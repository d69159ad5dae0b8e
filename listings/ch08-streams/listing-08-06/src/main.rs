use futures::stream::{self, FusedStream, Stream, StreamExt};
use std::pin::{Pin, pin};
use std::task::{Context, Poll};

// ANCHOR: restarts
/// Counts down from `start`, answers `Ready(None)`, and if it is asked
/// again, starts over. The `Stream` trait allows that: it places no
/// requirements on polls after the end.
struct Restarts {
    start: u32,
    next: u32,
}

impl Stream for Restarts {
    type Item = u32;

    fn poll_next(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<u32>> {
        if self.next == 0 {
            // The next poll, after the end, begins again.
            self.next = self.start;
            return Poll::Ready(None);
        }
        let item = self.next;
        self.next -= 1;
        Poll::Ready(Some(item))
    }
}
// ANCHOR_END: restarts

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let mut plain = Restarts { start: 2, next: 2 };
    for _ in 0..4 {
        println!("plain: {:?}", plain.next().await);
    }

    let mut fused = Restarts { start: 2, next: 2 }.fuse();
    for _ in 0..4 {
        let item = fused.next().await;
        println!(
            "fused: {item:?}, is_terminated: {}",
            fused.is_terminated()
        );
    }

    // unfold's stream is a FusedStream too, yet it does not allow a poll
    // after its end.
    let mut unfolded = pin!(stream::unfold(2, |n| async move {
        if n == 0 { None } else { Some((n, n - 1)) }
    }));
    for _ in 0..4 {
        let item = unfolded.next().await;
        println!(
            "unfold: {item:?}, is_terminated: {}",
            unfolded.is_terminated()
        );
    }
    // ANCHOR_END: main
}
