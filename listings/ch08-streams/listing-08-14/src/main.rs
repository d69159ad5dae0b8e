use std::async_iter::AsyncIterator;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Like Listing 8-1's countdown, implementing std's trait, not `Stream`.
struct Countdown {
    remaining: u32,
}

impl AsyncIterator for Countdown {
    type Item = u32;

    fn poll_next(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<u32>> {
        if self.remaining == 0 {
            return Poll::Ready(None);
        }
        self.remaining -= 1;
        Poll::Ready(Some(self.remaining + 1))
    }
}

fn main() {
    let countdown = Countdown { remaining: 3 };
    drop(countdown);
}
