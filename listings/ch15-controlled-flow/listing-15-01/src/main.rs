use async_stream::stream;
use futures::{Stream, StreamExt, future};
use std::cell::Cell;
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: source
/// The numbers 1 to 20, noting in `last` the highest one it was asked for.
fn numbers(last: &Cell<u32>) -> impl Stream<Item = u32> {
    stream! {
        for n in 1..=20 {
            last.set(n);
            yield n;
        }
    }
}
// ANCHOR_END: source

async fn label(n: u32) -> String {
    sleep(Duration::from_millis(10)).await; // an async step, say a lookup
    format!("#{n}")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: main
    let last = Cell::new(0);
    let batches: Vec<Vec<String>> = numbers(&last)
        .filter(|n| future::ready(n % 3 == 0))
        .map(|n| n * 10)
        .then(label)
        .chunks(2)
        .take(2)
        .collect()
        .await;
    println!("{batches:?}");
    println!("the source was asked for numbers up to {}", last.get());
    // ANCHOR_END: main
}
