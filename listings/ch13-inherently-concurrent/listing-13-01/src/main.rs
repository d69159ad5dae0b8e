use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: generator
/// Fetches three items, `ms` milliseconds each.
fn numbers(name: &'static str, ms: u64) -> impl Stream<Item = String> {
    stream! {
        for n in 1..=3 {
            vprintln!("{name}: fetching {n}");
            sleep(Duration::from_millis(ms)).await;
            yield format!("{name}{n}");
        }
    }
}

async fn print_all(items: impl Stream<Item = String>) {
    let mut items = pin!(items);
    while let Some(item) = items.next().await {
        vprintln!("got {item}");
    }
}
// ANCHOR_END: generator

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let a = numbers("a", 100);
    let b = numbers("b", 120);
    print_all(a).await;
    print_all(b).await;
    vprintln!("both done");
    // ANCHOR_END: main
}
