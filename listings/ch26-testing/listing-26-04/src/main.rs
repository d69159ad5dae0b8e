use std::future::Future;
use tokio::runtime::Builder;
use tokio::sync::oneshot;

// ANCHOR: bodies
// The body of `#[tokio::test] async fn forgets_the_handle()`.
async fn forgets_the_handle() {
    let (ended_tx, ended_rx) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ended = ended_tx; // dropped when the task ends, panic or not
        panic!("the spawned task failed");
    });
    // Err once the task has dropped the sender: the task has ended.
    let _ = ended_rx.await;
    println!("  body: the task has ended; returning");
}

// The body of `#[tokio::test] async fn awaits_the_handle()`.
async fn awaits_the_handle() {
    let task = tokio::spawn(async {
        panic!("the spawned task failed");
    });
    task.await.unwrap(); // a JoinError from the panic: panics here
    println!("  body: returning");
}
// ANCHOR_END: bodies

// ANCHOR: runner
/// Runs `body` as `cargo test` runs a `#[tokio::test]`: on a thread named
/// after the test, a new current-thread runtime blocks on the future that
/// `body` makes (what the attribute expands to), and the test fails if that
/// thread panics.
fn run_as_tokio_test<B, F>(name: &str, body: B)
where
    B: FnOnce() -> F + Send + 'static,
    F: Future<Output = ()>,
{
    println!("test {name}:");
    let test_thread = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("Failed building the Runtime")
                .block_on(body())
        })
        .unwrap();
    let verdict = match test_thread.join() {
        Ok(()) => "ok",
        Err(_panic) => "FAILED",
    };
    println!("test {name} ... {verdict}");
}
// ANCHOR_END: runner

fn main() {
    run_as_tokio_test("forgets_the_handle", forgets_the_handle);
    run_as_tokio_test("awaits_the_handle", awaits_the_handle);
}
