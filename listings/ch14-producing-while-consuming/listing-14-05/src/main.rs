use futures::{StreamExt, stream};
use std::cell::Cell;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

/// Counts the fetches that have started and not yet finished, and remembers
/// the most at once.
#[derive(Default)]
struct InFlight {
    now: Cell<usize>,
    peak: Cell<usize>,
}

impl InFlight {
    fn enter(&self) -> usize {
        let now = self.now.get() + 1;
        self.now.set(now);
        self.peak.set(self.peak.get().max(now));
        now
    }

    fn leave(&self) {
        self.now.set(self.now.get() - 1);
    }
}

async fn fetch(id: u32, ms: u64, in_flight: &InFlight) -> u32 {
    let now = in_flight.enter();
    vprintln!("fetch {id}: start ({now} in flight)");
    sleep(Duration::from_millis(ms)).await;
    in_flight.leave();
    vprintln!("fetch {id}: done");
    id
}

const JOBS: [(u32, u64); 6] =
    [(1, 300), (2, 100), (3, 250), (4, 100), (5, 300), (6, 150)];

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let in_flight = InFlight::default();
    let mut results = stream::iter(JOBS)
        .map(|(id, ms)| fetch(id, ms, &in_flight))
        .buffer_unordered(3);
    while let Some(id) = results.next().await {
        vprintln!("main: got {id}");
    }
    vprintln!("main: at most {} in flight", in_flight.peak.get());
    // ANCHOR_END: main
}
