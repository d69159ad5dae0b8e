use futures::{StreamExt, TryStreamExt, stream};
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: job
/// Prints when a job is dropped before it finished.
struct Unfinished(u32);

impl Drop for Unfinished {
    fn drop(&mut self) {
        vprintln!("job {}: dropped before it finished", self.0);
    }
}

async fn job(id: u32, ms: u64, fails: bool) -> Result<(), String> {
    vprintln!("job {id}: start");
    let unfinished = Unfinished(id);
    sleep(Duration::from_millis(ms)).await;
    std::mem::forget(unfinished);
    if fails {
        vprintln!("job {id}: failed");
        return Err(format!("job {id} failed"));
    }
    vprintln!("job {id}: done");
    Ok(())
}

/// (id, ms, fails): job 3 fails after 150 ms.
const JOBS: [(u32, u64, bool); 5] = [
    (1, 500, false),
    (2, 100, false),
    (3, 150, true),
    (4, 100, false),
    (5, 100, false),
];
// ANCHOR_END: job

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let result = stream::iter(JOBS)
        .inspect(|(id, _, _)| vprintln!("source: job {id} pulled"))
        .map(Ok)
        .try_for_each_concurrent(2, |(id, ms, fails)| job(id, ms, fails))
        .await;
    vprintln!("main: {result:?}");
    // ANCHOR_END: main
}
