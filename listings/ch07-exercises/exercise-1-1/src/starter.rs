use crate::service::fetch;

/// Fetches the three pages and returns their bodies, in this order.
pub async fn fetch_all() -> [String; 3] {
    let home = fetch("home").await;
    let about = fetch("about").await;
    let blog = fetch("blog").await;
    [home, about, blog]
}
