use std::rc::Rc;

trait Fetcher {
    fn fetch(&self) -> impl Future<Output = String> + Send;
}

struct Cached {
    name: &'static str,
}

// ANCHOR: impl
impl Fetcher for Cached {
    async fn fetch(&self) -> String {
        let data = Rc::new(format!("{}-data", self.name));
        std::future::ready(()).await; // `data` is alive here
        data.to_string()
    }
}
// ANCHOR_END: impl

fn main() {
    let _ = Cached { name: "a" }.fetch();
}
