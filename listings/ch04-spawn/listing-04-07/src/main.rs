use std::time::Duration;
use vclock::vprintln;

async fn load_row(id: usize) -> u32 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    let rows = [10, 20, 30];
    *rows.get(id).expect("no such row") // panics for id 7
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let faulty = tokio::spawn(load_row(7));

    let row = faulty.await.unwrap(); // the JoinError becomes a panic here
    vprintln!("main: got row {row}");
    // ANCHOR_END: main
}
