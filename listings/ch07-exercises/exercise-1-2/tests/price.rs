use exercise_1_2::{Exchange, Quote, price};
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn a_fast_answer_is_used() {
    let exchange = Exchange {
        delay: Duration::from_millis(30),
    };
    let start = Instant::now();
    assert_eq!(price(&exchange).await, Quote::Live(105));
    assert_eq!(start.elapsed(), Duration::from_millis(30));
}

#[tokio::test(start_paused = true)]
async fn a_slow_answer_falls_back_to_the_cache_after_50_ms() {
    let exchange = Exchange {
        delay: Duration::from_millis(400),
    };
    let start = Instant::now();
    assert_eq!(price(&exchange).await, Quote::Cached(100));
    assert_eq!(start.elapsed(), Duration::from_millis(50));
}
