use exercise_1_5::worker;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{Instant, sleep, timeout};

/// A queue holding jobs 1 to 5, and the worker's end of it.
async fn queue_of_five() -> (mpsc::Sender<u32>, mpsc::Receiver<u32>) {
    let (queue, jobs) = mpsc::channel(10);
    for job in 1..=5 {
        queue.send(job).await.unwrap();
    }
    (queue, jobs)
}

/// Runs the worker with a shutdown signal sent after `signal_at`. The 10 s
/// timeout only keeps a worker that ignores the signal from waiting forever
/// on a queue that stays open.
async fn run_worker(
    jobs: mpsc::Receiver<u32>,
    signal_at: Duration,
) -> Vec<u32> {
    let (signal, shutdown) = oneshot::channel();
    tokio::spawn(async move {
        sleep(signal_at).await;
        let _ = signal.send(());
    });
    timeout(Duration::from_secs(10), worker(jobs, shutdown))
        .await
        .expect("the worker ignored the signal")
}

#[tokio::test(start_paused = true)]
async fn without_a_signal_it_processes_the_whole_queue() {
    let (queue, jobs) = queue_of_five().await;
    drop(queue);
    let start = Instant::now();
    assert_eq!(
        run_worker(jobs, Duration::from_secs(60)).await,
        [1, 2, 3, 4, 5]
    );
    assert_eq!(start.elapsed(), Duration::from_millis(500));
}

// Job 3 is halfway done when the signal arrives at 250 ms: the worker
// finishes it, at 300 ms, and starts no other. At 300 ms the signal and
// job 4 are both ready, and the signal must win. A worker that lets chance
// decide (a `select!` without `biased;`) would start job 4 about half the
// time, so the scenario runs 20 times: such a worker passes all 20 about
// once in a million.
#[tokio::test(start_paused = true)]
async fn a_signal_lets_the_current_job_finish_then_stops() {
    for run in 1..=20 {
        let (_queue, jobs) = queue_of_five().await;
        let start = Instant::now();
        assert_eq!(
            run_worker(jobs, Duration::from_millis(250)).await,
            [1, 2, 3],
            "run {run}: at 300 ms the signal and job 4 were both ready, \
             and the signal must win"
        );
        assert_eq!(
            start.elapsed(),
            Duration::from_millis(300),
            "run {run}"
        );
    }
}

// One job, then an empty queue that stays open: the worker is waiting for a
// job when the signal arrives.
#[tokio::test(start_paused = true)]
async fn an_idle_worker_stops_at_the_signal() {
    let (queue, jobs) = mpsc::channel(10);
    queue.send(1).await.unwrap();
    let start = Instant::now();
    assert_eq!(run_worker(jobs, Duration::from_millis(250)).await, [1]);
    assert_eq!(start.elapsed(), Duration::from_millis(250));
}
