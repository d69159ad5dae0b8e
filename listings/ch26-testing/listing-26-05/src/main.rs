use std::future::Future;
use tokio::runtime::Builder;

// ANCHOR: body
// The body of a test of code that calls `block_in_place`.
async fn sums_in_place() {
    let sum = tokio::task::block_in_place(|| (1..=100u32).sum::<u32>());
    assert_eq!(sum, 5050);
    let worker = tokio::spawn(async {
        std::thread::current().name().unwrap_or("(none)").to_owned()
    });
    let worker = worker.await.unwrap();
    println!("  body: sum {sum}; a spawned task ran on thread {worker}");
}
// ANCHOR_END: body

/// Runs `body` as `cargo test` runs a `#[tokio::test]` whose attribute
/// gave this runtime: on a thread named after the test, blocking on the
/// body; the test fails if that thread panics.
fn run_as_tokio_test<B, F>(name: &str, mut runtime: Builder, body: B)
where
    B: FnOnce() -> F + Send + 'static,
    F: Future<Output = ()>,
{
    println!("test {name}:");
    let test_thread = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            runtime
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

// ANCHOR: main
fn main() {
    // #[tokio::test]
    run_as_tokio_test(
        "current_thread",
        Builder::new_current_thread(),
        sums_in_place,
    );
    // #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    let mut multi_thread = Builder::new_multi_thread();
    multi_thread.worker_threads(2);
    run_as_tokio_test("multi_thread", multi_thread, sums_in_place);
}
// ANCHOR_END: main
