use std::rc::Rc;
use tokio::time::{Duration, sleep};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let config = Rc::new(String::from("retries=3"));
        let line = format!("task: {config}"); // borrows `config`
        drop(config); // the `Rc` is gone before the await...
        sleep(Duration::from_millis(10)).await; // ...yet rustc points here
        println!("{line}");
    });
    handle.await.unwrap();
}
