use futures::{Stream, StreamExt};
use std::time::Duration;

/// The items of both streams, each as soon as it is ready, until `deadline`
/// has passed since the call; then the stream ends.
pub fn merged_until<A, B>(
    a: A,
    b: B,
    deadline: Duration,
) -> impl Stream<Item = String>
where
    A: Stream<Item = String>,
    B: Stream<Item = String>,
{
    let _ = deadline; // Not used yet: that is your job.
    a.chain(b)
}
