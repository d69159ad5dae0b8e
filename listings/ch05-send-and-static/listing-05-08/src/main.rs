use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use tokio::task::LocalSet;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    // Neither Rc nor RefCell is Send.
    let log = Rc::new(RefCell::new(Vec::new()));

    let local = LocalSet::new();
    local
        .run_until(async {
            let mut handles = Vec::new();
            for (name, delay) in [("a", 200), ("b", 100)] {
                let log = Rc::clone(&log);
                handles.push(tokio::task::spawn_local(async move {
                    tokio::time::sleep(Duration::from_millis(delay)).await;
                    // Borrowed and released between awaits.
                    log.borrow_mut().push(name);
                    vprintln!("{name}: logged");
                }));
            }
            for handle in handles {
                handle.await.unwrap();
            }
        })
        .await;

    vprintln!("main: log is {:?}", log.borrow());
    // ANCHOR_END: main
}
