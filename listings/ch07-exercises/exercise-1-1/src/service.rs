use std::time::Duration;

/// A stand-in for a network call: 100 ms, then the page's body.
pub async fn fetch(page: &str) -> String {
    tokio::time::sleep(Duration::from_millis(100)).await;
    format!("{page}-body")
}
