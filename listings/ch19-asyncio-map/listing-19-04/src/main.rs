use std::rc::Rc;
use std::time::Duration;

#[tokio::main(flavor = "current_thread")] // one thread, and still `spawn` demands `Send`
async fn main() {
    let handle = tokio::spawn(async {
        let config = Rc::new(String::from("retries=3"));
        tokio::time::sleep(Duration::from_millis(10)).await; // `config` is still alive here
        println!("task: {config}");
    });
    handle.await.unwrap();
}
