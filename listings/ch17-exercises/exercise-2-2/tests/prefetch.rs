use async_stream::stream;
use exercise_2_2::prefetch;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// `count` items, each taking 100 ms to make; `made` counts those made.
fn slow_source(
    count: u32,
    made: Arc<AtomicU32>,
) -> impl Stream<Item = u32> {
    stream! {
        for n in 1..=count {
            sleep(Duration::from_millis(100)).await;
            made.fetch_add(1, Ordering::SeqCst);
            yield n;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn yields_every_item_in_order() {
    let all: Vec<u32> =
        prefetch(slow_source(5, Arc::default()), 1).collect().await;
    assert_eq!(all, [1, 2, 3, 4, 5]);
}

// Making and using one item takes 100 ms each. One after the other, five
// items take 1000 ms; overlapped, 100 ms for the first item, then five
// 100 ms steps of using them.
#[tokio::test(start_paused = true)]
async fn five_items_made_and_used_take_600_ms() {
    let start = Instant::now();
    let mut items = pin!(prefetch(slow_source(5, Arc::default()), 1));
    while let Some(_item) = items.next().await {
        sleep(Duration::from_millis(100)).await; // using the item
    }
    assert_eq!(start.elapsed(), Duration::from_millis(600));
}

// The consumer takes item 1 and keeps using it for 10 s, long enough to
// make all ten items. With a capacity of 2, at most four are made by then:
// item 1, being used; two waiting in the channel; and one more in the
// producer's hands, waiting for room in the channel.
#[tokio::test(start_paused = true)]
async fn a_slow_consumer_holds_the_source_back() {
    let made = Arc::new(AtomicU32::new(0));
    let mut items = pin!(prefetch(slow_source(10, Arc::clone(&made)), 2));
    assert_eq!(items.next().await, Some(1));
    sleep(Duration::from_secs(10)).await; // using item 1
    let made = made.load(Ordering::SeqCst);
    assert!(
        made <= 4,
        "{made} of 10 items were made while the consumer used item 1; \
         with a capacity of 2, expected at most 4 (1 in use, 2 in the \
         channel, 1 waiting to go in)"
    );
}
