use async_stream::stream;
use exercise_2_2::prefetch;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// Five items, each taking 100 ms to make.
fn slow_source() -> impl Stream<Item = u32> {
    stream! {
        for n in 1..=5 {
            sleep(Duration::from_millis(100)).await;
            yield n;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn yields_every_item_in_order() {
    let all: Vec<u32> = prefetch(slow_source(), 1).collect().await;
    assert_eq!(all, [1, 2, 3, 4, 5]);
}

// Making and using one item takes 100 ms each. One after the other, five items take 1000 ms;
// overlapped, 100 ms for the first item, then five 100 ms steps of using them.
#[tokio::test(start_paused = true)]
async fn five_items_made_and_used_take_600_ms() {
    let start = Instant::now();
    let mut items = pin!(prefetch(slow_source(), 1));
    while let Some(_item) = items.next().await {
        sleep(Duration::from_millis(100)).await; // using the item
    }
    assert_eq!(start.elapsed(), Duration::from_millis(600));
}
