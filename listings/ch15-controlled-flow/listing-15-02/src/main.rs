use async_stream::try_stream;
use futures::{Stream, StreamExt};
use std::num::ParseIntError;
use std::pin::pin;

// ANCHOR: parse
fn parse_all(lines: &[&str]) -> impl Stream<Item = Result<u32, ParseIntError>> {
    try_stream! {
        for line in lines {
            let n: u32 = line.parse()?; // an error is yielded as Err, and the stream ends
            yield n;
        }
    }
}
// ANCHOR_END: parse

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let mut numbers = pin!(parse_all(&["1", "2", "three", "4"]));
    while let Some(item) = numbers.next().await {
        println!("{item:?}");
    }
    println!("the stream has ended");
    // ANCHOR_END: main
}
