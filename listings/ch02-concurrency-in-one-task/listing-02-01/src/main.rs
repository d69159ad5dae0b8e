use std::time::Duration;
use vclock::vprintln;

// ANCHOR: fetch
/// How many tasks the runtime is running now, not counting `main` itself.
fn tasks_alive() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

async fn fetch(name: &str, ms: u64) -> String {
    vprintln!("{name}: start (tasks alive: {})", tasks_alive());
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
    format!("{name}-data")
}
// ANCHOR_END: fetch

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let (a, b, c) =
        tokio::join!(fetch("a", 300), fetch("b", 200), fetch("c", 100));
    vprintln!("join! gave {a}, {b}, {c}");

    let handle = tokio::spawn(fetch("d", 100));
    vprintln!("after one tokio::spawn (tasks alive: {})", tasks_alive());
    let d = handle.await.unwrap();
    vprintln!("the task gave {d}");
    // ANCHOR_END: main
}
