use std::rc::Rc;
use tokio::time::{Duration, sleep};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let config = Rc::new(String::from("retries=3"));
        sleep(Duration::from_millis(10)).await; // `config` is alive here
        println!("task: {config}");
    });
    handle.await.unwrap();
}
