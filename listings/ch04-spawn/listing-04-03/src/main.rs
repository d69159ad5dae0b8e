use std::time::Duration;
use vclock::vprintln;

async fn fetch(name: &str, ms: u64) -> String {
    vprintln!("{name}: start");
    // Stands in for a network call.
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
    format!("{name}-data")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let a = tokio::spawn(fetch("a", 300));
    let b = tokio::spawn(fetch("b", 200));
    vprintln!("main: spawned a and b");

    // The await gives Result<String, JoinError>.
    let a: String = a.await.unwrap();
    vprintln!("main: a returned {a}");
    let b: String = b.await.unwrap();
    vprintln!("main: b returned {b}");
    // ANCHOR_END: main
}
