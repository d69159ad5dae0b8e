use std::time::Duration;
use vclock::vprintln;

async fn fetch(name: &str, ms: u64) -> String {
    vprintln!("{name}: start");
    tokio::time::sleep(Duration::from_millis(ms)).await; // stands in for a network call
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

    let a: String = a.await.unwrap(); // the await gives Result<String, JoinError>
    vprintln!("main: a returned {a}");
    let b: String = b.await.unwrap();
    vprintln!("main: b returned {b}");
    // ANCHOR_END: main
}
