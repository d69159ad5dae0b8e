use crate::Server;
use futures::{Stream, StreamExt, stream};
use std::sync::Arc;

/// The bodies of `pages`, in any order, with at most `limit` requests to
/// the server at once.
pub fn crawl(
    server: Arc<Server>,
    pages: Vec<u32>,
    limit: usize,
) -> impl Stream<Item = String> {
    stream::iter(pages)
        .map(move |page| {
            let server = Arc::clone(&server);
            async move { server.fetch(page).await }
        })
        .buffer_unordered(limit)
}
