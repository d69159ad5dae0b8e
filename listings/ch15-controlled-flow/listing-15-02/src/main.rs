use async_stream::try_stream;
use futures::{Stream, TryStreamExt};
use std::num::ParseIntError;
use std::pin::pin;

fn parse_all(
    lines: &[&str],
) -> impl Stream<Item = Result<u32, ParseIntError>> {
    try_stream! {
        for line in lines {
            // An error is yielded as Err, and the stream ends.
            let n: u32 = line.parse()?;
            yield n;
        }
    }
}

// ANCHOR: sum
/// Adds up the numbers. The first bad line ends the sum, and its error
/// becomes the result.
async fn sum(lines: &[&str]) -> Result<u32, ParseIntError> {
    let mut parsed = pin!(parse_all(lines));
    let mut total = 0;
    while let Some(n) = parsed.try_next().await? {
        total += n;
    }
    Ok(total)
}
// ANCHOR_END: sum

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    println!("{:?}", sum(&["1", "2", "3"]).await);
    println!("{:?}", sum(&["1", "2", "three", "4"]).await);
    // ANCHOR_END: main
}
