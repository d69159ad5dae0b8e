use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use vclock::vprintln;

// ANCHOR: trait
trait Fetcher {
    async fn fetch(&self) -> String;
}
// ANCHOR_END: trait

struct Mirror {
    name: &'static str,
    ms: u64,
}

impl Fetcher for Mirror {
    async fn fetch(&self) -> String {
        tokio::time::sleep(Duration::from_millis(self.ms)).await;
        format!("{}-data", self.name)
    }
}

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
    let mirror = Arc::new(Mirror { name: "a", ms: 100 });
    let data = spawn_fetch(mirror).await.unwrap();
    vprintln!("main: got {data}");
}
