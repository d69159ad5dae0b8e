use futures::{Stream, StreamExt};
use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::time::{Sleep, sleep};
use vclock::vprintln;

// ANCHOR: ticks
struct Ticks {
    next: u32,
    count: u32,
    /// The sleep for the tick in progress, if one has been asked for.
    timer: Option<Pin<Box<Sleep>>>,
}

impl Stream for Ticks {
    type Item = u32;

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<u32>> {
        if self.next > self.count {
            return Poll::Ready(None);
        }
        let timer = self.timer.get_or_insert_with(|| {
            Box::pin(sleep(Duration::from_millis(100)))
        });
        // Pending: the Sleep has stored cx's waker and will wake this task
        // when it is due.
        ready!(timer.as_mut().poll(cx));
        self.timer = None;
        let n = self.next;
        self.next += 1;
        Poll::Ready(Some(n))
    }
}

fn ticks(count: u32) -> Ticks {
    Ticks {
        next: 1,
        count,
        timer: None,
    }
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
