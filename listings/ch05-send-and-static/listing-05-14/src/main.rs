use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use vclock::vprintln;

// ANCHOR: trait
#[trait_variant::make(Fetcher: Send)]
trait LocalFetcher {
    async fn fetch(&self) -> String;
}

struct Mirror {
    name: &'static str,
    ms: u64,
}

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
    F: Fetcher + Sync + 'static,
{
    tokio::spawn(async move { fetcher.fetch().await })
}

/// Generic code that never spawns can ask for the local trait, which
/// every `Fetcher` also implements.
async fn fetch_here<F: LocalFetcher>(fetcher: &F) -> String {
    fetcher.fetch().await
}
// ANCHOR_END: spawn

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let a = spawn_fetch(Arc::new(Mirror { name: "a", ms: 200 }));
    let b = fetch_here(&Mirror { name: "b", ms: 100 }).await;
    let a = a.await.unwrap();
    vprintln!("main: got {a} and {b}");
    // ANCHOR_END: main
}
