use std::sync::{Arc, Mutex};
use tokio::time::{Duration, sleep};

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0));

    let task_hits = Arc::clone(&hits);
    let handle = tokio::spawn(async move {
        let mut count = task_hits.lock().unwrap();
        *count += 1;
        sleep(Duration::from_millis(10)).await; // `count` is still held
        println!("task: count is {count}");
    });
    handle.await.unwrap();
}
