use std::time::Duration;
use vclock::vprintln;

async fn fetch(name: &str, ms: u64) -> String {
    vprintln!("{name}: start");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
    format!("{name}-data")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let jobs = [("a", 300), ("b", 100), ("c", 200)];
    let futures: Vec<_> =
        jobs.iter().map(|&(name, ms)| fetch(name, ms)).collect();

    let results = futures::future::join_all(futures).await;
    vprintln!("join_all gave {results:?}");
    // ANCHOR_END: main
}
