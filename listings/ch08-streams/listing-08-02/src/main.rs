use async_stream::stream;
use futures::{Stream, StreamExt};
use std::time::Duration;
use vclock::vprintln;

fn countdown() -> impl Stream<Item = u32> {
    stream! {
        for n in (1..=3).rev() {
            tokio::time::sleep(Duration::from_millis(100)).await;
            yield n;
        }
    }
}

async fn print_all(mut numbers: impl Stream<Item = u32>) {
    while let Some(n) = numbers.next().await {
        vprintln!("got {n}");
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    print_all(countdown()).await;
}
