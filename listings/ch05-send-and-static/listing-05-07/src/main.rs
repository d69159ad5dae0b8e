use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use vclock::vprintln;

// ANCHOR: connection
/// Stands in for a connection that must send a request's two parts without
/// another in between.
struct Connection;

impl Connection {
    async fn send(&mut self, who: &str, part: &str) {
        vprintln!("{who}: sending {part}");
        // The network write.
        tokio::time::sleep(Duration::from_millis(100)).await;
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
            // tokio's Mutex: locking is an await.
            let mut conn = connection.lock().await;
            // The guard is held across these awaits.
            conn.send(who, "header").await;
            conn.send(who, "body").await;
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    vprintln!("main: both requests sent");
    // ANCHOR_END: main
}
