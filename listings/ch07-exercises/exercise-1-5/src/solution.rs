use crate::process;
use tokio::sync::{mpsc, oneshot};

/// Processes jobs from the queue, one at a time, until the queue is closed
/// and empty or the shutdown signal arrives. A job already started is
/// finished first. Returns the finished jobs.
pub async fn worker(
    mut jobs: mpsc::Receiver<u32>,
    mut shutdown: oneshot::Receiver<()>,
) -> Vec<u32> {
    let mut finished = Vec::new();
    loop {
        // The select! only waits for the next job; the job itself runs
        // outside it, so the signal cannot cancel it halfway.
        let job = tokio::select! {
            // Look at the signal first: a waiting job never wins over it.
            biased;
            _ = &mut shutdown => break,
            job = jobs.recv() => job,
        };
        match job {
            Some(job) => finished.push(process(job).await),
            None => break,
        }
    }
    finished
}
