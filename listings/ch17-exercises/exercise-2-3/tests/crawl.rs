use exercise_2_3::{Server, crawl};
use futures::StreamExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

fn ten_pages() -> Vec<u32> {
    (1..=10).collect()
}

#[tokio::test(start_paused = true)]
async fn fetches_every_page() {
    let mut bodies: Vec<String> =
        crawl(Arc::new(Server::default()), ten_pages(), 4)
            .collect()
            .await;
    bodies.sort_by_key(|body| body[5..].parse::<u32>().unwrap());
    let expected: Vec<String> =
        (1..=10).map(|n| format!("page {n}")).collect();
    assert_eq!(bodies, expected);
}

// With a limit of 4, the peak must be 4: more breaks the limit, fewer
// leaves the server idle.
#[tokio::test(start_paused = true)]
async fn four_requests_in_flight_at_the_peak() {
    let server = Arc::new(Server::default());
    let _: Vec<String> =
        crawl(Arc::clone(&server), ten_pages(), 4).collect().await;
    let peak = server.peak();
    assert_eq!(
        peak, 4,
        "expected exactly 4 in flight at the peak, saw {peak}"
    );
}

// Ten 100 ms fetches, four at a time: rounds of 4, 4 and 2, so 300 ms.
#[tokio::test(start_paused = true)]
async fn ten_pages_four_at_a_time_take_300_ms() {
    let start = Instant::now();
    let _: Vec<String> = crawl(Arc::new(Server::default()), ten_pages(), 4)
        .collect()
        .await;
    assert_eq!(start.elapsed(), Duration::from_millis(300));
}
