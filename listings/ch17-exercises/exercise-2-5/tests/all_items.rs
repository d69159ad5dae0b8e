use exercise_2_5::{Api, ApiError, all_items};
use futures::StreamExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn yields_every_item_of_three_pages_in_300_ms() {
    let start = Instant::now();
    let items: Vec<_> =
        all_items(Arc::new(Api::new(3, None))).collect().await;
    let expected = ["0.0", "0.1", "1.0", "1.1", "2.0", "2.1"]
        .map(|n| Ok(format!("item {n}")));
    assert_eq!(items, expected);
    assert_eq!(start.elapsed(), Duration::from_millis(300));
}

// Two items, two per page: page 0 has them both; page 1 is not needed.
#[tokio::test(start_paused = true)]
async fn taking_two_items_requests_one_page() {
    let api = Arc::new(Api::new(3, None));
    let items: Vec<_> = all_items(Arc::clone(&api)).take(2).collect().await;
    assert_eq!(items.len(), 2);
    assert_eq!(api.requests(), 1);
}

// Three items of two per page: the second page is needed, the third is not.
#[tokio::test(start_paused = true)]
async fn taking_three_items_requests_two_pages() {
    let api = Arc::new(Api::new(3, None));
    let items: Vec<_> = all_items(Arc::clone(&api)).take(3).collect().await;
    assert_eq!(items.len(), 3);
    assert_eq!(api.requests(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_failed_page_is_the_last_item() {
    let api = Arc::new(Api::new(3, Some(1)));
    let items: Vec<_> = all_items(Arc::clone(&api)).collect().await;
    let expected = [
        Ok("item 0.0".to_string()),
        Ok("item 0.1".to_string()),
        Err(ApiError { page: 1 }),
    ];
    assert_eq!(items, expected);
    assert_eq!(api.requests(), 2);
}
