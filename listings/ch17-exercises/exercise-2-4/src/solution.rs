use futures::{Stream, StreamExt, stream};
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
    // The sleep is created here, so the deadline counts from the call, not
    // from the first poll.
    stream::select(a, b).take_until(tokio::time::sleep(deadline))
}
