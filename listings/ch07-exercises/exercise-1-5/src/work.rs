use std::time::Duration;

/// Processes one job: 100 ms, then its id. Stopping it halfway would lose
/// the work done so far.
pub async fn process(job: u32) -> u32 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    job
}
