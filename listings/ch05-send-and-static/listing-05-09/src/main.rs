use std::rc::Rc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let config = Rc::new(String::from("retries=3"));
        let line = format!("task: {config}"); // borrows `config`
        drop(config); // the `Rc` is gone before the await...
        tokio::time::sleep(Duration::from_millis(10)).await; // ...yet the error points here
        println!("{line}");
    });
    handle.await.unwrap();
}
