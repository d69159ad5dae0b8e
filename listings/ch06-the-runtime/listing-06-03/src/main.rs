use tokio::runtime::{Builder, Runtime};

fn thread_name() -> String {
    std::thread::current()
        .name()
        .unwrap_or("(no name)")
        .to_owned()
}

// ANCHOR: main
fn where_code_runs(runtime: Runtime) {
    runtime.block_on(async {
        println!(
            "  the future given to block_on runs on: {}",
            thread_name()
        );
        let name = tokio::spawn(async { thread_name() }).await.unwrap();
        println!("  a spawned task runs on:                {name}");
    });
}

fn main() {
    println!("current-thread runtime:");
    where_code_runs(
        Builder::new_current_thread().enable_all().build().unwrap(),
    );

    println!("multi-thread runtime with 2 worker threads:");
    where_code_runs(
        Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap(),
    );
}
// ANCHOR_END: main
