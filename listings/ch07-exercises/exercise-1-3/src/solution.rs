use crate::Backend;
use std::sync::Arc;
use tokio::task::JoinSet;

/// Resizes every image, with at most `limit` requests to the backend at
/// once, and returns the new sizes in any order.
pub async fn resize_all(
    backend: Arc<Backend>,
    images: Vec<u32>,
    limit: usize,
) -> Vec<u32> {
    let mut running = JoinSet::new();
    let mut sizes = Vec::new();
    for image in images {
        // A full set: wait for one task to finish before starting the next.
        if running.len() == limit {
            let size =
                running.join_next().await.expect("the set is not empty");
            sizes.push(size.expect("a resize task panicked"));
        }
        let backend = Arc::clone(&backend);
        running.spawn(async move { backend.resize(image).await });
    }
    while let Some(size) = running.join_next().await {
        sizes.push(size.expect("a resize task panicked"));
    }
    sizes
}
