use exercise_1_3::{Backend, resize_all};
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

const IMAGES: [u32; 7] = [800, 640, 1024, 300, 512, 2048, 96];

#[tokio::test(start_paused = true)]
async fn resizes_every_image() {
    let mut sizes =
        resize_all(Arc::new(Backend::default()), IMAGES.to_vec(), 3).await;
    sizes.sort_unstable();
    assert_eq!(sizes, [48, 150, 256, 320, 400, 512, 1024]);
}

// With a limit of 3, the peak must be 3: more breaks the limit, fewer
// leaves the backend idle.
#[tokio::test(start_paused = true)]
async fn three_requests_in_flight_at_the_peak() {
    let backend = Arc::new(Backend::default());
    resize_all(Arc::clone(&backend), IMAGES.to_vec(), 3).await;
    let peak = backend.peak();
    assert_eq!(
        peak, 3,
        "expected exactly 3 in flight at the peak, saw {peak}"
    );
}

// Seven 100 ms jobs, three at a time: three rounds, 300 ms.
#[tokio::test(start_paused = true)]
async fn seven_jobs_three_at_a_time_take_300_ms() {
    let start = Instant::now();
    resize_all(Arc::new(Backend::default()), IMAGES.to_vec(), 3).await;
    assert_eq!(start.elapsed(), Duration::from_millis(300));
}
