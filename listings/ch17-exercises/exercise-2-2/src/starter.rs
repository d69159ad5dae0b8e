use futures::Stream;

/// Yields the items of `source`, in order, while a task of its own
/// already makes the next ones, with at most `capacity` of them waiting
/// in the channel.
pub fn prefetch<S>(
    source: S,
    capacity: usize,
) -> impl Stream<Item = S::Item>
where
    S: Stream + Send + 'static,
    S::Item: Send + 'static,
{
    let _ = capacity; // Not used yet: that is your job.
    source
}
