use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A stand-in for a backend that must not get more than a few requests at
/// once. It counts the requests in flight and remembers the highest count
/// it saw.
#[derive(Default)]
pub struct Backend {
    in_flight: AtomicUsize,
    peak: AtomicUsize,
}

impl Backend {
    /// Resizes one image: 100 ms, then its new size.
    pub async fn resize(&self, image: u32) -> u32 {
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(100)).await;
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        image / 2
    }

    /// The most requests that were ever in flight at the same time.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}
