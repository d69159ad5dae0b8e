use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use tokio::sync::mpsc;

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
    let (sender, mut receiver) = mpsc::channel(capacity);
    tokio::spawn(async move {
        let mut source = pin!(source);
        while let Some(item) = source.next().await {
            // `send` waits while the channel is full; it fails once the
            // consumer is gone.
            if sender.send(item).await.is_err() {
                break;
            }
        }
    });
    stream! {
        while let Some(item) = receiver.recv().await {
            yield item;
        }
    }
}
