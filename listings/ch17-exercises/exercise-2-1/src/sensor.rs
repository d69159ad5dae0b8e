use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// A stand-in for a slow sensor: each reading takes 100 ms. It counts how
/// often it was read.
#[derive(Default)]
pub struct Sensor {
    reads: AtomicU32,
}

impl Sensor {
    /// Takes one reading: 100 ms, then the value.
    pub async fn read(&self) -> u32 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let n = self.reads.fetch_add(1, Ordering::SeqCst) + 1;
        20 + n
    }

    /// How many readings were taken so far.
    pub fn reads(&self) -> u32 {
        self.reads.load(Ordering::SeqCst)
    }
}
