use exercise_1_1::fetch_all;
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn returns_the_bodies_in_order() {
    assert_eq!(fetch_all().await, ["home-body", "about-body", "blog-body"]);
}

// On the paused clock virtual time is exact, so "as long as one fetch" is
// exactly 100 ms.
#[tokio::test(start_paused = true)]
async fn takes_as_long_as_one_fetch() {
    let start = Instant::now();
    fetch_all().await;
    assert_eq!(start.elapsed(), Duration::from_millis(100));
}
