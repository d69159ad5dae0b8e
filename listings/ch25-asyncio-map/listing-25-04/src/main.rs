use std::rc::Rc;
use tokio::time::{Duration, sleep};

// One thread, and still `spawn` demands `Send`.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handle = tokio::spawn(async {
        let config = Rc::new(String::from("retries=3"));
        sleep(Duration::from_millis(10)).await; // `config` is alive here
        println!("task: {config}");
    });
    handle.await.unwrap();
}
