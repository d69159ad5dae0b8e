use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use vclock::vprintln;

// ANCHOR: trait
trait Fetcher {
    fn fetch(&self) -> impl Future<Output = String> + Send;
}

struct Mirror {
    name: &'static str,
    ms: u64,
}

// The implementation still writes `async fn`; the compiler checks that
// its future is `Send`, as the trait now promises.
impl Fetcher for Mirror {
    async fn fetch(&self) -> String {
        tokio::time::sleep(Duration::from_millis(self.ms)).await;
        vprintln!("{}: fetched", self.name);
        format!("{}-data", self.name)
    }
}
// ANCHOR_END: trait

// ANCHOR: spawn
fn spawn_fetch<F>(fetcher: Arc<F>) -> JoinHandle<String>
where
    F: Fetcher + Send + Sync + 'static,
{
    tokio::spawn(async move { fetcher.fetch().await })
}
// ANCHOR_END: spawn

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let a = spawn_fetch(Arc::new(Mirror { name: "a", ms: 200 }));
    let b = spawn_fetch(Arc::new(Mirror { name: "b", ms: 100 }));
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    vprintln!("main: got {a} and {b}");
    // ANCHOR_END: main
}
