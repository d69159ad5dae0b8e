use async_stream::try_stream;
use futures::{Stream, StreamExt};
use std::num::ParseIntError;
use std::pin::pin;

// ANCHOR: numbers
/// Parses each line as a number; the first that is not one ends the stream.
fn numbers(
    lines: Vec<&str>,
) -> impl Stream<Item = Result<u32, ParseIntError>> {
    try_stream! {
        for line in lines {
            let n: u32 = line.parse()?;
            yield n;
        }
    }
}
// ANCHOR_END: numbers

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let mut parsed = pin!(numbers(vec!["1", "2", "three", "4"]));
    while let Some(item) = parsed.next().await {
        match item {
            Ok(n) => println!("got {n}"),
            Err(e) => println!("error: {e}"),
        }
    }
    println!("the stream is over");
    println!("asking again: {:?}", parsed.next().await);
    // ANCHOR_END: main
}
