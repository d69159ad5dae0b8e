use crate::process;
use tokio::sync::{mpsc, oneshot};

/// Processes jobs from the queue, one at a time, until the queue is closed
/// and empty or the shutdown signal arrives. A job already started is
/// finished first. Returns the finished jobs.
pub async fn worker(
    mut jobs: mpsc::Receiver<u32>,
    _shutdown: oneshot::Receiver<()>,
) -> Vec<u32> {
    let mut finished = Vec::new();
    while let Some(job) = jobs.recv().await {
        finished.push(process(job).await);
    }
    finished
}
