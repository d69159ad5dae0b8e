use std::time::Duration;

trait Fetcher {
    async fn fetch(&self) -> String;
}

struct Mirror {
    ms: u64,
}

impl Fetcher for Mirror {
    async fn fetch(&self) -> String {
        tokio::time::sleep(Duration::from_millis(self.ms)).await;
        String::from("data")
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let fetcher: Box<dyn Fetcher> = Box::new(Mirror { ms: 100 });
    println!("{}", fetcher.fetch().await);
}
