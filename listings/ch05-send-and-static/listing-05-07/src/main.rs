use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use vclock::vprintln;

// ANCHOR: connection
/// Stands in for a connection that must send a request's two parts without another in between.
struct Connection;

impl Connection {
    async fn send(&mut self, who: &str, part: &str) {
        vprintln!("{who}: sending {part}");
        tokio::time::sleep(Duration::from_millis(100)).await; // the network write
    }
}
// ANCHOR_END: connection

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let connection = Arc::new(Mutex::new(Connection));

    let mut handles = Vec::new();
    for who in ["a", "b"] {
        let connection = Arc::clone(&connection);
        handles.push(tokio::spawn(async move {
            let mut conn = connection.lock().await; // tokio's Mutex: locking is an await
            conn.send(who, "header").await; // the guard is held across these awaits
            conn.send(who, "body").await;
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    vprintln!("main: both requests sent");
    // ANCHOR_END: main
}
