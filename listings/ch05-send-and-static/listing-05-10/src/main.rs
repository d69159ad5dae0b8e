use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use vclock::vprintln;

// ANCHOR: main
#[tokio::main(flavor = "local", start_paused = true)]
async fn main() {
    vclock::start();
    // Neither Rc nor RefCell is Send.
    let log = Rc::new(RefCell::new(Vec::new()));

    let mut handles = Vec::new();
    for (name, delay) in [("a", 200), ("b", 100)] {
        let log = Rc::clone(&log);
        // No LocalSet: on a local runtime, `spawn_local` works anywhere.
        handles.push(tokio::task::spawn_local(async move {
            tokio::time::sleep(Duration::from_millis(delay)).await;
            log.borrow_mut().push(name);
            vprintln!("{name}: logged");
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    vprintln!("main: log is {:?}", log.borrow());
}
// ANCHOR_END: main
