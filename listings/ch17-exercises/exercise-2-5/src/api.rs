use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// One page of results, and the number of the next page if there is one.
pub struct Page {
    pub items: Vec<String>,
    pub next: Option<u32>,
}

/// The error a page request can end with.
#[derive(Debug, PartialEq, Eq)]
pub struct ApiError {
    pub page: u32,
}

/// A stand-in for a paginated web API: `pages` pages of two items each,
/// 100 ms per request, and, if `fail_at` is set, an error for that page.
/// It counts the requests it gets.
pub struct Api {
    pub pages: u32,
    pub fail_at: Option<u32>,
    requests: AtomicU32,
}

impl Api {
    pub fn new(pages: u32, fail_at: Option<u32>) -> Self {
        Api {
            pages,
            fail_at,
            requests: AtomicU32::new(0),
        }
    }

    /// Fetches page `n` (the first page is 0).
    pub async fn page(&self, n: u32) -> Result<Page, ApiError> {
        self.requests.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(100)).await;
        if self.fail_at == Some(n) {
            return Err(ApiError { page: n });
        }
        Ok(Page {
            items: vec![format!("item {n}.0"), format!("item {n}.1")],
            next: (n + 1 < self.pages).then_some(n + 1),
        })
    }

    /// How many pages were requested so far.
    pub fn requests(&self) -> u32 {
        self.requests.load(Ordering::SeqCst)
    }
}
