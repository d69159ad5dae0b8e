use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0));

    let task_hits = Arc::clone(&hits);
    let handle = tokio::spawn(async move {
        let mut count = task_hits.lock().unwrap();
        *count += 1;
        tokio::time::sleep(Duration::from_millis(10)).await; // the guard `count` is still alive
        println!("task: count is {count}");
    });
    handle.await.unwrap();
}
