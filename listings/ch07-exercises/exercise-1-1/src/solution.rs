use crate::service::fetch;

/// Fetches the three pages and returns their bodies, in this order.
pub async fn fetch_all() -> [String; 3] {
    let (home, about, blog) =
        tokio::join!(fetch("home"), fetch("about"), fetch("blog"));
    [home, about, blog]
}
