use std::time::Duration;

/// How long answering one request takes.
pub const WORK: Duration = Duration::from_millis(200);

/// Answers one request: 200 ms of work, then `done: <request>`.
pub async fn answer(request: &str) -> String {
    tokio::time::sleep(WORK).await;
    format!("done: {request}")
}
