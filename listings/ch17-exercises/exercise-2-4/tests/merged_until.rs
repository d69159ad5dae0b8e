use exercise_2_4::{door, merged_until, temperatures};
use futures::StreamExt;
use std::pin::pin;
use std::time::Duration;
use tokio::time::Instant;

// Readings are due at 300, 600, 900 and 1200 ms, door events at 500, 1000
// and 1500 ms.
#[tokio::test(start_paused = true)]
async fn items_come_in_time_order_until_the_deadline() {
    let start = Instant::now();
    let mut merged = pin!(merged_until(
        temperatures(),
        door(),
        Duration::from_millis(1100)
    ));
    let mut seen = Vec::new();
    while let Some(item) = merged.next().await {
        seen.push(format!("{} ms: {item}", start.elapsed().as_millis()));
    }
    assert_eq!(
        seen,
        [
            "300 ms: 19 C",
            "500 ms: door opened",
            "600 ms: 20 C",
            "900 ms: 21 C",
            "1000 ms: door closed",
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn ends_at_the_deadline() {
    let start = Instant::now();
    let merged =
        merged_until(temperatures(), door(), Duration::from_millis(1100));
    let _: Vec<String> = merged.collect().await;
    assert_eq!(start.elapsed(), Duration::from_millis(1100));
}

#[tokio::test(start_paused = true)]
async fn ends_early_when_both_sources_do() {
    let start = Instant::now();
    let merged =
        merged_until(temperatures(), door(), Duration::from_secs(60));
    let all: Vec<String> = merged.collect().await;
    assert_eq!(all.len(), 7);
    assert_eq!(start.elapsed(), Duration::from_millis(1500));
}
